package dev.ferret.lab.data;

import java.util.Locale;

/** Where a codebase's examples go. Every codebase is in exactly one split. */
public enum Split {
    TRAIN, VALID, TEST;

    /** {@code train}, {@code valid}, {@code test}: the manifest word and the JSONL file's base name. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code train.jsonl} and so on (the names mlx_lm looks for). */
    public String fileName() {
        return word() + ".jsonl";
    }

    /** The sidecar with one metadata line per example, in the same order. */
    public String metaFileName() {
        return word() + ".meta.jsonl";
    }

    public static Split parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "train" -> TRAIN;
            case "valid", "validation" -> VALID;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + s + "' (train, valid, test)");
        };
    }
}
