package dev.ferret.server;

import static dev.ferret.server.TestServers.get;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/chat/completions}, {@code /v1/completions}, {@code /v1/models}, {@code /health}, {@code /metrics} over real HTTP. */
class ChatCompletionsTest {
    static FerretServer server;

    /** Enums and booleans only: a random tiny model would write a free string forever, which tests nothing here. */
    static final String TOOLS = """
            [{"type": "function", "function": {"name": "grep", "description": "search files",
              "parameters": {"type": "object", "properties": {"pattern": {"type": "string", "enum": ["retry", "timeout"]},
                                                               "regex": {"type": "boolean"}},
                             "required": ["pattern"]}}},
             {"type": "function", "function": {"name": "read_file", "description": "read a file",
              "parameters": {"type": "object", "properties": {"path": {"type": "string", "enum": ["api.py", "cli.py"]}, "whole": {"type": "boolean"}},
                             "required": ["path", "whole"]}}}]""";

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.ready(TestServers.options(4).withContextSize(1024)); // tool schemas take ~400 tokens
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String chat(String question, String extra) {
        return "{\"model\": \"tiny\", \"messages\": [{\"role\": \"system\", \"content\": \"You are terse.\"},"
                + " {\"role\": \"user\", \"content\": " + Json.MAPPER.valueToTree(question) + "}]" + extra + "}";
    }

    @Test
    void healthModelsAndMetrics() throws Exception {
        TestServers.Reply h = get(server, "/health");
        assertEquals(200, h.status());
        assertEquals("ok", h.json().path("status").asText());
        JsonNode models = get(server, "/v1/models").json();
        assertEquals("list", models.path("object").asText());
        assertEquals("tiny", models.path("data").path(0).path("id").asText());
        post(server, "/v1/chat/completions", chat("hi", ", \"max_tokens\": 3, \"temperature\": 0"));
        TestServers.Reply m = get(server, "/metrics");
        assertEquals(200, m.status());
        assertTrue(m.body().contains("ferret_requests_total{endpoint=\"/v1/chat/completions\",status=\"200\"}"), m.body());
        assertTrue(m.body().contains("# TYPE ferret_kv_cells gauge"), m.body());
        assertTrue(m.body().lines().anyMatch(l -> l.startsWith("ferret_completion_tokens_total ") && !l.endsWith(" 0")), m.body());
        assertTrue(m.body().contains("ferret_sequences 4"), m.body());
    }

    @Test
    void chatCompletionHasOpenAiShapeAndUsage() throws Exception {
        TestServers.Reply r = post(server, "/v1/chat/completions", chat("Where is the retry policy?", ", \"max_tokens\": 12, \"temperature\": 0"));
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        assertEquals("chat.completion", j.path("object").asText());
        assertTrue(j.path("id").asText().startsWith("chatcmpl-"));
        JsonNode choice = j.path("choices").path(0);
        assertEquals("assistant", choice.path("message").path("role").asText());
        assertTrue(choice.path("message").path("content").isTextual());
        String finish = choice.path("finish_reason").asText();
        assertTrue(finish.equals("stop") || finish.equals("length"), finish);
        JsonNode u = j.path("usage");
        assertTrue(u.path("prompt_tokens").asInt() > 10);
        assertTrue(u.path("completion_tokens").asInt() >= 1 && u.path("completion_tokens").asInt() <= 12, u.toString());
        assertEquals(u.path("prompt_tokens").asInt() + u.path("completion_tokens").asInt(), u.path("total_tokens").asInt());
        // greedy is deterministic: the same request gives the same text, and reuses the cached prompt
        JsonNode again = post(server, "/v1/chat/completions", chat("Where is the retry policy?", ", \"max_tokens\": 12, \"temperature\": 0")).json();
        assertEquals(choice.path("message").path("content").asText(), again.path("choices").path(0).path("message").path("content").asText());
        assertTrue(again.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt() > 0, again.toString());
    }

