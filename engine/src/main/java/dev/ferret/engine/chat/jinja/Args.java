package dev.ferret.engine.chat.jinja;

import java.util.List;
import java.util.Map;

/** Positional and keyword arguments of one call, read the way Python binds them to parameters. */
final class Args {
    private final String function;
    private final List<Object> positional;
    private final Map<String, Object> keywords;

    Args(String function, List<Object> positional, Map<String, Object> keywords) {
        this.function = function;
        this.positional = positional;
        this.keywords = keywords;
    }

    /** Parameter {@code index} (positional) or {@code name} (keyword), else {@code dflt}. */
    Object get(int index, String name, Object dflt) {
        if (index >= 0 && index < positional.size()) {
            if (keywords.containsKey(name)) {
                throw new PyError(function + "() got multiple values for argument '" + name + "'");
            }
            return positional.get(index);
        }
        return keywords.getOrDefault(name, dflt);
    }

    Object required(int index, String name) {
        Object v = get(index, name, Py.MISSING);
        if (v == Py.MISSING) {
            throw new PyError(function + "() missing required argument '" + name + "'");
        }
        return v;
    }

    String string(int index, String name, String dflt) {
        Object v = get(index, name, dflt);
        if (v != null && !(v instanceof String)) {
            throw new PyError(function + "() argument '" + name + "' must be str, not " + Py.typeName(v));
        }
        return (String) v;
    }

    boolean bool(int index, String name, boolean dflt) {
        return Py.truthy(get(index, name, dflt));
    }

    int size() {
        return positional.size();
    }

    List<Object> positional() {
        return positional;
    }

    Map<String, Object> keywords() {
        return keywords;
    }

    /** Refuses more positional arguments than {@code max}. */
    Args atMost(int max) {
        if (positional.size() > max) {
            throw new PyError(function + "() takes at most " + max + " arguments (" + positional.size() + " given)");
        }
        return this;
    }
}
