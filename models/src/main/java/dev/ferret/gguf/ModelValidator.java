package dev.ferret.gguf;

import dev.ferret.gguf.GgufException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what a well-formed GGUF model means, before llama.cpp sees it: llama.cpp (b4916) trusts its metadata,
 * so a head count that does not divide the width, a vocabulary that disagrees with the embedding, or a tensor of
 * the wrong shape end in a crash or in silent nonsense rather than in an error.
 *
 * <p>For every architecture: {@code general.architecture}, the hyper-parameters llama.cpp reads for all models,
 * and the vocabulary. For {@code qwen2} and {@code llama}, also every tensor the model graph uses, with the shape
 * the hyper-parameters imply ({@code qwen2} requires the q/k/v biases and no other tensors).
 */
public final class ModelValidator {
    /** LLAMA_MAX_LAYERS in b4916. */
    static final long MAX_LAYERS = 512;
    /** LLAMA_MAX_EXPERTS in b4916. */
    static final long MAX_EXPERTS = 256;
    static final Set<String> ROPE_SCALING_TYPES = Set.of("none", "linear", "yarn", "longrope");
    private static final Set<String> WITH_TENSOR_CHECKS = Set.of("qwen2", "llama");
    /**
     * Types ggml can store but not multiply (integer and f64 tensors, and the intermediate Q8_1/Q8_K): a weight
     * of one of these loads without complaint and then crashes the first llama_decode.
     */
    static final Set<GgufType> NOT_FOR_WEIGHTS = java.util.EnumSet.of(GgufType.I8, GgufType.I16, GgufType.I32,
            GgufType.I64, GgufType.F64, GgufType.Q8_1, GgufType.Q8_K);

    private final GgufFile file;
    private final String arch;

    private ModelValidator(GgufFile file, String arch) {
        this.file = file;
        this.arch = arch;
    }

    /**
     * Checks {@code file} as a model to load; returns normally if llama.cpp can use it.
     *
     * @throws GgufException naming the key or tensor at fault
     */
    public static void validate(GgufFile file) {
        String arch = string(file, "general.architecture");
        if (arch.isEmpty()) {
            throw file.fail(Problem.BAD_VALUE, "key 'general.architecture' is empty");
        }
        if (file.contains("general.type") && string(file, "general.type").equals("adapter")) {
            throw file.fail(Problem.BAD_VALUE, "this is a LoRA adapter (general.type = adapter), not a model");
        }
        new ModelValidator(file, arch).check();
    }

    private void check() {
        for (String key : List.of("general.name", "general.type")) {
            if (file.contains(key)) {
                string(file, key);
            }
        }
        if (file.contains("general.file_type")) {
            uint32("general.file_type");
        }
        Hyper h = hyperParameters();
        int vocab = VocabularyValidator.validate(file);
        if (WITH_TENSOR_CHECKS.contains(arch)) {
            checkTensors(h, vocab);
        }
    }

    /** The numbers that fix the tensor shapes. */
    private record Hyper(long embd, long layers, long ff, long heads, long headsKv) {
        long embdKv() {
            return embd / heads * headsKv;
        }
    }