    /** The chunks of a streamed reply (the JSON of every data line but [DONE]); asserts it ends with [DONE]. */
    static List<JsonNode> stream(String body) throws Exception {
        HttpResponse<Stream<String>> resp = TestServers.CLIENT.send(HttpRequest.newBuilder(URI.create(TestServers.base(server) + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, resp.statusCode());
        assertEquals("text/event-stream", resp.headers().firstValue("Content-Type").orElse(""));
        List<String> data = resp.body().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast());
        List<JsonNode> chunks = new ArrayList<>();
        for (String d : data.subList(0, data.size() - 1)) {
            chunks.add(Json.MAPPER.readTree(d));
        }
        return chunks;
    }

    @Test
    void streamedChunksAddUpToTheWholeReply() throws Exception {
        String q = "List every async function.";
        JsonNode whole = post(server, "/v1/chat/completions", chat(q, ", \"max_tokens\": 20, \"temperature\": 0")).json();
        List<JsonNode> chunks = stream(chat(q, ", \"max_tokens\": 20, \"temperature\": 0, \"stream\": true, \"stream_options\": {\"include_usage\": true}"));
        assertEquals("assistant", chunks.getFirst().path("choices").path(0).path("delta").path("role").asText());
        StringBuilder text = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (JsonNode c : chunks) {
            assertEquals("chat.completion.chunk", c.path("object").asText());
            assertEquals(chunks.getFirst().path("id").asText(), c.path("id").asText());
            JsonNode choice = c.path("choices").path(0);
            text.append(choice.path("delta").path("content").asText(""));
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
            }
            if (c.has("usage")) {
                usage = c.path("usage");
            }
        }
        assertEquals(whole.path("choices").path(0).path("message").path("content").asText(), text.toString());
        assertEquals(whole.path("choices").path(0).path("finish_reason").asText(), finish);
        assertNotNull(usage, "include_usage asks for a usage chunk");
        assertEquals(whole.path("usage").path("completion_tokens").asInt(), usage.path("completion_tokens").asInt());
    }

    @Test
    void toolChoiceRequiredGivesAValidCallAndStreamsIt() throws Exception {
        String extra = ", \"tools\": " + TOOLS + ", \"tool_choice\": \"required\", \"temperature\": 0, \"max_tokens\": 120";
        JsonNode j = post(server, "/v1/chat/completions", chat("Find where retry is configured.", extra)).json();
        JsonNode choice = j.path("choices").path(0);
        assertEquals("tool_calls", choice.path("finish_reason").asText(), j.toString());
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertEquals("function", call.path("type").asText());
        assertTrue(call.path("id").asText().startsWith("call_"));
        String name = call.path("function").path("name").asText();
        assertTrue(name.equals("grep") || name.equals("read_file"), name);
        JsonNode args = Json.MAPPER.readTree(call.path("function").path("arguments").asText());
        assertTrue(args.isObject());
        assertTrue(name.equals("grep") ? args.path("pattern").isTextual() : args.path("whole").isBoolean() && args.path("path").isTextual(), args.toString());

        List<JsonNode> chunks = stream(chat("Find where retry is configured.", extra + ", \"stream\": true"));
        StringBuilder streamedArgs = new StringBuilder();
        String streamedName = null;
        String finish = null;
        for (JsonNode c : chunks) {
            JsonNode choiceChunk = c.path("choices").path(0);
            for (JsonNode tc : choiceChunk.path("delta").path("tool_calls")) {
                assertEquals(0, tc.path("index").asInt());
                if (tc.path("function").has("name")) {
                    assertTrue(streamedName == null, "the name comes once");
                    streamedName = tc.path("function").path("name").asText();
                    assertTrue(tc.path("id").asText().startsWith("call_"));
                }
                streamedArgs.append(tc.path("function").path("arguments").asText(""));
            }
            if (choiceChunk.path("finish_reason").isTextual()) {
                finish = choiceChunk.path("finish_reason").asText();
            }
        }
        assertEquals(name, streamedName);
        assertEquals("tool_calls", finish);
        assertEquals(args, Json.MAPPER.readTree(streamedArgs.toString()), "streamed arguments add up to the same JSON");
    }

