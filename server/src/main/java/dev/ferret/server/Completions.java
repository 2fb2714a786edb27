package dev.ferret.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.FinishReason;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/chat/completions} and {@code POST /v1/completions}: validates the body, renders the messages
 * with the model's chat template, waits for a free sequence, generates (batched with the other requests by the
 * context's decode thread), and answers in one JSON object or as server-sent chunks.
 *
 * <p>Tool calls: with {@code tool_choice: "required"} (or a named function) the reply is generated under the
 * grammar of one call to the tools, so its name is one of them and its arguments follow the tool's schema; with
 * {@code auto} under the grammar "a plain answer, or one such call". Calls come back as OpenAI {@code tool_calls}
 * (streamed: the name once complete, then the arguments as written).
 *
 * <p>A streaming client that goes away ends its generation before the next decode step and frees its sequence.
 * Thread-safe: one instance serves all requests.
 */
final class Completions {
    private static final SecureRandom IDS = new SecureRandom();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final FerretServer.Served served;
    private final ServerMetrics metrics;

    Completions(FerretServer.Served served, ServerMetrics metrics) {
        this.served = served;
        this.metrics = metrics;
    }

    static String id(String prefix, int n) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM[IDS.nextInt(ALNUM.length)]);
        }
        return sb.toString();
    }

    /** Handles one request; {@code chat} picks the endpoint. Returns the HTTP status sent. */
    int handle(HttpExchange ex, ObjectNode body, boolean chat) throws IOException, InterruptedException {
        Params p = new Params(body);
        ChatRequest req = chat ? ChatRequest.chat(p, served.id()) : ChatRequest.completion(p, served.id());
        // the tools' grammar first: a schema it cannot take is the request's fault whatever the prompt's length
        ToolCallFormat format = served.format().toolCalls();
        String grammar = null;
        if (req.tools().mode() != ToolChoice.Mode.NONE) {
            if (format == ToolCallFormat.NONE) {
                if (req.tools().mode() == ToolChoice.Mode.REQUIRED) {
                    throw ApiError.invalid("this model's chat template has no tool-call format Ferret knows; tool_choice '"
                            + "required' cannot be met", "tool_choice");
                }
            } else {
                try {
                    grammar = req.tools().mode() == ToolChoice.Mode.REQUIRED ? format.callGrammar(req.tools().tools())
                            : format.answerOrCallGrammar(req.tools().tools());
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalid("a tool schema cannot be turned into a call grammar: " + e.getMessage(), "tools");
                }
            }
        }
        int[] tokens = served.promptTokens(req, chat, "the prompt");
        Map<dev.ferret.engine.Adapter, Float> adapters = AdapterChoice.read(p, served.loras());
        int room = served.sequenceContext();
        int maxTokens = req.maxTokens() == 0 ? room - tokens.length : req.maxTokens();
        GenerationRequest gen;
        try {
            gen = new GenerationRequest(maxTokens, req.sampling(), req.stops(), Set.of(), Map.of(), grammar);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(e.getMessage(), null);
        }
        String id = chat ? id("chatcmpl-", 24) : id("cmpl-", 24);
        long created = System.currentTimeMillis() / 1000;
        Job job = new Job(tokens, gen, adapters);
        return req.stream() ? stream(ex, req, job, chat, id, created) : whole(ex, req, job, chat, id, created);
    }

    /** What one request generates: its prompt tokens, its request, the adapters it applies. */
    private record Job(int[] tokens, GenerationRequest gen, Map<dev.ferret.engine.Adapter, Float> adapters) {}

    private Generation run(Job job, dev.ferret.engine.TokenListener listener) throws InterruptedException {
        Lane lane = served.pool().acquire(job.tokens(), job.adapters());
        Generation g;
        try {
            g = lane.generate(job.tokens(), job.gen(), listener);
        } finally {
            served.pool().release(lane);
        }
        metrics.drafted(g.speculative().drafted(), g.speculative().accepted());
        return g;
    }

    private int whole(HttpExchange ex, ChatRequest req, Job job, boolean chat, String id, long created)
            throws IOException, InterruptedException {
        int[] tokens = job.tokens();
        int[] counted = {0};
        Generation g = run(job, d -> {
            counted[0]++;
            metrics.generated(1);
            return true;
        });
        metrics.generated(Math.max(0, g.generatedTokens() - counted[0]));
        metrics.tokens(tokens.length, g.generatedTokens());
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("object", chat ? "chat.completion" : "text_completion");
        root.put("created", created);
        root.put("model", served.id());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        String finish = finishReason(g.finishReason());
        if (chat) {
            ObjectNode msg = choice.putObject("message");
            msg.put("role", "assistant");
            List<ToolCallParser.Parsed> calls = List.of();
            String content = g.text();
            if (req.tools().mode() != ToolChoice.Mode.NONE && served.format().toolCalls() != ToolCallFormat.NONE) {
                ToolCallParser.Reply reply = served.format().toolCalls().parse(g.text());
                calls = reply.calls();
                content = reply.content();
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            StringBuilder invalid = new StringBuilder();
            for (ToolCallParser.Parsed c : calls) {
                if (c instanceof ToolCallParser.Parsed.Valid v) {
                    ObjectNode call = out.addObject();
                    call.put("id", id("call_", 24));
                    call.put("type", "function");
                    ObjectNode fn = call.putObject("function");
                    fn.put("name", v.call().name());
                    fn.put("arguments", ReplyStream.argumentsText(v.call().arguments()));
                } else {
                    invalid.append(c.raw()); // a malformed call (no grammar held it) is returned as the text it is
                }
            }
            content = invalid.isEmpty() ? content : (content + invalid).strip();
            if (content.isEmpty() && !out.isEmpty()) {
                msg.putNull("content");
            } else {
                msg.put("content", content);
            }
            if (!out.isEmpty()) {
                msg.set("tool_calls", out);
                finish = "tool_calls";
            }
        } else {
            choice.put("text", g.text());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        root.set("usage", usage(tokens.length, g));
        Http.json(ex, 200, root);
        return 200;
    }

    private static String finishReason(FinishReason r) {
        return r == FinishReason.MAX_TOKENS || r == FinishReason.CONTEXT_FULL ? "length" : "stop";
    }

    private static ObjectNode usage(int prompt, Generation g) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", g.generatedTokens());
        u.put("total_tokens", prompt + g.generatedTokens());
        u.putObject("prompt_tokens_details").put("cached_tokens", g.reusedTokens());
        return u;
    }

    /** Streams chunks; the status line (200) goes out before the wait for a sequence, so errors then are events. */
    private int stream(HttpExchange ex, ChatRequest req, Job job, boolean chat, String id, long created)
            throws IOException, InterruptedException {
        int[] tokens = job.tokens();
        Http.Events events = new Http.Events(ex);
        boolean[] gone = {false};
        int[] counted = {0};
        java.util.function.Consumer<ObjectNode> write = chunk -> {
            if (gone[0]) {
                return;
            }
            try {
                events.send(chunk);
            } catch (IOException e) {
                gone[0] = true; // the client went away: the listener cancels the generation
            }
        };
        ReplyStream.Sink sink = new ReplyStream.Sink() {
            @Override
            public void content(String text) {
                ObjectNode delta = JsonNodeFactory.instance.objectNode();
                if (chat) {
                    delta.put("content", text);
                }
                write.accept(chunk(id, created, chat, delta, text, null));
            }

            @Override
            public void callStart(int index, String name) {
                String callId = id("call_", 24);
                ObjectNode delta = JsonNodeFactory.instance.objectNode();
                ObjectNode call = delta.putArray("tool_calls").addObject();
                call.put("index", index);
                call.put("id", callId);
                call.put("type", "function");
                ObjectNode fn = call.putObject("function");
                fn.put("name", name);
                fn.put("arguments", "");
                write.accept(chunk(id, created, true, delta, null, null));
            }

            @Override
            public void callArguments(int index, String fragment) {
                ObjectNode delta = JsonNodeFactory.instance.objectNode();
                ObjectNode call = delta.putArray("tool_calls").addObject();
                call.put("index", index);
                call.putObject("function").put("arguments", fragment);
                write.accept(chunk(id, created, true, delta, null, null));
            }
        };
        ReplyStream reply = new ReplyStream(served.format().toolCalls(), chat ? req.tools().mode() : ToolChoice.Mode.NONE, sink);
        if (chat) {
            ObjectNode first = JsonNodeFactory.instance.objectNode();
            first.put("role", "assistant");
            first.put("content", "");
            write.accept(chunk(id, created, true, first, null, null));
        }
        Generation g;
        try {
            g = run(job, d -> {
                counted[0]++;
                metrics.generated(1);
                reply.accept(d);
                return !gone[0];
            });
        } catch (ApiError | EngineException | IllegalArgumentException e) {
            ApiError err = e instanceof ApiError a ? a : FerretServer.toApiError(e);
            try {
                events.send(err.body());
            } catch (IOException ignored) {
                // the client is gone as well
            }
            return err.status;
        }
        metrics.generated(Math.max(0, g.generatedTokens() - counted[0]));
        metrics.tokens(tokens.length, g.generatedTokens());
        if (gone[0] || g.finishReason() == FinishReason.CANCELLED) {
            metrics.cancelled();
            return 499; // nginx's "client closed request", for the request counter only
        }
        reply.finish();
        String finish = reply.calls() > 0 ? "tool_calls" : finishReason(g.finishReason());
        try {
            events.send(chunk(id, created, chat, JsonNodeFactory.instance.objectNode(), "", finish));
            if (req.includeUsage()) {
                ObjectNode u = chunk(id, created, chat, null, null, null);
                u.set("usage", usage(tokens.length, g));
                events.send(u);
            }
            events.send("[DONE]");
            ex.getResponseBody().close();
        } catch (IOException e) {
            return 499;
        }
        return 200;
    }

    private ObjectNode chunk(String id, long created, boolean chat, ObjectNode delta, String text, String finish) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("id", id);
        c.put("object", chat ? "chat.completion.chunk" : "text_completion");
        c.put("created", created);
        c.put("model", served.id());
        ArrayNode choices = c.putArray("choices");
        if (delta == null) {
            return c; // the usage chunk: no choices
        }
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        if (chat) {
            choice.set("delta", delta);
        } else {
            choice.put("text", text == null ? "" : text);
        }
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return c;
    }
}
