package dev.ferret.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Bounds of numeric options, checked before any of them reaches the engine or native code. A value out of bounds
 * is a {@link ParameterException}: one {@code error:} line naming the option, and exit code 2.
 */
final class Limits {
    /** ggml's limit on CPU threads (GGML_MAX_N_THREADS in b4916); more crashed the process. */
    static final int MAX_THREADS = 512;

    private Limits() {
    }

    static void check(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be " + min + " to " + max + ", got " + value);
        }
    }

    /** A finite number of at least {@code min} (NaN and infinities are refused). */
    static void checkFinite(CommandSpec spec, String option, float value, float min, String meaning) {
        if (!Float.isFinite(value) || value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be a finite number >= " + fmt(min)
                    + (meaning.isEmpty() ? "" : " (" + meaning + ")") + ", got " + value);
        }
    }

    /** Model, draft and adapter options name files: a folder is refused by name (it was "model file not found"). */
    static void checkFiles(CommandSpec spec, java.nio.file.Path model, java.nio.file.Path draft,
                           java.util.List<java.nio.file.Path> loras) {
        java.util.List<java.nio.file.Path> all = new java.util.ArrayList<>(loras);
        all.add(model);
        all.add(draft);
        for (java.nio.file.Path p : all) {
            if (p != null && java.nio.file.Files.isDirectory(p)) {
                throw new ParameterException(spec.commandLine(), p + " is a directory; give a .gguf file");
            }
        }
    }

    private static String fmt(float f) {
        return f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f);
    }
}
