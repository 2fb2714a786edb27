package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.GgufVocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Speculative decoding must not change greedy output; its counters must add up. */
@Tag("native")
class SpeculativeTest {
    // a prompt with repetition, so prompt lookup has something to find
    static final String PROMPT = "<|im_start|>user\nshop/api.py:12: class Client(Protocol)\nshop/api.py:40: class Store(Protocol)\n"
            + "shop/db.py:7: class Repo(Protocol)<|im_end|>\n<|im_start|>assistant\nshop/api.py:12: class";
    static Model target;

    @BeforeAll
    static void load() {
        target = Model.load(TestModels.tinyQ4(), TestModels.small());
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static Generation run(Drafter d, int max) {
        try (Session s = target.newSession()) {
            return s.generate(PROMPT, GenerationRequest.greedy(max), null, d);
        }
    }

    private static void checkStats(Generation g) {
        SpecStats st = g.speculative();
        assertTrue(st.accepted() <= st.drafted(), st.toString());
        assertEquals(g.generatedTokens(), st.accepted() + st.targetTokens(), st.toString());
    }

    @Test
    void promptLookupGivesTheSameGreedyOutput() {
        Generation plain = run(null, 64);
        Generation spec = run(new PromptLookupDrafter(1, 4, SpeculativeOptions.fixed(16)), 64);
        assertArrayEquals(plain.tokens(), spec.tokens());
        assertEquals(plain.text(), spec.text());
        assertEquals(plain.finishReason(), spec.finishReason());
        checkStats(spec);
    }

    @Test
    void drafterThatAlwaysAgreesIsFullyAccepted() {
        // the target itself as its own draft model: every drafted token must be accepted
        try (Model draft = Model.load(TestModels.tinyQ4(), TestModels.small());
             Drafter d = new DraftModelDrafter(draft, target, 512, SpeculativeOptions.fixed(16))) {
            Generation plain = run(null, 48);
            Generation spec = run(d, 48);
            assertArrayEquals(plain.tokens(), spec.tokens());
            checkStats(spec);
            assertTrue(spec.speculative().drafted() > 0);
            assertEquals(spec.speculative().drafted(), spec.speculative().accepted() + unusedAtEnd(spec),
                    "only drafts cut off by the token budget may go unaccepted: " + spec.speculative());
            assertTrue(spec.speculative().targetBatches() < plain.generatedTokens(), "fewer target batches than tokens");
        }
    }

    private static int unusedAtEnd(Generation g) {
        return g.speculative().drafted() - g.speculative().accepted();
    }

    @Test
    void differentDraftModelStillGivesTheSameOutput() {
        // same tokenizer, other weights: many drafts are rejected, output unchanged
        try (Model draft = Model.load(TestModels.model("tiny", GgufType.Q8_0, 7), TestModels.small());
             Drafter d = new DraftModelDrafter(draft, target, 512, SpeculativeOptions.fixed(16))) {
            Generation plain = run(null, 48);
            Generation spec = run(d, 48);
            assertArrayEquals(plain.tokens(), spec.tokens());
            checkStats(spec);
        }
    }

    @Test
    void adaptiveModeStopsDraftingWhatIsNeverAccepted() {
        // another random model drafts tokens the target (almost) never takes, and costs as much as the target
        try (Model draft = Model.load(TestModels.model("tiny", GgufType.Q8_0, 7), TestModels.small());
             Drafter fixed = new DraftModelDrafter(draft, target, 512, SpeculativeOptions.fixed(16));
             Drafter adaptive = new DraftModelDrafter(draft, target, 512, SpeculativeOptions.defaults().withPMin(0f))) {
            Generation plain = run(null, 96);
            Generation f = run(fixed, 96);
            Generation a = run(adaptive, 96);
            assertArrayEquals(plain.tokens(), a.tokens());
            checkStats(a);
            assertTrue(a.speculative().skippedSteps() > 48, "most steps decoded plainly: " + a.speculative());
            assertTrue(a.speculative().drafted() < f.speculative().drafted() / 4,
                    "adaptive " + a.speculative() + " vs fixed " + f.speculative());
        }
    }

    @Test
    void minDraftDropsShortProposals() {
        // lookup proposes whatever follows the last match; with minDraft = maxDraft only full proposals are verified
        try (Drafter d = new PromptLookupDrafter(1, 4, new SpeculativeOptions(8, 8, 0f, false))) {
            Generation plain = run(null, 64);
            Generation spec = run(d, 64);
            assertArrayEquals(plain.tokens(), spec.tokens());
            checkStats(spec);
            assertTrue(spec.speculative().drafted() > 0, spec.speculative().toString());
            assertEquals(0, spec.speculative().drafted() % 8, "only 8-token drafts were verified: " + spec.speculative());
        }
    }

    @Test
    void legacyConstructorsAreAdaptiveWithTheirSettings() {
        try (Model draft = Model.load(TestModels.tinyQ4(), TestModels.small());
             DraftModelDrafter d = new DraftModelDrafter(draft, target, 256, 2, 0.6f)) {
            assertEquals(new SpeculativeOptions(16, 2, 0.6f, true), d.options());
        }
        assertEquals(SpeculativeOptions.lookupDefaults(), new PromptLookupDrafter(1, 4).options());
    }

    @Test
    void draftWithAnotherVocabularyIsRefused() {
        try (Model other = Model.load(TestModels.model("small", GgufType.Q8_0, 1), TestModels.small())) {
            assertThrows(EngineException.IncompatibleDraft.class, () -> new DraftModelDrafter(other, target, 256, 1, 0f));
        }
    }

    /** The target's tokens, then {@code extra} padding tokens, as llama.cpp's converter pads a larger embedding. */
    private static Path paddedTargetVocabulary(int extra, String name) {
        BpeTokenizer tok = BpeTokenizer.fromGguf(target.gguf());
        List<String> tokens = new ArrayList<>(tok.tokens());
        int[] types = Arrays.copyOf(tok.tokenTypes(), tok.vocabSize() + extra);
        for (int i = tok.vocabSize(); i < types.length; i++) {
            tokens.add("[PAD" + i + "]");
            types[i] = 5; // unused
        }
        GgufVocabulary v = new GgufVocabulary(new BpeTokenizer(tokens, types, tok.merges()), "qwen2",
                tok.specialId("<|im_end|>"), tok.specialId("<|endoftext|>"), tok.specialId("<|endoftext|>"), false);
        Path p = TestModels.dir().resolve(name);
        new ModelGenerator(ModelSpec.tiny()).vocabulary(v).weightType(GgufType.Q8_0).seed(7).write(p);
        return p;
    }

    @Test
    void draftPaddedToAnotherSizeIsAcceptedAsLlamaCppAcceptsIt() {
        // like Qwen2.5-Coder-0.5B (151,936 rows) drafting for the 7B (152,064): same tokens, other padding
        try (Model draft = Model.load(paddedTargetVocabulary(DraftModelDrafter.MAX_VOCAB_SIZE_DIFFERENCE, "padded.gguf"), TestModels.small());
             Drafter d = new DraftModelDrafter(draft, target, 512, 1, 0f)) {
            assertEquals(target.vocabSize() + 128, draft.vocabSize());
            Generation plain = run(null, 48);
            Generation spec = run(d, 48);
            assertArrayEquals(plain.tokens(), spec.tokens());
            checkStats(spec);
        }
        try (Model draft = Model.load(paddedTargetVocabulary(129, "overpadded.gguf"), TestModels.small())) {
            var e = assertThrows(EngineException.IncompatibleDraft.class, () -> new DraftModelDrafter(draft, target, 256, 1, 0f));
            assertTrue(e.getMessage().contains("more than 128"), e.getMessage());
        }
    }
}
