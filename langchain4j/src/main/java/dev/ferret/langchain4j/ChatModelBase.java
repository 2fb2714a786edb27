package dev.ferret.langchain4j;

import dev.ferret.engine.Model;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.List;

/**
 * What {@link FerretChatModel} and {@link FerretStreamingChatModel} share: the {@link ChatRunner} that serves their
 * requests, their default request parameters and listeners, and closing.
 */
abstract sealed class ChatModelBase implements AutoCloseable permits FerretChatModel, FerretStreamingChatModel {
    final ChatRunner runner;
    private final ChatRequestParameters defaults;
    private final List<ChatModelListener> listeners;

    ChatModelBase(FerretBuilder<?> b) {
        this.defaults = b.parameters();
        this.listeners = b.listenerList();
        this.runner = b.runner();
    }

    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }

    public List<ChatModelListener> listeners() {
        return listeners;
    }

    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    /** The engine model behind this chat model. */
    public Model model() {
        return runner.model();
    }

    /** The name responses carry. */
    public String modelName() {
        return runner.modelName();
    }

    /**
     * Refuses new requests, stops running ones at their next token and waits for them, then frees the sessions and,
     * when this chat model loaded the model from a path, the model.
     */
    @Override
    public void close() {
        runner.close();
    }
}
