package dev.ferret.models.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths to read or write are checked before anything opens them: a regular file (or a link to one) passes, a
 * directory, named pipe or socket is refused naming what it is, and a device by its {@code st_mode} (no real device
 * is touched: the mode helper takes the bits).
 */
class RegularFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyFileTypeOfStModeHasAName() {
        assertNull(RegularFiles.kind(0100644));
        assertEquals("a directory", RegularFiles.kind(0040755));
        assertEquals("a named pipe (FIFO)", RegularFiles.kind(0010644));
        assertEquals("a character device", RegularFiles.kind(0020666)); // /dev/null, /dev/zero, /dev/full
        assertEquals("a block device", RegularFiles.kind(0060660));
        assertEquals("a socket", RegularFiles.kind(0140777));
        assertEquals("a symbolic link", RegularFiles.kind(0120777));
        assertEquals(RegularFiles.SPECIAL, RegularFiles.kind(0));
    }

    @Test
    void onlyARegularFileOrALinkToOneIsReadable() throws Exception {
        Path file = Files.writeString(dir.resolve("f.json"), "{}");
        RegularFiles.requireRegular(file);
        RegularFiles.requireRegular(Files.createSymbolicLink(dir.resolve("link.json"), file));
        Path fifo = SpecialFiles.fifo(dir, "pipe.json");
        // refused from its attributes: a pipe is never opened, which would block until someone writes to it
        FileKindException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(FileKindException.class, () -> RegularFiles.requireRegular(fifo)));
        assertEquals("a named pipe (FIFO)", e.kind());
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
        assertEquals("a directory", assertThrows(FileKindException.class, () -> RegularFiles.requireRegular(dir)).kind());
        Path socket = SpecialFiles.socket(dir, "s.sock");
        assertEquals("a socket", assertThrows(FileKindException.class, () -> RegularFiles.requireRegular(socket)).kind());
        assertEquals("a named pipe (FIFO)", assertThrows(FileKindException.class,
                () -> RegularFiles.requireRegular(Files.createSymbolicLink(dir.resolve("to-pipe"), fifo))).kind());
        assertThrows(NoSuchFileException.class, () -> RegularFiles.requireRegular(dir.resolve("none.json")));
        assertThrows(NoSuchFileException.class,
                () -> RegularFiles.requireRegular(Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("none"))));
    }

    @Test
    void aNewPathOrARegularFileIsWrittenWhereItIs() throws IOException {
        Path fresh = dir.resolve("a/b/new.gguf");
        assertEquals(fresh, RegularFiles.writeTarget(fresh), "missing folders are the writer's to create");
        Path file = Files.writeString(dir.resolve("old.gguf"), "old");
        assertEquals(file, RegularFiles.writeTarget(file));
        Path relative = Path.of("relative-" + System.nanoTime() + ".gguf");
        assertEquals(relative.toAbsolutePath(), RegularFiles.writeTarget(relative));
    }

    @Test
    void aLinkToARegularFileIsWrittenThrough() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("models")).resolve("v3.gguf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("current.gguf"), Path.of("models/v3.gguf"));
        assertEquals(real.toRealPath(), RegularFiles.writeTarget(link));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.gguf"), link);
        assertEquals(real.toRealPath(), RegularFiles.writeTarget(chain));
    }

    @Test
    void anythingElseIsRefusedNamingWhatItIs() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.gguf");
        FileKindException e = assertThrows(FileKindException.class, () -> RegularFiles.writeTarget(fifo));
        assertEquals("a named pipe (FIFO)", e.kind());
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
        Path folder = Files.createDirectory(dir.resolve("empty.gguf"));
        assertEquals("a directory", assertThrows(FileKindException.class, () -> RegularFiles.writeTarget(folder)).kind());
        Path socket = SpecialFiles.socket(dir, "s.gguf");
        assertEquals("a socket", assertThrows(FileKindException.class, () -> RegularFiles.writeTarget(socket)).kind());
        Path toPipe = Files.createSymbolicLink(dir.resolve("to-pipe.gguf"), fifo);
        e = assertThrows(FileKindException.class, () -> RegularFiles.writeTarget(toPipe));
        assertTrue(e.getMessage().contains("is a symbolic link to " + fifo.toRealPath() + ", which is a named pipe (FIFO)"), e.getMessage());
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.gguf"), Path.of("nowhere.gguf"));
        e = assertThrows(FileKindException.class, () -> RegularFiles.writeTarget(dangling));
        assertTrue(e.getMessage().contains("is a symbolic link to nowhere.gguf, which does not exist"), e.getMessage());
        assertTrue(Files.isSymbolicLink(dangling) && Files.isSymbolicLink(toPipe), "links are left as they were");
    }

    @Test
    void aFileAboveTheTargetIsNamedAsNoFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        FileKindException e = assertThrows(FileKindException.class, () -> RegularFiles.writeTarget(file.resolve("sub/model.gguf")));
        assertEquals("a regular file", e.kind());
        assertEquals(file + ": is a regular file, not a directory, so " + file.resolve("sub/model.gguf") + " cannot be created",
                e.getMessage());
    }
}
