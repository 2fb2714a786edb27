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

    @Option(names = "--prompt", description = "agent path: call_only (the model writes one call, the answer comes from the results) or full (agent prompt and loop); default: the catalog's choice for the default model, full for --model")
    AgentRuntime.Prompt prompt;

    @Override
    public Integer call() throws Exception {
        List<AgentRuntime.Mode> ms = new ArrayList<>();
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
