package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.llama.Batch;
import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaModel;
import dev.ferret.models.CalibratedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Synthetic calibrated pairs through llama.cpp: the shipped trained draft model (64 wide, 2 layers) as the draft,
 * and a target built from it ({@link CalibratedTarget}): 4 times as wide (256) and with 2 extra layers whose
 * output projections are zero. The target must compute exactly the draft's logits in single-token decodes, and
 * speculative decoding on the pair must give the target's plain greedy output.
 */
@Tag("native")
class CalibratedPairTest {
    static final String PROMPT = "<|im_start|>user\nWhich classes subclass Protocol?<|im_end|>\n<|im_start|>assistant\n"
            + "<tool_call>\n{\"name\": \"find_classes\", \"arguments\": {\"base\": \"Protocol\"}}\n</tool_call><|im_end|>\n"
            + "<|im_start|>user\n<tool_response>\nshop/compat.py:15: class Clock(Protocol)\nshop/notify.py:8: class Notifier(Protocol)\n"
            + "shop/pricing.py:13: class PricingRule(Protocol)\n</tool_response><|im_end|>\n<|im_start|>assistant\n";
    static Path source;
    static Model draft;
    static Model exact;
    static Model noisy;

    static Path shippedDraft() {
        Path d = Path.of("..", "models", "default", "ferret-draft-q8_0.gguf").toAbsolutePath().normalize();
        return Files.isRegularFile(d) ? d : Path.of("models", "default", "ferret-draft-q8_0.gguf").toAbsolutePath();
    }

    @BeforeAll
    static void build() {
        source = shippedDraft();
        Path exactFile = TestModels.dir().resolve("calibrated-exact.gguf");
        Path noisyFile = TestModels.dir().resolve("calibrated-noisy.gguf");
        CalibratedTarget.from(source).width(256).extraLayers(2).write(exactFile);
        CalibratedTarget.from(source).width(256).extraLayers(2).noise(0.4).write(noisyFile);
        exactFile.toFile().deleteOnExit();
        noisyFile.toFile().deleteOnExit();
        // one thread: these models are tiny, and two spinning threads suffer most on a shared machine
        ModelOptions one = TestModels.small().withThreads(1);
        draft = Model.load(source, one);
        exact = Model.load(exactFile, one);
        noisy = Model.load(noisyFile, one);
    }

    @AfterAll
    static void close() {
        draft.close();
        exact.close();
        noisy.close();
    }

    @Test
    void theTargetIsTheDraftsFunctionBitForBit() {
        assertEquals(4, exact.gguf().getInt("qwen2.block_count"));
        assertEquals(256, exact.gguf().getInt("qwen2.embedding_length"));
        assertTrue(exact.gguf().getBool("ferret.synthetic"), "labelled synthetic");
        assertTrue(exact.gguf().getString("general.name").contains("synthetic"));
        int[] prompt = draft.tokenize(PROMPT, true);
        try (Session d = draft.newSession(); Session t = exact.newSession()) {
            d.prefill(prompt);
            t.prefill(prompt);
            assertArrayEquals(d.logits(), t.logits(), "after the prompt");
            for (int i = 0; i < 24; i++) {
                int next = d.top().token();
                assertEquals(next, t.top().token(), "step " + i);
                d.append(next);
                t.append(next);
                assertArrayEquals(d.logits(), t.logits(), "step " + i);
            }
        }
    }

    @Test
    void greedyOutputWithSpeculationEqualsPlainDecoding() {
        Generation plain = generate(exact, null, 64);
        Generation lone = generate(draft, null, 64);
        assertArrayEquals(lone.tokens(), plain.tokens(), "the exact target writes what the draft writes");
        for (SpeculativeOptions o : new SpeculativeOptions[] {SpeculativeOptions.fixed(16), SpeculativeOptions.defaults()}) {
            try (Drafter d = new DraftModelDrafter(draft, exact, 512, o)) {
                Generation spec = generate(exact, d, 64);
                assertArrayEquals(plain.tokens(), spec.tokens(), o.toString());
                if (!o.adaptive()) {
                    // a batch may flip a near-tie (bench/results/README.md); with 16-token drafts that has not cost
                    // more than a few tokens here
                    assertTrue(spec.speculative().acceptanceRate() > 0.8, spec.speculative().toString());
                }
            }
            try (Drafter d = new PromptLookupDrafter(1, 4, o.withPMin(0f))) {
                assertArrayEquals(plain.tokens(), generate(exact, d, 64).tokens(), "lookup " + o);
            }
        }
    }

