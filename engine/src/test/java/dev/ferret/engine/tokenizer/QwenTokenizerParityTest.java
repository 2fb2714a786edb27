package dev.ferret.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.QwenTokenizerFixture;
import dev.ferret.models.tokenizer.TokenizerJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Qwen2.5 tokenizer inside a generated model gives, through llama.cpp ({@link Model#tokenize}), the ids
 * Hugging Face's own tokenizer gives (its Rust implementation over JNI, {@code ai.djl.huggingface:tokenizers},
 * loading the same {@code tokenizer.json} without Qwen3's four extra tokens) on a corpus of Python source, Unicode
 * text, whitespace runs, digits, special tokens inside text and rendered chat prompts ({@link ParityCorpus}).
 *
 * <p>One difference is expected and checked as such: Qwen2's {@code tokenizer.json} normalizes text to NFC before
 * splitting it, and llama.cpp's BPE tokenizer (b4916, {@code llm_tokenizer_bpe_session::tokenize}) applies no
 * normalizer, nor does its converter store one. On a line that NFC changes, llama.cpp's ids for the NFC form must
 * equal the reference's; any other difference fails the test and names the line.
 */
@Tag("native")
class QwenTokenizerParityTest {
    /** Rows of Qwen2.5-0.5B's embedding: the 151,665 tokens padded with [PAD] tokens, as in the real GGUF. */
    private static final int ROWS = 151_936;

    @TempDir
    static Path dir;
    private static Model model;
    private static HuggingFaceTokenizer reference;
    private static TokenizerJson qwen;

    @BeforeAll
    static void setUp() throws IOException {
        Path fixture = QwenTokenizerFixture.dir();
        qwen = TokenizerJson.read(fixture.resolve("tokenizer.json")).qwen25();
        Path file = new ModelGenerator(ModelSpec.tiny().withVocabSize(ROWS)).importTokenizer(qwen)
                .weightType(GgufType.Q8_0).seed(3).write(dir.resolve("tiny-qwen-vocab.gguf"));
        model = Model.load(file, ModelOptions.defaults().withContextSize(256).withThreads(1));
        // the reference's native library comes out of its jar; keep it inside the build folder, never download
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
        reference = HuggingFaceTokenizer.newInstance(fixture.resolve("qwen2.5/tokenizer.json"),
                Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false", "modelMaxLength", "1000000"));
    }

    @AfterAll
    static void tearDown() {
        if (model != null) {
            model.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    private static int[] ref(String text) {
        return Arrays.stream(reference.encode(text, false, false).getIds()).mapToInt(Math::toIntExact).toArray();
    }

    @Test
    void theModelCarriesQwen25sVocabularyAsLlamaCppsConverterWritesIt() {
        assertEquals(151_387, qwen.mergeCount());
        assertEquals(22, qwen.addedTokens().size());
        assertEquals(151_665, qwen.size());
        assertEquals(ROWS, model.vocabSize());
        GgufFile gguf = model.gguf();
        List<String> tokens = gguf.getStringArray("tokenizer.ggml.tokens");
        int[] types = gguf.getIntArray("tokenizer.ggml.token_type");
        assertEquals("<|im_end|>", tokens.get(151_645));
        assertEquals(3, types[151_645]);                      // control
        assertEquals(4, types[151_657]);                      // <tool_call>: user-defined, as in the real GGUF
        assertEquals(3, types[151_659]);                      // <|fim_prefix|>: looks special, so control
        assertEquals("[PAD151665]", tokens.get(151_665));     // where Qwen3 has <tool_response>
        assertEquals(5, types[151_665]);                      // unused
        assertEquals(151_645, gguf.getInt("tokenizer.ggml.eos_token_id"));
        assertEquals(151_643, gguf.getInt("tokenizer.ggml.padding_token_id"));
        assertEquals("qwen2", gguf.getString("tokenizer.ggml.pre"));
        assertTrue(model.isEndOfGeneration(151_645));
        assertTrue(model.isEndOfGeneration(151_643));
        assertArrayEquals(new int[] {9707, 11, 1879}, model.tokenize("Hello, world", true));
        assertArrayEquals(new int[] {151_657}, model.tokenize("<tool_call>", false)); // user-defined: always one token
        assertEquals(151_657, model.specialToken("<tool_call>"));
        assertEquals(-1, model.specialToken("<tool_response>"));  // plain text in Qwen2.5
    }

    /** A line whose ids differ: where, what, and both sides' ids. */
    private record Mismatch(ParityCorpus.Line line, int[] llama, int[] reference) {
        @Override
        public String toString() {
            return line.kind() + " " + line.where() + ": " + escape(line.text()) + "\n    llama.cpp " + Arrays.toString(llama)
                    + "\n    reference " + Arrays.toString(reference);
        }
    }

    @Test
    void llamaCppGivesTheReferenceIdsOnEveryLineOfTheCorpus() throws IOException {
        List<ParityCorpus.Line> corpus = ParityCorpus.build(QwenTokenizerFixture.repoRoot());
        BpeTokenizer java = BpeTokenizer.fromGguf(model.gguf());
        Map<String, int[]> perKind = new TreeMap<>(); // lines, explained by NFC, unexplained
        List<Mismatch> explained = new ArrayList<>();
        List<Mismatch> unexplained = new ArrayList<>();
        List<Mismatch> javaDiffers = new ArrayList<>();
        List<ParityCorpus.Line> roundTripFails = new ArrayList<>();
        long tokens = 0;
        for (ParityCorpus.Line line : corpus) {
            int[] counts = perKind.computeIfAbsent(line.kind(), k -> new int[3]);
            counts[0]++;
            int[] ours = model.tokenize(line.text(), true);
            int[] theirs = ref(line.text());
            tokens += ours.length;
            if (!Arrays.equals(ours, theirs)) {
                String nfc = Normalizer.normalize(line.text(), Normalizer.Form.NFC);
                if (!nfc.equals(line.text()) && Arrays.equals(model.tokenize(nfc, true), theirs)) {
                    counts[1]++;
                    explained.add(new Mismatch(line, ours, theirs));
                } else {
                    counts[2]++;
                    unexplained.add(new Mismatch(line, ours, theirs));
                }
            }
            if (!Arrays.equals(java.encode(line.text()), ours)) {
                javaDiffers.add(new Mismatch(line, ours, java.encode(line.text())));
            }
            if (!model.detokenize(ours).equals(line.text())) {
                roundTripFails.add(line);
            }
        }
        String report = report(corpus.size(), tokens, perKind, explained, unexplained, javaDiffers, roundTripFails);
        Path out = Path.of("target", "tokenizer-parity.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report.lines().limit(30).reduce("", (a, b) -> a + b + "\n"));

        // Python from 29 codebases when .work/codebases was fetched (8,000+ lines), else from the repository's own
        // examples (CI's clean clone: about 4,800 lines); every kind must still be well represented
        boolean codebases = Files.isDirectory(QwenTokenizerFixture.repoRoot().resolve(".work/codebases"));
        int least = codebases ? 5000 : 4000;
        assertTrue(corpus.size() >= least, "the corpus has only " + corpus.size() + " lines (at least " + least + " expected)");
        for (String kind : List.of("python", "python-block", "unicode", "unicode-random", "whitespace", "digits", "specials", "chat")) {
            assertTrue(perKind.containsKey(kind) && perKind.get(kind)[0] >= 40, "too few lines of " + kind + ": " + perKind);
        }
        assertTrue(unexplained.isEmpty(), unexplained.size() + " lines where llama.cpp's ids differ from the reference's "
                + "(see target/tokenizer-parity.md):\n" + String.join("\n", unexplained.stream().limit(15).map(Mismatch::toString).toList()));
        // the NFC lines are there and do differ: the check above is not vacuous for them
        assertTrue(explained.size() > 10, "expected NFD lines to differ only by normalization: " + explained.size());
        assertTrue(javaDiffers.isEmpty(), javaDiffers.size() + " lines where Ferret's Java BpeTokenizer differs from llama.cpp:\n"
                + String.join("\n", javaDiffers.stream().limit(15).map(Mismatch::toString).toList()));
        assertTrue(roundTripFails.isEmpty(), "detokenize(tokenize(text)) != text on " + roundTripFails.size() + " lines, e.g. "
                + roundTripFails.stream().limit(5).map(l -> l.where() + ": " + escape(l.text())).toList());
    }

    private static String report(int lines, long tokens, Map<String, int[]> perKind, List<Mismatch> explained,
                                 List<Mismatch> unexplained, List<Mismatch> javaDiffers, List<ParityCorpus.Line> roundTrip) {
        StringBuilder sb = new StringBuilder("# Token-id parity: llama.cpp (Model.tokenize) vs Hugging Face tokenizers\n\n");
        sb.append(lines).append(" lines, ").append(tokens).append(" tokens (llama.cpp's count).\n\n");
        sb.append("| kind | lines | differ only by NFC | unexplained |\n|---|---|---|---|\n");
        perKind.forEach((k, c) -> sb.append("| ").append(k).append(" | ").append(c[0]).append(" | ").append(c[1])
                .append(" | ").append(c[2]).append(" |\n"));
        sb.append("\nUnexplained mismatches: ").append(unexplained.size()).append('\n');
        unexplained.forEach(m -> sb.append("- ").append(m).append('\n'));
        sb.append("\nJava BpeTokenizer vs llama.cpp mismatches: ").append(javaDiffers.size()).append('\n');
        javaDiffers.stream().limit(50).forEach(m -> sb.append("- ").append(m).append('\n'));
        sb.append("\nRound-trip failures (detokenize(tokenize(x)) != x): ").append(roundTrip.size()).append('\n');
        sb.append("\nMismatches explained by the reference's NFC normalizer (llama.cpp applies none): ")
                .append(explained.size()).append('\n');
        explained.stream().limit(20).forEach(m -> sb.append("- ").append(m).append('\n'));
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.getType(c) == Character.FORMAT
                    || Character.isWhitespace(c) && c != ' ' || Character.getType(c) == Character.NON_SPACING_MARK) {
                sb.append(String.format("\\u{%04X}", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}
