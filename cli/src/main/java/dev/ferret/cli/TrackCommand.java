package dev.ferret.cli;

import dev.ferret.agent.AgentRuntime;
import dev.ferret.lab.track.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "track", mixinStandardHelpOptions = true, description = "Run the standard query suite on repositories and write the performance tracker (JSON, Markdown, SVG, history).")
final class TrackCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "repository (repeatable)")
    List<Path> repos = new ArrayList<>();

    @Option(names = {"-m", "--model"}, description = "GGUF model; adds the agent mode")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter (repeatable)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--draft", description = "draft model")
    Path draft;

    @Option(names = "--modes", split = ",", description = "modes to run, of ${COMPLETION-CANDIDATES} (default: hybrid, plus agent when --model is given)")
    List<AgentRuntime.Mode> modes;

    @Option(names = "--out", defaultValue = "bench/results", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--name", defaultValue = "tracker", description = "run name, also the file name (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--no-cold", description = "skip the end-to-end cold CLI measurement")
    boolean noCold;

    @Option(names = {"-t", "--threads"}, defaultValue = "0", description = "decoding threads (0: the engine's default)")
    int threads;

    @Option(names = "--endpoint", split = ",", paramLabel = "URL[,URL...]", description = "send the agent's questions to these"
            + " running OpenAI-compatible servers (e.g. ferret serve at http://127.0.0.1:8080), spread round-robin, instead of"
            + " loading a model here; the tools still run here on --repo; model size and memory are then n/a")
    List<java.net.URI> endpoints;

    @Option(names = "--api-key", description = "bearer token for --endpoint (default: $FERRET_API_KEY if set)")
    String apiKey;

    @Option(names = "--require-call", description = "with --endpoint: each question's first turn must be a tool call (tool_choice"
            + " required), for small models that otherwise answer without searching")
    boolean requireCall;

    @Option(names = "--prompt", description = "agent path: call_only (the model writes one call, the answer comes from the results) or full (agent prompt and loop); default: the catalog's choice for the default model, full for --model")
    AgentRuntime.Prompt prompt;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            // before the suite runs: minutes of questions must not end in a report that cannot be written
            Tracker.checkOutputs(out, name);
        } catch (java.io.IOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": cannot write the report: " + e.getMessage());
        }
        List<AgentRuntime.Mode> ms = new ArrayList<>();
        if (endpoints != null && !endpoints.isEmpty()) {
            return remote(); // the model options belong to the servers there: refused by name, not as files
        }
        Limits.checkFiles(spec, model, draft, loras);
        if (modes == null || modes.isEmpty()) {
            ms.add(AgentRuntime.Mode.HYBRID);
            if (model != null) {
                ms.add(AgentRuntime.Mode.AGENT);
            }
        } else {
            ms.addAll(modes);
        }
        List<Tracker.Run> runs = new ArrayList<>();
        for (Path repo : repos) {
            AgentRuntime.Options base = new AgentRuntime.Options(repo, model, loras, draft, false, AgentRuntime.Mode.AUTO,
                    AgentRuntime.Format.TEMPLATE, 6, threads, prompt);
            System.err.println("track: " + repo);
            runs.add(Tracker.run(name, repo, ms, base, !noCold && repo.equals(repos.getFirst())));
        }
        return report(runs);
    }

    /** --endpoint: the agent's questions go to the servers; hybrid (no model) still runs here unless --modes leaves it out. */
    private int remote() throws Exception {
        if (model != null || !loras.isEmpty() || draft != null || prompt != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--endpoint sends the questions to running servers: --model, --lora, --draft and --prompt belong to those servers");
        }
        List<AgentRuntime.Mode> ms = modes == null || modes.isEmpty() ? List.of(AgentRuntime.Mode.HYBRID, AgentRuntime.Mode.AGENT) : modes;
        if (ms.contains(AgentRuntime.Mode.AUTO)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "with --endpoint, --modes takes hybrid (here) and agent (the servers)");
        }
        String key = apiKey != null ? apiKey : System.getenv("FERRET_API_KEY");
        List<Tracker.Run> runs = new ArrayList<>();
        for (Path repo : repos) {
            System.err.println("track: " + repo + " via " + endpoints);
            if (ms.contains(AgentRuntime.Mode.AGENT)) {
                runs.add(Tracker.runRemote(name, repo, new Tracker.Remote(endpoints, 6, key, requireCall),
                        ms.contains(AgentRuntime.Mode.HYBRID), !noCold && repo.equals(repos.getFirst())));
            } else {
                AgentRuntime.Options base = new AgentRuntime.Options(repo, null, List.of(), null, false, AgentRuntime.Mode.AUTO,
                        AgentRuntime.Format.TEMPLATE, 6, threads, null);
                runs.add(Tracker.run(name, repo, List.of(AgentRuntime.Mode.HYBRID), base, !noCold && repo.equals(repos.getFirst())));
            }
        }
        return report(runs);
    }

    /** Writes the runs of every repository as one report. */
    private int report(List<Tracker.Run> runs) throws java.io.IOException {
        Tracker.Run first = runs.getFirst();
        List<Tracker.Row> rows = runs.stream().flatMap(r -> r.rows().stream()).toList();
        // VmHWM only grows within a process, so the last run's peak is the peak of them all
        Tracker.Run all = new Tracker.Run(name, first.date(), rows, runs.getLast().peakRssBytes(), first.modelBytes(),
                first.model(), first.coldCliSeconds(), first.groundTruthNote(),
                runs.stream().map(Tracker.Run::draftModel).filter(java.util.Objects::nonNull).findFirst().orElse(null));
        for (Path p : Tracker.write(all, out, name)) {
            System.err.println("wrote " + p);
        }
        System.out.print(Tracker.toMarkdown(all));
        return 0;
    }
}
