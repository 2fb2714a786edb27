package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.models.CalibratedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthetic calibrated pairs through llama.cpp: the shipped trained draft model (64 wide, 2 layers) as the draft,
 * and a target built from it ({@link CalibratedTarget}): 4 times as wide (256) and with 2 extra layers whose
 * output projections are zero. The target must compute exactly the draft's logits in single-token decodes, and
 * speculative decoding on the pair must give the target's plain greedy output.
 */
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

    private static Generation generate(Model m, Drafter d, int max) {
        try (Session s = m.newSession()) {
            return s.generate(PROMPT, GenerationRequest.greedy(max), null, d);
        }
    }
}
