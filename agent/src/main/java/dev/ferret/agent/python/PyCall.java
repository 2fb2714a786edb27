package dev.ferret.agent.python;

/**
 * A call: a name, or the last name of a dotted chain, right before {@code (} ({@code f(x)}, {@code self.f(x)},
 * {@code mod.f(x)}, {@code a().f(x)}, {@code @deco(x)}). Calls of other expressions ({@code x[0](y)},
 * {@code f(x)(y)}) are not recorded, nor {@code def}/{@code class} headers or keywords before a parenthesis.
 *
 * @param line   1-based line of the called name
 * @param name   the called name ({@code f})
 * @param dotted the whole dotted chain when it starts with a plain name ({@code self.session.get}), else {@code null}
 * @param scope  qualified name of the innermost enclosing {@code def} or {@code class}, or {@link #MODULE}; a
 *               decorator, default value, annotation or base list belongs to the scope around the definition
 */
public record PyCall(int line, String name, String dotted, String scope) {
    /** The scope name of code at module level. */
    public static final String MODULE = "<module>";
}
