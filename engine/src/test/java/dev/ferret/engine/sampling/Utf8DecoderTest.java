package dev.ferret.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8DecoderTest {
    @Test
    void characterSplitAcrossPiecesIsJoined() {
        byte[] b = "aé€😀z".getBytes(StandardCharsets.UTF_8);
        Utf8Decoder d = new Utf8Decoder();
        StringBuilder out = new StringBuilder();
        for (byte x : b) {
            out.append(d.decode(new byte[] {x}));
        }
        out.append(d.flush());
        assertEquals("aé€😀z", out.toString());
    }

    @Test
    void incompleteTailIsHeldUntilFlush() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        Utf8Decoder d = new Utf8Decoder();
        assertEquals("x", d.decode(new byte[] {'x', euro[0], euro[1]}));
        assertEquals("\uFFFD", d.flush());
    }

    @Test
    void invalidBytesBecomeReplacement() {
        Utf8Decoder d = new Utf8Decoder();
        assertEquals("\uFFFDa", d.decode(new byte[] {(byte) 0x80, 'a'}));
    }

    @Test
    void completePrefixOfWholeString() {
        byte[] b = "ok😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(b.length, Utf8Decoder.completePrefix(b));
        assertEquals(2, Utf8Decoder.completePrefix(Arrays.copyOf(b, 4)));
    }
}
