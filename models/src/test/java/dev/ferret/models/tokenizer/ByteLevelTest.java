package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteLevelTest {
    @Test
    void mapsEveryByteToItsOwnPrintableCharacter() {
        Set<Character> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            char c = ByteLevel.charOf(b);
            seen.add(c);
            assertEquals(b, ByteLevel.byteOf(c));
            assertVisible(c);
        }
        assertEquals(256, seen.size());
    }

    private static void assertVisible(char c) {
        assertFalse(Character.isWhitespace(c) || Character.isISOControl(c), "U+" + Integer.toHexString(c));
    }

    @Test
    void followsGpt2sTable() {
        assertEquals('Ġ', ByteLevel.charOf(' '));
        assertEquals('Ċ', ByteLevel.charOf('\n'));
        assertEquals('ĉ', ByteLevel.charOf('\t'));
        assertEquals('Ā', ByteLevel.charOf(0));
        assertEquals('a', ByteLevel.charOf('a'));
        assertEquals('é', ByteLevel.charOf(0xE9));
        assertEquals('Ń', ByteLevel.charOf(0xAD)); // the soft hyphen is shifted too: the last of the 68
        assertEquals("ĠhÃ©", ByteLevel.encode(" hé".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 4));
        assertEquals(-1, ByteLevel.byteOf('€'));
    }
}
