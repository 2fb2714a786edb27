package dev.ferret.bench;

import dev.ferret.llama.Batch;
import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaModel;
import dev.ferret.llama.ModelParams;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CPU thread counts: prompt processing (one batch of 128 tokens) and generation (32 single-token decodes),
 * on the CPU device. GPU layers are chosen with {@code -Dferret.bench.gpuLayers} where the loaded library has
 * a GPU (see the README for Metal and CUDA).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThreadsBenchmark {
    @Param({"1", "2"})
    public int threads;

    LlamaModel model;
    LlamaContext ctx;
    Batch batch;
    Random rnd = new Random(1);
    int vocab;

    @Setup(Level.Trial)
    public void setUp() {
        int gpu = Integer.getInteger("ferret.bench.gpuLayers", 0);
        model = LlamaModel.load(LlamaBackend.get(), BenchModels.target(), ModelParams.defaults().withGpuLayers(gpu), null);
        ctx = model.newContext(ContextParams.defaults().withContextSize(512).withBatchSize(128).withThreads(threads));
        batch = new Batch(128, 1);
        vocab = model.vocab().size();
    }

    @Benchmark
    public double prefill128() {
        return Throughput.runPp(ctx, batch, 128, vocab, rnd);
    }

    @Benchmark
    public double decode32() {
        return Throughput.runTg(ctx, batch, 32, vocab, rnd);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
        ctx.close();
        model.close();
    }
}