    @Test
    void noiseLowersTheAcceptanceAndChangesNothingElse() {
        Generation plain = generate(noisy, null, 64);
        try (Drafter fromExact = new DraftModelDrafter(draft, exact, 512, SpeculativeOptions.fixed(16));
             Drafter fromNoisy = new DraftModelDrafter(draft, noisy, 512, SpeculativeOptions.fixed(16))) {
            Generation e = generate(exact, fromExact, 64);
            Generation n = generate(noisy, fromNoisy, 64);
            assertArrayEquals(plain.tokens(), n.tokens(), "speculation on the noisy target still gives its plain output");
            assertTrue(n.speculative().acceptanceRate() < e.speculative().acceptanceRate(),
                    "noisy " + n.speculative() + " vs exact " + e.speculative());
            System.out.println("calibrated pair acceptance: exact " + e.speculative() + ", noise 0.4 " + n.speculative());
        }
    }

    @Test
    void batchKernelsDifferOnlyInTheLastBitsSoOnlyNearTiesCanFlip() {
        // verification runs the target on a batch; plain decoding runs it a token at a time. Both are llama.cpp
        // computing the same function with other kernels and summation orders, so the logits can differ in the
        // last bits, and a greedy choice can flip only where two logits nearly tie. The Q8_0 pair here computes
        // both the same way; a Q4_0 model (whose weights llama.cpp repacks for batched AVX2 kernels) does not.
        compareBatchWithSingle(exact, "calibrated Q8_0 target");
        try (Model q4 = Model.load(TestModels.model("small", dev.ferret.gguf.GgufType.Q4_0, 3), TestModels.small().withThreads(1))) {
            compareBatchWithSingle(q4, "random small Q4_0 model");
        }
    }

    private static void compareBatchWithSingle(Model m, String what) {
        int[] tokens = m.tokenize(PROMPT, true);
        int n = Math.min(48, tokens.length);
        LlamaModel lm = m.llama();
        float[][] single = new float[n][];
        float[][] batched = new float[n][];
        try (LlamaContext a = lm.newContext(ContextParams.defaults().withContextSize(256).withBatchSize(64).withThreads(1));
             LlamaContext b = lm.newContext(ContextParams.defaults().withContextSize(256).withBatchSize(64).withThreads(1));
             Batch one = new Batch(1, 1); Batch all = new Batch(64, 1)) {
            for (int i = 0; i < n; i++) {
                one.clear();
                one.add(tokens[i], i, 0, true);
                a.decode(one);
                single[i] = a.logits(-1);
                all.add(tokens[i], i, 0, true);
            }
            b.decode(all);
            for (int i = 0; i < n; i++) {
                batched[i] = b.logits(i);
            }
        }
        double maxDiff = 0;
        int flips = 0;
        for (int i = 0; i < n; i++) {
            int sa = argmax(single[i]);
            int ba = argmax(batched[i]);
            for (int v = 0; v < single[i].length; v++) {
                maxDiff = Math.max(maxDiff, Math.abs(single[i][v] - batched[i][v]));
            }
            if (sa != ba) {
                flips++;
                float margin = Math.abs(single[i][sa] - single[i][ba]);
                assertTrue(margin < 1e-2f, "a flip at position " + i + " with a margin of " + margin + " is not a near-tie");
            }
        }
        assertTrue(maxDiff < 0.05, "batch and single-token logits differ by " + maxDiff);
        System.out.println("batch vs single-token logits, " + what + ": max |difference| " + maxDiff + ", greedy flips " + flips + " of " + n);
    }

    private static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    private static Generation generate(Model m, Drafter d, int max) {
        try (Session s = m.newSession()) {
            return s.generate(PROMPT, GenerationRequest.greedy(max), null, d);
        }
    }
}
