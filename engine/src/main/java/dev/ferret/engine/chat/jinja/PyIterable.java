package dev.ferret.engine.chat.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * What Python hands out instead of a list: a generator (from {@code map}, {@code select}, {@code selectattr},
 * {@code unique}, {@code items}, ...), a reverse iterator, or a dict view ({@code d.items()}). Templates see the
 * difference: a generator is always true, has no length, can be read once and is not JSON serializable, so
 * {@code tools|map(attribute='function')|tojson} fails under Python's jinja2 and must fail here too.
 */
final class PyIterable {
    private final String kind;
    private final List<Object> items;
    private final boolean view;
    private boolean consumed;

    private PyIterable(String kind, List<Object> items, boolean view) {
        this.kind = kind;
        this.items = items;
        this.view = view;
    }

    /** A one-shot iterator of the given Python type name ({@code generator}, {@code list_reverseiterator}). */
    static PyIterable iterator(String kind, List<Object> items) {
        return new PyIterable(kind, items, false);
    }

    /** A dict view ({@code dict_items}, {@code dict_keys}, {@code dict_values}): sized, re-iterable. */
    static PyIterable view(String kind, List<Object> items) {
        return new PyIterable(kind, items, true);
    }

    String kind() {
        return kind;
    }

    boolean isView() {
        return view;
    }

    /** The items; a generator yields them once, then nothing. */
    List<Object> consume() {
        if (view) {
            return new ArrayList<>(items);
        }
        if (consumed) {
            return List.of();
        }
        consumed = true;
        return items;
    }

    int size() {
        if (!view) {
            throw new PyError("object of type '" + kind + "' has no len()");
        }
        return items.size();
    }

    @Override
    public String toString() {
        return view ? kind + "(" + Py.repr(items) + ")" : "<" + kind + " object>";
    }
}
