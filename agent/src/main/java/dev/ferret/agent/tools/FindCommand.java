package dev.ferret.agent.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** run_command's find: a path list and an and-ed list of tests, printed as find prints them, sorted. */
final class FindCommand {
    static final String USAGE = "find [PATH...] [-name GLOB] [-iname GLOB] [-path GLOB] [-ipath GLOB] [-type f|d] "
            + "[-maxdepth N] [-mindepth N], each test may follow ! or -not (tests are and-ed; -o, -exec, -delete "
            + "are not supported)";

    private static final java.util.Set<String> NEGATABLE = java.util.Set.of("-name", "-iname", "-path", "-ipath",
            "-wholename", "-iwholename", "-type");

    private FindCommand() {
    }

    /** A wildcard test on the name or the whole path, or (pattern null) a type test; {@code negated} after ! or -not. */
    private record Test(boolean onPath, Pattern pattern, char type, boolean negated) {
        boolean accepts(String path, String name, boolean directory) {
            boolean ok = pattern == null ? (type == 'd') == directory : Glob.matches(pattern, onPath ? path : name);
            return ok != negated;
        }
    }

    static ToolResult run(Sandbox sandbox, List<ShellWords.Word> args) throws ToolException {
        List<ShellWords.Word> starts = new ArrayList<>();
        int i = 0;
        while (i < args.size() && !isExpression(args.get(i).text())) {
            starts.add(args.get(i));
            i++;
        }
        List<Test> tests = new ArrayList<>();
        boolean negate = false;
        int maxDepth = Integer.MAX_VALUE;
        int minDepth = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i).text();
            if (negate && !NEGATABLE.contains(a)) {
                throw new ToolException("find: ! and -not must come right before -name, -iname, -path, -ipath or "
                        + "-type. Usage: " + USAGE);
            }
            switch (a) {
                case "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename" -> {
                    String v = value(args, i++, a);
                    boolean ic = a.startsWith("-i");
                    boolean onPath = !a.endsWith("name") || a.endsWith("wholename");
                    tests.add(new Test(onPath, Glob.fnmatch(v, ic), (char) 0, negate));
                    negate = false;
                }
                case "-type" -> {
                    String v = value(args, i++, a);
                    if (!v.equals("f") && !v.equals("d")) {
                        throw new ToolException("find: -type " + v + " is not supported; use -type f or -type d");
                    }
                    tests.add(new Test(false, null, v.charAt(0), negate));
                    negate = false;
                }
                case "-maxdepth" -> maxDepth = Operands.count("find", a, value(args, i++, a));
                case "-mindepth" -> minDepth = Operands.count("find", a, value(args, i++, a));
                case "-print", "-a", "-and" -> {
                    // printing is the only action; tests are and-ed anyway
                }
                case "!", "-not" -> {
                    if (negate) {
                        throw new ToolException("find: '" + a + "' twice in a row. Usage: " + USAGE);
                    }
                    negate = true;
                    continue;
                }
                case "-o", "-or" -> throw new ToolException("find: '" + a + "' is not supported (tests are and-ed); "
                        + "make one call per alternative, or use -name with a {a,b} wildcard like '*.{py,md}'. Usage: "
                        + USAGE);
                case "-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint", "-fls" -> throw new ToolException(
                        "find: " + a + " is not allowed (nothing is run or changed); list the files and use grep "
                                + "or cat on them. Usage: " + USAGE);
                default -> throw new ToolException("find: unsupported "
                        + (isExpression(a) ? "expression " : "argument ") + "'" + a + "'"
                        + (isExpression(a) ? "" : " (paths must come before the tests)") + ". Usage: " + USAGE);
            }
        }
        if (negate) {
            throw new ToolException("find: nothing follows the last ! or -not. Usage: " + USAGE);
        }
        List<String> paths = Operands.expandAll(sandbox, starts);
        if (paths.isEmpty()) {
            paths = List.of(".");
        }
        Output out = new Output(Output.DEFAULT_LIMIT);
        List<String> messages = new ArrayList<>();
        int found = 0;
        int shown = 0;
        for (String start : paths) {
            Path real = Operands.resolve(sandbox, "find", start, messages);
            if (real == null) {
                continue;
            }
            for (Sandbox.Entry e : sandbox.walk(real, maxDepth)) {
                if (e.depth() < minDepth) {
                    continue;
                }
                String shownPath = Operands.join(start, real.relativize(e.path()).toString().replace('\\', '/'));
                String trimmed = shownPath.length() > 1 && shownPath.endsWith("/")
                        ? shownPath.substring(0, shownPath.length() - 1) : shownPath;
                String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
                boolean ok = true;
                for (Test t : tests) {
                    if (!t.accepts(shownPath, name, e.directory())) {
                        ok = false;
                        break;
                    }
                }
                if (!ok) {
                    continue;
                }
                found++;
                if (out.add(shownPath)) {
                    shown++;
                }
            }
        }
        Output result = Output.afterMessages(messages, out, found);
        if (found == 0) {
            result.add("(nothing found)");
        }
        if (found > shown) {
            result.note("[... " + (found - shown) + " more paths not shown; narrow with -name, -path, -type or "
                    + "-maxdepth]");
        }
        return ToolResult.ok(result.text(), found, found - shown);
    }

    private static boolean isExpression(String a) {
        return (a.startsWith("-") && a.length() > 1) || a.equals("!") || a.equals("(") || a.equals(")");
    }

    private static String value(List<ShellWords.Word> args, int i, String flag) throws ToolException {
        if (i + 1 >= args.size()) {
            throw new ToolException("find: " + flag + " needs a value. Usage: " + USAGE);
        }
        return args.get(i + 1).text();
    }
}
