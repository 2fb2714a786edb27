package dev.ferret.agent.python;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code examples/shop}, the hand-written sample repository, from the test's working directory. */
public final class SampleRepo {
    private SampleRepo() {
    }

    public static Path shop() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples/shop");
            if (Files.isDirectory(candidate.resolve("shop"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/shop not found above " + dir);
    }
}
