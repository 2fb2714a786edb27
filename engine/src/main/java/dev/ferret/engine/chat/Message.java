package dev.ferret.engine.chat;

import java.util.List;
import java.util.Objects;

/**
 * One chat message. Assistant messages may carry tool calls; tool messages carry one tool's result.
 *
 * <p>Immutable; thread-safe.
 */
public record Message(Role role, String content, List<ToolCall> toolCalls) {
    public Message {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls");
        }
    }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, text, List.of());
    }

    public static Message user(String text) {
        return new Message(Role.USER, text, List.of());
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text, List.of());
    }

    public static Message assistant(String text, List<ToolCall> calls) {
        return new Message(Role.ASSISTANT, text, calls);
    }

    public static Message tool(String result) {
        return new Message(Role.TOOL, result, List.of());
    }
}
