package dev.ferret.gguf;

import java.util.EnumSet;
import java.util.Set;

/**
 * Converts float rows to the on-disk bytes of a ggml type and back, for the types Ferret writes:
 * F32, F16, BF16, Q8_0, Q5_0, Q4_0, Q4_K and Q6_K. The byte layouts are ggml's (ggml-common.h), so files written
 * here are read by llama.cpp without conversion. The choice of scales is our own: Q8_0, Q5_0 and Q4_0 scale each
 * block by its largest magnitude as ggml's reference quantizer does (so they give the same bytes), Q4_K fits each
 * sub-block by a small least-squares search ({@code refit}), which on Gaussian data comes within about 1% of ggml's error,
 * and Q6_K is described in {@link Q6K}.
 *
 * <ul>
 *   <li>Q8_0: 32 elements = f16 scale d, then 32 int8 q; value = q * d.
 *   <li>Q4_0: 32 elements = f16 d, then 16 bytes; byte j holds element j in its low nibble and element j + 16
 *       in its high nibble; value = (q - 8) * d.
 *   <li>Q5_0: 32 elements = f16 d, a little-endian u32 of fifth bits (bit j for element j), then 16 bytes of low
 *       nibbles arranged as in Q4_0; value = (q - 16) * d.
 *   <li>Q4_K: 256 elements in 8 sub-blocks of 32 = f16 d, f16 dmin, 12 bytes of 6-bit sub-block scales and
 *       mins, 128 bytes of nibbles; value = d * scale[j] * q - dmin * min[j]. See {@link #putScaleMin}.
 * </ul>
 * All multi-byte numbers are little-endian.
 */
public final class Quantizer {
    private static final Set<GgufType> SUPPORTED =
            EnumSet.of(GgufType.F32, GgufType.F16, GgufType.BF16, GgufType.Q8_0, GgufType.Q5_0, GgufType.Q4_0,
                    GgufType.Q4_K, GgufType.Q6_K);

    private Quantizer() {
    }

    /** Whether this class can write and read {@code type}. */
    public static boolean supports(GgufType type) {
        return SUPPORTED.contains(type);
    }

    /** Quantizes a whole array; its length must be a multiple of the type's block size. */
    public static byte[] quantize(GgufType type, float[] values) {
        byte[] out = new byte[Math.toIntExact(bytesFor(type, values.length))];
        quantizeRow(type, values, 0, values.length, out, 0);
        return out;
    }

    /** Converts {@code n} elements stored as {@code type} back to floats. */
    public static float[] dequantize(GgufType type, byte[] data, int n) {
        float[] out = new float[n];
        dequantizeRow(type, data, 0, out, 0, n);
        return out;
    }

    /**
     * Writes {@code n} floats from {@code src[srcOffset..]} as {@code type} into {@code dst[dstOffset..]}.
     * {@code n} must be a multiple of the block size; {@code type.bytesFor(n)} bytes are written.
     */
    public static void quantizeRow(GgufType type, float[] src, int srcOffset, int n, byte[] dst, int dstOffset) {
        check(type, n);
        switch (type) {
            case F32 -> {
                for (int i = 0; i < n; i++) {
                    putInt(dst, dstOffset + 4 * i, Float.floatToRawIntBits(src[srcOffset + i]));
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    putShort(dst, dstOffset + 2 * i, Float.floatToFloat16(src[srcOffset + i]));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    putShort(dst, dstOffset + 2 * i, toBf16(src[srcOffset + i]));
                }
            }
            case Q8_0 -> encodeBlocks(type, src, srcOffset, n, dst, dstOffset, Quantizer::q8Block);
            case Q4_0 -> encodeBlocks(type, src, srcOffset, n, dst, dstOffset, Quantizer::q4Block);
            case Q5_0 -> encodeBlocks(type, src, srcOffset, n, dst, dstOffset, Quantizer::q5Block);
            case Q4_K -> encodeBlocks(type, src, srcOffset, n, dst, dstOffset, Quantizer::q4kBlock);
            case Q6_K -> encodeBlocks(type, src, srcOffset, n, dst, dstOffset, Q6K::quantizeBlock);
            default -> throw new IllegalArgumentException(type + " is not supported");
        }
    }

