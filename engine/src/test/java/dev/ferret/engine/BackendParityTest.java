package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.backend.FfmGenerator;
import dev.ferret.engine.backend.JniGenerator;
import java.util.Arrays;
import java.util.List;
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

    /** Empty when both backends give the same ids for {@code text}; closes {@code ffm}. */
    private static List<String> diff(FfmGenerator ffm, JniGenerator jni, String text) {
        try (ffm) {
            int[] a = ffm.tokenize(text);
            int[] b = jni.tokenize(text);
            return Arrays.equals(a, b) ? List.of() : List.of(Arrays.toString(a), Arrays.toString(b));
        }
    }
}
