package dev.ferret.models;

import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufValue;
import dev.ferret.gguf.GgufWriter;
import dev.ferret.gguf.ModelValidator;
import dev.ferret.gguf.Quantizer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Builds the target half of a <b>synthetic, calibrated</b> speculative-decoding pair from a small trained qwen2
 * model: the small model's function, made many times more expensive, with an agreement set by construction.
 * The small model itself is the draft.
 *
 * <p>Two steps, both exact:
 * <ol>
 *   <li><b>Widening</b> ({@link #width}, optional). The small model is embedded in a residual stream
 *       {@code f = 4^j} times as wide: every weight row of the source is copied block for block (its quantized
 *       bytes unchanged) and padded with zero blocks, rows and heads beyond the source's are zero, and the head
 *       size and the query/key-value grouping stay. The extra dimensions then stay exactly zero through every
 *       layer. RMSNorm divides by the root mean square over the whole width, which the zero dimensions shrink
 *       by {@code sqrt(f)}, a power of two; the norm weights are divided and the epsilon scaled so that every
 *       normalised value is the same float as in the source. The feed-forward width can grow too
 *       ({@link #feedForward}).</li>
 *   <li><b>Extra layers</b> ({@link #extraLayers}). {@code K} blocks appended after the source's, with random
 *       query/key/value/gate/up weights (so they cost what real layers cost) and output projections
 *       ({@code attn_output}, {@code ffn_down}) of zero: they add exactly 0 to the residual stream, and the
 *       target predicts what the small model predicts. {@link #noise} fills those two projections with
 *       uniform noise instead, of standard deviation {@code noise / sqrt(fan_in)} (so {@code noise = 1} is a
 *       projection that keeps its input's size), which perturbs the logits and lowers the share of the
 *       draft's tokens the target accepts.</li>
 * </ol>
 * With noise 0, greedy decoding of the target gives the small model's tokens: the logits are bit for bit the
 * same where llama.cpp computes both with the same kernels (single-token decodes). Verification batches use
 * other kernels and summation orders, so a near-tie can still flip there.
 *
 * <p>The file says what it is: {@code general.name} ends in "(synthetic calibrated target)" and
 * {@code ferret.synthetic.*} keys record the source, width, extra layers, noise and seed. These pairs measure
 * speculative decoding; their text is only as good as the small model's.
 */
public record CalibratedTarget(Path source, int extraLayers, int width, int feedForward, double noise, long seed,
                               GgufType extraType) {
    /**
     * @param extraLayers  blocks appended after the source's
     * @param width        width of the residual stream: the source's times 1, 4, 16 or 64 (0 = the source's)
     * @param feedForward  feed-forward width, at least the source's (0 = the source's, or 4 x the width when widened)
     * @param noise        noise in the extra layers' output projections, as a standard deviation in units of
     *                     {@code 1 / sqrt(fan_in)} (0: exact agreement)
     * @param seed         seed of the extra layers' random weights
     * @param extraType    how the extra layers' 2-D weights are stored (null: the source's {@code attn_q} type)
     */
    public CalibratedTarget {
        Objects.requireNonNull(source, "source");
        if (extraLayers < 0) {
            throw new IllegalArgumentException("extra layers must be >= 0, got " + extraLayers);
        }
        if (width < 0) {
            throw new IllegalArgumentException("width must be >= 0, got " + width);
        }
        if (feedForward < 0) {
            throw new IllegalArgumentException("feed-forward width must be >= 0, got " + feedForward);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        if (extraType != null && !Quantizer.supports(extraType)) {
            throw new IllegalArgumentException("cannot write extra layers as " + extraType);
        }
    }

    /** A target from {@code small}: no extra layers, same width, noise 0, seed 1, extra layers in the source's type. */
    public static CalibratedTarget from(Path small) {
        return new CalibratedTarget(small, 0, 0, 0, 0, 1, null);
    }

    /** Blocks appended after the source's (default 0). */
    public CalibratedTarget extraLayers(int k) {
        return new CalibratedTarget(source, k, width, feedForward, noise, seed, extraType);
    }

    /** Width of the residual stream: the source's times 1, 4, 16 or 64 (0 = the source's). */
    public CalibratedTarget width(int n) {
        return new CalibratedTarget(source, extraLayers, n, feedForward, noise, seed, extraType);
    }

    /** Feed-forward width, at least the source's (0 = the source's, or 4 x the width when widened). */
    public CalibratedTarget feedForward(int n) {
        return new CalibratedTarget(source, extraLayers, width, n, noise, seed, extraType);
    }

    /**
     * Noise in the extra layers' output projections, as a standard deviation in units of
     * {@code 1 / sqrt(fan_in)} (default 0: exact agreement).
     */
    public CalibratedTarget noise(double sigma) {
        return new CalibratedTarget(source, extraLayers, width, feedForward, sigma, seed, extraType);
    }

    /** Seed of the extra layers' random weights (default 1). */
    public CalibratedTarget seed(long s) {
        return new CalibratedTarget(source, extraLayers, width, feedForward, noise, s, extraType);
    }

    /** How the extra layers' 2-D weights are stored (default: the source's {@code attn_q} type). */
    public CalibratedTarget extraLayerType(GgufType type) {
        return new CalibratedTarget(source, extraLayers, width, feedForward, noise, seed, type);
    }

    /** The shape the target will have. */
    public record Plan(int srcWidth, int width, int factor, int srcFf, int ff, int srcLayers, int layers,
                       int headDim, int heads, int headsKv, float rmsEps, GgufType extraType) {
        /** Parameters of one extra block (without norms and biases). */
        public long blockWeights() {
            long kv = (long) headDim * headsKv;
            return (long) width * width * 2 + (long) width * kv * 2 + 3L * width * ff;
        }
    }

    /**
     * Checks the source and the settings and works out the target's shape.
     *
     * @throws GgufException             for a source that is not a valid qwen2 model
     * @throws IllegalArgumentException  for settings the construction cannot make exact
     */
    public Plan plan() {
        GgufFile src = GgufFile.read(source);
        ModelValidator.validate(src);
        return plan(src);
    }

    private Plan plan(GgufFile src) {
        if (!"qwen2".equals(src.architecture())) {
            throw new IllegalArgumentException("the source must be a qwen2 model, not " + src.architecture());
        }
        int srcWidth = src.getInt("qwen2.embedding_length");
        int srcFf = src.getInt("qwen2.feed_forward_length");
        int srcLayers = src.getInt("qwen2.block_count");
        int heads = src.getInt("qwen2.attention.head_count");
        int headsKv = src.getInt("qwen2.attention.head_count_kv", heads);
        float eps = src.getFloat("qwen2.attention.layer_norm_rms_epsilon");
        int w = width == 0 ? srcWidth : width;
        if (w % srcWidth != 0 || !isPowerOfFour(w / srcWidth)) {
            throw new IllegalArgumentException("width " + w + " must be the source's " + srcWidth
                    + " times 1, 4, 16 or 64 (a power of four keeps RMSNorm exact)");
        }
        int f = w / srcWidth;
        if (f > 64) {
            throw new IllegalArgumentException("width " + w + " is more than 64 times the source's " + srcWidth);
        }
        int ff = feedForward == 0 ? (f == 1 ? srcFf : 4 * w) : feedForward;
        if (ff < srcFf) {
            throw new IllegalArgumentException("feed-forward width " + ff + " is below the source's " + srcFf);
        }
        GgufType type = extraType != null ? extraType : src.requireTensor("blk.0.attn_q.weight").type();
        if (!Quantizer.supports(type)) {
            type = GgufType.Q8_0;
        }
        for (GgufTensorInfo t : src.tensors()) {
            if (t.nDims() == 2) {
                long padded = t.ne(0) == srcWidth ? w : t.ne(0) == srcFf ? ff : t.ne(0);
                if (padded % t.type().blockSize() != 0) {
                    throw new IllegalArgumentException("tensor " + t.name() + " (" + t.type() + ") cannot be padded to rows of " + padded
                            + ": not a whole number of " + t.type().blockSize() + "-element blocks");
                }
            }
        }
        if (ff % type.blockSize() != 0 || w % type.blockSize() != 0) {
            throw new IllegalArgumentException("extra layers of type " + type + " need the width " + w + " and the feed-forward width "
                    + ff + " to be multiples of " + type.blockSize());
        }
        if (srcLayers + extraLayers > 512) {
            throw new IllegalArgumentException("llama.cpp takes at most 512 layers, not " + (srcLayers + extraLayers));
        }
        return new Plan(srcWidth, w, f, srcFf, ff, srcLayers, srcLayers + extraLayers, srcWidth / heads,
                heads * f, headsKv * f, eps / f, type);
    }

    private static boolean isPowerOfFour(int x) {
        return x > 0 && (x & (x - 1)) == 0 && Integer.numberOfTrailingZeros(x) % 2 == 0;
    }

    /** Writes the target to {@code out} (atomically) and returns its plan. */
    public Plan write(Path out) {
        GgufFile src = GgufFile.read(source);
        ModelValidator.validate(src);
        Plan p = plan(src);
        // rows depend on their number alone, so they are encoded on all cores; the file is the same byte for byte
        GgufWriter w = new GgufWriter().rowThreads(Runtime.getRuntime().availableProcessors());
        src.metadata().forEach(w::put);
        String name = src.getString("general.name", source.getFileName().toString());
        w.putString("general.name", name + " (synthetic calibrated target)")
                .putUint32("qwen2.embedding_length", p.width())
                .putUint32("qwen2.feed_forward_length", p.ff())
                .putUint32("qwen2.block_count", p.layers())
                .putUint32("qwen2.attention.head_count", p.heads())
                .putUint32("qwen2.attention.head_count_kv", p.headsKv())
                .putFloat32("qwen2.attention.layer_norm_rms_epsilon", p.rmsEps())
                .putBool("ferret.synthetic", true)
                .putString("ferret.synthetic.kind", "calibrated speculative-decoding target")
                .putString("ferret.synthetic.source", source.getFileName().toString())
                .putUint32("ferret.synthetic.source_layers", p.srcLayers())
                .putUint32("ferret.synthetic.source_width", p.srcWidth())
                .putUint32("ferret.synthetic.extra_layers", extraLayers)
                .putFloat32("ferret.synthetic.noise", (float) noise)
                .put("ferret.synthetic.seed", GgufValue.uint64(seed));
        float normScale = 1f / (float) Math.sqrt(p.factor()); // a power of two: exact
        for (GgufTensorInfo t : src.tensors()) {
            long[] dims = wideShape(t, p);
            if (t.nDims() == 1) {
                float[] v = src.readTensorFloats(t);
                float scale = t.name().endsWith("_norm.weight") ? normScale : 1f;
                float[] wide = new float[(int) dims[0]];
                for (int i = 0; i < v.length; i++) {
                    wide[i] = v[i] * scale;
                }
                w.addTensor(t.name(), GgufType.F32, dims, wide);
            } else {
                addPadded(w, src, t, dims);
            }
        }
        for (int i = p.srcLayers(); i < p.layers(); i++) {
            addExtraBlock(w, p, i);
        }
        w.write(out);
        return p;
    }

    /** The shape of a source tensor in the target, from its name (qwen2's tensors). */
    private static long[] wideShape(GgufTensorInfo t, Plan p) {
        String n = t.name();
        long kv = (long) p.headDim() * p.headsKv();
        long srcKv = (long) p.headDim() * (p.headsKv() / p.factor());
        long[] want;
        long[] have;
        if (n.equals("token_embd.weight") || n.equals("output.weight")) {
            have = new long[] {p.srcWidth(), t.ne(1)};
            want = new long[] {p.width(), t.ne(1)};
        } else if (n.endsWith("_norm.weight") || n.endsWith("attn_q.bias")) {
            have = new long[] {p.srcWidth()};
            want = new long[] {p.width()};
        } else if (n.endsWith("attn_k.bias") || n.endsWith("attn_v.bias")) {
            have = new long[] {srcKv};
            want = new long[] {kv};
        } else if (n.endsWith("attn_q.weight") || n.endsWith("attn_output.weight")) {
            have = new long[] {p.srcWidth(), p.srcWidth()};
            want = new long[] {p.width(), p.width()};
        } else if (n.endsWith("attn_k.weight") || n.endsWith("attn_v.weight")) {
            have = new long[] {p.srcWidth(), srcKv};
            want = new long[] {p.width(), kv};
        } else if (n.endsWith("ffn_gate.weight") || n.endsWith("ffn_up.weight")) {
            have = new long[] {p.srcWidth(), p.srcFf()};
            want = new long[] {p.width(), p.ff()};
        } else if (n.endsWith("ffn_down.weight")) {
            have = new long[] {p.srcFf(), p.srcWidth()};
            want = new long[] {p.ff(), p.width()};
        } else {
            throw new IllegalArgumentException("tensor " + n + " is not one of qwen2's; cannot widen it");
        }
        if (!t.hasShape(have)) {
            throw new IllegalArgumentException("tensor " + n + " has shape " + t.shape() + ", expected " + java.util.Arrays.toString(have));
        }
        return want;
    }

    /**
     * A 2-D source tensor in the wide shape: each source row keeps its encoded blocks, followed by zero blocks;
     * rows past the source's are zero.
     */
    private static void addPadded(GgufWriter w, GgufFile src, GgufTensorInfo t, long[] dims) {
        long rows = t.ne(1);
        ByteBuffer data = src.readTensorBytes(t);
        int srcRowBytes = (int) t.type().bytesFor(t.ne(0));
        w.addEncodedTensor(t.name(), t.type(), dims, (row, encoded) -> {
            if (row < rows) {
                data.get((int) (row * srcRowBytes), encoded, 0, srcRowBytes);
            }
        });
    }

    private void addExtraBlock(GgufWriter w, Plan p, int layer) {
        String b = "blk." + layer + ".";
        int e = p.width();
        int kv = p.headDim() * p.headsKv();
        w.addTensor(b + "attn_norm.weight", GgufType.F32, new long[] {e}, ones(e));
        random(w, b + "attn_q.weight", p.extraType(), e, e, 1 / Math.sqrt(e));
        bias(w, b + "attn_q.bias", e);
        random(w, b + "attn_k.weight", p.extraType(), e, kv, 1 / Math.sqrt(e));
        bias(w, b + "attn_k.bias", kv);
        random(w, b + "attn_v.weight", p.extraType(), e, kv, 1 / Math.sqrt(e));
        bias(w, b + "attn_v.bias", kv);
        random(w, b + "attn_output.weight", p.extraType(), e, e, noise / Math.sqrt(e));
        w.addTensor(b + "ffn_norm.weight", GgufType.F32, new long[] {e}, ones(e));
        random(w, b + "ffn_gate.weight", p.extraType(), e, p.ff(), 1 / Math.sqrt(e));
        random(w, b + "ffn_up.weight", p.extraType(), e, p.ff(), 1 / Math.sqrt(e));
        random(w, b + "ffn_down.weight", p.extraType(), p.ff(), e, noise / Math.sqrt(p.ff()));
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    /** Uniform values of standard deviation {@code std} (all zero for 0), one random stream per row. */
    private void random(GgufWriter w, String name, GgufType type, int rowLength, int rows, double std) {
        long stream = new SplittableRandom(seed ^ ((long) name.hashCode() * 0xC2B2_AE3D_27D4_EB4FL)).nextLong();
        double bound = std * Math.sqrt(3);
        w.addTensor(name, type, new long[] {rowLength, rows}, (row, values) -> {
            if (bound == 0) {
                return;
            }
            SplittableRandom rng = new SplittableRandom(stream + row * 0x9E37_79B9_7F4A_7C15L);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
        });
    }

    private void bias(GgufWriter w, String name, int n) {
        SplittableRandom rng = new SplittableRandom(seed ^ name.hashCode());
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * 0.05);
        }
        w.addTensor(name, GgufType.F32, new long[] {n}, v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CalibratedTarget[%s, width %d, ff %d, +%d layers, noise %g, seed %d]",
                source.getFileName(), width, feedForward, extraLayers, noise, seed);
    }
}
