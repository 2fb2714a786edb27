package dev.ferret.cli;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.lab.export.CheckpointExporter;
import dev.ferret.lab.export.TokenizerExport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferret export}: what the Python trainer needs from Ferret, and what it hands back. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Bridge to the Python trainer (training/): export the tokenizer and tokenized data, import checkpoints as GGUF.",
        subcommands = {ExportCommand.Tokenizer.class, ExportCommand.Checkpoint.class})
final class ExportCommand extends CommandGroup {
    @Command(name = "tokenizer", mixinStandardHelpOptions = true,
            description = "Write the default tokenizer as tokenizer.json and each split's segments as token ids and loss masks; "
                    + "or encode/decode text with it.")
    static final class Tokenizer implements Callable<Integer> {
        @Option(names = "--vocab", defaultValue = "2048", description = "vocabulary size of the default tokenizer (default ${DEFAULT-VALUE})")
        int vocab;

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        static final class What {
            @Option(names = "--out", paramLabel = "DIR", description = "write tokenizer.json (and the --segments) here")
            Path out;

            @Option(names = "--encode", paramLabel = "TEXT", description = "print the ids of TEXT (special tokens parsed)")
            String encode;

            @Option(names = "--decode", paramLabel = "ID", arity = "1..*", description = "print the text of these ids")
            List<Integer> decode;
        }

        @Option(names = "--segments", paramLabel = "SPLIT=FILE",
                description = "a split's segments file written by training/prepare_data.py (repeatable; with --out)")
        Map<String, Path> segments = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            if (what.encode != null) {
                System.out.println(java.util.Arrays.stream(TokenizerExport.encode(vocab, what.encode))
                        .mapToObj(Integer::toString).collect(Collectors.joining(" ")));
            } else if (what.decode != null) {
                System.out.println(TokenizerExport.decode(vocab, what.decode.stream().mapToInt(Integer::intValue).toArray()));
            } else {
                OptionFiles.requireOutputFolder("--out", what.out);
                for (Path file : segments.values()) {
                    OptionFiles.requireInput("--segments", file); // before tokenizer.json is written: a pipe would block
                }
                TokenizerExport.export(vocab, what.out, segments, System.out);
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Convert a checkpoint of training/train.py (and its LoRA) into GGUF files Ferret and llama.cpp load.")
    static final class Checkpoint implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "DIR", description = "checkpoint folder of the model")
        Path model;

        @Option(names = "--out", paramLabel = "FILE", description = "the model GGUF to write (with --model)")
        Path out;

        @Option(names = "--type", defaultValue = "F32", description = "weight type: F32, F16, Q8_0, Q4_0, Q4_K (default ${DEFAULT-VALUE})")
        GgufType type;

        @Option(names = "--lora", paramLabel = "DIR", description = "checkpoint folder of a LoRA adapter")
        Path lora;

        @Option(names = "--lora-out", paramLabel = "FILE", description = "the adapter GGUF to write (with --lora)")
        Path loraOut;

        @Option(names = "--lora-base", paramLabel = "FILE", description = "the base GGUF the adapter is for; the adapter records "
                + "its fingerprint (default: the model written by --out, if any)")
        Path loraBase;

        @Override
        public Integer call() {
            if ((model == null) != (out == null) || (lora == null) != (loraOut == null) || (model == null && lora == null)) {
                throw new IllegalArgumentException("give --model DIR --out FILE, and/or --lora DIR --lora-out FILE");
            }
            if (out != null) {
                OptionFiles.requireOutput("--out", out);
            }
            if (loraOut != null) {
                OptionFiles.requireOutput("--lora-out", loraOut);
            }
            if (model != null) {
                CheckpointExporter.exportModel(model, out, type);
                System.out.println("wrote " + out + " (" + type + ")");
            }
            if (lora != null) {
                Path base = loraBase != null ? loraBase : out;
                CheckpointExporter.exportLora(lora, loraOut, base == null ? null : GgufFile.read(base));
                System.out.println("wrote " + loraOut);
            }
            return 0;
        }
    }
}
