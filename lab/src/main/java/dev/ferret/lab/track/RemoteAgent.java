package dev.ferret.lab.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.loop.AgentOptions;
import dev.ferret.agent.loop.Grounding;
import dev.ferret.agent.loop.LoopGuard;
import dev.ferret.agent.loop.StopReason;
import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.ToolResult;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.ToolCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's tool loop with the model behind an OpenAI-compatible endpoint ({@code ferret serve}, or any server that
 * speaks {@code /v1/chat/completions} with tools): the question and the agent's system prompt and tool schemas go
 * to the server, the {@code tool_calls} it returns run here, in the repository's sandbox, and their results go back
 * as {@code tool} messages, until the model answers. The same {@link LoopGuard} as the in-process loop keeps it
 * finite (a turn it forces to answer is sent with {@code tool_choice: "none"}), and the answer is grounded the
 * same way ({@link Grounding}).
 *
 * <p>Thread-safe: each {@link #ask} keeps its conversation to itself; the HTTP client is shared.
 */
public final class RemoteAgent {
    /** What one question came to. */
    public record Result(String answer, StopReason stopReason, int steps, List<ExecutedCall> calls, int tokens, boolean autonomous,
                         List<String> evidence, double seconds) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;
    private final Toolbox tools;
    private final AgentOptions options;
    private final String apiKey;
    private final boolean firstCallRequired;
    private final ArrayNode schemas = Json.MAPPER.createArrayNode();

    /**
     * @param base    the server's base URL ({@code http://host:port}; a trailing {@code /v1} is accepted)
     * @param tools   the tools calls run with (the repository's sandbox)
     * @param options step, repeat and error bounds, token budgets
     * @param apiKey  sent as a bearer token, or null
     * @param firstCallRequired the first turn is sent with {@code tool_choice: "required"}: the model must search
     *                before it answers (for small models that otherwise answer from memory)
     */
    public RemoteAgent(URI base, Toolbox tools, AgentOptions options, String apiKey, boolean firstCallRequired) {
        this.endpoint = chatUri(base);
        this.tools = tools;
        this.options = options;
        this.apiKey = apiKey;
        this.firstCallRequired = firstCallRequired;
        schemas.addAll(AgentPrompt.schemas(tools));
    }

    static URI chatUri(URI base) {
        String s = base.toString().replaceAll("/+$", "");
        if (!s.startsWith("http://") && !s.startsWith("https://")) {
            throw new IllegalArgumentException("endpoint " + base + " is not an http:// or https:// URL");
        }
        return URI.create((s.endsWith("/v1") ? s : s + "/v1") + "/chat/completions");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The model id the server lists first under {@code /v1/models}. */
    public String modelId() throws IOException, InterruptedException {
        URI models = URI.create(endpoint.toString().replaceFirst("/chat/completions$", "/models"));
        HttpRequest.Builder b = HttpRequest.newBuilder(models).timeout(Duration.ofSeconds(30)).GET();
        JsonNode root = send(b);
        return root.path("data").path(0).path("id").asText("unknown");
    }

    /** Asks one question; an HTTP or protocol failure is an {@link IOException} naming the endpoint. */
    public Result ask(String question) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        messages.addObject().put("role", "system").put("content", AgentPrompt.SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", question);
        LoopGuard guard = new LoopGuard(options);
        List<ExecutedCall> calls = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        int tokens = 0;
        boolean autonomous = false;
        String lastResult = "";
        while (true) {
            StopReason forced = guard.mustAnswer();
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("messages", messages);
            body.set("tools", schemas);
            body.put("tool_choice", forced != null ? "none" : firstCallRequired && guard.steps() == 0 ? "required" : "auto");
            body.put("temperature", 0);
            body.put("max_tokens", Math.max(options.maxTokensCall(), options.maxTokensAnswer()));
            JsonNode reply;
            try {
                reply = send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))));
            } catch (ContextFull e) {
                // as the in-process loop does when the conversation outgrows the context: answer from the results
                String answer = lastResult.isBlank() ? "No answer: the conversation no longer fits the server's context and no tool"
                        + " returned results." : "No model answer (the conversation no longer fits the server's context). The last tool"
                        + " result was:\n" + cut(lastResult, 2000);
                return new Result(answer, StopReason.CONTEXT_FULL, guard.steps(), calls, tokens, autonomous, evidence, seconds(t0));
            }
            guard.stepTaken();
            tokens += reply.path("usage").path("completion_tokens").asInt(0);
            JsonNode message = reply.path("choices").path(0).path("message");
            JsonNode toolCalls = message.path("tool_calls");
            if (forced != null || !toolCalls.isArray() || toolCalls.isEmpty()) {
                String answer = message.path("content").asText("").strip();
                if (answer.isEmpty()) {
                    answer = lastResult.isBlank() ? "No answer: the model gave none and no tool returned results."
                            : "No model answer. The last tool result was:\n" + cut(lastResult, 2000);
                    return new Result(answer, StopReason.FALLBACK_FROM_RESULTS, guard.steps(), calls, tokens, autonomous, evidence,
                            seconds(t0));
                }
                String grounded = Grounding.apply(answer, evidence, question, tools.names()).text();
                return new Result(grounded, forced == null ? StopReason.ANSWERED : forced, guard.steps(), calls, tokens, autonomous,
                        evidence, seconds(t0));
            }
            autonomous = true;
            ObjectNode assistant = messages.addObject();
            assistant.put("role", "assistant");
            assistant.putNull("content");
            assistant.set("tool_calls", toolCalls);
            for (JsonNode tc : toolCalls) {
                long c0 = System.nanoTime();
                String id = tc.path("id").asText("");
                String name = tc.path("function").path("name").asText("");
                String argsText = tc.path("function").path("arguments").asText("{}");
                String content;
                ExecutedCall record;
                JsonNode args;
                try {
                    args = Json.MAPPER.readTree(argsText);
                } catch (IOException e) {
                    args = null;
                }
                Tool tool = tools.get(name).orElse(null);
                if (args == null || !args.isObject()) {
                    guard.recordedError();
                    content = "error: the arguments are not a JSON object: " + argsText;
                    record = new ExecutedCall(name, argsText, content.length(), ms(c0), ExecutedCall.Outcome.ERROR);
                } else if (tool == null) {
                    guard.recordedError();
                    content = "error: unknown tool \"" + name + "\"; the tools are: " + String.join(", ", tools.names());
                    record = new ExecutedCall(name, argsText, content.length(), ms(c0), ExecutedCall.Outcome.ERROR);
                } else {
                    ToolCall call = ToolCall.of(name, args);
                    String canonical = Json.dumps(call.arguments());
                    switch (guard.check(call, tool)) {
                        case LoopGuard.Verdict.Repeat r -> {
                            content = r.reminder();
                            record = new ExecutedCall(name, canonical, content.length(), ms(c0), ExecutedCall.Outcome.REPEATED);
                        }
                        case LoopGuard.Verdict.Refuse r -> {
                            guard.recordedError();
                            content = "error: " + r.message();
                            record = new ExecutedCall(name, canonical, r.message().length(), ms(c0), ExecutedCall.Outcome.REFUSED);
                        }
                        case LoopGuard.Verdict.Run run -> {
                            ToolResult res = tool.call(call.arguments());
                            guard.recorded(call, res.content(), res.error());
                            if (!res.error()) {
                                lastResult = res.content();
                            }
                            evidence.add(name + " " + canonical + "\n" + res.content());
                            content = res.content();
                            record = new ExecutedCall(name, canonical, content.length(), ms(c0),
                                    res.error() ? ExecutedCall.Outcome.ERROR : ExecutedCall.Outcome.RAN);
                        }
                    }
                }
                calls.add(record);
                ObjectNode result = messages.addObject();
                result.put("role", "tool");
                result.put("tool_call_id", id);
                result.put("content", content);
            }
        }
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest r = b.build();
        HttpResponse<String> resp;
        try {
            resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(r.uri() + ": " + e.getMessage(), e);
        }
        if (resp.statusCode() == 400 && resp.body().contains("\"context_length_exceeded\"")) {
            throw new ContextFull(r.uri() + ": " + cut(resp.body(), 500));
        }
        if (resp.statusCode() != 200) {
            throw new IOException(r.uri() + " answered " + resp.statusCode() + ": " + cut(resp.body(), 500));
        }
        try {
            return Json.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new IOException(r.uri() + " answered with something not JSON: " + cut(resp.body(), 200), e);
        }
    }

    /** The server said the conversation exceeds its context (400, code {@code context_length_exceeded}). */
    private static final class ContextFull extends IOException {
        ContextFull(String message) {
            super(message);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " ...";
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
