package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generation on a generated tiny Q4_0 qwen2 model through the real llama.cpp library. */
class GenerationTest extends TinyModelTest {
    static final String PROMPT = "<|im_start|>user\nWhich classes subclass Protocol?<|im_end|>\n<|im_start|>assistant\n";

    @Test
    void greedyIsDeterministicAcrossSessions() {
        Generation a;
        Generation b;
        try (Session s1 = model.newSession(); Session s2 = model.newSession()) {
            a = s1.generate(PROMPT, GenerationRequest.greedy(48), null);
            b = s2.generate(PROMPT, GenerationRequest.greedy(48), null);
        }
        assertEquals(48, a.generatedTokens(), "a random model should not stop on its own within 48 tokens here");
        assertArrayEquals(a.tokens(), b.tokens());
        assertEquals(a.text(), b.text());
        assertEquals(FinishReason.MAX_TOKENS, a.finishReason());
    }

    @Test
    void topIsTheGreedyTokenWithItsSoftmaxProbability() {
        try (Session s = model.newSession()) {
            s.prefill(model.tokenize(PROMPT, true));
            for (int step = 0; step < 8; step++) {
                float[] l = s.logits();
                int best = 0;
                for (int i = 1; i < l.length; i++) {
                    if (l[i] > l[best]) {
                        best = i;
                    }
                }
                double sum = 0;
                for (float v : l) {
                    sum += Math.exp(v - l[best]);
                }
                Session.Top top = s.top();
                assertEquals(best, top.token(), "step " + step);
                assertEquals(best, s.topToken(), "step " + step);
                assertEquals(1 / sum, top.probability(), 1e-6, "step " + step);
                s.append(best);
            }
        }
    }

    @Test
    void endsOnImEndWithNothingDecodedAfterIt() {
        int imEnd = model.specialToken("<|im_end|>");
        int eot = model.specialToken("<|endoftext|>");
        assertTrue(model.isEndOfGeneration(imEnd));
        // the grammar makes the random model write a fixed answer; once it is complete only EOG tokens are allowed
        GenerationRequest req = GenerationRequest.greedy(64).withGrammar("root ::= \"The answer is 42.\"")
                .withBanned(eot >= 0 ? Set.of(eot) : Set.of());
        try (Session s = model.newSession()) {
            Generation g = s.generate(PROMPT, req, null);
            assertEquals("The answer is 42.", g.text());
            assertEquals(FinishReason.END_OF_GENERATION, g.finishReason());
            int[] promptTokens = model.tokenize(PROMPT, true);
            // each kept token is decoded to get the next logits; <|im_end|> itself is never decoded
            assertEquals(promptTokens.length + g.generatedTokens(), g.decodedTokens());
            int[] history = s.history();
            assertEquals(promptTokens.length + g.generatedTokens(), history.length);
            for (int i = promptTokens.length; i < history.length; i++) {
                assertFalse(model.isEndOfGeneration(history[i]), "an EOG token reached the KV cache");
            }
            assertEquals(history.length - 1, s.kvPosMax(), "the KV cache holds exactly the history");
            for (int t : g.tokens()) {
                assertFalse(model.isEndOfGeneration(t));
            }
        }
    }

    @Test
    void stopStringSplitAcrossTokensIsCutExactly() {
        String answer = "class Foo(Protocol) in shop/api.py:12";
        GenerationRequest forced = GenerationRequest.greedy(64).withGrammar("root ::= \"" + answer + "\"");
        try (Session s = model.newSession()) {
            Generation full = s.generate(PROMPT, forced, null);
            assertEquals(answer, full.text());
            assertTrue(full.generatedTokens() >= 4, "need several tokens, got " + full.generatedTokens());
            // pick a token boundary in the middle and build a stop string that straddles it
            int k = full.generatedTokens() / 2;
            String before = model.detokenize(java.util.Arrays.copyOf(full.tokens(), k));
            String piece = model.detokenize(new int[] {full.tokens()[k]});
            String stop = before.substring(before.length() - 1) + piece;
            int at = answer.indexOf(stop);
            assertEquals(before.length() - 1, at, "stop string must first occur at the boundary");
            List<String> seen = new java.util.ArrayList<>();
            Generation cut = s.generate(PROMPT, forced.withStops(List.of(stop)), d -> seen.add(d));
            assertEquals(answer.substring(0, at), cut.text());
            assertEquals(String.join("", seen), cut.text(), "streamed text must equal the result, with no text after the stop");
            assertEquals(FinishReason.STOP_STRING, cut.finishReason());
            assertEquals(stop, cut.stopString());
            assertEquals(k + 1, cut.generatedTokens(), "generation ends on the token that completes the stop");
            // the prompt was cached; only the k kept tokens before the completing one were decoded
            assertEquals(cut.promptTokens() - cut.reusedTokens() + k, cut.decodedTokens());
        }
    }

