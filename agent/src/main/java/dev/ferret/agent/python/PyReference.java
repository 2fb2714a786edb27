package dev.ferret.agent.python;

import java.util.List;

/**
 * An expression in a class's base list or a decorator, as the scanner saw it.
 *
 * @param text     the expression's tokens, re-joined with normalised spacing (comments and line breaks removed)
 * @param dotted   the plain dotted name it refers to, or {@code null} when it is not one. For a base one trailing
 *                 subscript is dropped ({@code Protocol[T]} gives {@code Protocol}); for a decorator one trailing
 *                 call is dropped ({@code dataclass(frozen=True)} gives {@code dataclass}); enclosing parentheses
 *                 are dropped. Anything else ({@code make_base()}, {@code a[0].b}) has no dotted name.
 * @param resolved the absolute names {@code dotted} may denote after the file's imports are applied to its first
 *                 segment (see {@link PythonFile#resolve}); empty when {@code dotted} is {@code null}
 */
public record PyReference(String text, String dotted, List<String> resolved) {
    public PyReference {
        resolved = List.copyOf(resolved);
    }

    /** True if one of the resolved names equals {@code name}. */
    public boolean resolvesTo(String name) {
        return resolved.contains(name);
    }

    /** The last segment of the dotted name ({@code Protocol} for {@code typing.Protocol}), or null. */
    public String simpleName() {
        if (dotted == null) {
            return null;
        }
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted : dotted.substring(dot + 1);
    }
}
