package dev.ferret.bench;

import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import java.util.List;
import java.util.Set;
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
 * Phase 3, speed-up 1: stopping inside the sampling loop versus the naive way (decode a fixed budget of
 * tokens, then cut the text at the stop). The "answer" ends where its stop string first appears in the
 * model's greedy output ({@value #ANSWER_TOKENS} tokens in); the budget is {@value #BUDGET} tokens, a common
 * max_tokens. Both variants return the same text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StopBenchmark {
    static final int ANSWER_TOKENS = 48;
    static final int BUDGET = 128;

    @Param({"sampler", "naive"})
    public String mode;

    Model model;
    Session session;
    String stop;
    String expected;

    @Setup(Level.Trial)
    public void setUp() {
        model = Model.load(BenchModels.target(), ModelOptions.defaults().withContextSize(2048));
        session = model.newSession();
        // pilot: the stop string is the text of the answer's last tokens
        Generation g = session.generate(Prompts.turn1(), GenerationRequest.greedy(ANSWER_TOKENS).withBanned(eog()), null);
        String text = g.text();
        for (int len = 4; len <= text.length(); len++) {
            String cand = text.substring(text.length() - len);
            if (text.indexOf(cand) == text.length() - len) {
                stop = cand;
                break;
            }
        }
        expected = text.substring(0, text.length() - stop.length());
    }

    Set<Integer> eog() {
        int a = model.specialToken("<|im_end|>");
        int b = model.specialToken("<|endoftext|>");
        return Set.of(a, b);
    }

    @Benchmark
    public String answer() {
        if (mode.equals("sampler")) {
            Generation g = session.generate(Prompts.turn1(), GenerationRequest.greedy(BUDGET).withStops(List.of(stop)), null);
            return g.text();
        }
        Generation g = session.generate(Prompts.turn1(), GenerationRequest.greedy(BUDGET).withBanned(eog()), null);
        int at = g.text().indexOf(stop);
        return at < 0 ? g.text() : g.text().substring(0, at);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        String got = answer();
        if (!got.equals(expected)) {
            throw new IllegalStateException("variant " + mode + " returned other text than the pilot");
        }
        model.close();
    }
}
