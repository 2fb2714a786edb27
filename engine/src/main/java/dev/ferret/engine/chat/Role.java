package dev.ferret.engine.chat;

/**
 * Chat roles of the Qwen2.5 format.
 *
 * <p>Thread-safe.
 */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
