package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.backend.FfmGenerator;
import dev.ferret.engine.backend.JniGenerator;
import org.junit.jupiter.api.Test;

/** The FFM engine and java-llama.cpp's JNI API, same library, same model, same greedy settings: same text. */
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
        }
        assertTrue(ffm.length() > 0);
        assertEquals(ffm, jni);
    }
}
