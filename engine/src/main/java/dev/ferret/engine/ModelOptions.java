package dev.ferret.engine;

import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.ModelParams;
import dev.ferret.llama.RpcServers;
import dev.ferret.llama.Threadpool;
import java.util.ArrayList;
import java.util.List;

/**
 * How to load a model and size its sessions. Every value is checked here, before llama.cpp sees it (a thread
 * count above 512 crashes ggml, and sizes beyond the bounds below only end in failed allocations): a value out
 * of range gives an {@link IllegalArgumentException} naming the option and its range.
 *
 * <p>Immutable; thread-safe.
 *
 * @param contextSize  tokens per session's KV cache; 0 = min(training context, 4096); else 16 to {@link #MAX_CONTEXT}
 * @param batchSize    most tokens per decode call (prompt chunks), 1 to {@link #MAX_CONTEXT}
 * @param threads      CPU threads for decoding; 0 = all available processors; else 1 to {@link #MAX_THREADS}
 * @param gpuLayers    layers offloaded to a GPU (-1 = all; 0 on CPU-only builds), up to {@link #MAX_GPU_LAYERS}
 * @param mmap         map the weights instead of reading them
 * @param threadpool   how each session runs its CPU threads: by default a persistent ggml threadpool per
 *                     session, as llama.cpp's own tools run (see {@link Threadpool}; poll and priority only
 *                     matter for builds without OpenMP)
 * @param rpcServers   llama.cpp RPC servers ({@code host:port}) to offload layers to, empty for none; with servers,
 *                     a {@code gpuLayers} of 0 means all layers (see {@link dev.ferret.llama.RpcServers})
 */
public record ModelOptions(int contextSize, int batchSize, int threads, int gpuLayers, boolean mmap,
                           Threadpool.Settings threadpool, List<String> rpcServers) {
    /** ggml's GGML_MAX_N_THREADS (b4916, b4980): its per-thread arrays have this many slots. */
    public static final int MAX_THREADS = ContextParams.MAX_THREADS;
    /** Largest context or batch: 2^24 tokens, above any model's training context and any machine's KV memory. */
    public static final int MAX_CONTEXT = ContextParams.MAX_CONTEXT;
    /** Smallest explicit context: room for a prompt token and a generated one, and llama.cpp's padding. */
    public static final int MIN_CONTEXT = 16;
    /** Largest layer count for offloading (llama.cpp caps any count at the model's layers; models have well under this). */
    public static final int MAX_GPU_LAYERS = 4096;

    public ModelOptions {
        if (contextSize != 0 && (contextSize < MIN_CONTEXT || contextSize > MAX_CONTEXT)) {
            throw new IllegalArgumentException("contextSize must be 0 (the model's own, at most 4096) or "
                    + MIN_CONTEXT + " to " + MAX_CONTEXT + ", got " + contextSize);
        }
        if (batchSize < 1 || batchSize > MAX_CONTEXT) {
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_CONTEXT + ", got " + batchSize);
        }
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 0 (all processors) or 1 to " + MAX_THREADS
                    + " (ggml's limit), got " + threads);
        }
        if (gpuLayers < -1 || gpuLayers > MAX_GPU_LAYERS) {
            throw new IllegalArgumentException("gpuLayers must be -1 (all) or 0 to " + MAX_GPU_LAYERS + ", got " + gpuLayers);
        }
        if (threadpool == null) {
            throw new IllegalArgumentException("threadpool settings must not be null (use Threadpool.Settings.NONE for none)");
        }
        List<String> servers = new ArrayList<>();
        for (String s : rpcServers == null ? List.<String>of() : rpcServers) {
            String e = RpcServers.Endpoint.parse(s).toString();
            if (servers.contains(e)) {
                throw new IllegalArgumentException("RPC server " + e + " is listed twice");
            }
            servers.add(e);
        }
        rpcServers = List.copyOf(servers);
    }

    /** Without RPC servers. */
    public ModelOptions(int contextSize, int batchSize, int threads, int gpuLayers, boolean mmap, Threadpool.Settings threadpool) {
        this(contextSize, batchSize, threads, gpuLayers, mmap, threadpool, List.of());
    }

    /**
     * The defaults. GPU layers and mmap are llama.cpp's own ({@code llama_model_default_params}: no layers offloaded
     * on CPU and CUDA builds, all on Metal builds; mmap on), and the batch size is its physical batch
     * ({@code llama_context_default_params}' {@code n_ubatch}, 512 at b4916), so that a decode call is one
     * ubatch; context size 0 (the model's own, at most 4096) and threads 0 (all processors) are Ferret's, and so
     * is the persistent threadpool. The first call loads the native library to read the C defaults; where the library
     * has no C API (the Windows DLLs, used through the JNI backend) they are b4916's: 0 layers, mmap on, 512.
     */
    public static ModelOptions defaults() {
        return Defaults.VALUE;
    }

    /** Read once, on first use. */
    private static final class Defaults {
        static final ModelOptions VALUE = read();

        private static ModelOptions read() {
            try {
                ModelParams model = ModelParams.defaults();
                ContextParams context = ContextParams.defaults();
                return new ModelOptions(0, context.ubatchSize(), 0, model.gpuLayers(), model.useMmap(),
                        Threadpool.Settings.DEFAULT);
            } catch (LlamaException e) {
                // no C API to ask (the Windows DLLs export only the JNI backend's entry points): b4916's values
                return new ModelOptions(0, 512, 0, 0, true, Threadpool.Settings.DEFAULT);
            }
        }
    }

    public ModelOptions withContextSize(int n) {
        return new ModelOptions(n, batchSize, threads, gpuLayers, mmap, threadpool, rpcServers);
    }

    public ModelOptions withBatchSize(int n) {
        return new ModelOptions(contextSize, n, threads, gpuLayers, mmap, threadpool, rpcServers);
    }

    public ModelOptions withThreads(int n) {
        return new ModelOptions(contextSize, batchSize, n, gpuLayers, mmap, threadpool, rpcServers);
    }

    public ModelOptions withGpuLayers(int n) {
        return new ModelOptions(contextSize, batchSize, threads, n, mmap, threadpool, rpcServers);
    }

    public ModelOptions withMmap(boolean on) {
        return new ModelOptions(contextSize, batchSize, threads, gpuLayers, on, threadpool, rpcServers);
    }

    /** Threadpool settings for every session (poll 0..100; {@link Threadpool.Settings#NONE} for none). */
    public ModelOptions withThreadpool(Threadpool.Settings settings) {
        return new ModelOptions(contextSize, batchSize, threads, gpuLayers, mmap, settings, rpcServers);
    }

    /** Offloads layers to these llama.cpp RPC servers ({@code host:port} each; empty for none). */
    public ModelOptions withRpcServers(List<String> servers) {
        return new ModelOptions(contextSize, batchSize, threads, gpuLayers, mmap, threadpool, servers);
    }

    /** Layers to offload as llama.cpp takes it: with RPC servers and no explicit count, all of them. */
    int effectiveGpuLayers() {
        return !rpcServers.isEmpty() && gpuLayers == 0 ? -1 : gpuLayers;
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }
}