    @Test
    void aToolWithoutParametersIsCalledWithAnEmptyObject() throws Exception {
        // no parameters (or null ones): a function without arguments, as OpenAI reads it; the grammar once let the
        // model write "arguments": null or true there, which is no call
        for (String fn : List.of("{\"name\": \"ping\"}", "{\"name\": \"ping\", \"parameters\": null}")) {
            String extra = ", \"tools\": [{\"type\": \"function\", \"function\": " + fn + "}], \"tool_choice\": \"required\","
                    + " \"temperature\": 0.9, \"seed\": 5, \"max_tokens\": 60";
            JsonNode j = post(server, "/v1/chat/completions", chat("Ping it.", extra)).json();
            JsonNode call = j.path("choices").path(0).path("message").path("tool_calls").path(0);
            assertEquals("ping", call.path("function").path("name").asText(), j.toString());
            assertEquals("{}", call.path("function").path("arguments").asText(), j.toString());
        }
    }

    @Test
    void aNamedFunctionIsTheOneCalled() throws Exception {
        String extra = ", \"tools\": " + TOOLS + ", \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": \"read_file\"}},"
                + " \"temperature\": 0.7, \"seed\": 3, \"max_tokens\": 120";
        JsonNode j = post(server, "/v1/chat/completions", chat("Show me api.py", extra)).json();
        JsonNode call = j.path("choices").path(0).path("message").path("tool_calls").path(0);
        assertEquals("read_file", call.path("function").path("name").asText(), j.toString());
        JsonNode args = Json.MAPPER.readTree(call.path("function").path("arguments").asText());
        assertTrue(args.path("whole").isBoolean() && List.of("api.py", "cli.py").contains(args.path("path").asText()), args.toString());
    }

