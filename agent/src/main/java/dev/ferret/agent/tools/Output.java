package dev.ferret.agent.tools;

import java.util.List;

/**
 * Text that grows line by line up to a character budget. A line that does not fit is refused (the caller
 * counts what it left out and adds a note with {@link #note}, which always fits).
 */
final class Output {
    /** Budget for searches and listings. */
    static final int DEFAULT_LIMIT = 8192;
    /** Budget for file contents (read_file, cat, head, tail). */
    static final int FILE_LIMIT = 12288;
    /** Longest line shown by searches; longer ones are cut around the match. */
    static final int MAX_LINE = 300;

    private final StringBuilder sb = new StringBuilder();
    private final int limit;
    private boolean full;

    Output(int limit) {
        this.limit = limit;
    }

    /** Appends the line (and a newline) if it fits; once a line was refused, all later ones are too. */
    boolean add(String line) {
        if (full || sb.length() + line.length() + 1 > limit) {
            full = true;
            return false;
        }
        sb.append(line).append('\n');
        return true;
    }

    /** True if {@code chars} more characters (plus newlines for {@code lines}) would fit. */
    boolean fits(int chars, int lines) {
        return !full && sb.length() + chars + lines <= limit;
    }

    boolean full() {
        return full;
    }

    boolean isEmpty() {
        return sb.isEmpty();
    }

    void markFull() {
        full = true;
    }

    /** Appends a closing note regardless of the budget. */
    void note(String text) {
        sb.append(text).append('\n');
    }

    String text() {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\n' ? sb.substring(0, n - 1) : sb.toString();
    }

    /** A line from a {@link LineReader} cut to {@code max} characters, saying how long it was. */
    static String clip(LineReader.Line line, int max) {
        String t = line.text();
        if (!line.clipped() && t.length() <= max) {
            return t;
        }
        return (t.length() > max ? t.substring(0, max) : t) + " [... line cut, " + line.length() + " chars]";
    }

    /** Cuts a long line to {@code max} characters, keeping the part around {@code focus} (a char index, or -1). */
    static String clip(String line, int focus, int max) {
        if (line.length() <= max) {
            return line;
        }
        int start = 0;
        if (focus > max - 40) {
            start = Math.min(focus - 40, line.length() - max);
        }
        int end = Math.min(line.length(), start + max);
        return (start > 0 ? "[...]" : "") + line.substring(start, end) + " [... line cut, " + line.length()
                + " chars]";
    }

    /**
     * What a command prints: the messages about operands it refused, then its output {@code out}. When it found
     * nothing ({@code found} is 0) and refused something, the messages are its error instead. Either way the
     * messages are capped ({@link #capped}): a wildcard can name 20,000 folders.
     */
    static Output afterMessages(List<String> messages, Output out, int found) throws ToolException {
        if (found == 0 && !messages.isEmpty()) {
            throw new ToolException(capped(messages, out.limit));
        }
        return withMessages(messages, out);
    }

    /**
     * The messages, capped, then the output {@code out}, within about {@code out}'s limit: the messages get what
     * the output left of it, and at least a quarter of it, so that what was found is never crowded out and a few
     * messages always show.
     */
    static Output withMessages(List<String> messages, Output out) {
        String body = out.text();
        Output result = new Output(out.limit);
        if (!messages.isEmpty()) {
            result.note(capped(messages, Math.max(out.limit / 4, out.limit - body.length() - 1)));
        }
        if (!body.isEmpty()) {
            result.note(body);
        }
        return result;
    }

    /**
     * The lines joined, as many as fit in {@code limit} characters, and then a line that counts the rest
     * ("[... 19990 more messages not shown]"). A first line longer than the limit is cut.
     */
    static String capped(List<String> lines, int limit) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            String l = shown == 0 ? clip(line, -1, limit) : line;
            if (shown > 0 && sb.length() + 1 + l.length() > limit) {
                break;
            }
            if (shown > 0) {
                sb.append('\n');
            }
            sb.append(l);
            shown++;
        }
        int left = lines.size() - shown;
        if (left > 0) {
            sb.append("\n[... ").append(left).append(" more message").append(left == 1 ? "" : "s").append(" not shown]");
        }
        return sb.toString();
    }
}
