package dev.ferret.models;

import dev.ferret.gguf.AdapterValidator;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes a GGUF LoRA adapter with seeded random matrices for a given base model, in the form llama.cpp b4916
 * loads: for each adapted base tensor W of shape [n_in, n_out], {@code W.lora_a} [n_in, r] and
 * {@code W.lora_b} [r, n_out] (for {@code token_embd.weight}, flipped: [r, n_vocab] and [r, n_embd]); keys
 * {@code general.type = adapter}, {@code adapter.type = lora}, {@code adapter.lora.alpha}, the base's
 * {@code general.architecture}, and the base's {@link BaseFingerprint} under {@link BaseFingerprint#KEY}. Both
 * matrices are non-zero, so applying the adapter really changes the logits. A base whose targets llama.cpp cannot
 * adapt (Q4_0, see {@link AdapterValidator#unadaptable}) is refused.
 *
 * {@snippet :
 * GgufFile base = GgufFile.readModel(model);
 * new AdapterGenerator(base).rank(8).alpha(16).write(dir.resolve("lora.gguf"));
 * }
 *
 * <p>For tests of refusal, {@link #skewDimensions} writes matrices that do not fit the base and
 * {@link #architecture} claims another architecture.
 */
public final class AdapterGenerator {
    /** Base tensors adapted unless told otherwise: the attention projections of every block. */
    public static final List<String> DEFAULT_TARGETS = List.of("attn_q", "attn_k", "attn_v", "attn_output");

    private final GgufFile base;
    private final int rank;
    private final float alpha;
    private final long seed;
    private final List<String> targets;
    private final GgufType type;
    private final int skew;
    private final String architecture;

    public AdapterGenerator(GgufFile base) {
        this(base, 8, 16f, 7, DEFAULT_TARGETS, GgufType.F32, 0, null);
    }

    private AdapterGenerator(GgufFile base, int rank, float alpha, long seed, List<String> targets, GgufType type,
                             int skew, String architecture) {
        this.base = Objects.requireNonNull(base, "base");
        this.rank = rank;
        this.alpha = alpha;
        this.seed = seed;
        this.targets = List.copyOf(targets);
        this.type = type;
        this.skew = skew;
        this.architecture = architecture;
    }

    /** The rank r of every pair (default 8). */
    public AdapterGenerator rank(int r) {
        if (r <= 0) {
            throw new IllegalArgumentException("rank must be positive");
        }
        return new AdapterGenerator(base, r, alpha, seed, targets, type, skew, architecture);
    }

    /** {@code adapter.lora.alpha}; llama.cpp scales the update by alpha / r (default 16). */
    public AdapterGenerator alpha(float a) {
        return new AdapterGenerator(base, rank, a, seed, targets, type, skew, architecture);
    }

    public AdapterGenerator seed(long s) {
        return new AdapterGenerator(base, rank, alpha, s, targets, type, skew, architecture);
    }

    /**
     * Which base tensors to adapt, by kind: {@code attn_q} adapts {@code blk.N.attn_q.weight} of every block,
     * {@code token_embd} adapts {@code token_embd.weight} (only for a base with a separate {@code output.weight}).
     * Default {@link #DEFAULT_TARGETS}.
     */
    public AdapterGenerator targets(List<String> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("an adapter needs at least one target");
        }
        return new AdapterGenerator(base, rank, alpha, seed, kinds, type, skew, architecture);
    }

    /** F32 (default) or F16 matrices. */
    public AdapterGenerator type(GgufType t) {
        if (t != GgufType.F32 && t != GgufType.F16) {
            throw new IllegalArgumentException("adapters are written as F32 or F16, not " + t);
        }
        return new AdapterGenerator(base, rank, alpha, seed, targets, t, skew, architecture);
    }

    /** Adds {@code extra} to every lora_a's input size, so the adapter no longer fits the base (for tests). */
    public AdapterGenerator skewDimensions(int extra) {
        return new AdapterGenerator(base, rank, alpha, seed, targets, type, extra, architecture);
    }

    /** Claims another {@code general.architecture} than the base's (for tests). */
    public AdapterGenerator architecture(String arch) {
        return new AdapterGenerator(base, rank, alpha, seed, targets, type, skew, arch);
    }

    /** The base tensors the adapter will change, in file order. */
    public List<GgufTensorInfo> targetTensors() {
        List<GgufTensorInfo> out = new ArrayList<>();
        for (GgufTensorInfo t : base.tensors()) {
            for (String kind : targets) {
                Pattern p = Pattern.compile("(blk\\.\\d+\\.)?" + Pattern.quote(kind) + "\\.weight");
                if (p.matcher(t.name()).matches() && t.nDims() == 2) {
                    out.add(t);
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the base model has no 2-D tensor of the kinds " + targets);
        }
        for (GgufTensorInfo t : out) {
            String why = AdapterValidator.unadaptable(t);
            if (why != null) {
                throw new IllegalArgumentException("cannot write an adapter for " + base.path().getFileName() + ": " + why);
            }
        }
        if (base.tensor("output.weight").isEmpty() && out.stream().anyMatch(t -> t.name().equals("token_embd.weight"))) {
            throw new IllegalArgumentException("the base model ties its output to token_embd.weight; llama.cpp b4916 "
                    + "would apply an embedding adapter to the output projection too and abort");
        }
        return out;
    }

    /** Writes the adapter (atomically) and returns {@code target}. */
    public Path write(Path target) {
        GgufWriter w = new GgufWriter()
                .putString("general.architecture", architecture != null ? architecture : base.architecture())
                .putString("general.type", "adapter")
                .putString("general.name", "ferret-lora-r" + rank)
                .putString("adapter.type", "lora")
                .putFloat32("adapter.lora.alpha", alpha)
                .putString(BaseFingerprint.KEY, BaseFingerprint.of(base));
        for (GgufTensorInfo t : targetTensors()) {
            long nIn = t.ne(0) + skew;
            long nOut = t.ne(1);
            boolean embedding = t.name().endsWith("token_embd.weight");
            // the embedding's update is looked up by row of A, so A is [r, n_vocab] and B is [r, n_embd]
            long[] aDims = embedding ? new long[] {rank, nOut} : new long[] {nIn, rank};
            long[] bDims = embedding ? new long[] {rank, nIn} : new long[] {rank, nOut};
            // A keeps activations at their size; B makes the update about half the size of W x
            double aStd = embedding ? 1 : 1 / Math.sqrt(nIn);
            double bStd = 0.5 * Math.sqrt(rank) / alpha;
            matrix(w, t.name() + ".lora_a", aDims, aStd);
            matrix(w, t.name() + ".lora_b", bDims, bStd);
        }
        w.write(target);
        return target;
    }

    private void matrix(GgufWriter w, String name, long[] dims, double std) {
        long stream = new SplittableRandom(seed ^ ((long) name.hashCode() * 0xC2B2_AE3D_27D4_EB4FL)).nextLong();
        double bound = std * Math.sqrt(3);
        w.addTensor(name, type, dims, (row, values) -> {
            SplittableRandom rng = new SplittableRandom(stream + row * 0x9E37_79B9_7F4A_7C15L);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
        });
    }
}
