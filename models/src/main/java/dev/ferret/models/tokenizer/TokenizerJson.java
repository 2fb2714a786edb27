package dev.ferret.models.tokenizer;

import dev.ferret.models.io.TextFiles;
import dev.ferret.models.json.MiniJson;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Hugging Face {@code tokenizer.json} holding a byte-level BPE tokenizer with Qwen2's pre-tokenizer, read so that
 * it can be written into a GGUF model the way llama.cpp's converter ({@code convert_hf_to_gguf.py},
 * {@code get_vocab_base}) writes it:
 * <ul>
 *   <li>the BPE vocabulary as {@code tokenizer.ggml.tokens} with type normal, and the merges as "A B" strings;
 *   <li>each added token at its id: type control if it is special or looks special ({@code <|...|>}), else
 *       user-defined (so Qwen2.5's {@code <tool_call>} is user-defined, its {@code <|fim_prefix|>} control);
 *   <li>every id below the model's vocabulary size that has no token becomes {@code [PAD<id>]} of type unused:
 *       Qwen2.5-7B's embedding has 152,064 rows for 151,665 tokens;
 *   <li>{@code tokenizer.ggml.pre = qwen2}, the only pre-tokenizer this reader accepts: the Split regex must be
 *       Qwen2's exactly, followed by a ByteLevel step that does not split again.
 * </ul>
 * Qwen2's {@code tokenizer.json} also names an NFC normalizer. llama.cpp's BPE tokenizer has no normalizer (neither
 * does its converter write one), so a model made from this file, like the real Qwen2.5 GGUF, tokenizes
 * non-NFC text differently from Hugging Face's tokenizer; {@link #normalizer()} reports it.
 *
 * {@snippet :
 * TokenizerJson qwen = TokenizerJson.read(Path.of("tokenizer.json")).qwen25();
 * GgufVocabulary vocab = qwen.toVocabulary(152_064);      // padded like Qwen2.5-7B's embedding
 * }
 */
public final class TokenizerJson {
    /** Qwen2's pre-tokenizer regex, as its {@code tokenizer.json} spells it; llama.cpp calls this split {@code qwen2}. */
    public static final String QWEN2_SPLIT =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** Qwen2.5's BPE vocabulary size: ids 0..151642; its added tokens follow. */
    public static final int QWEN25_BPE_TOKENS = 151_643;
    /** Qwen2.5's added tokens, in id order from 151643. */
    public static final List<String> QWEN25_ADDED = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>",
            "<|object_ref_start|>", "<|object_ref_end|>", "<|box_start|>", "<|box_end|>", "<|quad_start|>",
            "<|quad_end|>", "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>", "<|image_pad|>", "<|video_pad|>",
            "<tool_call>", "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|fim_pad|>",
            "<|repo_name|>", "<|file_sep|>");
    /** Tokens of Qwen2.5's tokenizer: 151,643 BPE tokens and 22 added ones. */
    public static final int QWEN25_TOKENS = QWEN25_BPE_TOKENS + 22;
    /** Ids above this reader's sanity limit are refused rather than padded to. */
    private static final int MAX_ID = 1 << 22;

    /** An entry of {@code added_tokens}. */
    public record AddedToken(int id, String content, boolean special) {
    }

    private final Path file;
    /** Token text by id for the BPE vocabulary; null where an id has no token. */
    private final String[] vocab;
    private final List<String> merges;
    private final List<AddedToken> added;
    private final String normalizer;
    private final SpecialConfig config;

    /** The special tokens a {@code tokenizer_config.json} names (texts, null when absent). */
    private record SpecialConfig(String eos, String pad, String bos, boolean addBos) {
        /** Qwen2.5-Instruct's: {@code <|im_end|>} ends a turn, {@code <|endoftext|>} pads and is BOS, none added. */
        static final SpecialConfig QWEN25_INSTRUCT = new SpecialConfig("<|im_end|>", "<|endoftext|>", "<|endoftext|>", false);
    }

    private TokenizerJson(Path file, String[] vocab, List<String> merges, List<AddedToken> added, String normalizer,
                          SpecialConfig config) {
        this.file = file;
        this.vocab = vocab;
        this.merges = merges;
        this.added = added;
        this.normalizer = normalizer;
        this.config = config;
    }

    /**
     * Reads {@code tokenizer.json}, and {@code tokenizer_config.json} from the same folder when there is one (for
     * the EOS, padding and BOS tokens and {@code add_bos_token}; without it, Qwen2.5-Instruct's are used:
     * {@code <|im_end|>} EOS, {@code <|endoftext|>} padding and BOS, no BOS added).
     *
     * @throws TokenizerFileException if a file cannot be read or does not hold a tokenizer this reader imports
     */
    public static TokenizerJson read(Path tokenizerJson) {
        Map<String, Object> root = json(tokenizerJson);
        Map<String, Object> model = object(tokenizerJson, root, "model");
        if (!"BPE".equals(model.get("type"))) {
            throw new TokenizerFileException(tokenizerJson, "model.type is " + model.get("type") + ", not BPE");
        }
        if (Boolean.TRUE.equals(model.get("byte_fallback"))) {
            throw new TokenizerFileException(tokenizerJson, "model.byte_fallback is set; llama.cpp's gpt2 tokenizer has no byte fallback");
        }
        for (String affix : List.of("continuing_subword_prefix", "end_of_word_suffix")) {
            Object v = model.get(affix);
            if (v != null && !"".equals(v)) {
                throw new TokenizerFileException(tokenizerJson, "model." + affix + " is '" + v + "'; llama.cpp does not support it");
            }
        }
        checkPreTokenizer(tokenizerJson, root.get("pre_tokenizer"));
        Map<String, Object> vocabJson = object(tokenizerJson, model, "vocab");
        if (vocabJson.isEmpty()) {
            throw new TokenizerFileException(tokenizerJson, "model.vocab is empty");
        }
        int size = 0;
        for (Map.Entry<String, Object> e : vocabJson.entrySet()) {
            size = Math.max(size, id(tokenizerJson, e.getValue(), "model.vocab['" + e.getKey() + "']") + 1);
        }
        String[] vocab = new String[size];
        for (Map.Entry<String, Object> e : vocabJson.entrySet()) {
            int id = id(tokenizerJson, e.getValue(), "");
            if (vocab[id] != null) {
                throw new TokenizerFileException(tokenizerJson, "model.vocab gives id " + id + " to both '" + vocab[id]
                        + "' and '" + e.getKey() + "'");
            }
            vocab[id] = e.getKey();
        }
        List<String> merges = merges(tokenizerJson, model.get("merges"));
        List<AddedToken> added = addedTokens(tokenizerJson, root.get("added_tokens"), vocab);
        Object norm = root.get("normalizer");
        String normalizer = norm instanceof Map<?, ?> m ? String.valueOf(m.get("type")) : null;
        Path configFile = tokenizerJson.resolveSibling("tokenizer_config.json");
        SpecialConfig config = Files.isRegularFile(configFile) ? config(configFile) : SpecialConfig.QWEN25_INSTRUCT;
        return new TokenizerJson(tokenizerJson, vocab, merges, added, normalizer, config);
    }

    /**
     * Exactly Qwen2.5's tokenizer: checks that the file holds Qwen2.5's 151,643 BPE tokens and its 22 added tokens
     * at their ids, and leaves out any added token after them. Qwen3's {@code tokenizer.json} is Qwen2.5's plus
     * {@code <tool_response>}, {@code </tool_response>}, {@code <think>} and {@code </think>} at 151665-151668;
     * in a real Qwen2.5 GGUF those rows are padding and those texts are plain text, so they are left out here.
     *
     * @throws TokenizerFileException if the file is not Qwen2.5's tokenizer (or a superset of it)
     */
    public TokenizerJson qwen25() {
        if (vocab.length != QWEN25_BPE_TOKENS) {
            throw new TokenizerFileException(file, "has " + vocab.length + " BPE tokens, Qwen2.5 has " + QWEN25_BPE_TOKENS);
        }
        List<AddedToken> kept = new ArrayList<>();
        for (int i = 0; i < QWEN25_ADDED.size(); i++) {
            int id = QWEN25_BPE_TOKENS + i;
            AddedToken a = added.stream().filter(t -> t.id() == id).findFirst().orElseThrow(() ->
                    new TokenizerFileException(file, "has no added token " + id + " (Qwen2.5's " + QWEN25_ADDED.get(id - QWEN25_BPE_TOKENS) + ")"));
            if (!a.content().equals(QWEN25_ADDED.get(i))) {
                throw new TokenizerFileException(file, "added token " + id + " is '" + a.content() + "', Qwen2.5's is '"
                        + QWEN25_ADDED.get(i) + "'");
            }
            kept.add(a);
        }
        return new TokenizerJson(file, vocab, merges, List.copyOf(kept), normalizer, config);
    }

    /**
     * {@link #qwen25()} for a file that holds Qwen2.5's tokenizer (possibly with Qwen3's additions), this tokenizer
     * as it is otherwise: what {@code ferret model create --tokenizer} imports, since its presets are Qwen2.5's shapes.
     */
    public TokenizerJson withoutQwen3Additions() {
        boolean qwen = vocab.length == QWEN25_BPE_TOKENS && added.size() >= QWEN25_ADDED.size();
        for (int i = 0; qwen && i < QWEN25_ADDED.size(); i++) {
            qwen = added.get(i).id() == QWEN25_BPE_TOKENS + i && added.get(i).content().equals(QWEN25_ADDED.get(i));
        }
        return qwen ? qwen25() : this;
    }

    /** Tokens including added ones: the highest id + 1, the smallest vocabulary a model may have for this file. */
    public int size() {
        int n = vocab.length;
        for (AddedToken a : added) {
            n = Math.max(n, a.id() + 1);
        }
        return n;
    }

    public List<AddedToken> addedTokens() {
        return added;
    }

    /** The number of merges. */
    public int mergeCount() {
        return merges.size();
    }

    /** The normalizer's type ({@code NFC} for Qwen2), or null; llama.cpp does not apply it. */
    public String normalizer() {
        return normalizer;
    }

    /**
     * The GGUF vocabulary of {@code vocabSize} tokens: this tokenizer's, then {@code [PAD<id>]} tokens of type
     * unused up to {@code vocabSize} (llama.cpp's converter pads to {@code config.json}'s {@code vocab_size},
     * which is the embedding's row count).
     *
     * @throws IllegalArgumentException if {@code vocabSize} is smaller than {@link #size()}
     */
    public GgufVocabulary toVocabulary(int vocabSize) {
        int n = size();
        if (vocabSize < n) {
            throw new IllegalArgumentException("a vocabulary of " + vocabSize + " cannot hold the " + n + " tokens of " + file);
        }
        List<String> tokens = new ArrayList<>(vocabSize);
        int[] types = new int[vocabSize];
        Map<Integer, AddedToken> addedById = new HashMap<>();
        for (AddedToken a : added) {
            addedById.put(a.id(), a);
        }
        for (int id = 0; id < vocabSize; id++) {
            AddedToken a = addedById.get(id);
            if (a != null) {
                tokens.add(a.content());
                types[id] = a.special() || looksSpecial(a.content()) ? SpecialTokens.CONTROL : USER_DEFINED;
            } else if (id < vocab.length && vocab[id] != null) {
                tokens.add(vocab[id]);
                types[id] = SpecialTokens.NORMAL;
            } else {
                tokens.add("[PAD" + id + "]");
                types[id] = UNUSED;
            }
        }
        BpeTokenizer tok;
        try {
            tok = new BpeTokenizer(tokens, types, merges);
        } catch (IllegalArgumentException e) {
            throw new TokenizerFileException(file, e.getMessage(), e);
        }
        return new GgufVocabulary(tok, "qwen2", special(tok, config.eos, "eos_token"), special(tok, config.pad, "pad_token"),
                special(tok, config.bos, "bos_token"), config.addBos);
    }

    private static final int USER_DEFINED = 4;
    private static final int UNUSED = 5;

    /** llama.cpp's converter treats added tokens spelled {@code <|...|>} as control tokens even when not special. */
    private static boolean looksSpecial(String text) {
        return text.startsWith("<|") && text.endsWith("|>");
    }

    private int special(BpeTokenizer tok, String text, String key) {
        int id = tok.id(text);
        if (id < 0) {
            throw new TokenizerFileException(file, key + " '" + text + "' is not a token of this tokenizer");
        }
        return id;
    }

    private static void checkPreTokenizer(Path file, Object pre) {
        String why = null;
        if (!(pre instanceof Map<?, ?> seq) || !"Sequence".equals(seq.get("type"))
                || !(seq.get("pretokenizers") instanceof List<?> steps) || steps.size() != 2) {
            why = "is not a Sequence of a Split and a ByteLevel step";
        } else if (!(steps.get(0) instanceof Map<?, ?> split) || !"Split".equals(split.get("type"))
                || !(split.get("pattern") instanceof Map<?, ?> pattern) || !QWEN2_SPLIT.equals(pattern.get("Regex"))
                || !"Isolated".equals(split.get("behavior")) || Boolean.TRUE.equals(split.get("invert"))) {
            why = "does not split with Qwen2's regex";
        } else if (!(steps.get(1) instanceof Map<?, ?> byteLevel) || !"ByteLevel".equals(byteLevel.get("type"))
                || Boolean.TRUE.equals(byteLevel.get("use_regex")) || Boolean.TRUE.equals(byteLevel.get("add_prefix_space"))) {
            why = "does not end in a ByteLevel step without its own regex and prefix space";
        }
        if (why != null) {
            throw new TokenizerFileException(file, "the pre_tokenizer " + why + "; only the pre-tokenizer llama.cpp calls "
                    + "'qwen2' is imported");
        }
    }

    private static List<String> merges(Path file, Object json) {
        if (!(json instanceof List<?> list)) {
            throw new TokenizerFileException(file, "model.merges is missing or not a list");
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object m = list.get(i);
            // two spellings: "a b" (older files) and ["a", "b"] (tokenizers 0.20 and later)
            if (m instanceof String s && s.indexOf(' ', 1) > 0) {
                out.add(s);
            } else if (m instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String a
                    && pair.get(1) instanceof String b && !a.isEmpty() && !b.isEmpty() && a.indexOf(' ') < 0 && b.indexOf(' ') < 0) {
                out.add(a + " " + b);
            } else {
                throw new TokenizerFileException(file, "merge #" + i + " is neither \"A B\" nor [\"A\", \"B\"]: " + m);
            }
        }
        return List.copyOf(out);
    }

    private static List<AddedToken> addedTokens(Path file, Object json, String[] vocab) {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> list)) {
            throw new TokenizerFileException(file, "added_tokens is not a list");
        }
        List<AddedToken> out = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("content") instanceof String content) || content.isEmpty()) {
                throw new TokenizerFileException(file, "added_tokens holds an entry without content: " + o);
            }
            int id = id(file, m.get("id"), "added token '" + content + "'");
            if (seen.put(id, content) != null) {
                throw new TokenizerFileException(file, "added_tokens gives id " + id + " twice");
            }
            if (id < vocab.length && vocab[id] != null && !vocab[id].equals(content)) {
                throw new TokenizerFileException(file, "added token '" + content + "' takes id " + id + " of '" + vocab[id] + "'");
            }
            out.add(new AddedToken(id, content, Boolean.TRUE.equals(m.get("special"))));
        }
        out.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return List.copyOf(out);
    }

    private static SpecialConfig config(Path file) {
        Map<String, Object> c = json(file);
        SpecialConfig d = SpecialConfig.QWEN25_INSTRUCT;
        return new SpecialConfig(tokenText(file, c, "eos_token", d.eos), tokenText(file, c, "pad_token", d.pad),
                tokenText(file, c, "bos_token", d.bos),
                c.get("add_bos_token") instanceof Boolean b ? b : d.addBos);
    }

    /** A token named in tokenizer_config.json: a string, or an object with "content"; absent/null keeps the default. */
    private static String tokenText(Path file, Map<String, Object> c, String key, String fallback) {
        Object v = c.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Map<?, ?> m && m.get("content") instanceof String s) {
            return s;
        }
        throw new TokenizerFileException(file, key + " is neither a string nor an object with content");
    }

    private static int id(Path file, Object v, String what) {
        if (!(v instanceof Double d) || d != Math.rint(d) || d < 0 || d >= MAX_ID) {
            throw new TokenizerFileException(file, what + " has id " + v + ", not an integer in 0.." + (MAX_ID - 1));
        }
        return d.intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Path file, Map<String, Object> parent, String key) {
        if (!(parent.get(key) instanceof Map<?, ?> m)) {
            throw new TokenizerFileException(file, "'" + key + "' is missing or not an object");
        }
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> json(Path file) {
        String text;
        try {
            // a pipe is refused before it is opened; a byte that is not UTF-8 is named by line and offset
            text = TextFiles.readUtf8(Objects.requireNonNull(file, "file"));
        } catch (NoSuchFileException e) {
            throw new TokenizerFileException(file, "no such file", e);
        } catch (FileSystemException e) {
            throw new TokenizerFileException(file, file.toString().equals(e.getFile()) && e.getReason() != null
                    ? e.getReason() : "cannot read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TokenizerFileException(file, "cannot read: " + e.getMessage(), e);
        }
        try {
            return MiniJson.object(text);
        } catch (IllegalArgumentException e) {
            throw new TokenizerFileException(file, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TokenizerJson[" + file + ": " + vocab.length + " BPE tokens, " + merges.size() + " merges, "
                + added.size() + " added " + Arrays.toString(added.stream().map(AddedToken::content).toArray()) + "]";
    }
}
