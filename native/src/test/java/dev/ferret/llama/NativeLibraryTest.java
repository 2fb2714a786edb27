package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class NativeLibraryTest {
    @Test
    void bundledLibraryIsExtractedOnceIntoAVersionedCache() throws Exception {
        Path p = NativeLibrary.path();
        assertTrue(Files.isRegularFile(p), p.toString());
        assertTrue(p.toString().contains("llama-" + NativeLibrary.jarVersion()), p.toString());
        assertEquals("4.2.0", NativeLibrary.jarVersion());
        assertTrue(NativeLibrary.describe().contains(p.toString()));
    }

    @Test
    void overrideNamesAFileOrAFolder(@TempDir Path dir) throws Exception {
        List<String> tried = new ArrayList<>();
        assertNull(NativeLibrary.resolveOverride(dir.resolve("missing.so"), tried));
        assertNull(NativeLibrary.resolveOverride(dir, tried));
        assertTrue(tried.stream().anyMatch(t -> t.endsWith("libllama.so")), "every path tried is listed: " + tried);
        Path lib = Files.createFile(dir.resolve("libllama.so"));
        assertEquals(lib.toAbsolutePath(), NativeLibrary.resolveOverride(dir, new ArrayList<>()));
        assertEquals(lib.toAbsolutePath(), NativeLibrary.resolveOverride(lib, new ArrayList<>()));
    }

    @Test
    void platformFolders() {
        assertTrue(List.of("Linux", "Mac", "Windows", "Linux-Android").contains(NativeLibrary.osFolder()));
        assertTrue(List.of("x86_64", "aarch64", "x86").contains(NativeLibrary.archFolder()));
        assertEquals("jllama.dll", NativeLibrary.libraryFileName("Windows"));
        assertEquals("libjllama.dylib", NativeLibrary.libraryFileName("Mac"));
    }
}
