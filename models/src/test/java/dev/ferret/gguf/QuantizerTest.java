package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Round trips with error bounds, and the byte layouts spelled out on hand-made blocks. (The layouts were also
 * checked bit for bit against ggml's own dequantizers and quantizers of b4916 through FFM: our bytes decode to
 * the same floats in ggml, and ggml's bytes decode to the same floats here.)
 */
class QuantizerTest {
    private static float[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * (1 + (i / 256) % 5)) + ((i / 32) % 3 == 0 ? 1.5f : 0);
        }
        return x;
    }

    /** Largest error relative to the largest magnitude of the block the element is in. */
    private static double worstRelativeError(float[] x, float[] y, int block) {
        double worst = 0;
        for (int b = 0; b < x.length / block; b++) {
            double amax = 0;
            for (int i = 0; i < block; i++) {
                amax = Math.max(amax, Math.abs(x[b * block + i]));
            }
            for (int i = 0; i < block; i++) {
                worst = Math.max(worst, Math.abs(x[b * block + i] - y[b * block + i]) / amax);
            }
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"F32, 256, 0", "F16, 256, 0.0005", "BF16, 256, 0.004", "Q8_0, 32, 0.0045",
            "Q4_0, 32, 0.13", "Q5_0, 32, 0.07", "Q4_K, 256, 0.13", "Q6_K, 256, 0.04"})
    void roundTripsStayWithinTheFormatsPrecision(GgufType type, int block, double bound) {
        float[] x = gaussian(256 * 40, 3);
        byte[] q = Quantizer.quantize(type, x);
        assertEquals(type.bytesFor(x.length), q.length);
        float[] y = Quantizer.dequantize(type, q, x.length);
        double worst = worstRelativeError(x, y, block);
        assertTrue(worst <= bound, type + ": worst relative error " + worst + " > " + bound);
    }

    @Test
    void q8_0IsAnF16ScaleThen32SignedBytes() {
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) {
            x[i] = i - 16;
        }
        x[5] = -127; // the largest magnitude maps to -127, so d = 1
        byte[] q = Quantizer.quantize(GgufType.Q8_0, x);
        assertEquals(34, q.length);
        assertEquals(Float.floatToFloat16(1f), Quantizer.getShort(q, 0));
        for (int i = 0; i < 32; i++) {
            assertEquals((byte) x[i], q[2 + i], "element " + i);
        }
        assertArrayEquals(x, Quantizer.dequantize(GgufType.Q8_0, q, 32));
    }

    @Test
    void q4_0KeepsElementJInTheLowNibbleAndJPlus16InTheHigh() {
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) {
            x[i] = (i % 16) - 8; // quants 0..15 in both halves once shifted by 8
        }
        x[0] = -8; // the largest magnitude (-8) fixes d = -8 / -8 = 1
        x[16] = 7;
        byte[] q = Quantizer.quantize(GgufType.Q4_0, x);
        assertEquals(18, q.length);
        assertEquals(Float.floatToFloat16(1f), Quantizer.getShort(q, 0));
        for (int j = 0; j < 16; j++) {
            int lo = q[2 + j] & 0x0F;
            int hi = (q[2 + j] & 0xFF) >>> 4;
            assertEquals((int) x[j] + 8, lo, "low nibble of byte " + j);
            assertEquals((int) x[j + 16] + 8, hi, "high nibble of byte " + j);
        }
        assertArrayEquals(x, Quantizer.dequantize(GgufType.Q4_0, q, 32));
    }

    @Test
    void q5_0KeepsFifthBitsInAWordAndNibblesAsQ4_0() {
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) {
            x[i] = (i * 7 % 32) - 16; // every quant 0..31 once, shifted by 16
        }
        int extreme = 0;
        for (int i = 0; i < 32; i++) {
            if (x[i] == -16) {
                extreme = i; // the largest magnitude (-16) fixes d = -16 / -16 = 1
            }
        }
        byte[] q = Quantizer.quantize(GgufType.Q5_0, x);
        assertEquals(22, q.length);
        assertEquals(Float.floatToFloat16(1f), Quantizer.getShort(q, 0));
        int high = Quantizer.getInt(q, 2);
        for (int j = 0; j < 16; j++) {
            int lo = (q[6 + j] & 0x0F) | (high >>> j & 1) << 4;
            int hi = ((q[6 + j] & 0xFF) >>> 4) | (high >>> (j + 16) & 1) << 4;
            assertEquals((int) x[j] + 16, lo, "element " + j);
            assertEquals((int) x[j + 16] + 16, hi, "element " + (j + 16));
        }
        assertEquals(0, (int) x[extreme] + 16);
        assertArrayEquals(x, Quantizer.dequantize(GgufType.Q5_0, q, 32));
    }

    @Test
    void q6_kPlacesLowNibblesHighBitsScalesThenD() {
        float[] x = new float[256];
        for (int i = 0; i < 256; i++) {
            // quants 0..63, exactly representable with d * scale = 1: each sub-block holds a -32 to fix its scale
            x[i] = i % 16 == 0 ? -32 : (i * 37 % 64) - 32;
        }
        byte[] q = Quantizer.quantize(GgufType.Q6_K, x);
        assertEquals(210, q.length);
        float d = Float.float16ToFloat(Quantizer.getShort(q, 208));
        for (int j = 0; j < 16; j++) {
            assertEquals(1f, d * Q6K.scale(q, 0, j), 1e-6f, "scale of sub-block " + j);
        }
        for (int i = 0; i < 256; i++) {
            assertEquals((int) x[i] + 32, Q6K.get(q, 0, i), "quant " + i);
        }
        assertArrayEquals(x, Quantizer.dequantize(GgufType.Q6_K, q, 256));
        // element 32g + l of half h: low nibble in byte 64h + l + 32(g % 2), low for g < 2; top bits at 2g of 128 + 32h + l
        byte[] one = new byte[210];
        Q6K.put(one, 0, 128 + 96 + 3, 0b10_1101); // half 1, g = 3, l = 3
        assertEquals(0b1101 << 4, one[64 + 3 + 32] & 0xFF);
        assertEquals(0b10 << 6, one[128 + 32 + 3] & 0xFF);
        for (int i = 0; i < 210; i++) {
            if (i != 99 && i != 163) {
                assertEquals(0, one[i], "byte " + i);
            }
        }
    }

    @Test
    void q6_kScalesFollowTheirSubBlocks() {
        float[] x = gaussian(256, 11);
        for (int i = 0; i < 16; i++) {
            x[16 * 5 + i] *= 40; // one loud sub-block must not drown the others' precision
        }
        float[] y = Quantizer.dequantize(GgufType.Q6_K, Quantizer.quantize(GgufType.Q6_K, x), 256);
        for (int j = 0; j < 16; j++) {
            double amax = 0;
            double worst = 0;
            for (int i = 16 * j; i < 16 * j + 16; i++) {
                amax = Math.max(amax, Math.abs(x[i]));
                worst = Math.max(worst, Math.abs(x[i] - y[i]));
            }
            double bound = j == 5 ? 0.02 : 0.25;
            assertTrue(worst / amax < bound, "sub-block " + j + ": error " + worst / amax);
        }
    }

    @Test
    void q4_0TakesTheSignOfItsLargestMagnitude() {
        float[] x = new float[32];
        x[3] = 4f; // positive extreme: d = -0.5, so 4 becomes quant 0 and values down to -3.5 fit
        x[4] = -3.5f;
        byte[] q = Quantizer.quantize(GgufType.Q4_0, x);
        assertEquals(-0.5f, Float.float16ToFloat(Quantizer.getShort(q, 0)));
        float[] y = Quantizer.dequantize(GgufType.Q4_0, q, 32);
        assertEquals(4f, y[3]);
        assertEquals(-3.5f, y[4]);
    }

    @Test
    void q4_kPacksSixBitScalesAndMinsAsGgmlDoes() {
        byte[] scales = new byte[12];
        Random r = new Random(9);
        int[] sc = new int[8];
        int[] mn = new int[8];
        for (int s = 0; s < 8; s++) {
            sc[s] = r.nextInt(64);
            mn[s] = r.nextInt(64);
            Quantizer.putScaleMin(scales, 0, s, sc[s], mn[s]);
        }
        for (int s = 0; s < 8; s++) {
            assertEquals(sc[s], Quantizer.scaleOf(scales, 0, s), "scale " + s);
            assertEquals(mn[s], Quantizer.minOf(scales, 0, s), "min " + s);
        }
        // sub-blocks 0..3 keep their values in the low six bits of bytes 0..3 and 4..7
        assertEquals(sc[2], scales[2] & 0x3F);
        assertEquals(mn[2], scales[6] & 0x3F);
        // sub-block 5: low nibbles in byte 9, top two bits of the scale in byte 1, of the min in byte 5
        assertEquals(sc[5] & 0xF, scales[9] & 0xF);
        assertEquals(mn[5] & 0xF, (scales[9] & 0xFF) >>> 4);
        assertEquals(sc[5] >>> 4, (scales[1] & 0xFF) >>> 6);
        assertEquals(mn[5] >>> 4, (scales[5] & 0xFF) >>> 6);
    }

    @Test
    void q4_kLayoutIsHeaderScalesThenNibblesOfSubBlockPairs() {
        float[] x = new float[256];
        for (int i = 0; i < 256; i++) {
            x[i] = i / 32; // sub-block s holds the constant s: exactly representable
        }
        byte[] q = Quantizer.quantize(GgufType.Q4_K, x);
        assertEquals(144, q.length);
        float[] y = Quantizer.dequantize(GgufType.Q4_K, q, 256);
        for (int i = 0; i < 256; i++) {
            assertEquals(x[i], y[i], 0.07f, "element " + i);
        }
        // byte 16 + 32g + l holds element 64g + l (low nibble) and 64g + 32 + l (high nibble)
        float[] one = new float[256];
        one[64 + 32 + 5] = 1f;
        byte[] q1 = Quantizer.quantize(GgufType.Q4_K, one);
        int byteIndex = 16 + 32 + 5;
        assertTrue(((q1[byteIndex] & 0xFF) >>> 4) > 0, "element 101 is in the high nibble of byte 53");
        for (int i = 16; i < 144; i++) {
            if (i != byteIndex) {
                assertEquals(0, q1[i], "only one quant is non-zero; byte " + i);
            }
        }
    }

    @Test
    void zeroBlocksStayZero() {
        for (GgufType t : new GgufType[] {GgufType.Q8_0, GgufType.Q5_0, GgufType.Q4_0, GgufType.Q4_K, GgufType.Q6_K, GgufType.F16}) {
            float[] y = Quantizer.dequantize(t, Quantizer.quantize(t, new float[256]), 256);
            assertArrayEquals(new float[256], y, 0f, t.name()); // Q4_0 gives -0.0, as ggml does
        }
    }

    @Test
    void rowsCanBeQuantizedIntoPlace() {
        float[] x = gaussian(96, 4);
        byte[] dst = new byte[5 + 3 * 34];
        Quantizer.quantizeRow(GgufType.Q8_0, x, 0, 96, dst, 5);
        float[] y = new float[100];
        Quantizer.dequantizeRow(GgufType.Q8_0, dst, 5, y, 4, 96);
        assertArrayEquals(Quantizer.dequantize(GgufType.Q8_0, Quantizer.quantize(GgufType.Q8_0, x), 96),
                java.util.Arrays.copyOfRange(y, 4, 100));
    }

    @Test
    void unsupportedTypesAndPartialBlocksAreRefused() {
        assertFalse(Quantizer.supports(GgufType.Q5_K));
        assertTrue(Quantizer.supports(GgufType.Q6_K));
        assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(GgufType.Q5_K, new float[256]));
        assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(GgufType.Q6_K, new float[128]));
        assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(GgufType.Q4_0, new float[48]));
        assertThrows(IllegalArgumentException.class, () -> Quantizer.dequantize(GgufType.Q4_K, new byte[144], 128));
    }

    @Test
    void f16AndBf16RoundToNearestEven() {
        float[] x = {1f + 0x1p-11f, 1f + 0x1p-11f + 0x1p-20f, Float.NaN, 65520f};
        float[] h = Quantizer.dequantize(GgufType.F16, Quantizer.quantize(GgufType.F16, x), 4);
        assertEquals(1f, h[0]); // a tie goes to the even mantissa
        assertEquals(1f + 0x1p-10f, h[1]);
        assertTrue(Float.isNaN(h[2]));
        assertEquals(Float.POSITIVE_INFINITY, h[3]);
        float[] b = Quantizer.dequantize(GgufType.BF16, Quantizer.quantize(GgufType.BF16, new float[] {1f + 0x1p-8f, Float.NaN}), 2);
        assertEquals(1f, b[0]);
        assertTrue(Float.isNaN(b[1]));
    }
}
