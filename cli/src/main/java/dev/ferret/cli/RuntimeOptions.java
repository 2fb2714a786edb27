package dev.ferret.cli;

import dev.ferret.agent.AgentRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code ask} and {@code chat} share: the repository, the models and how the agent path uses them; they make an {@link AgentRuntime.Options}. */
final class RuntimeOptions {
    @Option(names = "--repo", required = true, description = "repository to search")
    Path repo;

    @Option(names = {"-m", "--model"}, description = "GGUF model for the agent loop and the model formatter"
            + " (default: the shipped default model)")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter (repeatable)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--draft", description = "draft model for speculative decoding")
    Path draft;

    @Option(names = "--lookup", negatable = true, description = "prompt-lookup speculative decoding in the agent loop, adaptive"
            + " (default: on for a --model without --draft; the shipped default models use their draft model)")
    Boolean lookup;

    @Option(names = "--mode", defaultValue = "auto", description = "${COMPLETION-CANDIDATES}; auto = hybrid when the question is known (default ${DEFAULT-VALUE})")
    AgentRuntime.Mode mode;

    @Option(names = "--prompt", description = "agent path: call_only (the model writes one call, the answer comes from the results) or full (agent prompt and loop); default: the catalog's choice for the default model, full for --model")
    AgentRuntime.Prompt prompt;

    /** Refuses a model, draft or adapter path that is not a regular file (exit 2, naming it). */
    void checkFiles(CommandSpec spec) {
        Limits.checkFiles(spec, model, draft, loras);
    }

    /** The runtime's options: these, and what the command decides itself. */
    AgentRuntime.Options runtime(AgentRuntime.Format format, int maxSteps, int threads) {
        return new AgentRuntime.Options(repo, model, loras, draft, AgentRuntime.Options.lookupByDefault(model, draft, lookup),
                mode, format, maxSteps, threads, prompt);
    }
}
