package dev.ferret.engine.sampling;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns token pieces (bytes; a token may end in the middle of a UTF-8 character) into text, holding back an
 * incomplete trailing sequence until the next piece completes it. Invalid bytes become U+FFFD.
 *
 * <p>Not thread-safe: one decoder per stream of tokens.
 */
public final class Utf8Decoder {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public String decode(byte[] piece) {
        pending.writeBytes(piece);
        byte[] all = pending.toByteArray();
        int complete = completePrefix(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is left (an incomplete character at the very end), decoded with replacement. */
    public String flush() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return new String(rest, StandardCharsets.UTF_8);
    }

    /** Length of the longest prefix that does not end inside a (possibly valid) multi-byte sequence. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        // look back at most 3 bytes for a lead byte whose sequence runs past the end
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead
            }
            int need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
