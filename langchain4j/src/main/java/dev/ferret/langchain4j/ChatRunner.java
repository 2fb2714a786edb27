package dev.ferret.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.Prompt;
import dev.ferret.engine.SamplingOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.ChatFormat;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import dev.ferret.engine.chat.jinja.JinjaException;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link FerretChatModel} and {@link FerretStreamingChatModel} share: one model, its chat format, a pool of
 * sessions, and the way from a LangChain4j {@link ChatRequest} to a generation and back to a {@link ChatResponse}.
 *
 * <p>Thread-safe: requests from many threads are served by up to {@code sessions} sessions at once; the rest wait.
 */
final class ChatRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChatRunner.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Where a generation's output goes while it runs (streaming), and whether the caller gave up. */
    interface Sink {
        Sink NONE = new Sink() {};

        default void onText(String text) {}

        default void onToolCall(int index, ToolExecutionRequest call) {}

        default boolean cancelled() {
            return false;
        }
    }

    private final Model model;
    private final boolean ownsModel;
    private final Settings settings;
    private final ChatFormat format;
    private final SessionPool pool;
    private final AtomicLong responses = new AtomicLong();
    private volatile boolean closed;

    ChatRunner(Model model, boolean ownsModel, Settings settings) {
        this.model = model;
        this.ownsModel = ownsModel;
        this.settings = settings;
        this.format = ChatFormats.forModel(model);
        this.pool = new SessionPool(model, settings.sessions());
    }

    Model model() {
        return model;
    }

    ChatFormat format() {
        return format;
    }

    Settings settings() {
        return settings;
    }

    String modelName() {
        return settings.modelName() != null ? settings.modelName() : model.path().getFileName().toString();
    }

    /** One request, start to end; {@code sink} sees text and calls as they become final. */
    ChatResponse chat(ChatRequest request, Sink sink) {
        if (closed) {
            throw new LangChain4jException("the Ferret chat model is closed");
        }
        Plan plan = plan(request);
        Session session = pool.acquire(plan.tokens);
        Generation g;
        CallTextFilter filter = new CallTextFilter(format.toolCalls(), plan.parseCalls);
        try {
            g = session.generate(plan.tokens, plan.generation, delta -> {
                String out = filter.accept(delta);
                if (!out.isEmpty()) {
                    sink.onText(out);
                }
                return !closed && !sink.cancelled();
            });
        } catch (EngineException.ContextOverflow e) {
            throw new InvalidRequestException(e.getMessage(), e);
        } catch (EngineException e) {
            throw new LangChain4jException(e.getMessage(), e);
        } finally {
            pool.release(session);
        }
        return respond(g, plan, filter, sink);
    }

    /** Everything decided before generation: the prompt's tokens, the engine request, whether to parse calls. */
    private record Plan(int[] tokens, GenerationRequest generation, boolean parseCalls) {}

    private Plan plan(ChatRequest request) {
        ChatRequestParameters p = request.parameters();
        if (p.modelName() != null && !p.modelName().equals(modelName())) {
            throw new ModelNotFoundException("this Ferret chat model serves '" + modelName() + "', not '" + p.modelName() + "'");
        }
        if (p.frequencyPenalty() != null && p.frequencyPenalty() != 0 || p.presencePenalty() != null && p.presencePenalty() != 0) {
            throw new UnsupportedFeatureException("Ferret does not support frequency or presence penalties");
        }
        if (p.responseFormat() != null && p.responseFormat().type() != ResponseFormatType.TEXT) {
            throw new UnsupportedFeatureException("Ferret does not support response format " + p.responseFormat().type()
                    + " (a GenerationCustomizer can constrain the reply with a grammar)");
        }
        List<ToolSpecification> specs = p.toolSpecifications() == null ? List.of() : p.toolSpecifications();
        ToolChoice choice = p.toolChoice() == null ? ToolChoice.AUTO : p.toolChoice();
        ToolCallFormat calls = format.toolCalls();
        if (choice == ToolChoice.REQUIRED) {
            if (specs.isEmpty()) {
                throw new InvalidRequestException("tool choice REQUIRED needs at least one tool specification");
            }
            if (calls == ToolCallFormat.NONE) {
                throw new UnsupportedFeatureException("tool choice REQUIRED: the model's chat template has no tool-call"
                        + " format Ferret knows (Qwen/Hermes, Llama 3.x, Mistral), so no call can be forced");
            }
        }
        // ToolChoice.NONE: the tools are not shown, and the reply is text
        boolean offerTools = !specs.isEmpty() && choice != ToolChoice.NONE;
        List<JsonNode> tools = new ArrayList<>();
        if (offerTools) {
            specs.forEach(s -> tools.add(SchemaMapper.tool(s)));
        }
        ChatInput input;
        Prompt prompt;
        try {
            ArrayNode toolArray = offerTools ? JsonNodeFactory.instance.arrayNode().addAll(tools) : null;
            input = ChatInput.fromJson(MessageMapper.messages(request.messages()), toolArray, true);
            prompt = format.render(input);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        } catch (JinjaException e) {
            throw new InvalidRequestException("the model's chat template refused the conversation: " + e.getMessage(), e);
        }
        // tokenized only until it is certain the prompt does not fit: a conversation of 100,000 messages would
        // otherwise take minutes
        int context = model.contextSize();
        int[] tokens = model.tokenizeIfItFits(prompt, context);
        if (tokens == null) {
            throw new InvalidRequestException("the prompt has more than " + (context - 1) + " tokens; the context holds "
                    + context + " (one more is needed for the reply)");
        }
        int room = context - tokens.length;
        GenerationRequest g;
        try {
            Integer max = p.maxOutputTokens();
            if (max != null && max < 1) {
                throw new IllegalArgumentException("maxOutputTokens must be at least 1, got " + max);
            }
            g = new GenerationRequest(max == null ? room : max, sampling(p), p.stopSequences(), null, null, null);
            boolean parse = offerTools && calls != ToolCallFormat.NONE;
            if (parse && choice == ToolChoice.REQUIRED) {
                g = g.withGrammar(calls.callGrammar(tools));
            } else if (parse && settings.constrainToolCalls()) {
                g = g.withGrammar(calls.answerOrCallGrammar(tools));
            }
            if (settings.customizer() != null) {
                g = settings.customizer().customize(request, g);
                if (g == null) {
                    throw new IllegalStateException("the GenerationCustomizer returned null");
                }
            }
            return new Plan(tokens, g, parse);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    private SamplingOptions sampling(ChatRequestParameters p) {
        Double t = p.temperature();
        if (t == null || t == 0) {
            return SamplingOptions.greedy();
        }
        SamplingOptions d = SamplingOptions.defaults(settings.seed());
        float topP = p.topP() == null ? d.topP() : p.topP().floatValue();
        int topK = p.topK() == null ? d.topK() : p.topK();
        return new SamplingOptions(t.floatValue(), topK, topP, d.minP(), d.repeatPenalty(), d.repeatLastN(), settings.seed());
    }

    private ChatResponse respond(Generation g, Plan plan, CallTextFilter filter, Sink sink) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        String text;
        if (plan.parseCalls) {
            ToolCallParser.Reply reply = format.toolCalls().parse(g.text());
            StringBuilder content = new StringBuilder(reply.content());
            for (ToolCallParser.Parsed parsed : reply.calls()) {
                switch (parsed) {
                    case ToolCallParser.Parsed.Valid v -> requests.add(ToolExecutionRequest.builder()
                            .id(callId()).name(v.call().name()).arguments(json(v.call().arguments())).build());
                    case ToolCallParser.Parsed.Invalid bad -> {
                        // nothing the model wrote is dropped: a call that does not parse stays in the text
                        LOG.log(System.Logger.Level.WARNING, "the model wrote a tool call that does not parse ("
                                + bad.error() + "); it is kept as text");
                        content.append(content.isEmpty() ? "" : "\n").append(bad.raw());
                    }
                }
            }
            text = content.toString();
            if (requests.isEmpty() && filter.inCall()) {
                // held back as a call, but it was none: the caller still gets all the text
                sink.onText(filter.held());
            }
        } else {
            text = g.text();
        }
        for (int i = 0; i < requests.size(); i++) {
            sink.onToolCall(i, requests.get(i));
        }
        FinishReason reason = requests.isEmpty() ? finishReason(g) : FinishReason.TOOL_EXECUTION;
        AiMessage message = AiMessage.builder().text(text.isEmpty() && !requests.isEmpty() ? null : text)
                .toolExecutionRequests(requests).build();
        TokenUsage usage = new TokenUsage(g.promptTokens(), g.generatedTokens());
        return ChatResponse.builder().aiMessage(message).metadata(ChatResponseMetadata.builder()
                .id("ferret-" + responses.incrementAndGet()).modelName(modelName()).tokenUsage(usage).finishReason(reason)
                .build()).build();
    }

    private static FinishReason finishReason(Generation g) {
        return switch (g.finishReason()) {
            case END_OF_GENERATION, STOP_STRING -> FinishReason.STOP;
            case MAX_TOKENS, CONTEXT_FULL -> FinishReason.LENGTH;
            case CANCELLED -> FinishReason.OTHER;
        };
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nine letters and digits: the id form every template accepts (Mistral's demands exactly this). */
    private static String callId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[9];
        for (int i = 0; i < c.length; i++) {
            c[i] = ID_CHARS.charAt(r.nextInt(ID_CHARS.length()));
        }
        return new String(c);
    }

    /** Stops new requests, lets running ones end at their next token, then frees the sessions (and an owned model). */
    @Override
    public void close() {
        closed = true;
        pool.close();
        if (ownsModel) {
            model.close();
        }
    }
}
