package dev.ferret.agent.python;

import java.util.List;

/**
 * A {@code def} or {@code async def} statement at any depth (module level, method, nested function).
 *
 * @param name          the function's own name
 * @param qualifiedName enclosing class and function names and its own, joined by dots ({@code Client.fetch},
 *                      {@code outer.inner}, {@code Outer.Inner.method})
 * @param line          1-based line of the {@code def} keyword, or of {@code async} for {@code async def}
 * @param async         true for {@code async def}
 * @param decorators    the decorators, top to bottom
 * @param params        the parameters in order ({@code self} included)
 * @param returns       the return annotation's tokens re-joined, or {@code null}
 * @param ownerClass    the qualified name of the class whose body holds this def (the innermost enclosing
 *                      {@code def} or {@code class} is that class), or {@code null}
 * @param generator     true when {@code yield} or {@code yield from} occurs in the def's own body: not in a nested
 *                      {@code def}, {@code class} or {@code lambda} (a lambda's yield is the lambda's), nor in the
 *                      def's decorators, defaults or annotations (those belong to the scope around it); async
 *                      generators included
 * @param docstring     true when the first statement of the def's body is an expression statement that is a plain
 *                      string literal, or adjacent ones joined ({@code ast.get_docstring} is not {@code None}: an empty
 *                      {@code ""} is one; an f-string, a bytes literal or a string in a larger expression is not);
 *                      comments before it do not matter
 */
public record PyFunction(String name, String qualifiedName, int line, boolean async, List<PyReference> decorators,
                         List<PyParam> params, String returns, String ownerClass, boolean generator,
                         boolean docstring) {
    public PyFunction {
        decorators = List.copyOf(decorators);
        params = List.copyOf(params);
    }

    /** A function that is not a generator and has no docstring. */
    public PyFunction(String name, String qualifiedName, int line, boolean async, List<PyReference> decorators,
                      List<PyParam> params, String returns, String ownerClass) {
        this(name, qualifiedName, line, async, decorators, params, returns, ownerClass, false, false);
    }

    /** A function with no parameters, return annotation or owner recorded. */
    public PyFunction(String name, String qualifiedName, int line, boolean async, List<PyReference> decorators) {
        this(name, qualifiedName, line, async, decorators, List.of(), null, null);
    }

    /** True when the def is directly in a class body. */
    public boolean isMethod() {
        return ownerClass != null;
    }
}
