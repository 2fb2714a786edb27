package dev.ferret.engine.chat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ferret.engine.chat.jinja.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text in the form Python's {@code json.dumps} writes by default ({@code ", "} and {@code ": "}
 * separators, key order kept, non-ASCII kept), which is what Qwen2.5's template renders tool schemas and
 * tool calls with; keeping the same bytes keeps the prompt in the form the model was trained on.
 *
 * <p>Thread-safe (Jackson's {@code ObjectMapper} is, once configured).
 */
public final class Json {
    /**
     * The shared mapper. Its {@code readTree} reads one JSON value and ignores what follows it, which the tool-call
     * parsers rely on (a model's call is often followed by more text, read on from where the value ended); a whole
     * document from a file or a request body is read with {@link #readDocument} instead.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Reads a whole JSON document (an input file, a request body): anything but whitespace after the value, as in
     * {@code {...} xyz}, is an error, as in Python's {@code json.loads}, rather than silently dropped. (Jackson's
     * {@code FAIL_ON_TRAILING_TOKENS} would refuse it too, but in words about tokens and binding; this names where
     * the value ends.) No text at all gives a missing node.
     *
     * @throws JsonProcessingException for invalid JSON, or text after the value
     */
    public static JsonNode readDocument(byte[] json) throws JsonProcessingException {
        try {
            return readDocument(MAPPER.createParser(json));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory: no I/O happens
        }
    }

    /** {@link #readDocument(byte[])} of a string; positions in messages count characters, as an editor does. */
    public static JsonNode readDocument(String json) throws JsonProcessingException {
        try {
            return readDocument(MAPPER.createParser(json));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string in memory: no I/O happens
        }
    }

    private static JsonNode readDocument(JsonParser parser) throws IOException {
        try (JsonParser p = parser) {
            JsonNode node = MAPPER.readTree(p);
            if (node == null) {
                return MissingNode.getInstance();
            }
            JsonLocation end = p.currentLocation();
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true; // not even a token, e.g. "xyz": still text after the value
            }
            if (more) {
                // where the value ends says more than where the parser gave up on the text after it; the position
                // after the value is on the line of its last character
                throw new JsonParseException(p, "text follows the JSON value, which ends at line " + end.getLineNr() + ", column "
                        + (end.getColumnNr() - 1) + " (a file or body holds one value)", (JsonLocation) null);
            }
            return node;
        }
    }

    private Json() {}

    public static String dumps(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, false);
        return sb.toString();
    }

    /** Like {@link #dumps} with object keys sorted, for comparing arguments. */
    public static String canonical(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, true);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb, boolean sorted) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            sb.append('{');
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            if (sorted) {
                fields.sort(Map.Entry.comparingByKey());
            }
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                quote(fields.get(i).getKey(), sb, Style.JSON);
                sb.append(": ");
                write(fields.get(i).getValue(), sb, sorted);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(n.get(i), sb, sorted);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            quote(n.textValue(), sb, Style.JSON);
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue() ? "true" : "false");
        } else if (n.isFloatingPointNumber()) {
            double d = n.doubleValue();
            // as Python writes floats: 1e-07, not Java's 1.0E-7
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Values.pythonFloat(d));
        } else {
            sb.append(n.toString());
        }
    }

    /**
     * How {@link #quote} writes a string: as JSON the way Python's {@code json.dumps} does (non-ASCII as is, or with
     * {@code ensure_ascii} every character outside {@code ' '..'~'} as {@code \\uXXXX}), or as a GBNF string literal
     * (llama.cpp's grammar parser knows no {@code \\b} or {@code \\f}: other control characters as {@code \\xXX}).
     */
    public enum Style { JSON, JSON_ASCII, GBNF }

    /** {@code s} as a JSON string literal, quotes included, in Python's {@code json.dumps} form. */
    public static String quote(String s) {
        return quote(s, new StringBuilder(s.length() + 2), Style.JSON).toString();
    }

    /**
     * Appends {@code s} quoted in {@code style}; the one string escaper of the prompt, the tool schemas, the
     * templates' {@code tojson} and the call grammar, so that what the grammar admits is what the prompt shows.
     */
    public static StringBuilder quote(String s, StringBuilder sb, Style style) {
        boolean gbnf = style == Style.GBNF;
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append(gbnf ? "\\x08" : "\\b");
                case '\f' -> sb.append(gbnf ? "\\x0C" : "\\f");
                default -> {
                    if (gbnf && (c < 0x20 || c == 0x7F)) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else if (c < 0x20 || style == Style.JSON_ASCII && c > 0x7e) {
                        // surrogate pairs come out as two escapes, as Python writes them
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
