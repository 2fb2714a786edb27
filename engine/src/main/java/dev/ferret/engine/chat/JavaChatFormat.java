package dev.ferret.engine.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ferret's Java renderer ({@link ChatTemplate}: ChatML with tools in Qwen2.5's layout), for a model whose GGUF
 * carries no chat template. It renders the same bytes as Ferret's own Jinja template
 * ({@code chat_template.jinja}), which the models Ferret generates carry.
 */
public final class JavaChatFormat implements ChatFormat {
    private final Specials specials;
    private final String description;

    JavaChatFormat(Specials specials, String description) {
        this.specials = specials;
        this.description = description;
    }

    /** The Java renderer over a vocabulary's specials. */
    public static JavaChatFormat of(Specials specials) {
        return new JavaChatFormat(specials, "Ferret's Java renderer (ChatML with tools, Qwen2.5 layout)");
    }

    @Override
    public Prompt render(ChatInput input) {
        ContentGuard guard = ContentGuard.of(specials, input.messages().toString(), input.tools() == null ? null : input.tools().toString(),
                ChatTemplate.DEFAULT_SYSTEM, ChatTemplate.toolsSection(List.of()));
        List<Message> messages = messages(guard.guardMessages(input.messages()));
        List<JsonNode> tools = new ArrayList<>();
        if (input.tools() != null) {
            guard.guard(input.tools()).forEach(tools::add);
        }
        String rendered = ChatTemplate.render(messages, tools, input.addGenerationPrompt());
        return specials.partition(rendered, guard::restore);
    }

    @Override
    public ToolCallFormat toolCalls() {
        return ToolCallFormat.HERMES;
    }

    @Override
    public String description() {
        return description;
    }

    /** OpenAI-style messages as {@link Message}s: roles system/user/assistant/tool, arguments as objects. */
    static List<Message> messages(JsonNode json) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            JsonNode m = json.get(i);
            String roleName = m.path("role").asText();
            Role role;
            try {
                role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("message " + i + ": role \"" + roleName + "\" is not one of system, user, assistant, tool");
            }
            List<ToolCall> calls = new ArrayList<>();
            JsonNode tc = m.get("tool_calls");
            if (tc != null && tc.isArray()) {
                if (role != Role.ASSISTANT && !tc.isEmpty()) {
                    throw new IllegalArgumentException("message " + i + ": only assistant messages carry tool calls");
                }
                for (JsonNode c : tc) {
                    JsonNode fn = c.has("function") ? c.get("function") : c;
                    JsonNode args = fn.get("arguments");
                    if (args != null && args.isTextual()) {
                        try {
                            args = Json.MAPPER.readTree(args.textValue());
                        } catch (JsonProcessingException e) {
                            throw new IllegalArgumentException("message " + i + ": tool call arguments are not JSON: " + args.textValue());
                        }
                    }
                    if (args == null || args.isNull()) {
                        args = Json.MAPPER.createObjectNode();
                    }
                    if (!args.isObject()) {
                        throw new IllegalArgumentException("message " + i + ": tool call arguments must be a JSON object");
                    }
                    calls.add(new ToolCall(fn.path("name").asText(), (ObjectNode) args));
                }
            }
            out.add(new Message(role, text(m.get("content")), calls));
        }
        return out;
    }

    /** Content as text: a string, nothing for null, text parts joined with newlines. */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                sb.append(sb.isEmpty() ? "" : "\n").append(part.path("text").asText());
            }
        }
        return sb.toString();
    }
}
