package dev.ferret.agent.tools;

import java.io.IOException;
import java.util.List;

/**
 * {@code run_command}: a small, read-only subset of grep, egrep, find, ls, cat, head, tail and wc, given as a
 * command line. The line is split into words in Java (quotes and backslashes as a POSIX shell reads them;
 * unquoted wildcards in file operands are expanded inside the repository) and run by Java code on the
 * {@link Sandbox}; nothing is passed to a shell or another process. Pipes, lists, redirection, substitution
 * and variables are refused with a message that says what to do instead.
 */
public final class RunCommandTool extends SandboxTool {
    static final String COMMANDS = "grep, egrep, find, ls, cat, head, tail, wc";
    static final String USAGE = "Supported commands (read-only, one per call, no pipes or redirection): "
            + GrepCommand.USAGE + "; egrep (= grep -E); " + FindCommand.USAGE + "; " + FileCommands.LS_USAGE + "; "
            + FileCommands.CAT_USAGE + "; " + FileCommands.HEAD_USAGE + "; " + FileCommands.TAIL_USAGE + "; "
            + FileCommands.WC_USAGE;

    public RunCommandTool(Sandbox sandbox, java.time.Duration budget) {
        super(sandbox, budget, new Params("run_command",
                "Run one read-only command in the repository root: grep, egrep, find, ls, cat, head, tail or wc "
                + "with common flags (e.g. grep -rn \"def main\" --include=*.py .). No pipes, redirection, ';' or '&&'.")
                .string("command", true, "the command line, e.g. grep -rn \"import requests\" --include=*.py .")
                .example("{\"command\": \"grep -rn \\\"TODO\\\" --include=*.py .\"}"));
    }

    @Override
    protected ToolResult run(Params.Args a) throws ToolException, IOException {
        long t0 = System.nanoTime();
        String line = a.string("command", "");
        List<ShellWords.Word> words = ShellWords.split(line);
        if (words.isEmpty()) {
            throw new ToolException("run_command: the command is empty. " + USAGE);
        }
        String cmd = words.getFirst().text();
        List<ShellWords.Word> args = words.subList(1, words.size());
        return switch (cmd) {
            case "grep", "egrep" -> GrepCommand.run(sandbox, cmd, args, t0 + GrepTool.searchBudgetNanos(budget()));
            case "find" -> FindCommand.run(sandbox, args);
            case "ls" -> FileCommands.ls(sandbox, args);
            case "cat" -> FileCommands.cat(sandbox, args);
            case "head", "tail" -> FileCommands.headOrTail(sandbox, cmd, args);
            case "wc" -> FileCommands.wc(sandbox, args);
            default -> throw new ToolException("run_command: command '" + cmd + "' is not supported. " + USAGE);
        };
    }
}
