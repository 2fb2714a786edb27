package dev.ferret.cli;

import dev.ferret.lab.data.CallDataGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "call-data", mixinStandardHelpOptions = true,
        description = "Write question -> call pairs for the call-only default model, each call run on its codebase "
                + "with the real tools (calls-train/valid/test.jsonl split by codebase, held-out phrasings marked).")
final class CallDataCommand implements Callable<Integer> {
    private static final CallDataGenerator.Options DEFAULTS = CallDataGenerator.Options.defaults();

    @Option(names = "--manifest", paramLabel = "TSV", description = "codebase manifest (repeatable; default: the two of scripts/)")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--codebases", paramLabel = "DIR", defaultValue = ".work/codebases",
            description = "where the codebases are unpacked (default ${DEFAULT-VALUE})")
    Path codebases;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".work/call-data", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "20251204", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-per-codebase", paramLabel = "N", defaultValue = "2500", description = "pairs per train codebase (default ${DEFAULT-VALUE})")
    int trainPerCodebase;

    @Option(names = "--eval-per-codebase", paramLabel = "N", defaultValue = "200", description = "pairs per valid or test codebase (default ${DEFAULT-VALUE})")
    int evalPerCodebase;

    @Option(names = "--only", paramLabel = "NAME", description = "only this codebase (repeatable)")
    Set<String> only = new LinkedHashSet<>();

    @Override
    public Integer call() throws Exception {
        if (trainPerCodebase < 1 || evalPerCodebase < 1) {
            throw new IllegalArgumentException("--train-per-codebase and --eval-per-codebase must be at least 1");
        }
        OptionFiles.requireOutputFolder("--out", out);
        List<Path> tsvs = manifests.isEmpty() ? DEFAULTS.manifests() : List.copyOf(manifests);
        for (Path m : tsvs) {
            OptionFiles.readText("--manifest", m); // named by option before anything runs: a pipe, a missing file, bad UTF-8
        }
        var o = new CallDataGenerator.Options(tsvs,
                codebases, out, seed, trainPerCodebase, evalPerCodebase, Set.copyOf(only));
        return CallDataGenerator.run(o, System.err);
    }
}
