package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.engine.chat.Json;
import java.util.Locale;

/** Lenient reading of a small model's tool arguments. */
final class Args {
    private static final ObjectMapper JSON = Json.MAPPER;

    private Args() {
    }

    /** The arguments as an object: null means {}, a string holding a JSON object is parsed. */
    static JsonNode object(JsonNode a) throws ToolException {
        if (a == null || a.isNull() || a.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (a.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(a.asText());
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (Exception e) {
                // fall through to the error below
            }
        }
        if (!a.isObject()) {
            throw new ToolException("arguments must be a JSON object, e.g. {\"path\": \"src\"}");
        }
        return a;
    }

    /** A string argument, trimmed; null when absent, null or blank. Numbers and booleans are taken as text. */
    static String text(JsonNode a, String name) throws ToolException {
        JsonNode v = a.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw new ToolException(name + " must be a string");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static boolean bool(JsonNode a, String name, boolean otherwise) throws ToolException {
        JsonNode v = a.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asInt() != 0;
        }
        if (v.isTextual()) {
            switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "y" -> {
                    return true;
                }
                case "false", "no", "0", "n", "" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw new ToolException(name + " must be true or false");
    }

    /** A boolean argument for a filter that can ask for either value: null when absent or null. */
    static Boolean optionalBool(JsonNode a, String name) throws ToolException {
        JsonNode v = a.get(name);
        return v == null || v.isNull() ? null : bool(a, name, false);
    }

    /**
     * A whole-number argument of at least {@code min} (a number, or text holding one), or null when absent or null;
     * a fraction, a value below {@code min} or anything else is refused with a message naming the problem.
     */
    static Integer atLeast(JsonNode a, String name, int min) throws ToolException {
        JsonNode v = a.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            n = (long) v.asDouble();
        } else if (v.isTextual() && v.asText().strip().matches("[+-]?\\d{1,15}")) {
            n = Long.parseLong(v.asText().strip());
        } else {
            throw new ToolException(name + " must be a whole number of at least " + min + ", got " + v);
        }
        if (n < min) {
            throw new ToolException(name + " must be at least " + min + ", got " + n);
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    static int integer(JsonNode a, String name, int otherwise, int min, int max) throws ToolException {
        JsonNode v = a.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        java.math.BigDecimal n;
        try {
            // the value as sent, whatever its size: a number past the range of int is clamped, never wrapped
            // ("limit": 18446744073709551619 is the most, not 3)
            n = v.isNumber() ? v.decimalValue() : new java.math.BigDecimal(v.asText().strip());
        } catch (NumberFormatException e) {
            throw new ToolException(name + " must be a whole number");
        }
        if (n.stripTrailingZeros().scale() > 0) {
            throw new ToolException(name + " must be a whole number, got " + v);
        }
        if (n.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            return max;
        }
        return n.compareTo(java.math.BigDecimal.valueOf(min)) < 0 ? min : n.intValueExact();
    }

    /** A string argument that must be given; the message shows a call with {@code example} as its value. */
    static String required(JsonNode a, String name, String example) throws ToolException {
        String s = text(a, name);
        if (s == null) {
            throw new ToolException(name + " is required, e.g. {\"" + name + "\": \"" + example + "\"}");
        }
        return s;
    }
}