    private Hyper hyperParameters() {
        boolean strict = WITH_TENSOR_CHECKS.contains(arch);
        bounded(key("context_length"), 1, 1L << 26);
        long embd = bounded(key("embedding_length"), 1, 1L << 20);
        long layers = bounded(key("block_count"), 1, MAX_LAYERS);
        long ff = 0;
        long heads = 0;
        long headsKv = 0;
        if (strict || file.contains(key("feed_forward_length"))) {
            ff = perLayer(key("feed_forward_length"), layers, 1, 1L << 24, strict);
        }
        if (strict || file.contains(key("attention.head_count"))) {
            heads = perLayer(key("attention.head_count"), layers, 1, embd, strict);
            if (embd % heads != 0) {
                throw fail(Problem.BAD_VALUE, "'" + key("attention.head_count") + "' = " + heads
                        + " does not divide '" + key("embedding_length") + "' = " + embd);
            }
            headsKv = heads;
            if (file.contains(key("attention.head_count_kv"))) {
                headsKv = perLayer(key("attention.head_count_kv"), layers, 1, heads, strict);
                if (heads % headsKv != 0) {
                    throw fail(Problem.BAD_VALUE, "'" + key("attention.head_count_kv") + "' = " + headsKv
                            + " does not divide '" + key("attention.head_count") + "' = " + heads);
                }
            }
            long headDim = embd / heads;
            for (String k : List.of("attention.key_length", "attention.value_length")) {
                if (strict && file.contains(key(k)) && uint32(key(k)) != headDim) {
                    throw fail(Problem.BAD_VALUE, "'" + key(k) + "' = " + uint32(key(k))
                            + " differs from the head size " + headDim + " that " + arch + " assumes");
                }
            }
            if (file.contains(key("rope.dimension_count"))) {
                long rot = uint32(key("rope.dimension_count"));
                if (rot == 0 || rot % 2 != 0 || rot > headDim) {
                    throw fail(Problem.BAD_VALUE, "'" + key("rope.dimension_count") + "' = " + rot
                            + " must be even and at most the head size " + headDim);
                }
            }
        }
        if (strict || file.contains(key("attention.layer_norm_rms_epsilon"))) {
            float eps = float32(key("attention.layer_norm_rms_epsilon"));
            if (!(eps > 0 && eps < 1)) {
                throw fail(Problem.BAD_VALUE, "'" + key("attention.layer_norm_rms_epsilon") + "' = " + eps
                        + " must be between 0 and 1");
            }
        }
        if (file.contains(key("rope.freq_base"))) {
            float base = float32(key("rope.freq_base"));
            if (!(base > 0 && Float.isFinite(base))) {
                throw fail(Problem.BAD_VALUE, "'" + key("rope.freq_base") + "' = " + base + " must be positive");
            }
        }
        if (file.contains(key("rope.scaling.type"))) {
            String type = string(file, key("rope.scaling.type"));
            // an unknown name trips an assertion that aborts llama.cpp
            if (!ROPE_SCALING_TYPES.contains(type)) {
                throw fail(Problem.BAD_VALUE, "'" + key("rope.scaling.type") + "' = '" + type + "' is not one of "
                        + ROPE_SCALING_TYPES);
            }
        }
        checkExperts();
        return new Hyper(embd, layers, ff, heads, headsKv);
    }

    /** llama.cpp asserts (aborting the process) on these relations between the expert counts. */
    private void checkExperts() {
        long experts = file.contains(key("expert_count")) ? uint32(key("expert_count")) : 0;
        long used = file.contains(key("expert_used_count")) ? uint32(key("expert_used_count")) : 0;
        if (experts > MAX_EXPERTS) {
            throw fail(Problem.BAD_VALUE, "'" + key("expert_count") + "' = " + experts + " exceeds " + MAX_EXPERTS);
        }
        if (used > experts || (experts > 0) != (used > 0)) {
            throw fail(Problem.BAD_VALUE, "'" + key("expert_used_count") + "' = " + used
                    + " does not fit '" + key("expert_count") + "' = " + experts);
        }
    }

    private void checkTensors(Hyper h, int vocab) {
        boolean qwen2 = arch.equals("qwen2");
        List<String> expected = new ArrayList<>();
        if (vocab > 0) {
            expect(expected, "token_embd.weight", true, h.embd, vocab);
            expect(expected, "output.weight", false, h.embd, vocab); // absent: tied to token_embd
        }
        expect(expected, "output_norm.weight", true, h.embd);
        for (int i = 0; i < h.layers; i++) {
            String b = "blk." + i + ".";
            expect(expected, b + "attn_norm.weight", true, h.embd);
            expect(expected, b + "attn_q.weight", true, h.embd, h.embd);
            expect(expected, b + "attn_k.weight", true, h.embd, h.embdKv());
            expect(expected, b + "attn_v.weight", true, h.embd, h.embdKv());
            expect(expected, b + "attn_output.weight", true, h.embd, h.embd);
            expect(expected, b + "attn_q.bias", qwen2, h.embd);
            expect(expected, b + "attn_k.bias", qwen2, h.embdKv());
            expect(expected, b + "attn_v.bias", qwen2, h.embdKv());
            if (!qwen2) {
                expect(expected, b + "attn_output.bias", false, h.embd);
            }
            expect(expected, b + "ffn_norm.weight", true, h.embd);
            expect(expected, b + "ffn_gate.weight", true, h.embd, h.ff);
            expect(expected, b + "ffn_up.weight", true, h.embd, h.ff);
            expect(expected, b + "ffn_down.weight", true, h.ff, h.embd);
        }
        if (qwen2) {
            // llama.cpp counts the tensors it used and refuses a file with any left over
            Set<String> known = new HashSet<>(expected);
            for (GgufTensorInfo t : file.tensors()) {
                if (!known.contains(t.name())) {
                    throw fail(Problem.UNEXPECTED_TENSOR, "tensor '" + t.name() + "' is not part of a " + arch + " model");
                }
            }
        }
    }

