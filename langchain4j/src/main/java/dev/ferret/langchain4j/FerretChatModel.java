package dev.ferret.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * A LangChain4j {@link ChatModel} over a model loaded in this process by Ferret's engine.
 *
 * <ul>
 * <li>Messages are rendered with the model's own chat template (the GGUF's {@code tokenizer.chat_template}, as
 *     Hugging Face renders it; Ferret's Java renderer for a model without one); system, user, AI and tool-result
 *     messages are mapped, text content only.</li>
 * <li>Tool specifications go into the template's tools section and into a grammar: with tool choice
 *     {@code AUTO} the reply is either a plain answer or one well-formed call (see
 *     {@link FerretBuilder#constrainToolCalls}), with {@code REQUIRED} exactly one call, with {@code NONE} no
 *     tools are shown. Calls come back as {@code ToolExecutionRequest}s of the {@code AiMessage}, with the finish
 *     reason {@code TOOL_EXECUTION}. The tool-call formats known are Qwen/Hermes {@code <tool_call>}, Llama 3.x
 *     JSON and Mistral {@code [TOOL_CALLS]}.</li>
 * <li>Responses carry {@code TokenUsage} (prompt tokens, generated tokens) and a finish reason: {@code STOP}
 *     (end-of-turn token or stop sequence), {@code LENGTH} (token budget or context full), {@code TOOL_EXECUTION},
 *     {@code OTHER} (cancelled by {@link #close()}).</li>
 * <li>Unset temperature means greedy decoding; frequency and presence penalties and JSON response formats are
 *     refused with {@code UnsupportedFeatureException}; a bad request (a prompt longer than the context, a
 *     conversation the template refuses, out-of-range sampling values) gives {@code InvalidRequestException}.</li>
 * </ul>
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. Up to {@link FerretBuilder#sessions(int)} requests generate at
 * once, each in its own session (llama.cpp context); others wait. A returning conversation reuses the KV cache of
 * the session that served it last when that session is free. {@link #close()} refuses new requests, stops running
 * ones at their next token, waits for them, and frees the sessions (and the model, when the chat model loaded it).
 *
 * {@snippet :
 * try (FerretChatModel chat = FerretChatModel.builder().modelPath(Path.of("qwen2.5-coder-7b-instruct-q4_k_m.gguf"))
 *         .maxOutputTokens(256).build()) {
 *     System.out.println(chat.chat("Explain Java records in one sentence."));
 * }
 * }
 */
public final class FerretChatModel extends ChatModelBase implements ChatModel {
    private FerretChatModel(Builder b) {
        super(b);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return runner.chat(request, ChatRunner.Sink.NONE);
    }

    /** Builds a {@link FerretChatModel}; see {@link FerretBuilder} for the settings. */
    public static final class Builder extends FerretBuilder<Builder> {
        Builder() {}

        /** Loads the model if a path was given; fails with {@code EngineException.InvalidModel} for a bad file. */
        public FerretChatModel build() {
            return new FerretChatModel(this);
        }
    }
}
