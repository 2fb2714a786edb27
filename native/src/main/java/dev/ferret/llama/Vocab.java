package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferret.llama.internal.LlamaH;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The model's {@code llama_vocab}: a non-owning view that is valid while its model is open (every call
 * checks). Token pieces are returned as bytes, since one token can hold part of a UTF-8 character.
 *
 * <p>Tokenization runs on {@link TokenizerThreads}, never on the caller's stack, and refuses text that could
 * overflow even that stack (see {@link #tokenize}); callers need no particular thread stack size.
 */
public final class Vocab {
    /**
     * The longest stretch (in code points) that one match of llama.cpp's regex pre-tokenizer may span in text
     * handed to {@link #tokenize}. Its matcher recurses per character (~300 bytes of stack each); at this bound a
     * call needs under 3 MiB of the {@link TokenizerThreads#STACK_BYTES} it runs on.
     */
    public static final int MAX_SPAN = 8192;

    /** llama_token_attr bits. */
    public static final int ATTR_UNKNOWN = 1, ATTR_UNUSED = 2, ATTR_NORMAL = 4, ATTR_CONTROL = 8,
            ATTR_USER_DEFINED = 16, ATTR_BYTE = 32;

    private final LlamaModel model;
    private final MemorySegment vocab;
    private final int size;
    /** Whether llama.cpp splits text with a recursive regex matcher for this vocabulary. */
    private final boolean recursivePreTokenizer;

    Vocab(LlamaModel model, MemorySegment vocab) {
        this.model = model;
        this.vocab = vocab;
        this.size = LlamaH.llama_vocab_n_tokens(vocab);
        this.recursivePreTokenizer = LlamaH.llama_vocab_type(vocab) == MatchSpan.VOCAB_TYPE_BPE
                && !MatchSpan.LOOPING_PRE_TOKENIZERS.contains(model.meta("tokenizer.ggml.pre").orElse("default"));
    }

    private MemorySegment v() {
        model.handle();
        return vocab;
    }

    MemorySegment handle() {
        return v();
    }

    public int size() {
        return size;
    }

    public int bos() {
        return LlamaH.llama_vocab_bos(v());
    }

    public int eos() {
        return LlamaH.llama_vocab_eos(v());
    }

    public int eot() {
        return LlamaH.llama_vocab_eot(v());
    }

    public int pad() {
        return LlamaH.llama_vocab_pad(v());
    }

    public boolean addsBos() {
        return LlamaH.llama_vocab_get_add_bos(v());
    }

    private int check(int token) {
        if (token < 0 || token >= size) {
            throw new IllegalArgumentException("token id " + token + " is outside the vocabulary [0, " + size + ")");
        }
        return token;
    }

    /** True for end-of-generation tokens (EOS, EOT, {@code <|im_end|>}, ...). */
    public boolean isEog(int token) {
        return token >= 0 && token < size && LlamaH.llama_vocab_is_eog(v(), token);
    }

    public boolean isControl(int token) {
        return LlamaH.llama_vocab_is_control(v(), check(token));
    }

    public int attributes(int token) {
        return LlamaH.llama_vocab_get_attr(v(), check(token));
    }

    /** The token's text as stored in the vocabulary (byte-level BPE form, not decoded). */
    public String text(int token) {
        return LlamaH.llama_vocab_get_text(v(), check(token)).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Finds the id of a token whose stored text is exactly {@code text}, or -1. Linear; use for specials. */
    public int find(String text) {
        for (int i = 0; i < size; i++) {
            if (text.equals(text(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An upper bound on the longest stretch one pre-tokenizer match can span in {@code text} (code points); 0
     * when this vocabulary's pre-tokenizer does not recurse (not byte-level BPE, or llama.cpp splits it with a
     * loop). {@link #tokenize} refuses text above {@link #MAX_SPAN}.
     */
    public int matchSpan(String text) {
        return recursivePreTokenizer ? MatchSpan.longest(text) : 0;
    }

    /**
     * Tokenizes UTF-8 text. With {@code parseSpecial}, special-token text such as {@code <|im_start|>} becomes
     * its single token; without it such text is tokenized as plain characters (use that for untrusted input).
     *
     * <p>Runs on a {@link TokenizerThreads} thread. Text in which a pre-tokenizer match could span more than
     * {@link #MAX_SPAN} code points ({@link #matchSpan}), e.g. a line of 10,000 '=' for a qwen2 vocabulary, is
     * refused with {@link LlamaException.Tokenize}: llama.cpp would recurse too deep. {@code dev.ferret.engine.Model}
     * tokenizes such text in pieces with identical ids.
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        int span = matchSpan(text);
        if (span > MAX_SPAN) {
            throw new LlamaException.Tokenize("text has a stretch of " + span + " characters that one pre-token could"
                    + " span, more than the " + MAX_SPAN + " llama.cpp's pre-tokenizer can take safely (it recurses per"
                    + " character); tokenize it in pieces");
        }
        if (text.length() > (Integer.MAX_VALUE - 8) / 3) {
            throw new LlamaException.Tokenize("text of " + text.length() + " characters is too long for llama_tokenize");
        }
        v();
        return TokenizerThreads.call(() -> tokenizeHere(text, addSpecial, parseSpecial));
    }

    private int[] tokenizeHere(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, t, JAVA_BYTE, 0, bytes.length);
            int cap = bytes.length + 8;
            for (int attempt = 0; attempt < 2; attempt++) {
                MemorySegment out = a.allocate(JAVA_INT, cap);
                int n = LlamaH.llama_tokenize(v(), t, bytes.length, out, cap, addSpecial, parseSpecial);
                if (n >= 0) {
                    return out.asSlice(0, 4L * n).toArray(JAVA_INT);
                }
                if (n == Integer.MIN_VALUE) {
                    throw new LlamaException.Tokenize("text too long to tokenize (" + bytes.length + " bytes)");
                }
                cap = -n;
            }
        }
        throw new LlamaException.Tokenize("tokenizer kept asking for more room");
    }

    /** The bytes a token renders to. {@code special}: render control tokens like {@code <|im_end|>} too. */
    public byte[] piece(int token, boolean special) {
        check(token);
        try (Arena a = Arena.ofConfined()) {
            int cap = 64;
            for (int attempt = 0; attempt < 2; attempt++) {
                MemorySegment buf = a.allocate(cap);
                int n = LlamaH.llama_token_to_piece(v(), token, buf, cap, 0, special);
                if (n >= 0) {
                    return buf.asSlice(0, n).toArray(JAVA_BYTE);
                }
                cap = -n;
            }
        }
        throw new LlamaException.Tokenize("token " + token + " piece kept growing");
    }

    /** Detokenizes a sequence into text (invalid UTF-8 is replaced). */
    public String detokenize(int[] tokens, boolean removeSpecial, boolean unparseSpecial) {
        for (int t : tokens) {
            check(t);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment in = a.allocateFrom(JAVA_INT, tokens);
            int cap = Math.max(16, tokens.length * 8);
            for (int attempt = 0; attempt < 2; attempt++) {
                MemorySegment buf = a.allocate(cap);
                int n = LlamaH.llama_detokenize(v(), in, tokens.length, buf, cap, removeSpecial, unparseSpecial);
                if (n >= 0) {
                    return new String(buf.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                }
                cap = -n;
            }
        }
        throw new LlamaException.Tokenize("detokenized text kept growing");
    }
}
