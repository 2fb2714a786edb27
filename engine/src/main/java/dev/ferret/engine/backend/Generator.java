package dev.ferret.engine.backend;

import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.TokenListener;

/**
 * Text in, text out, over one backend: the FFM engine ({@link FfmGenerator}) or java-llama.cpp's JNI API
 * ({@link JniGenerator}). The common ground the two are compared on, in tests and benchmarks.
 *
 * <p>Implementations hold one session: one thread at a time; close from any thread.
 */
public interface Generator extends AutoCloseable {
    /** "ffm" or "jni". */
    String backend();

    /** Generates after a raw prompt (special tokens such as {@code <|im_start|>} parsed). */
    Generation complete(String prompt, GenerationRequest request, TokenListener listener);

    int[] tokenize(String text);

    @Override
    void close();

    /** The backends a user can pick. */
    enum Kind {
        FFM, JNI;

        public static Kind parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "ffm", "panama" -> FFM;
                case "jni" -> JNI;
                default -> throw new IllegalArgumentException("unknown backend '" + s + "' (ffm or jni)");
            };
        }
    }
}
