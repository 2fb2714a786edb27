package dev.ferret.cli;

import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chat", mixinStandardHelpOptions = true, description = "Ask questions about a repository one after another; the model, its session and the scanned files stay loaded.")
final class ChatCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "repository to search")
    Path repo;

    @Option(names = {"-m", "--model"}, description = "GGUF model for the agent loop (default: the shipped default model)")
    Path model;

    @Option(names = "--lora", description = "LoRA adapter (repeatable)")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--draft", description = "draft model for speculative decoding")
    Path draft;

    @Option(names = "--lookup", negatable = true, description = "prompt-lookup speculative decoding, adaptive"
            + " (default: on for a --model without --draft)")
    Boolean lookup;

    @Option(names = "--mode", defaultValue = "auto", description = "${COMPLETION-CANDIDATES}; auto = hybrid when the question is known (default ${DEFAULT-VALUE})")
    AgentRuntime.Mode mode;

    @Option(names = "--prompt", description = "agent path: call_only (the model writes one call, the answer comes from the results) or full (agent prompt and loop); default: the catalog's choice for the default model, full for --model")
    AgentRuntime.Prompt prompt;

    @Override
    public Integer call() throws Exception {
        AgentRuntime.Options o = new AgentRuntime.Options(repo, model, loras, draft,
                AgentRuntime.Options.lookupByDefault(model, draft, lookup), mode,
                AgentRuntime.Format.TEMPLATE, 6, 0, prompt);
        try (AgentRuntime rt = new AgentRuntime(o, AgentRuntime.Progress.STDERR)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.err.println("ferret chat on " + repo + " — one question per line, empty line or Ctrl-D to quit");
            while (true) {
                System.err.print("> ");
                String q = in.readLine();
                if (q == null || q.isBlank()) {
                    break;
                }
                try {
                    Answer a = rt.ask(q);
                    System.out.println(a.answer());
                    for (String note : a.notes()) {
                        System.err.println("note: " + note);
                    }
                    System.err.printf("[%s path, %s, %.2f s]%n", a.mode().label(), a.status().name().toLowerCase(java.util.Locale.ROOT), a.seconds());
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                }
            }
        }
        return 0;
    }
}
