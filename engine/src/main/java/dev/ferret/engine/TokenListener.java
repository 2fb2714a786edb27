package dev.ferret.engine;

/** Receives generated text as it becomes final (never text after a stop). Return false to cancel. */
@FunctionalInterface
public interface TokenListener {
    boolean onText(String delta);

    TokenListener NONE = delta -> true;
}
