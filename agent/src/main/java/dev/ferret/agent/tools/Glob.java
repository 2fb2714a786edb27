package dev.ferret.agent.tools;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Shell-style wildcard patterns: {@code *}, {@code ?}, {@code [abc]}, {@code [!a-z]} / {@code [^a-z]},
 * {@code {a,b}} and {@code \x} for a literal character.
 *
 * <p>In {@link #pathGlob pathname mode} {@code *} and {@code ?} stay within one path segment, {@code **}
 * crosses segments and {@code **}{@code /} also matches no segment at all (so {@code src/**}{@code /*.py}
 * matches {@code src/a.py}). In {@link #fnmatch fnmatch mode} (find's {@code -name} and {@code -path})
 * {@code *} matches any characters, {@code /} included.
 */
final class Glob {
    private Glob() {
    }

    /** True if the text holds a wildcard character that is not escaped. */
    static boolean hasWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * True if the whole of {@code text} matches. Goes through {@link BoundedText}: a wildcard from the model such as
     * {@code *a*a*a*a*a*b} backtracks polynomially on long paths, and the call's budget must be able to stop it.
     */
    static boolean matches(Pattern glob, String text) {
        return glob.matcher(BoundedText.interruptible(text)).matches();
    }

    static Pattern pathGlob(String glob, boolean ignoreCase) throws ToolException {
        return compile(glob, true, ignoreCase);
    }

    static Pattern fnmatch(String glob, boolean ignoreCase) throws ToolException {
        return compile(glob, false, ignoreCase);
    }

    private static Pattern compile(String glob, boolean pathname, boolean ignoreCase) throws ToolException {
        String regex = toRegex(glob, pathname);
        if (regex.length() > RegexLimits.MAX_LENGTH) { // the JDK's compiling cannot be stopped, and grows as its square
            throw new ToolException("wildcard pattern too long (" + glob.length() + " characters): "
                    + RegexLimits.clip(glob));
        }
        try {
            return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new ToolException("not a valid wildcard pattern: " + RegexLimits.clip(glob));
        }
    }

    static String toRegex(String glob, boolean pathname) {
        StringBuilder re = new StringBuilder();
        String any = pathname ? "[^/]" : ".";
        int braces = 0;
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (pathname && i + 1 < n && glob.charAt(i + 1) == '*') {
                        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                        i++;
                        while (i + 1 < n && glob.charAt(i + 1) == '*') {
                            i++;
                        }
                        if (segmentStart && i + 1 < n && glob.charAt(i + 1) == '/') {
                            re.append("(?:.*/)?");
                            i++;
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append(any).append('*');
                    }
                }
                case '?' -> re.append(any);
                case '[' -> {
                    int end = classEnd(glob, i);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        re.append(bracket(glob.substring(i + 1, end), pathname));
                        i = end;
                    }
                }
                case '{' -> {
                    if (braceClosed(glob, i)) {
                        braces++;
                        re.append("(?:");
                    } else {
                        re.append("\\{");
                    }
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < n) {
                        i++;
                        re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                    } else {
                        re.append("\\\\");
                    }
                }
                default -> {
                    if ("().+^$|".indexOf(c) >= 0) {
                        re.append('\\');
                    }
                    re.append(c);
                }
            }
        }
        return re.toString();
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1. A ']' first in the class is literal. */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        for (; i < glob.length(); i++) {
            if (glob.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean braceClosed(String glob, int open) {
        int depth = 0;
        boolean comma = false;
        for (int i = open; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return comma;
                }
            } else if (c == ',' && depth == 1) {
                comma = true;
            }
        }
        return false;
    }

    private static String bracket(String body, boolean pathname) {
        StringBuilder re = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            re.append('^');
            if (pathname) {
                re.append('/');
            }
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
                re.append('\\');
            }
            re.append(c);
        }
        return re.append(']').toString();
    }
}
