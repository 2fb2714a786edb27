package dev.ferret.agent.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Repository files written by the Python tools' tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code text} to {@code rel} under {@code root}, creating its folders. */
    static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
