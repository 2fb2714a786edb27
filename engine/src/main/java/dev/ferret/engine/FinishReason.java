package dev.ferret.engine;

/**
 * Why a generation ended.
 *
 * <p>{@link #CANCELLED} also ends the generation of an interrupted thread (the interrupt flag stays set).
 * Closing the session, its model, an adapter or the draft model during a generation is not a finish reason: it
 * ends with {@link EngineException.Closed}.
 */
public enum FinishReason {
    /** The model produced an end-of-generation token ({@code <|im_end|>}, EOS, ...); it is not part of the output. */
    END_OF_GENERATION,
    /** A stop string appeared; the output ends just before it. */
    STOP_STRING,
    /** The request's token budget was used up. */
    MAX_TOKENS,
    /** The context window is full. */
    CONTEXT_FULL,
    /** The token listener asked to stop. */
    CANCELLED;

    /**
     * The limit a generation has reached with {@code generated} tokens out and {@code cached} of its {@code room}
     * cache cells in use: {@link #MAX_TOKENS} for a spent budget, else {@link #CONTEXT_FULL} when no room is left for
     * the next decode; null while it may go on. Sessions and parallel sessions stop on the same terms.
     */
    static FinishReason limitReached(GenerationRequest request, int generated, int cached, int room) {
        if (generated >= request.maxTokens()) {
            return MAX_TOKENS;
        }
        return cached + 2 >= room ? CONTEXT_FULL : null;
    }
}
