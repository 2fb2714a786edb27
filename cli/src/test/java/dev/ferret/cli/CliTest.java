package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.chat.Json;
import dev.ferret.models.tokenizer.QwenTokenizerFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in-process: exit codes and outputs of real commands on real files. */
class CliTest {
    record Out(int code, String stdout, String stderr) {}

    static Out run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path sample() {
        Path p = Path.of("..", "examples", "shop").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : Path.of("examples", "shop").toAbsolutePath();
    }

    @Test
    void createInspectGenerate(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.gguf");
        Out c = run("model", "create", "--out", model.toString(), "--preset", "tiny", "--quant", "q8_0");
        assertEquals(0, c.code(), c.stderr());
        Out i = run("inspect", model.toString());
        assertEquals(0, i.code(), i.stderr());
        assertTrue(i.stdout().contains("architecture qwen2"), i.stdout());
        Out g = run("generate", "--model", model.toString(), "-n", "8", "--stats", "hello");
        assertEquals(0, g.code(), g.stderr());
        assertTrue(g.stderr().contains("generated 8 tokens"), g.stderr());
        // a truncated file: exit 2 and one error line, for inspect and generate
        Path bad = dir.resolve("bad.gguf");
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(model), 500));
        Out bi = run("inspect", bad.toString());
        assertEquals(2, bi.code());
        assertTrue(bi.stderr().startsWith("error: "), bi.stderr());
        assertEquals(2, run("generate", "--model", bad.toString(), "hi").code());
        Out missing = run("inspect", dir.resolve("none.gguf").toString());
        assertEquals(2, missing.code(), missing.stderr());
        // adapters: create one for the model and use it; one for another base is refused with exit 2
        Path lora = dir.resolve("lora.gguf");
        assertEquals(0, run("adapter", "create", "--base", model.toString(), "--out", lora.toString()).code());
        Out gl = run("generate", "--model", model.toString(), "--lora", lora.toString(), "-n", "4", "hello");
        assertEquals(0, gl.code(), gl.stderr());
        Path other = dir.resolve("other.gguf");
        assertEquals(0, run("model", "create", "--out", other.toString(), "--preset", "small", "--quant", "q8_0").code());
        Path wrong = dir.resolve("wrong.gguf");
        assertEquals(0, run("adapter", "create", "--base", other.toString(), "--out", wrong.toString()).code());
        Out bad2 = run("generate", "--model", model.toString(), "--lora", wrong.toString(), "hello");
        assertEquals(2, bad2.code());
        assertTrue(bad2.stderr().contains("wrong.gguf"), bad2.stderr());
        Out conv = run("adapter", "convert", "--base", model.toString(), "--in", dir.toString(), "--out", dir.resolve("c.gguf").toString());
        assertEquals(2, conv.code(), "a folder without an adapter: " + conv.stderr());
    }

    @Test
    void createWithTheRealQwenTokenizer(@TempDir Path dir) throws Exception {
        Path tokenizer = QwenTokenizerFixture.dir().resolve("tokenizer.json");
        Path model = dir.resolve("qwen-vocab.gguf");
        Path template = dir.resolve("t.jinja");
        Files.writeString(template, "{% for m in messages %}{{ m.content }}{% endfor %}");
        Out c = run("model", "create", "--out", model.toString(), "--preset", "tiny", "--quant", "q4_k_m",
                "--tokenizer", tokenizer.toString(), "--chat-template", template.toString(), "--threads", "2");
        assertEquals(0, c.code(), c.stderr());
        assertTrue(c.stdout().contains("151665 tokens"), c.stdout()); // Qwen3's four additions left out
        Out i = run("inspect", model.toString());
        assertEquals(0, i.code(), i.stderr());
        Out g = run("generate", "--model", model.toString(), "-n", "4", "--stats", "--raw", "<|im_start|>user\nhi<|im_end|>\n");
        assertEquals(0, g.code(), g.stderr());
        assertTrue(g.stderr().contains("generated 4 tokens"), g.stderr());
        // the real shapes need the real vocabulary; a bad tokenizer file is refused with exit 2
        Out none = run("model", "create", "--out", dir.resolve("x.gguf").toString(), "--preset", "qwen25-coder-7b");
        assertEquals(2, none.code());
        assertTrue(none.stderr().contains("--tokenizer"), none.stderr());
        Path bad = dir.resolve("tokenizer.json");
        Files.writeString(bad, "{\"model\": {\"type\": \"WordPiece\"}}");
        Out b = run("model", "create", "--out", dir.resolve("y.gguf").toString(), "--tokenizer", bad.toString());
        assertEquals(2, b.code());
        assertTrue(b.stderr().contains("not BPE"), b.stderr());
        assertEquals(2, run("model", "create", "--out", dir.resolve("z.gguf").toString(), "--quant", "q3_k").code());
    }

    @Test
    void calibratedTargetAndSpeculativeOptions(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("small.gguf");
        assertEquals(0, run("model", "create", "--out", small.toString(), "--preset", "tiny", "--quant", "q8_0").code());
        Path target = dir.resolve("target.gguf");
        Out c = run("model", "create", "--from", small.toString(), "--width", "256", "--extra-layers", "2", "--out", target.toString());
        assertEquals(0, c.code(), c.stderr());
        assertTrue(c.stdout().contains("SYNTHETIC calibrated target"), c.stdout());
        Out i = run("inspect", target.toString());
        assertTrue(i.stdout().contains("synthetic calibrated target"), i.stdout());
        assertEquals(2, run("model", "create", "--from", small.toString(), "--noise", "-1", "--out", dir.resolve("x.gguf").toString()).code());
        assertEquals(2, run("model", "create", "--from", small.toString(), "--width", "128", "--out", dir.resolve("x.gguf").toString()).code());
        assertEquals(2, run("model", "create", "--extra-layers", "2", "--out", dir.resolve("x.gguf").toString()).code());
        Out g = run("generate", "--model", target.toString(), "--draft", small.toString(), "--draft-max", "8", "--draft-min", "2",
                "--draft-p-min", "0", "--no-adaptive", "--poll", "0", "-t", "1", "-n", "24", "--stats", "--raw", "def main():");
        assertEquals(0, g.code(), g.stderr());
        assertTrue(g.stderr().contains("[draft-model] drafted"), g.stderr());
        Out plain = run("generate", "--model", target.toString(), "--no-threadpool", "-t", "1", "-n", "24", "--raw", "def main():");
        assertEquals(plain.stdout(), g.stdout(), "speculation changes nothing in greedy output");
        assertEquals(2, run("generate", "--model", target.toString(), "--lookup", "--poll", "101", "hi").code());
        assertEquals(2, run("generate", "--model", target.toString(), "--lookup", "--prio", "urgent", "hi").code());
    }

    @Test
    void askHybridAnswersFromTheRepository() throws Exception {
        Out a = run("ask", "--repo", sample().toString(), "Which classes in this codebase subclass from Protocol?");
        assertEquals(0, a.code(), a.stderr());
        assertTrue(a.stdout().startsWith("Found 12 classes"), a.stdout());
        assertTrue(a.stdout().contains("PaymentGateway (shop/ports.py:14)"), a.stdout());
        assertTrue(a.stderr().contains("find_classes"), "progress shows the tool call: " + a.stderr());
        Out j = run("ask", "--repo", sample().toString(), "--json", "Show me all dataclasses");
        assertEquals(0, j.code(), j.stderr());
        var node = Json.MAPPER.readTree(j.stdout());
        assertEquals("hybrid", node.get("mode").asText());
        assertEquals("find_classes", node.get("tool_calls").get(0).get("name").asText());
        for (String k : new String[] {"answer", "tool_calls", "steps", "seconds", "tokens_generated", "autonomous", "stop_reason"}) {
            assertTrue(node.has(k), k);
        }
    }

    @Test
    void askUnknownQuestionWithoutModelSaysWhatToDo() {
        String old = System.getProperty("ferret.models");
        System.setProperty("ferret.models", "/no/models/here"); // as on an install without the default models
        try {
            askWithoutModels();
        } finally {
            if (old == null) {
                System.clearProperty("ferret.models");
            } else {
                System.setProperty("ferret.models", old);
            }
        }
    }

    private void askWithoutModels() {
        Out a = run("ask", "--repo", sample().toString(), "How does checkout work?");
        assertEquals(2, a.code());
        assertTrue(a.stderr().contains("--model"), a.stderr());
        Out h = run("ask", "--repo", sample().toString(), "--mode", "hybrid", "How does checkout work?");
        assertEquals(ExitCodes.NO_ANSWER, h.code(), "the hybrid path alone has no answer to this: " + h.stderr());
        assertTrue(h.stdout().contains("the full agent loop is needed"), h.stdout());
        Out bad = run("ask", "--repo", "/no/such/repo", "x");
        assertEquals(2, bad.code());
    }
}
