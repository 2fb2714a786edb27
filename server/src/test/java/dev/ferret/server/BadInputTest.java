package dev.ferret.server;

import static dev.ferret.server.TestServers.get;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed bodies, wrong types, unknown models, oversized bodies, keys, a model that does not load: 4xx/503 JSON, never a dead server. */
class BadInputTest {
    static FerretServer server;
    static final String VALID = "{\"model\": \"tiny\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 2, \"temperature\": 0}";

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.ready(TestServers.options(2).withMaxBodyBytes(64 * 1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertOpenAiError(TestServers.Reply r, int status, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        JsonNode e = r.json().path("error");
        assertTrue(e.path("message").isTextual() && !e.path("message").asText().isEmpty(), what + ": " + r.body());
        assertTrue(e.path("type").isTextual(), what + ": " + r.body());
        assertTrue(e.has("param") && e.has("code"), what + ": " + r.body());
    }

    /** Bodies that are never valid: random bytes, every truncation of a valid body, deep nesting, bad UTF-8. */
    static List<byte[]> malformed() {
        List<byte[]> out = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[1 + rnd.nextInt(300)];
            rnd.nextBytes(b);
            b[0] = (byte) "x[{\"}]1 \u0000".charAt(rnd.nextInt(9)); // never a whole JSON object
            out.add(b);
        }
        for (int cut = 0; cut < VALID.length() - 1; cut++) {
            out.add(VALID.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        }
        out.add("[".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        out.add(("{\"a\":" .repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        out.add(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
        out.add("[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
        out.add("\"just a string\"".getBytes(StandardCharsets.UTF_8));
        out.add("null".getBytes(StandardCharsets.UTF_8));
        out.add("{}".getBytes(StandardCharsets.UTF_8));
        out.add("{\"messages\": []}".getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** Each field of a valid body replaced by a value of the wrong type or range. */
    static List<String> wrongTypes() throws Exception {
        List<String> out = new ArrayList<>();
        String[] fields = {"model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "seed", "stop", "stream",
            "stream_options", "tools", "tool_choice", "n", "logprobs", "response_format", "presence_penalty", "frequency_penalty", "user",
            "logit_bias"};
        String[] values = {"\"x\"", "-1", "1e400", "3.5", "true", "[]", "{}", "[1]", "{\"a\": 1}", "\"\"", "99999999999999999999", "-0.5", "[\"a\",\"b\",\"c\",\"d\",\"e\"]",
            "{\"role\": 1}", "[{\"role\": \"user\", \"content\": 5}]", "[{\"type\": \"function\"}]", "\"required\"", "{\"type\": \"function\", \"function\": {\"name\": \"nope\"}}"};
        for (String f : fields) {
            for (String v : values) {
                ObjectNode body = (ObjectNode) Json.MAPPER.readTree(VALID);
                body.set(f, Json.MAPPER.readTree(v));
                out.add(Json.MAPPER.writeValueAsString(body));
            }
        }
        return out;
    }

    @Test
    void hundredsOfMalformedBodiesGet4xxJsonAndTheServerKeepsAnswering() throws Exception {
        List<byte[]> bad = malformed();
        for (byte[] b : bad) {
            TestServers.Reply r = TestServers.send(HttpRequest.newBuilder(URI.create(TestServers.base(server) + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build());
            assertOpenAiError(r, 400, new String(b, 0, Math.min(b.length, 60), StandardCharsets.ISO_8859_1));
        }
        int refused = 0;
        List<String> mutated = wrongTypes();
        for (String body : mutated) {
            TestServers.Reply r = post(server, "/v1/chat/completions", body);
            // some replacements are valid (e.g. "stop": "x"); none may be a 5xx or a non-JSON answer
            if (r.status() != 200) {
                assertTrue(r.status() >= 400 && r.status() < 500, body + " -> " + r.status() + " " + r.body());
                assertOpenAiError(r, r.status(), body);
                refused++;
            }
        }
        assertTrue(bad.size() + refused >= 500, "at least 500 malformed bodies refused: " + (bad.size() + refused));
        assertEquals(200, post(server, "/v1/chat/completions", VALID).status());
        assertEquals(200, get(server, "/health").status());
    }

    @Test
    void specificErrorsHaveTheirCodes() throws Exception {
        TestServers.Reply model = post(server, "/v1/chat/completions", VALID.replace("\"tiny\"", "\"gpt-4o\""));
        assertOpenAiError(model, 404, "unknown model");
        assertEquals("model_not_found", model.json().path("error").path("code").asText());

        TestServers.Reply type = post(server, "/v1/chat/completions", VALID.replace("\"max_tokens\": 2", "\"max_tokens\": \"2\""));
        assertOpenAiError(type, 400, "max_tokens as a string");
        assertEquals("max_tokens", type.json().path("error").path("param").asText());

        String longText = "word ".repeat(2000);
        TestServers.Reply overflow = post(server, "/v1/chat/completions", VALID.replace("\"hi\"", "\"" + longText + "\""));
        assertOpenAiError(overflow, 400, "context overflow");
        assertEquals("context_length_exceeded", overflow.json().path("error").path("code").asText());

        TestServers.Reply big = post(server, "/v1/chat/completions", VALID.replace("\"hi\"", "\"" + "x".repeat(100_000) + "\""));
        assertOpenAiError(big, 413, "body too large");

        assertOpenAiError(get(server, "/v1/chat/completions"), 405, "GET on a POST endpoint");
        assertOpenAiError(get(server, "/v2/nothing"), 404, "unknown path");
        TestServers.Reply required = post(server, "/v1/chat/completions", VALID.replace("}", ", \"tool_choice\": \"required\"}"));
        assertOpenAiError(required, 400, "required without tools");
        assertOpenAiError(post(server, "/slots/x?action=save", "{}"), 404, "slots are off without a slot folder");
        assertEquals(200, post(server, "/v1/chat/completions", VALID).status());
    }

    @Test
    void apiKeyIsCheckedEverywhereButHealth() throws Exception {
        try (FerretServer s = TestServers.ready(TestServers.options(1).withApiKey("sekret"))) {
            assertEquals(200, get(s, "/health").status());
            TestServers.Reply none = get(s, "/v1/models");
            assertOpenAiError(none, 401, "no key");
            assertEquals("invalid_api_key", none.json().path("error").path("code").asText());
            assertOpenAiError(post(s, "/v1/chat/completions", VALID), 401, "no key on chat");
            HttpRequest.Builder models = HttpRequest.newBuilder(URI.create(TestServers.base(s) + "/v1/models"));
            assertOpenAiError(TestServers.send(models.copy().header("Authorization", "Bearer wrong").build()), 401, "wrong key");
            assertEquals(200, TestServers.send(models.copy().header("Authorization", "Bearer sekret").build()).status());
        }
    }

    @Test
    void aModelThatDoesNotLoadLeavesHealthAt503AndRequestsGetJson(@TempDir Path dir) throws Exception {
        Path notGguf = dir.resolve("broken.gguf");
        Files.writeString(notGguf, "this is not a GGUF file");
        try (FerretServer s = FerretServer.start(ServerOptions.of(notGguf).withPort(0).withThreads(1))) {
            assertThrows(RuntimeException.class, s::awaitReady);
            TestServers.Reply h = get(s, "/health");
            assertEquals(503, h.status());
            assertEquals("error", h.json().path("status").asText());
            assertOpenAiError(post(s, "/v1/chat/completions", VALID.replace("tiny", "broken")), 503, "chat while not loaded");
        }
    }
}
