package dev.ferret.engine;

/**
 * Receives generated text as it becomes final (never text after a stop). Return false to cancel.
 *
 * <p>Called on the generating thread, inside {@link Session#generate}: calling back into that session from here
 * (generate, reset, ...) throws {@link EngineException.Busy}; closing the session or the model from here is
 * allowed and ends the generation with {@link EngineException.Closed}. An exception thrown here ends the
 * generation with that same exception, not wrapped; the session stays usable.
 */
@FunctionalInterface
public interface TokenListener {
    boolean onText(String delta);

    TokenListener NONE = delta -> true;
}
