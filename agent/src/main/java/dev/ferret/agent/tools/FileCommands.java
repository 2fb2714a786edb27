package dev.ferret.agent.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** run_command's ls, cat, head, tail and wc. */
final class FileCommands {
    static final String LS_USAGE = "ls [-l -a -A -R -1] [--] [PATH...]";
    static final String CAT_USAGE = "cat [-n] [--] FILE...";
    static final String HEAD_USAGE = "head [-n N | -N] [--] FILE...";
    static final String TAIL_USAGE = "tail [-n N | -n +N | -N] [--] FILE...";
    static final String WC_USAGE = "wc [-l -w -c] [--] FILE...";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private FileCommands() {
    }

    // ---------------------------------------------------------------- ls

    static ToolResult ls(Sandbox sandbox, List<ShellWords.Word> args) throws ToolException, IOException {
        Set<Character> flags = new HashSet<>(); // -1, -h, -F and -p: one name a line, '/' after folders, as always
        List<ShellWords.Word> operands = Operands.flags("ls", LS_USAGE, args, "laAR1hFp",
                Map.of("--all", 'a', "--almost-all", 'a', "--recursive", 'R'), flags);
        boolean longFormat = flags.contains('l');
        boolean all = flags.contains('a') || flags.contains('A');
        boolean recursive = flags.contains('R');
        List<String> paths = Operands.expandAll(sandbox, operands);
        boolean headers = recursive || paths.size() > 1;
        if (paths.isEmpty()) {
            paths = List.of(".");
        }
        Output out = new Output(Output.DEFAULT_LIMIT);
        List<String> messages = new ArrayList<>();
        int[] counts = new int[2]; // entries found, entries shown
        boolean first = true;
        for (String p : paths) {
            Path real = Operands.resolve(sandbox, "ls", p, messages);
            if (real == null) {
                continue;
            }
            if (!Files.isDirectory(real)) {
                counts[0]++;
                if (out.add(longFormat ? longLine(real, p) : p)) {
                    counts[1]++;
                }
                continue;
            }
            first = listDir(sandbox, real, p, longFormat, all, recursive, headers, first, out, counts);
        }
        Output result = Output.afterMessages(messages, out, counts[0]);
        if (counts[0] > counts[1]) {
            result.note("[... " + (counts[0] - counts[1]) + " more entries not shown; list a subdirectory or use "
                    + "find]");
        }
        return ToolResult.ok(result.text(), counts[0], counts[0] - counts[1]);
    }

    private static boolean listDir(Sandbox sandbox, Path dir, String shown, boolean longFormat, boolean all,
                                   boolean recursive, boolean headers, boolean first, Output out, int[] counts)
            throws IOException {
        List<String> names = ListDirTool.list(sandbox, dir, all);
        if (headers) {
            if (!first) {
                out.add("");
            }
            out.add(shown + ":");
        }
        for (String n : names) {
            counts[0]++;
            String line = longFormat ? longLine(dir.resolve(stripSlash(n)), n) : n;
            if (out.add(line)) {
                counts[1]++;
            }
        }
        if (recursive) {
            for (String n : names) {
                if (!n.endsWith("/")) {
                    continue;
                }
                Path sub = dir.resolve(stripSlash(n));
                if (Files.isSymbolicLink(sub) || (!all && n.startsWith(".")) || Sandbox.isPrunedName(stripSlash(n))) {
                    continue;
                }
                listDir(sandbox, sub, Operands.join(shown, stripSlash(n)), longFormat, all, true, true, false, out,
                        counts);
            }
        }
        return false;
    }

    private static String stripSlash(String n) {
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String longLine(Path p, String name) {
        try {
            String perms;
            try {
                PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class);
                perms = PosixFilePermissions.toString(attrs.permissions());
            } catch (UnsupportedOperationException e) {
                perms = "---------";
            }
            boolean dir = Files.isDirectory(p);
            long size = dir ? 0 : Files.size(p);
            String time = TIME.format(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant());
            return (dir ? "d" : "-") + perms + String.format(" %9d ", size) + time + " " + name;
        } catch (IOException e) {
            return "?????????? " + name;
        }
    }

    // ---------------------------------------------------------------- cat, head, tail

