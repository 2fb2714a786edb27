package dev.ferret.cli;

import dev.ferret.gguf.GgufFile;
import dev.ferret.models.AdapterGenerator;
import dev.ferret.models.adapter.AdapterConverter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "adapter", mixinStandardHelpOptions = true, description = "Make or convert LoRA adapters.",
        subcommands = {AdapterCommand.Convert.class, AdapterCommand.Create.class})
final class AdapterCommand extends CommandGroup {
    @Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert an MLX-LM (adapters.safetensors) or PEFT (adapter_model.safetensors) adapter folder to a GGUF adapter for BASE.")
    static final class Convert implements Callable<Integer> {
        @Option(names = "--base", required = true, description = "base model GGUF the adapter was trained on")
        Path base;

        @Option(names = "--in", required = true, description = "adapter folder (with adapter_config.json)")
        Path in;

        @Option(names = "--out", required = true, description = "output .gguf")
        Path out;

        @Override
        public Integer call() {
            OptionFiles.requireOutput("--out", out);
            var r = AdapterConverter.convert(in, GgufFile.readModel(base), out);
            System.out.printf("wrote %s: %s LoRA, rank %d, alpha %.3g, %d adapted tensors%n", r.output(), r.layout(), r.rank(), r.alpha(), r.pairs());
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Write a random LoRA adapter for BASE (for tests and demos).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--base", required = true, description = "base model GGUF the adapter is for")
        Path base;

        @Option(names = "--out", required = true, description = "output .gguf")
        Path out;

        @Option(names = "--rank", defaultValue = "8", description = "LoRA rank (default ${DEFAULT-VALUE})")
        int rank;

        @Option(names = "--alpha", defaultValue = "16", description = "LoRA alpha; the scale is alpha / rank (default ${DEFAULT-VALUE})")
        float alpha;

        @Option(names = "--seed", defaultValue = "7", description = "seed of the random weights (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            OptionFiles.requireOutput("--out", out);
            new AdapterGenerator(GgufFile.readModel(base)).rank(rank).alpha(alpha).seed(seed).write(out);
            System.out.println("wrote " + out + ": random LoRA, rank " + rank + ", alpha " + alpha);
            return 0;
        }
    }
}
