package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The text of a request body, checked and normalized before anything renders or tokenizes it: strings must be
 * valid Unicode, and OpenAI's text-part content is joined into one string. Errors name the field by its path in
 * the body, e.g. {@code messages[2].content[0]}.
 */
final class RequestText {
    private RequestText() {}

    /**
     * Refuses a string (value or field name) anywhere in {@code body} that holds a lone UTF-16 surrogate. JSON
     * allows {@code "\ud800"}; Jackson reads it into a Java string as it is, and UTF-8 (which llama.cpp reads)
     * cannot encode it, so it would silently become {@code ?}.
     */
    static void checkUnicode(ObjectNode body) {
        check(body, "");
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            int at = loneSurrogate(node.textValue());
            if (at >= 0) {
                throw ApiError.invalid("'" + path + "' holds a lone UTF-16 surrogate (\\u" + Integer.toHexString(node.textValue().charAt(at))
                        + " at character " + at + "), which is not text; send valid Unicode", path);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (loneSurrogate(e.getKey()) >= 0) {
                    String in = path.isEmpty() ? "the body" : "'" + path + "'";
                    throw ApiError.invalid("a field name in " + in + " holds a lone UTF-16 surrogate, which is not text; send valid Unicode",
                            path.isEmpty() ? null : path);
                }
                check(e.getValue(), where);
            }
        }
    }

    /** The index of the first surrogate in {@code s} that is not half of a pair, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The messages with OpenAI text-part content ({@code "content": [{"type": "text", "text": "..."}, ...]}, which
     * OpenAI accepts for every role) joined into one string, as llama-server joins it for a template that takes
     * strings: the parts' texts with a newline between them (none before the first non-empty one). Messages
     * without an array content are kept as they are; {@code messages} itself is not changed.
     *
     * <p>Any other part type ({@code image_url}, {@code input_audio}, {@code file}, {@code refusal}) is a 400
     * naming the part and its type: this server reads text only, and dropping a part would answer another
     * question. An empty array is a 400 as well, as OpenAI answers it (send {@code ""} for empty content).
     */
    static JsonNode joinTextParts(JsonNode messages) {
        ArrayNode out = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            JsonNode content = m.isObject() ? m.get("content") : null;
            if (content == null || !content.isArray()) {
                if (out != null) {
                    out.add(m);
                }
                continue;
            }
            if (out == null) {
                out = JsonNodeFactory.instance.arrayNode(messages.size());
                for (int k = 0; k < i; k++) {
                    out.add(messages.get(k));
                }
            }
            ObjectNode joined = ((ObjectNode) m).deepCopy();
            joined.put("content", join(content, "messages[" + i + "].content"));
            out.add(joined);
        }
        return out == null ? messages : out;
    }

    private static String join(JsonNode parts, String path) {
        if (parts.isEmpty()) {
            throw ApiError.invalid("'" + path + "' is an empty array; send at least one {\"type\": \"text\", \"text\": ...} part, or \"\"", path);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            JsonNode part = parts.get(k);
            String where = path + "[" + k + "]";
            if (!part.isObject()) {
                throw ApiError.type(where, "a content part object, {\"type\": \"text\", \"text\": ...}");
            }
            JsonNode type = part.get("type");
            if (type == null || !type.isTextual()) {
                throw ApiError.invalid("content part '" + where + "' has no \"type\" string; this server takes {\"type\": \"text\", \"text\": ...}",
                        where);
            }
            if (!type.textValue().equals("text")) {
                throw ApiError.invalid("content part '" + where + "' has type '" + type.textValue() + "'; this server reads text only"
                        + " ({\"type\": \"text\", \"text\": ...})", where);
            }
            JsonNode text = part.get("text");
            if (text == null || !text.isTextual()) {
                throw ApiError.type(where + ".text", "a string");
            }
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(text.textValue());
        }
        return sb.toString();
    }
}
