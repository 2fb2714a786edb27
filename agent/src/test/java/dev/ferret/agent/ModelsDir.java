package dev.ferret.agent;

import java.util.function.Supplier;

/** Points {@code ferret.models} (where the shipped default models are looked for) somewhere for a test, and back. */
public final class ModelsDir {
    static final String PROPERTY = "ferret.models";

    private ModelsDir() {}

    /** Sets the folder; returns the previous value (null when unset) for {@link #restore}. */
    public static String set(String dir) {
        String old = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, dir);
        return old;
    }

    public static void restore(String old) {
        if (old == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, old);
        }
    }

    /** Runs {@code body} with the folder set to {@code dir}. */
    public static <T> T with(String dir, Supplier<T> body) {
        String old = set(dir);
        try {
            return body.get();
        } finally {
            restore(old);
        }
    }
}
