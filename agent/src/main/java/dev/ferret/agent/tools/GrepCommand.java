package dev.ferret.agent.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** run_command's grep and egrep, on {@link GrepEngine}. */
final class GrepCommand {
    static final String USAGE = "grep [-r -R -n -i -l -L -c -o -v -w -x -E -F -P -G -H -h -s -I -m N -A N -B N -C N "
            + "-e PATTERN --include=GLOB --exclude=GLOB --exclude-dir=GLOB] PATTERN [PATH...]";

    private GrepCommand() {
    }

    private static final class Opts {
        final List<String> patterns = new ArrayList<>();
        boolean recursive, ignoreCase, lineNumbers, filesWith, filesWithout, count, only, invert, word, line;
        char flavour = 'G'; // G basic, E extended, F fixed, P perl (Java)
        Boolean names;
        int before, after, perFileMax = Integer.MAX_VALUE;
        final List<String> include = new ArrayList<>();
        final List<String> exclude = new ArrayList<>();
        final List<String> excludeDir = new ArrayList<>();
    }

    /** Runs grep; the search stops with partial results at {@code deadline} ({@link System#nanoTime()}). */
    static ToolResult run(Sandbox sandbox, String cmd, List<ShellWords.Word> args, long deadline)
            throws ToolException {
        Opts o = new Opts();
        if (cmd.equals("egrep")) {
            o.flavour = 'E';
        }
        List<ShellWords.Word> operands = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).text();
            if (endOfOptions || !a.startsWith("-") || a.equals("-")) {
                operands.add(args.get(i));
            } else if (a.equals("--")) {
                endOfOptions = true;
            } else if (a.startsWith("--")) {
                i = longOption(o, args, i);
            } else {
                i = shortOptions(o, args, i);
            }
        }
        if (o.patterns.isEmpty()) {
            if (operands.isEmpty()) {
                throw new ToolException("grep: no pattern given. Usage: " + USAGE);
            }
            o.patterns.add(operands.removeFirst().text());
        }
        GrepEngine.Options go = new GrepEngine.Options();
        go.pattern = compile(o, go);
        List<String> paths = Operands.expandAll(sandbox, operands);
        List<String> messages = new ArrayList<>();
        List<GrepEngine.Target> targets = new ArrayList<>();
        boolean walkedDir = false;
        boolean complete = true;
        if (paths.isEmpty()) {
            if (!o.recursive) {
                throw new ToolException("grep: no file or directory given (there is no standard input here); "
                        + "add a path, e.g. grep -rn PATTERN .");
            }
            walkedDir = true;
            complete &= addTree(sandbox, sandbox.root(), "", o, targets, deadline);
        }
        for (String p : paths) {
            Path real = Operands.resolve(sandbox, "grep", p, messages);
            if (real == null) {
                continue;
            }
            if (Files.isDirectory(real)) {
                if (!o.recursive) {
                    messages.add("grep: " + p + ": Is a directory (add -r to search inside it)");
                    continue;
                }
                walkedDir = true;
                complete &= addTree(sandbox, real, p, o, targets, deadline);
            } else {
                targets.add(new GrepEngine.Target(real, p, true));
            }
        }
        if (targets.isEmpty() && !messages.isEmpty() && !walkedDir) {
            throw new ToolException(Output.capped(messages, Output.DEFAULT_LIMIT));
        }
        go.invert = o.invert;
        go.before = o.before;
        go.after = o.after;
        go.perFileMax = o.perFileMax;
        go.onlyMatching = o.only;
        go.lineNumbers = o.lineNumbers;
        go.names = o.names != null ? o.names : (paths.size() > 1 || walkedDir);
        go.mode = o.filesWith ? GrepEngine.Mode.FILES_WITH_MATCHES : o.filesWithout
                ? GrepEngine.Mode.FILES_WITHOUT_MATCH : o.count ? GrepEngine.Mode.COUNT : GrepEngine.Mode.LINES;
        go.deadline = deadline;
        Output out = new Output(Output.DEFAULT_LIMIT);
        GrepEngine.Result r = GrepEngine.run(targets, go, out);
        r.timedOut |= !complete;
        r.messages.forEach(m -> messages.add("grep: " + m));
        int items = switch (go.mode) {
            case FILES_WITH_MATCHES -> r.filesMatched;
            case FILES_WITHOUT_MATCH -> r.filesSearched - r.filesMatched;
            default -> r.matches;
        };
        int omitted = Math.max(0, items - r.shown);
        if (items == 0 && out.isEmpty() && messages.isEmpty()) {
            out.add("(no " + (go.mode == GrepEngine.Mode.FILES_WITHOUT_MATCH ? "files without a match" : "matches")
                    + "; " + r.filesSearched + " file" + (r.filesSearched == 1 ? "" : "s") + " searched)");
        }
        if (omitted > 0) {
            String what = go.mode == GrepEngine.Mode.LINES ? "matching lines" : go.mode == GrepEngine.Mode.COUNT
                    ? "matches in further files" : "files";
            out.note("[... " + omitted + " more " + what + " not shown; narrow the pattern or path]");
        }
        r.notes(walkedDir).forEach(out::note);
        // the messages (operands refused, files not searched) come first, capped, as grep prints them to stderr
        return ToolResult.ok(Output.withMessages(messages, out).text(), items, omitted);
    }

    /** Adds the files under {@code dir} that the options select; false if the deadline cut the walk short. */
    private static boolean addTree(Sandbox sandbox, Path dir, String shown, Opts o, List<GrepEngine.Target> targets,
                                   long deadline) throws ToolException {
        List<Pattern> inc = globs(o.include);
        List<Pattern> exc = globs(o.exclude);
        List<Pattern> excDir = globs(o.excludeDir);
        Sandbox.FileList found = sandbox.files(dir, deadline);
        for (Path f : found.files()) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            String name = f.getFileName().toString();
            if (!inc.isEmpty() && inc.stream().noneMatch(p -> Glob.matches(p, name))) {
                continue;
            }
            if (exc.stream().anyMatch(p -> Glob.matches(p, name))) {
                continue;
            }
            if (!excDir.isEmpty() && inExcludedDir(rel, excDir)) {
                continue;
            }
            targets.add(new GrepEngine.Target(f, shown.isEmpty() ? rel : Operands.join(shown, rel), false));
        }
        return found.complete();
    }

    private static boolean inExcludedDir(String rel, List<Pattern> excDir) {
        String[] parts = rel.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            String d = parts[i];
            if (excDir.stream().anyMatch(p -> Glob.matches(p, d))) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> globs(List<String> gs) throws ToolException {
        List<Pattern> out = new ArrayList<>();
        for (String g : gs) {
            out.add(Glob.fnmatch(g, false));
        }
        return out;
    }

    /** The Java pattern of the options' patterns; sets {@code go.cost} from {@link RegexLimits}. */
    private static Pattern compile(Opts o, GrepEngine.Options go) throws ToolException {
        List<String> parts = new ArrayList<>();
        for (String p : o.patterns) {
            String java = switch (o.flavour) {
                case 'F' -> Pattern.quote(p);
                case 'P' -> p;
                case 'E' -> PosixRegex.extended(p);
                default -> PosixRegex.basic(p);
            };
            if (o.word) {
                java = "(?<![\\p{L}\\p{N}_])(?:" + java + ")(?![\\p{L}\\p{N}_])";
            }
            if (o.line) {
                java = "^(?:" + java + ")$";
            }
            parts.add(parts.isEmpty() && o.patterns.size() == 1 ? java : "(?:" + java + ")");
        }
        String regex = String.join("|", parts);
        go.cost = RegexLimits.check("grep", regex, String.join(" / ", o.patterns)); // before the JDK compiles it
        try {
            return Pattern.compile(regex, o.ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new ToolException("grep: invalid regular expression "
                    + RegexLimits.clip(String.join(" / ", o.patterns)) + ": "
                    + e.getDescription() + (o.flavour == 'G' ? " (basic regex: use \\| \\( \\) for alternation "
                    + "and groups, or -E)" : ""));
        }
    }

    private static int shortOptions(Opts o, List<ShellWords.Word> args, int i) throws ToolException {
        String a = args.get(i).text();
        if (a.length() > 1 && a.substring(1).chars().allMatch(Character::isDigit)) {
            o.before = o.after = Operands.count("grep", a, a.substring(1)); // -NUM is -C NUM
            return i;
        }
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            if ("ABCme".indexOf(c) >= 0) {
                String value;
                if (k + 1 < a.length()) {
                    value = a.substring(k + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i).text();
                } else {
                    throw new ToolException("grep: -" + c + " needs a value. Usage: " + USAGE);
                }
                value(o, c, value);
                return i;
            }
            if (!flag(o, c)) {
                throw new ToolException("grep: unsupported option -" + c
                        + (a.length() > 2 ? " (in " + a + ")" : "") + ". Supported: " + USAGE);
            }
        }
        return i;
    }

    /** Long options that are another name of a flag. */
    private static final Map<String, Character> LONG_FLAGS = Map.ofEntries(
            Map.entry("--recursive", 'r'), Map.entry("--dereference-recursive", 'r'), Map.entry("--line-number", 'n'),
            Map.entry("--ignore-case", 'i'), Map.entry("--files-with-matches", 'l'),
            Map.entry("--files-without-match", 'L'), Map.entry("--count", 'c'), Map.entry("--only-matching", 'o'),
            Map.entry("--invert-match", 'v'), Map.entry("--word-regexp", 'w'), Map.entry("--line-regexp", 'x'),
            Map.entry("--extended-regexp", 'E'), Map.entry("--fixed-strings", 'F'), Map.entry("--perl-regexp", 'P'),
            Map.entry("--basic-regexp", 'G'), Map.entry("--with-filename", 'H'), Map.entry("--no-filename", 'h'),
            Map.entry("--no-messages", 's'), Map.entry("--binary-files", 'I'));

    /** Sets flag {@code c} (one that takes no value); false when grep here has no such flag. */
    private static boolean flag(Opts o, char c) {
        switch (c) {
            case 'r', 'R' -> o.recursive = true;
            case 'n' -> o.lineNumbers = true;
            case 'i', 'y' -> o.ignoreCase = true;
            case 'l' -> o.filesWith = true;
            case 'L' -> o.filesWithout = true;
            case 'c' -> o.count = true;
            case 'o' -> o.only = true;
            case 'v' -> o.invert = true;
            case 'w' -> o.word = true;
            case 'x' -> o.line = true;
            case 'E', 'F', 'P', 'G' -> o.flavour = c;
            case 'H' -> o.names = true;
            case 'h' -> o.names = false;
            case 's', 'I' -> {
                // -s (no error messages) and -I (skip binary files) are what happens anyway
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void value(Opts o, char c, String v) throws ToolException {
        switch (c) {
            case 'A' -> o.after = Operands.count("grep", "-A", v);
            case 'B' -> o.before = Operands.count("grep", "-B", v);
            case 'C' -> o.before = o.after = Operands.count("grep", "-C", v);
            case 'm' -> o.perFileMax = Operands.count("grep", "-m", v);
            case 'e' -> o.patterns.add(v);
            default -> throw new IllegalStateException();
        }
    }

    private static int longOption(Opts o, List<ShellWords.Word> args, int i) throws ToolException {
        String a = args.get(i).text();
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        String v = eq < 0 ? null : a.substring(eq + 1);
        Character flag = LONG_FLAGS.get(name);
        if (flag != null) {
            flag(o, flag);
            return i;
        }
        switch (name) {
            case "--color", "--colour" -> {
                // no colours
            }
            case "--include", "--exclude", "--exclude-dir", "--regexp", "--max-count", "--context",
                 "--after-context", "--before-context" -> {
                if (v == null) {
                    if (i + 1 >= args.size()) {
                        throw new ToolException("grep: " + name + " needs a value. Usage: " + USAGE);
                    }
                    v = args.get(++i).text();
                }
                switch (name) {
                    case "--include" -> o.include.add(v);
                    case "--exclude" -> o.exclude.add(v);
                    case "--exclude-dir" -> o.excludeDir.add(v);
                    case "--regexp" -> o.patterns.add(v);
                    case "--max-count" -> value(o, 'm', v);
                    case "--context" -> value(o, 'C', v);
                    case "--after-context" -> value(o, 'A', v);
                    default -> value(o, 'B', v);
                }
            }
            default -> throw new ToolException("grep: unsupported option " + name + ". Supported: " + USAGE);
        }
        return i;
    }
}
