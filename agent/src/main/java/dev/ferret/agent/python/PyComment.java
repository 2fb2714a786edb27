package dev.ferret.agent.python;

/**
 * A comment token: a {@code #} outside any string, up to the end of its line.
 *
 * @param line 1-based line
 * @param text the comment from its {@code #}, trailing whitespace removed
 */
public record PyComment(int line, String text) {
}
