package dev.ferret.lab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.AdapterValidator;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.ModelValidator;
import dev.ferret.models.BaseFingerprint;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.io.SpecialFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointExporterTest {
    @TempDir
    Path dir;

    private final ModelSpec spec = ModelSpec.tiny();

    /** A tensor as train.py writes it: GGUF name, torch shape, values. */
    private record T(String name, long[] shape, float[] values) {
    }

    private static T random(String name, SplittableRandom rng, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1) * 0.1f;
        }
        return new T(name, shape, v);
    }

    /** Writes STEM.json and STEM.bin in train.py's checkpoint format. */
    private static void write(Path d, String stem, String extraHeader, List<T> tensors, ModelSpec s) throws IOException {
        Files.createDirectories(d);
        StringBuilder index = new StringBuilder();
        long offset = 0;
        ByteBuffer data = ByteBuffer.allocate(tensors.stream().mapToInt(t -> t.values.length * 4).sum()).order(ByteOrder.LITTLE_ENDIAN);
        for (T t : tensors) {
            StringBuilder shape = new StringBuilder();
            for (long x : t.shape) {
                shape.append(shape.isEmpty() ? "" : ", ").append(x);
            }
            index.append(index.isEmpty() ? "" : ",\n").append("{\"name\": \"").append(t.name).append("\", \"shape\": [")
                    .append(shape).append("], \"offset\": ").append(offset).append('}');
            for (float f : t.values) {
                data.putFloat(f);
            }
            offset += t.values.length * 4L;
        }
        String config = String.format(java.util.Locale.ROOT, "{\"n_embd\": %d, \"n_layer\": %d, \"n_head\": %d, \"n_head_kv\": %d, "
                        + "\"n_ff\": %d, \"context_length\": %d, \"name\": \"tiny\", \"vocab_size\": %d, \"rope_freq_base\": 1000000.0, "
                        + "\"rms_eps\": 1e-06}", s.nEmbd(), s.nLayer(), s.nHead(), s.nHeadKv(), s.nFf(), s.contextLength(), s.vocabSize());
        Files.writeString(d.resolve(stem + ".json"), "{\"kind\": \"" + stem + "\", \"config\": " + config + extraHeader
                + ", \"step\": 3, \"format\": \"ferret-checkpoint-v1\", \"data\": \"" + stem + ".bin\", \"tensors\": [\n" + index + "]}");
        Files.write(d.resolve(stem + ".bin"), data.array());
    }

    private List<T> baseTensors() {
        SplittableRandom rng = new SplittableRandom(5);
        int e = spec.nEmbd();
        int kv = spec.nEmbdKv();
        int ff = spec.nFf();
        List<T> out = new ArrayList<>();
        out.add(random("token_embd.weight", rng, spec.vocabSize(), e));
        out.add(random("output_norm.weight", rng, e));
        for (int i = 0; i < spec.nLayer(); i++) {
            String b = "blk." + i + ".";
            out.add(random(b + "attn_norm.weight", rng, e));
            out.add(random(b + "attn_q.weight", rng, e, e));
            out.add(random(b + "attn_q.bias", rng, e));
            out.add(random(b + "attn_k.weight", rng, kv, e));
            out.add(random(b + "attn_k.bias", rng, kv));
            out.add(random(b + "attn_v.weight", rng, kv, e));
            out.add(random(b + "attn_v.bias", rng, kv));
            out.add(random(b + "attn_output.weight", rng, e, e));
            out.add(random(b + "ffn_norm.weight", rng, e));
            out.add(random(b + "ffn_gate.weight", rng, ff, e));
            out.add(random(b + "ffn_up.weight", rng, ff, e));
            out.add(random(b + "ffn_down.weight", rng, e, ff));
        }
        return out;
    }

    @Test
    void exportsAModelTheValidatorAcceptsWithTheWeightsInPlace() throws IOException {
        List<T> tensors = baseTensors();
        write(dir.resolve("ckpt"), "model", "", tensors, spec);
        Path f32 = CheckpointExporter.exportModel(dir.resolve("ckpt"), dir.resolve("m.gguf"), GgufType.F32);
        GgufFile g = GgufFile.read(f32);
        assertDoesNotThrow(() -> ModelValidator.validate(g));
        assertEquals(spec.nLayer() * 12 + 2, g.tensors().size());
        assertEquals(spec.vocabSize(), g.getStringArray("tokenizer.ggml.tokens").size());
        for (T t : tensors) {
            var info = g.requireTensor(t.name);
            assertEquals(t.shape[t.shape.length - 1], info.ne(0), t.name);
            assertArrayEquals(t.values, g.readTensorFloats(info), t.name);
        }
    }

    @Test
    void quantizesToQ4_0() throws IOException {
        write(dir.resolve("ckpt"), "model", "", baseTensors(), spec);
        GgufFile g = GgufFile.read(CheckpointExporter.exportModel(dir.resolve("ckpt"), dir.resolve("q.gguf"), GgufType.Q4_0));
        assertDoesNotThrow(() -> ModelValidator.validate(g));
        assertEquals(GgufType.Q4_0, g.requireTensor("blk.0.ffn_up.weight").type());
        assertEquals(GgufType.F32, g.requireTensor("blk.0.attn_q.bias").type());
        assertEquals(2, g.getInt("general.file_type"));
    }

    @Test
    void exportsALoraTheAdapterValidatorAccepts() throws IOException {
        write(dir.resolve("ckpt"), "model", "", baseTensors(), spec);
        GgufFile base = GgufFile.read(CheckpointExporter.exportModel(dir.resolve("ckpt"), dir.resolve("m.gguf"), GgufType.F32));
        SplittableRandom rng = new SplittableRandom(9);
        int r = 16;
        List<T> lora = new ArrayList<>();
        for (int i = 0; i < spec.nLayer(); i++) {
            for (String t : List.of("attn_q", "attn_k", "attn_v", "attn_output")) {
                int out = t.equals("attn_k") || t.equals("attn_v") ? spec.nEmbdKv() : spec.nEmbd();
                lora.add(random("blk." + i + "." + t + ".weight.lora_a", rng, r, spec.nEmbd()));
                lora.add(random("blk." + i + "." + t + ".weight.lora_b", rng, out, r));
            }
        }
        write(dir.resolve("lora"), "lora", ", \"lora\": {\"rank\": 16, \"alpha\": 32.0}", lora, spec);
        GgufFile a = GgufFile.read(CheckpointExporter.exportLora(dir.resolve("lora"), dir.resolve("lora.gguf")));
        assertDoesNotThrow(() -> AdapterValidator.validate(base, a));
        assertEquals(null, BaseFingerprint.recordedIn(a), "exported without its base: no fingerprint");
        GgufFile withBase = GgufFile.read(CheckpointExporter.exportLora(dir.resolve("lora"), dir.resolve("lora2.gguf"), base));
        assertEquals(BaseFingerprint.of(base), BaseFingerprint.recordedIn(withBase));
        assertEquals(32f, a.getFloat("adapter.lora.alpha"));
        var qa = a.requireTensor("blk.1.attn_q.weight.lora_a");
        assertEquals(spec.nEmbd(), qa.ne(0));
        assertEquals(r, qa.ne(1));
        var kb = a.requireTensor("blk.1.attn_k.weight.lora_b");
        assertEquals(r, kb.ne(0));
        assertEquals(spec.nEmbdKv(), kb.ne(1));
    }

    @Test
    void refusesTensorsOutOfOrder() throws IOException {
        List<T> tensors = baseTensors();
        java.util.Collections.swap(tensors, 0, 1);
        write(dir.resolve("ckpt"), "model", "", tensors, spec);
        assertThrows(IllegalArgumentException.class,
                () -> CheckpointExporter.exportModel(dir.resolve("ckpt"), dir.resolve("m.gguf"), GgufType.F32));
    }

    private String refused(Path ckpt) {
        return assertThrows(IllegalArgumentException.class,
                () -> CheckpointExporter.exportModel(ckpt, dir.resolve("m.gguf"), GgufType.F32)).getMessage();
    }

    @Test
    void aFolderThatIsNoCheckpointIsNamedAsSuch() throws Exception {
        Path none = dir.resolve("none");
        assertEquals(none + ": no model.json, so not a checkpoint folder of training/train.py (no such folder)", refused(none));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(empty + ": no model.json, so not a checkpoint folder of training/train.py", refused(empty));
        Path piped = Files.createDirectories(dir.resolve("piped"));
        Path fifo = SpecialFiles.fifo(piped, "model.json");
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file",
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused(piped)));
        Path latin1 = Files.createDirectories(dir.resolve("latin1"));
        Files.write(latin1.resolve("model.json"), "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1.resolve("model.json") + ": not UTF-8 text (byte 0xe9 at line 1, byte offset 13)", refused(latin1));
        Files.writeString(latin1.resolve("model.json"), "{\"format\": ");
        assertTrue(refused(latin1).startsWith(latin1.resolve("model.json") + ": "), refused(latin1));
    }

    @Test
    void theDataFileMustBeARegularFileBesideTheHeader() throws Exception {
        write(dir.resolve("ckpt"), "model", "", baseTensors(), spec);
        Path header = dir.resolve("ckpt/model.json");
        String json = Files.readString(header);
        Files.writeString(header, json.replace("\"model.bin\"", "\"../model.bin\""));
        assertEquals(header + ": 'data' must name the data file in the same folder, got ../model.bin", refused(dir.resolve("ckpt")));
        Files.writeString(header, json.replace("\"model.bin\"", "true"));
        assertEquals(header + ": 'data' must name the data file in the same folder, got true", refused(dir.resolve("ckpt")));
        Files.writeString(header, json.replace("\"model.bin\"", "\"other.bin\""));
        assertEquals(dir.resolve("ckpt/other.bin") + ": no such file (the data file " + header + " names)",
                refused(dir.resolve("ckpt")));
        Path fifo = SpecialFiles.fifo(dir.resolve("ckpt"), "pipe.bin");
        Files.writeString(header, json.replace("\"model.bin\"", "\"pipe.bin\""));
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file",
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused(dir.resolve("ckpt"))));
    }

    @Test
    void aHeaderWithFieldsMissingOrMistypedIsRefusedNamingTheField() throws Exception {
        write(dir.resolve("ckpt"), "model", "", baseTensors(), spec);
        Path header = dir.resolve("ckpt/model.json");
        String json = Files.readString(header);
        String embd = "\"n_embd\": " + spec.nEmbd();
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(json.replace("\"config\": {", "\"config\": [{").replace(", \"step\"", "], \"step\""),
                "'config' of the header is missing or not an object");
        cases.put(json.replace(embd, "\"n_embd\": 1.5"), "config.n_embd must be an integer from 1 to 2147483647, got 1.5");
        cases.put(json.replace(embd, "\"n_embd\": 1e300"), "config.n_embd must be an integer from 1 to 2147483647, got 1.0E300");
        cases.put(json.replace(embd, "\"n_embd\": \"64\""), "config.n_embd must be an integer from 1 to 2147483647, got 64");
        cases.put(json.replace("\"rms_eps\": 1e-06", "\"rms_eps\": -1"), "config.rms_eps must be a finite number greater than 0, got -1");
        cases.put(json.replace("\"name\": \"tiny\"", "\"name\": 7"), "config.name is missing or not a string");
        cases.put(json.replace("\"tensors\": [", "\"tensors\": {\"a\": [").replaceFirst("]}$", "]}}"),
                "'tensors' is missing or not a list");
        cases.put(json.replace("{\"name\": \"token_embd.weight\"", "{\"nom\": \"token_embd.weight\""),
                "tensors[0] is not an object with a 'name' string");
        cases.put(json.replace("\"shape\": [" + spec.vocabSize() + ", " + spec.nEmbd() + "]", "\"shape\": [\"a\", 2]"),
                "token_embd.weight shape[0] must be an integer from 1 to 2147483647, got a");
        cases.put(json.replace("\"shape\": [" + spec.vocabSize() + ", " + spec.nEmbd() + "]", "\"shape\": [2147483647, 2147483647]"),
                "token_embd.weight: shape [2147483647, 2147483647] has more elements than one mapping holds");
        cases.put(json.replace("\"shape\": [" + spec.vocabSize() + ", " + spec.nEmbd() + "]", "\"shape\": []"),
                "token_embd.weight: 'shape' must be a list of 1 to 4 dimensions, got []");
        cases.put(json.replace("\"shape\": [" + spec.vocabSize() + ", " + spec.nEmbd() + "]", "\"shape\": [" + spec.nEmbd() + ", " + spec.vocabSize() + "]"),
                "token_embd.weight: shape [" + spec.nEmbd() + ", " + spec.vocabSize() + "], the config says [" + spec.vocabSize() + ", " + spec.nEmbd() + "]");
        cases.put(json.replace("\"offset\": 0}", "\"offset\": -4}"),
                "token_embd.weight offset must be an integer from 0 to 4611686018427387903, got -4");
        for (var c : cases.entrySet()) {
            assertTrue(!c.getKey().equals(json), "the case did not change the header: " + c.getValue());
            Files.writeString(header, c.getKey());
            assertEquals(c.getValue(), refused(dir.resolve("ckpt")));
        }
    }

    @Test
    void aLoraSectionWithAMistypedRankIsRefused() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        List<T> tensors = List.of(random("blk.0.attn_q.weight.lora_a", rng, 4, spec.nEmbd()),
                random("blk.0.attn_q.weight.lora_b", rng, spec.nEmbd(), 4));
        for (String[] c : new String[][] {{"\"rank\": \"4\", \"alpha\": 8.0", "lora.rank must be an integer from 1 to 2147483647, got 4"},
                {"\"rank\": 4, \"alpha\": null", "lora.alpha must be a finite number, got null"},
                {"\"rank\": 4.5, \"alpha\": 8.0", "lora.rank must be an integer from 1 to 2147483647, got 4.5"}}) {
            write(dir.resolve("lora"), "lora", ", \"lora\": {" + c[0] + "}", tensors, spec);
            assertEquals(c[1], assertThrows(IllegalArgumentException.class,
                    () -> CheckpointExporter.exportLora(dir.resolve("lora"), dir.resolve("a.gguf"))).getMessage());
        }
        write(dir.resolve("lora"), "lora", ", \"lora\": [4]", tensors, spec);
        assertEquals("'lora' of the header is missing or not an object", assertThrows(IllegalArgumentException.class,
                () -> CheckpointExporter.exportLora(dir.resolve("lora"), dir.resolve("a.gguf"))).getMessage());
    }
}
