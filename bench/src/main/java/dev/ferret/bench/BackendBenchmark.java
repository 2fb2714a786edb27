package dev.ferret.bench;

import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.TokenListener;
import dev.ferret.engine.backend.FfmGenerator;
import dev.ferret.engine.backend.Generator;
import dev.ferret.engine.backend.JniGenerator;
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
 * FFM versus JNI on the same model file and the same llama.cpp library: {@code answer} generates 64 greedy
 * tokens after a cached prompt (end to end), {@code tokenize} measures one short call across the boundary
 * (per-call overhead).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BackendBenchmark {
    @Param({"ffm", "jni"})
    public String backend;

    Generator gen;

    @Setup(Level.Trial)
    public void setUp() {
        ModelOptions o = ModelOptions.defaults().withContextSize(2048);
        gen = backend.equals("ffm") ? new FfmGenerator(BenchModels.target(), o) : new JniGenerator(BenchModels.target(), o);
    }

    @Benchmark
    public String answer() {
        return gen.complete(Prompts.turn2(), GenerationRequest.greedy(64), TokenListener.NONE).text();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int[] tokenize() {
        return gen.tokenize("class Client(Protocol):");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gen.close();
    }
}
