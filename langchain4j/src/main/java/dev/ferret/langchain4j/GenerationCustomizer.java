package dev.ferret.langchain4j;

import dev.ferret.engine.GenerationRequest;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * Adjusts the engine request Ferret built for one chat request, just before generation: e.g. a GBNF grammar that
 * constrains the reply, banned tokens, or other sampling. It sees the LangChain4j request (messages, tools,
 * parameters) and the request Ferret derived from it (token budget, sampling, stop strings, and the tool-call
 * grammar for {@code ToolChoice.REQUIRED} or {@code AUTO}).
 *
 * <p>Called on the thread that runs the generation, once per chat request; it must be thread-safe when the model
 * serves several threads.
 */
@FunctionalInterface
public interface GenerationCustomizer {
    /** The request to generate with; return {@code generation} unchanged to keep Ferret's. */
    GenerationRequest customize(ChatRequest request, GenerationRequest generation);
}
