package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that a GGUF LoRA adapter fits a base model, with the rules llama.cpp b4916 applies when it loads one
 * (src/llama-adapter.cpp), so the user hears which tensor is wrong instead of a NULL from the native loader.
 * A few of its checks would not even fail cleanly there: a {@code general.type} or {@code adapter.lora.alpha} of
 * the wrong GGUF type aborts the process.
 *
 * <p>Tensors come in pairs named after the base tensor they change, {@code <base>.lora_a} and {@code <base>.lora_b}.
 * For a base tensor of shape [n_in, n_out], lora_a is [n_in, r] and lora_b is [r, n_out]; for the token embedding
 * the two are flipped (lora_a [r, n_vocab], lora_b [r, n_embd]) because it is applied by row lookup. Tensors named
 * {@code *_norm.weight} are accepted and ignored, as llama.cpp does. An adapter of the token embedding is refused
 * for a base with tied embeddings (no {@code output.weight}): b4916 would also apply it to the output projection,
 * where the flipped shapes fail an assertion that aborts the process.
 */
public final class AdapterValidator {
    private AdapterValidator() {
    }

    /**
     * Why llama.cpp b4916 cannot take a LoRA on base tensor {@code target}, or null when it can. The bundled
     * library repacks Q4_0 weights for its AVX2/NEON kernels and aborts the process when it loads a LoRA for
     * such a tensor (the adapter's matrices land in the repacking buffer). Q8_0, Q4_K or F16 bases work.
     * One rule for writing adapters ({@code AdapterGenerator}) and loading them ({@code Model.loadAdapter}).
     */
    public static String unadaptable(GgufTensorInfo target) {
        if (target.type() == GgufType.Q4_0) {
            return target.name() + " is a Q4_0 tensor: llama.cpp b4916 aborts when a LoRA targets a Q4_0 weight it"
                    + " repacks for the CPU. Use a Q8_0, Q4_K (e.g. Q4_K_M) or F16 base for adapters";
        }
        return null;
    }

    /**
     * @throws GgufException {@link Problem#INCOMPATIBLE_ADAPTER} for keys and names that do not match the base,
     *     {@link Problem#SHAPE_MISMATCH} for tensors of the wrong shape, naming the tensor
     */
    public static void validate(GgufFile base, GgufFile adapter) {
        String kind = ModelValidator.string(adapter, "general.type");
        if (!kind.equals("adapter")) {
            throw incompatible(adapter, "general.type is '" + kind + "', not 'adapter'");
        }
        if (!adapter.contains("general.architecture")) {
            throw incompatible(adapter, "general.architecture is missing");
        }
        String arch = ModelValidator.string(adapter, "general.architecture");
        String baseArch = ModelValidator.string(base, "general.architecture");
        if (!arch.equals(baseArch)) {
            throw incompatible(adapter, "the adapter is for architecture '" + arch + "' but the base model "
                    + base.path().getFileName() + " is '" + baseArch + "'");
        }
        if (!adapter.contains("adapter.type")) {
            throw incompatible(adapter, "adapter.type is missing");
        }
        String type = ModelValidator.string(adapter, "adapter.type");
        if (!type.equals("lora")) {
            throw incompatible(adapter, "adapter.type is '" + type + "', not 'lora'");
        }
        GgufValue alpha = adapter.get("adapter.lora.alpha");
        if (alpha.type() != GgufValueType.FLOAT32) {
            throw adapter.fail(Problem.WRONG_TYPE, "key 'adapter.lora.alpha' is " + alpha.describe() + ", must be FLOAT32");
        }
        if (!Float.isFinite((Float) alpha.value())) {
            throw adapter.fail(Problem.BAD_VALUE, "key 'adapter.lora.alpha' is " + alpha.value());
        }
        checkPairs(base, adapter);
    }

    private record Pair(GgufTensorInfo a, GgufTensorInfo b) {
    }

