package dev.ferret.agent.hybrid;

import java.util.Comparator;

/**
 * One item of an answer.
 *
 * @param file   path relative to the repository root, '/' separators
 * @param line   1-based line: the class/def keyword, the first import of the module in the file, the comment, the
 *               raise statement or call, the {@code __all__} string or constant
 * @param name   qualified class or function name; the module for imports; the tag for comments; the enclosing
 *               function for raises and calls; the exported or constant name
 * @param detail the source-like text: class header, def, import statement, comment
 * @param note   where a name was resolved through ({@code Protocol via shop/compat.py}), or empty
 */
public record Finding(String file, int line, String name, String detail, String note) {
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparing(Finding::name);

    public Finding {
        note = note == null ? "" : note;
    }

    /** A finding without a note. */
    public Finding(String file, int line, String name, String detail) {
        this(file, line, name, detail, "");
    }
}
