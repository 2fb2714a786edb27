package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.backend.FfmGenerator;
import dev.ferret.engine.backend.JniGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The FFM engine and java-llama.cpp's JNI API, same library, same model, same greedy settings: same text. */
@Tag("slow")
@Tag("native")
class BackendParityTest {
    @Test
    void ffmAndJniGiveTheSameGreedyText() {
        String prompt = "<|im_start|>user\nList TODO comments in the source code<|im_end|>\n<|im_start|>assistant\n";
        GenerationRequest req = GenerationRequest.greedy(32);
        String ffm;
        String jni;
        try (FfmGenerator f = new FfmGenerator(TestModels.tinyQ4(), TestModels.small())) {
            ffm = f.complete(prompt, req, TokenListener.NONE).text();
        }
        try (JniGenerator j = new JniGenerator(TestModels.tinyQ4(), TestModels.small())) {
            jni = j.complete(prompt, req, TokenListener.NONE).text();
            assertEquals(List.of(), diff(new FfmGenerator(TestModels.tinyQ4(), TestModels.small()), j, "x = 1\n" + "y".repeat(3000)));
            // llama.cpp would overflow java-llama.cpp's thread stack: refused before it sees the text
            String line = "=".repeat(20_000);
            assertThrows(EngineException.Native.class, () -> j.tokenize(line));
            assertThrows(EngineException.Native.class, () -> j.complete(line, req, TokenListener.NONE));
        }
        assertTrue(ffm.length() > 0);
        assertEquals(ffm, jni);
    }

    /**
     * Issue 10.4: stop strings and the token budget mean the same on both backends: the text ends before the first
     * stop string (finish reason STOP_STRING, the stop string named), and a budget of n tokens gives the FFM path's
     * n tokens of text. What differs is documented on {@link JniGenerator}: MAX_TOKENS is reported only when the
     * reply came in at least n text pieces, and the result's token ids are the text tokenized again.
     */
    @Test
    void stopStringsAndTheTokenBudgetMeanTheSame() {
        String prompt = "<|im_start|>user\nList TODO comments in the source code<|im_end|>\n<|im_start|>assistant\n";
        try (FfmGenerator f = new FfmGenerator(TestModels.tinyQ4(), TestModels.small());
             JniGenerator j = new JniGenerator(TestModels.tinyQ4(), TestModels.small())) {
            Generation full = f.complete(prompt, GenerationRequest.greedy(24), TokenListener.NONE);
            String text = full.text();
            assertTrue(text.length() > 12, text);
            String stop = text.substring(text.length() / 2, text.length() / 2 + 3);
            GenerationRequest stopping = GenerationRequest.greedy(24).withStops(List.of(stop));
            Generation fs = f.complete(prompt, stopping, TokenListener.NONE);
            Generation js = j.complete(prompt, stopping, TokenListener.NONE);
            assertEquals(FinishReason.STOP_STRING, fs.finishReason());
            assertEquals(fs.finishReason(), js.finishReason());
            assertEquals(fs.text(), js.text());
            assertEquals(stop, js.stopString());
            assertEquals(text.substring(0, text.indexOf(stop)), js.text());

            GenerationRequest budget = GenerationRequest.greedy(5);
            Generation fb = f.complete(prompt, budget, TokenListener.NONE);
            Generation jb = j.complete(prompt, budget, TokenListener.NONE);
            assertEquals(FinishReason.MAX_TOKENS, fb.finishReason());
            assertEquals(5, fb.generatedTokens());
            assertEquals(fb.text(), jb.text(), "the same 5 tokens");
            // the documented difference: java-llama.cpp streams text, and tokens that end inside a UTF-8 character
            // come in one piece with the next, so this random model's 5 tokens arrive in fewer pieces and the JNI
            // backend cannot tell the budget from an end-of-generation token
            assertTrue(Set.of(FinishReason.MAX_TOKENS, FinishReason.END_OF_GENERATION).contains(jb.finishReason()),
                    jb.finishReason().toString());
        }
    }

    /**
     * A listener that throws: the exception reaches the caller as thrown, the request's task is cancelled on the way
     * out (not observable here without timing it: java-llama.cpp exposes no slot state), and the model serves the
     * next request to its end. The next request's text is not compared with an earlier one: in 2 of 21 runs it
     * differed (the same other text both times). Most likely, not established: java-llama.cpp reuses the cached
     * prompt as far as the cancelled task left it and evaluates the rest in another split, whose rounding changes
     * this random-weight model's greedy text.
     */
    @Test
    void aThrowingListenerEndsTheRequestAndTheNextOneIsServed() {
        String prompt = "<|im_start|>user\nFind all async functions<|im_end|>\n<|im_start|>assistant\n";
        try (JniGenerator j = new JniGenerator(TestModels.tinyQ4(), TestModels.small())) {
            IllegalStateException boom = new IllegalStateException("listener failed");
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> j.complete(prompt, GenerationRequest.greedy(4096), piece -> {
                        throw boom;
                    }));
            assertSame(boom, thrown);
            StringBuilder streamed = new StringBuilder();
            Generation next = j.complete(prompt, GenerationRequest.greedy(16), piece -> {
                streamed.append(piece);
                return true;
            });
            assertTrue(Set.of(FinishReason.MAX_TOKENS, FinishReason.END_OF_GENERATION).contains(next.finishReason()),
                    next.finishReason().toString());
            assertEquals(next.text(), streamed.toString(), "the listener saw the whole reply");
            assertTrue(next.text().length() > 0);
        }
    }

    /** Empty when both backends give the same ids for {@code text}; closes {@code ffm}. */
    private static List<String> diff(FfmGenerator ffm, JniGenerator jni, String text) {
        try (ffm) {
            int[] a = ffm.tokenize(text);
            int[] b = jni.tokenize(text);
            return Arrays.equals(a, b) ? List.of() : List.of(Arrays.toString(a), Arrays.toString(b));
        }
    }
}
