package dev.ferret.bench;

import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.kv.PrefixCache;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Phase 3, speed-up 3: KV-cache reuse. {@code turn2}: time to the first token of the agent's second turn
 * when the session still holds turn 1 ({@code reuse}) versus a session that starts over ({@code none}).
 * {@code coldStart}: a fresh session's first token after restoring the saved system-prompt state from disk
 * ({@code state}) versus prefilling it ({@code none}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KvReuseBenchmark {
    @Param({"reuse", "none"})
    public String cache;

    Model model;
    Session session;
    int[] turn1;
    int[] turn2;
    int[] prefix;
    PrefixCache prefixCache;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        model = Model.load(BenchModels.target(), ModelOptions.defaults().withContextSize(2048));
        session = model.newSession();
        turn1 = model.tokenize(Prompts.turn1(), true);
        turn2 = model.tokenize(Prompts.turn2(), true);
        prefix = model.tokenize(Prompts.SYSTEM, true);
        dir = Files.createTempDirectory("ferret-kv-bench");
        prefixCache = new PrefixCache(dir);
        try (Session s = model.newSession()) {
            prefixCache.save(s, prefix);
        }
    }

    /** Before each call: the session holds turn 1 (reuse) or nothing (none). */
    @Setup(Level.Invocation)
    public void before() {
        if (cache.equals("reuse")) {
            session.prefill(turn1);
        } else {
            session.reset();
        }
    }

    @Benchmark
    public int turn2() {
        return session.generate(turn2, GenerationRequest.greedy(1), null).tokens()[0];
    }

    @Benchmark
    public int coldStart() {
        try (Session s = model.newSession()) {
            if (cache.equals("reuse") && !prefixCache.restore(s, prefix)) {
                throw new IllegalStateException("prefix state did not restore");
            }
            return s.generate(turn1, GenerationRequest.greedy(1), null).tokens()[0];
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        model.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
