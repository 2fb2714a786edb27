package dev.ferret.models.adapter;

import dev.ferret.models.BaseFingerprint;
import dev.ferret.models.io.TextFiles;
import dev.ferret.models.json.MiniJson;
import dev.ferret.gguf.AdapterValidator;
import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a LoRA adapter saved by MLX-LM ({@code adapters.safetensors} + {@code adapter_config.json}) or by
 * PEFT ({@code adapter_model.safetensors} + {@code adapter_config.json}) into the GGUF adapter llama.cpp loads,
 * for a given base model, checking every name and shape against the base.
 *
 * <p>Layouts. PEFT stores {@code ...layers.N.self_attn.q_proj.lora_A.weight} as [r, n_in] and
 * {@code lora_B.weight} as [n_out, r] (row-major), which is exactly ggml's [n_in, r] and [r, n_out]: copied as
 * is. MLX-LM stores {@code ...layers.N.self_attn.q_proj.lora_a} as (n_in, r) and {@code lora_b} as (r, n_out):
 * both transposed. Scale: llama.cpp applies alpha / r, PEFT's {@code lora_alpha} means the same; MLX-LM's
 * {@code scale} multiplies the update directly, so alpha = scale × r.
 */
public final class AdapterConverter {
    /** Hugging Face module names of the qwen2/llama layout → GGUF tensor kinds. */
    static final Map<String, String> MODULES = Map.of(
            "self_attn.q_proj", "attn_q", "self_attn.k_proj", "attn_k", "self_attn.v_proj", "attn_v",
            "self_attn.o_proj", "attn_output", "mlp.gate_proj", "ffn_gate", "mlp.up_proj", "ffn_up",
            "mlp.down_proj", "ffn_down");

    private static final Pattern PEFT = Pattern.compile("(?:.*\\.)?layers\\.(\\d+)\\.(self_attn\\.[a-z_]+|mlp\\.[a-z_]+)\\.lora_([AB])(?:\\.[A-Za-z0-9_]+)?\\.weight");
    private static final Pattern MLX = Pattern.compile("(?:.*\\.)?layers\\.(\\d+)\\.(self_attn\\.[a-z_]+|mlp\\.[a-z_]+)\\.lora_([ab])");

    /** What was converted. */
    public record Result(String layout, int rank, float alpha, int pairs, Path output) {}

    private AdapterConverter() {}