    static ToolResult cat(Sandbox sandbox, List<ShellWords.Word> args) throws ToolException, IOException {
        boolean number = false;
        List<ShellWords.Word> operands = new ArrayList<>();
        boolean endOfOptions = false;
        for (ShellWords.Word w : args) {
            String a = w.text();
            if (endOfOptions) {
                operands.add(w);
            } else if (a.equals("--")) {
                endOfOptions = true;
            } else if (a.equals("-n") || a.equals("--number")) {
                number = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new ToolException("cat: unsupported option " + a + ". Usage: " + CAT_USAGE);
            } else {
                operands.add(w);
            }
        }
        return show(sandbox, "cat", Operands.expandAll(sandbox, operands), Integer.MAX_VALUE, false, false, number,
                CAT_USAGE);
    }

    static ToolResult headOrTail(Sandbox sandbox, String cmd, List<ShellWords.Word> args)
            throws ToolException, IOException {
        boolean tail = cmd.equals("tail");
        String usage = tail ? TAIL_USAGE : HEAD_USAGE;
        int n = 10;
        boolean fromStart = false;
        List<ShellWords.Word> operands = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).text();
            String v = null;
            if (endOfOptions) {
                operands.add(args.get(i));
                continue;
            } else if (a.equals("--")) {
                endOfOptions = true;
                continue;
            } else if (a.equals("-n") || a.equals("--lines")) {
                if (i + 1 >= args.size()) {
                    throw new ToolException(cmd + ": " + a + " needs a number. Usage: " + usage);
                }
                v = args.get(++i).text();
            } else if (a.startsWith("--lines=")) {
                v = a.substring(8);
            } else if (a.startsWith("-n")) {
                v = a.substring(2);
            } else if (a.length() > 1 && a.startsWith("-") && a.substring(1).chars().allMatch(Character::isDigit)) {
                v = a.substring(1);
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new ToolException(cmd + ": unsupported option " + a + ". Usage: " + usage);
            } else {
                operands.add(args.get(i));
                continue;
            }
            if (tail && v.startsWith("+")) {
                fromStart = true;
                v = v.substring(1);
            } else if (v.startsWith("-")) {
                throw new ToolException(cmd + ": -n with a negative count is not supported. Usage: " + usage);
            }
            n = Operands.count(cmd, "-n", v);
        }
        List<String> files = Operands.expandAll(sandbox, operands);
        if (!tail) {
            return show(sandbox, cmd, files, n, false, false, false, usage);
        }
        return fromStart ? show(sandbox, cmd, files, Math.max(n, 1), true, true, false, usage)
                : show(sandbox, cmd, files, n, true, false, false, usage);
    }

    /**
     * Prints files: all lines ({@code count} = MAX), the first {@code count}, the last {@code count}
     * ({@code tail}), or from line {@code count} on ({@code tail && fromLine}).
     */
    private static ToolResult show(Sandbox sandbox, String cmd, List<String> files, int count, boolean tail,
                                   boolean fromLine, boolean number, String usage) throws ToolException, IOException {
        if (files.isEmpty()) {
            throw new ToolException(cmd + ": no file given (there is no standard input here). Usage: " + usage);
        }
        List<String> messages = new ArrayList<>();
        Output out = new Output(Output.FILE_LIMIT);
        boolean headers = files.size() > 1 && !cmd.equals("cat");
        int shownFiles = 0;
        int lineNo = 0;
        int items = 0;
        String cut = null;
        long cutAfter = 0;
        for (String f : files) {
            CallBudget.checkpoint();
            Path p = Operands.textFile(sandbox, cmd, f, messages);
            if (p == null || cut != null) {
                continue;
            }
            long from;
            long to;
            if (!tail) {
                from = 0;
                to = count;
            } else if (fromLine) {
                from = count - 1L;
                to = Long.MAX_VALUE;
            } else {
                from = Math.max(0, countLines(p, f) - count); // a first pass: lines are streamed, not kept
                to = Long.MAX_VALUE;
            }
            if (headers) {
                if (shownFiles > 0) {
                    out.add("");
                }
                out.add("==> " + f + " <==");
            }
            shownFiles++;
            try (LineReader lines = new LineReader(Sandbox.open(p, f), ReadFileTool.MAX_LINE_CHARS)) {
                long i = 0;
                for (LineReader.Line line; (line = lines.next()) != null && (i < to || cut != null); i++) {
                    if (i < from || cut != null) {
                        continue; // before the window, or counting the lines after the cut for the note
                    }
                    String text = Output.clip(line, ReadFileTool.MAX_LINE_CHARS);
                    lineNo++;
                    if (!out.add(number ? String.format("%6d\t%s", lineNo, text) : text)) {
                        cutAfter = i;
                        cut = f;
                        continue;
                    }
                    items++;
                }
                if (cut != null) {
                    cut = "[... output cut after line " + cutAfter + " of " + f + " (" + i + " lines); read on with "
                            + "read_file {\"path\": \"" + f + "\", \"start_line\": " + (cutAfter + 1) + "}]";
                }
            }
        }
        Output result = Output.afterMessages(messages, out, shownFiles);
        if (cut != null) {
            result.note(cut);
        }
        if (result.isEmpty()) {
            result.add("(empty)");
        }
        return ToolResult.ok(result.text(), items, 0);
    }

    // ---------------------------------------------------------------- wc

    static ToolResult wc(Sandbox sandbox, List<ShellWords.Word> args) throws ToolException, IOException {
        Set<Character> flags = new HashSet<>();
        List<ShellWords.Word> operands = Operands.flags("wc", WC_USAGE, args, "lwcm",
                Map.of("--lines", 'l', "--words", 'w', "--bytes", 'c', "--chars", 'm'), flags);
        boolean lines = flags.contains('l');
        boolean words = flags.contains('w');
        boolean bytes = flags.contains('c') || flags.contains('m');
        if (!lines && !words && !bytes) {
            lines = words = bytes = true;
        }
        List<String> files = Operands.expandAll(sandbox, operands);
        if (files.isEmpty()) {
            throw new ToolException("wc: no file given (there is no standard input here). Usage: " + WC_USAGE);
        }
        List<String> messages = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long[] total = new long[3];
        for (String f : files) {
            CallBudget.checkpoint();
            Path p = Operands.resolve(sandbox, "wc", f, messages);
            if (p == null) {
                continue;
            }
            if (Files.isDirectory(p)) {
                messages.add("wc: " + f + ": Is a directory");
                continue;
            }
            long[] c;
            try {
                c = counts(p, f);
            } catch (ToolException e) {
                messages.add("wc: " + e.getMessage());
                continue;
            }
            rows.add(c);
            names.add(f);
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
            }
        }
        if (rows.isEmpty()) {
            throw new ToolException(Output.capped(messages, Output.DEFAULT_LIMIT));
        }
        if (rows.size() > 1) {
            rows.add(total);
            names.add("total");
        }
        Output out = new Output(Output.DEFAULT_LIMIT);
        int shown = 0;
        for (int r = 0; r < rows.size(); r++) {
            long[] c = rows.get(r);
            StringBuilder sb = new StringBuilder();
            if (lines) {
                sb.append(String.format("%7d ", c[0]));
            }
            if (words) {
                sb.append(String.format("%7d ", c[1]));
            }
            if (bytes) {
                sb.append(String.format("%7d ", c[2]));
            }
            if (out.add(sb.append(names.get(r)).toString())) {
                shown++;
            }
        }
        if (shown < rows.size()) {
            out.note("[... " + (rows.size() - shown) + " more lines not shown]");
        }
        return ToolResult.ok(Output.withMessages(messages, out).text(), rows.size(), rows.size() - shown);
    }

    /** The number of lines of a text file, read in bounded memory. */
    private static long countLines(Path p, String shown) throws ToolException, IOException {
        long n = 0;
        try (LineReader lines = new LineReader(Sandbox.open(p, shown), 1)) {
            while (lines.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** Newlines, words (runs of non-whitespace) and bytes, as wc counts them. */
    private static long[] counts(Path p, String shown) throws ToolException, IOException {
        long nl = 0;
        long words = 0;
        long size = 0;
        boolean inWord = false;
        try (var in = Sandbox.open(p, shown)) {
            byte[] buf = new byte[65536];
            int r;
            while ((r = in.read(buf)) > 0) {
                CallBudget.checkpoint();
                size += r;
                for (int i = 0; i < r; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        nl++;
                    }
                    boolean space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == 0x0B || b == 0x0C;
                    if (!space && !inWord) {
                        words++;
                    }
                    inWord = !space;
                }
            }
        }
        return new long[] {nl, words, size};
    }
}
