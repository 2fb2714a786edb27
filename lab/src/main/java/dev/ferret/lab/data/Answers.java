package dev.ferret.lab.data;

import java.util.List;

/**
 * The final answers, in the hybrid path's {@code Formatter} form so that the tracker reads them the same way: a count
 * line, one line per item ({@code - name (file:line)}, {@code - file:line (import ...)}, {@code - file:line: # TODO},
 * {@code - path}), and for a long list only the first items and "... and N more"; "No ... found." when there are none.
 */
final class Answers {
    private Answers() {
    }

    /**
     * @param plural   "classes that subclass Protocol"
     * @param singular "class that subclasses Protocol"
     * @param scope    "" or " in rich/live.py"
     * @param lines    the item lines to show (already cut to the first few for a long list)
     * @param total    how many items there are in all
     */
    static String list(String plural, String singular, String scope, List<String> lines, int total) {
        if (total == 0) {
            return "No " + plural + " found" + scope + ".";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Found ").append(total).append(' ').append(total == 1 ? singular : plural).append(scope).append(':');
        for (String l : lines) {
            sb.append('\n').append(l);
        }
        if (lines.size() < total) {
            sb.append("\n... and ").append(total - lines.size()).append(" more");
        }
        return sb.toString();
    }
}
