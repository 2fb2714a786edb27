package dev.ferret.cli;

import dev.ferret.lab.track.AccuracyReport;
import dev.ferret.lab.track.QuestionReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Score the hybrid path's answers to the standard questions against CPython's own parser (python3), "
                + "per codebase. Exit status 0 when every precision and recall reaches "
                + "the target, 1 when one does not, 2 when the ground truth is unavailable.")
final class AccuracyCommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "list every missed and extra item")
    boolean verbose;

    @Option(names = "--questions", description = "ask the evaluation phrasings (the five standard questions in "
            + "informal phrasings, and the structural question kinds with parameters taken from each codebase) and "
            + "score their answers; prints Markdown")
    boolean questions;

    @Option(names = "--agent", description = "with --questions: questions the hybrid path does not handle go to the "
            + "agent loop with the default model (auto mode)")
    boolean agent;

    @Option(names = "--phrasings", paramLabel = "SET", description = "with --questions: ask only this phrasing set "
            + "(e.g. phrasings-blind): its classifier table and misread phrasings, and the five standard questions in "
            + "all its phrasings; no structural kinds, except for a set written for one codebase "
            + "(its codebase.txt), whose other kinds are asked of that codebase")
    String phrasings;

    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "codebases (default: examples/shop and every folder in .work/codebases)")
    List<Path> dirs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (questions) {
            return QuestionReport.run(dirs, agent, verbose, phrasings, System.out, System.err);
        }
        return AccuracyReport.run(dirs, verbose, System.out, System.err);
    }
}