    @Test
    void promptLongerThanContextIsATypedError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("word").append(i).append(' ');
        }
        try (Session s = model.newSession(128)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(EngineException.ContextOverflow.class,
                    () -> s.generate(sb.toString(), GenerationRequest.greedy(8), null));
            assertEquals(128, e.available());
            assertTrue(e.needed() > 128);
            // the session is still usable
            assertTrue(s.generate(PROMPT, GenerationRequest.greedy(4), null).generatedTokens() > 0);
        }
    }

    @Test
    void generationStopsWhenTheContextIsFull() {
        try (Session s = model.newSession(64)) {
            int[] p = model.tokenize(PROMPT, true);
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(500), null);
            assertEquals(FinishReason.CONTEXT_FULL, g.finishReason());
            assertTrue(p.length + g.generatedTokens() <= 64);
        }
    }

    @Test
    void useAfterCloseIsATypedError() {
        Model m = Model.load(TestModels.tinyQ4(), TestModels.small());
        Session s = m.newSession();
        s.close();
        org.junit.jupiter.api.Assertions.assertThrows(EngineException.Closed.class, () -> s.generate(PROMPT, GenerationRequest.greedy(4), null));
        Session s2 = m.newSession();
        m.close();
        org.junit.jupiter.api.Assertions.assertThrows(EngineException.Closed.class, () -> s2.generate(PROMPT, GenerationRequest.greedy(4), null));
        org.junit.jupiter.api.Assertions.assertThrows(EngineException.Closed.class, m::newSession);
        m.close(); // idempotent
        s2.close();
    }

    @Test
    void grammarWhoseOnlyContinuationIsBannedDoesNotCrash() {
        int x = model.tokenize("x", false)[0];
        try (Session s = model.newSession()) {
            // the only token the grammar allows first is banned: llama.cpp would abort on an empty candidate set
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(4).withGrammar("root ::= \"x\"").withBanned(Set.of(x)), null);
            assertEquals("x", g.text());
            // and where another token is possible, the ban holds
            Generation h = s.generate(PROMPT, GenerationRequest.greedy(4).withGrammar("root ::= \"x\" | \"y\"").withBanned(Set.of(x)), null);
            assertEquals("y", h.text());
        }
    }

    @Test
    void cancellationFromTheListener() {
        try (Session s = model.newSession()) {
            int[] count = {0};
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(64).withGrammar("root ::= \"a b c d e f g h i j k l m n o p\""),
                    d -> ++count[0] < 3);
            assertEquals(FinishReason.CANCELLED, g.finishReason());
            assertEquals(3, count[0]);
        }
    }

    @Test
    void chatTemplateMatchesLlamaCpp() {
        var msgs = List.of(dev.ferret.engine.chat.Message.system("You are terse."), dev.ferret.engine.chat.Message.user("Hi"),
                dev.ferret.engine.chat.Message.assistant("Hello."), dev.ferret.engine.chat.Message.user("Find async functions"));
        String ours = dev.ferret.engine.chat.ChatTemplate.render(msgs, List.of(), true);
        List<java.util.Map.Entry<String, String>> plain = msgs.stream()
                .map(m -> java.util.Map.entry(m.role().wireName(), m.content())).toList();
        assertEquals(model.llama().applyChatTemplate(null, plain, true), ours);
        assertEquals(model.llama().applyChatTemplate("chatml", plain, true), ours);
    }
}
