package dev.ferret.engine.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an assistant reply into its text and its {@code <tool_call>} blocks, and parses each block with
 * Jackson. A block that is not a valid call becomes a {@link Parsed.Invalid} carrying a message written for
 * the model (so it can fix the call), never an exception. A final block without its closing tag is accepted,
 * since generation stops at {@code </tool_call>} and the stop string is not part of the text.
 *
 * <p>Stateless; thread-safe.
 */
public final class ToolCallParser {
    private ToolCallParser() {}

    /** One parsed block. */
    public sealed interface Parsed {
        String raw();

        record Valid(ToolCall call, String raw) implements Parsed {}

        record Invalid(String error, String raw) implements Parsed {}
    }

    /** The reply: text outside the blocks (trimmed) and the blocks in order. */
    public record Reply(String content, List<Parsed> calls) {
        public boolean hasCalls() {
            return !calls.isEmpty();
        }
    }

    public static Reply parse(String text) {
        List<Parsed> calls = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        int pos = 0;
        while (true) {
            int open = text.indexOf(ChatTemplate.TOOL_CALL_OPEN, pos);
            if (open < 0) {
                content.append(text, pos, text.length());
                break;
            }
            content.append(text, pos, open);
            int bodyStart = open + ChatTemplate.TOOL_CALL_OPEN.length();
            int close = text.indexOf(ChatTemplate.TOOL_CALL_CLOSE, bodyStart);
            String body = close < 0 ? text.substring(bodyStart) : text.substring(bodyStart, close);
            calls.add(parseCall(body.strip()));
            if (close < 0) {
                break;
            }
            pos = close + ChatTemplate.TOOL_CALL_CLOSE.length();
        }
        return new Reply(content.toString().strip(), List.copyOf(calls));
    }

    /**
     * Reads a call's JSON refusing a key given twice ({@code {"path": "a.py", "path": "b.py"}}): a model's malformed
     * call, which a plain reader would take as the last value, silently.
     */
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT = Json.MAPPER.reader()
            .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Parses the JSON between the tags. */
    public static Parsed parseCall(String body) {
        if (body.isEmpty()) {
            return new Parsed.Invalid("empty tool call: write {\"name\": <tool>, \"arguments\": {...}} between the tags", body);
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            return new Parsed.Invalid("tool call is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", body);
        }
        if (node == null || !node.isObject()) {
            return new Parsed.Invalid("tool call must be a JSON object {\"name\": ..., \"arguments\": {...}}", body);
        }
        JsonNode name = node.get("name");
        if (name == null && node.has("tool")) {
            return new Parsed.Invalid("tool call uses the key \"tool\"; the tool's name goes under the key \"name\"", body);
        }
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            return new Parsed.Invalid("tool call has no \"name\" string", body);
        }
        JsonNode args = node.get("arguments");
        if (args == null || args.isNull()) {
            return new Parsed.Invalid("tool call to " + name.textValue() + " has no \"arguments\" object", body);
        }
        if (args.isTextual()) {
            // some models write the arguments as a JSON string; accept it if it holds an object
            try {
                JsonNode inner = STRICT.readTree(args.textValue());
                if (inner != null && inner.isObject()) {
                    args = inner;
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
        }
        if (!args.isObject()) {
            return new Parsed.Invalid("\"arguments\" of " + name.textValue() + " must be a JSON object", body);
        }
        return new Parsed.Valid(new ToolCall(name.textValue(), (ObjectNode) args), body);
    }
}
