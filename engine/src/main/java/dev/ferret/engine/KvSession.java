package dev.ferret.engine;

import java.util.Map;

/**
 * What a conversation's KV cache offers, whether it has a context of its own ({@link Session}) or is one sequence
 * of a shared context ({@link ParallelSession}): its tokens, its adapters, and its state as bytes. {@link
 * dev.ferret.engine.kv.PrefixCache} saves and restores through it.
 *
 * <p>Implementations say how they may be used from several threads; both refuse or serialize concurrent calls,
 * never corrupt the cache.
 */
public interface KvSession extends AutoCloseable {
    /** The model whose weights computed the cache. */
    Model model();

    /** The most tokens this conversation's cache may hold. */
    int contextSize();

    /** The tokens the cache holds, in order. */
    int[] history();

    /** The adapters (and scales) generation applies; a cache computed under other adapters is cleared before use. */
    Map<Adapter, Float> adapters();

    /**
     * Makes the cache hold exactly {@code tokens}, reusing the common prefix; returns how many tokens were reused
     * and how many evaluated.
     */
    Session.Prefill prefill(int[] tokens);

    /** The cache's state in llama.cpp's sequence format. */
    byte[] saveState();

    /** Replaces the cache with a state saved for exactly {@code tokens}, checked in Java before llama.cpp reads it. */
    void restoreState(int[] tokens, byte[] state);

    /**
     * Bytes {@link #saveState()} gives for a cache of {@code tokens} tokens.
     *
     * @throws IllegalArgumentException for a negative {@code tokens}
     */
    long stateSize(int tokens);

    /** Forgets the conversation (empties the cache). */
    void reset();

    /** Frees what this conversation holds; idempotent. */
    @Override
    void close();
}
