package dev.ferret.engine.chat.jinja;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Java and JSON values into the template's Python-like values: JSON objects into insertion-ordered dicts,
 * integers into Python ints (never floats: {@code 1} stays {@code 1}, {@code 1.0} stays {@code 1.0}), and so on.
 */
public final class Values {
    private Values() {}

    /** A deep copy of {@code value} in template form. */
    public static Object of(Object value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case BigInteger b -> Py.norm(b);
            case Double d -> d;
            case Float f -> (double) f;
            case BigDecimal d -> d.doubleValue();
            case Character c -> String.valueOf(c);
            case JsonNode n -> json(n);
            case Map<?, ?> m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(of(k), of(v)));
                yield out;
            }
            case Collection<?> c -> {
                List<Object> out = new ArrayList<>(c.size());
                c.forEach(v -> out.add(of(v)));
                yield out;
            }
            case Object[] arr -> {
                List<Object> out = new ArrayList<>(arr.length);
                for (Object v : arr) {
                    out.add(of(v));
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("a template cannot take a " + value.getClass().getName());
        };
    }

    /**
     * Python's {@code json.dumps(value, ensure_ascii=False, indent=indent)} of a template value (indent null for
     * none): Hugging Face's {@code tojson}.
     */
    public static String dumps(Object value, Integer indent) {
        try {
            return PyJson.dumps(value, indent == null ? null : (Object) (long) indent, null, false, false);
        } catch (PyError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Python's repr of a float ({@code 1.0}, {@code 1e-07}, {@code 1e+16}), which json.dumps also writes. */
    public static String pythonFloat(double d) {
        return Py.floatRepr(d);
    }

    /** JSON in template form: objects keep their key order. */
    public static Object json(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), json(e.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(v -> out.add(json(v)));
            return out;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return Py.norm(n.bigIntegerValue());
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.asText();
    }
}
