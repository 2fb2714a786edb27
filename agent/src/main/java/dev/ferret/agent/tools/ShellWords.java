package dev.ferret.agent.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for plain words (single quotes, double quotes,
 * backslash escapes, {@code #} comments), and refuses everything else a shell would do: command lists,
 * pipes, background jobs, redirection, substitution, variable expansion, subshells. Nothing is ever run by a
 * shell; this only reads the text.
 */
final class ShellWords {
    /** A word; {@code glob}: it holds an unquoted * ? or [ that a shell would expand against file names. */
    record Word(String text, boolean glob) {
    }

    private ShellWords() {
    }

    static List<Word> split(String line) throws ToolException {
        String s = line.strip();
        List<Word> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean glob = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t' -> {
                    if (inWord) {
                        words.add(new Word(cur.toString(), glob));
                        cur.setLength(0);
                        inWord = false;
                        glob = false;
                    }
                }
                case '\n', '\r' -> throw refuse("a newline", "run one command per call");
                case '\'' -> {
                    int end = s.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new ToolException("unterminated single quote in the command");
                    }
                    cur.append(s, i + 1, end);
                    inWord = true;
                    i = end;
                }
                case '"' -> {
                    i = doubleQuoted(s, i, cur);
                    inWord = true;
                }
                case '\\' -> {
                    if (i + 1 >= n) {
                        throw new ToolException("the command ends with a lone backslash");
                    }
                    char d = s.charAt(++i);
                    if (d == '\n' || d == '\r') {
                        throw refuse("a newline", "run one command per call");
                    }
                    cur.append(d);
                    inWord = true;
                }
                case ';' -> throw refuse("';' (a command list)", "run one command per call");
                case '|' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '|') {
                        throw refuse("'||'", "run one command per call");
                    }
                    throw refuse("'|' (a pipe)", "run one command per call; instead of piping, use grep -l, "
                            + "grep -c, grep -m N, or head -n N on a file");
                }
                case '&' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '&') {
                        throw refuse("'&&'", "run one command per call (commands already run in the repository root)");
                    }
                    throw refuse("'&' (a background job or redirection)", "run one command per call");
                }
                case '>', '<' -> throw refuse("redirection ('" + (c == '>' && i + 1 < n && s.charAt(i + 1) == '>'
                        ? ">>" : String.valueOf(c)) + "')", "output comes back to you directly; drop things "
                        + "like 2>/dev/null");
                case '`' -> throw refuse("command substitution (backticks)", "run one command per call");
                case '$' -> {
                    ToolException e = dollar(s, i, false);
                    if (e != null) {
                        throw e;
                    }
                    cur.append(c);
                    inWord = true;
                }
                case '(', ')' -> throw refuse("'" + c + "' (a subshell or group)", "quote or escape it if it is "
                        + "part of a pattern, e.g. 'def f\\(' or \"\\(\"");
                case '#' -> {
                    if (!inWord) {
                        i = n; // a comment runs to the end of the line
                    } else {
                        cur.append(c);
                    }
                }
                default -> {
                    if (c == '*' || c == '?' || c == '[') {
                        glob = true;
                    }
                    cur.append(c);
                    inWord = true;
                }
            }
        }
        if (inWord) {
            words.add(new Word(cur.toString(), glob));
        }
        return words;
    }

    /** Reads a double-quoted part opening at {@code open}; returns the index of its closing quote. */
    private static int doubleQuoted(String s, int open, StringBuilder cur) throws ToolException {
        int n = s.length();
        for (int i = open + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < n) {
                char d = s.charAt(i + 1);
                if (d == '"' || d == '\\' || d == '$' || d == '`') {
                    cur.append(d);
                    i++;
                    continue;
                }
                if (d == '\n' || d == '\r') {
                    throw refuse("a newline", "run one command per call");
                }
                cur.append(c);
                continue;
            }
            if (c == '`') {
                throw refuse("command substitution (backticks)", "run one command per call");
            }
            if (c == '$') {
                ToolException e = dollar(s, i, true);
                if (e != null) {
                    throw e;
                }
            }
            if (c == '\n' || c == '\r') {
                throw refuse("a newline", "run one command per call");
            }
            cur.append(c);
        }
        throw new ToolException("unterminated double quote in the command");
    }

    /**
     * The refusal for a '$' at {@code i}: substitution, or expansion of a variable. Returns null (the
     * character is literal, as in a shell) when the '$' is followed by nothing a shell would expand, e.g. at
     * the end of a word: {@code "end$"}. Outside quotes a null result is turned into a literal by the caller.
     */
    private static ToolException dollar(String s, int i, boolean inDoubleQuotes) {
        char d = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        if (d == '(') {
            return refuse("command substitution ('$(')", "run one command per call");
        }
        if (d == '{') {
            return refuse("variable expansion ('${')", "variables are not available; write the value itself");
        }
        if (Character.isLetterOrDigit(d) || "_@*#?!$-".indexOf(d) >= 0) {
            return refuse("variable expansion ('$" + d + "')", "variables are not available; write the value "
                    + "itself, or put a regex anchor in single quotes");
        }
        if (!inDoubleQuotes && (d == '\'' || d == '"')) {
            return refuse("'$" + d + "' quoting", "use plain quotes");
        }
        return null;
    }

    private static ToolException refuse(String what, String advice) {
        return new ToolException("run_command: " + what + " is not supported; " + advice + ". Nothing is run by a "
                + "shell: only single commands of " + RunCommandTool.COMMANDS + " work.");
    }
}
