package dev.ferret.agent.python;

import java.util.List;

/**
 * A {@code class} statement.
 *
 * @param name          the class's own name
 * @param qualifiedName the names of the enclosing classes and functions and its own, joined by dots
 *                      ({@code Outer.Inner}, {@code build.Local}); no {@code <locals>} markers
 * @param line          1-based line of the {@code class} keyword (not of a decorator)
 * @param bases         the positional entries of the base list, in order; keyword entries
 *                      ({@code metaclass=...}) and starred entries are left out
 * @param decorators    the decorators, top to bottom
 * @param metaclass     the value of the {@code metaclass=X} keyword entry of the base list, reduced as a base is
 *                      (see {@link PyReference}), or {@code null} when there is none; other keyword entries are not
 *                      recorded
 * @param docstring     true when the first statement of the class body is a docstring, as for
 *                      {@link PyFunction#docstring()}
 */
public record PyClass(String name, String qualifiedName, int line, List<PyReference> bases,
                      List<PyReference> decorators, PyReference metaclass, boolean docstring) {
    public PyClass {
        bases = List.copyOf(bases);
        decorators = List.copyOf(decorators);
    }

    /** A class with no metaclass entry and no docstring. */
    public PyClass(String name, String qualifiedName, int line, List<PyReference> bases, List<PyReference> decorators) {
        this(name, qualifiedName, line, bases, decorators, null, false);
    }
}
