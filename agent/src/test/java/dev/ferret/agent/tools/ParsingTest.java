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
        assertTrue(bre("foo\\|bar", "a bar"));
        assertFalse(bre("foo|bar", "a bar"));
        assertTrue(bre("foo|bar", "foo|bar"));
        assertTrue(bre("f(x)", "call f(x)"));
        assertTrue(bre("\\(ab\\)\\1", "abab"));
        assertTrue(bre("a\\+$", "baaa"));
        assertTrue(bre("x\\{3\\}", "xxx"));
        assertFalse(bre("x\\{3\\}", "xx"));
        assertTrue(bre("\\<main\\>", "def main():"));
        assertFalse(bre("\\<main\\>", "def domain():"));
        assertTrue(bre("\\bclass\\s\\+\\w\\+", "class Foo"));
        assertTrue(bre("a.c", "abc"));
        assertTrue(bre("a\\.c", "a.c"));
        assertFalse(bre("a\\.c", "abc"));
    }

    @Test
    void extendedRegexAndBrackets() throws Exception {
        assertTrue(ere("class (User|Admin)", "class Admin:"));
        assertTrue(ere("a{2,}", "caab"));
        assertTrue(ere("a{", "a{"));
        assertTrue(ere("\\(x\\)", "(x)"));
        assertTrue(ere("[[:alpha:]_][[:alnum:]_]*", "_x1"));
        assertTrue(ere("^[[:space:]]*def", "    def f"));
        assertTrue(ere("[[:upper:]]", "aBc"));
        assertFalse(ere("[[:digit:]]", "abc"));
        assertTrue(ere("[]a]", "]"));
        assertTrue(ere("[^]a]", "b"));
        assertFalse(ere("[^]a]", "]"));
        assertTrue(ere("[a\\]", "\\"));
        assertTrue(ere("[a&&b]", "&"));
        assertTrue(ere("[a[b]", "["));
        assertThrows(ToolException.class, () -> PosixRegex.extended("[abc"));
        assertThrows(ToolException.class, () -> PosixRegex.extended("[[:nope:]]"));
        assertThrows(ToolException.class, () -> PosixRegex.basic("abc\\"));
    }

    private static boolean path(String glob, String p) throws ToolException {
        return Glob.pathGlob(glob, false).matcher(p).matches();
    }

    @Test
    void wildcards() throws Exception {
        assertTrue(path("*.py", "a.py"));
        assertFalse(path("*.py", "src/a.py"));
        assertTrue(path("**/*.py", "a.py"));
        assertTrue(path("**/*.py", "x/y/a.py"));
        assertTrue(path("src/**/*.py", "src/a.py"));
        assertTrue(path("src/**/*.py", "src/u/v/a.py"));
        assertFalse(path("src/**/*.py", "lib/a.py"));
        assertTrue(path("src/**", "src/a/b"));
        assertTrue(path("?.py", "a.py"));
        assertFalse(path("?.py", "ab.py"));
        assertTrue(path("[!a]*", "b"));
        assertFalse(path("[!a]*", "a"));
        assertTrue(path("[^a]*", "b"));
        assertTrue(path("[a-c].txt", "b.txt"));
        assertTrue(path("*.{py,pyi}", "x.pyi"));
        assertFalse(path("*.{py,pyi}", "x.pyc"));
        assertTrue(path("{a,b", "{a,b"));
        assertTrue(path("\\*.py", "*.py"));
        assertFalse(path("\\*.py", "a.py"));
        assertTrue(path("file[", "file["));
        assertTrue(path("a+b(1).py", "a+b(1).py"));
        assertTrue(Glob.fnmatch("*/util/*", false).matcher("./src/util/x.py").matches());
        assertTrue(Glob.fnmatch("README*", true).matcher("readme.md").matches());
        assertTrue(Glob.hasWildcard("src/*.py"));
        assertFalse(Glob.hasWildcard("src/\\*.py"));
    }
}
