package dev.ferret.gguf;

/**
 * Q6_K blocks: 256 elements in 16 sub-blocks of 16, each element a 6-bit quant {@code q} in 0..63 with value
 * {@code d * scale[j] * (q - 32)}; {@code scale[j]} is a signed 8-bit multiple of the super-block's f16
 * {@code d}. llama.cpp's Q4_K_M gives this type to {@code output.weight} and to some layers' {@code attn_v} and
 * {@code ffn_down}.
 *
 * <p>The 210 bytes of a block, in ggml's order (ggml-common.h {@code block_q6_K}):
 * <ul>
 *   <li>128 bytes {@code ql}: the low 4 bits of each quant. The block is two halves of 128 elements; in half
 *       {@code h}, element {@code 32g + l} (g = 0..3, l = 0..31) sits in byte {@code 64h + l + 32 (g % 2)}, in the
 *       low nibble for g &lt; 2 and the high nibble for g &ge; 2.
 *   <li>64 bytes {@code qh}: the top 2 bits; element {@code 32g + l} of half {@code h} in bits {@code 2g, 2g+1}
 *       of byte {@code 32h + l}.
 *   <li>16 bytes of signed scales, one per 16 consecutive elements.
 *   <li>f16 {@code d}.
 * </ul>
 *
 * <p>The choice of scales is our own: each sub-block maps its element of largest magnitude to -32 (the wider end
 * of -32..31) or, if that fits better, a least-squares scale for the quants that gives; the sixteen scales are
 * then stored relative to the largest. Dequantization multiplies in ggml's order, {@code (d * scale) * q}, so the
 * floats are bit-identical to ggml's {@code dequantize_row_q6_K}.
 */
final class Q6K {
    static final int BLOCK = 256;
    static final int BYTES = 210;
    private static final int QL = 0;
    private static final int QH = 128;
    private static final int SCALES = 192;
    private static final int D = 208;

    private Q6K() {
    }

    static void quantizeBlock(float[] x, int from, byte[] out, int at) {
        float[] scales = new float[16];
        float maxScale = 0;
        for (int j = 0; j < 16; j++) {
            scales[j] = subBlockScale(x, from + 16 * j);
            if (Math.abs(scales[j]) > Math.abs(maxScale)) {
                maxScale = scales[j];
            }
        }
        // the 8-bit scales span -128..127: the largest magnitude maps to -128, as the quants' largest maps to -32
        float d = maxScale / -128f;
        short dBits = Float.floatToFloat16(d);
        float dStored = Float.float16ToFloat(dBits);
        java.util.Arrays.fill(out, at, at + BYTES, (byte) 0);
        Quantizer.putShort(out, at + D, dBits);
        for (int j = 0; j < 16; j++) {
            int sc = dStored == 0 ? 0 : Math.max(-128, Math.min(127, Math.round(scales[j] / dStored)));
            out[at + SCALES + j] = (byte) sc;
            float step = dStored * sc;
            float inverse = step == 0 ? 0 : 1 / step;
            for (int i = 0; i < 16; i++) {
                put(out, at, 16 * j + i, quant(x[from + 16 * j + i], inverse) + 32);
            }
        }
    }

    /**
     * The scale of 16 values: the extreme one maps to -32, unless the least-squares scale for the quants that
     * scale gives (rounded again) has a smaller error. Signed, so the extreme always gets the wider end.
     */
    private static float subBlockScale(float[] x, int from) {
        float extreme = 0;
        for (int i = 0; i < 16; i++) {
            if (Math.abs(x[from + i]) > Math.abs(extreme)) {
                extreme = x[from + i];
            }
        }
        if (extreme == 0) {
            return 0;
        }
        float best = extreme / -32f;
        double bestError = error(x, from, best);
        for (float steps : new float[] {-31.5f, -31f, -30f}) {
            float inverse = steps / extreme;
            double sxq = 0;
            int sqq = 0;
            for (int i = 0; i < 16; i++) {
                int q = quant(x[from + i], inverse);
                sxq += x[from + i] * q;
                sqq += q * q;
            }
            float fitted = (float) (sxq / sqq);
            double e = error(x, from, fitted);
            if (e < bestError) {
                bestError = e;
                best = fitted;
            }
        }
        return best;
    }

    private static double error(float[] x, int from, float scale) {
        double e = 0;
        float inverse = 1 / scale;
        for (int i = 0; i < 16; i++) {
            float diff = scale * quant(x[from + i], inverse) - x[from + i];
            e += diff * diff;
        }
        return e;
    }

    /** {@code clamp(round(v * inverse), -32, 31)}: a signed 6-bit quant, with a multiplication rather than a division. */
    private static int quant(float v, float inverse) {
        return Math.max(-32, Math.min(31, Math.round(v * inverse)));
    }

    /** Stores 6-bit quant {@code q} (0..63) of element {@code i} (0..255) of the block at {@code at}. */
    static void put(byte[] b, int at, int i, int q) {
        int half = i / 128;
        int g = (i % 128) / 32;
        int l = i % 32;
        int low = at + QL + 64 * half + l + 32 * (g % 2);
        b[low] = (byte) (g < 2 ? (b[low] & 0xF0) | (q & 0x0F) : (b[low] & 0x0F) | (q & 0x0F) << 4);
        int high = at + QH + 32 * half + l;
        b[high] = (byte) ((b[high] & ~(3 << 2 * g)) | (q >>> 4) << 2 * g);
    }

    /** The 6-bit quant (0..63) of element {@code i} of the block at {@code at}. */
    static int get(byte[] b, int at, int i) {
        int half = i / 128;
        int g = (i % 128) / 32;
        int l = i % 32;
        int low = b[at + QL + 64 * half + l + 32 * (g % 2)] & 0xFF;
        int high = b[at + QH + 32 * half + l] & 0xFF;
        return (g < 2 ? low & 0x0F : low >>> 4) | ((high >>> 2 * g) & 3) << 4;
    }

    static int scale(byte[] b, int at, int j) {
        return b[at + SCALES + j];
    }

    static void dequantizeBlock(byte[] src, int at, float[] dst, int out) {
        float d = Float.float16ToFloat(Quantizer.getShort(src, at + D));
        for (int j = 0; j < 16; j++) {
            float step = d * src[at + SCALES + j];
            for (int i = 0; i < 16; i++) {
                dst[out + 16 * j + i] = step * (get(src, at, 16 * j + i) - 32);
            }
        }
    }
}