    /** Converts the adapter in {@code dir} for {@code base}, writes {@code out}, and validates it against the base. */
    public static Result convert(Path dir, GgufFile base, Path out) {
        Path mlx = dir.resolve("adapters.safetensors");
        Path peft = dir.resolve("adapter_model.safetensors");
        Path config = dir.resolve("adapter_config.json");
        boolean isMlx = Files.isRegularFile(mlx);
        if (!isMlx && !Files.isRegularFile(peft)) {
            throw fail(dir, "no adapters.safetensors (MLX-LM) or adapter_model.safetensors (PEFT) in the folder");
        }
        if (!Files.exists(config)) {
            throw fail(dir, "adapter_config.json is missing");
        }
        Map<?, ?> cfg;
        Map<String, Safetensors.Tensor> tensors;
        try {
            // a pipe or folder is refused before it is opened, a byte that is not UTF-8 named by line and offset
            Object c = MiniJson.parse(TextFiles.readUtf8(config));
            if (!(c instanceof Map<?, ?> m)) {
                throw fail(config, "not a JSON object");
            }
            cfg = m;
            tensors = Safetensors.read(isMlx ? mlx : peft);
        } catch (IOException | IllegalArgumentException e) {
            throw fail(dir, e.getMessage());
        }
        // pair up A and B per base tensor
        Map<String, Safetensors.Tensor[]> pairs = new TreeMap<>();
        for (Safetensors.Tensor t : tensors.values()) {
            Matcher m = (isMlx ? MLX : PEFT).matcher(t.name());
            if (!m.matches()) {
                throw fail(dir, "tensor '" + t.name() + "' is not a LoRA matrix of a qwen2/llama layer (embeddings and lm_head are not supported)");
            }
            String kind = MODULES.get(m.group(2));
            if (kind == null) {
                throw fail(dir, "tensor '" + t.name() + "' adapts module " + m.group(2) + ", which has no GGUF counterpart");
            }
            String baseName = "blk." + m.group(1) + "." + kind + ".weight";
            int which = m.group(3).equalsIgnoreCase("a") ? 0 : 1;
            Safetensors.Tensor[] p = pairs.computeIfAbsent(baseName, k -> new Safetensors.Tensor[2]);
            if (p[which] != null) {
                throw fail(dir, "two " + (which == 0 ? "A" : "B") + " matrices for " + baseName);
            }
            p[which] = t;
        }
        if (pairs.isEmpty()) {
            throw fail(dir, "no LoRA tensors found");
        }
        int rank = -1;
        for (var e : pairs.entrySet()) {
            Safetensors.Tensor a = e.getValue()[0];
            Safetensors.Tensor b = e.getValue()[1];
            if (a == null || b == null) {
                throw fail(dir, e.getKey() + " has only its " + (a == null ? "B" : "A") + " matrix");
            }
            if (a.shape().length != 2 || b.shape().length != 2) {
                throw fail(dir, e.getKey() + ": LoRA matrices must be 2-D");
            }
            int r = (int) (isMlx ? a.shape()[1] : a.shape()[0]);
            if (rank >= 0 && r != rank) {
                throw fail(dir, e.getKey() + ": rank " + r + " differs from " + rank);
            }
            rank = r;
        }
        float alpha = alpha(cfg, rank, isMlx, dir);
        GgufWriter w = new GgufWriter()
                .putString("general.architecture", base.architecture())
                .putString("general.type", "adapter")
                .putString("general.name", "converted-" + (isMlx ? "mlx" : "peft") + "-lora-r" + rank)
                .putString("adapter.type", "lora")
                .putFloat32("adapter.lora.alpha", alpha)
                .putString(BaseFingerprint.KEY, BaseFingerprint.of(base));
        for (var e : pairs.entrySet()) {
            GgufTensorInfo target = base.tensor(e.getKey()).orElseThrow(() -> fail(dir, "the base model has no tensor " + e.getKey()));
            long nIn = target.ne(0);
            long nOut = target.ne(1);
            Safetensors.Tensor a = e.getValue()[0];
            Safetensors.Tensor b = e.getValue()[1];
            long[] wantA = isMlx ? new long[] {nIn, rank} : new long[] {rank, nIn};
            long[] wantB = isMlx ? new long[] {rank, nOut} : new long[] {nOut, rank};
            if (!java.util.Arrays.equals(a.shape(), wantA) || !java.util.Arrays.equals(b.shape(), wantB)) {
                throw fail(dir, e.getKey() + ": A " + java.util.Arrays.toString(a.shape()) + " and B "
                        + java.util.Arrays.toString(b.shape()) + " do not fit the base's [n_in=" + nIn + ", n_out=" + nOut
                        + "] (expected A " + java.util.Arrays.toString(wantA) + ", B " + java.util.Arrays.toString(wantB) + ")");
            }
            float[] ga = isMlx ? transpose(a.values(), (int) nIn, rank) : a.values();
            float[] gb = isMlx ? transpose(b.values(), rank, (int) nOut) : b.values();
            w.addTensor(e.getKey() + ".lora_a", GgufType.F32, new long[] {nIn, rank}, ga);
            w.addTensor(e.getKey() + ".lora_b", GgufType.F32, new long[] {rank, nOut}, gb);
        }
        w.write(out);
        AdapterValidator.validate(base, GgufFile.read(out));
        return new Result(isMlx ? "mlx-lm" : "peft", rank, alpha, pairs.size(), out);
    }

    private static float alpha(Map<?, ?> cfg, int rank, boolean mlx, Path dir) {
        if (mlx) {
            Object lp = cfg.get("lora_parameters");
            if (lp instanceof Map<?, ?> p) {
                if (p.get("alpha") instanceof Double a) {
                    return a.floatValue();
                }
                if (p.get("scale") instanceof Double s) {
                    return (float) (s * rank);
                }
            }
            throw fail(dir, "adapter_config.json has no lora_parameters.scale (or alpha)");
        }
        if (cfg.get("lora_alpha") instanceof Double a) {
            if (cfg.get("r") instanceof Double r && r.intValue() != rank) {
                throw fail(dir, "adapter_config.json says r=" + r.intValue() + " but the matrices have rank " + rank);
            }
            return a.floatValue();
        }
        throw fail(dir, "adapter_config.json has no lora_alpha");
    }

    /** Row-major (rows × cols) → row-major (cols × rows). */
    static float[] transpose(float[] v, int rows, int cols) {
        float[] t = new float[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = v[i * cols + j];
            }
        }
        return t;
    }

    private static GgufException fail(Path where, String why) {
        return new GgufException(GgufException.Problem.INCOMPATIBLE_ADAPTER, where, why);
    }
}
