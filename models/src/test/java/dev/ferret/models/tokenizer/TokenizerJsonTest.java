package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import of a Hugging Face tokenizer.json on small files written here in the real file's format (the real
 * Qwen2.5 file is imported and checked through llama.cpp by the engine's QwenTokenizerParityTest).
 */
class TokenizerJsonTest {
    @TempDir
    Path dir;

    /** The 256 byte-level characters as a vocabulary, then "Ġt", "he", "Ġthe". */
    private static String vocabJson(List<String> extra) {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteLevel.charOf(b)));
        }
        tokens.addAll(extra);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < tokens.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(tokens.get(i))).append(':').append(i);
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static final String ADDED = """
            [{"id":259,"content":"<|endoftext|>","special":true},
             {"id":260,"content":"<|im_start|>","special":true},
             {"id":261,"content":"<|im_end|>","special":true},
             {"id":262,"content":"<tool_call>","special":false},
             {"id":263,"content":"<|fim_pad|>","special":false}]""";

    private static String pre(String regex) {
        return "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Split\",\"pattern\":{\"Regex\":" + quote(regex)
                + "},\"behavior\":\"Isolated\",\"invert\":false},{\"type\":\"ByteLevel\",\"add_prefix_space\":false,"
                + "\"trim_offsets\":false,\"use_regex\":false}]}";
    }

    private Path write(String merges, String added, String preTokenizer) throws IOException {
        String json = "{\"version\":\"1.0\",\"added_tokens\":" + added + ",\"normalizer\":{\"type\":\"NFC\"},"
                + "\"pre_tokenizer\":" + preTokenizer + ",\"model\":{\"type\":\"BPE\",\"byte_fallback\":false,"
                + "\"vocab\":" + vocabJson(List.of("Ġt", "he", "Ġthe")) + ",\"merges\":" + merges + "}}";
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json);
        return file;
    }

    private Path qwenLike() throws IOException {
        return write("[[\"Ġ\",\"t\"],[\"h\",\"e\"],[\"Ġt\",\"he\"]]", ADDED, pre(TokenizerJson.QWEN2_SPLIT));
    }

    @Test
    void importsVocabularyMergesAndAddedTokensAsLlamaCppsConverterDoes() throws IOException {
        TokenizerJson t = TokenizerJson.read(qwenLike());
        assertEquals(264, t.size());
        assertEquals(3, t.mergeCount());
        assertEquals("NFC", t.normalizer());
        GgufVocabulary v = t.toVocabulary(270);
        BpeTokenizer tok = v.tokenizer();
        assertEquals(270, tok.vocabSize());
        assertEquals(List.of("Ġ t", "h e", "Ġt he"), tok.merges());
        int[] types = tok.tokenTypes();
        assertEquals(SpecialTokens.NORMAL, types[258]);
        assertEquals(SpecialTokens.CONTROL, types[259]); // special
        assertEquals(SpecialTokens.CONTROL, types[263]); // not special, but spelled <|...|>
        assertEquals(4, types[262]);                     // <tool_call>: user-defined
        for (int id = 264; id < 270; id++) {
            assertEquals("[PAD" + id + "]", tok.token(id));
            assertEquals(5, types[id]);                  // unused
        }
        assertEquals("qwen2", v.preTokenizer());
        // no tokenizer_config.json beside it: Qwen2.5-Instruct's specials
        assertEquals(261, v.eosId());
        assertEquals(259, v.padId());
        assertEquals(259, v.bosId());
        assertFalse(v.addBos());
        assertArrayEquals(new int[] {260, 258, 261}, tok.encode("<|im_start|> the<|im_end|>"));
        assertArrayEquals(new int[] {262}, tok.encode("<tool_call>", false)); // user-defined: always parsed
        assertThrows(IllegalArgumentException.class, () -> t.toVocabulary(263));
    }

    @Test
    void mergesMayBeWrittenAsStrings() throws IOException {
        TokenizerJson t = TokenizerJson.read(write("[\"Ġ t\",\"h e\",\"Ġt he\"]", ADDED, pre(TokenizerJson.QWEN2_SPLIT)));
        assertEquals(List.of("Ġ t", "h e", "Ġt he"), t.toVocabulary(264).tokenizer().merges());
    }

    @Test
    void specialsComeFromTokenizerConfigWhenPresent() throws IOException {
        Path file = qwenLike();
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"eos_token\":\"<|endoftext|>\",\"pad_token\":{\"content\":\"<|im_end|>\"},\"bos_token\":null,\"add_bos_token\":true}");
        GgufVocabulary v = TokenizerJson.read(file).toVocabulary(264);
        assertEquals(259, v.eosId());
        assertEquals(261, v.padId());
        assertEquals(259, v.bosId());
        assertTrue(v.addBos());
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\":\"<nope>\"}");
        assertThrows(TokenizerFileException.class, () -> TokenizerJson.read(file).toVocabulary(264));
    }

    @Test
    void onlyQwen25ItselfPassesTheQwen25Check() throws IOException {
        TokenizerJson small = TokenizerJson.read(qwenLike());
        TokenizerFileException e = assertThrows(TokenizerFileException.class, small::qwen25);
        assertTrue(e.getMessage().contains("151643"), e.getMessage());
        assertEquals(small, small.withoutQwen3Additions()); // not Qwen's: imported as it is
    }

    @Test
    void filesLlamaCppCouldNotRunAreRefusedWithTheReason() throws IOException {
        String merges = "[[\"Ġ\",\"t\"]]";
        assertRefused(write(merges, ADDED, pre("\\s+")), "Qwen2's regex");
        assertRefused(write(merges, ADDED, "{\"type\":\"ByteLevel\"}"), "Sequence");
        assertRefused(write(merges, "[{\"id\":3,\"content\":\"<x>\"}]", pre(TokenizerJson.QWEN2_SPLIT)), "takes id 3");
        assertRefused(write(merges, "[{\"id\":300,\"content\":\"<x>\"},{\"id\":300,\"content\":\"<y>\"}]",
                pre(TokenizerJson.QWEN2_SPLIT)), "twice");
        assertRefused(write(merges, "[{\"id\":-1,\"content\":\"<x>\"}]", pre(TokenizerJson.QWEN2_SPLIT)), "not an integer");
        assertRefused(write("[[\"Ġ\"]]", ADDED, pre(TokenizerJson.QWEN2_SPLIT)), "merge #0");
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"model\":{\"type\":\"Unigram\"}}");
        assertRefused(file, "not BPE");
        Files.writeString(file, "{\"model\":");
        assertRefused(file, "invalid JSON");
        Files.write(file, new byte[] {'{', (byte) 0xFF, '}'});
        assertRefused(file, file + ": not UTF-8 text (byte 0xff at line 1, byte offset 1)");
        assertRefused(dir.resolve("missing.json"), dir.resolve("missing.json") + ": no such file");
    }

    private static void assertRefused(Path file, String why) {
        TokenizerFileException e = assertThrows(TokenizerFileException.class, () -> TokenizerJson.read(file));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aModelWithAnImportedTokenizerIsPaddedToItsSpecAndValid() throws IOException {
        TokenizerJson t = TokenizerJson.read(qwenLike());
        ModelSpec spec = ModelSpec.tiny().withVocabSize(320);
        Path model = new ModelGenerator(spec).importTokenizer(t).chatTemplate("{{ messages }}")
                .write(dir.resolve("imported.gguf"));
        GgufFile f = GgufFile.readModel(model);
        assertEquals(320, f.getStringArray("tokenizer.ggml.tokens").size());
        assertEquals(320, f.requireTensor("token_embd.weight").ne(1));
        assertEquals("[PAD319]", f.getStringArray("tokenizer.ggml.tokens").get(319));
        assertEquals("{{ messages }}", f.getString("tokenizer.chat_template"));
        // a spec smaller than the tokenizer takes the tokenizer's size
        Path small = new ModelGenerator(ModelSpec.tiny().withVocabSize(262)).importTokenizer(t).chatTemplate(null)
                .write(dir.resolve("small.gguf"));
        GgufFile g = GgufFile.readModel(small);
        assertEquals(264, g.requireTensor("token_embd.weight").ne(1));
        assertFalse(g.contains("tokenizer.chat_template"));
    }
}
