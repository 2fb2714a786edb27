package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GgufValueTypeTest {
    @Test
    void idsFollowGguf() {
        assertEquals(13, GgufValueType.values().length);
        for (GgufValueType t : GgufValueType.values()) {
            assertEquals(t, GgufValueType.byId(t.id()));
        }
        assertEquals(8, GgufValueType.STRING.id());
        assertEquals(9, GgufValueType.ARRAY.id());
        assertEquals(12, GgufValueType.FLOAT64.id());
        assertNull(GgufValueType.byId(13));
        assertNull(GgufValueType.byId(-1));
    }

    @Test
    void minimumSizesBoundCounts() {
        assertEquals(1, GgufValueType.BOOL.minBytes());
        assertEquals(4, GgufValueType.FLOAT32.minBytes());
        assertEquals(8, GgufValueType.STRING.minBytes());
        assertEquals(12, GgufValueType.ARRAY.minBytes());
        assertTrue(GgufValueType.UINT64.isInteger());
        assertFalse(GgufValueType.FLOAT32.isInteger());
        assertFalse(GgufValueType.BOOL.isInteger());
    }
}
