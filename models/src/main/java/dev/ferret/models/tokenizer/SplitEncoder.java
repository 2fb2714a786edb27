package dev.ferret.models.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tokenizes text of any length with the ids llama.cpp gives, without ever handing llama.cpp a stretch of text
 * its pre-tokenizer cannot survive.
 *
 * <p>Why: for the {@code qwen2} pre-tokenizer llama.cpp has no hand-written splitter and runs the pattern with
 * {@code std::regex}, whose matcher recurses once per character of a match (about 300 bytes of native stack per
 * character in b4916 and b4980). A run of a few thousand letters, spaces or '=' on a 1 MiB thread stack
 * overflows it and kills the process.
 *
 * <p>How: the text is cut at special tokens (as llama.cpp does first), each stretch is split into pre-tokens with
 * {@link PreTokenizer} (the same pattern), and then
 * <ul>
 *   <li>a pre-token longer than {@code maxPiece} code points is encoded here, by this vocabulary's BPE with
 *       llama.cpp's merge order ({@link BpeTokenizer#mergeWord});</li>
 *   <li>runs of shorter pre-tokens go to the native encoder in chunks of about {@code maxChunk} code points.</li>
 * </ul>
 * The ids are the ones llama.cpp gives for the whole text. BPE never merges across pre-tokens. And llama.cpp splits
 * a chunk into the same pre-tokens as the whole text when the chunk starts at a pre-token boundary (each match starts
 * where the previous one ended) and ends after a pre-token whose last character is not whitespace: a match found in
 * the shorter text is a match in the longer one too, except through the lookahead of {@code \s+(?!\S)}, which only
 * reaches the cut through whitespace. So a chunk is cut only there; whitespace pre-tokens at the end of a chunk that
 * must end (before a long pre-token) are encoded here. Tests check the ids against llama.cpp.
 */
public final class SplitEncoder {
    /**
     * The {@code tokenizer.ggml.pre} values for which llama.cpp (b4916, b4980) uses the pattern {@link PreTokenizer}
     * implements: qwen2's.
     */
    public static final Set<String> PRE_TOKENIZERS = Set.of("qwen2", "deepseek-r1-qwen", "megrez", "stablelm2");

    /** Tokenizes one stretch of ordinary text (it holds no special-token text) the way llama.cpp does. */
    @FunctionalInterface
    public interface Encoder {
        int[] encode(String text);
    }

    private final BpeTokenizer bpe;
    private final int maxPiece;
    private final int maxChunk;

    /**
     * @param bpe      the model's own vocabulary and merges ({@link BpeTokenizer#fromGguf})
     * @param maxPiece longest pre-token (code points) left to the native encoder; longer ones are encoded here
     * @param maxChunk length (code points) from which a chunk for the native encoder is cut at the next place where
     *                 that is safe (see above)
     */
    public SplitEncoder(BpeTokenizer bpe, int maxPiece, int maxChunk) {
        if (maxPiece < 1 || maxChunk < 1) {
            throw new IllegalArgumentException("maxPiece and maxChunk must be positive, got " + maxPiece + ", " + maxChunk);
        }
        this.bpe = bpe;
        this.maxPiece = maxPiece;
        this.maxChunk = maxChunk;
    }

    /** The length in code points of the longest pre-token of {@code text} (special tokens cut out as for {@code parseSpecial}). */
    public int longestPiece(String text, boolean parseSpecial) {
        int longest = 0;
        for (Object f : bpe.partition(text, parseSpecial)) {
            if (f instanceof String s) {
                int[] cps = s.codePoints().toArray();
                for (int i = 0; i < cps.length; ) {
                    int end = PreTokenizer.matchAt(cps, i);
                    longest = Math.max(longest, end - i);
                    i = end;
                }
            }
        }
        return longest;
    }

    /**
     * The ids of {@code text} as {@code llama_tokenize(add_special = false, parseSpecial)} gives them, with
     * {@code nativeEncoder} doing the work for every chunk it can safely take ({@code nativeCanTake}); pre-tokens
     * it cannot take are encoded here.
     */
    public int[] encode(String text, boolean parseSpecial, Encoder nativeEncoder, Predicate<String> nativeCanTake) {
        BpeTokenizer.IntList out = new BpeTokenizer.IntList();
        for (Object f : bpe.partition(text, parseSpecial)) {
            if (f instanceof Integer id) {
                out.add(id);
            } else {
                new Stretch(((String) f).codePoints().toArray(), nativeEncoder, nativeCanTake, out).encode();
            }
        }
        return out.toArray();
    }

    /** {@link #encode(String, boolean, Encoder, Predicate)} for an encoder that takes any chunk. */
    public int[] encode(String text, boolean parseSpecial, Encoder nativeEncoder) {
        return encode(text, parseSpecial, nativeEncoder, chunk -> true);
    }

    /** One stretch of text between special tokens: llama.cpp pre-tokenizes each on its own. */
    private final class Stretch {
        final int[] cps;
        final Encoder nativeEncoder;
        final Predicate<String> nativeCanTake;
        final BpeTokenizer.IntList out;

        Stretch(int[] cps, Encoder nativeEncoder, Predicate<String> nativeCanTake, BpeTokenizer.IntList out) {
            this.cps = cps;
            this.nativeEncoder = nativeEncoder;
            this.nativeCanTake = nativeCanTake;
            this.out = out;
        }

        void encode() {
            int chunkStart = 0;
            int i = 0;
            while (i < cps.length) {
                int end = PreTokenizer.matchAt(cps, i);
                if (end - i > maxPiece) {
                    chunk(chunkStart, i, false);
                    java(i, end);
                    chunkStart = end;
                } else if (i - chunkStart >= maxChunk && !PreTokenizer.isSpace(cps[i - 1])) {
                    chunk(chunkStart, i, false);
                    chunkStart = i;
                }
                i = end;
            }
            chunk(chunkStart, cps.length, true);
        }

        /**
         * Encodes the pre-tokens in [from, to). Cut off from the text after it, a chunk that ends in whitespace
         * could be split differently by llama.cpp ({@code \s+(?!\S)} then matches up to the end), so pre-tokens
         * from the last whitespace on are encoded here; so is a chunk the native encoder cannot take.
         */
        void chunk(int from, int to, boolean endOfStretch) {
            if (from >= to) {
                return;
            }
            int nativeEnd = to;
            if (!endOfStretch && PreTokenizer.isSpace(cps[to - 1])) {
                nativeEnd = from;
                for (int i = from; i < to; ) {
                    int end = PreTokenizer.matchAt(cps, i);
                    if (!PreTokenizer.isSpace(cps[end - 1])) {
                        nativeEnd = end;
                    }
                    i = end;
                }
            }
            if (nativeEnd > from) {
                String text = new String(cps, from, nativeEnd - from);
                if (nativeCanTake.test(text)) {
                    for (int id : nativeEncoder.encode(text)) {
                        out.add(id);
                    }
                } else {
                    javaPieces(from, nativeEnd);
                }
            }
            javaPieces(nativeEnd, to);
        }

        void javaPieces(int from, int to) {
            for (int i = from; i < to; ) {
                int end = PreTokenizer.matchAt(cps, i);
                java(i, end);
                i = end;
            }
        }

        void java(int from, int to) {
            byte[] utf8 = new String(cps, from, to - from).getBytes(StandardCharsets.UTF_8);
            bpe.mergeWord(ByteLevel.encode(utf8, 0, utf8.length), out);
        }
    }
}
