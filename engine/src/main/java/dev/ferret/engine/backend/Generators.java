package dev.ferret.engine.backend;

import dev.ferret.engine.ModelOptions;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.NativeLibrary;
import java.nio.file.Path;

/**
 * Opens a {@link Generator} on the chosen backend; "auto" prefers FFM and falls back to JNI where the C API is missing.
 *
 * <p>Thread-safe.
 */
public final class Generators {
    private static final System.Logger LOG = System.getLogger(Generators.class.getName());

    private Generators() {}

    /** @param backend "ffm", "jni" or "auto" */
    public static Generator open(String backend, Path model, ModelOptions options) {
        if (backend.equalsIgnoreCase("auto")) {
            boolean cApi;
            String why;
            try {
                cApi = NativeLibrary.hasCApi();
                why = NativeLibrary.describe() + " does not export the llama.cpp C API";
            } catch (LlamaException.LibraryLoad e) {
                cApi = false;
                why = e.getMessage();
            }
            if (!cApi) {
                LOG.log(System.Logger.Level.WARNING, "FFM backend unavailable (" + why + "); using the JNI backend (java-llama.cpp)");
                return new JniGenerator(model, options);
            }
            return new FfmGenerator(model, options);
        }
        return switch (Generator.Kind.parse(backend)) {
            case FFM -> new FfmGenerator(model, options);
            case JNI -> new JniGenerator(model, options);
        };
    }
}
