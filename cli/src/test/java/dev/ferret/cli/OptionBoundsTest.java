package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17.10: out-of-bounds numbers and a folder or a missing file as a model are refused before anything native runs. */
class OptionBoundsTest {
    static void refused(String expected, String... args) {
        Cli.Out r = Cli.run(args);
        assertEquals(2, r.code(), List.of(args) + ": " + r.stderr());
        assertTrue(r.stderr().startsWith("error: " + expected), List.of(args) + ": " + r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }

    @Test
    void generateRefusesBadNumbers(@TempDir Path dir) {
        String m = dir.resolve("none.gguf").toString(); // never opened: the options are checked first
        refused("--temp must be a finite number >= 0 (0 = greedy), got -1.0", "generate", "-m", m, "--temp", "-1", "hi");
        refused("--temp must be a finite number >= 0 (0 = greedy), got NaN", "generate", "-m", m, "--temp", "NaN", "hi");
        refused("--temp must be a finite number >= 0 (0 = greedy), got Infinity", "generate", "-m", m, "--temp", "Infinity", "hi");
        refused("--threads must be 0 to 512, got 50000", "generate", "-m", m, "-t", "50000", "hi");
        refused("--max-tokens must be 1 to", "generate", "-m", m, "-n", "0", "hi");
        refused("--ctx must be 0 to", "generate", "-m", m, "-c", "-5", "hi");
        refused("--gpu-layers must be -1 to", "generate", "-m", m, "--gpu-layers", "-2", "hi");
        refused("Invalid value for option '--temp'", "generate", "-m", m, "--temp", "warm", "hi");
        refused("--model " + dir + ": is a directory; give a .gguf file", "generate", "-m", dir.toString(), "hi");
    }

    @Test
    void askRefusesBadNumbers(@TempDir Path dir) {
        String repo = Cli.sample().toString();
        refused("--model " + dir + ": is a directory; give a .gguf file", "ask", "--repo", repo, "--model", dir.toString(), "q");
        refused("--max-steps must be 1 to 100, got 0", "ask", "--repo", repo, "--max-steps", "0", "q");
        refused("--threads must be 0 to 512, got -1", "ask", "--repo", repo, "-t", "-1", "q");
    }

    @Test
    void aMissingModelDraftOrAdapterIsRefusedEvenWhereNoModelWouldBeLoaded(@TempDir Path dir) {
        String repo = Cli.sample().toString();
        String none = dir.resolve("nope.gguf").toString();
        // a question the hybrid path answers needs no model: a mistyped --model was silently ignored there
        String q = "Which classes in this codebase subclass from Protocol?";
        refused("--model " + none + ": no such file", "ask", "--repo", repo, "--model", none, q);
        refused("--draft " + none + ": no such file", "ask", "--repo", repo, "--draft", none, q);
        refused("--lora " + none + ": no such file", "ask", "--repo", repo, "--lora", none, q);
        refused("--model " + none + ": no such file", "chat", "--repo", repo, "--model", none);
        refused("--model " + none + ": no such file", "track", "--repo", repo, "--model", none, "--out", dir.toString());
        refused("--model " + none + ": no such file", "generate", "--model", none, "hi");
        refused("--model " + none + ": no such file", "serve", "--model", none, "--port", "0");
    }
}
