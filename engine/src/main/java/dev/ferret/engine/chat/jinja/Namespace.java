package dev.ferret.engine.chat.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * jinja2's {@code namespace(...)}: the one object a template may change ({@code {% set ns.attr = value %}}), which
 * is how templates carry a value out of a loop body, whose own assignments end with the iteration.
 */
final class Namespace {
    final Map<String, Object> attributes = new LinkedHashMap<>();

    @Override
    public String toString() {
        return "<Namespace " + Py.repr(attributes) + ">";
    }
}
