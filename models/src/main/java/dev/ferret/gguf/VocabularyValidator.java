package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code tokenizer.ggml.*} keys the way llama.cpp (b4916, llama-vocab.cpp) will use them. Several
 * faults there do not fail cleanly in llama.cpp: an empty token list crashes it, a token-type array shorter than
 * the token list is read past its end, duplicate token texts trip an assertion that aborts the process, and a
 * special-token id outside the vocabulary is silently replaced by a default.
 */
final class VocabularyValidator {
    static final Set<String> MODELS = Set.of("no_vocab", "none", "llama", "bert", "gpt2", "t5", "rwkv");
    /** Values of {@code tokenizer.ggml.pre} that b4916 knows; others make it refuse the model. */
    static final Set<String> PRE_TOKENIZERS = Set.of("default", "llama3", "llama-v3", "llama-bpe", "falcon3",
            "deepseek-llm", "deepseek-coder", "deepseek-v3", "falcon", "mpt", "starcoder", "gpt-2", "phi-2",
            "jina-es", "jina-de", "gigachat", "jina-v1-en", "jina-v2-es", "jina-v2-de", "jina-v2-code", "roberta-bpe",
            "refact", "command-r", "qwen2", "deepseek-r1-qwen", "stablelm2", "olmo", "dbrx", "smaug-bpe", "poro-chat",
            "chatglm-bpe", "viking", "jais", "tekken", "smollm", "codeshell", "bloom", "gpt3-finnish", "exaone",
            "chameleon", "minerva-7b", "megrez", "gpt-4o");
    /** Every special-token id key llama.cpp reads (as uint32). */
    static final List<String> SPECIAL_ID_KEYS = List.of("bos_token_id", "eos_token_id", "eot_token_id",
            "eom_token_id", "unknown_token_id", "seperator_token_id", "padding_token_id", "mask_token_id",
            "fim_pre_token_id", "fim_suf_token_id", "fim_mid_token_id", "fim_pad_token_id", "fim_rep_token_id",
            "fim_sep_token_id", "prefix_token_id", "suffix_token_id", "middle_token_id");
    private static final int MAX_TOKEN_TYPE = 6;

    private final GgufFile file;

    private VocabularyValidator(GgufFile file) {
        this.file = file;
    }

    /** Checks the vocabulary and returns its size (0 for a model without one). */
    static int validate(GgufFile file) {
        return new VocabularyValidator(file).check();
    }

