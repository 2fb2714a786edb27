package dev.ferret.engine;

import dev.ferret.llama.Threadpool;

/**
 * How to load a model and size its sessions.
 *
 * @param contextSize  tokens per session's KV cache; 0 = min(training context, 4096)
 * @param batchSize    most tokens per decode call (prompt chunks)
 * @param threads      CPU threads for decoding; 0 = all available processors
 * @param gpuLayers    layers offloaded to a GPU (-1 = all; 0 on CPU-only builds)
 * @param mmap         map the weights instead of reading them
 * @param threadpool   how each session runs its CPU threads: by default a persistent ggml threadpool per
 *                     session, as llama.cpp's own tools run (see {@link Threadpool}; poll and priority only
 *                     matter for builds without OpenMP)
 */
public record ModelOptions(int contextSize, int batchSize, int threads, int gpuLayers, boolean mmap,
                           Threadpool.Settings threadpool) {
    public ModelOptions {
        if (contextSize < 0 || batchSize <= 0 || threads < 0 || threads > Threadpool.MAX_THREADS || gpuLayers < -1 || threadpool == null) {
            throw new IllegalArgumentException("invalid model options: contextSize=" + contextSize + " batchSize="
                    + batchSize + " threads=" + threads + " gpuLayers=" + gpuLayers + " threadpool=" + threadpool);
        }
    }

    public static ModelOptions defaults() {
        return new ModelOptions(0, 512, 0, 0, true, Threadpool.Settings.DEFAULT);
    }

    public ModelOptions withContextSize(int n) {
        return new ModelOptions(n, batchSize, threads, gpuLayers, mmap, threadpool);
    }

    public ModelOptions withBatchSize(int n) {
        return new ModelOptions(contextSize, n, threads, gpuLayers, mmap, threadpool);
    }

    public ModelOptions withThreads(int n) {
        return new ModelOptions(contextSize, batchSize, n, gpuLayers, mmap, threadpool);
    }

    public ModelOptions withGpuLayers(int n) {
        return new ModelOptions(contextSize, batchSize, threads, n, mmap, threadpool);
    }

    public ModelOptions withMmap(boolean on) {
        return new ModelOptions(contextSize, batchSize, threads, gpuLayers, on, threadpool);
    }

    /** Threadpool settings for every session (poll 0..100; {@link Threadpool.Settings#NONE} for none). */
    public ModelOptions withThreadpool(Threadpool.Settings settings) {
        return new ModelOptions(contextSize, batchSize, threads, gpuLayers, mmap, settings);
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
