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
 */
public record PyFunction(String name, String qualifiedName, int line, boolean async, List<PyReference> decorators) {
    public PyFunction {
        decorators = List.copyOf(decorators);
    }
}