    /** Writes one block: {@code type.blockSize()} floats from {@code x[from..]} as encoded bytes at {@code out[at..]}. */
    private interface BlockEncoder {
        void encode(float[] x, int from, byte[] out, int at);
    }

    /** Reads one block's encoded bytes at {@code in[at..]} into {@code type.blockSize()} floats at {@code out[to..]}. */
    private interface BlockDecoder {
        void decode(byte[] in, int at, float[] out, int to);
    }

    /** A row of {@code n} floats, block after block. */
    private static void encodeBlocks(GgufType type, float[] src, int srcOffset, int n, byte[] dst, int dstOffset, BlockEncoder block) {
        for (int b = 0; b < n / type.blockSize(); b++) {
            block.encode(src, srcOffset + type.blockSize() * b, dst, dstOffset + type.bytesPerBlock() * b);
        }
    }

    /** A row of {@code n} elements, block after block. */
    private static void decodeBlocks(GgufType type, byte[] src, int srcOffset, float[] dst, int dstOffset, int n, BlockDecoder block) {
        for (int b = 0; b < n / type.blockSize(); b++) {
            block.decode(src, srcOffset + type.bytesPerBlock() * b, dst, dstOffset + type.blockSize() * b);
        }
    }

    /** Reads {@code n} elements stored as {@code type} at {@code src[srcOffset..]} into {@code dst[dstOffset..]}. */
    public static void dequantizeRow(GgufType type, byte[] src, int srcOffset, float[] dst, int dstOffset, int n) {
        check(type, n);
        switch (type) {
            case F32 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Float.intBitsToFloat(getInt(src, srcOffset + 4 * i));
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Float.float16ToFloat(getShort(src, srcOffset + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Float.intBitsToFloat((getShort(src, srcOffset + 2 * i) & 0xFFFF) << 16);
                }
            }
            case Q8_0 -> decodeBlocks(type, src, srcOffset, dst, dstOffset, n, Quantizer::q8Dequantize);
            case Q4_0 -> decodeBlocks(type, src, srcOffset, dst, dstOffset, n, Quantizer::q4Dequantize);
            case Q5_0 -> decodeBlocks(type, src, srcOffset, dst, dstOffset, n, Quantizer::q5Dequantize);
            case Q4_K -> decodeBlocks(type, src, srcOffset, dst, dstOffset, n, Quantizer::q4kDequantize);
            case Q6_K -> decodeBlocks(type, src, srcOffset, dst, dstOffset, n, Q6K::dequantizeBlock);
            default -> throw new IllegalArgumentException(type + " is not supported");
        }
    }

    private static void q8Dequantize(byte[] src, int at, float[] dst, int out) {
        float d = Float.float16ToFloat(getShort(src, at));
        for (int j = 0; j < 32; j++) {
            dst[out + j] = src[at + 2 + j] * d;
        }
    }

    private static void q4Dequantize(byte[] src, int at, float[] dst, int out) {
        float d = Float.float16ToFloat(getShort(src, at));
        for (int j = 0; j < 16; j++) {
            int packed = src[at + 2 + j] & 0xFF;
            dst[out + j] = ((packed & 0x0F) - 8) * d;
            dst[out + j + 16] = ((packed >>> 4) - 8) * d;
        }
    }

    private static void q5Dequantize(byte[] src, int at, float[] dst, int out) {
        float d = Float.float16ToFloat(getShort(src, at));
        int high = getInt(src, at + 2);
        for (int j = 0; j < 16; j++) {
            int packed = src[at + 6 + j] & 0xFF;
            dst[out + j] = ((packed & 0x0F | (high >>> j & 1) << 4) - 16) * d;
            dst[out + j + 16] = ((packed >>> 4 | (high >>> (j + 16) & 1) << 4) - 16) * d;
        }
    }

    private static long bytesFor(GgufType type, long n) {
        check(type, n);
        return type.bytesFor(n);
    }

