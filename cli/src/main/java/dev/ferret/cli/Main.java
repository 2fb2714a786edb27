package dev.ferret.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferret}: the command-line entry point. */
@Command(name = "ferret", mixinStandardHelpOptions = true, version = "ferret 0.1.0",
        description = "Local LLM inference on llama.cpp (in-process, Panama FFM) and an offline code-search agent.",
        subcommands = {AskCommand.class, ChatCommand.class, TrackCommand.class, GenerateCommand.class, PromptCommand.class, ModelsCommand.class, InspectCommand.class, ModelCommand.class,
                AdapterCommand.class, DevicesCommand.class, DataCommand.class, AccuracyCommand.class, ExportCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        Logging.quiet();
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 2 bad input, 3 native library missing, 1 other). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((ex, cmd, parse) -> {
                    System.err.println("error: " + Errors.describe(ex));
                    if (System.getenv("FERRET_DEBUG") != null) {
                        ex.printStackTrace();
                    }
                    return Errors.exitCode(ex);
                })
                .execute(args);
    }
}