    private void expect(List<String> expected, String name, boolean required, long... shape) {
        expected.add(name);
        var found = file.tensor(name);
        if (found.isEmpty()) {
            if (required) {
                throw fail(Problem.MISSING_TENSOR, "tensor '" + name + "' is missing");
            }
            return;
        }
        GgufTensorInfo t = found.get();
        if (!t.hasShape(shape)) {
            throw fail(Problem.SHAPE_MISMATCH, "tensor '" + name + "' has shape " + t.shape() + " but the "
                    + "hyper-parameters imply " + java.util.Arrays.toString(shape));
        }
        if (NOT_FOR_WEIGHTS.contains(t.type())) {
            throw fail(Problem.SHAPE_MISMATCH, "tensor '" + name + "' is " + t.type()
                    + ", a type llama.cpp cannot compute with");
        }
        if (shape.length == 1 && t.type() != GgufType.F32) {
            throw fail(Problem.SHAPE_MISMATCH, "tensor '" + name + "' is " + t.type()
                    + "; norms and biases must be F32");
        }
    }

    private String key(String suffix) {
        return arch + "." + suffix;
    }

    /** A scalar uint32, or (outside the strictly checked architectures) one value per layer, all in range. */
    private long perLayer(String key, long layers, long min, long max, boolean scalarOnly) {
        GgufValue v = file.get(key);
        if (!v.isArray() || scalarOnly) {
            return bounded(key, min, max);
        }
        if (v.elementType() != GgufValueType.UINT32 && v.elementType() != GgufValueType.INT32) {
            throw fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", must be UINT32 or an array of them");
        }
        if (v.length() != layers) {
            throw fail(Problem.BAD_VALUE, "key '" + key + "' has " + v.length() + " entries for " + layers + " layers");
        }
        long first = 0;
        for (int i = 0; i < v.length(); i++) {
            long x = v.longAt(i);
            if (x < min || x > max) {
                throw fail(Problem.BAD_VALUE, "key '" + key + "' entry " + i + " = " + x + " is outside " + min + ".." + max);
            }
            first = i == 0 ? x : first;
        }
        return first;
    }

    private long bounded(String key, long min, long max) {
        long v = uint32(key);
        if (v < min || v > max) {
            throw fail(Problem.BAD_VALUE, "key '" + key + "' is " + v + ", outside the sane range " + min + ".." + max);
        }
        return v;
    }

    private long uint32(String key) {
        GgufValue v = file.get(key);
        if (v.type() != GgufValueType.UINT32) {
            throw fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", must be UINT32");
        }
        return v.asLong();
    }

    private float float32(String key) {
        GgufValue v = file.get(key);
        if (v.type() != GgufValueType.FLOAT32) {
            throw fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", must be FLOAT32");
        }
        return (Float) v.value();
    }

    static String string(GgufFile file, String key) {
        GgufValue v = file.get(key);
        if (v.type() != GgufValueType.STRING) {
            throw file.fail(Problem.WRONG_TYPE, "key '" + key + "' is " + v.describe() + ", must be STRING");
        }
        return v.asString();
    }

    private GgufException fail(Problem problem, String detail) {
        return file.fail(problem, detail);
    }
}
