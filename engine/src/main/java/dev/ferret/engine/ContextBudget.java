package dev.ferret.engine;

import dev.ferret.llama.LlamaModel;
import java.lang.management.ManagementFactory;

/**
 * Checks a session's context size before llama.cpp allocates it. llama.cpp allocates the whole KV cache at
 * once and clears it, touching every page; an absurd size therefore does not fail cleanly, it gets the
 * process killed by the kernel. The estimate is the f16 K and V caches: 2 x layers x n_ctx x n_embd_kv x 2 bytes.
 */
final class ContextBudget {
    /** Below this a session cannot hold a chat turn; {@link Model#contextSize()} never goes below it either. */
    static final int MIN = 16;

    private ContextBudget() {}

    static void check(LlamaModel llama, int contextSize) {
        if (contextSize < MIN) {
            throw new IllegalArgumentException("context size " + contextSize + " is below the minimum of " + MIN + " tokens");
        }
        long perToken = kvBytesPerToken(llama);
        long need = perToken * contextSize;
        long have = physicalMemory();
        if (have > 0 && need > have) {
            throw new IllegalArgumentException("a context of " + contextSize + " tokens needs a KV cache of " + (need >> 20)
                    + " MiB (" + perToken + " bytes per token), more than this machine's " + (have >> 20) + " MiB of memory");
        }
    }

    static long kvBytesPerToken(LlamaModel llama) {
        long heads = Math.max(1, llama.headCount());
        long embdKv = llama.embeddingLength() / heads * Math.max(1, llama.headCountKv());
        return 2L * llama.layerCount() * embdKv * 2;
    }

    /** Total physical memory in bytes, or 0 when the platform does not say. */
    static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
