package dev.ferret.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.NotUtf8Exception;
import dev.ferret.models.io.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines input: what {@link Jsonl#write} writes reads back; a pipe is refused without blocking, a byte that is
 * not UTF-8 and a line that is not one JSON value are named by line, each a typed {@link java.io.IOException}.
 */
class JsonlTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatItWritesAndSkipsBlankLines() throws Exception {
        Path file = dir.resolve("a.jsonl");
        List<com.fasterxml.jackson.databind.node.ObjectNode> lines = List.of(
                Jsonl.MAPPER.createObjectNode().put("q", "café"), Jsonl.MAPPER.createObjectNode().put("n", 2));
        Jsonl.write(file, lines);
        assertEquals(lines, Jsonl.read(file));
        Files.writeString(file, "\n{\"a\": 1}\r\n   \n[2]\n");
        assertEquals(List.of(Jsonl.MAPPER.readTree("{\"a\": 1}"), Jsonl.MAPPER.readTree("[2]")), Jsonl.read(file));
        assertEquals(List.of(), Jsonl.read(Files.writeString(dir.resolve("empty.jsonl"), "")));
    }

    @Test
    void aPipeOrAMissingFileIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.jsonl");
        FileKindException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(FileKindException.class, () -> Jsonl.read(fifo)));
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
        assertThrows(NoSuchFileException.class, () -> Jsonl.read(dir.resolve("none.jsonl")));
    }

    @Test
    void badBytesAndBadLinesAreNamedByLine() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.jsonl"), "{\"a\": 1}\n{\"q\": \"caf\u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": not UTF-8 text (byte 0xe9 at line 2, byte offset 19)",
                assertThrows(NotUtf8Exception.class, () -> Jsonl.read(latin1)).getMessage());
        Path truncated = Files.writeString(dir.resolve("cut.jsonl"), "{\"a\": 1}\n\n{\"q\": \"a");
        Jsonl.BadLineException cut = assertThrows(Jsonl.BadLineException.class, () -> Jsonl.read(truncated));
        assertEquals(3, cut.line());
        assertTrue(cut.getMessage().startsWith(truncated + ": line 3 is not JSON: Unexpected end-of-input"), cut.getMessage());
        Path two = Files.writeString(dir.resolve("two.jsonl"), "{\"a\": 1} {\"b\": 2}\n");
        assertTrue(assertThrows(Jsonl.BadLineException.class, () -> Jsonl.read(two)).getMessage()
                .contains("line 1 is not JSON: text follows the JSON value"));
        Path deep = Files.writeString(dir.resolve("deep.jsonl"), "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertTrue(assertThrows(Jsonl.BadLineException.class, () -> Jsonl.read(deep)).getMessage()
                .contains("line 1 is not JSON: Document nesting depth (1001) exceeds"));
    }
}
