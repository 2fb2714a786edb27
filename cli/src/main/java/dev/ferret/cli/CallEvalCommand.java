package dev.ferret.cli;

import dev.ferret.agent.AgentRuntime;
import dev.ferret.lab.track.CallEval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "call-eval", mixinStandardHelpOptions = true,
        description = "Run the agent (agent mode) on every question of a `ferret call-data` split, each on its codebase: "
                + "unparsable calls, runs with the expected call, invented names; per kind, phrasing split and codebase.")
final class CallEvalCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "JSONL", defaultValue = ".work/call-data/calls-test.jsonl",
            description = "questions with their expected calls (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--codebases", paramLabel = "DIR", defaultValue = ".work/codebases", description = "default ${DEFAULT-VALUE}")
    Path codebases;

    @Option(names = {"-m", "--model"}, description = "GGUF model (default: the shipped default)")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter (repeatable)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--prompt", description = "call_only or full (default: the catalog's choice for the default model, full for --model)")
    AgentRuntime.Prompt prompt;

    @Option(names = "--limit", defaultValue = "0", description = "only the first N questions (0: all)")
    int limit;

    @Option(names = {"-t", "--threads"}, defaultValue = "1",
            description = "decoding threads (default ${DEFAULT-VALUE}: on a busy machine a second thread waits more than it works)")
    int threads;

    @Option(names = "--out", defaultValue = "bench/results", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--name", defaultValue = "call-eval", description = "file name (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--exact-arguments", description = "run each call as the model wrote it (no reading of its "
            + "arguments as the repository's names), to measure what that reading adds")
    boolean exactArguments;

    @Override
    public Integer call() throws Exception {
        OptionFiles.requireOutputFolder("--out", out);
        AgentRuntime.Options base = new AgentRuntime.Options(codebases, model, loras, null, false, AgentRuntime.Mode.AGENT,
                AgentRuntime.Format.TEMPLATE, 6, threads, prompt).withDefaultModel();
        CallEval.Report r = CallEval.run(data, codebases, base, limit, !exactArguments, System.err);
        CallEval.write(r, out, name);
        System.out.print(CallEval.toMarkdown(r));
        return r.all().unparsable() == 0 ? 0 : 1;
    }
}