    private int check() {
        String model = typed("tokenizer.ggml.model", GgufValueType.STRING).asString();
        if (!MODELS.contains(model)) {
            throw fail(Problem.BAD_VALUE, "key 'tokenizer.ggml.model' is '" + model + "', which llama.cpp does not know "
                    + "(one of " + MODELS + ")");
        }
        if (model.equals("no_vocab") || model.equals("none")) {
            return 0;
        }
        List<String> tokens = stringArray("tokenizer.ggml.tokens");
        int n = tokens.size();
        if (n == 0) {
            throw fail(Problem.BAD_VALUE, "key 'tokenizer.ggml.tokens' is empty (llama.cpp crashes on an empty vocabulary)");
        }
        Map<String, Integer> ids = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            // llama.cpp renames empty tokens before indexing them; a repeated text makes it abort
            String text = tokens.get(i).isEmpty() ? "[EMPTY_" + i + "]" : tokens.get(i);
            Integer before = ids.put(text, i);
            if (before != null) {
                throw fail(Problem.DUPLICATE, "token '" + text + "' occurs twice in 'tokenizer.ggml.tokens' (ids "
                        + before + " and " + i + ")");
            }
        }
        if (file.contains("tokenizer.ggml.token_type")) {
            GgufValue types = typedArray("tokenizer.ggml.token_type", GgufValueType.INT32);
            sameLength("tokenizer.ggml.token_type", types, n);
            int[] t = (int[]) types.value();
            for (int i = 0; i < n; i++) {
                if (t[i] < 0 || t[i] > MAX_TOKEN_TYPE) {
                    throw fail(Problem.BAD_VALUE, "key 'tokenizer.ggml.token_type' gives token " + i + " type " + t[i]
                            + " (must be 0 to " + MAX_TOKEN_TYPE + ")");
                }
            }
        }
        if (file.contains("tokenizer.ggml.scores")) {
            sameLength("tokenizer.ggml.scores", typedArray("tokenizer.ggml.scores", GgufValueType.FLOAT32), n);
        }
        if (model.equals("gpt2")) {
            checkByteLevel(ids);
            checkMerges(ids);
            // without it llama.cpp falls back to GPT-2's splitting and warns that quality will suffer: a
            // different tokenization than the one the vocabulary was made with
            String pre = typed("tokenizer.ggml.pre", GgufValueType.STRING).asString();
            if (!PRE_TOKENIZERS.contains(pre)) {
                throw fail(Problem.BAD_VALUE, "key 'tokenizer.ggml.pre' is '" + pre + "', which llama.cpp does not know");
            }
            // without it llama.cpp falls back to id 11 as end of sequence
            if (!file.contains("tokenizer.ggml.eos_token_id")) {
                throw fail(Problem.MISSING_KEY, "key 'tokenizer.ggml.eos_token_id' is missing");
            }
        }
        for (String key : SPECIAL_ID_KEYS) {
            String full = "tokenizer.ggml." + key;
            if (file.contains(full)) {
                long id = typed(full, GgufValueType.UINT32).asLong();
                if (id >= n) {
                    throw fail(Problem.BAD_VALUE, "key '" + full + "' is " + id + ", outside the vocabulary of " + n + " tokens");
                }
            }
        }
        for (String key : List.of("tokenizer.ggml.add_bos_token", "tokenizer.ggml.add_eos_token")) {
            if (file.contains(key)) {
                typed(key, GgufValueType.BOOL);
            }
        }
        if (file.contains("tokenizer.chat_template")) {
            typed("tokenizer.chat_template", GgufValueType.STRING);
        }
        return n;
    }

    /** A byte-level BPE vocabulary must hold all 256 byte tokens, or llama.cpp silently drops unknown bytes. */
    private void checkByteLevel(Map<String, Integer> ids) {
        Set<Integer> direct = new HashSet<>();
        for (int c = '!'; c <= '~'; c++) {
            direct.add(c);
        }
        for (int c = 0xA1; c <= 0xAC; c++) {
            direct.add(c);
        }
        for (int c = 0xAE; c <= 0xFF; c++) {
            direct.add(c);
        }
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            int cp = direct.contains(b) ? b : 256 + shifted++;
            String text = Character.toString(cp);
            if (!ids.containsKey(text)) {
                throw fail(Problem.BAD_VALUE, "the gpt2 vocabulary lacks the token '" + text + "' for byte "
                        + String.format("0x%02X", b) + "; text containing that byte could not be tokenized");
            }
        }
    }

    /** Each merge must be "A B" with A, B and AB all in the vocabulary, as Hugging Face's tokenizers demands. */
    private void checkMerges(Map<String, Integer> ids) {
        List<String> merges = stringArray("tokenizer.ggml.merges");
        for (int i = 0; i < merges.size(); i++) {
            String merge = merges.get(i);
            int space = merge.indexOf(' ', 1);
            if (space < 0 || space == merge.length() - 1) {
                throw fail(Problem.BAD_VALUE, "merge #" + i + " '" + merge + "' is not two tokens separated by a space");
            }
            String left = merge.substring(0, space);
            String right = merge.substring(space + 1);
            for (String part : List.of(left, right, left + right)) {
                if (!ids.containsKey(part)) {
                    throw fail(Problem.BAD_VALUE, "merge #" + i + " '" + merge + "' uses or makes '" + part
                            + "', which is not in the vocabulary");
                }
            }
        }
    }

    private void sameLength(String key, GgufValue array, int n) {
        if (array.length() != n) {
            throw fail(Problem.BAD_VALUE, "key '" + key + "' has " + array.length() + " entries but there are "
                    + n + " tokens");
        }
    }

    private List<String> stringArray(String key) {
        return List.of((String[]) typedArray(key, GgufValueType.STRING).value());
    }

    private GgufValue typed(String key, GgufValueType type) {
        GgufValue v = file.get(key);
        if (v.type() != type) {
            throw fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", must be " + type);
        }
        return v;
    }

    private GgufValue typedArray(String key, GgufValueType element) {
        GgufValue v = file.get(key);
        if (!v.isArray() || v.elementType() != element) {
            throw fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", must be ARRAY[" + element + "]");
        }
        return v;
    }

    private GgufException fail(Problem problem, String detail) {
        return file.fail(problem, detail);
    }
}
