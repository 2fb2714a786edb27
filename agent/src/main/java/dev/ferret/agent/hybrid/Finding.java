package dev.ferret.agent.hybrid;

import java.util.Comparator;

/**
 * One item of an answer.
 *
 * @param file   path relative to the repository root, '/' separators
 * @param line   1-based line: the class/def keyword, the first import of the module in the file, or the comment
 * @param name   qualified class or function name; the module for imports; the tag for comments
 * @param detail the source-like text: class header, def, import statement, comment
 */
public record Finding(String file, int line, String name, String detail) {
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparing(Finding::name);
}
