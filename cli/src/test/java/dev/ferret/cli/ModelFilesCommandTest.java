package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.tokenizer.QwenTokenizerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model create}, {@code inspect} and {@code adapter}: files written and read in Java, no native code. */
class ModelFilesCommandTest {
    final Path model = Cli.tinyModel();

    @Test
    void inspectSummarisesACreatedModel() {
        Cli.Out i = Cli.run("inspect", model.toString());
        assertEquals(0, i.code(), i.stderr());
        assertTrue(i.stdout().contains("architecture qwen2"), i.stdout());
    }

    @Test
    void inspectOfATruncatedFileIsExit2WithOneErrorLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.gguf");
        Files.write(bad, Arrays.copyOf(Files.readAllBytes(model), 500));
        Cli.Out bi = Cli.run("inspect", bad.toString());
        assertEquals(2, bi.code());
        assertTrue(bi.stderr().startsWith("error: "), bi.stderr());
    }

    @Test
    void inspectOfAMissingFileIsExit2(@TempDir Path dir) {
        Cli.Out missing = Cli.run("inspect", dir.resolve("none.gguf").toString());
        assertEquals(2, missing.code(), missing.stderr());
    }

    @Test
    void convertOfAFolderWithoutAnAdapterIsExit2(@TempDir Path dir) {
        Cli.Out conv = Cli.run("adapter", "convert", "--base", model.toString(), "--in", dir.toString(),
                "--out", dir.resolve("c.gguf").toString());
        assertEquals(2, conv.code(), "a folder without an adapter: " + conv.stderr());
    }

    @Test
    void createWithTheRealQwenTokenizer(@TempDir Path dir) throws Exception {
        Path tokenizer = QwenTokenizerFixture.dir().resolve("tokenizer.json");
        Path qwen = dir.resolve("qwen-vocab.gguf");
        Path template = dir.resolve("t.jinja");
        Files.writeString(template, "{% for m in messages %}{{ m.content }}{% endfor %}");
        Cli.Out c = Cli.run("model", "create", "--out", qwen.toString(), "--preset", "tiny", "--quant", "q4_k_m",
                "--tokenizer", tokenizer.toString(), "--chat-template", template.toString(), "--threads", "2");
        assertEquals(0, c.code(), c.stderr());
        assertTrue(c.stdout().contains("151665 tokens"), c.stdout()); // Qwen3's four additions left out
        Cli.Out i = Cli.run("inspect", qwen.toString());
        assertEquals(0, i.code(), i.stderr());
    }

    @Test
    void theRealShapesNeedTheRealVocabulary(@TempDir Path dir) {
        Cli.Out none = Cli.run("model", "create", "--out", dir.resolve("x.gguf").toString(), "--preset", "qwen25-coder-7b");
        assertEquals(2, none.code());
        assertTrue(none.stderr().contains("--tokenizer"), none.stderr());
    }

    @Test
    void aTokenizerThatIsNotBpeIsRefused(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("tokenizer.json");
        Files.writeString(bad, "{\"model\": {\"type\": \"WordPiece\"}}");
        Cli.Out b = Cli.run("model", "create", "--out", dir.resolve("y.gguf").toString(), "--tokenizer", bad.toString());
        assertEquals(2, b.code());
        assertTrue(b.stderr().contains("not BPE"), b.stderr());
    }

    @Test
    void anUnknownQuantizationIsRefused(@TempDir Path dir) {
        assertEquals(2, Cli.run("model", "create", "--out", dir.resolve("z.gguf").toString(), "--quant", "q3_k").code());
    }

    @Test
    void aCalibratedTargetIsLabelledSynthetic(@TempDir Path dir) {
        Path target = dir.resolve("target.gguf");
        Cli.Out c = Cli.run("model", "create", "--from", model.toString(), "--width", "256", "--extra-layers", "2",
                "--out", target.toString());
        assertEquals(0, c.code(), c.stderr());
        assertTrue(c.stdout().contains("SYNTHETIC calibrated target"), c.stdout());
        Cli.Out i = Cli.run("inspect", target.toString());
        assertTrue(i.stdout().contains("synthetic calibrated target"), i.stdout());
    }

    @Test
    void calibratedTargetOptionsOutOfRangeAreRefused(@TempDir Path dir) {
        String small = model.toString();
        String out = dir.resolve("x.gguf").toString();
        assertEquals(2, Cli.run("model", "create", "--from", small, "--noise", "-1", "--out", out).code());
        assertEquals(2, Cli.run("model", "create", "--from", small, "--width", "128", "--out", out).code());
        assertEquals(2, Cli.run("model", "create", "--extra-layers", "2", "--out", out).code(), "--extra-layers needs --from");
    }
}
