package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming line reader agrees with {@link Sandbox#splitLines} and keeps only the head of a long line. */
class LineReaderTest {
    static List<LineReader.Line> read(byte[] bytes, int maxChars) throws IOException {
        List<LineReader.Line> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(bytes), maxChars)) {
            for (LineReader.Line l; (l = r.next()) != null; ) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void lineEndsAsSplitLines() throws IOException {
        for (String s : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n", "a\r\n\r\nb", "\r", "x\r\r\ny")) {
            List<String> texts = read(s.getBytes(StandardCharsets.UTF_8), 100).stream().map(LineReader.Line::text).toList();
            assertEquals(Sandbox.splitLines(s), texts, s.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void crLfSplitAcrossTheBuffer() throws IOException {
        byte[] b = new byte[64 * 1024 + 2];
        java.util.Arrays.fill(b, (byte) 'a');
        b[64 * 1024 - 1] = '\r';
        b[64 * 1024] = '\n';
        List<LineReader.Line> lines = read(b, 10);
        assertEquals(2, lines.size(), "\\r at the end of one buffer and \\n at the start of the next are one line end");
        assertEquals(64 * 1024 - 1, lines.get(0).length());
        assertEquals(1, lines.get(1).length());
    }

    @Test
    void longLinesKeepTheirHeadAndTheirLength() throws IOException {
        String line = "é".repeat(300_000); // two bytes each, several buffers
        List<LineReader.Line> lines = read((line + "\nshort\n").getBytes(StandardCharsets.UTF_8), 1000);
        assertEquals(2, lines.size());
        assertEquals("é".repeat(1000), lines.get(0).text());
        assertEquals(300_000, lines.get(0).length());
        assertTrue(lines.get(0).clipped());
        assertEquals("short", lines.get(1).text());
        assertFalse(lines.get(1).clipped());
        // a cut inside a four-byte character drops it whole
        List<LineReader.Line> emoji = read("😀😀😀😀".getBytes(StandardCharsets.UTF_8), 1);
        assertFalse(emoji.get(0).text().contains("\uFFFD"), emoji.get(0).text());
        assertEquals(4, emoji.get(0).length(), "4 characters, however many were kept");
    }

    @Test
    void invalidUtf8IsReplaced() throws IOException {
        List<LineReader.Line> l = read(new byte[] {'a', (byte) 0xFF, 'b', '\n'}, 100);
        assertEquals("a\uFFFDb", l.getFirst().text());
    }
}
