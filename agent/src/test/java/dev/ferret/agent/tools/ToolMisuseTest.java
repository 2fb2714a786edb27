package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misuse found by calling the tools directly: regular expressions whose matching reads no text (and so escaped
 * every limit, leaving a thread spinning after the call returned), per-file messages with no size limit, and
 * integer arguments outside the range of an int. Every call must come back with a bounded result, and leave none
 * of its threads running.
 */
class ToolMisuseTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any call's budget: a call, or a thread of one, still running after this has hung. */
    static final Duration HANG = Duration.ofSeconds(60);
    static final int FOLDERS = 2000;

    @TempDir
    static Path root;
    static Toolbox tools;

    @BeforeAll
    static void build() throws IOException {
        Files.writeString(root.resolve("aab.txt"), ("a".repeat(30) + "b\n").repeat(20_000));
        Files.writeString(root.resolve("one.txt"), "abc\n");
        Files.writeString(root.resolve("long.txt"), "a".repeat(2000) + "\n");
        Files.writeString(root.resolve("small.py"), "1\n2\n3\n4\n5\n6\n");
        Files.writeString(root.resolve("a.py"), "a\n");
        Files.writeString(root.resolve("b.py"), "b\n");
        Path dirs = Files.createDirectories(root.resolve("dirs"));
        Path bins = Files.createDirectories(root.resolve("bins"));
        for (int i = 0; i < FOLDERS; i++) {
            Files.createDirectory(dirs.resolve(String.format("d%04d", i)));
            Files.write(bins.resolve(String.format("b%04d", i)), new byte[] {0, 1});
        }
        tools = Toolbox.standard(new Sandbox(root));
    }

    /** Calls a tool: it must come back, within the last guard on size, and every thread it started must end. */
    static ToolResult call(String tool, JsonNode args) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        ToolResult r = assertTimeoutPreemptively(HANG, () -> tools.call(tool, args), tool + " " + args + " hung");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("ferret-tool-")) {
                assertTimeoutPreemptively(HANG, () -> t.join(), t.getName() + " went on running after " + tool);
            }
        }
        assertTrue(r.content().length() <= ToolResult.MAX_CONTENT, tool + " returned " + r.content().length());
        return r;
    }

    static ToolResult call(String tool, String argsJson) {
        try {
            return call(tool, JSON.readTree(argsJson));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ToolResult grep(String pattern, String path) {
        return call("grep", JSON.createObjectNode().put("pattern", pattern).put("path", path));
    }

    static ToolResult run(String command) {
        return call("run_command", JSON.createObjectNode().put("command", command));
    }

    static void assertError(ToolResult r, String expected) {
        assertTrue(r.error(), "expected an error: " + r.content());
        assertTrue(r.content().contains(expected), "expected '" + expected + "' in: " + r.content());
    }

    static void assertShows(ToolResult r, String expected) {
        assertFalse(r.error(), r.content());
        assertTrue(r.content().contains(expected), "expected '" + expected + "' in: " + r.content());
    }

    // ------------------------------------------------------------------ regular expressions

    @Test
    void repetitionCountsAboveReDupMaxAreRefusedBeforeMatching() {
        String refused = "is above 32767, the largest count grep accepts";
        assertError(grep("(?:^){2000000000}x", "aab.txt"), "the repetition {2000000000} in the pattern "
                + "(?:^){2000000000}x " + refused);
        assertError(run("grep -E \"(^){2000000000}x\" aab.txt"), "{2000000000} in the pattern (^){2000000000}x "
                + refused);
        assertError(grep("(?:(?=)){2000000000}x", "one.txt"), refused);
        assertError(run("grep 'a\\{1,32768\\}' one.txt"), "the repetition {1,32768} in the pattern a\\{1,32768\\}");
        assertError(run("grep -P 'a{99999999999999999999999}' one.txt"), refused);
        // a count hidden behind an empty quote applies to what precedes the quote, as in the JDK
        assertError(grep("(?:^)\\Q\\E{2000000000}x", "one.txt"), refused);
        assertShows(run("grep -cE 'a{0,32767}b' aab.txt"), "20000");
    }

    @Test
    void groupsNestedTooDeepAreRefused() {
        String nested = "(".repeat(1000) + "a" + ")".repeat(1000);
        ToolResult r = grep(nested, "one.txt");
        assertError(r, "nests groups or character classes more than 100 deep");
        assertTrue(r.content().length() < 600, "the pattern is not echoed whole: " + r.content().length());
        assertError(run("grep -E '" + nested + "' one.txt"), "more than 100 deep");
        assertError(grep("[".repeat(500) + "a" + "]".repeat(500), "one.txt"), "more than 100 deep");
        assertShows(grep("(".repeat(100) + "a" + ")".repeat(100), "one.txt"), "1:abc");
    }

    @Test
    void patternsTooLongToCompileInTimeAreRefused() {
        // 100,000 nested groups; and a literal, whose compiling takes time that grows with the square of its length
        String nested = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        ToolResult r = grep(nested, "one.txt");
        assertError(r, "is 200001 characters long; the limit is 10000");
        assertTrue(r.content().length() < 600, "the pattern is not echoed whole: " + r.content().length());
        assertError(run("grep -E '" + nested + "' one.txt"), "characters long; the limit is 10000");
        assertError(run("grep -F " + "q".repeat(100_000) + " one.txt"), "characters long; the limit is 10000");
        assertError(call("find", JSON.createObjectNode().put("name", "q".repeat(100_000))),
                "wildcard pattern too long (100000 characters)");
        assertShows(grep("q".repeat(9000), "one.txt"), "no matches");
    }

    @Test
    void repeatedPartsThatReadNothingMultiply() {
        assertError(grep("(?:(?:^){300}){300}x", "aab.txt"), "can take about 180300 steps without reading a "
                + "character");
        // no repetition at all: thirty empty alternatives, tried in every combination, then a lookahead that fails
        assertError(grep("(?:|)".repeat(30) + "(?!)", "one.txt"), "steps without reading a character");
        // the same counts on parts that read text are bounded by the reads: allowed
        assertShows(grep("(?:a{1000}){1000}", "aab.txt"), "no matches");
        assertShows(grep("(\\d{1,3}\\.){3}\\d{1,3}|(?:a{10}){3}b", "aab.txt"), "aab.txt:1:" + "a".repeat(30) + "b");
        // the largest single count on an anchor runs, and ends
        assertShows(grep("(?:^){32767}x", "one.txt"), "no matches for (?:^){32767}x (1 file searched)");
    }

    @Test
    void aLineTooLongForWhatThePatternDoesBeforeReadingIsSkipped() {
        // 60,000 steps before the first read at each of 2,001 positions
        ToolResult r = grep("(?:(?=)){30000}(?!)", "long.txt");
        assertShows(r, "[1 line was too long for this pattern and not searched; simplify the pattern]");
        assertShows(grep("(?:(?=)){30000}(?!)", "one.txt"), "no matches");
    }

    @Test
    void theDeadlineIsCheckedOnEveryLine() throws ToolException {
        // each line reads 32 characters, too few for BoundedText to look at the clock within it
        GrepEngine.Options o = new GrepEngine.Options();
        String regex = "(?:^){32767}x";
        o.cost = RegexLimits.check("grep", regex, regex);
        o.pattern = java.util.regex.Pattern.compile(regex);
        o.deadline = System.nanoTime() + 1_000_000L;
        GrepEngine.Result r = GrepEngine.run(List.of(new GrepEngine.Target(root.resolve("aab.txt"), "aab.txt", true)),
                o, new Output(Output.DEFAULT_LIMIT));
        assertTrue(r.timedOut, "the search ran to the end past its deadline");
        assertTrue(r.stoppedAt.startsWith("aab.txt:"), r.stoppedAt);
    }

    @Test
    void runawayPatternsThatReadAreStillStoppedNotRefused() throws ToolException {
        for (String p : List.of("(a+)+$", "((a+)+)+b", "(a+)+\\1b", ".*.*.*.*.*b", "(a|aa)*c")) {
            RegexLimits.check("grep", p, p);
        }
        assertShows(grep("((a+)+)+c", "aab.txt"), "the pattern backtracks without bound");
    }

    @Test
    void patternSyntaxIsReadAsTheJdkReadsIt() throws ToolException {
        // quantifier-like text that is not a repetition: inside classes, quotes, \p{...}, \x{...}, \b{g}, comments
        for (String p : List.of("[{99999}]", "\\Q{99999}\\E", "\\p{L}{3}", "\\x{41}{2}", "\\b{g}x", "[]{99999}]",
                "(?x)a # {99999}\n", "(?x: a{2 0})b", "\\{99999}", "a\\{99999\\}")) {
            RegexLimits.check("grep", p, p);
        }
        // and repetitions where they are
        for (String p : List.of("a{99999}", "(?x)a #c\n{99999}", "(?x)a{9 9999}", "[a]{99999}", "\\p{L}{99999}",
                "(?<n>a)\\k<n>{99999}", "a{2}{99999}", "(?x:[a # ]\n]){99999}", "\\x41{99999}", "\\cA{99999}")) {
            ToolException e = assertThrows(ToolException.class, () -> RegexLimits.check("grep", p, p), p);
            assertTrue(e.getMessage().contains("above 32767"), e.getMessage());
        }
        // a flag set inside a group ends with the group: the '#' after it is a literal, and the count is read
        assertThrows(ToolException.class, () -> RegexLimits.check("grep", "(?:(?x))#{99999}", "p"));
        assertEquals("a\\{b\\}1", RegexLimits.unquote("a\\Q{b}1\\E"));
        assertEquals("\\x31", RegexLimits.unquote("\\Q1\\E"));
    }

    // ------------------------------------------------------------------ messages and the last guard

    @Test
    void perFileMessagesAreCappedAndCounted() {
        for (String command : List.of("cat dirs/*", "wc dirs/*", "grep foo dirs/*", "cat bins/*", "head -n 1 bins/*",
                "tail bins/*")) {
            ToolResult r = run(command);
            String c = r.content();
            assertTrue(c.length() <= Output.FILE_LIMIT + 200, command + " gave " + c.length() + " characters");
            int shown = (int) c.lines().filter(l -> l.contains(": Is a directory") || l.contains(": binary file")
                    || l.contains("No such file")).count();
            String note = c.lines().filter(l -> l.startsWith("[... ")).findFirst().orElse("");
            assertTrue(note.matches("\\[\\.\\.\\. \\d+ more messages not shown]"), command + ": " + note);
            int left = Integer.parseInt(note.replaceAll("\\D", ""));
            assertEquals(FOLDERS, shown + left, command + ": what was left out is counted");
        }
    }

    @Test
    void messagesDoNotCrowdOutWhatWasFound() {
        ToolResult head = run("head bins/* small.py");
        assertShows(head, "==> small.py <==\n1\n2\n3\n4\n5\n6");
        assertShows(head, "more messages not shown]");
        assertShows(run("grep -n 4 bins/* small.py"), "small.py:4:4");
        assertShows(run("wc -l small.py dirs/*"), "6 small.py");
        assertShows(run("cat small.py dirs/*"), "1\n2\n3");
    }

    @Test
    void noResultIsLongerThanTheLastGuard() {
        String huge = "line\n".repeat(40_000);
        for (ToolResult r : List.of(ToolResult.ok(huge, 1, 0), ToolResult.error(huge),
                ToolResult.ok("x".repeat(100_000), 1, 0))) {
            assertTrue(r.content().length() <= ToolResult.MAX_CONTENT, "cut: " + r.content().length());
            assertTrue(r.content().endsWith("characters; narrow the call]"), r.content().substring(16_000));
        }
        assertEquals("short", ToolResult.ok("short", 1, 0).content());
        // a long pattern is not echoed whole
        ToolResult r = grep("q".repeat(9000), "one.txt");
        assertShows(r, "no matches for qqqq");
        assertTrue(r.content().length() < 300, r.content());
    }

    // ------------------------------------------------------------------ integer arguments

    @Test
    void integersOutsideTheRangeAreRefusedAsSent() {
        assertError(call("read_file", "{\"path\": \"small.py\", \"start_line\": 2147483647}"),
                "read_file: start_line 2147483647 is past the end of small.py (6 lines)");
        assertError(call("read_file", "{\"path\": \"small.py\", \"start_line\": 18446744073709551619, \"end_line\": 5}"),
                "argument 'start_line' must be between 1 and 2147483647, got 18446744073709551619");
        assertError(call("read_file", "{\"path\": \"small.py\", \"end_line\": 18446744073709551617}"),
                "argument 'end_line' must be between 1 and 2147483647, got 18446744073709551617");
        assertError(call("read_file", "{\"path\": \"small.py\", \"start_line\": 1e300}"),
                "argument 'start_line' must be between 1 and 2147483647, got 1.0E300");
        assertError(call("read_file", "{\"path\": \"small.py\", \"start_line\": -9223372036854775809}"),
                "got -9223372036854775809");
        assertError(call("grep", "{\"pattern\": \"a\", \"max_matches\": 4294967297}"),
                "argument 'max_matches' must be between 1 and 1000, got 4294967297");
        assertShows(call("read_file", "{\"path\": \"small.py\", \"start_line\": 5.0}"), "5: 5\n6: 6");
        assertError(call("read_file", "{\"path\": \"small.py\", \"start_line\": 2147483646, \"end_line\": 2147483647}"),
                "start_line 2147483646 is past the end of small.py");
    }

    @Test
    void anUnboundedIntegerArgumentIsStillAnInt() throws ToolException {
        Params p = new Params("t", "a test tool").integer("n", true, "a number");
        assertEquals(-7, p.parse(JSON.createObjectNode().put("n", -7)).integer("n", 0));
        ToolException e = assertThrows(ToolException.class,
                () -> p.parse(JSON.createObjectNode().put("n", 1L << 40)));
        assertTrue(e.getMessage().contains("argument 'n' must be between -2147483648 and 2147483647, got 1099511627776"),
                e.getMessage());
    }

    @Test
    void anArgumentGivenTwiceIsRefused() {
        ToolResult r = call("read_file", new TextNode("{\"path\": \"a.py\", \"path\": \"b.py\"}"));
        assertError(r, "read_file: argument 'path' is given twice; give each argument once");
        assertError(call("grep", new TextNode("{\"pattern\": \"a\", \"glob\": \"*.py\", \"pattern\": \"b\"}")),
                "argument 'pattern' is given twice");
        assertShows(call("read_file", new TextNode("{\"path\": \"a.py\"}")), "1: a");
    }
}
