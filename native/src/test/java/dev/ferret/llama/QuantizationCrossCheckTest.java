package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.Quantizer;
import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our Java quantizers write blocks that ggml's own dequantizer ({@code ggml_type_traits.to_float}) reads back
 * to exactly the values our Java dequantizer gives: the byte layouts agree with llama.cpp's. For the simple
 * formats ggml's quantizer writes the very same bytes; for the k-quants our error stays near ggml's.
 */
@Tag("native")
class QuantizationCrossCheckTest {
    @ParameterizedTest
    @EnumSource(names = {"F16", "Q8_0", "Q5_0", "Q4_0", "Q4_K", "Q6_K"})
    void javaBlocksDecodeIdenticallyInGgml(GgufType type) throws Throwable {
        LlamaBackend.get();
        int n = 256 * 8;
        float[] x = new float[n];
        Random r = new Random(42);
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * (i % 7 == 0 ? 3 : 0.5));
        }
        byte[] q = Quantizer.quantize(type, x);
        float[] ours = Quantizer.dequantize(type, q, n);
        MemorySegment traits = LlamaH.ggml_get_type_traits(type.id()).reinterpret(Structs.GGML_TYPE_TRAITS.byteSize());
        assertEquals(type.blockSize(), traits.get(JAVA_LONG, Structs.offset(Structs.GGML_TYPE_TRAITS, "blck_size")));
        assertEquals(type.bytesPerBlock(), traits.get(JAVA_LONG, Structs.offset(Structs.GGML_TYPE_TRAITS, "type_size")));
        MemorySegment toFloat = traits.get(ADDRESS, Structs.offset(Structs.GGML_TYPE_TRAITS, "to_float"));
        MethodHandle h = Linker.nativeLinker().downcallHandle(toFloat, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment src = a.allocateFrom(JAVA_BYTE, q);
            MemorySegment dst = a.allocate(JAVA_FLOAT, n);
            h.invokeExact(src, dst, (long) n);
            assertArrayEquals(ours, dst.toArray(JAVA_FLOAT), 0f);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment src = a.allocateFrom(JAVA_FLOAT, x);
            MemorySegment dst = a.allocate(q.length);
            long written = LlamaH.ggml_quantize_chunk(type.id(), src, dst, 0, n / 256, 256, MemorySegment.NULL);
            assertEquals(q.length, written);
            byte[] theirs = dst.toArray(JAVA_BYTE);
            if (!type.name().endsWith("_K")) {
                // ggml's own quantizer agrees with ours on the bytes for the simple formats
                assertArrayEquals(theirs, q);
            } else {
                // the k-quants choose scales their own way: ours must come close to ggml's error
                double ourError = squaredError(x, ours);
                double ggmlError = squaredError(x, Quantizer.dequantize(type, theirs, n));
                assertTrue(ourError < 1.3 * ggmlError, type + ": squared error " + ourError + " vs ggml's " + ggmlError);
            }
        }
    }

    private static double squaredError(float[] x, float[] y) {
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            e += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        return e;
    }
}
