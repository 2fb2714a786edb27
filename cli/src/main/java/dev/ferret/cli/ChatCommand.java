package dev.ferret.cli;

import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "chat", mixinStandardHelpOptions = true, description = "Ask questions about a repository one after another; the model, its session and the scanned files stay loaded.")
final class ChatCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions agent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        agent.checkFiles(spec);
        AgentRuntime.Options o = agent.runtime(AgentRuntime.Format.TEMPLATE, 6, 0);
        try (AgentRuntime rt = new AgentRuntime(o, AgentRuntime.Progress.STDERR)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.err.println("ferret chat on " + agent.repo + " — one question per line, empty line or Ctrl-D to quit");
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