    private static void check(GgufType type, long n) {
        if (!supports(type)) {
            throw new IllegalArgumentException(type + " is not supported (only " + SUPPORTED + ")");
        }
        if (n % type.blockSize() != 0) {
            throw new IllegalArgumentException(n + " elements are not a whole number of " + type + " blocks of " + type.blockSize());
        }
    }

    // Q8_0: the largest magnitude maps to +-127.
    private static void q8Block(float[] x, int from, byte[] out, int at) {
        float amax = 0;
        for (int j = 0; j < 32; j++) {
            amax = Math.max(amax, Math.abs(x[from + j]));
        }
        float d = amax / 127f;
        float inverse = d == 0 ? 0 : 1 / d;
        putShort(out, at, Float.floatToFloat16(d));
        for (int j = 0; j < 32; j++) {
            out[at + 2 + j] = (byte) roundHalfAway(x[from + j] * inverse);
        }
    }

    // Q4_0: the element of largest magnitude maps exactly to -8, so its sign decides the sign of d and the
    // asymmetric range [-8, 7] is used where it matters.
    private static void q4Block(float[] x, int from, byte[] out, int at) {
        float d = extreme(x, from) / -8f;
        float inverse = d == 0 ? 0 : 1 / d;
        putShort(out, at, Float.floatToFloat16(d));
        for (int j = 0; j < 16; j++) {
            int lo = nibble(x[from + j] * inverse);
            int hi = nibble(x[from + j + 16] * inverse);
            out[at + 2 + j] = (byte) (lo | hi << 4);
        }
    }

    // Q5_0: as Q4_0 with 5-bit quants: the element of largest magnitude maps exactly to -16.
    private static void q5Block(float[] x, int from, byte[] out, int at) {
        float d = extreme(x, from) / -16f;
        float inverse = d == 0 ? 0 : 1 / d;
        putShort(out, at, Float.floatToFloat16(d));
        int high = 0;
        for (int j = 0; j < 16; j++) {
            int lo = fiveBits(x[from + j] * inverse);
            int hi = fiveBits(x[from + j + 16] * inverse);
            out[at + 6 + j] = (byte) ((lo & 0x0F) | (hi & 0x0F) << 4);
            high |= (lo >>> 4) << j | (hi >>> 4) << (j + 16);
        }
        putInt(out, at + 2, high);
    }

    /** The first of the 32 values at {@code x[from..]} with the largest magnitude, keeping its sign (0 for all zero). */
    private static float extreme(float[] x, int from) {
        float extreme = 0;
        for (int j = 0; j < 32; j++) {
            if (Math.abs(x[from + j]) > Math.abs(extreme)) {
                extreme = x[from + j];
            }
        }
        return extreme;
    }

    private static int fiveBits(float scaled) {
        int q = (int) Math.floor(scaled + 16.5f);
        return Math.max(0, Math.min(31, q));
    }

    private static int nibble(float scaled) {
        int q = (int) Math.floor(scaled + 8.5f);
        return Math.max(0, Math.min(15, q));
    }

