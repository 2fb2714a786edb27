package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command-line splitter, the POSIX regex translation and wildcards. */
class ParsingTest {
    private static List<String> words(String line) throws ToolException {
        return ShellWords.split(line).stream().map(ShellWords.Word::text).toList();
    }

    @Test
    void splitsLikeAShell() throws Exception {
        assertEquals(List.of("grep", "-rn", "def main", "."), words("grep -rn \"def main\" ."));
        assertEquals(List.of("grep", "-rn", "def main", "."), words("grep  -rn\t'def main'   ."));
        assertEquals(List.of("grep", "it's", "x"), words("grep 'it'\"'\"'s' x"));
        assertEquals(List.of("grep", "a b", "x"), words("grep a\\ b x"));
        assertEquals(List.of("a\"b", "a\\b", "a\\b", "a$", "a`b"), words("\"a\\\"b\" \"a\\\\b\" \"a\\b\" \"a\\$\" \"a\\`b\""));
        assertEquals(List.of("$(x)", "${y}", "`z`", "a;b|c&d>e<f"), words("'$(x)' '${y}' '`z`' 'a;b|c&d>e<f'"));
        assertEquals(List.of("end$", "foo$", "$"), words("\"end$\" foo$ $"));
        assertEquals(List.of("a|b", "(x)"), words("a\\|b \\(x\\)"));
        assertEquals(List.of("ls"), words("ls # a comment; rm -rf /"));
        assertEquals(List.of("grep", "a#b"), words("grep a#b"));
        assertEquals(List.of("ab", ""), words("a'b' ''"));
        assertEquals(List.of(), words("   "));
        assertEquals(List.of("ls"), words("ls\n"));
    }

    @Test
    void marksWordsAShellWouldExpand() throws Exception {
        List<ShellWords.Word> w = ShellWords.split("*.py '*.py' \"*.py\" \\*.py src/?.py a[bc]");
        assertEquals(List.of(true, false, false, false, true, true), w.stream().map(ShellWords.Word::glob).toList());
    }

    @Test
    void refusesUnterminatedQuotes() {
        assertTrue(assertThrows(ToolException.class, () -> ShellWords.split("grep 'abc")).getMessage()
                .contains("unterminated single quote"));
        assertTrue(assertThrows(ToolException.class, () -> ShellWords.split("grep \"abc")).getMessage()
                .contains("unterminated double quote"));
        assertTrue(assertThrows(ToolException.class, () -> ShellWords.split("grep abc\\")).getMessage()
                .contains("lone backslash"));
    }

    /** A test of a pattern against a text. */
    interface Matcher {
        boolean matches(String pattern, String text) throws ToolException;
    }

    /** Rows of (pattern, text, whether it matches). */
    private static void check(Matcher m, Object... rows) throws ToolException {
        for (int i = 0; i < rows.length; i += 3) {
            assertEquals(rows[i + 2], m.matches((String) rows[i], (String) rows[i + 1]), rows[i] + " on " + rows[i + 1]);
        }
    }

    private static boolean bre(String regex, String text) throws ToolException {
        return Pattern.compile(PosixRegex.basic(regex)).matcher(text).find();
    }

    private static boolean ere(String regex, String text) throws ToolException {
        return Pattern.compile(PosixRegex.extended(regex)).matcher(text).find();
    }

    @Test
    void basicRegexOperators() throws Exception {
        assertEquals("a|b", PosixRegex.basic("a\\|b"));
        assertEquals("(ab)*", PosixRegex.basic("\\(ab\\)*"));
        assertEquals("a\\+b\\?", PosixRegex.basic("a+b?"));
        assertEquals("x{2}", PosixRegex.basic("x\\{2\\}"));
        assertEquals("\\*a", PosixRegex.basic("*a"));
        check(ParsingTest::bre,
                "foo\\|bar", "a bar", true,
                "foo|bar", "a bar", false,
                "foo|bar", "foo|bar", true,
                "f(x)", "call f(x)", true,
                "\\(ab\\)\\1", "abab", true,
                "a\\+$", "baaa", true,
                "x\\{3\\}", "xxx", true,
                "x\\{3\\}", "xx", false,
                "\\<main\\>", "def main():", true,
                "\\<main\\>", "def domain():", false,
                "\\bclass\\s\\+\\w\\+", "class Foo", true,
                "a.c", "abc", true,
                "a\\.c", "a.c", true,
                "a\\.c", "abc", false);
    }

    @Test
    void extendedRegexAndBrackets() throws Exception {
        check(ParsingTest::ere,
                "class (User|Admin)", "class Admin:", true,
                "a{2,}", "caab", true,
                "a{", "a{", true,
                "\\(x\\)", "(x)", true,
                "[[:alpha:]_][[:alnum:]_]*", "_x1", true,
                "^[[:space:]]*def", "    def f", true,
                "[[:upper:]]", "aBc", true,
                "[[:digit:]]", "abc", false,
                "[]a]", "]", true,
                "[^]a]", "b", true,
                "[^]a]", "]", false,
                "[a\\]", "\\", true,
                "[a&&b]", "&", true,
                "[a[b]", "[", true);
        assertThrows(ToolException.class, () -> PosixRegex.extended("[abc"));
        assertThrows(ToolException.class, () -> PosixRegex.extended("[[:nope:]]"));
        assertThrows(ToolException.class, () -> PosixRegex.basic("abc\\"));
    }

    private static boolean path(String glob, String p) throws ToolException {
        return Glob.pathGlob(glob, false).matcher(p).matches();
    }

    @Test
    void wildcards() throws Exception {
        check(ParsingTest::path,
                "*.py", "a.py", true,
                "*.py", "src/a.py", false,
                "**/*.py", "a.py", true,
                "**/*.py", "x/y/a.py", true,
                "src/**/*.py", "src/a.py", true,
                "src/**/*.py", "src/u/v/a.py", true,
                "src/**/*.py", "lib/a.py", false,
                "src/**", "src/a/b", true,
                "?.py", "a.py", true,
                "?.py", "ab.py", false,
                "[!a]*", "b", true,
                "[!a]*", "a", false,
                "[^a]*", "b", true,
                "[a-c].txt", "b.txt", true,
                "*.{py,pyi}", "x.pyi", true,
                "*.{py,pyi}", "x.pyc", false,
                "{a,b", "{a,b", true,
                "\\*.py", "*.py", true,
                "\\*.py", "a.py", false,
                "file[", "file[", true,
                "a+b(1).py", "a+b(1).py", true);
        assertTrue(Glob.fnmatch("*/util/*", false).matcher("./src/util/x.py").matches());
        assertTrue(Glob.fnmatch("README*", true).matcher("readme.md").matches());
        assertTrue(Glob.hasWildcard("src/*.py"));
        assertFalse(Glob.hasWildcard("src/\\*.py"));
    }
}
