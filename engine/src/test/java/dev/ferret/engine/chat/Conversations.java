package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test conversations ({@code conversations.json}): OpenAI-style messages and tools covering system turns,
 * tools, several calls in one turn, consecutive tool results, string and object arguments, non-ASCII text and
 * special-token text in content.
 */
public final class Conversations {
    public record Conversation(String name, JsonNode messages, JsonNode tools, boolean addGenerationPrompt) {}

    private Conversations() {}

    public static List<Conversation> all() {
        try (InputStream in = Conversations.class.getResourceAsStream("conversations.json")) {
            List<Conversation> out = new ArrayList<>();
            for (JsonNode c : HfReference.JSON.readTree(in)) {
                JsonNode tools = c.get("tools");
                out.add(new Conversation(c.get("name").asText(), c.get("messages"), tools == null || tools.isNull() ? null : tools,
                        c.get("add_generation_prompt").asBoolean()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
