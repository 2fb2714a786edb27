package dev.ferret.llama;

import java.util.Set;

/**
 * How far one match of llama.cpp's pre-tokenizer can reach into a text, bounded from above without knowing
 * the pattern. llama.cpp's matcher ({@code std::regex}) recurses once per character of a match, so this bounds
 * the native stack a tokenization needs.
 *
 * <p>The bound: no pre-tokenizer pattern of b4916/b4980 matches across more than three consecutive runs of
 * whitespace / non-whitespace (the longest forms are an optional space, a run of other characters and trailing
 * newlines, e.g. qwen2's {@code ' '?[^\s\p{L}\p{N}]+[\r\n]*}). Only ASCII whitespace (C locale: tab, LF, VT, FF,
 * CR, space) ends a run; llama.cpp also counts some characters above ASCII as whitespace, which only cuts its runs
 * shorter than the ones counted here.
 *
 * <p>{@link Vocab#matchSpan} applies this where it matters (byte-level BPE vocabularies whose pattern llama.cpp
 * runs with {@code std::regex}); {@link #longest} is public for code that reaches llama.cpp's tokenizer by
 * other routes (the JNI backend).
 */
public final class MatchSpan {
    /**
     * {@code tokenizer.ggml.pre} values whose pattern llama.cpp runs with a hand-written splitter (llama3's and
     * GPT-2's; see {@code unicode_regex_split_custom}), which loops instead of recursing: any length is safe.
     */
    static final Set<String> LOOPING_PRE_TOKENIZERS = Set.of("llama3", "llama-v3", "llama-bpe", "falcon3", "dbrx",
            "smaug-bpe", "gpt-2", "phi-2", "jina-es", "jina-de", "gigachat", "jina-v1-en", "jina-v2-es", "jina-v2-de",
            "jina-v2-code", "roberta-bpe", "mpt", "olmo", "jais");

    /** {@code llama_vocab_type} of byte-level BPE, the only kind with a regex pre-tokenizer. */
    static final int VOCAB_TYPE_BPE = 2;

    private MatchSpan() {
    }

    /** The longest stretch of three consecutive whitespace / non-whitespace runs, in code points. */
    public static int longest(CharSequence text) {
        int best = 0;
        int before = 0; // the run two back
        int previous = 0; // the run just before the current one
        int current = 0;
        boolean currentSpace = false;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            boolean space = c == ' ' || (c >= 0x09 && c <= 0x0D);
            if (current > 0 && space != currentSpace) {
                before = previous;
                previous = current;
                current = 0;
            }
            currentSpace = space;
            current++;
            best = Math.max(best, before + previous + current);
        }
        return best;
    }
}
