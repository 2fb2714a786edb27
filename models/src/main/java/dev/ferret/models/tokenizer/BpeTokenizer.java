package dev.ferret.models.tokenizer;

import dev.ferret.gguf.GgufFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A byte-level BPE tokenizer in the form llama.cpp's {@code gpt2} tokenizer model reads from GGUF
 * ({@code tokenizer.ggml.tokens}, {@code token_type}, {@code merges}), with the {@code qwen2} pre-tokenizer.
 *
 * <p>{@link #encode} gives the ids llama.cpp's {@code llama_tokenize} gives (b4916, {@code add_special = false}),
 * because it follows the same steps: cut out special tokens, longest first; split the rest with the qwen2
 * pre-tokenizer; map each piece's UTF-8 bytes to byte-level characters; merge the adjacent pair of lowest merge
 * rank (leftmost on ties) until none applies; look the pieces up by text.
 *
 * {@snippet :
 * BpeTokenizer tok = BpeTrainer.defaultTokenizer(512);
 * int[] ids = tok.encode("<|im_start|>user\nhello<|im_end|>");
 * String back = tok.decode(ids); // the same text
 * }
 */
public final class BpeTokenizer {
    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_USER_DEFINED = 4;

    private final List<String> tokens;
    private final int[] tokenTypes;
    private final List<String> merges;
    private final Map<String, Integer> ids;
    /** "left right" to merge rank. */
    private final Map<String, Integer> ranks;
    /** Special token ids, longest text first, as llama.cpp tries them. */
    private final int[] specials;

    /**
     * @param tokens     token texts in byte-level form (specials verbatim), index = id
     * @param tokenTypes llama.cpp token types (1 normal, 3 control, 4 user-defined), one per token
     * @param merges     "left right" pairs, highest priority first
     */
    public BpeTokenizer(List<String> tokens, int[] tokenTypes, List<String> merges) {
        if (tokens.size() != tokenTypes.length) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + tokenTypes.length + " token types");
        }
        this.tokens = List.copyOf(tokens);
        this.tokenTypes = tokenTypes.clone();
        this.merges = List.copyOf(merges);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.putIfAbsent(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + tokens.get(i) + "' occurs twice");
            }
        }
        this.ranks = new HashMap<>(merges.size() * 2);
        for (int i = 0; i < merges.size(); i++) {
            ranks.putIfAbsent(merges.get(i), i);
        }
        List<Integer> special = new ArrayList<>();
        for (int i = 0; i < tokenTypes.length; i++) {
            int t = tokenTypes[i];
            if (t == SpecialTokens.CONTROL || t == TYPE_USER_DEFINED || t == TYPE_UNKNOWN) {
                special.add(i);
            }
        }
        special.sort(Comparator.comparingInt((Integer id) -> -this.tokens.get(id).getBytes(StandardCharsets.UTF_8).length));
        this.specials = special.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The tokenizer stored in a GGUF model's {@code tokenizer.ggml.*} keys. */
    public static BpeTokenizer fromGguf(GgufFile file) {
        List<String> tokens = file.getStringArray("tokenizer.ggml.tokens");
        int[] types = file.contains("tokenizer.ggml.token_type")
                ? file.getIntArray("tokenizer.ggml.token_type") : filled(tokens.size(), SpecialTokens.NORMAL);
        return new BpeTokenizer(tokens, types, file.getStringArray("tokenizer.ggml.merges"));
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    public int vocabSize() {
        return tokens.size();
    }

    /** Token texts in byte-level form, index = id: the {@code tokenizer.ggml.tokens} array. */
    public List<String> tokens() {
        return tokens;
    }

    /** The {@code tokenizer.ggml.token_type} array. */
    public int[] tokenTypes() {
        return tokenTypes.clone();
    }

    /** The {@code tokenizer.ggml.merges} array. */
    public List<String> merges() {
        return merges;
    }

    /** The text of token {@code id} as stored (byte-level form). */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of the token with this stored text, or -1. */
    public int id(String tokenText) {
        return ids.getOrDefault(tokenText, -1);
    }

    /** The id of a special token such as {@link SpecialTokens#IM_END}; fails if it is not in the vocabulary. */
    public int specialId(String text) {
        int id = id(text);
        if (id < 0 || tokenTypes[id] != SpecialTokens.CONTROL) {
            throw new IllegalArgumentException("'" + text + "' is not a control token of this vocabulary");
        }
        return id;
    }

    /** Whether {@code id} is a control token (not printed by {@link #decode(int[], boolean)} without asking). */
    public boolean isControl(int id) {
        return tokenTypes[id] == SpecialTokens.CONTROL;
    }

    /** Encodes text, turning special-token texts in it into their ids (llama.cpp's {@code parse_special = true}). */
    public int[] encode(String text) {
        return encode(text, true);
    }

    /**
     * Encodes text like {@code llama_tokenize(..., add_special = false, parse_special)}: with
     * {@code parseSpecial} false, control tokens in the text are tokenized as plain text.
     */
    public int[] encode(String text, boolean parseSpecial) {
        IntList out = new IntList();
        for (Object fragment : partition(text, parseSpecial)) {
            if (fragment instanceof Integer id) {
                out.add(id);
            } else {
                for (String piece : PreTokenizer.split((String) fragment)) {
                    byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
                    mergeWord(ByteLevel.encode(utf8, 0, utf8.length), out);
                }
            }
        }
        return out.toArray();
    }

    /** Splits text at special tokens: Strings for plain text, Integers for special token ids. */
    List<Object> partition(String text, boolean parseSpecial) {
        List<Object> fragments = new ArrayList<>(List.of(text));
        for (int id : specials) {
            if (!parseSpecial && tokenTypes[id] != TYPE_USER_DEFINED) {
                continue;
            }
            String special = tokens.get(id);
            List<Object> next = new ArrayList<>();
            for (Object f : fragments) {
                if (!(f instanceof String s)) {
                    next.add(f);
                    continue;
                }
                int from = 0;
                int at;
                while ((at = s.indexOf(special, from)) >= 0) {
                    if (at > from) {
                        next.add(s.substring(from, at));
                    }
                    next.add(id);
                    from = at + special.length();
                }
                if (from < s.length()) {
                    next.add(s.substring(from));
                }
            }
            fragments = next;
        }
        return fragments;
    }

    private record Bigram(int rank, int left, int right, int length) {
    }

    private static final Comparator<Bigram> LOWEST_RANK_LEFTMOST =
            Comparator.comparingInt(Bigram::rank).thenComparingInt(Bigram::left);

    /** BPE on one pre-tokenized piece in byte-level form; appends the resulting ids. */
    void mergeWord(String word, IntList out) {
        int n = word.length(); // byte-level characters are all in the BMP: one char per symbol
        int[] start = new int[n];
        int[] length = new int[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = i;
            length[i] = 1;
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        PriorityQueue<Bigram> queue = new PriorityQueue<>(LOWEST_RANK_LEFTMOST);
        for (int i = 1; i < n; i++) {
            offer(queue, word, start, length, i - 1, i);
        }
        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            if (length[b.left] == 0 || length[b.right] == 0 || length[b.left] + length[b.right] != b.length) {
                continue; // outdated: one side was merged with something else since
            }
            length[b.left] += length[b.right];
            length[b.right] = 0;
            next[b.left] = next[b.right];
            if (next[b.right] >= 0) {
                prev[next[b.right]] = b.left;
            }
            if (prev[b.left] >= 0) {
                offer(queue, word, start, length, prev[b.left], b.left);
            }
            if (next[b.left] >= 0) {
                offer(queue, word, start, length, b.left, next[b.left]);
            }
        }
        for (int i = 0; i >= 0 && i < n; i = next[i]) {
            String symbol = word.substring(start[i], start[i] + length[i]);
            Integer id = ids.get(symbol);
            if (id != null) {
                out.add(id);
                continue;
            }
            // llama.cpp falls back to looking up each byte of the symbol's UTF-8 text; only ASCII can match
            for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
                Integer single = b >= 0 ? ids.get(String.valueOf((char) b)) : null;
                if (single != null) {
                    out.add(single);
                }
            }
        }
    }

    private void offer(PriorityQueue<Bigram> queue, String word, int[] start, int[] length, int left, int right) {
        String l = word.substring(start[left], start[left] + length[left]);
        String r = word.substring(start[right], start[right] + length[right]);
        Integer rank = ranks.get(l + " " + r);
        if (rank != null) {
            queue.add(new Bigram(rank, left, right, length[left] + length[right]));
        }
    }

    /** Decodes ids to text, printing control tokens. */
    public String decode(int... ids) {
        return decode(ids, true);
    }

    /**
     * Decodes ids to text; with {@code renderSpecial} false, control tokens print nothing (llama.cpp's
     * {@code special = false}). Bytes that do not form valid UTF-8 become U+FFFD.
     */
    public String decode(int[] ids, boolean renderSpecial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            if (!renderSpecial && (tokenTypes[id] == SpecialTokens.CONTROL || tokenTypes[id] == TYPE_UNKNOWN)) {
                continue;
            }
            bytes.writeBytes(tokenBytes(id));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The bytes token {@code id} stands for: the UTF-8 text of a special or user-defined token, the decoded bytes
     * of an ordinary one. A streaming decoder concatenates these and decodes UTF-8 once characters are complete.
     */
    public byte[] tokenBytes(int id) {
        String text = tokens.get(id);
        int type = tokenTypes[id];
        if (type == SpecialTokens.CONTROL || type == TYPE_USER_DEFINED || type == TYPE_UNKNOWN) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type != SpecialTokens.NORMAL) {
            return new byte[0]; // llama.cpp prints nothing for undefined, unused and byte-typed BPE tokens
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            int b = ByteLevel.byteOf(text.charAt(i));
            if (b >= 0) {
                out.write(b);
            } else {
                out.writeBytes(String.valueOf(text.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** A growable int array, to avoid boxing every token id. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
