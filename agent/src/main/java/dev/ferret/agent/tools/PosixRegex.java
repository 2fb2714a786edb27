package dev.ferret.agent.tools;

import java.util.Map;

/**
 * Translates grep's POSIX regular expressions to Java ones.
 *
 * <p>Basic (grep without -E): {@code \|}, {@code \(} {@code \)}, {@code \{m,n\}}, {@code \+}, {@code \?} are
 * the operators; bare {@code | ( ) { } + ?} are literal characters; {@code *} first in the pattern or a
 * group is literal. Both flavours: {@code \<} and {@code \>} become word boundaries, bracket expressions
 * keep POSIX rules ({@code ]} first is literal, a backslash is literal) and named classes such as
 * {@code [[:alpha:]]} or {@code [[:space:]]} are understood. Other escapes ({@code \w \s \b \d \.}) pass
 * through as Java reads them.
 */
final class PosixRegex {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("blank", " \\t"), Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("word", "\\w"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"));

    private PosixRegex() {
    }

    /** Basic regular expression (grep's default) to Java. */
    static String basic(String bre) throws ToolException {
        return translate(bre, false);
    }

    /** Extended regular expression (grep -E, egrep) to Java. */
    static String extended(String ere) throws ToolException {
        return translate(ere, true);
    }

    private static String translate(String p, boolean extended) throws ToolException {
        StringBuilder re = new StringBuilder();
        int n = p.length();
        boolean atomStart = true; // where a '*' would have nothing to repeat
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            if (c == '[') {
                i = bracket(p, i, re);
                atomStart = false;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new ToolException("the pattern ends with a lone backslash");
                }
                char d = p.charAt(++i);
                if (d == '<' || d == '>') {
                    re.append("\\b");
                } else if (!extended && "|(){}+?".indexOf(d) >= 0) {
                    re.append(d); // BRE: the escaped form is the operator
                    atomStart = d == '|' || d == '(';
                    continue;
                } else if (Character.isLetterOrDigit(d) || d == '\\') {
                    re.append('\\').append(d); // \w \s \b \1 ... as Java reads them
                } else {
                    re.append('\\').append(d); // an escaped punctuation character stays literal
                }
                atomStart = false;
                continue;
            }
            if (!extended && "|(){}+?".indexOf(c) >= 0) {
                re.append('\\').append(c); // BRE: bare operators of ERE are literals
                atomStart = false;
                continue;
            }
            if (c == '*' && atomStart) {
                re.append("\\*");
                atomStart = false;
                continue;
            }
            if (extended && c == '{' && !interval(p, i)) {
                re.append("\\{");
                atomStart = false;
                continue;
            }
            re.append(c);
            atomStart = c == '^' || (extended && (c == '(' || c == '|'));
        }
        return re.toString();
    }

    /** True if text at {@code i} (a '{') starts an interval like {2}, {2,}, {,3} or {2,5}. */
    private static boolean interval(String p, int i) {
        int j = i + 1;
        boolean digits = false;
        while (j < p.length() && (Character.isDigit(p.charAt(j)) || p.charAt(j) == ',')) {
            digits |= Character.isDigit(p.charAt(j));
            j++;
        }
        return digits && j < p.length() && p.charAt(j) == '}';
    }

    /** Copies the bracket expression opening at {@code open} as a Java class; returns the index of its ']'. */
    private static int bracket(String p, int open, StringBuilder re) throws ToolException {
        StringBuilder cls = new StringBuilder("[");
        int i = open + 1;
        int n = p.length();
        if (i < n && p.charAt(i) == '^') {
            cls.append('^');
            i++;
        }
        boolean first = true;
        for (; i < n; i++) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                re.append(cls).append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < n && p.charAt(i + 1) == ':') {
                int end = p.indexOf(":]", i + 2);
                if (end < 0) {
                    throw new ToolException("unterminated character class name in " + p);
                }
                String name = p.substring(i + 2, end);
                String java = CLASSES.get(name);
                if (java == null) {
                    throw new ToolException("unknown character class [:" + name + ":]");
                }
                cls.append(java);
                i = end + 1;
                continue;
            }
            if (c == '\\' || c == '[' || c == ']' || c == '&' || (c == '^')) {
                cls.append('\\');
            }
            cls.append(c);
        }
        throw new ToolException("unmatched [ in the pattern " + p);
    }
}
