package dev.ferret.models;

import java.util.List;

/**
 * The dimensions of a qwen2 model to generate. Names follow the GGUF keys they become
 * ({@code qwen2.embedding_length} = {@link #nEmbd}, {@code qwen2.block_count} = {@link #nLayer}, ...).
 *
 * <p>{@link #vocabSize} is the embedding's row count: the size of the tokenizer the generator trains for the model
 * (see {@link dev.ferret.models.tokenizer.BpeTrainer#defaultTokenizer}), or, for the presets shaped like real
 * Qwen2.5-Coder models, the real vocabulary padded as in the real model.
 *
 * @param name          a short name for files and {@code general.name}
 * @param vocabSize     tokens, including the 256 byte tokens and the 5 special tokens
 * @param nEmbd         width of the residual stream
 * @param nLayer        transformer blocks
 * @param nHead         query heads
 * @param nHeadKv       key/value heads (grouped-query attention when fewer than {@code nHead})
 * @param nFf           width of the feed-forward layer
 * @param contextLength {@code qwen2.context_length}
 * @param ropeFreqBase  {@code qwen2.rope.freq_base}
 * @param rmsEps        {@code qwen2.attention.layer_norm_rms_epsilon}
 * @param tiedEmbeddings whether the output projection is the token embedding (no {@code output.weight}), as in
 *                      Qwen2.5 up to 3B; the 7B has its own {@code output.weight}
 */
public record ModelSpec(String name, int vocabSize, int nEmbd, int nLayer, int nHead, int nHeadKv, int nFf,
                        int contextLength, float ropeFreqBase, float rmsEps, boolean tiedEmbeddings) {
    /** Qwen2's rope base and norm epsilon, used by every preset. */
    public static final float ROPE_FREQ_BASE = 1_000_000f;
    public static final float RMS_EPS = 1e-6f;
    /** 256 byte tokens and the 5 special tokens. */
    public static final int MIN_VOCAB = 261;

    /** A spec with tied embeddings. */
    public ModelSpec(String name, int vocabSize, int nEmbd, int nLayer, int nHead, int nHeadKv, int nFf,
                     int contextLength, float ropeFreqBase, float rmsEps) {
        this(name, vocabSize, nEmbd, nLayer, nHead, nHeadKv, nFf, contextLength, ropeFreqBase, rmsEps, true);
    }

    public ModelSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model needs a name");
        }
        if (vocabSize < MIN_VOCAB) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " cannot hold the byte and special tokens (" + MIN_VOCAB + ")");
        }
        if (nEmbd <= 0 || nLayer <= 0 || nHead <= 0 || nHeadKv <= 0 || nFf <= 0 || contextLength <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + this);
        }
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("nHead " + nHead + " does not divide nEmbd " + nEmbd);
        }
        if (nHead % nHeadKv != 0) {
            throw new IllegalArgumentException("nHeadKv " + nHeadKv + " does not divide nHead " + nHead);
        }
        if ((nEmbd / nHead) % 2 != 0) {
            throw new IllegalArgumentException("the head size " + nEmbd / nHead + " must be even for rope");
        }
        if (!(ropeFreqBase > 0) || !(rmsEps > 0 && rmsEps < 1)) {
            throw new IllegalArgumentException("bad rope base or norm epsilon: " + this);
        }
    }

    /** 64 wide, 2 layers: generates in milliseconds, decodes in a blink; for unit tests. */
    public static ModelSpec tiny() {
        return new ModelSpec("tiny", 512, 64, 2, 4, 2, 128, 1024, ROPE_FREQ_BASE, RMS_EPS);
    }

    /** 256 wide, 4 layers: big enough for quantized block types to matter. */
    public static ModelSpec small() {
        return new ModelSpec("small", 1024, 256, 4, 8, 2, 768, 2048, ROPE_FREQ_BASE, RMS_EPS);
    }

    /** The layer sizes of Qwen2.5-0.5B (896 wide, 24 layers, 14/2 heads, 4864 ff) with a small vocabulary. */
    public static ModelSpec qwen05b() {
        return new ModelSpec("qwen05b", 2048, 896, 24, 14, 2, 4864, 4096, ROPE_FREQ_BASE, RMS_EPS);
    }

    /**
     * Qwen2.5-Coder-7B-Instruct's shape (its {@code config.json}): 28 layers, 3,584 wide, 28 query and 4 key/value
     * heads, FFN 18,944, 32,768 context, rope base 1e6, RMS epsilon 1e-6, its own {@code output.weight}, and an
     * embedding of 152,064 rows: Qwen2.5's 151,665 tokens padded. Needs the real tokenizer
     * ({@link dev.ferret.models.tokenizer.TokenizerJson}).
     */
    public static ModelSpec qwen25Coder7b() {
        return new ModelSpec("qwen25-coder-7b", 152_064, 3584, 28, 28, 4, 18_944, 32_768, ROPE_FREQ_BASE, RMS_EPS, false);
    }

    /**
     * Qwen2.5-Coder-0.5B-Instruct's shape, the usual draft for the 7B: 24 layers, 896 wide, 14/2 heads, FFN 4,864,
     * 32,768 context, tied embeddings, 151,936 rows (the same tokens as the 7B, padded less: llama.cpp lets a draft's
     * vocabulary differ in size by up to 128).
     */
    public static ModelSpec qwen25Coder05b() {
        return new ModelSpec("qwen25-coder-0.5b", 151_936, 896, 24, 14, 2, 4864, 32_768, ROPE_FREQ_BASE, RMS_EPS, true);
    }

    /** The presets by name. */
    public static List<ModelSpec> presets() {
        return List.of(tiny(), small(), qwen05b(), qwen25Coder7b(), qwen25Coder05b());
    }

    /** The preset called {@code name} ({@code tiny}, {@code small}, {@code qwen05b}, {@code qwen25-coder-7b}, {@code qwen25-coder-0.5b}). */
    public static ModelSpec preset(String name) {
        return presets().stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset '" + name + "'; presets are "
                        + String.join(", ", presets().stream().map(ModelSpec::name).toList())));
    }

    public ModelSpec withVocabSize(int vocab) {
        return new ModelSpec(name, vocab, nEmbd, nLayer, nHead, nHeadKv, nFf, contextLength, ropeFreqBase, rmsEps, tiedEmbeddings);
    }

    public ModelSpec withName(String newName) {
        return new ModelSpec(newName, vocabSize, nEmbd, nLayer, nHead, nHeadKv, nFf, contextLength, ropeFreqBase, rmsEps, tiedEmbeddings);
    }

    public int headDim() {
        return nEmbd / nHead;
    }

    /** Width of the key and value projections: {@code n_embd / n_head * n_head_kv}. */
    public int nEmbdKv() {
        return headDim() * nHeadKv;
    }

    /** Parameters of the model, counting the output matrix only when it is not tied to the embedding. */
    public long parameterCount(boolean separateOutput) {
        long perLayer = 2L * nEmbd                                   // attn_norm, ffn_norm
                + (long) nEmbd * nEmbd * 2 + (long) nEmbd * nEmbdKv() * 2 // q, output; k, v
                + nEmbd + 2L * nEmbdKv()                              // biases
                + 3L * nEmbd * nFf;                                   // gate, up, down
        long embedding = (long) vocabSize * nEmbd;
        return embedding * (separateOutput ? 2 : 1) + nEmbd + nLayer * perLayer;
    }
}
