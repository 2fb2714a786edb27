package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferret.gguf.GgufType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightMixTest {
    private static final WeightMix Q4_K_M = WeightMix.q4KM();

    private static List<Integer> layersWith(ModelSpec spec, String tensor, GgufType type, long rowLength) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < spec.nLayer(); i++) {
            if (Q4_K_M.typeOf("blk." + i + "." + tensor, spec, rowLength) == type) {
                layers.add(i);
            }
        }
        return layers;
    }

    @Test
    void q4KMOnThe7bShapeMatchesLlamaCppsMix() {
        ModelSpec s = ModelSpec.qwen25Coder7b();
        assertEquals(GgufType.Q6_K, Q4_K_M.typeOf("output.weight", s, 3584));
        assertEquals(GgufType.Q4_K, Q4_K_M.typeOf("token_embd.weight", s, 3584));
        // use_more_bits(i, 28): i < 3, i >= 24, or (i - 3) % 3 == 2
        List<Integer> more = List.of(0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 24, 25, 26, 27);
        assertEquals(more, layersWith(s, "attn_v.weight", GgufType.Q6_K, 3584));
        assertEquals(more, layersWith(s, "ffn_down.weight", GgufType.Q6_K, 18_944));
        assertEquals(28 - more.size(), layersWith(s, "attn_v.weight", GgufType.Q4_K, 3584).size());
        for (String t : List.of("attn_q.weight", "attn_k.weight", "attn_output.weight", "ffn_gate.weight", "ffn_up.weight")) {
            assertEquals(28, layersWith(s, t, GgufType.Q4_K, 3584).size(), t);
        }
        assertEquals(15, Q4_K_M.fileType());
    }

    @Test
    void q4KMFallsBackWhereRowsAreNotWholeSuperBlocks() {
        ModelSpec s = ModelSpec.qwen25Coder05b(); // 896 wide: 3.5 blocks of 256
        assertEquals(GgufType.Q8_0, Q4_K_M.typeOf("token_embd.weight", s, 896)); // tied: treated as the output
        assertEquals(GgufType.Q5_0, Q4_K_M.typeOf("blk.3.attn_q.weight", s, 896));
        assertEquals(GgufType.Q8_0, Q4_K_M.typeOf("blk.0.attn_v.weight", s, 896));
        assertEquals(GgufType.Q5_0, Q4_K_M.typeOf("blk.3.attn_v.weight", s, 896));
        assertEquals(GgufType.Q6_K, Q4_K_M.typeOf("blk.0.ffn_down.weight", s, 4864));
        assertEquals(GgufType.Q4_K, Q4_K_M.typeOf("blk.3.ffn_down.weight", s, 4864));
        assertEquals(GgufType.F16, Q4_K_M.typeOf("blk.3.attn_q.weight", s, 48));
    }

    @Test
    void uniformMixesFallBackToQ8ThenF16() {
        assertEquals(GgufType.Q4_K, WeightMix.uniform(GgufType.Q4_K).typeOf("x", null, 512));
        assertEquals(GgufType.Q8_0, WeightMix.uniform(GgufType.Q4_K).typeOf("x", null, 896));
        assertEquals(GgufType.F16, WeightMix.uniform(GgufType.Q4_0).typeOf("x", null, 40));
        assertEquals(14, WeightMix.uniform(GgufType.Q4_K).fileType());
    }

    @Test
    void namesParseToMixes() {
        assertEquals(WeightMix.q4KM(), WeightMix.parse("Q4_K_M"));
        assertEquals(WeightMix.uniform(GgufType.Q6_K), WeightMix.parse("q6_k"));
        assertEquals("q5_0", WeightMix.parse("q5_0").label());
        assertThrows(IllegalArgumentException.class, () -> WeightMix.parse("q3_k_s"));
        assertThrows(IllegalArgumentException.class, () -> WeightMix.uniform(GgufType.IQ4_NL));
    }
}
