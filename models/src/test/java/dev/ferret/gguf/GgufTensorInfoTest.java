package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GgufTensorInfoTest {
    private final GgufTensorInfo embd = new GgufTensorInfo("token_embd.weight", GgufType.Q8_0, new long[] {896, 2048}, 64, 896L * 2048 / 32 * 34);

    @Test
    void describesTheShapeInGgmlOrder() {
        assertEquals(2, embd.nDims());
        assertEquals(896, embd.rowLength());
        assertEquals(2048, embd.rowCount());
        assertEquals(896L * 2048, embd.elementCount());
        assertEquals(1, embd.ne(3));
        assertEquals("[896, 2048]", embd.shape());
        assertTrue(embd.hasShape(896, 2048));
        assertTrue(embd.hasShape(896, 2048, 1));
        assertFalse(embd.hasShape(2048, 896));
        assertFalse(embd.hasShape(896));
    }

    @Test
    void dimsAreCopied() {
        long[] dims = {4, 4};
        GgufTensorInfo t = new GgufTensorInfo("a", GgufType.F32, dims, 0, 64);
        dims[0] = 99;
        assertArrayEquals(new long[] {4, 4}, t.dims());
        t.dims()[1] = 99;
        assertEquals(4, t.ne(1));
    }

    @Test
    void equalityUsesTheShapeContent() {
        assertEquals(embd, new GgufTensorInfo("token_embd.weight", GgufType.Q8_0, new long[] {896, 2048}, 64, embd.byteSize()));
        assertEquals(embd.hashCode(), new GgufTensorInfo("token_embd.weight", GgufType.Q8_0, new long[] {896, 2048}, 64, embd.byteSize()).hashCode());
        assertTrue(embd.toString().contains("Q8_0 [896, 2048]"));
    }
}
