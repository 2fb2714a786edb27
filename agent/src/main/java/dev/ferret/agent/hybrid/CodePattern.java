package dev.ferret.agent.hybrid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search written as the grep or ripgrep pattern the asker would type, put in words: {@code rg '^\s*async def'} is
 * "async functions", {@code `def .*\(.*dry_run`} "functions with a dry_run parameter", {@code rg 'normalize_path\('}
 * "calls to normalize_path", {@code grep -r 'import yaml'} "files that import yaml", {@code rg 'except .*IntegrityError'}
 * "except clauses that catch IntegrityError". A pattern whose shape is none of these is left as written.
 */
final class CodePattern {
    private CodePattern() {
    }

    /** A quoted pattern after a search command, or one in backticks that holds a regular expression's marks. */
    private static final Pattern QUOTED = Pattern.compile("(?:\\b(?:rg|grep|egrep|ag|ack|git\\s+grep)(?:\\s+-{1,2}[\\w-]+)*\\s+"
            + "(['\"])(.{2,120}?)\\1|`((?=[^`]*(?:\\\\[sw(.)]|\\.\\*|\\^))[^`]{2,120})`)");
    private static final String NAME = "[A-Za-z_][\\w.]*";
    private static final Pattern ASYNC_DEF = Pattern.compile("^async def\\b.*");
    private static final Pattern DEF_PARAM = Pattern.compile("^(?:async )?def \\* \\( (?:\\* )?(" + NAME + ")\\b.*");
    private static final Pattern DEF_NAME = Pattern.compile("^(?:async )?def (\\w+)( \\*)?( \\(.*)?$");
    private static final Pattern CLASS_BASE = Pattern.compile("^class \\* \\( (" + NAME + ") \\)(?: :)?$");
    private static final Pattern BASE_CLOSE = Pattern.compile("^(?:\\( )?(" + NAME + ") \\) :$");
    private static final Pattern EXCEPT = Pattern.compile("^except (?:\\* |\\( )?(" + NAME + ")\\b.*");
    private static final Pattern IMPORT = Pattern.compile("^(?:import (" + NAME + ")|from (" + NAME + ") import)\\b.*");
    private static final Pattern RAISE = Pattern.compile("^raise (" + NAME + ")\\b.*");
    private static final Pattern DECORATOR = Pattern.compile("^@(" + NAME + ")\\b.*");
    private static final Pattern CALL = Pattern.compile("^(?:\\* )?(" + NAME + ") \\($");
    private static final Pattern TAGS = Pattern.compile("^((?:TODO|FIXME|XXX|HACK|NOTE)(?:\\|(?:TODO|FIXME|XXX|HACK|NOTE))*):?$");
    /** A group of the regular expression ("(Str|Int)?"), left out. */
    private static final Pattern GROUP = Pattern.compile("\\((?:\\?:)?[^()]*\\)[?*+]?");

    /** The question with each search pattern it holds put in words. */
    static String apply(String question) {
        Matcher m = QUOTED.matcher(question);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            String pattern = m.group(2) != null ? m.group(2) : m.group(3);
            String words = words(plain(pattern), pattern);
            if (words != null) {
                m.appendReplacement(out, Matcher.quoteReplacement(words));
                any = true;
            }
        }
        if (!any) {
            return question;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The pattern with the regular expression's marks taken out: "^\\s*async def" is "async def". */
    static String plain(String pattern) {
        String s = pattern.replace("\\(", " \u0001 ").replace("\\)", " \u0002 ");
        if (!s.matches("\\(?(?:TODO|FIXME|XXX|HACK|NOTE)(?:\\|(?:TODO|FIXME|XXX|HACK|NOTE))*\\)?:?")) {
            s = GROUP.matcher(s).replaceAll("");
        } else {
            s = s.replace("(", "").replace(")", "");
        }
        s = s.replace("\\s+", " ").replace("\\s*", " ").replace("\\w+", "*").replace("\\w*", "*").replace(".*", " * ")
                .replace(".+", " * ").replace("\\.", ".").replace("\\b", "").replaceAll("^\\^", "").replaceAll("\\$$", "");
        s = s.replace("\u0001", "(").replace("\u0002", ")");
        return s.replaceAll("\\s*\\(\\s*", " ( ").replaceAll("\\s*\\)\\s*", " ) ").replaceAll("\\s+", " ")
                .replaceAll("\\*( \\*)+", "*").strip();
    }

    /** The search in words, or null for a pattern of no shape known here. */
    static String words(String p, String raw) {
        Matcher m;
        if (ASYNC_DEF.matcher(p).matches()) {
            return "async functions";
        }
        if ((m = DEF_PARAM.matcher(p)).matches()) {
            return "functions with a " + m.group(1) + " parameter";
        }
        if ((m = DEF_NAME.matcher(p)).matches()) {
            String start = m.group(1);
            boolean dunder = start.length() > 4 && start.startsWith("__") && start.endsWith("__");
            return start.equals("test_") || start.equals("test") ? "test functions"
                    : dunder ? "the " + start + " method"
                    : m.group(2) != null || start.endsWith("_") ? "functions named " + start + "*"
                    : "where is " + start + " defined";
        }
        if ((m = CLASS_BASE.matcher(p)).matches()) {
            String base = m.group(1);
            return base.endsWith("Enum") && raw.contains("|") ? "enum classes" : "classes that subclass " + base;
        }
        if ((m = BASE_CLOSE.matcher(p)).matches()) {
            return "classes that subclass " + m.group(1);
        }
        if ((m = EXCEPT.matcher(p)).matches()) {
            return "except clauses that catch " + m.group(1);
        }
        if ((m = IMPORT.matcher(p)).matches()) {
            return "files that import " + (m.group(1) != null ? m.group(1) : m.group(2));
        }
        if ((m = RAISE.matcher(p)).matches()) {
            return "where " + m.group(1) + " is raised";
        }
        if ((m = DECORATOR.matcher(p)).matches()) {
            return "decorated with @" + m.group(1);
        }
        if ((m = CALL.matcher(p)).matches()) {
            return "calls to " + m.group(1);
        }
        if ((m = TAGS.matcher(p)).matches()) {
            return m.group(1).replace("|", " and ") + " comments";
        }
        if (p.equals("yield") || p.startsWith("yield ")) {
            return "generator functions";
        }
        return null;
    }
}
