package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the items an answer lists back out of its text, so the tracker scores what the user sees (whichever
 * path or model wrote it): {@code - Name (file.py:12)}, {@code - file.py:12 (import ...)} or
 * {@code - file.py:12: # TODO ...}, a file with its size {@code - file.py (120 lines, ...)} (as line 1), and the
 * same forms without the leading dash. The name may be {@code <module>}
 * (a raise or call at module level); the file a {@code .py} (a {@code setup.py} declaring a console script among
 * them), or the {@code pyproject.toml} or {@code setup.cfg} that declares one ({@code - mytool (pyproject.toml:12)}).
 */
public final class AnswerItems {
    private static final Pattern NAMED = Pattern.compile("^\\s*(?:[-*]\\s+)?`?(<module>|[A-Za-z_][\\w.-]*)`?\\s+\\(`?([^()\\s`]+\\.(?:pyw?|toml|cfg)):(\\d+)`?\\)");
    private static final Pattern LOCATED = Pattern.compile("^\\s*(?:[-*]\\s+)?`?([^\\s:`()]+\\.(?:pyw?|toml|cfg)):(\\d+)");
    /** A file listed with its size: {@code - pkg/sessions.py (832 lines, 3 classes, 41 functions)}, read as line 1. */
    private static final Pattern SIZED = Pattern.compile("^\\s*(?:[-*]\\s+)?`?([^\\s:`()]+\\.pyw?)`?\\s+\\(\\d+ lines?\\b");

    private AnswerItems() {}

    public static List<Finding> parse(String answer) {
        List<Finding> out = new ArrayList<>();
        for (String line : answer.split("\n")) {
            Matcher m = NAMED.matcher(line);
            if (m.find()) {
                out.add(new Finding(m.group(2), Integer.parseInt(m.group(3)), m.group(1), line.strip()));
                continue;
            }
            m = LOCATED.matcher(line);
            if (m.find()) {
                out.add(new Finding(m.group(1), Integer.parseInt(m.group(2)), "", line.strip()));
                continue;
            }
            m = SIZED.matcher(line);
            if (m.find()) {
                out.add(new Finding(m.group(1), 1, m.group(1), line.strip()));
            }
        }
        return out;
    }
}
