package dev.ferret.agent.python;

/**
 * A {@code raise} statement.
 *
 * @param line      1-based line of the {@code raise} keyword
 * @param scope     qualified name of the innermost enclosing {@code def} or {@code class}, or {@link PyCall#MODULE}
 * @param exception what is raised, one trailing call dropped ({@code raise ValueError("x")} gives
 *                  {@code ValueError}); {@code null} for a bare {@code raise}
 * @param text      the statement's tokens re-joined ({@code raise ValueError ( "x" )} normalised)
 */
public record PyRaise(int line, String scope, PyReference exception, String text) {
}
