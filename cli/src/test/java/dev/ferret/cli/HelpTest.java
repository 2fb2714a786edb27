package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Issue 17.8: every command and subcommand answers --help with exit 0, and documents every option and argument. */
class HelpTest {
    /** Every command of the tree with the words that call it ({@code [model, create]}), the root first. */
    static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (var e : cmd.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().name().equals(e.getKey())) { // aliases once
                List<String> sub = new ArrayList<>(path);
                sub.add(e.getKey());
                walk(e.getValue(), sub, out);
            }
        }
    }

    @Test
    void theTreeIsWhatTheReadmeLists() {
        List<String> names = commands().stream().filter(p -> p.size() == 1).map(List::getFirst).toList();
        for (String c : List.of("ask", "chat", "track", "generate", "inspect", "model", "adapter", "models", "devices",
                "data", "accuracy", "export")) {
            assertTrue(names.contains(c), c + " in " + names);
        }
        assertTrue(commands().contains(List.of("model", "create")));
        assertTrue(commands().contains(List.of("adapter", "create")));
        assertTrue(commands().size() > 15, commands().toString());
    }

    @Test
    void helpWorksOnEveryCommand() {
        for (List<String> path : commands()) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Cli.Out r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), args + ": " + r.stderr());
                assertTrue(r.stdout().contains("Usage: ferret " + String.join(" ", path)), args + ": " + r.stdout());
                assertTrue(r.stderr().isEmpty(), args + " wrote to stderr: " + r.stderr());
            }
        }
        // picocli's own help subcommand too
        assertEquals(0, Cli.run("help", "ask").code());
    }

    @Test
    void everyCommandOptionAndArgumentIsDescribed() {
        List<String> missing = new ArrayList<>();
        for (List<String> path : commands()) {
            CommandSpec spec = spec(path);
            String name = "ferret " + String.join(" ", path);
            if (String.join("", spec.usageMessage().description()).isBlank()) {
                missing.add(name + " (the command)");
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                if (a.hidden()) {
                    continue;
                }
                if (String.join("", a.description()).isBlank()) {
                    missing.add(name + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName()
                            : a.paramLabel()));
                }
            }
        }
        assertEquals(List.of(), missing, "described nowhere");
    }

    @Test
    void unknownOptionsAreOneErrorLineAndExitTwo() {
        for (List<String> path : commands()) {
            if (path.isEmpty() || path.equals(List.of("help"))) {
                continue;
            }
            List<String> args = new ArrayList<>(path);
            args.add("--frob");
            Cli.Out r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("error: Unknown option: '--frob'"), args + ": " + r.stderr());
            assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
        }
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine c = Main.commandLine();
        for (String p : path) {
            c = c.getSubcommands().get(p);
        }
        return c.getCommandSpec();
    }
}
