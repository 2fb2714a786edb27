package dev.ferret.models.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text file is read only when it is a regular file (a pipe is refused without being opened) holding UTF-8; the
 * first byte that does not decode is named by line and byte offset, the way an editor finds it.
 */
class TextFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsUtf8TextAndThroughALink() throws Exception {
        Path file = Files.writeString(dir.resolve("t.txt"), "café\nnaïve ☕\n");
        assertEquals("café\nnaïve ☕\n", TextFiles.readUtf8(file));
        assertEquals("", TextFiles.readUtf8(Files.write(dir.resolve("empty"), new byte[0])));
        assertEquals("café\nnaïve ☕\n", TextFiles.readUtf8(Files.createSymbolicLink(dir.resolve("link"), file)));
    }

    @Test
    void theFirstBadByteIsNamedByLineAndOffset() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "ok\nstill ok\ncaf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        NotUtf8Exception e = assertThrows(NotUtf8Exception.class, () -> TextFiles.readUtf8(latin1));
        assertEquals(latin1 + ": not UTF-8 text (byte 0xe9 at line 3, byte offset 15)", e.getMessage());
        assertEquals(0xe9, e.badByte());
        assertEquals(3, e.line());
        assertEquals(15, e.offset());
        assertEquals(latin1.toString(), e.getFile());
        // a UTF-16 byte-order mark, and a character cut at the end of the file
        Path bom = Files.write(dir.resolve("bom.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        assertEquals(bom + ": not UTF-8 text (byte 0xff at line 1, byte offset 0)",
                assertThrows(NotUtf8Exception.class, () -> TextFiles.readUtf8(bom)).getMessage());
        Path cut = Files.write(dir.resolve("cut.txt"), new byte[] {'a', '\n', (byte) 0xe2, (byte) 0x98});
        assertEquals(cut + ": not UTF-8 text (byte 0xe2 at line 2, byte offset 2)",
                assertThrows(NotUtf8Exception.class, () -> TextFiles.readUtf8(cut)).getMessage());
    }

    @Test
    void aPipeAFolderOrNothingIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.txt");
        FileKindException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(FileKindException.class, () -> TextFiles.readUtf8(fifo)));
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
        assertEquals("a directory", assertThrows(FileKindException.class, () -> TextFiles.readUtf8(dir)).kind());
        assertThrows(NoSuchFileException.class, () -> TextFiles.readUtf8(dir.resolve("none.txt")));
    }
}
