package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The Qwen2.5-Instruct ChatML format with tools, rendered in Java (llama.cpp b4916 has no Jinja engine and
 * its built-in template ignores tools). Layout, as the model was trained on it:
 * <ul>
 * <li>{@code <|im_start|>role\ncontent<|im_end|>\n} per message;</li>
 * <li>with tools, the system turn gets a "# Tools" section listing one JSON schema per line between
 *     {@code <tools>} and {@code </tools>}, and how to write a call;</li>
 * <li>an assistant call is {@code \n<tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>} after the
 *     content;</li>
 * <li>consecutive tool results share one {@code user} turn, each wrapped in {@code <tool_response>}.</li>
 * </ul>
 * Without tools the output is plain ChatML, byte-identical to {@code llama_chat_apply_template("chatml")}.
 *
 * <p>Stateless; thread-safe.
 */
public final class ChatTemplate {
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    public static final String TOOL_CALL_OPEN = "<tool_call>";
    public static final String TOOL_CALL_CLOSE = "</tool_call>";
    /** Qwen2.5's default system text, used when tools are given without a system message. */
    public static final String DEFAULT_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    private ChatTemplate() {}

    /**
     * Renders messages, the tool list (JSON objects as in {@code Toolbox.schemas}; may be empty) and, when
     * {@code addGenerationPrompt}, the opening of the assistant's turn.
     */
    public static String render(List<Message> messages, List<JsonNode> tools, boolean addGenerationPrompt) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        if (!tools.isEmpty()) {
            String system = DEFAULT_SYSTEM;
            if (!messages.isEmpty() && messages.getFirst().role() == Role.SYSTEM) {
                system = messages.getFirst().content();
                i = 1;
            }
            sb.append(IM_START).append("system\n").append(system).append(toolsSection(tools)).append(IM_END).append('\n');
        }
        for (; i < messages.size(); i++) {
            Message m = messages.get(i);
            switch (m.role()) {
                case SYSTEM, USER -> sb.append(IM_START).append(m.role().wireName()).append('\n').append(m.content()).append(IM_END).append('\n');
                case ASSISTANT -> {
                    sb.append(IM_START).append("assistant");
                    if (!m.content().isEmpty() || m.toolCalls().isEmpty()) {
                        sb.append('\n').append(m.content());
                    }
                    for (ToolCall c : m.toolCalls()) {
                        sb.append('\n').append(TOOL_CALL_OPEN).append('\n').append(c.toJson()).append('\n').append(TOOL_CALL_CLOSE);
                    }
                    sb.append(IM_END).append('\n');
                }
                case TOOL -> {
                    boolean first = i == 0 || messages.get(i - 1).role() != Role.TOOL;
                    boolean last = i == messages.size() - 1 || messages.get(i + 1).role() != Role.TOOL;
                    if (first) {
                        sb.append(IM_START).append("user");
                    }
                    sb.append("\n<tool_response>\n").append(m.content()).append("\n</tool_response>");
                    if (last) {
                        sb.append(IM_END).append('\n');
                    }
                }
            }
        }
        if (addGenerationPrompt) {
            sb.append(IM_START).append("assistant\n");
        }
        return sb.toString();
    }

    static String toolsSection(List<JsonNode> tools) {
        StringBuilder sb = new StringBuilder("\n\n# Tools\n\nThese functions can be called to help answer the user.\n\n"
                + "Their signatures are listed between <tools></tools> tags:\n<tools>");
        for (JsonNode t : tools) {
            sb.append('\n').append(Json.dumps(t));
        }
        sb.append("\n</tools>\n\nTo call a function, write a JSON object with its name and arguments between "
                + "<tool_call></tool_call> tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>");
        return sb.toString();
    }
}
