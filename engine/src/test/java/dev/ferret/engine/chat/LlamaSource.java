package dev.ferret.engine.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * llama.cpp b4980's source checkout, for fixtures read at test time (its Jinja templates and chat-template test
 * cases). {@code scripts/fetch-llama-src.sh} puts it in {@code .work/llama-src/llama.cpp-b4980}; the system property
 * {@code ferret.llama.src} or {@code FERRET_LLAMA_SRC} can name another copy. Tests skip without it, unless
 * {@code FERRET_REQUIRE_FIXTURES=1} (set by {@code .ci/run}).
 */
public final class LlamaSource {
    private LlamaSource() {}

    /** The checkout, or null. */
    public static Path find() {
        String p = System.getProperty("ferret.llama.src", System.getenv("FERRET_LLAMA_SRC"));
        Path dir = p != null && !p.isBlank() ? Path.of(p) : HfReference.root().resolve(".work/llama-src/llama.cpp-b4980");
        return Files.isRegularFile(dir.resolve("tests/test-chat-template.cpp")) ? dir : null;
    }

    /** The checkout; skips the test (or fails it on CI) when it is missing. */
    public static Path require() {
        Path dir = find();
        if (dir == null) {
            String why = "llama.cpp b4980 source not found (run scripts/fetch-llama-src.sh)";
            if ("1".equals(System.getenv("FERRET_REQUIRE_FIXTURES"))) {
                throw new AssertionError(why + "; FERRET_REQUIRE_FIXTURES=1 requires it");
            }
            Assumptions.abort(why);
        }
        return dir;
    }
}
