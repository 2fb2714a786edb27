package dev.ferret.engine;

import dev.ferret.gguf.GgufFile;
import dev.ferret.llama.Vocab;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.SplitEncoder;

/**
 * Tokenizes text of any length for a {@link Model}. Text whose pre-tokens all fit llama.cpp's recursion
 * bound ({@link Vocab#MAX_SPAN}) goes to llama.cpp whole. Longer text, for a vocabulary with the qwen2
 * pre-tokenizer, goes through {@link SplitEncoder}: pre-tokens longer than {@link #MAX_PIECE} are encoded in
 * Java with the model's own vocabulary and merges, the rest by llama.cpp in chunks; the ids are the same.
 * For other pre-tokenizers such text is refused with a typed error.
 */
final class ModelTokenizer {
    /**
     * Longest pre-token left to llama.cpp on the split path. Chunks are cut only after a character that is not
     * whitespace, so one chunk can hold several runs; with pre-tokens this short, any three runs stay well
     * within {@link Vocab#MAX_SPAN} (a chunk that would not is encoded in Java).
     */
    static final int MAX_PIECE = Vocab.MAX_SPAN / 8;
    /** Chunk length from which the split path cuts at the next safe place. */
    static final int MAX_CHUNK = Vocab.MAX_SPAN / 2;

    private final Vocab vocab;
    private final GgufFile gguf;
    private final boolean splittable;
    private volatile SplitEncoder split;

    ModelTokenizer(Vocab vocab, GgufFile gguf) {
        this.vocab = vocab;
        this.gguf = gguf;
        this.splittable = "gpt2".equals(gguf.getString("tokenizer.ggml.model", ""))
                && SplitEncoder.PRE_TOKENIZERS.contains(gguf.getString("tokenizer.ggml.pre", ""));
    }

    int[] tokenize(String text, boolean parseSpecial) {
        if (!splittable || vocab.matchSpan(text) <= Vocab.MAX_SPAN) {
            return vocab.tokenize(text, false, parseSpecial); // refuses what it cannot take, with a typed error
        }
        return splitter().encode(text, parseSpecial, chunk -> vocab.tokenize(chunk, false, parseSpecial),
                chunk -> vocab.matchSpan(chunk) <= Vocab.MAX_SPAN);
    }

    private SplitEncoder splitter() {
        SplitEncoder s = split;
        if (s == null) {
            synchronized (this) {
                s = split;
                if (s == null) {
                    s = new SplitEncoder(BpeTokenizer.fromGguf(gguf), MAX_PIECE, MAX_CHUNK);
                    split = s;
                }
            }
        }
        return s;
    }
}
