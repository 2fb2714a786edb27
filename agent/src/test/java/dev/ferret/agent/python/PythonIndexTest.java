package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonIndexTest {

    @Test
    void scansPythonFilesOnlyAndCachesThem(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("a.py"), "class A: pass\n");
        Files.writeString(repo.resolve("notes.txt"), "class B: pass\n");
        Files.writeString(repo.resolve("stub.pyi"), "class C: pass\n");
        Files.createDirectories(repo.resolve("build"));
        Files.writeString(repo.resolve("build/gen.py"), "class D: pass\n");
        Files.createDirectories(repo.resolve(".hidden"));
        Files.writeString(repo.resolve(".hidden/h.py"), "class E: pass\n");
        PythonIndex index = new PythonIndex(repo);
        List<PythonFile> first = index.files(index.sandbox().root());
        assertEquals(List.of("a.py"), first.stream().map(PythonFile::path).toList());
        assertSame(first.getFirst(), index.files(index.sandbox().root()).getFirst());
    }

    @Test
    void changedFilesAreRescannedAndNewFilesSeenAfterRefresh(@TempDir Path repo) throws IOException {
        Path a = repo.resolve("a.py");
        Files.writeString(a, "class A: pass\n");
        PythonIndex index = new PythonIndex(repo);
        Path root = index.sandbox().root();
        assertEquals(1, index.files(root).getFirst().classes().size());
        Files.writeString(a, "class A: pass\nclass B: pass\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        assertEquals(2, index.files(root).getFirst().classes().size());
        Files.writeString(repo.resolve("b.py"), "x = 1\n");
        assertEquals(1, index.files(root).size());
        index.refresh();
        assertEquals(2, index.files(root).size());
    }
}
