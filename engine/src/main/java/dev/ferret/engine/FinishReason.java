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
    CANCELLED
}
