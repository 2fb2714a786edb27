package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GgufTypeTest {
    /** Block sizes and block bytes from ggml-common.h (QK_K = 256) at b4916. */
    @ParameterizedTest
    @CsvSource({"F32,0,1,4", "F16,1,1,2", "Q4_0,2,32,18", "Q4_1,3,32,20", "Q5_0,6,32,22", "Q5_1,7,32,24",
            "Q8_0,8,32,34", "Q8_1,9,32,36", "Q2_K,10,256,84", "Q3_K,11,256,110", "Q4_K,12,256,144",
            "Q5_K,13,256,176", "Q6_K,14,256,210", "Q8_K,15,256,292", "IQ2_XXS,16,256,66", "IQ2_XS,17,256,74",
            "IQ3_XXS,18,256,98", "IQ1_S,19,256,50", "IQ4_NL,20,32,18", "IQ3_S,21,256,110", "IQ2_S,22,256,82",
            "IQ4_XS,23,256,136", "I8,24,1,1", "I16,25,1,2", "I32,26,1,4", "I64,27,1,8", "F64,28,1,8",
            "IQ1_M,29,256,56", "BF16,30,1,2", "TQ1_0,34,256,54", "TQ2_0,35,256,66"})
    void matchesGgml(GgufType type, int id, int block, int bytes) {
        assertEquals(id, type.id());
        assertEquals(block, type.blockSize());
        assertEquals(bytes, type.bytesPerBlock());
        assertEquals(type, GgufType.byId(id));
    }

    @Test
    void everyTypeIsListed() {
        assertEquals(31, GgufType.values().length);
    }

    @Test
    void retiredAndUnknownIdsAreNotTypes() {
        for (int id : new int[] {4, 5, 31, 32, 33, 36, 37, 38, 39, 63, 64, -1}) {
            assertNull(GgufType.byId(id), "id " + id);
        }
        assertNull(GgufType.byId(Long.MAX_VALUE));
    }

    @Test
    void sizesTensors() {
        assertEquals(896L * 4864 / 256 * 144, GgufType.Q4_K.bytesFor(896L * 4864));
        assertEquals(4864L / 32 * 18 * 896, GgufType.Q4_0.bytesFor(896L * 4864));
        assertThrows(IllegalArgumentException.class, () -> GgufType.Q8_0.bytesFor(33));
        assertThrows(ArithmeticException.class, () -> GgufType.F64.bytesFor(Long.MAX_VALUE));
        assertTrue(GgufType.Q6_K.isBlockQuantized());
        assertFalse(GgufType.BF16.isBlockQuantized());
    }
}
