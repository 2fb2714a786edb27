package dev.ferret.engine.chat.jinja;

import dev.ferret.engine.chat.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}, which is what Hugging Face's {@code tojson} filter calls
 * ({@code json.dumps(x, ensure_ascii=False, indent=indent, separators=separators, sort_keys=sort_keys)}): key
 * order kept, separators {@code ", "} and {@code ": "} (or {@code ","} and {@code ": "} with an indent), floats
 * as Python writes them, non-ASCII text kept unless asked otherwise.
 */
final class PyJson {
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final StringBuilder out = new StringBuilder();

    private PyJson(String indent, String itemSeparator, String keySeparator, boolean sortKeys, boolean ensureAscii) {
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
    }

    /** {@code json.dumps(value)} with Hugging Face's defaults (no indent, non-ASCII kept). */
    static String dumps(Object value) {
        return dumps(value, null, null, false, false);
    }

    /**
     * @param indent null, an int (spaces) or a str, as json.dumps takes it
     * @param separators null or a two-item list/tuple (item separator, key separator)
     */
    static String dumps(Object value, Object indent, Object separators, boolean sortKeys, boolean ensureAscii) {
        String ind = null;
        if (indent != null && !(indent instanceof Undefined)) {
            ind = indent instanceof String s ? s : " ".repeat((int) Math.max(0, Py.asLong(indent)));
        }
        String item = ind == null ? ", " : ",";
        String key = ": ";
        if (separators != null && !(separators instanceof Undefined)) {
            if (!(separators instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof String a) || !(l.get(1) instanceof String b)) {
                throw new PyError("separators must be a pair of strings");
            }
            item = a;
            key = b;
        }
        PyJson j = new PyJson(ind, item, key, sortKeys, ensureAscii);
        j.write(value, 0);
        return j.out.toString();
    }

    private void write(Object v, int level) {
        Py.checkLength(out.length());
        if (v == null) {
            out.append("null");
            return;
        }
        switch (v) {
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(l);
            case BigInteger b -> out.append(b);
            case Double d -> out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Py.floatRepr(d));
            case String s -> string(s);
            case Markup m -> string(m.text());
            case List<?> l -> {
                if (l.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(itemSeparator);
                    }
                    newline(level + 1);
                    write(l.get(i), level + 1);
                }
                newline(level);
                out.append(']');
            }
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    out.append("{}");
                    return;
                }
                List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
                if (sortKeys) {
                    entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey()));
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : entries) {
                    if (!first) {
                        out.append(itemSeparator);
                    }
                    first = false;
                    newline(level + 1);
                    string(key(e.getKey()));
                    out.append(keySeparator);
                    write(e.getValue(), level + 1);
                }
                newline(level);
                out.append('}');
            }
            case Namespace n -> throw new PyError("Object of type Namespace is not JSON serializable");
            default -> throw new PyError("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    /** Keys are strings; json.dumps turns int, float, bool and None keys into their JSON text. */
    private static String key(Object k) {
        if (k instanceof String s) {
            return s;
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (Py.isNumber(k)) {
            return k instanceof Double d ? Py.floatRepr(d) : Py.big(k).toString();
        }
        throw new PyError("keys must be str, int, float, bool or None, not " + Py.typeName(k));
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
    }

    private void string(String s) {
        Json.quote(s, out, ensureAscii ? Json.Style.JSON_ASCII : Json.Style.JSON);
    }
}
