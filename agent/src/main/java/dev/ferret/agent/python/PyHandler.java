package dev.ferret.agent.python;

import java.util.List;

/**
 * An exception handler: one {@code except} (or {@code except*}) clause of a {@code try} statement.
 *
 * @param line  1-based line of the {@code except} keyword
 * @param scope qualified name of the innermost enclosing {@code def} or {@code class}, or {@link PyCall#MODULE}
 * @param types the caught types, empty for a bare {@code except:}. A tuple gives one entry per element (enclosing
 *              parentheses dropped, nested tuples flattened: {@code except (A, (b.B, C)):} gives A, b.B and C);
 *              anything else gives one entry ({@code except (A):} gives A). An entry that is not a plain dotted name
 *              (a call, a subscript, a starred name, the empty tuple {@code ()}) has no dotted name, so it is never
 *              matched by name.
 * @param text  the clause up to its colon: {@code except}, an {@code *} for {@code except*}, the type expression's
 *              tokens re-joined, {@code as} and the bound name ({@code except (KeyError, IndexError) as e})
 */
public record PyHandler(int line, String scope, List<PyReference> types, String text) {
    public PyHandler {
        types = List.copyOf(types);
    }

    /** True for a bare {@code except:}, which catches everything. */
    public boolean bare() {
        return types.isEmpty();
    }
}
