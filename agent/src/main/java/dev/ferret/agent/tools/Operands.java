package dev.ferret.agent.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** File operands of emulated commands: wildcard expansion as a shell does it, and path joining for output. */
final class Operands {
    private Operands() {
    }

    /**
     * The words a shell would pass for {@code w}: an unquoted wildcard word becomes the sorted matching paths
     * inside the repository (as typed: {@code ./src/*.py} gives {@code ./src/a.py}); no match leaves the word
     * as it is, as bash does. Like a shell, {@code *} does not match names starting with '.'.
     */
    static List<String> expand(Sandbox sandbox, ShellWords.Word w) {
        String text = w.text();
        if (!w.glob() || !Glob.hasWildcard(text)) {
            return List.of(text);
        }
        String prefix = "";
        String rest = text;
        while (rest.startsWith("./")) {
            prefix += "./";
            rest = rest.substring(2);
        }
        String rootText = sandbox.root().toString();
        if (rest.startsWith("/")) {
            if (!rest.startsWith(rootText + "/")) {
                return List.of(text);
            }
            prefix = rootText + "/";
            rest = rest.substring(rootText.length() + 1);
        }
        String[] segs = rest.split("/+");
        int firstWild = 0;
        while (firstWild < segs.length && !Glob.hasWildcard(segs[firstWild])) {
            firstWild++;
        }
        String base = String.join("/", java.util.Arrays.copyOfRange(segs, 0, firstWild));
        Path baseDir;
        Pattern pattern;
        try {
            baseDir = sandbox.resolve(base.isEmpty() ? "." : base);
            pattern = Glob.pathGlob(String.join("/", java.util.Arrays.copyOfRange(segs, firstWild, segs.length)),
                    false);
        } catch (ToolException e) {
            return List.of(text);
        }
        if (!Files.isDirectory(baseDir)) {
            return List.of(text);
        }
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segs.length - firstWild;
        List<String> out = new ArrayList<>();
        for (Sandbox.Entry e : sandbox.walk(baseDir, depth)) {
            if (e.depth() == 0) {
                continue;
            }
            String rel = baseDir.relativize(e.path()).toString().replace('\\', '/');
            if (hiddenSegment(rel) || !Glob.matches(pattern, rel)) {
                continue;
            }
            out.add(prefix + (base.isEmpty() ? "" : base + "/") + rel);
        }
        return out.isEmpty() ? List.of(text) : out;
    }

    private static boolean hiddenSegment(String rel) {
        for (String s : rel.split("/")) {
            if (s.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static List<String> expandAll(Sandbox sandbox, List<ShellWords.Word> words) {
        List<String> out = new ArrayList<>();
        for (ShellWords.Word w : words) {
            CallBudget.checkpoint();
            out.addAll(expand(sandbox, w));
        }
        return out;
    }

    /** The path printed for {@code rel} (relative to an operand) found under operand {@code start}: like find and grep -r. */
    static String join(String start, String rel) {
        if (rel.isEmpty()) {
            return start;
        }
        String s = start;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals("/") ? "/" + rel : s + "/" + rel;
    }

    /** The path operand {@code operand} names, or null after adding why it is refused to {@code messages}. */
    static Path resolve(Sandbox sandbox, String cmd, String operand, List<String> messages) {
        try {
            return sandbox.resolve(operand);
        } catch (ToolException e) {
            messages.add(cmd + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The operands of a command whose options are all flags (ls, wc); each flag given, alone or in a cluster
     * ({@code -la}) or as a long option that {@code longFlags} names, is added to {@code flags}. After {@code --}
     * every word is an operand; a flag not in {@code known} is refused with the command's {@code usage}.
     */
    static List<ShellWords.Word> flags(String cmd, String usage, List<ShellWords.Word> args, String known,
                                       Map<String, Character> longFlags, Set<Character> flags) throws ToolException {
        List<ShellWords.Word> operands = new ArrayList<>();
        boolean endOfOptions = false;
        for (ShellWords.Word w : args) {
            String a = w.text();
            if (endOfOptions || !a.startsWith("-") || a.equals("-")) {
                operands.add(w);
            } else if (a.equals("--")) {
                endOfOptions = true; // what follows are operands, even if they start with '-'
            } else if (a.startsWith("--")) {
                Character c = longFlags.get(a);
                if (c == null) {
                    throw new ToolException(cmd + ": unsupported option " + a + ". Usage: " + usage);
                }
                flags.add(c);
            } else {
                for (char c : a.substring(1).toCharArray()) {
                    if (known.indexOf(c) < 0) {
                        throw new ToolException(cmd + ": unsupported option -" + c
                                + (a.length() > 2 ? " (in " + a + ")" : "") + ". Usage: " + usage);
                    }
                    flags.add(c);
                }
            }
        }
        return operands;
    }

    /**
     * A readable text file for a command (a regular file, not binary), or null after adding the reason to
     * {@code messages}.
     */
    static Path textFile(Sandbox sandbox, String cmd, String operand, List<String> messages) {
        Path p = resolve(sandbox, cmd, operand, messages);
        if (p == null) {
            return null;
        }
        if (Files.isDirectory(p)) {
            messages.add(cmd + ": " + operand + ": Is a directory");
            return null;
        }
        try {
            Sandbox.requireRegular(p, operand);
        } catch (ToolException e) {
            messages.add(cmd + ": " + e.getMessage());
            return null;
        }
        if (Sandbox.isBinary(p)) {
            messages.add(cmd + ": " + operand + ": binary file, not shown");
            return null;
        }
        return p;
    }

    /** Parses a count argument of a flag, e.g. {@code -n 20}. */
    static int count(String cmd, String flag, String value) throws ToolException {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ToolException(cmd + ": " + flag + " needs a non-negative number, got '" + value + "'");
        }
    }
}
