package dev.ferret.agent.tools;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** {@code find}: lists files and directories by name or path wildcard. Directories end with '/'. */
public final class FindTool extends SandboxTool {
    public FindTool(Sandbox sandbox, java.time.Duration budget) {
        super(sandbox, budget, new Params("find",
                "Find files and directories by name (wildcards * ? [abc]). Prints paths relative to the "
                + "repository root, sorted; directories end with /.")
                .string("name", false, "wildcard for the file name, e.g. \"*.py\" or \"test_*\"")
                .string("path_glob", false, "wildcard for the whole relative path, e.g. \"src/**/*.py\"")
                .choice("type", false, "\"f\" for files only, \"d\" for directories only", "f", "d")
                .string("path", false, "directory to search in (default \".\")")
                .integer("max_results", false, "most paths to show (default 200)", 1, 2000)
                .example("{\"name\": \"*.py\", \"path\": \"src\"}"));
    }

    @Override
    protected ToolResult run(Params.Args a) throws ToolException {
        Path start = sandbox.resolve(a.string("path", "."));
        Pattern name = null;
        Pattern pathGlob = null;
        if (a.has("name")) {
            String n = a.string("name", "*");
            if (n.contains("/")) {
                pathGlob = Glob.pathGlob(n, false); // a path given as name: match it against the path
            } else {
                name = Glob.fnmatch(n, false);
            }
        }
        if (a.has("path_glob")) {
            String g = a.string("path_glob", "**");
            pathGlob = Glob.pathGlob(g.startsWith("./") ? g.substring(2) : g, false);
        }
        String type = a.string("type", "");
        int max = a.integer("max_results", 200);
        Output out = new Output(Output.DEFAULT_LIMIT);
        int found = 0;
        int shown = 0;
        for (Sandbox.Entry e : sandbox.walk(start, Integer.MAX_VALUE)) {
            if (e.depth() == 0 && e.directory()) {
                continue;
            }
            if (type.equals("f") && e.directory() || type.equals("d") && !e.directory()) {
                continue;
            }
            String rel = sandbox.relative(e.path());
            if (name != null && !Glob.matches(name, e.path().getFileName().toString())) {
                continue;
            }
            if (pathGlob != null && !Glob.matches(pathGlob, rel)
                    && !Glob.matches(pathGlob, start.relativize(e.path()).toString().replace('\\', '/'))) {
                continue;
            }
            found++;
            if (shown < max && out.add(rel + (e.directory() ? "/" : ""))) {
                shown++;
            }
        }
        if (found == 0) {
            return ToolResult.ok("no files or directories match under " + a.string("path", "."), 0, 0);
        }
        if (found > shown) {
            out.note("[... " + (found - shown) + " more not shown; narrow the name, path_glob or path]");
        }
        return ToolResult.ok(out.text(), found, found - shown);
    }
}
