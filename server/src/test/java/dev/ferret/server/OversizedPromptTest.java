package dev.ferret.server;

import static dev.ferret.server.BadInputTest.assertOpenAiError;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bodies built to make the server work hard before it can refuse them: conversations of 100,000 messages or tool
 * calls (each a segment of the prompt, and each text segment a call into llama.cpp), and content holding every
 * private-use character (which {@code ContentGuard} searches for a free marker). Each must be refused with a
 * 400; the timeouts only catch a hang (the quadratic or per-segment versions took minutes), they time nothing.
 */
@Tag("slow")
class OversizedPromptTest {
    static FerretServer server;
    static final Duration HANG = Duration.ofSeconds(60);

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.ready(TestServers.options(1).withMaxBodyBytes(16 << 20));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(ArrayNode messages) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("messages", messages);
        body.put("max_tokens", 2);
        return Json.MAPPER.writeValueAsString(body);
    }

    static void assertTooLong(TestServers.Reply r) {
        assertOpenAiError(r, 400, "an oversized conversation");
        assertEquals("context_length_exceeded", r.json().path("error").path("code").asText(), r.body());
        assertEquals("messages", r.json().path("error").path("param").asText(), r.body());
        // the count stops at the context: only "more than" is known
        assertTrue(r.json().path("error").path("message").asText().contains("more than 255 tokens"), r.body());
    }

    @Test
    void aHundredThousandMessagesAreRefusedWithoutTokenizingThemAll() throws Exception {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 100_000; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", "x");
        }
        String body = body(messages);
        assertTooLong(assertTimeoutPreemptively(HANG, () -> post(server, "/v1/chat/completions", body)));
    }

    @Test
    void aHundredThousandToolCallsAreRefusedWithoutTokenizingThemAll() throws Exception {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        messages.addObject().put("role", "user").put("content", "x");
        ArrayNode calls = messages.addObject().put("role", "assistant").putArray("tool_calls");
        for (int i = 0; i < 100_000; i++) {
            calls.addObject().put("type", "function").putObject("function").put("name", "f").put("arguments", "{}");
        }
        String body = body(messages);
        assertTooLong(assertTimeoutPreemptively(HANG, () -> post(server, "/v1/chat/completions", body)));
    }

    @Test
    void aFewHundredMessagesOverTheContextAreCountedOnlyUpToIt() throws Exception {
        // fewer special tokens than the context holds: the text is tokenized, and the count stops past 255
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 60; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", "some words to count " + i);
        }
        assertTooLong(post(server, "/v1/chat/completions", body(messages)));
    }

    static String everyPrivateUseCharacter(int except) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0xE000; c < 0xF900; c++) {
            sb.appendCodePoint(c);
        }
        for (int c = 0xF0000; c <= 0x10FFFF; c++) {
            if (c != except) {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    @Test
    void contentHoldingEveryPrivateUseCharacterIsRefused() throws Exception {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        messages.addObject().put("role", "user").put("content", everyPrivateUseCharacter(-1));
        String body = body(messages);
        TestServers.Reply r = assertTimeoutPreemptively(HANG, () -> post(server, "/v1/chat/completions", body));
        // no character is left to mark special-token text in the content as text: the input's fault, not the server's
        assertOpenAiError(r, 400, "every private-use character");
        assertEquals("messages", r.json().path("error").path("param").asText(), r.body());
        assertTrue(r.json().path("error").path("message").asText().contains("private-use"), r.body());
    }

    @Test
    void contentHoldingAllButOnePrivateUseCharacterFindsThatOneQuickly() throws Exception {
        // a long plain stretch first: searching the input once per candidate marker read all of it 137,000 times
        ArrayNode messages = Json.MAPPER.createArrayNode();
        messages.addObject().put("role", "user").put("content", "word ".repeat(200_000) + everyPrivateUseCharacter(0x10FFFD));
        String body = body(messages);
        assertTooLong(assertTimeoutPreemptively(HANG, () -> post(server, "/v1/chat/completions", body)));
    }
}
