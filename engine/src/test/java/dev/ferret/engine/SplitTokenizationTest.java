package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.TokenizerThreads;
import dev.ferret.llama.Vocab;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import dev.ferret.models.tokenizer.SpecialTokens;
import dev.ferret.models.tokenizer.SplitEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The split path of {@link Model#tokenize} gives llama.cpp's ids: on texts llama.cpp can take whole, encoding
 * them split (pre-tokens longer than 8 characters in Java, the rest in chunks of about 64) must give exactly
 * the ids llama.cpp gives for the whole text.
 */
@Tag("native")
class SplitTokenizationTest {
    /** Characters whose classes or byte lengths differ, including llama.cpp's whitespace above ASCII. */
    static final List<String> UNITS = List.of("x", "Q", "7", " ", "\n", "\t", "\r\n", "\r", "=", "'", "中", "😀", "é",
            "\u0301", "\u00A0", "\u3000", "\u2028", "_", "(", "ß", "٣");

    static Stream<Path> models() {
        List<Path> models = new ArrayList<>();
        // more merges than the tiny preset's 512 tokens: longer tokens, deeper BPE
        models.add(TestModels.dir().resolve("tiny-v3000.gguf"));
        if (!Files.exists(models.get(0))) {
            new ModelGenerator(ModelSpec.tiny().withVocabSize(3000)).weightType(GgufType.Q8_0).seed(5).write(models.get(0));
        }
        // a vocabulary with tokens for runs of every length of spaces, tabs, newlines, '=' and digits: there,
        // cutting a run in two changes the ids (with only doubling merges, as above, it often does not)
        models.add(TestModels.dir().resolve("tiny-runs.gguf"));
        if (!Files.exists(models.get(1))) {
            StringBuilder corpus = new StringBuilder(BpeTrainer.defaultCorpus());
            for (String u : List.of(" ", "\t", "\n", "=", "7", "中", "x")) {
                for (int n = 1; n <= 9; n++) {
                    corpus.append(("a" + u.repeat(n) + "7 " + u.repeat(n) + "<\n").repeat(12 - n));
                }
            }
            BpeTokenizer runs = BpeTrainer.train(corpus.toString(), 1200, SpecialTokens.ALL);
            new ModelGenerator(ModelSpec.tiny()).tokenizer(runs).weightType(GgufType.Q8_0).seed(6).write(models.get(1));
        }
        Path shipped = Path.of("").toAbsolutePath().getParent().resolve("models/default/ferret-draft-q8_0.gguf");
        if (Files.isRegularFile(shipped)) {
            models.add(shipped); // the vocabulary the default models were trained with
        }
        return models.stream();
    }

    static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String u : UNITS) {
            for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 39, 40, 41, 100, 1000, 8000 / u.length()}) {
                texts.add(u.repeat(n));
            }
        }
        // every pair of runs: the borders between pre-tokens
        for (String a : UNITS) {
            for (String b : UNITS) {
                for (int n : new int[] {2, 17}) {
                    texts.add(a.repeat(n) + b.repeat(n) + a + b.repeat(20));
                }
            }
        }
        // whitespace before a character that takes no leading space: llama.cpp splits "   7" as "  ", " ", "7", but
        // "   " alone as one pre-token, so no chunk may end inside such whitespace
        for (String space : List.of(" ", "\t", "\u3000")) {
            for (int k = 1; k <= 6; k++) {
                for (String tail : List.of("7", "<", "\n", "中", "😀", "x")) {
                    texts.add(("x" + space.repeat(k) + tail).repeat(30));
                }
            }
        }
        Random r = new Random(7);
        for (int i = 0; i < 150; i++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(300);
            while (b.length() < len) {
                String u = UNITS.get(r.nextInt(UNITS.size()));
                b.append(r.nextInt(4) == 0 ? u.repeat(1 + r.nextInt(60)) : u);
            }
            texts.add(b.toString());
        }
        texts.add("<|im_start|>user\n" + "=".repeat(300) + "<|im_end|>\n<|im_start|>assistant\n" + " ".repeat(50) + "x<|im_end|>");
        texts.add("I'm sure they'll say we've done it, didn't you? YOU'LL SEE. 'quoted' O'Neil ''''s");
        Path shop = Path.of("").toAbsolutePath().getParent().resolve("examples/shop");
        if (Files.isDirectory(shop)) {
            try (Stream<Path> files = Files.walk(shop)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                    texts.add(Files.readString(f));
                }
            }
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("models")
    void splitEncodingGivesTheIdsLlamaCppGivesForTheWholeText(Path file) throws IOException {
        try (Model model = Model.load(file, TestModels.small())) {
            Vocab vocab = model.vocab();
            SplitEncoder split = new SplitEncoder(BpeTokenizer.fromGguf(model.gguf()), 8, 64);
            List<String> texts = texts();
            // run on a tokenizer thread, so that the thousands of native calls below run inline
            int compared = TokenizerThreads.call(() -> {
                int n = 0;
                for (String text : texts) {
                    assertTrue(vocab.matchSpan(text) <= Vocab.MAX_SPAN, "llama.cpp can take the whole text");
                    // each llama_tokenize call compiles llama.cpp's regex (~1 ms): both modes only where they differ
                    for (boolean special : text.contains("<|") ? new boolean[] {true, false} : new boolean[] {true}) {
                        int[] whole = vocab.tokenize(text, false, special);
                        int[] parts = split.encode(text, special, chunk -> vocab.tokenize(chunk, false, special));
                        assertArrayEquals(whole, parts, () -> "text " + escape(text) + ", parseSpecial " + special);
                        n++;
                    }
                }
                return n;
            });
            assertTrue(compared > 1000, "compared " + compared);
        }
    }

    /** The text of a failure, with invisible characters shown. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(200).forEach(c -> b.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u%04X", c)));
        return b.append(s.length() > 200 ? "...\" (" + s.length() + " chars)" : "\"").toString();
    }

    @Test
    void longTextTakesTheSplitPathWithTheSameIdsAsJavasBpe() {
        try (Model model = Model.load(TestModels.tinyQ4(), TestModels.small())) {
            BpeTokenizer java = BpeTokenizer.fromGguf(model.gguf());
            String text = "def f():\n" + " ".repeat(20_000) + "return '" + "=".repeat(30_000) + "'\n<|im_end|>";
            assertTrue(model.vocab().matchSpan(text) > Vocab.MAX_SPAN);
            assertThrows(LlamaException.Tokenize.class, () -> model.vocab().tokenize(text, false, true),
                    "the native layer refuses what would recurse too deep");
            int[] ids = model.tokenize(text, true);
            assertArrayEquals(java.encode(text, true), ids);
            assertEquals(text, model.detokenize(ids));
        }
    }

    /** A model whose pre-tokenizer is {@code pre} instead of qwen2 (same vocabulary and weights). */
    private static Path withPreTokenizer(String pre) {
        Path out = TestModels.dir().resolve("tiny-pre-" + pre + ".gguf");
        if (!Files.exists(out)) {
            GgufWriter.copyOf(GgufFile.read(TestModels.tinyQ4())).putString("tokenizer.ggml.pre", pre).write(out);
        }
        return out;
    }

    @Test
    void otherRecursivePreTokenizersRefuseWhatTheyCannotTakeWithATypedError() {
        try (Model model = Model.load(withPreTokenizer("deepseek-coder"), TestModels.small())) {
            LlamaException.Tokenize e = assertThrows(LlamaException.Tokenize.class,
                    () -> model.tokenize("=".repeat(20_000), false));
            assertTrue(e.getMessage().contains("20000 characters"), e.getMessage());
            assertTrue(model.tokenize("=".repeat(4_000), false).length > 0, "shorter runs are tokenized");
        }
    }

    /** llama.cpp splits llama3's and GPT-2's patterns with loops: long runs need no split and are not refused. */
    @Tag("slow")
    @Test
    void loopingPreTokenizersTakeLongRunsWhole() throws Exception {
        for (String pre : List.of("llama3", "gpt-2")) {
            Path model = withPreTokenizer(pre);
            try (Model m = Model.load(model, TestModels.small())) {
                assertEquals(0, m.vocab().matchSpan("=".repeat(100_000)));
            }
            ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(3), List.of(), TokenizeProbe.class, model.toString(),
                    "model-nocheck", String.valueOf(1 << 20), "letters", "spaces", "punctuation");
            assertFalse(r.crashed(), r.describe());
            assertEquals(3, r.output().lines().filter(l -> l.startsWith("ok ")).count(), r.describe());
        }
    }
}
