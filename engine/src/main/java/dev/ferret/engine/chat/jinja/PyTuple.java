package dev.ferret.engine.chat.jinja;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Python tuple: an immutable list that prints as {@code (a, b)} and is never equal to a list. */
final class PyTuple extends AbstractList<Object> {
    private final Object[] items;

    PyTuple(List<?> items) {
        this.items = new ArrayList<>(items).toArray();
    }

    static PyTuple of(Object... items) {
        return new PyTuple(Arrays.asList(items));
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
