package dev.ferret.models;

import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import dev.ferret.models.tokenizer.GgufVocabulary;
import dev.ferret.models.tokenizer.TokenizerJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes a qwen2 GGUF model of a {@link ModelSpec} with seeded random weights and a byte-level BPE tokenizer
 * (Ferret's own, trained for the spec, or a real one imported from a Hugging Face {@code tokenizer.json}): a real
 * file for llama.cpp to load, decode and sample from, without downloading a model.
 *
 * {@snippet :
 * Path file = new ModelGenerator(ModelSpec.tiny()).seed(7).weightType(GgufType.Q8_0).write(dir.resolve("tiny.gguf"));
 * // shaped like Qwen2.5-Coder-7B-Instruct Q4_K_M, with its real vocabulary
 * new ModelGenerator(ModelSpec.qwen25Coder7b())
 *         .importTokenizer(TokenizerJson.read(Path.of("tokenizer.json")).qwen25())
 *         .weights(WeightMix.q4KM()).threads(Runtime.getRuntime().availableProcessors())
 *         .write(Path.of("qwen25-coder-7b-shape-q4_k_m.gguf"));
 * }
 *
 * <p>The same spec, seed and options give the same file byte for byte. Each tensor draws from its own random
 * stream (seeded by the seed, the tensor name and the row), so changing one option does not reshuffle the rest.
 *
 * <p>Weights are scaled so the model is not degenerate: projections keep activations near unit size, the
 * feed-forward outputs outweigh the embedding in the residual stream so that, with tied embeddings, the current
 * token's own logit does not win every step, and the final norm spreads the logits over a few units. Greedy
 * decoding then moves from token to token instead of repeating one (checked through llama.cpp for the presets).
 *
 * <p>Norms and biases are F32. 2-D weights take the types of the {@link WeightMix} (one type, or llama.cpp's
 * Q4_K_M mix); a tensor whose rows are not a whole number of a type's blocks falls back as llama.cpp's quantizer
 * falls back for such tensors. Weights are streamed to the file row by row ({@link #threads} fill and quantize
 * them in parallel), so a 7B-sized model is written with a small heap.
 */
public final class ModelGenerator {
    /**
     * Ferret's own chat template ({@code chat_template.jinja}): ChatML with tool calls in Qwen2.5's layout, rendering
     * the same bytes as the engine's Java {@code ChatTemplate}; stored as {@code tokenizer.chat_template}.
     */
    public static final String CHAT_TEMPLATE = loadTemplate();

    /*
     * Scales, as standard deviations of the values (drawn uniformly). With tied embeddings the logits are
     * E . norm(h), and the current token's own embedding inside h scores |e|^2 for itself: to keep that from
     * winning every step, the blocks' contributions to h must outweigh e by about sqrt(n_embd). The embedding
     * still matters where it is needed, at the input of the first block, whose feed-forward layer turns it into
     * a large token-dependent vector; attention mixes in the context so the sequence does not settle.
     */
    private static final double EMBEDDING_STD = 1.0;
    private static final double FFN_OUT_GAIN = 1.5;
    private static final double LOGIT_STD = 3.0;
    private static final double BIAS_STD = 0.05;
    private static final double NORM_JITTER = 0.1;

    private final ModelSpec spec;
    private final long seed;
    private final WeightMix weights;
    private final boolean separateOutput;
    private final GgufVocabulary vocabulary;
    private final String chatTemplate;
    private final int threads;

    /** A generator for {@code spec}: F32 weights, output tied to the embedding unless the spec says otherwise. */
    public ModelGenerator(ModelSpec spec) {
        this(spec, 42, WeightMix.uniform(GgufType.F32), !spec.tiedEmbeddings(), null, CHAT_TEMPLATE, 1);
    }

    private ModelGenerator(ModelSpec spec, long seed, WeightMix weights, boolean separateOutput, GgufVocabulary vocabulary,
                           String chatTemplate, int threads) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.seed = seed;
        this.weights = Objects.requireNonNull(weights, "weights");
        this.separateOutput = separateOutput;
        this.vocabulary = vocabulary;
        this.chatTemplate = chatTemplate;
        this.threads = threads;
    }

    /** The seed of every random weight (default 42). */
    public ModelGenerator seed(long newSeed) {
        return new ModelGenerator(spec, newSeed, weights, separateOutput, vocabulary, chatTemplate, threads);
    }

    /** Stores every 2-D weight as {@code type}: F32 (default), F16, BF16, Q8_0, Q5_0, Q4_0, Q4_K or Q6_K. */
    public ModelGenerator weightType(GgufType type) {
        return weights(WeightMix.uniform(type));
    }

    /** Stores the 2-D weights as {@code mix} says, e.g. {@link WeightMix#q4KM()}. */
    public ModelGenerator weights(WeightMix mix) {
        return new ModelGenerator(spec, seed, mix, separateOutput, vocabulary, chatTemplate, threads);
    }

    /** Writes a separate {@code output.weight} instead of tying the output to {@code token_embd} (default: the spec's). */
    public ModelGenerator separateOutput(boolean separate) {
        ModelSpec s = new ModelSpec(spec.name(), spec.vocabSize(), spec.nEmbd(), spec.nLayer(), spec.nHead(),
                spec.nHeadKv(), spec.nFf(), spec.contextLength(), spec.ropeFreqBase(), spec.rmsEps(), !separate);
        return new ModelGenerator(s, seed, weights, separate, vocabulary, chatTemplate, threads);
    }

    /** Uses this tokenizer instead of the default one trained for {@code spec.vocabSize()}; its size wins. */
    public ModelGenerator tokenizer(BpeTokenizer tok) {
        return vocabulary(GgufVocabulary.chatMl(tok));
    }

    /** Uses this vocabulary (tokens, merges, special ids); its size becomes the embedding's row count. */
    public ModelGenerator vocabulary(GgufVocabulary vocab) {
        return new ModelGenerator(spec.withVocabSize(vocab.size()), seed, weights, separateOutput, vocab, chatTemplate, threads);
    }

    /**
     * Uses a Hugging Face tokenizer, padded with unused tokens to the spec's vocabulary size when that is larger (as
     * llama.cpp's converter pads to the embedding's rows); otherwise the tokenizer's size becomes the spec's.
     */
    public ModelGenerator importTokenizer(TokenizerJson tokenizerJson) {
        return vocabulary(tokenizerJson.toVocabulary(Math.max(spec.vocabSize(), tokenizerJson.size())));
    }

    /** Stores this Jinja text as {@code tokenizer.chat_template} (default: Ferret's ChatML with tools); null for none. */
    public ModelGenerator chatTemplate(String template) {
        return new ModelGenerator(spec, seed, weights, separateOutput, vocabulary, template, threads);
    }

    /** Fills and quantizes weights on this many threads (default 1); the file does not depend on it. */
    public ModelGenerator threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + n);
        }
        return new ModelGenerator(spec, seed, weights, separateOutput, vocabulary, chatTemplate, n);
    }

    public ModelSpec spec() {
        return spec;
    }

    public WeightMix weights() {
        return weights;
    }

    /** The tokenizer the model gets: the one given, or the default trained for the spec's vocabulary size. */
    public BpeTokenizer tokenizer() {
        return vocab().tokenizer();
    }

    /** The vocabulary the model gets: the one given, or Ferret's own trained for the spec's vocabulary size. */
    public GgufVocabulary vocab() {
        if (vocabulary != null) {
            return vocabulary;
        }
        if (spec.vocabSize() > MAX_TRAINED_VOCAB) {
            throw new IllegalStateException("preset " + spec.name() + " has " + spec.vocabSize() + " tokens, more than "
                    + "Ferret's own corpus can train; give it the real tokenizer (importTokenizer, or "
                    + "`ferret model create --tokenizer tokenizer.json`)");
        }
        BpeTokenizer trained = BpeTrainer.defaultTokenizer(spec.vocabSize());
        if (trained.vocabSize() != spec.vocabSize()) {
            throw new IllegalStateException("the default corpus only yields " + trained.vocabSize()
                    + " tokens, not " + spec.vocabSize());
        }
        return GgufVocabulary.chatMl(trained);
    }

    /** Ferret's bundled corpus yields far fewer tokens than this; larger vocabularies must be imported. */
    private static final int MAX_TRAINED_VOCAB = 65_536;

    /** The type a 2-D weight with rows of {@code rowLength} gets when {@code wanted} is asked for. */
    public static GgufType typeFor(GgufType wanted, long rowLength) {
        return WeightMix.uniform(wanted).typeOf("", null, rowLength);
    }

    /** Writes the model to {@code target} (atomically) and returns {@code target}. */
    public Path write(Path target) {
        GgufVocabulary vocab = vocab();
        GgufWriter w = new GgufWriter().rowThreads(threads);
        putQwen2Metadata(w, spec, vocab, weights, chatTemplate);
        int v = spec.vocabSize();
        int e = spec.nEmbd();
        int kv = spec.nEmbdKv();
        int ff = spec.nFf();
        weight(w, "token_embd.weight", e, v, EMBEDDING_STD);
        // the final norm sets the spread of the logits: about LOGIT_STD
        norm(w, "output_norm.weight", e, LOGIT_STD / (Math.sqrt(e) * EMBEDDING_STD));
        if (separateOutput) {
            weight(w, "output.weight", e, v, EMBEDDING_STD);
        }
        // SiLU(gate) * up has a standard deviation of about 0.5 for unit inputs; ffn_down scales it up to
        // FFN_OUT_GAIN * sqrt(n_embd) times the embedding
        double ffnDown = FFN_OUT_GAIN * Math.sqrt(e) * EMBEDDING_STD / 0.5 / Math.sqrt(ff);
        for (int i = 0; i < spec.nLayer(); i++) {
            String b = "blk." + i + ".";
            norm(w, b + "attn_norm.weight", e, 1);
            weight(w, b + "attn_q.weight", e, e, unit(e));
            bias(w, b + "attn_q.bias", e);
            weight(w, b + "attn_k.weight", e, kv, unit(e));
            bias(w, b + "attn_k.bias", kv);
            weight(w, b + "attn_v.weight", e, kv, unit(e));
            bias(w, b + "attn_v.bias", kv);
            weight(w, b + "attn_output.weight", e, e, unit(e));
            norm(w, b + "ffn_norm.weight", e, 1);
            weight(w, b + "ffn_gate.weight", e, ff, unit(e));
            weight(w, b + "ffn_up.weight", e, ff, unit(e));
            weight(w, b + "ffn_down.weight", ff, e, ffnDown);
        }
        w.write(target);
        return target;
    }

    /**
     * Writes the metadata of a qwen2 model with our tokenizer: architecture keys from the spec, the BPE vocabulary
     * and merges, ChatML special-token ids and the chat template. Shared by this generator and the trainer's
     * checkpoint exporter, so both write the same kind of file.
     */
    public static void putQwen2Metadata(GgufWriter w, ModelSpec spec, BpeTokenizer tok, GgufType weightType) {
        putQwen2Metadata(w, spec, GgufVocabulary.chatMl(tok), WeightMix.uniform(weightType), CHAT_TEMPLATE);
    }

    /**
     * Writes the metadata of a qwen2 model: architecture keys from the spec, {@code general.file_type} from the
     * weight mix, the vocabulary's {@code tokenizer.ggml.*} keys and, unless null, the chat template.
     */
    public static void putQwen2Metadata(GgufWriter w, ModelSpec spec, GgufVocabulary vocab, WeightMix weights,
                                        String chatTemplate) {
        String arch = "qwen2";
        w.putString("general.architecture", arch)
                .putString("general.type", "model")
                .putString("general.name", "ferret-" + spec.name())
                .putUint32("general.alignment", 32)
                .putUint32("general.file_type", weights.fileType());
        if (weights.quantized()) {
            w.putUint32("general.quantization_version", 2);
        }
        w.putUint32(arch + ".context_length", spec.contextLength())
                .putUint32(arch + ".embedding_length", spec.nEmbd())
                .putUint32(arch + ".block_count", spec.nLayer())
                .putUint32(arch + ".feed_forward_length", spec.nFf())
                .putUint32(arch + ".attention.head_count", spec.nHead())
                .putUint32(arch + ".attention.head_count_kv", spec.nHeadKv())
                .putFloat32(arch + ".rope.freq_base", spec.ropeFreqBase())
                .putFloat32(arch + ".attention.layer_norm_rms_epsilon", spec.rmsEps());
        vocab.putInto(w);
        if (chatTemplate != null) {
            w.putString("tokenizer.chat_template", chatTemplate);
        }
    }

    /** {@code general.file_type}: llama.cpp's {@code llama_ftype} for a model that is mostly {@code type}. */
    public static int fileType(GgufType type) {
        return WeightMix.uniform(type).fileType();
    }

    /** The standard deviation that keeps activations at their size through a projection from {@code fanIn}. */
    private static double unit(int fanIn) {
        return 1 / Math.sqrt(fanIn);
    }

    /** A uniform distribution of standard deviation {@code std} spans +-sqrt(3) std. */
    private void weight(GgufWriter w, String name, int rowLength, int rows, double std) {
        long stream = stream(name);
        double bound = std * Math.sqrt(3);
        w.addTensor(name, weights.typeOf(name, spec, rowLength), new long[] {rowLength, rows}, (row, values) -> {
            SplittableRandom rng = new SplittableRandom(stream + row * 0x9E37_79B9_7F4A_7C15L);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
        });
    }

    private void norm(GgufWriter w, String name, int n, double gain) {
        SplittableRandom rng = new SplittableRandom(stream(name));
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (gain * (1 + (rng.nextDouble() * 2 - 1) * NORM_JITTER));
        }
        w.addTensor(name, GgufType.F32, new long[] {n}, values);
    }

    private void bias(GgufWriter w, String name, int n) {
        SplittableRandom rng = new SplittableRandom(stream(name));
        float[] values = new float[n];
        double bound = BIAS_STD * Math.sqrt(3);
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        w.addTensor(name, GgufType.F32, new long[] {n}, values);
    }

    /** A per-tensor seed: String.hashCode is specified, so files do not change between JVMs. */
    private long stream(String name) {
        return new SplittableRandom(seed ^ ((long) name.hashCode() * 0xC2B2_AE3D_27D4_EB4FL)).nextLong();
    }

    private static String loadTemplate() {
        try (InputStream in = ModelGenerator.class.getResourceAsStream("chat_template.jinja")) {
            if (in == null) {
                throw new IllegalStateException("resource chat_template.jinja is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
