package dev.ferret.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A LangChain4j {@link StreamingChatModel} over a model loaded in this process by Ferret's engine: the same
 * mapping of messages, tools, token usage and finish reasons as {@link FerretChatModel}, with the reply streamed.
 *
 * <ul>
 * <li>{@code onPartialResponse} gets text as it becomes final (never text after a stop sequence). Tool-call markup
 *     is not streamed as text: from the call opener on ({@code <tool_call>}, {@code [TOOL_CALLS]}, or a Llama 3.x
 *     reply starting with {@code {}) text is held, and each parsed call arrives through
 *     {@code onCompleteToolCall}, before {@code onCompleteResponse}. Held text that was no call is streamed at the
 *     end.</li>
 * <li>The {@code StreamingHandle} of {@code PartialResponseContext} cancels: generation stops at the next token,
 *     and no further callback is made.</li>
 * <li>Errors (a bad request, an unsupported feature, a native failure) go to {@code onError}; nothing is thrown
 *     from {@code chat}.</li>
 * </ul>
 *
 * <p><b>Threads:</b> generation runs on the builder's {@link Builder#executor(Executor) executor}; by default on the
 * calling thread, so {@code chat} returns after {@code onCompleteResponse} or {@code onError}. Safe for concurrent
 * use, with the same session pool and {@link #close()} as {@link FerretChatModel}.
 */
public final class FerretStreamingChatModel extends ChatModelBase implements StreamingChatModel {
    private final Executor executor;

    private FerretStreamingChatModel(Builder b) {
        super(b);
        this.executor = b.executor;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        try {
            executor.execute(() -> run(request, handler));
        } catch (RuntimeException e) {
            handler.onError(e);
        }
    }

    private void run(ChatRequest request, StreamingChatResponseHandler handler) {
        Handle handle = new Handle();
        PartialResponseContext context = new PartialResponseContext(handle);
        ChatResponse response;
        try {
            response = runner.chat(request, new ChatRunner.Sink() {
                @Override
                public void onText(String text) {
                    if (!handle.cancelled) {
                        handler.onPartialResponse(new PartialResponse(text), context);
                    }
                }

                @Override
                public void onToolCall(int index, ToolExecutionRequest call) {
                    if (!handle.cancelled) {
                        handler.onCompleteToolCall(new CompleteToolCall(index, call));
                    }
                }

                @Override
                public boolean cancelled() {
                    return handle.cancelled;
                }
            });
        } catch (RuntimeException e) {
            if (!handle.cancelled) {
                handler.onError(e);
            }
            return;
        }
        if (!handle.cancelled) {
            handler.onCompleteResponse(response);
        }
    }

    /** Cancels one streaming request. */
    private static final class Handle implements StreamingHandle {
        volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    /** Builds a {@link FerretStreamingChatModel}; see {@link FerretBuilder} for the shared settings. */
    public static final class Builder extends FerretBuilder<Builder> {
        private Executor executor = Runnable::run;

        Builder() {}

        /**
         * Where generation runs (default: the thread calling {@code chat}). E.g.
         * {@code Executors.newVirtualThreadPerTaskExecutor()} makes {@code chat} return at once.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Loads the model if a path was given; fails with {@code EngineException.InvalidModel} for a bad file. */
        public FerretStreamingChatModel build() {
            return new FerretStreamingChatModel(this);
        }
    }
}
