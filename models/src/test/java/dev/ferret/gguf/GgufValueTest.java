package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GgufValueTest {
    @Test
    void factoriesCheckRanges() {
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint8(256));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.int8(128));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint16(-1));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint32(1L << 32));
        assertEquals(0xFFFF_FFFFL, GgufValue.uint32(0xFFFF_FFFFL).asLong());
    }

    @Test
    void holderMustMatchTheType() {
        assertThrows(IllegalArgumentException.class, () -> new GgufValue(GgufValueType.STRING, null, 5L));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.array(GgufValueType.INT32, new long[1]));
        assertThrows(IllegalArgumentException.class, () -> new GgufValue(GgufValueType.ARRAY, null, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> new GgufValue(GgufValueType.INT32, GgufValueType.INT32, 1L));
    }

    @Test
    void arraysCompareByContent() {
        assertEquals(GgufValue.int32Array(1, 2, 3), GgufValue.int32Array(1, 2, 3));
        assertEquals(GgufValue.int32Array(1, 2, 3).hashCode(), GgufValue.int32Array(1, 2, 3).hashCode());
        assertNotEquals(GgufValue.int32Array(1, 2, 3), GgufValue.uint32Array(1, 2, 3));
        assertEquals(GgufValue.stringArray(List.of("a")), GgufValue.stringArray(List.of("a")));
    }

    @Test
    void readsElementsWithTheirSignedness() {
        GgufValue u8 = GgufValue.array(GgufValueType.UINT8, new byte[] {(byte) 0xFF});
        GgufValue i8 = GgufValue.array(GgufValueType.INT8, new byte[] {(byte) 0xFF});
        assertEquals(255, u8.longAt(0));
        assertEquals(-1, i8.longAt(0));
        assertEquals(0xFFFF_FFFFL, GgufValue.uint32Array(-1).longAt(0));
        assertEquals(1, u8.length());
        assertEquals("ARRAY[UINT8]", u8.describe());
        assertThrows(IllegalStateException.class, () -> GgufValue.stringArray(List.of("x")).longAt(0));
    }

    @Test
    void scalarsHaveTypedAccessors() {
        assertEquals("x", GgufValue.string("x").asString());
        assertEquals(0.5, GgufValue.float32(0.5f).asDouble());
        assertTrue(GgufValue.bool(true).asBool());
        assertThrows(IllegalStateException.class, () -> GgufValue.string("x").asLong());
        assertThrows(IllegalStateException.class, () -> GgufValue.int32(1).asString());
        assertTrue(GgufValue.stringArray(List.of("a", "b")).toString().contains("ARRAY[STRING](2)"));
    }
}
