package dev.ferret.lab.export;

import dev.ferret.models.json.MiniJson;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import dev.ferret.models.BaseFingerprint;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.models.io.TextFiles;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import dev.ferret.models.tokenizer.SpecialTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a checkpoint of {@code training/train.py} into GGUF files the engine loads: the base as a qwen2 model with
 * our tokenizer, and a LoRA checkpoint as an adapter in the form {@link dev.ferret.models.AdapterGenerator} writes.
 *
 * <p>Checkpoint format ({@code ferret-checkpoint-v1}): {@code model.json} (or {@code lora.json}) holds
 * {@code config} (name, vocab_size, n_embd, n_layer, n_head, n_head_kv, n_ff, context_length, rope_freq_base,
 * rms_eps), for an adapter {@code lora.rank}/{@code lora.alpha}, and {@code tensors}: name (the GGUF tensor name),
 * shape in torch order (last dimension contiguous, so reversed it is ggml's ne) and byte offset into the
 * {@code data} file of little-endian float32 values.
 *
 * <p>The base model is laid out as {@link ModelGenerator} lays out its random models: the same metadata keys and
 * values (ModelGenerator has no hook for given weights, so its {@code putMetadata} is mirrored here; keep them in
 * step), the same tensor order (train.py writes its tensors in that order), norms and biases F32, 2-D weights in
 * the asked type with {@link ModelGenerator#typeFor}'s fallback, the output tied to {@code token_embd}. The
 * tokenizer is {@link BpeTrainer#defaultTokenizer} of the checkpoint's vocabulary size, the one the data was
 * tokenized with by {@link TokenizerExport}.
 *
 * <pre>
 * CheckpointExporter --model DIR --out model.gguf [--type F32|F16|Q8_0|Q4_0|Q4_K] [--lora DIR --lora-out lora.gguf]
 * </pre>
 */
public final class CheckpointExporter {
    public static final String FORMAT = "ferret-checkpoint-v1";

    private CheckpointExporter() {}

    /**
     * One checkpoint: its parsed JSON header and its tensors' data, mapped. The accessors check what they read and
     * name a missing or mistyped field ({@link IllegalArgumentException}), so a hand-edited or foreign header is
     * refused with its problem, not a {@code ClassCastException}.
     */
    public record Checkpoint(Map<String, Object> header, FloatBuffer data) {
        public Map<String, Object> config() {
            return object(header, "config", "the header");
        }

        public List<Map<String, Object>> tensors() {
            if (!(header.get("tensors") instanceof List<?> list)) {
                throw new IllegalArgumentException("'tensors' is missing or not a list");
            }
            List<Map<String, Object>> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("name") instanceof String)) {
                    throw new IllegalArgumentException("tensors[" + i + "] is not an object with a 'name' string");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) m;
                out.add(t);
            }
            return out;
        }

        /** The {@code lora} section, or null when the header has none. */
        public Map<String, Object> lora() {
            return header.get("lora") == null ? null : object(header, "lora", "the header");
        }

        /** A tensor's torch shape: 1 to 4 dimensions, each from 1 to 2^31 - 1, with at most 2^31 - 1 elements. */
        static long[] shape(Map<String, Object> tensor) {
            String name = (String) tensor.get("name");
            if (!(tensor.get("shape") instanceof List<?> s) || s.isEmpty() || s.size() > 4) {
                throw new IllegalArgumentException(name + ": 'shape' must be a list of 1 to 4 dimensions, got "
                        + tensor.get("shape"));
            }
            long[] out = new long[s.size()];
            long elements = 1;
            for (int i = 0; i < out.length; i++) {
                out[i] = exact(s.get(i), name + " shape[" + i + "]", 1, Integer.MAX_VALUE);
                elements *= out[i]; // at most (2^31 - 1)^2 before the check below stops it
                if (elements > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + ": shape " + s.stream().map(CheckpointExporter::shown).toList()
                            + " has more elements than one mapping holds");
                }
            }
            return out;
        }
    }

    private static Map<String, Object> object(Map<String, Object> m, String key, String where) {
        if (!(m.get(key) instanceof Map<?, ?> v)) {
            throw new IllegalArgumentException("'" + key + "' of " + where + " is missing or not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) v;
        return out;
    }

    /** A JSON number that is an integer from {@code min} to {@code max}, exactly (not 1.5, not 1e300). */
    private static long exact(Object v, String what, long min, long max) {
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw new IllegalArgumentException(what + " must be an integer from " + min + " to " + max + ", got " + shown(v));
        }
        return n.longValue();
    }

    /** A JSON value as the header wrote it: an integral number without ".0". */
    private static String shown(Object v) {
        return v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.valueOf(v);
    }

    /** A JSON number that is finite and greater than 0. */
    private static float positive(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof Number n) || !(n.doubleValue() > 0) || !Float.isFinite(n.floatValue())) {
            throw new IllegalArgumentException(where + key + " must be a finite number greater than 0, got " + shown(v));
        }
        return n.floatValue();
    }

    /**
     * Reads {@code DIR/STEM.json} and maps its data file. Both must be regular files (a pipe would block the read)
     * and the header UTF-8 JSON naming its data file, a file in {@code dir}; a problem with either is an
     * {@link IllegalArgumentException} naming the file and what is wrong.
     */
    public static Checkpoint read(Path dir, String stem) {
        Path json = dir.resolve(stem + ".json");
        Map<String, Object> header;
        try {
            header = MiniJson.object(TextFiles.readUtf8(json));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": no " + stem + ".json, so not a checkpoint folder of training/train.py"
                    + (Files.isDirectory(dir) ? "" : " (" + (Files.exists(dir) ? "not a directory" : "no such folder") + ")"));
        } catch (FileSystemException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // names the file and the problem
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(json + ": " + e.getMessage(), e); // not JSON
        }
        if (!FORMAT.equals(header.get("format"))) {
            throw new IllegalArgumentException(json + " is not a " + FORMAT + " checkpoint");
        }
        // a file name beside the header, never a path: the checkpoint is its folder
        if (!(header.get("data") instanceof String name) || name.isEmpty() || name.contains("/") || name.contains("\\")
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(json + ": 'data' must name the data file in the same folder, got "
                    + header.get("data"));
        }
        Path file = dir.resolve(name);
        try {
            RegularFiles.requireRegular(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(file + ": " + ch.size() + " bytes, more than one mapping holds (2 GiB)");
                }
                FloatBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                return new Checkpoint(header, data);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file (the data file " + json + " names)");
        } catch (FileSystemException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model spec of a checkpoint's config. */
    public static ModelSpec spec(Checkpoint c) {
        Map<String, Object> k = c.config();
        if (!(k.get("name") instanceof String name)) {
            throw new IllegalArgumentException("config.name is missing or not a string");
        }
        return new ModelSpec("trained-" + name, num(k, "vocab_size"), num(k, "n_embd"), num(k, "n_layer"),
                num(k, "n_head"), num(k, "n_head_kv"), num(k, "n_ff"), num(k, "context_length"),
                positive(k, "rope_freq_base", "config."), positive(k, "rms_eps", "config."));
    }

    private static int num(Map<String, Object> m, String key) {
        return (int) exact(m.get(key), "config." + key, 1, Integer.MAX_VALUE);
    }

    /** Writes the base model of checkpoint directory {@code dir} as a qwen2 GGUF with 2-D weights in {@code type}. */
    public static Path exportModel(Path dir, Path target, GgufType type) {
        Checkpoint c = read(dir, "model");
        ModelSpec spec = spec(c);
        BpeTokenizer tok = BpeTrainer.defaultTokenizer(spec.vocabSize());
        if (tok.vocabSize() != spec.vocabSize()) {
            throw new IllegalArgumentException("the default tokenizer has " + tok.vocabSize() + " tokens, the checkpoint "
                    + spec.vocabSize());
        }
        GgufWriter w = new GgufWriter();
        ModelGenerator.putQwen2Metadata(w, spec, tok, type);
        List<String> expected = expectedTensors(spec);
        List<String> names = new ArrayList<>();
        for (Map<String, Object> t : c.tensors()) {
            names.add((String) t.get("name"));
        }
        if (!names.equals(expected)) {
            throw new IllegalArgumentException("the checkpoint's tensors " + names + " are not the qwen2 tensors "
                    + expected + " in ModelGenerator's order");
        }
        for (Map<String, Object> t : c.tensors()) {
            long[] shape = Checkpoint.shape(t);
            long[] want = expectedShape(spec, (String) t.get("name"));
            if (!java.util.Arrays.equals(shape, want)) {
                throw new IllegalArgumentException(t.get("name") + ": shape " + java.util.Arrays.toString(shape)
                        + ", the config says " + java.util.Arrays.toString(want));
            }
            long[] dims = reversed(shape);
            GgufType tt = dims.length == 1 ? GgufType.F32 : ModelGenerator.typeFor(type, dims[0]);
            addTensor(w, c, t, dims, tt);
        }
        w.write(target);
        return target;
    }

    /** Writes the LoRA checkpoint in {@code dir} as a GGUF adapter (F32 matrices) for a qwen2 base. */
    public static Path exportLora(Path dir, Path target) {
        return exportLora(dir, target, null);
    }

    /**
     * {@link #exportLora(Path, Path)} for the exported base {@code base}, whose {@link BaseFingerprint} the adapter
     * records (null: none).
     */
    public static Path exportLora(Path dir, Path target, GgufFile base) {
        Checkpoint c = read(dir, "lora");
        Map<String, Object> lora = c.lora();
        if (lora == null) {
            throw new IllegalArgumentException(dir + "/lora.json has no 'lora' section");
        }
        int rank = (int) exact(lora.get("rank"), "lora.rank", 1, Integer.MAX_VALUE);
        Object alphaValue = lora.get("alpha");
        if (!(alphaValue instanceof Number a) || !Float.isFinite(a.floatValue())) {
            throw new IllegalArgumentException("lora.alpha must be a finite number, got " + shown(alphaValue));
        }
        float alpha = a.floatValue();
        GgufWriter w = new GgufWriter()
                .putString("general.architecture", "qwen2")
                .putString("general.type", "adapter")
                .putString("general.name", "ferret-lora-r" + rank)
                .putString("adapter.type", "lora")
                .putFloat32("adapter.lora.alpha", alpha);
        if (base != null) {
            w.putString(BaseFingerprint.KEY, BaseFingerprint.of(base));
        }
        Pattern name = Pattern.compile("blk\\.\\d+\\.[a-z_]+\\.weight\\.lora_[ab]");
        for (Map<String, Object> t : c.tensors()) {
            String n = (String) t.get("name");
            long[] shape = Checkpoint.shape(t);
            if (!name.matcher(n).matches() || shape.length != 2) {
                throw new IllegalArgumentException("not a LoRA matrix of a block: " + n);
            }
            // lora_a is [r, n_in] in torch (ne [n_in, r]), lora_b [n_out, r] (ne [r, n_out])
            long r = n.endsWith("lora_a") ? shape[0] : shape[1];
            if (r != rank) {
                throw new IllegalArgumentException(n + " has rank " + r + ", the header says " + rank);
            }
            addTensor(w, c, t, reversed(shape), GgufType.F32);
        }
        w.write(target);
        return target;
    }

    private static void addTensor(GgufWriter w, Checkpoint c, Map<String, Object> t, long[] dims, GgufType type) {
        long offset = exact(t.get("offset"), t.get("name") + " offset", 0, Long.MAX_VALUE / 2);
        if (offset % 4 != 0) {
            throw new IllegalArgumentException(t.get("name") + ": offset " + offset + " is not float-aligned");
        }
        long elements = 1;
        for (long d : dims) {
            elements *= d;
        }
        long first = offset / 4;
        if (first + elements > c.data().capacity()) {
            throw new IllegalArgumentException(t.get("name") + " runs past the end of the data file");
        }
        FloatBuffer data = c.data();
        int rowLength = (int) dims[0];
        w.addTensor((String) t.get("name"), type, dims, (row, values) -> {
            data.get((int) (first + row * rowLength), values, 0, rowLength);
        });
    }

    static long[] reversed(long[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[shape.length - 1 - i];
        }
        return out;
    }

    /** The tensors of a qwen2 model with tied output, in {@link ModelGenerator}'s order. */
    static List<String> expectedTensors(ModelSpec spec) {
        List<String> out = new ArrayList<>(List.of("token_embd.weight", "output_norm.weight"));
        for (int i = 0; i < spec.nLayer(); i++) {
            for (String s : List.of("attn_norm.weight", "attn_q.weight", "attn_q.bias", "attn_k.weight", "attn_k.bias",
                    "attn_v.weight", "attn_v.bias", "attn_output.weight", "ffn_norm.weight", "ffn_gate.weight",
                    "ffn_up.weight", "ffn_down.weight")) {
                out.add("blk." + i + "." + s);
            }
        }
        return out;
    }

    /** The torch shape train.py writes for a qwen2 tensor of {@code spec} (as {@link #expectedTensors} names them). */
    static long[] expectedShape(ModelSpec spec, String name) {
        long e = spec.nEmbd();
        long kv = spec.nEmbdKv();
        long ff = spec.nFf();
        String s = name.startsWith("blk.") ? name.substring(name.indexOf('.', 4) + 1) : name;
        return switch (s) {
            case "token_embd.weight" -> new long[] {spec.vocabSize(), e};
            case "attn_q.weight", "attn_output.weight" -> new long[] {e, e};
            case "attn_k.weight", "attn_v.weight" -> new long[] {kv, e};
            case "attn_k.bias", "attn_v.bias" -> new long[] {kv};
            case "ffn_gate.weight", "ffn_up.weight" -> new long[] {ff, e};
            case "ffn_down.weight" -> new long[] {e, ff};
            default -> new long[] {e}; // the norms and attn_q.bias
        };
    }
}
