package dev.ferret.bench;

import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Phase 3, speed-up 2: plain decoding versus prompt lookup, a draft model, and the target drafting for itself
 * (every draft accepted: the ceiling of what batching verification can give on this machine). Greedy, 64
 * tokens after the agent's second turn; the acceptance rate is reported as an auxiliary counter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpeculativeBenchmark {
    static final int TOKENS = 64;

    @Param({"plain", "prompt-lookup", "draft-model", "self-draft"})
    public String mode;

    Model target;
    Model draftModel;
    Session session;
    Drafter drafter;
    int[] prompt;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long drafted;
        public long accepted;
        public long targetBatches;
    }

    @Setup(Level.Trial)
    public void setUp() {
        ModelOptions opts = ModelOptions.defaults().withContextSize(2048);
        target = Model.load(BenchModels.target(), opts);
        session = target.newSession();
        prompt = target.tokenize(Prompts.turn2(), true);
        drafter = switch (mode) {
            case "plain" -> null;
            case "prompt-lookup" -> new PromptLookupDrafter(1, 4);
            case "draft-model" -> {
                draftModel = Model.load(BenchModels.draft(), opts);
                yield new DraftModelDrafter(draftModel, target, 2048, 1, 0f);
            }
            case "self-draft" -> {
                draftModel = Model.load(BenchModels.target(), opts);
                yield new DraftModelDrafter(draftModel, target, 2048, 1, 0f);
            }
            default -> throw new IllegalArgumentException(mode);
        };
    }

    @Benchmark
    public int[] generate(Counters c) {
        Generation g = session.generate(prompt, GenerationRequest.greedy(TOKENS), null, drafter);
        c.drafted += g.speculative().drafted();
        c.accepted += g.speculative().accepted();
        c.targetBatches += g.speculative().targetBatches();
        return g.tokens();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (drafter != null) {
            drafter.close();
        }
        if (draftModel != null) {
            draftModel.close();
        }
        target.close();
    }
}
