package dev.ferret.agent.python;

/**
 * A module-level assignment to a plain name ({@code NAME = value}, {@code NAME: T = value}, each name of
 * {@code A = B = value} and of {@code A, B = value}); not inside a {@code def} or {@code class}, but inside module-level
 * {@code if}, {@code try}, {@code for}, {@code while} and {@code with} blocks.
 *
 * @param line   1-based line of the name
 * @param name   the assigned name
 * @param alias  the value when it is exactly a dotted name ({@code Protocol = typing_extensions.Protocol}) and the
 *               target is a single name, else {@code null}
 * @param callee the last name of the called expression when the value is exactly a call
 *               ({@code T = TypeVar("T")} gives {@code TypeVar}), else {@code null}
 * @param value  the value's tokens re-joined (shortened when long)
 */
public record PyAssignment(int line, String name, String alias, String callee, String value) {
}
