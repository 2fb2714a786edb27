package dev.ferret.langchain4j;

import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings shared by {@link FerretChatModel.Builder} and {@link FerretStreamingChatModel.Builder}. Give either a
 * loaded {@link Model} (the chat model borrows it: closing the chat model leaves it open) or a GGUF path (the chat
 * model loads it and closes it with itself).
 *
 * @param <B> the concrete builder
 */
public abstract sealed class FerretBuilder<B extends FerretBuilder<B>>
        permits FerretChatModel.Builder, FerretStreamingChatModel.Builder {
    private Model model;
    private Path modelPath;
    private ModelOptions modelOptions = ModelOptions.defaults();
    private String modelName;
    private int sessions = 1;
    private int seed = -1;
    private boolean constrainToolCalls = true;
    private GenerationCustomizer customizer;
    private ChatRequestParameters defaultRequestParameters = DefaultChatRequestParameters.EMPTY;
    private final DefaultChatRequestParameters.Builder<?> overrides = DefaultChatRequestParameters.builder();
    private List<ChatModelListener> listeners = List.of();

    FerretBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** A model loaded by the caller, who closes it after the chat model. */
    public B model(Model model) {
        this.model = Objects.requireNonNull(model, "model");
        return self();
    }

    /** A GGUF file to load; the chat model owns it and closes it. */
    public B modelPath(Path path) {
        this.modelPath = Objects.requireNonNull(path, "modelPath");
        return self();
    }

    /** How to load {@link #modelPath} (context size, threads, GPU layers); ignored for a given {@link #model}. */
    public B modelOptions(ModelOptions options) {
        this.modelOptions = Objects.requireNonNull(options, "modelOptions");
        return self();
    }

    /** The model name responses carry (default: the GGUF file's name); a request naming another model is refused. */
    public B modelName(String name) {
        this.modelName = name;
        return self();
    }

    /**
     * How many requests run at once (default 1), each in its own session: a llama.cpp context with its own KV
     * cache of the model's context size. Further requests wait for a free session.
     */
    public B sessions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sessions must be at least 1, got " + n);
        }
        this.sessions = n;
        return self();
    }

    /** Seed of the random draw when a request samples (temperature above 0); default -1, a new seed each time. */
    public B seed(int seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Whether a reply to a request with tools (tool choice AUTO) is held by a grammar to either one well-formed call
     * of one of the tools, with arguments that follow its schema, or a plain answer (default true). Off, the model
     * writes freely and what parses as calls becomes calls. Tool choice REQUIRED always uses a grammar that allows
     * exactly one call.
     */
    public B constrainToolCalls(boolean on) {
        this.constrainToolCalls = on;
        return self();
    }

    /** Adjusts each engine request before generation (e.g. a grammar for the reply); null for none. */
    public B generationCustomizer(GenerationCustomizer customizer) {
        this.customizer = customizer;
        return self();
    }

    /**
     * Parameters for requests that do not set them. Not set at all: greedy decoding (temperature 0), a reply as long
     * as the context allows, no stop sequences besides the model's end-of-turn tokens.
     */
    public B defaultRequestParameters(ChatRequestParameters parameters) {
        this.defaultRequestParameters = Objects.requireNonNull(parameters, "defaultRequestParameters");
        return self();
    }

    /** Default temperature (0 = greedy). */
    public B temperature(Double temperature) {
        overrides.temperature(temperature);
        return self();
    }

    /** Default top-p, for sampled requests. */
    public B topP(Double topP) {
        overrides.topP(topP);
        return self();
    }

    /** Default top-k, for sampled requests. */
    public B topK(Integer topK) {
        overrides.topK(topK);
        return self();
    }

    /** Default reply budget in tokens. */
    public B maxOutputTokens(Integer maxOutputTokens) {
        overrides.maxOutputTokens(maxOutputTokens);
        return self();
    }

    /** Default stop sequences. */
    public B stopSequences(List<String> stopSequences) {
        overrides.stopSequences(stopSequences);
        return self();
    }

    /** LangChain4j listeners that observe every request, response and error. */
    public B listeners(List<ChatModelListener> listeners) {
        this.listeners = List.copyOf(listeners);
        return self();
    }

    ChatRequestParameters parameters() {
        return defaultRequestParameters.overrideWith(overrides.build());
    }

    List<ChatModelListener> listenerList() {
        return listeners;
    }

    /** Loads the model if a path was given, and makes the runner. */
    ChatRunner runner() {
        if ((model == null) == (modelPath == null)) {
            throw new IllegalStateException("give either model(Model) or modelPath(Path)");
        }
        Settings s = new Settings(sessions, modelName, seed, constrainToolCalls, customizer);
        if (model != null) {
            return new ChatRunner(model, false, s);
        }
        Model loaded = Model.load(modelPath, modelOptions);
        try {
            return new ChatRunner(loaded, true, s);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }
}
