package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.tokenizer.QwenTokenizerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferret generate} on generated models, through the native library: plain, with adapters, speculative. */
@Tag("native")
class GenerateCommandTest {
    final Path model = Cli.tinyModel();

    @Test
    void generatesTheRequestedNumberOfTokens() {
        Cli.Out g = Cli.run("generate", "--model", model.toString(), "-n", "8", "--stats", "hello");
        assertEquals(0, g.code(), g.stderr());
        assertTrue(g.stderr().contains("generated 8 tokens"), g.stderr());
    }

    @Test
    void aTruncatedModelIsExit2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.gguf");
        Files.write(bad, Arrays.copyOf(Files.readAllBytes(model), 500));
        assertEquals(2, Cli.run("generate", "--model", bad.toString(), "hi").code());
    }

    @Test
    void anAdapterCreatedForTheModelIsApplied(@TempDir Path dir) {
        Path lora = dir.resolve("lora.gguf");
        assertEquals(0, Cli.run("adapter", "create", "--base", model.toString(), "--out", lora.toString()).code());
        Cli.Out gl = Cli.run("generate", "--model", model.toString(), "--lora", lora.toString(), "-n", "4", "hello");
        assertEquals(0, gl.code(), gl.stderr());
    }

    @Test
    void anAdapterForAnotherBaseIsExit2NamingIt(@TempDir Path dir) {
        Path other = dir.resolve("other.gguf");
        assertEquals(0, Cli.run("model", "create", "--out", other.toString(), "--preset", "small", "--quant", "q8_0").code());
        Path wrong = dir.resolve("wrong.gguf");
        assertEquals(0, Cli.run("adapter", "create", "--base", other.toString(), "--out", wrong.toString()).code());
        Cli.Out bad = Cli.run("generate", "--model", model.toString(), "--lora", wrong.toString(), "hello");
        assertEquals(2, bad.code());
        assertTrue(bad.stderr().contains("wrong.gguf"), bad.stderr());
    }

    @Test
    void aModelWithTheRealQwenVocabularyGenerates(@TempDir Path dir) {
        Path tokenizer = QwenTokenizerFixture.dir().resolve("tokenizer.json");
        Path qwen = dir.resolve("qwen-vocab.gguf");
        Cli.Out c = Cli.run("model", "create", "--out", qwen.toString(), "--preset", "tiny", "--quant", "q4_k_m",
                "--tokenizer", tokenizer.toString(), "--threads", "2");
        assertEquals(0, c.code(), c.stderr());
        Cli.Out g = Cli.run("generate", "--model", qwen.toString(), "-n", "4", "--stats", "--raw", "<|im_start|>user\nhi<|im_end|>\n");
        assertEquals(0, g.code(), g.stderr());
        assertTrue(g.stderr().contains("generated 4 tokens"), g.stderr());
    }

    @Test
    void speculationChangesNothingInGreedyOutput(@TempDir Path dir) {
        Path target = dir.resolve("target.gguf");
        Cli.Out c = Cli.run("model", "create", "--from", model.toString(), "--width", "256", "--extra-layers", "2",
                "--out", target.toString());
        assertEquals(0, c.code(), c.stderr());
        Cli.Out g = Cli.run("generate", "--model", target.toString(), "--draft", model.toString(), "--draft-max", "8",
                "--draft-min", "2", "--draft-p-min", "0", "--no-adaptive", "--poll", "0", "-t", "1", "-n", "24", "--stats",
                "--raw", "def main():");
        assertEquals(0, g.code(), g.stderr());
        assertTrue(g.stderr().contains("[draft-model] drafted"), g.stderr());
        Cli.Out plain = Cli.run("generate", "--model", target.toString(), "--no-threadpool", "-t", "1", "-n", "24", "--raw",
                "def main():");
        assertEquals(plain.stdout(), g.stdout(), "speculation changes nothing in greedy output");
    }

    @Test
    void speculationOptionsOutOfRangeAreExit2() {
        assertEquals(2, Cli.run("generate", "--model", model.toString(), "--lookup", "--poll", "101", "hi").code());
        assertEquals(2, Cli.run("generate", "--model", model.toString(), "--lookup", "--prio", "urgent", "hi").code());
    }
}
