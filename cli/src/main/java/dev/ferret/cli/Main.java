package dev.ferret.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferret}: the command-line entry point. */
@Command(name = "ferret", mixinStandardHelpOptions = true, version = "ferret 0.1.0",
        description = "Local LLM inference on llama.cpp (in-process, Panama FFM) and an offline code-search agent.",
        subcommands = {AskCommand.class, ChatCommand.class, TrackCommand.class, GenerateCommand.class, PromptCommand.class, ModelsCommand.class, InspectCommand.class, ModelCommand.class,
                AdapterCommand.class, DevicesCommand.class, DataCommand.class, CallDataCommand.class, CallEvalCommand.class, AccuracyCommand.class, ExportCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                ExitCodes.OK + ":done (ask: answered)",
                ExitCodes.FAILED + ":failed (an error not caused by the input)",
                ExitCodes.BAD_INPUT + ":bad input: unknown or invalid option, missing or invalid file",
                ExitCodes.NO_LIBRARY + ":the native llama.cpp library could not be loaded",
                ExitCodes.NO_ANSWER + ":ask: no answer (see ferret ask --help)",
                ExitCodes.FORCED_ANSWER + ":ask: only a forced answer (see ferret ask --help)"})
public final class Main extends CommandGroup {
    public static void main(String[] args) {
        Logging.quiet();
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code ({@link ExitCodes}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command tree with Ferret's error handling: one {@code error: ...} line, never a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::badArguments)
                .setExecutionExceptionHandler((ex, cmd, parse) -> {
                    System.err.println("error: " + Errors.describe(ex));
                    if (System.getenv("FERRET_DEBUG") != null) {
                        ex.printStackTrace();
                    }
                    return Errors.exitCode(ex);
                });
    }

    /** A command line picocli could not parse, or an option value a command refused: say what, and where to look. */
    private static int badArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        // picocli reports missing required options before unknown ones; the unknown one is the likelier mistake
        if (!(ex instanceof CommandLine.UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
            String first = cmd.getUnmatchedArguments().getFirst();
            System.err.println("error: " + (first.startsWith("-") ? "Unknown option: '" : "Unmatched argument: '")
                    + first + "'");
        }
        System.err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, System.err);
        System.err.println("Usage: " + cmd.getHelp().synopsis(0).strip());
        System.err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help' for every option.");
        return ExitCodes.BAD_INPUT;
    }
}
