package dev.ferret.agent.python;

import java.util.Comparator;

/**
 * One result of a Python tool.
 *
 * @param file path relative to the repository root, '/' separators
 * @param line 1-based line
 * @param name the qualified name of the class or function, the module imported, or the comment tag
 * @param text what the tool prints after {@code file:line: } (class header, def, import statement, comment)
 */
public record Hit(String file, int line, String name, String text) {
    /** File, then line, then name. */
    public static final Comparator<Hit> ORDER = Comparator.comparing(Hit::file).thenComparingInt(Hit::line)
            .thenComparing(Hit::name);

    /** The tool's output line: {@code pkg/mod.py:12: class Foo(Protocol)}. */
    public String render() {
        return file + ":" + line + ": " + text;
    }
}