    @Test
    void eightParallelRequestsAllSucceed() throws Exception {
        String body = chat("Which files import requests?", ", \"max_tokens\": 16, \"temperature\": 0");
        String expected = post(server, "/v1/chat/completions", body).json().path("choices").path(0).path("message").path("content").asText();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<TestServers.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> post(server, "/v1/chat/completions", body)));
            }
            for (Future<TestServers.Reply> f : replies) {
                TestServers.Reply r = f.get();
                assertEquals(200, r.status(), r.body());
                assertEquals(expected, r.json().path("choices").path(0).path("message").path("content").asText());
            }
        }
    }

    @Test
    void plainCompletions() throws Exception {
        TestServers.Reply r = post(server, "/v1/completions", "{\"model\": \"tiny\", \"prompt\": \"def retry(\", \"max_tokens\": 6, \"temperature\": 0, \"stop\": [\"\\n\\n\"]}");
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        assertEquals("text_completion", j.path("object").asText());
        assertTrue(j.path("choices").path(0).path("text").isTextual());
        assertTrue(j.path("usage").path("completion_tokens").asInt() <= 6);
    }

    @Test
    void samplingWithASeedRepeats() throws Exception {
        String body = chat("Say something.", ", \"max_tokens\": 10, \"temperature\": 0.9, \"top_p\": 0.9, \"seed\": 42");
        String a = post(server, "/v1/chat/completions", body).json().path("choices").path(0).path("message").path("content").asText();
        String b = post(server, "/v1/chat/completions", body).json().path("choices").path(0).path("message").path("content").asText();
        assertEquals(a, b);
    }

    @Test
    void streamedPlainCompletionAddsUpToTheWholeOne() throws Exception {
        String body = "{\"prompt\": \"def retry(\", \"max_tokens\": 10, \"temperature\": 0";
        String whole = post(server, "/v1/completions", body + "}").json().path("choices").path(0).path("text").asText();
        HttpResponse<Stream<String>> resp = TestServers.CLIENT.send(HttpRequest.newBuilder(URI.create(TestServers.base(server) + "/v1/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body + ", \"stream\": true}")).build(), HttpResponse.BodyHandlers.ofLines());
        List<String> data = resp.body().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast());
        StringBuilder text = new StringBuilder();
        for (String d : data.subList(0, data.size() - 1)) {
            JsonNode c = Json.MAPPER.readTree(d);
            assertEquals("text_completion", c.path("object").asText());
            text.append(c.path("choices").path(0).path("text").asText(""));
        }
        assertEquals(whole, text.toString());
    }

    @Test
    void autoToolChoiceGivesAnAnswerOrAValidCall() throws Exception {
        for (int seed = 1; seed <= 3; seed++) {
            String extra = ", \"tools\": " + TOOLS + ", \"temperature\": 0.8, \"seed\": " + seed + ", \"max_tokens\": 40";
            JsonNode j = post(server, "/v1/chat/completions", chat("Find where retry is configured.", extra)).json();
            JsonNode msg = j.path("choices").path(0).path("message");
            String finish = j.path("choices").path(0).path("finish_reason").asText();
            if (msg.has("tool_calls")) {
                assertEquals("tool_calls", finish);
                JsonNode args = Json.MAPPER.readTree(msg.path("tool_calls").path(0).path("function").path("arguments").asText());
                assertTrue(args.isObject(), j.toString());
            } else {
                assertTrue(msg.path("content").isTextual(), j.toString());
                assertTrue(finish.equals("stop") || finish.equals("length"), j.toString());
            }
        }
    }

    @Test
    void textPartContentIsJoinedAsLlamaServerJoinsIt() throws Exception {
        String parts = "{\"messages\": [{\"role\": \"system\", \"content\": [{\"type\": \"text\", \"text\": \"You are terse.\"}]},"
                + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Where is the\"}, {\"type\": \"text\", \"text\": \"retry policy?\"}]},"
                + " {\"role\": \"assistant\", \"content\": [{\"type\": \"text\", \"text\": \"\"}, {\"type\": \"text\", \"text\": \"In api.py.\"}]},"
                + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Thanks\"}]}], \"max_tokens\": 8, \"temperature\": 0}";
        String strings = "{\"messages\": [{\"role\": \"system\", \"content\": \"You are terse.\"},"
                + " {\"role\": \"user\", \"content\": \"Where is the\\nretry policy?\"},"
                + " {\"role\": \"assistant\", \"content\": \"In api.py.\"},"
                + " {\"role\": \"user\", \"content\": \"Thanks\"}], \"max_tokens\": 8, \"temperature\": 0}";
        TestServers.Reply a = post(server, "/v1/chat/completions", parts);
        TestServers.Reply b = post(server, "/v1/chat/completions", strings);
        assertEquals(200, a.status(), a.body());
        assertEquals(200, b.status(), b.body());
        // the same prompt: parts joined with a newline (none before the first non-empty one), greedy, same reply
        assertEquals(b.json().path("usage").path("prompt_tokens").asInt(), a.json().path("usage").path("prompt_tokens").asInt());
        assertEquals(b.json().path("choices").path(0).path("message").path("content").asText(),
                a.json().path("choices").path(0).path("message").path("content").asText());
    }

    @Test
    void contentPartsOtherThanTextAreRefusedNamingThePart() throws Exception {
        String image = "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"What is this?\"},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,AAAA\"}}]}], \"max_tokens\": 2}";
        TestServers.Reply r = post(server, "/v1/chat/completions", image);
        BadInputTest.assertOpenAiError(r, 400, "an image part");
        assertEquals("messages[0].content[1]", r.json().path("error").path("param").asText(), r.body());
        assertTrue(r.json().path("error").path("message").asText().contains("image_url"), r.body());

        String[][] bad = {
            {"[{\"type\": \"input_audio\", \"input_audio\": {\"data\": \"AAAA\", \"format\": \"wav\"}}]", "messages[0].content[0]"},
            {"[{\"text\": \"no type\"}]", "messages[0].content[0]"},
            {"[{\"type\": \"text\"}]", "messages[0].content[0].text"},
            {"[{\"type\": \"text\", \"text\": 5}]", "messages[0].content[0].text"},
            {"[\"just a string\"]", "messages[0].content[0]"},
            {"[]", "messages[0].content"},
        };
        for (String[] c : bad) {
            TestServers.Reply e = post(server, "/v1/chat/completions",
                    "{\"messages\": [{\"role\": \"user\", \"content\": " + c[0] + "}], \"max_tokens\": 2}");
            BadInputTest.assertOpenAiError(e, 400, c[0]);
            assertEquals(c[1], e.json().path("error").path("param").asText(), e.body());
        }
    }
}