    private static void checkPairs(GgufFile base, GgufFile adapter) {
        Map<String, Pair> pairs = new TreeMap<>();
        for (GgufTensorInfo t : adapter.tensors()) {
            String name = t.name();
            if (name.endsWith(".lora_a")) {
                String target = name.substring(0, name.length() - ".lora_a".length());
                Pair p = pairs.getOrDefault(target, new Pair(null, null));
                pairs.put(target, new Pair(t, p.b));
            } else if (name.endsWith(".lora_b")) {
                String target = name.substring(0, name.length() - ".lora_b".length());
                Pair p = pairs.getOrDefault(target, new Pair(null, null));
                pairs.put(target, new Pair(p.a, t));
            } else if (!name.endsWith("_norm.weight")) {
                throw incompatible(adapter, "tensor '" + name + "' is neither '.lora_a' nor '.lora_b'");
            }
        }
        if (pairs.isEmpty()) {
            throw incompatible(adapter, "the adapter has no lora_a/lora_b tensors");
        }
        for (Map.Entry<String, Pair> e : pairs.entrySet()) {
            String target = e.getKey();
            Pair p = e.getValue();
            if (p.a == null || p.b == null) {
                throw incompatible(adapter, "tensor '" + target + (p.a == null ? ".lora_a" : ".lora_b")
                        + "' is missing; LoRA tensors come in pairs");
            }
            GgufTensorInfo w = base.tensor(target).orElseThrow(() -> incompatible(adapter,
                    "tensor '" + target + "' changed by the adapter does not exist in the base model "
                            + base.path().getFileName()));
            checkShapes(adapter, target, w, p.a, p.b);
            if (target.equals("token_embd.weight") && base.tensor("output.weight").isEmpty()) {
                // the tied output reuses token_embd.weight by name, so b4916 applies this pair to the output
                // projection too, with the embedding's flipped shapes: a failed assertion aborts the process
                throw incompatible(adapter, "tensor 'token_embd.weight' cannot be adapted: the base model "
                        + base.path().getFileName() + " ties its output to the embedding, and llama.cpp would "
                        + "apply the embedding's LoRA to the output projection and abort");
            }
        }
    }

    private static void checkShapes(GgufFile adapter, String target, GgufTensorInfo w, GgufTensorInfo a, GgufTensorInfo b) {
        for (GgufTensorInfo t : new GgufTensorInfo[] {a, b}) {
            if (t.ne(2) != 1 || t.ne(3) != 1) {
                throw mismatch(adapter, "tensor '" + t.name() + "' has shape " + t.shape() + "; LoRA matrices are 2-D");
            }
            if (ModelValidator.NOT_FOR_WEIGHTS.contains(t.type())) {
                throw mismatch(adapter, "tensor '" + t.name() + "' is " + t.type() + ", a type llama.cpp cannot compute with");
            }
        }
        boolean embedding = target.endsWith("token_embd.weight");
        long nIn = w.ne(0);
        long nOut = w.ne(1);
        if (embedding) {
            // applied by looking up rows of A: A is [r, n_vocab], B is [r, n_embd]
            if (b.ne(1) != nIn || a.ne(1) != nOut) {
                throw mismatch(adapter, "tensor '" + target + "' is " + w.shape() + " in the base, so its adapter needs "
                        + "lora_a [r, " + nOut + "] and lora_b [r, " + nIn + "], not " + a.shape() + " and " + b.shape());
            }
        } else if (a.ne(0) != nIn || b.ne(1) != nOut) {
            throw mismatch(adapter, "tensor '" + target + "' is " + w.shape() + " in the base, so its adapter needs "
                    + "lora_a [" + nIn + ", r] and lora_b [r, " + nOut + "], not " + a.shape() + " and " + b.shape());
        }
        // the rank: B's first dimension either way, A's first for the embedding ([r, n_vocab]), else its second ([n_in, r])
        if ((embedding ? a.ne(0) : a.ne(1)) != b.ne(0)) {
            throw mismatch(adapter, "tensors '" + a.name() + "' " + a.shape() + " and '" + b.name() + "' "
                    + b.shape() + " disagree on the rank");
        }
    }

    private static GgufException incompatible(GgufFile adapter, String detail) {
        return adapter.fail(Problem.INCOMPATIBLE_ADAPTER, detail);
    }

    private static GgufException mismatch(GgufFile adapter, String detail) {
        return adapter.fail(Problem.SHAPE_MISMATCH, detail);
    }
}
