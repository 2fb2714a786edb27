package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of request fields: a field of the wrong JSON type or out of range is an {@link ApiError} naming it. */
final class Params {
    private final ObjectNode body;

    Params(ObjectNode body) {
        this.body = body;
    }

    ObjectNode body() {
        return body;
    }

    /** The field, or null when absent or JSON null. */
    JsonNode get(String name) {
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? null : n;
    }

    String string(String name, String fallback) {
        return typed(name, fallback, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    boolean bool(String name, boolean fallback) {
        return typed(name, fallback, JsonNode::isBoolean, "a boolean", JsonNode::booleanValue);
    }

    /** The field's value when it has the type {@code is} accepts, the fallback when absent; another type is refused. */
    private <T> T typed(String name, T fallback, java.util.function.Predicate<JsonNode> is, String what,
                        java.util.function.Function<JsonNode, T> value) {
        JsonNode n = get(name);
        if (n == null) {
            return fallback;
        }
        if (!is.test(n)) {
            throw ApiError.type(name, what);
        }
        return value.apply(n);
    }

    /** An integer in [min, max]; a number with a fraction or out of range is refused. */
    long integer(String name, long fallback, long min, long max) {
        JsonNode n = get(name);
        if (n == null) {
            return fallback;
        }
        if (!n.isIntegralNumber() && !(n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()))) {
            throw ApiError.type(name, "an integer");
        }
        if (!n.canConvertToLong()) {
            throw ApiError.invalid("'" + name + "' must be " + min + " to " + max, name);
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw ApiError.invalid("'" + name + "' must be " + min + " to " + max + ", got " + v, name);
        }
        return v;
    }

    /** A finite number in [min, max]. */
    double number(String name, double fallback, double min, double max) {
        JsonNode n = get(name);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw ApiError.type(name, "a number");
        }
        double v = n.doubleValue();
        if (!(v >= min && v <= max)) {
            throw ApiError.invalid("'" + name + "' must be " + min + " to " + max + ", got " + n.asText(), name);
        }
        return v;
    }

    /** {@code stop}: a string or an array of up to 4 non-empty strings. */
    List<String> stops(String name) {
        JsonNode n = get(name);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isTextual()) {
            if (!n.textValue().isEmpty()) {
                out.add(n.textValue());
            }
            return out;
        }
        if (!n.isArray()) {
            throw ApiError.type(name, "a string or an array of strings");
        }
        if (n.size() > 4) {
            throw ApiError.invalid("'" + name + "' takes at most 4 strings, got " + n.size(), name);
        }
        for (JsonNode s : n) {
            if (!s.isTextual()) {
                throw ApiError.type(name, "a string or an array of strings");
            }
            if (!s.textValue().isEmpty()) {
                out.add(s.textValue());
            }
        }
        return out;
    }
}
