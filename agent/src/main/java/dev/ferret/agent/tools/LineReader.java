package dev.ferret.agent.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text file, read in bounded memory however long the file or its lines are: a 20 MB file of one
 * line costs a 64 KiB buffer and the kept part of the line. Each line keeps its first {@code maxChars} characters;
 * the rest is counted, not kept. {@code \n}, {@code \r\n} or {@code \r} ends a line, and there is no empty last line
 * after a final line end (as {@link Sandbox#splitLines}). Bytes are decoded as UTF-8, malformed ones replaced.
 * Reading checks the tool call's interruption ({@link CallBudget#checkpoint()}) at every buffer.
 */
final class LineReader implements AutoCloseable {
    /**
     * One line.
     *
     * @param text   its first characters, at most the reader's {@code maxChars}
     * @param length the length of the whole line in characters (code points past the kept part)
     */
    record Line(String text, long length) {
        boolean clipped() {
            return length > text.length();
        }
    }

    private final InputStream in;
    private final int maxChars;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean pendingCr;
    private byte[] line = new byte[256];
    private int lineLen;
    private long dropped;

    LineReader(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        lineLen = 0;
        dropped = 0;
        if (pendingCr) {
            pendingCr = false;
            if (fill() && buf[pos] == '\n') {
                pos++;
            }
        }
        boolean any = false;
        while (fill()) {
            any = true;
            int i = pos;
            while (i < lim && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            keep(pos, i);
            if (i == lim) {
                pos = lim;
                continue;
            }
            pos = i + 1;
            if (buf[i] == '\r') {
                if (pos < lim) {
                    if (buf[pos] == '\n') {
                        pos++;
                    }
                } else {
                    pendingCr = true; // the '\n' of a "\r\n" may start the next buffer
                }
            }
            return make();
        }
        return any ? make() : null;
    }

    /** True if bytes are waiting in the buffer (reading more when it is empty); false at the end of the file. */
    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        if (eof) {
            return false;
        }
        CallBudget.checkpoint();
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** Keeps bytes {@code from..to} of the buffer up to the line's byte budget and counts the rest. */
    private void keep(int from, int to) {
        int budget = maxChars * 4 + 4 - lineLen; // UTF-8 needs at most 4 bytes a character
        int take = Math.max(0, Math.min(budget, to - from));
        if (take > 0) {
            if (lineLen + take > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(lineLen + take, Math.min(line.length * 2, maxChars * 4 + 4)));
            }
            System.arraycopy(buf, from, line, lineLen, take);
            lineLen += take;
        }
        for (int i = from + take; i < to; i++) {
            if ((buf[i] & 0xC0) != 0x80) { // a lead byte (or an ASCII one) starts a character
                dropped++;
            }
        }
    }

    private Line make() {
        int end = lineLen;
        if (dropped > 0) {
            // the kept bytes may end inside a character: cut before it, and count it as dropped
            int k = end - 1;
            while (k >= 0 && (line[k] & 0xC0) == 0x80) {
                k--;
            }
            if (k >= 0) {
                int lead = line[k] & 0xFF;
                int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
                if (k + need > end) {
                    end = k;
                    dropped++;
                }
            }
        }
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        if (text.length() > maxChars) {
            int cut = maxChars;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            dropped += text.codePointCount(cut, text.length());
            text = text.substring(0, cut);
        }
        if (line.length > 4096) {
            line = new byte[256]; // a long line does not keep its buffer for the short lines after it
        }
        return new Line(text, text.length() + dropped);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
