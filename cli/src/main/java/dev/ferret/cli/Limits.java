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

    /**
     * Model, draft and adapter options name files, checked before anything runs: a missing or unreadable file or a
     * folder is refused by option and name, even where the question would be answered without loading it (a typo in
     * {@code --model} is not silently ignored because the hybrid path needed no model).
     */
    static void checkFiles(CommandSpec spec, java.nio.file.Path model, java.nio.file.Path draft,
                           java.util.List<java.nio.file.Path> loras) {
        checkFile(spec, "--model", model);
        checkFile(spec, "--draft", draft);
        for (java.nio.file.Path p : loras) {
            checkFile(spec, "--lora", p);
        }
    }

    private static void checkFile(CommandSpec spec, String option, java.nio.file.Path p) {
        if (p == null) {
            return;
        }
        String problem = java.nio.file.Files.isDirectory(p) ? "is a directory; give a .gguf file"
                : !java.nio.file.Files.exists(p) ? "no such file"
                : !java.nio.file.Files.isRegularFile(p) ? notRegular(p)
                : !java.nio.file.Files.isReadable(p) ? "is not readable"
                : null;
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), option + " " + p + ": " + problem);
        }
    }

    /** Why a path that is neither a directory nor a regular file is refused, naming what it is ("a named pipe (FIFO)"). */
    private static String notRegular(java.nio.file.Path p) {
        try {
            String kind = dev.ferret.models.io.RegularFiles.kind(p);
            if (kind != null) {
                return "is " + kind + ", not a regular file";
            }
        } catch (java.io.IOException e) {
            // changed since it was looked at: say what was seen
        }
        return "is not a regular file";
    }

    private static String fmt(float f) {
        return f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f);
    }
}
