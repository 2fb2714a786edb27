package dev.ferret.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.AgentRuntime;
import dev.ferret.lab.data.Jsonl;
import dev.ferret.lab.track.CallEval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Limits.check(spec, "--limit", limit, 0, Integer.MAX_VALUE);
        OptionFiles.requireOutputFolder("--out", out);
        Limits.checkFiles(spec, model, null, loras);
        // read and checked as every input file is (a pipe, a missing file, bad UTF-8 or a line that is not JSON is
        // refused by option and name), and every question checked, before any model is loaded
        List<JsonNode> questions = OptionFiles.read("--data", data, Jsonl::read);
        CallEval.check("--data " + data, questions, codebases, limit);
        AgentRuntime.Options base = new AgentRuntime.Options(codebases, model, loras, null, false, AgentRuntime.Mode.AGENT,
                AgentRuntime.Format.TEMPLATE, 6, threads, prompt).withDefaultModel();
        CallEval.Report r = CallEval.run(data, questions, codebases, base, limit, !exactArguments, System.err);
        CallEval.write(r, out, name);
        System.out.print(CallEval.toMarkdown(r));
        return r.all().unparsable() == 0 ? 0 : 1;
    }
}
