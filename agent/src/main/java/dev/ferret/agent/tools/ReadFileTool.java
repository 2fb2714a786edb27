package dev.ferret.agent.tools;

import java.nio.file.Path;
import java.util.List;

/** {@code read_file}: shows numbered lines of a text file, the first 200 unless told otherwise. */
public final class ReadFileTool extends SandboxTool {
    public static final String NAME = "read_file";
    static final int DEFAULT_LINES = 200;
    static final int MAX_LINES = 1000;
    static final int MAX_LINE_CHARS = 1000;

    public ReadFileTool(Sandbox sandbox) {
        super(sandbox);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Read a text file with line numbers. Shows the first 200 lines unless start_line/end_line "
                + "(1-based, inclusive) say otherwise.";
    }

    @Override
    protected Params declare() {
        return new Params(NAME)
                .string("path", true, "file to read, relative to the repository root")
                .integer("start_line", false, "first line to show, 1-based (default 1)", 1, Integer.MAX_VALUE)
                .integer("end_line", false, "last line to show, inclusive (default start_line + 199)", 1,
                        Integer.MAX_VALUE)
                .example("{\"path\": \"src/app.py\", \"start_line\": 1, \"end_line\": 80}");
    }

    @Override
    protected ToolResult run(Params.Args a) throws ToolException, java.io.IOException {
        String pathArg = a.string("path", "");
        Path file = sandbox.resolve(pathArg);
        if (java.nio.file.Files.isDirectory(file)) {
            throw new ToolException("read_file: " + pathArg + " is a directory; use list_dir to see its entries");
        }
        if (Sandbox.isBinary(file)) {
            throw new ToolException("read_file: " + pathArg + " is a binary file, not shown");
        }
        List<String> lines = Sandbox.readLines(file, 64L << 20);
        int total = lines.size();
        int start = a.integer("start_line", 1);
        if (total == 0) {
            return ToolResult.ok("[" + pathArg + " is empty]", 0, 0);
        }
        if (start > total) {
            throw new ToolException("read_file: start_line " + start + " is past the end of " + pathArg + " ("
                    + total + " lines)");
        }
        int end = a.integer("end_line", start + DEFAULT_LINES - 1);
        if (end < start) {
            throw new ToolException("read_file: end_line " + end + " is before start_line " + start);
        }
        end = Math.min(end, total);
        boolean capped = false;
        if (end - start + 1 > MAX_LINES) {
            end = start + MAX_LINES - 1;
            capped = true;
        }
        int width = String.valueOf(end).length();
        Output out = new Output(Output.FILE_LIMIT);
        int last = start - 1;
        for (int i = start; i <= end; i++) {
            String text = Output.clip(lines.get(i - 1), -1, MAX_LINE_CHARS);
            if (!out.add(String.format("%" + width + "d: %s", i, text))) {
                capped = true;
                break;
            }
            last = i;
        }
        String sp = sandbox.relative(file);
        if (last < total) {
            out.note("[" + sp + ": lines " + start + "-" + last + " of " + total + "; "
                    + (capped ? "output limit reached; " : "") + "use start_line=" + (last + 1) + " to read on]");
        } else {
            out.note("[" + sp + ": lines " + start + "-" + last + " of " + total + ", end of file]");
        }
        return ToolResult.ok(out.text(), last - start + 1, total - (last - start + 1));
    }
}
