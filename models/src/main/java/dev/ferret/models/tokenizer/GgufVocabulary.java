package dev.ferret.models.tokenizer;

import dev.ferret.gguf.GgufWriter;
import java.util.Objects;

/**
 * Everything a generated model stores under {@code tokenizer.ggml.*}: the byte-level BPE vocabulary (tokens, token
 * types, merges), the pre-tokenizer llama.cpp should split with, and the special-token ids.
 *
 * @param tokenizer    tokens, types and merges
 * @param preTokenizer {@code tokenizer.ggml.pre}, e.g. {@code qwen2}
 * @param eosId        end of sequence; llama.cpp also ends generation on it
 * @param padId        padding
 * @param bosId        beginning of sequence (stored even when it is not added, as llama.cpp's converter does)
 * @param addBos       {@code tokenizer.ggml.add_bos_token}
 */
public record GgufVocabulary(BpeTokenizer tokenizer, String preTokenizer, int eosId, int padId, int bosId, boolean addBos) {
    public GgufVocabulary {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(preTokenizer, "preTokenizer");
        for (int id : new int[] {eosId, padId, bosId}) {
            if (id < 0 || id >= tokenizer.vocabSize()) {
                throw new IllegalArgumentException("special token id " + id + " is outside the vocabulary of "
                        + tokenizer.vocabSize());
            }
        }
    }

    /**
     * One of Ferret's own vocabularies: ChatML specials as Qwen2.5-Instruct uses them ({@code <|im_end|>} ends
     * a turn and is EOS, {@code <|endoftext|>} pads and is BOS, no BOS added), split like Qwen2.
     */
    public static GgufVocabulary chatMl(BpeTokenizer tokenizer) {
        return new GgufVocabulary(tokenizer, "qwen2", tokenizer.specialId(SpecialTokens.IM_END),
                tokenizer.specialId(SpecialTokens.ENDOFTEXT), tokenizer.specialId(SpecialTokens.ENDOFTEXT), false);
    }

    public int size() {
        return tokenizer.vocabSize();
    }

    /** Writes the {@code tokenizer.ggml.*} keys, in the order llama.cpp's converter writes them. */
    public void putInto(GgufWriter w) {
        w.putString("tokenizer.ggml.model", "gpt2")
                .putString("tokenizer.ggml.pre", preTokenizer)
                .putStringArray("tokenizer.ggml.tokens", tokenizer.tokens())
                .putInt32Array("tokenizer.ggml.token_type", tokenizer.tokenTypes())
                .putStringArray("tokenizer.ggml.merges", tokenizer.merges())
                .putUint32("tokenizer.ggml.eos_token_id", eosId)
                .putUint32("tokenizer.ggml.padding_token_id", padId)
                .putUint32("tokenizer.ggml.bos_token_id", bosId)
                .putBool("tokenizer.ggml.add_bos_token", addBos);
    }
}
