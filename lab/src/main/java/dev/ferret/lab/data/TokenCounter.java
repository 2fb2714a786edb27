package dev.ferret.lab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.Role;
import dev.ferret.engine.chat.ToolCall;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts the tokens of a conversation as the model sees it: rendered with the project's Qwen2.5 {@link ChatTemplate}
 * (system turn with the tool list, calls in {@code <tool_call>}, results in {@code <tool_response>}) and encoded by
 * the project's byte-level BPE tokenizer trained on its bundled corpus ({@link BpeTrainer#defaultTokenizer}, the
 * vocabulary of the qwen05b preset). That tokenizer is smaller than Qwen's own 151k vocabulary, so its counts run
 * higher than a real Qwen tokenizer's; they are for comparing and budgeting, not exact. The system turn is the same in
 * every example and is encoded once (special tokens split the text, so the counts of the parts add up).
 */
final class TokenCounter {
    /** The vocabulary size of {@code ModelSpec.qwen05b()}. */
    static final int VOCAB = 2048;

    private final BpeTokenizer tokenizer = BpeTrainer.defaultTokenizer(VOCAB);
    private final List<JsonNode> tools;
    private final int systemTokens;
    private final int systemChars;

    TokenCounter(List<JsonNode> tools, String system) {
        this.tools = tools;
        String sys = ChatTemplate.render(List.of(Message.system(system)), tools, false);
        this.systemChars = sys.length();
        this.systemTokens = tokenizer.encode(sys).length;
    }

    String describe() {
        return String.format(Locale.ROOT, "dev.ferret.models.tokenizer.BpeTrainer.defaultTokenizer(%d) (the project's "
                + "byte-level BPE, qwen05b preset vocabulary) over ChatTemplate.render(messages, tools)", VOCAB);
    }

    /** Tokens and characters of a rendered conversation. */
    record Count(int tokens, int chars) {
    }

    /** Tokens of the whole rendered conversation, system turn with the tool list included. */
    Count count(JsonNode messages) {
        String text = ChatTemplate.render(toMessages(messages), tools, false);
        return new Count(systemTokens + tokenizer.encode(text.substring(systemChars)).length, text.length());
    }

    /** The tokens every example spends on the system turn and the tool list. */
    int systemTokens() {
        return systemTokens;
    }

    static List<Message> toMessages(JsonNode messages) {
        List<Message> out = new ArrayList<>();
        for (JsonNode m : messages) {
            Role role = Role.valueOf(m.path("role").asText().toUpperCase(Locale.ROOT));
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode c : m.path("tool_calls")) {
                calls.add(new ToolCall(c.path("function").path("name").asText(),
                        (ObjectNode) c.path("function").path("arguments")));
            }
            out.add(new Message(role, m.path("content").asText(), calls));
        }
        return out;
    }
}
