package dev.ferret.agent.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A word list shipped as a resource: words separated by white space, lines starting with {@code #} and blank lines
 * ignored (the standard library's module names, the classifier's known modules and English words).
 */
public final class WordList {
    private WordList() {
    }

    /** The words of resource {@code name} next to {@code owner}; empty when there is no such resource. */
    public static Set<String> read(Class<?> owner, String name) {
        Set<String> out = new HashSet<>();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                return Set.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.addAll(List.of(line.strip().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
