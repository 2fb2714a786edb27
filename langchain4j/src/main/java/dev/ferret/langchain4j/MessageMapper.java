package dev.ferret.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.util.List;

/**
 * LangChain4j's messages as the OpenAI-style messages array that {@link dev.ferret.engine.chat.ChatInput} takes and
 * the model's chat template renders:
 * <ul>
 * <li>{@link SystemMessage}: {@code {"role": "system", "content": ...}};</li>
 * <li>{@link UserMessage}: {@code {"role": "user", "content": ...}}, its text parts joined by a newline (images,
 *     audio, video and PDF parts are refused: Ferret runs text models);</li>
 * <li>{@link AiMessage}: {@code {"role": "assistant", "content": text or null, "tool_calls": [...]}} with each
 *     call's arguments as a JSON object when they parse as one (as templates print them), else as the string;</li>
 * <li>{@link ToolExecutionResultMessage}: {@code {"role": "tool", "tool_call_id": ..., "name": ..., "content": ...}}.</li>
 * </ul>
 */
final class MessageMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MessageMapper() {}

    static ArrayNode messages(List<ChatMessage> messages) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            ObjectNode o = out.addObject();
            switch (m) {
                case null -> throw new InvalidRequestException("message " + i + " is null");
                case SystemMessage s -> {
                    o.put("role", "system");
                    o.put("content", s.text());
                }
                case UserMessage u -> {
                    o.put("role", "user");
                    o.put("content", userText(u, i));
                }
                case AiMessage a -> assistant(o, a);
                case ToolExecutionResultMessage t -> {
                    o.put("role", "tool");
                    if (t.id() != null) {
                        o.put("tool_call_id", t.id());
                    }
                    if (t.toolName() != null) {
                        o.put("name", t.toolName());
                    }
                    o.put("content", t.text());
                }
                default -> throw new UnsupportedFeatureException("message " + i + " is a " + m.type()
                        + " message; Ferret maps system, user, AI and tool-result messages");
            }
        }
        return out;
    }

    private static String userText(UserMessage u, int index) {
        if (u.hasSingleText()) {
            return u.singleText();
        }
        StringBuilder sb = new StringBuilder();
        for (Content c : u.contents()) {
            if (!(c instanceof TextContent t)) {
                throw new UnsupportedFeatureException("user message " + index + " holds " + c.type()
                        + " content; Ferret's models read text only");
            }
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static void assistant(ObjectNode o, AiMessage a) {
        o.put("role", "assistant");
        if (a.text() == null) {
            o.putNull("content");
        } else {
            o.put("content", a.text());
        }
        if (a.hasToolExecutionRequests()) {
            ArrayNode calls = o.putArray("tool_calls");
            for (ToolExecutionRequest r : a.toolExecutionRequests()) {
                ObjectNode call = calls.addObject();
                if (r.id() != null) {
                    call.put("id", r.id());
                }
                call.put("type", "function");
                ObjectNode fn = call.putObject("function");
                fn.put("name", r.name());
                fn.set("arguments", arguments(r.arguments()));
            }
        }
    }

    /** Arguments as an object when they are one; templates print objects with tojson, strings as they are. */
    private static JsonNode arguments(String json) {
        if (json == null || json.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // not JSON: passed on as the string the caller gave
        }
        return JsonNodeFactory.instance.textNode(json);
    }
}
