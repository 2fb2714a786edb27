package dev.ferret.models.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** LoRA adapter folders as PEFT and MLX-LM write them, for the converter's tests here and the engine's. */
public final class AdapterFolders {
    private AdapterFolders() {}

    /**
     * One adapted projection ({@code module}, e.g. {@code self_attn.q_proj}, of block {@code layer}), its "true"
     * matrices in PEFT orientation, row-major: A [r, n_in], B [n_out, r].
     */
    public record Pair(String module, int layer, int nIn, int nOut, float[] a, float[] b) {
        public int rank() {
            return a.length / nIn;
        }
    }

    /** A PEFT folder at {@code dir}: adapter_model.safetensors with lora_A and lora_B as they are, and {@code config}. */
    public static Path peft(Path dir, List<Pair> pairs, String config) throws IOException {
        List<Safetensors.Tensor> ts = new ArrayList<>();
        for (Pair p : pairs) {
            String prefix = "base_model.model.model.layers." + p.layer() + "." + p.module();
            ts.add(new Safetensors.Tensor(prefix + ".lora_A.weight", "F32", new long[] {p.rank(), p.nIn()}, p.a()));
            ts.add(new Safetensors.Tensor(prefix + ".lora_B.weight", "F32", new long[] {p.nOut(), p.rank()}, p.b()));
        }
        return folder(dir, "adapter_model.safetensors", ts, config);
    }

    /** An MLX-LM folder at {@code dir}: adapters.safetensors, which keeps lora_a as (n_in, r) and lora_b as (r, n_out). */
    public static Path mlx(Path dir, List<Pair> pairs, String config) throws IOException {
        List<Safetensors.Tensor> ts = new ArrayList<>();
        for (Pair p : pairs) {
            String prefix = "model.layers." + p.layer() + "." + p.module();
            int r = p.rank();
            ts.add(new Safetensors.Tensor(prefix + ".lora_a", "F32", new long[] {p.nIn(), r}, AdapterConverter.transpose(p.a(), r, p.nIn())));
            ts.add(new Safetensors.Tensor(prefix + ".lora_b", "F32", new long[] {r, p.nOut()}, AdapterConverter.transpose(p.b(), p.nOut(), r)));
        }
        return folder(dir, "adapters.safetensors", ts, config);
    }

    /** An adapter folder as the trainers write it: the tensors in {@code weights}, and adapter_config.json. */
    public static Path folder(Path dir, String weights, List<Safetensors.Tensor> tensors, String config) throws IOException {
        Files.createDirectories(dir);
        Safetensors.writeF32(dir.resolve(weights), tensors);
        Files.writeString(dir.resolve("adapter_config.json"), config);
        return dir;
    }
}
