package dev.ferret.agent.tools;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/** {@code read_file}: shows numbered lines of a text file, the first 200 unless told otherwise. */
public final class ReadFileTool extends SandboxTool {
    static final int DEFAULT_LINES = 200;
    static final int MAX_LINES = 1000;
    static final int MAX_LINE_CHARS = 1000;

    public ReadFileTool(Sandbox sandbox, Duration budget) {
        super(sandbox, budget, new Params("read_file",
                "Read a text file with line numbers. Shows the first 200 lines unless start_line/end_line "
                + "(1-based, inclusive) say otherwise.")
                .string("path", true, "file to read, relative to the repository root")
                .integer("start_line", false, "first line to show, 1-based (default 1)", 1, Integer.MAX_VALUE)
                .integer("end_line", false, "last line to show, inclusive (default start_line + 199)", 1,
                        Integer.MAX_VALUE)
                .example("{\"path\": \"src/app.py\", \"start_line\": 1, \"end_line\": 80}"));
    }

    @Override
    protected ToolResult run(Params.Args a) throws ToolException, IOException {
        String pathArg = a.string("path", "");
        Path file = sandbox.resolve(pathArg);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException("read_file: " + pathArg + " is a directory; use list_dir to see its entries");
        }
        Sandbox.requireRegular(file, "read_file: " + pathArg);
        int start = a.integer("start_line", 1);
        // in long: start_line may be as large as Integer.MAX_VALUE, and start + 199 must not wrap round
        int end = a.integer("end_line", (int) Math.min(Integer.MAX_VALUE, start + (long) DEFAULT_LINES - 1));
        if (end < start) {
            throw new ToolException("read_file: end_line " + end + " is before start_line " + start);
        }
        boolean capped = false;
        if ((long) end - start + 1 > MAX_LINES) {
            end = start + MAX_LINES - 1;
            capped = true;
        }
        // one pass in bounded memory: keep the lines asked for up to the output budget, count all of them
        java.util.List<String> kept = new java.util.ArrayList<>();
        long keptChars = 0;
        long total = 0;
        try (InputStream in = Sandbox.open(file, "read_file: " + pathArg)) {
            byte[] head = in.readNBytes(Sandbox.BINARY_PROBE);
            if (Sandbox.isBinary(head)) {
                throw new ToolException("read_file: " + pathArg + " is a binary file, not shown");
            }
            try (LineReader lines = new LineReader(new SequenceInputStream(new ByteArrayInputStream(head), in),
                    MAX_LINE_CHARS)) {
                for (LineReader.Line line; (line = lines.next()) != null; ) {
                    total++;
                    if (total >= start && total <= end && keptChars <= Output.FILE_LIMIT) {
                        String text = Output.clip(line, MAX_LINE_CHARS);
                        kept.add(text);
                        keptChars += text.length() + 1;
                    }
                }
            }
        }
        Output out = new Output(Output.FILE_LIMIT);
        int width = String.valueOf(Math.min(end, total)).length();
        int last = start - 1;
        for (String text : kept) {
            if (!out.add(String.format("%" + width + "d: %s", last + 1, text))) {
                capped = true;
                break;
            }
            last++;
        }
        if (total == 0) {
            return ToolResult.ok("[" + pathArg + " is empty]", 0, 0);
        }
        if (start > total) {
            throw new ToolException("read_file: start_line " + start + " is past the end of " + pathArg + " ("
                    + total + " lines)");
        }
        String sp = sandbox.relative(file);
        if (last < total) {
            out.note("[" + sp + ": lines " + start + "-" + last + " of " + total + "; "
                    + (capped ? "output limit reached; " : "") + "use start_line=" + (last + 1L) + " to read on]");
        } else {
            out.note("[" + sp + ": lines " + start + "-" + last + " of " + total + ", end of file]");
        }
        int shown = last - start + 1;
        return ToolResult.ok(out.text(), shown, (int) Math.min(Integer.MAX_VALUE, total - shown));
    }
}
