package dev.ferret.cli;

import dev.ferret.lab.data.TrainingDataGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Write the agent's training data: questions played out as tool-calling conversations on real codebases "
                + "(train/valid/test JSONL split by codebase, metadata sidecars, statistics).")
final class DataCommand implements Callable<Integer> {
    private static final TrainingDataGenerator.Options DEFAULTS = TrainingDataGenerator.Options.defaults();

    @Option(names = "--manifest", paramLabel = "TSV",
            description = "codebase manifest (repeatable; default scripts/training-codebases.tsv and scripts/codebases.tsv; "
                    + "rows without a split column are held-out test)")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--codebases", paramLabel = "DIR", defaultValue = ".work/codebases",
            description = "where the codebases are unpacked (default ${DEFAULT-VALUE}; scripts/fetch-training-codebases.sh fetches them)")
    Path codebases;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".work/training-data", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--stats", paramLabel = "DIR", description = "where stats.json and stats.md go (default: the output folder)")
    Path stats;

    @Option(names = "--seed", defaultValue = "" + TrainingDataGenerator.DEFAULT_SEED, description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-per-codebase", paramLabel = "N", defaultValue = "" + TrainingDataGenerator.DEFAULT_TRAIN_PER_CODEBASE,
            description = "examples per train codebase (default ${DEFAULT-VALUE})")
    int trainPerCodebase;

    @Option(names = "--eval-per-codebase", paramLabel = "N", defaultValue = "" + TrainingDataGenerator.DEFAULT_EVAL_PER_CODEBASE,
            description = "examples per valid or test codebase (default ${DEFAULT-VALUE})")
    int evalPerCodebase;

    @Option(names = "--only", paramLabel = "NAME", description = "only this codebase (repeatable; for trying things out)")
    Set<String> only = new LinkedHashSet<>();

    @Option(names = "--verify", description = "after writing, check every line and replay every tool call")
    boolean verify;

    @Option(names = "--verify-only", description = "only check an existing output folder")
    boolean verifyOnly;

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
        var o = new TrainingDataGenerator.Options(tsvs,
                codebases, out, stats, seed, trainPerCodebase, evalPerCodebase, Set.copyOf(only), verify, verifyOnly);
        return TrainingDataGenerator.run(o, System.err);
    }
}
