package dev.ferret.cli;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufValue;
import dev.ferret.gguf.ModelValidator;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Validate a GGUF file in Java (no native code) and summarise it. Exit 2 if invalid.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "GGUF model or adapter")
    Path file;

    @Option(names = "--tensors", description = "list every tensor")
    boolean tensors;

    @Override
    public Integer call() {
        GgufFile f = GgufFile.read(file);
        boolean adapter = "adapter".equals(f.getString("general.type", "model"));
        if (!adapter) {
            ModelValidator.validate(f);
        }
        System.out.println("file:          " + file + " (" + f.fileSize() + " bytes, GGUF v" + f.version() + ")");
        System.out.println("type:          " + (adapter ? "LoRA adapter" : "model") + ", architecture " + f.architecture());
        System.out.println("name:          " + f.getString("general.name", "-"));
        Map<String, Integer> types = new TreeMap<>();
        long params = 0;
        for (GgufTensorInfo t : f.tensors()) {
            types.merge(t.type().name(), 1, Integer::sum);
            params += t.elementCount();
        }
        System.out.println("tensors:       " + f.tensors().size() + " " + types + ", " + params + " parameters");
        String arch = f.architecture();
        for (String k : new String[] {"context_length", "embedding_length", "block_count", "feed_forward_length",
                "attention.head_count", "attention.head_count_kv"}) {
            f.find(arch + "." + k).ifPresent(v -> System.out.printf("%-15s%s%n", k.replace("attention.", "").replace("_length", "") + ":", v.value()));
        }
        if (f.contains("tokenizer.ggml.tokens")) {
            System.out.println("vocabulary:    " + f.getStringArray("tokenizer.ggml.tokens").size() + " tokens ("
                    + f.getString("tokenizer.ggml.model", "?") + "/" + f.getString("tokenizer.ggml.pre", "?") + ")");
        }
        if (adapter) {
            System.out.println("lora alpha:    " + f.getFloat("adapter.lora.alpha", Float.NaN));
        }
        System.out.println("chat template: " + (f.contains("tokenizer.chat_template") ? "yes" : "no"));
        System.out.println("metadata keys: " + f.metadata().size());
        if (tensors) {
            for (GgufTensorInfo t : f.tensors()) {
                System.out.printf("  %-40s %-6s %s%n", t.name(), t.type(), t.shape());
            }
        }
        return 0;
    }

    static String show(GgufValue v) {
        return String.valueOf(v.value());
    }
}
