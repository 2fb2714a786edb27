package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chat template renders: OpenAI-style messages ({@code role}, {@code content}, assistant
 * {@code tool_calls} as {@code {"type": "function", "function": {"name": ..., "arguments": ...}}} with the
 * arguments as an object or a JSON string, tool messages with optional {@code tool_call_id} and {@code name}),
 * an OpenAI-style tools array (null for none), whether to open the assistant's turn, and extra template
 * variables (e.g. Llama 3.1's {@code tools_in_user_message}).
 *
 * <p>The JSON is copied, so later changes to the caller's nodes do not affect this input.
 */
public record ChatInput(ArrayNode messages, ArrayNode tools, boolean addGenerationPrompt, Map<String, Object> extra) {
    public ChatInput {
        messages = validateMessages(messages);
        tools = tools == null || tools.isNull() ? null : validateTools(tools);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** From OpenAI-style JSON: a messages array and a tools array (null or JSON null for none). */
    public static ChatInput fromJson(JsonNode messages, JsonNode tools, boolean addGenerationPrompt) {
        if (messages == null || !messages.isArray()) {
            throw new IllegalArgumentException("messages must be a JSON array of message objects");
        }
        if (tools != null && !tools.isNull() && !tools.isArray()) {
            throw new IllegalArgumentException("tools must be a JSON array of tool objects");
        }
        return new ChatInput((ArrayNode) messages, tools == null || tools.isNull() ? null : (ArrayNode) tools, addGenerationPrompt, Map.of());
    }

    /**
     * From Ferret's messages and tool schemas ({@code {"type": "function", "function": {...}}}; empty = none).
     * Calls get ids {@code call00001}, {@code call00002}, ... (nine letters and digits, which Mistral's template
     * demands), and each tool message the id of the call it answers, in order.
     */
    public static ChatInput of(List<Message> messages, List<JsonNode> tools, boolean addGenerationPrompt) {
        ArrayNode m = JsonNodeFactory.instance.arrayNode();
        int ids = 0;
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        for (Message msg : messages) {
            ObjectNode o = m.addObject();
            o.put("role", msg.role().wireName());
            o.put("content", msg.content());
            if (msg.role() == Role.TOOL && !open.isEmpty()) {
                o.put("tool_call_id", open.poll());
            }
            if (!msg.toolCalls().isEmpty()) {
                open.clear();
                ArrayNode calls = o.putArray("tool_calls");
                for (ToolCall c : msg.toolCalls()) {
                    ObjectNode call = calls.addObject();
                    String id = String.format("call%05d", ++ids % 100_000);
                    call.put("id", id);
                    open.add(id);
                    call.put("type", "function");
                    ObjectNode fn = call.putObject("function");
                    fn.put("name", c.name());
                    fn.set("arguments", c.arguments().deepCopy());
                }
            }
        }
        ArrayNode t = null;
        if (tools != null && !tools.isEmpty()) {
            t = JsonNodeFactory.instance.arrayNode();
            tools.forEach(t::add);
        }
        return new ChatInput(m, t, addGenerationPrompt, Map.of());
    }

    /** The message key that marks content as the model's own markup ({@link #withMarkupContent}); never rendered. */
    public static final String MARKUP_KEY = "ferret_markup";

    /**
     * The same input, with message {@code index}'s content treated as markup: special-token text in it becomes
     * control tokens, as the template's own does. Only for text the model itself wrote as special tokens (an
     * agent replaying a malformed {@code <tool_call>} block it generated), never for text from outside.
     */
    public ChatInput withMarkupContent(int index) {
        ArrayNode m = messages.deepCopy();
        ((ObjectNode) m.get(index)).put(MARKUP_KEY, true);
        return new ChatInput(m, tools, addGenerationPrompt, extra);
    }

    /** The same input with extra template variables. */
    public ChatInput withExtra(Map<String, Object> vars) {
        return new ChatInput(messages, tools, addGenerationPrompt, vars);
    }

    /** The same input with another generation-prompt setting. */
    public ChatInput withGenerationPrompt(boolean add) {
        return new ChatInput(messages, tools, add, extra);
    }

    public boolean hasTools() {
        return tools != null && !tools.isEmpty();
    }

    private static ArrayNode validateMessages(ArrayNode messages) {
        if (messages == null) {
            throw new IllegalArgumentException("messages must be a JSON array");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "message " + i;
            if (!m.isObject()) {
                throw new IllegalArgumentException(where + " is not a JSON object");
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual() || role.textValue().isBlank()) {
                throw new IllegalArgumentException(where + " has no \"role\" string");
            }
            JsonNode content = m.get("content");
            if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
                throw new IllegalArgumentException(where + ": \"content\" must be a string, an array of parts or null");
            }
            JsonNode calls = m.get("tool_calls");
            if (calls != null && !calls.isNull()) {
                if (!calls.isArray()) {
                    throw new IllegalArgumentException(where + ": \"tool_calls\" must be an array");
                }
                for (int k = 0; k < calls.size(); k++) {
                    JsonNode fn = calls.get(k).path("function");
                    if (!fn.path("name").isTextual()) {
                        throw new IllegalArgumentException(where + ", tool call " + k + ": needs {\"type\": \"function\", \"function\": {\"name\": ..., \"arguments\": ...}}");
                    }
                    JsonNode args = fn.get("arguments");
                    if (args != null && !args.isObject() && !args.isTextual()) {
                        throw new IllegalArgumentException(where + ", tool call " + k + ": \"arguments\" must be an object or a JSON string");
                    }
                }
            }
        }
        return messages.deepCopy();
    }

    private static ArrayNode validateTools(ArrayNode tools) {
        for (int i = 0; i < tools.size(); i++) {
            if (!tools.get(i).isObject()) {
                throw new IllegalArgumentException("tool " + i + " is not a JSON object");
            }
        }
        return tools.deepCopy();
    }
}
