package dev.ferret.engine;

/**
 * How to load a model and size its sessions.
 *
 * <p>Immutable; thread-safe.
 *
 * @param contextSize  tokens per session's KV cache; 0 = min(training context, 4096)
 * @param batchSize    most tokens per decode call (prompt chunks)
 * @param threads      CPU threads for decoding; 0 = all available processors
 * @param gpuLayers    layers offloaded to a GPU (-1 = all; 0 on CPU-only builds)
 * @param mmap         map the weights instead of reading them
 */
public record ModelOptions(int contextSize, int batchSize, int threads, int gpuLayers, boolean mmap) {
    public ModelOptions {
        if (contextSize < 0 || batchSize <= 0 || threads < 0 || gpuLayers < -1) {
            throw new IllegalArgumentException("invalid model options: contextSize=" + contextSize + " batchSize="
                    + batchSize + " threads=" + threads + " gpuLayers=" + gpuLayers);
        }
    }

    public static ModelOptions defaults() {
        return new ModelOptions(0, 512, 0, 0, true);
    }

    public ModelOptions withContextSize(int n) {
        return new ModelOptions(n, batchSize, threads, gpuLayers, mmap);
    }

    public ModelOptions withBatchSize(int n) {
        return new ModelOptions(contextSize, n, threads, gpuLayers, mmap);
    }

    public ModelOptions withThreads(int n) {
        return new ModelOptions(contextSize, batchSize, n, gpuLayers, mmap);
    }

    public ModelOptions withGpuLayers(int n) {
        return new ModelOptions(contextSize, batchSize, threads, n, mmap);
    }

    public ModelOptions withMmap(boolean on) {
        return new ModelOptions(contextSize, batchSize, threads, gpuLayers, on);
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