    // Q4_K: each sub-block of 32 gets an affine map x = scale * q - min with q in 0..15; the eight scales and
    // eight mins are themselves stored as 6-bit multiples of the super-block's d and dmin.
    private static void q4kBlock(float[] x, int from, byte[] out, int at) {
        float[] scales = new float[8];
        float[] mins = new float[8];
        float maxScale = 0;
        float maxMin = 0;
        for (int s = 0; s < 8; s++) {
            float lo = 0;
            float hi = -Float.MAX_VALUE;
            for (int j = 0; j < 32; j++) {
                float v = x[from + 32 * s + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            hi = Math.max(hi, lo);
            scales[s] = (hi - lo) / 15f;
            mins[s] = -lo; // the min is stored as a positive amount to subtract
            refit(x, from + 32 * s, scales, mins, s);
            maxScale = Math.max(maxScale, scales[s]);
            maxMin = Math.max(maxMin, mins[s]);
        }
        float d = maxScale / 63f;
        float dmin = maxMin / 63f;
        short dBits = Float.floatToFloat16(d);
        short dminBits = Float.floatToFloat16(dmin);
        putShort(out, at, dBits);
        putShort(out, at + 2, dminBits);
        float dStored = Float.float16ToFloat(dBits);
        float dminStored = Float.float16ToFloat(dminBits);
        int[] sixBitScales = new int[8];
        int[] sixBitMins = new int[8];
        for (int s = 0; s < 8; s++) {
            sixBitScales[s] = dStored == 0 ? 0 : Math.min(63, Math.round(scales[s] / dStored));
            sixBitMins[s] = dminStored == 0 ? 0 : Math.min(63, Math.round(mins[s] / dminStored));
        }
        for (int i = 0; i < 12; i++) {
            out[at + 4 + i] = 0;
        }
        for (int s = 0; s < 8; s++) {
            putScaleMin(out, at + 4, s, sixBitScales[s], sixBitMins[s]);
        }
        int[] q = new int[256];
        for (int s = 0; s < 8; s++) {
            float scale = dStored * sixBitScales[s];
            float min = dminStored * sixBitMins[s];
            float inverse = 1 / scale;
            for (int j = 0; j < 32; j++) {
                q[32 * s + j] = scale == 0 ? 0 : nibble15(x[from + 32 * s + j] + min, inverse);
            }
        }
        // each 32-byte group holds two sub-blocks: the even one in the low nibbles, the odd one in the high
        for (int group = 0; group < 4; group++) {
            for (int l = 0; l < 32; l++) {
                out[at + 16 + 32 * group + l] = (byte) (q[64 * group + l] | q[64 * group + 32 + l] << 4);
            }
        }
    }

    /** The spreads of a sub-block's range that {@link #refit} tries, in quantization steps. */
    private static final float[] SPREADS = {14f, 14.5f, 15f, 15.5f, 16f};
    /** Rounds of requantizing with the best map and refitting it. */
    private static final int POLISH_ROUNDS = 2;

    /**
     * Improves sub-block {@code s}'s affine map {@code x = scale * q - min}: it spreads the range over 14 to 16 steps
     * instead of exactly 15 ({@link #SPREADS}), fits the least-squares scale and offset to the quants each spread
     * gives (a closed form) and keeps the best; then it alternates between quantizing with the best map and
     * refitting it, while the error falls. The offset stays a non-negative amount to subtract, as Q4_K stores it.
     * On Gaussian data the squared error comes within about 1% of ggml's own Q4_K quantizer's
     * (QuantizationCrossCheckTest: 28.53 vs 28.27), at a sixth of the cost of the 21-spread search this replaced
     * (whose error was 28.22): a 7B model's worth of weights in minutes on two cores.
     */
    private static void refit(float[] x, int from, float[] scales, float[] mins, int s) {
        float range = scales[s] * 15;
        if (!(range > 0) || !Float.isFinite(range)) {
            return;
        }
        double sx = 0;
        for (int j = 0; j < 32; j++) {
            sx += x[from + j];
        }
        double best = error(x, from, scales[s], mins[s]);
        for (float spread : SPREADS) {
            best = tryFit(x, from, sx, range / spread, mins[s], best, scales, mins, s);
        }
        for (int round = 0; round < POLISH_ROUNDS; round++) {
            double before = best;
            best = tryFit(x, from, sx, scales[s], mins[s], best, scales, mins, s);
            if (!(best < before)) {
                break;
            }
        }
    }

    /**
     * Quantizes the sub-block with {@code scale} and {@code min}, fits scale and offset to those quants by least
     * squares and, if that map's error is below {@code best}, stores it as sub-block {@code s}'s. Returns the best
     * error.
     */
    private static double tryFit(float[] x, int from, double sx, float scale, float min, double best,
                                 float[] scales, float[] mins, int s) {
        float inverse = 1 / scale;
        int sq = 0;
        int sqq = 0;
        double sxq = 0;
        for (int j = 0; j < 32; j++) {
            int q = nibble15(x[from + j] + min, inverse);
            sq += q;
            sqq += q * q;
            sxq += x[from + j] * q;
        }
        double det = 32.0 * sqq - (double) sq * sq;
        if (det <= 0) {
            return best;
        }
        double a = (32 * sxq - sq * sx) / det;
        double b = (sx - a * sq) / 32;
        if (b > 0) { // the map must not add: refit through the origin
            b = 0;
            a = sxq / sqq;
        }
        if (!(a > 0)) {
            return best;
        }
        double e = error(x, from, (float) a, (float) -b);
        if (e < best) {
            scales[s] = (float) a;
            mins[s] = (float) -b;
            return e;
        }
        return best;
    }

    private static double error(float[] x, int from, float scale, float min) {
        double e = 0;
        float inverse = 1 / scale;
        for (int j = 0; j < 32; j++) {
            int q = nibble15(x[from + j] + min, inverse);
            float d = scale * q - min - x[from + j];
            e += d * d;
        }
        return e;
    }

    /** {@code clamp(round(v * inverse), 0, 15)}: a Q4_K quant, with a multiplication rather than a division. */
    private static int nibble15(float v, float inverse) {
        return Math.max(0, Math.min(15, Math.round(v * inverse)));
    }

    private static void q4kDequantize(byte[] src, int at, float[] dst, int out) {
        float d = Float.float16ToFloat(getShort(src, at));
        float dmin = Float.float16ToFloat(getShort(src, at + 2));
        for (int group = 0; group < 4; group++) {
            int even = 2 * group;
            int odd = even + 1;
            float scaleLo = d * scaleOf(src, at + 4, even);
            float minLo = dmin * minOf(src, at + 4, even);
            float scaleHi = d * scaleOf(src, at + 4, odd);
            float minHi = dmin * minOf(src, at + 4, odd);
            for (int l = 0; l < 32; l++) {
                int packed = src[at + 16 + 32 * group + l] & 0xFF;
                dst[out + 64 * group + l] = scaleLo * (packed & 0x0F) - minLo;
                dst[out + 64 * group + 32 + l] = scaleHi * (packed >>> 4) - minHi;
            }
        }
    }

    /**
     * Packs sub-block {@code s}'s 6-bit scale and min into the 12 scale bytes at {@code base}: sub-blocks 0..3
     * keep their scale in the low 6 bits of byte s and their min in the low 6 bits of byte s + 4; sub-blocks
     * 4..7 keep the low 4 bits of scale and min in the two nibbles of byte s + 4 and their top 2 bits in the
     * spare top bits of bytes s - 4 (scale) and s (min).
     */
    static void putScaleMin(byte[] b, int base, int s, int scale, int min) {
        if (s < 4) {
            b[base + s] = (byte) ((b[base + s] & 0xC0) | scale);
            b[base + s + 4] = (byte) ((b[base + s + 4] & 0xC0) | min);
        } else {
            b[base + s + 4] = (byte) ((scale & 0x0F) | (min & 0x0F) << 4);
            b[base + s - 4] = (byte) ((b[base + s - 4] & 0x3F) | (scale >>> 4) << 6);
            b[base + s] = (byte) ((b[base + s] & 0x3F) | (min >>> 4) << 6);
        }
    }

    static int scaleOf(byte[] b, int base, int s) {
        if (s < 4) {
            return b[base + s] & 0x3F;
        }
        return (b[base + s + 4] & 0x0F) | ((b[base + s - 4] & 0xFF) >>> 6) << 4;
    }

    static int minOf(byte[] b, int base, int s) {
        if (s < 4) {
            return b[base + s + 4] & 0x3F;
        }
        return ((b[base + s + 4] & 0xFF) >>> 4) | ((b[base + s] & 0xFF) >>> 6) << 4;
    }

    private static int roundHalfAway(float v) {
        return v >= 0 ? (int) (v + 0.5f) : -(int) (-v + 0.5f);
    }

    /** fp32 to bf16 with round-to-nearest-even; NaN stays a (quiet) NaN. */
    private static short toBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) {
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    static void putShort(byte[] b, int at, short v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static short getShort(byte[] b, int at) {
        return (short) ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
