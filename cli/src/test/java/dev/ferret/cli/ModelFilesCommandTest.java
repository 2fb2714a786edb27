package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.tokenizer.QwenTokenizerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    /** A GGUF v3 file of tensor infos only (no metadata), each {@code name, dims...} of type F32, and 64 data bytes. */
    private static byte[] ggufOfInfos(List<String> names, List<long[]> shapes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("GGUF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(3).putLong(names.size()).putLong(0);
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            b.putLong(name.length).put(name).putInt(shapes.get(i).length);
            for (long d : shapes.get(i)) {
                b.putLong(d);
            }
            b.putInt(0).putLong(32L * i); // F32, packed
        }
        b.position((b.position() + 31) / 32 * 32 + 64);
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void inspectNamesBothPlacesOfADuplicateTensorAndTheWholeOverflowingShape(@TempDir Path dir) throws Exception {
        Path dup = Files.write(dir.resolve("dup.gguf"), ggufOfInfos(List.of("a", "a"), List.of(new long[] {4}, new long[] {4})));
        Cli.Out d = Cli.run("inspect", dup.toString());
        assertEquals(2, d.code(), d.stderr());
        assertEquals("error: " + dup.getFileName() + ": tensor 'a' occurs twice (tensor infos #0 and #1)\n", d.stderr());
        long big = 1L << 32;
        Path shape = Files.write(dir.resolve("shape.gguf"), ggufOfInfos(List.of("a"), List.of(new long[] {big, big, big, big})));
        Cli.Out o = Cli.run("inspect", shape.toString());
        assertEquals(2, o.code(), o.stderr());
        assertEquals("error: " + shape.getFileName() + ": tensor 'a' has shape [4294967296, 4294967296, 4294967296, 4294967296] "
                + "whose element count overflows\n", o.stderr());
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
