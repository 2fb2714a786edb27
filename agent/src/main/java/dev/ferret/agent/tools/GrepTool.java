package dev.ferret.agent.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep}: searches file contents with a Java regular expression. Prints {@code path:line:text} (context
 * lines {@code path-line-text}), sorted by path then line; skips binary files; capped at about 8 KB.
 */
public final class GrepTool extends SandboxTool {
    public GrepTool(Sandbox sandbox, Duration budget) {
        super(sandbox, budget, new Params("grep",
                "Search file contents with a regular expression (Java/PCRE syntax: use | for alternation, "
                + "\\( for a literal parenthesis). Prints path:line:text for each matching line.")
                .string("pattern", true, "regular expression to search for, e.g. \"def \\w+\\(\"")
                .string("path", false, "file or directory to search, relative to the repository root (default \".\")")
                .string("glob", false, "only search files whose name matches this wildcard, e.g. \"*.py\"")
                .bool("ignore_case", "match case-insensitively (default false)")
                .integer("context", false, "lines of context to show before and after each match (default 0)", 0, 20)
                .integer("max_matches", false, "most matching lines to show (default 100)", 1, 1000)
                .example("{\"pattern\": \"class \\\\w+\\\\(Protocol\\\\)\", \"glob\": \"*.py\"}"));
    }

    /**
     * A search stops with partial results at two thirds of the call's budget, counted from the call's start, so
     * that it ends before the call is stopped.
     */
    static long searchBudgetNanos(Duration callBudget) {
        return callBudget.toNanos() / 3 * 2;
    }

    @Override
    protected ToolResult run(Params.Args a) throws ToolException {
        long deadline = System.nanoTime() + searchBudgetNanos(budget()); // the walk counts against it too
        String regex = a.string("pattern", "");
        RegexLimits.Cost cost = RegexLimits.check("grep", regex, regex); // before the JDK compiles or runs it
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, a.bool("ignore_case", false)
                    ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new ToolException("grep: invalid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " in " + RegexLimits.clip(regex)
                    + " (escape literal ( ) [ { * + ? with a backslash)");
        }
        String pathArg = a.string("path", ".");
        Path start = sandbox.resolve(pathArg);
        Pattern nameFilter = null;
        Pattern pathFilter = null;
        if (a.has("glob")) {
            String glob = a.string("glob", "*");
            if (glob.contains("/")) {
                pathFilter = Glob.pathGlob(glob, false);
            } else {
                nameFilter = Glob.pathGlob(glob, false);
            }
        }
        List<GrepEngine.Target> targets = new ArrayList<>();
        boolean single = !java.nio.file.Files.isDirectory(start);
        if (single) {
            Sandbox.requireRegular(start, "grep: " + pathArg);
        }
        Sandbox.FileList found = sandbox.files(start, deadline);
        for (Path f : found.files()) {
            if (!single) {
                if (nameFilter != null && !Glob.matches(nameFilter, f.getFileName().toString())) {
                    continue;
                }
                if (pathFilter != null && !Glob.matches(pathFilter, sandbox.relative(f))
                        && !Glob.matches(pathFilter, start.relativize(f).toString().replace('\\', '/'))) {
                    continue;
                }
            }
            targets.add(new GrepEngine.Target(f, sandbox.relative(f), single));
        }
        GrepEngine.Options o = new GrepEngine.Options();
        o.pattern = pattern;
        o.cost = cost;
        o.before = a.integer("context", 0);
        o.after = o.before;
        o.maxShown = a.integer("max_matches", 100);
        o.deadline = deadline;
        Output out = new Output(Output.DEFAULT_LIMIT);
        GrepEngine.Result r = GrepEngine.run(targets, o, out);
        r.timedOut |= !found.complete();
        if (single && !r.messages.isEmpty() && r.filesSearched == 0) {
            throw new ToolException("grep: " + r.messages.getFirst());
        }
        List<String> notes = r.notes(!single);
        if (r.matches == 0) {
            String where = targets.isEmpty() ? "no files to search under " + pathArg
                    + (a.has("glob") ? " matching " + a.string("glob", "") : "")
                    : r.filesSearched + " file" + (r.filesSearched == 1 ? "" : "s") + " searched";
            return ToolResult.ok("no matches for " + RegexLimits.clip(regex) + " (" + where + ")"
                    + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes)), 0, 0);
        }
        int omitted = r.matches - r.shown;
        if (omitted > 0) {
            out.note("[... " + omitted + " more match" + (omitted == 1 ? "" : "es") + " not shown"
                    + (r.shown >= o.maxShown ? " (max_matches=" + o.maxShown + ")" : "")
                    + "; narrow the pattern or path]");
        }
        notes.forEach(out::note);
        return ToolResult.ok(out.text(), r.matches, omitted);
    }
}
