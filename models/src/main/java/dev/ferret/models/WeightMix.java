package dev.ferret.models;

import dev.ferret.gguf.GgufType;
import java.util.Locale;

/**
 * Which ggml type each 2-D weight of a generated model is stored as, and the {@code general.file_type}
 * ({@code llama_ftype}) that names the mix. Norms and biases are always F32.
 *
 * <ul>
 *   <li>{@link #uniform}: one type for every weight; a tensor whose rows are not a whole number of that type's
 *       blocks falls back to Q8_0, then F16.
 *   <li>{@link #q4KM}: llama.cpp's Q4_K_M, the mix of the Qwen2.5-Coder-7B-Instruct Q4_K_M file users run.
 * </ul>
 */
public sealed interface WeightMix {
    /** The type of weight {@code tensor} (a GGUF tensor name) of a model of shape {@code spec}. */
    GgufType typeOf(String tensor, ModelSpec spec, long rowLength);

    /** {@code general.file_type}: llama.cpp's {@code llama_ftype} for this mix. */
    int fileType();

    /** Whether any weight is block-quantized ({@code general.quantization_version} is then written). */
    boolean quantized();

    /** The {@code --quant} name: {@code f32}, {@code q4_k}, {@code q4_k_m}, ... */
    String label();

    /** Every weight as {@code type}: F32, F16, BF16, Q8_0, Q5_0, Q4_0, Q4_K or Q6_K. */
    static WeightMix uniform(GgufType type) {
        return new Uniform(type);
    }

    /** llama.cpp's Q4_K_M mix. */
    static WeightMix q4KM() {
        return Q4KM.INSTANCE;
    }

    /** The mix a {@code --quant} option names: {@code f32, f16, bf16, q8_0, q5_0, q4_0, q4_k, q6_k, q4_k_m}. */
    static WeightMix parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("q4_k_m")) {
            return q4KM();
        }
        for (GgufType t : Uniform.TYPES) {
            if (t.name().toLowerCase(Locale.ROOT).equals(n)) {
                return uniform(t);
            }
        }
        throw new IllegalArgumentException("unknown quantization '" + name + "' (f32, f16, bf16, q8_0, q5_0, q4_0, q4_k, q6_k, q4_k_m)");
    }

    /** One type for every weight, falling back to Q8_0 and then F16 where rows do not fit its blocks. */
    record Uniform(GgufType type) implements WeightMix {
        static final GgufType[] TYPES = {GgufType.F32, GgufType.F16, GgufType.BF16, GgufType.Q8_0, GgufType.Q5_0,
                GgufType.Q4_0, GgufType.Q4_K, GgufType.Q6_K};

        public Uniform {
            if (!java.util.Arrays.asList(TYPES).contains(type)) {
                throw new IllegalArgumentException(type + " is not a weight type the generator writes");
            }
        }

        @Override
        public GgufType typeOf(String tensor, ModelSpec spec, long rowLength) {
            for (GgufType t : new GgufType[] {type, GgufType.Q8_0, GgufType.F16}) {
                if (rowLength % t.blockSize() == 0) {
                    return t;
                }
            }
            return GgufType.F32;
        }

        @Override
        public int fileType() {
            return switch (type) {
                case F32 -> 0;
                case F16 -> 1;
                case Q4_0 -> 2;
                case Q8_0 -> 7;
                case Q5_0 -> 8;
                case Q6_K -> 18;
                case Q4_K -> 14; // LLAMA_FTYPE_MOSTLY_Q4_K_S: Q4_K where the rows allow it
                case BF16 -> 32;
                default -> throw new IllegalStateException(type.name());
            };
        }

        @Override
        public boolean quantized() {
            return type.isBlockQuantized();
        }

        @Override
        public String label() {
            return type.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * llama.cpp's Q4_K_M ({@code llama_tensor_get_type} in {@code src/llama-quant.cpp}, b4980) for a dense qwen2
     * model: Q4_K by default; Q6_K for {@code output.weight} (or for {@code token_embd.weight} when it doubles as
     * the output); Q6_K for {@code attn_v} and {@code ffn_down} in the layers that get more bits (the first and last
     * eighth, and every third in between). A tensor whose rows are not a whole number of 256-element blocks falls
     * back as llama.cpp's does: Q4_K to Q5_0, Q6_K to Q8_0 (so Qwen2.5-0.5B, 896 wide, is mostly Q5_0).
     */
    final class Q4KM implements WeightMix {
        static final Q4KM INSTANCE = new Q4KM();

        private Q4KM() {
        }

        @Override
        public GgufType typeOf(String tensor, ModelSpec spec, long rowLength) {
            GgufType wanted = GgufType.Q4_K;
            if (tensor.equals("output.weight") || (spec.tiedEmbeddings() && tensor.equals("token_embd.weight"))) {
                wanted = GgufType.Q6_K;
            } else if (tensor.endsWith(".attn_v.weight") || tensor.endsWith(".ffn_down.weight")) {
                if (moreBits(layerOf(tensor), spec.nLayer())) {
                    wanted = GgufType.Q6_K;
                }
            }
            if (rowLength % wanted.blockSize() != 0) {
                wanted = wanted == GgufType.Q6_K ? GgufType.Q8_0 : GgufType.Q5_0;
            }
            return rowLength % wanted.blockSize() == 0 ? wanted : GgufType.F16;
        }

        /** llama.cpp's {@code use_more_bits}: the first and last eighth of the layers, and every third between. */
        static boolean moreBits(int layer, int layers) {
            return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
        }

        private static int layerOf(String tensor) {
            // "blk.N.name"
            int end = tensor.indexOf('.', 4);
            return Integer.parseInt(tensor.substring(4, end));
        }

        @Override
        public int fileType() {
            return 15; // LLAMA_FTYPE_MOSTLY_Q4_K_M
        }

        @Override
        public boolean quantized() {
            return true;
        }

        @Override
        public String label() {
            return "q4_k_m";
        }

        @Override
        public String toString() {
            return "Q4_K_M";
        }
    }
}
