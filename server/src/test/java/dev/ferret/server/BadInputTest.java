package dev.ferret.server;

import static dev.ferret.server.TestServers.get;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        // a valid body with text after it: refused, not read up to the object and the rest dropped
        for (String after : new String[] {" xyz", "{}", "\n[1]", ",", "}"}) {
            out.add((VALID + after).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Each field of a valid body replaced by a value of the wrong type or range. */
    static List<String> wrongTypes() throws Exception {
        List<String> out = new ArrayList<>();
        String[] fields = {"model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "seed", "stop", "stream",
            "stream_options", "tools", "tool_choice", "n", "logprobs", "response_format", "presence_penalty", "frequency_penalty", "user",
            "logit_bias", "echo", "best_of", "top_logprobs", "modalities"};
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
        TestServers.Reply trailing = post(server, "/v1/chat/completions", VALID + " xyz");
        assertOpenAiError(trailing, 400, "text after the body's object");
        assertTrue(trailing.json().path("error").path("message").asText().contains("text follows the JSON value, which ends at line 1,"
                + " column " + VALID.length()), trailing.body());
        assertEquals(200, post(server, "/v1/chat/completions", VALID + "\n\t ").status(), "whitespace after the object is fine");
        assertEquals(200, post(server, "/v1/chat/completions", VALID).status());
    }

    @Test
    void aToolSchemaTooDeepForAGrammarIsA400NamingToolsAtOnce() {
        // {"type": ["array", "array"], "items": ...} 30 times: the grammar writer took 2^d steps (49 s at d = 14)
        String schema = "{\"type\": \"string\"}";
        for (int i = 0; i < 30; i++) {
            schema = "{\"type\": [\"array\", \"array\"], \"items\": " + schema + "}";
        }
        String tools = ", \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {\"type\": \"object\","
                + " \"properties\": {\"a\": " + schema + "}, \"required\": [\"a\"]}}}]";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> { // a hang guard only
            for (String choice : List.of(", \"tool_choice\": \"required\"", ", \"tool_choice\": \"auto\"")) {
                TestServers.Reply r = post(server, "/v1/chat/completions", VALID.substring(0, VALID.length() - 1) + tools + choice + "}");
                assertOpenAiError(r, 400, "deep tool schema, " + choice);
                assertEquals("tools", r.json().path("error").path("param").asText(), r.body());
                assertTrue(r.json().path("error").path("message").asText().contains("tool 'f'"), r.body());
            }
            assertEquals(200, get(server, "/health").status());
            assertEquals(200, post(server, "/v1/chat/completions", VALID).status());
        });
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

    /** Sends raw bytes on a socket and reads the whole reply (the server closes the connection or answers once). */
    static String raw(FerretServer s, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            in.transferTo(reply);
            return reply.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMalformedChunkedBodyIsA400NamingTheBody() throws Exception {
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        String body = VALID;
        String[] bad = {
            "zz\r\n" + body + "\r\n0\r\n\r\n",                                      // chunk size not hexadecimal
            Integer.toHexString(body.length()) + "\r\n" + body + "XX0\r\n\r\n",        // no CRLF after the chunk
            "ffffffff\r\n" + body + "\r\n0\r\n\r\n",                                // a size past 2^31
            "1".repeat(20) + "\r\n" + body + "\r\n0\r\n\r\n",                       // a size line too long
        };
        for (String b : bad) {
            String reply = raw(server, head + b);
            assertTrue(reply.startsWith("HTTP/1.1 400"), b.substring(0, 12) + " -> " + reply);
            TestServers.Reply r = new TestServers.Reply(400, reply.substring(reply.indexOf("\r\n\r\n") + 4));
            assertOpenAiError(r, 400, b.substring(0, 12));
            assertTrue(r.json().path("error").path("message").asText().contains("chunked"), reply);
        }
        // a well-formed chunked body is answered
        String good = raw(server, head + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertTrue(good.startsWith("HTTP/1.1 200"), good);
        String metrics = get(server, "/metrics").body();
        assertTrue(!metrics.contains("status=\"499\""), "a malformed body is not a client that went away: " + metrics);
        assertEquals(200, post(server, "/v1/chat/completions", VALID).status());
    }

    @Test
    void loneSurrogatesAreRefusedNamingTheField() throws Exception {
        String[][] cases = {
            {"{\"messages\": [{\"role\": \"user\", \"content\": \"hi \\ud800\"}], \"max_tokens\": 2}", "messages[0].content"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"\\udc00 x\"}], \"max_tokens\": 2}",
                "messages[1].content"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"\\ud83d\"}]}], \"max_tokens\": 2}",
                "messages[0].content[0].text"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"stop\": [\"a\", \"\\ud800\"], \"max_tokens\": 2}", "stop[1]"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"tool_calls\": [{\"type\": \"function\","
                + " \"function\": {\"name\": \"f\", \"arguments\": {\"q\": \"\\udfff\"}}}]}], \"max_tokens\": 2}",
                "messages[1].tool_calls[0].function.arguments.q"},
        };
        for (String[] c : cases) {
            TestServers.Reply r = post(server, "/v1/chat/completions", c[0]);
            assertOpenAiError(r, 400, c[0]);
            assertEquals(c[1], r.json().path("error").path("param").asText(), r.body());
            assertTrue(r.json().path("error").path("message").asText().contains("surrogate"), r.body());
        }
        TestServers.Reply prompt = post(server, "/v1/completions", "{\"prompt\": \"a\\ud800b\", \"max_tokens\": 2}");
        assertOpenAiError(prompt, 400, "a lone surrogate in a prompt");
        assertEquals("prompt", prompt.json().path("error").path("param").asText());
        // a surrogate pair is a character like any other
        assertEquals(200, post(server, "/v1/chat/completions", VALID.replace("\"hi\"", "\"hi \\ud83d\\ude00\"")).status());
    }

    @Test
    void fieldsThatWouldChangeTheAnswerAreRefused() throws Exception {
        String[][] refused = {{"echo", "true"}, {"best_of", "2"}, {"top_logprobs", "3"}, {"modalities", "[\"text\", \"audio\"]"},
            {"modalities", "[\"audio\"]"}, {"modalities", "[]"}, {"logprobs", "true"}, {"n", "2"}};
        for (String[] f : refused) {
            for (String path : List.of("/v1/chat/completions", "/v1/completions")) {
                String body = path.contains("chat") ? VALID : "{\"prompt\": \"hi\", \"max_tokens\": 2}";
                TestServers.Reply r = post(server, path, body.replaceFirst("}$", ", \"" + f[0] + "\": " + f[1] + "}"));
                assertOpenAiError(r, 400, path + " " + f[0] + ": " + f[1]);
                assertEquals(f[0], r.json().path("error").path("param").asText(), r.body());
            }
        }
        String[][] wrongType = {{"echo", "1"}, {"best_of", "\"2\""}, {"top_logprobs", "true"}, {"modalities", "\"text\""}, {"modalities", "[1]"}};
        for (String[] f : wrongType) {
            TestServers.Reply r = post(server, "/v1/chat/completions", VALID.replaceFirst("}$", ", \"" + f[0] + "\": " + f[1] + "}"));
            assertOpenAiError(r, 400, f[0] + ": " + f[1]);
            assertEquals("invalid_type", r.json().path("error").path("code").asText(), r.body());
        }
        // the values that ask for what the server does are accepted
        String same = ", \"echo\": false, \"best_of\": 1, \"top_logprobs\": 0, \"modalities\": [\"text\"]}";
        assertEquals(200, post(server, "/v1/chat/completions", VALID.replaceFirst("}$", same)).status());
        assertEquals(200, post(server, "/v1/completions", "{\"prompt\": \"hi\", \"max_tokens\": 2" + same).status());
    }
}
