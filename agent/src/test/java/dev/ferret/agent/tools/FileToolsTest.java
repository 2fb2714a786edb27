package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** grep, find, read_file and list_dir on a small repository. */
class FileToolsTest extends FixtureTest {
    private ToolResult ok(String tool, String args) {
        ToolResult r = fx.call(tool, args);
        assertFalse(r.error(), tool + " " + args + " -> " + r.content());
        return r;
    }

    /** A successful call of {@code tool} that printed {@code expected}, line by line. */
    private ToolResult printed(String tool, String args, String... expected) {
        ToolResult r = ok(tool, args);
        assertEquals(List.of(expected), lines(r));
        return r;
    }

    private static List<String> lines(ToolResult r) {
        return r.content().lines().toList();
    }

    // ------------------------------------------------------------------ grep

    /** Lines 1 to {@code n}, each ending in a newline. */
    private static String numbered(int n, java.util.function.IntFunction<String> line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void grepPrintsPathLineTextSortedByPathThenLine() {
        ToolResult r = printed("grep", "{\"pattern\": \"TODO\"}",
                "README.md:2:A demo project. TODO: write docs",
                "src/app.py:10:    # TODO: retry on failure",
                "tests/test_app.py:5:    main()  # TODO check output");
        assertEquals(3, r.items());
        assertEquals(0, r.omitted());
    }

    @Test
    void grepSkipsBinaryHiddenAndBuildFolders() {
        ToolResult r = ok("grep", "{\"pattern\": \"TODO\"}");
        assertFalse(r.content().contains("data.bin"));
        assertFalse(r.content().contains("node_modules"));
        assertFalse(r.content().contains(".hidden"));
        assertFalse(r.content().contains("build/"));
    }

    @Test
    void grepFindsTheQuestionsOfTheAgent() {
        printed("grep", "{\"pattern\": \"class \\\\w+\\\\(.*Protocol.*\\\\)\", \"glob\": \"*.py\"}",
                "src/app.py:5:class Greeter(Protocol):");
        printed("grep", "{\"pattern\": \"^\\\\s*async def\"}",
                "src/app.py:9:async def fetch(url):", "src/util/helpers.py:5:async def download(path):");
        printed("grep", "{\"pattern\": \"^(import|from) requests\"}",
                "src/app.py:1:import requests", "src/util/helpers.py:2:import requests as rq");
        printed("grep", "{\"pattern\": \"@dataclass\"}", "src/models.py:4:@dataclass");
    }

    @Test
    void grepPathGlobAndIgnoreCase() {
        printed("grep", "{\"pattern\": \"requests\", \"path\": \"src/util\"}",
                "src/util/helpers.py:2:import requests as rq");
        printed("grep", "{\"pattern\": \"requests\", \"path\": \"src/app.py\"}",
                "src/app.py:1:import requests", "src/app.py:11:    return requests.get(url)");
        printed("grep", "{\"pattern\": \"todo\", \"ignore_case\": true, \"glob\": \"*.md\"}",
                "README.md:2:A demo project. TODO: write docs");
        assertEquals(0, ok("grep", "{\"pattern\": \"todo\"}").items());
        // a glob with a directory part is matched against the path
        printed("grep", "{\"pattern\": \"requests\", \"glob\": \"src/**/helpers.py\"}",
                "src/util/helpers.py:2:import requests as rq");
        assertEquals(2, ok("grep", "{\"pattern\": \"requests\\\\.get|rq\\\\.get\", \"glob\": \"**/*.py\"}").items());
    }

    @Test
    void grepContextLinesUseDashesAndGroupSeparators() {
        ToolResult r = printed("grep", "{\"pattern\": \"TODO\", \"path\": \"src\", \"context\": 1}",
                "src/app.py-9-async def fetch(url):",
                "src/app.py:10:    # TODO: retry on failure",
                "src/app.py-11-    return requests.get(url)");
        ToolResult two = printed("grep", "{\"pattern\": \"^class\", \"path\": \"src/models.py\", \"context\": 1}",
                "src/models.py-4-@dataclass",
                "src/models.py:5:class User:",
                "src/models.py-6-    name: str",
                "--",
                "src/models.py-9-",
                "src/models.py:10:class Admin(User):",
                "src/models.py-11-    pass");
    }

    @Test
    void grepNoMatchSaysSo() {
        ToolResult r = ok("grep", "{\"pattern\": \"zzz_nothing\"}");
        assertTrue(r.content().startsWith("no matches for zzz_nothing"), r.content());
        assertEquals(0, r.items());
    }

    @Test
    void grepInvalidRegexNamesTheProblem() {
        ToolResult r = fx.call("grep", "{\"pattern\": \"class (Foo\"}");
        assertTrue(r.error());
        assertTrue(r.content().contains("invalid regular expression"), r.content());
        assertTrue(r.content().contains("Unclosed group"), r.content());
        ToolResult r2 = fx.call("grep", "{\"pattern\": \"*.py\"}");
        assertTrue(r2.error());
        assertTrue(r2.content().contains("Dangling meta character '*'"), r2.content());
    }

    @Test
    void grepMaxMatchesAndOutputCap() throws Exception {
        fx.write("big/many.txt", numbered(500, i -> "needle number " + i + " with some padding text to make lines longer"));
        ToolResult r = ok("grep", "{\"pattern\": \"needle\", \"path\": \"big\", \"max_matches\": 10}");
        assertEquals(500, r.items());
        assertEquals(490, r.omitted());
        List<String> ls = lines(r);
        assertEquals(11, ls.size());
        assertEquals("big/many.txt:1:needle number 1 with some padding text to make lines longer", ls.get(0));
        assertEquals("[... 490 more matches not shown (max_matches=10); narrow the pattern or path]", ls.get(10));

        ToolResult capped = ok("grep", "{\"pattern\": \"needle\", \"path\": \"big\", \"max_matches\": 1000}");
        assertTrue(capped.content().length() <= Output.DEFAULT_LIMIT + 200, "length " + capped.content().length());
        assertTrue(capped.omitted() > 300, "omitted " + capped.omitted());
        assertTrue(capped.content().endsWith("more matches not shown; narrow the pattern or path]"), capped.content());
        // the default shows at most 100
        assertEquals(400, ok("grep", "{\"pattern\": \"needle\", \"path\": \"big\"}").omitted());
    }

    @Test
    void grepCutsLongLinesAroundTheMatch() throws Exception {
        fx.write("long.txt", "x".repeat(5000) + "NEEDLE" + "y".repeat(5000) + "\n");
        ToolResult r = ok("grep", "{\"pattern\": \"NEEDLE\", \"path\": \"long.txt\"}");
        assertTrue(r.content().contains("NEEDLE"), r.content());
        assertTrue(r.content().length() < 500, r.content());
        assertTrue(r.content().contains("line cut, 10006 chars"), r.content());
    }

    @Test
    void grepOnABinaryFileIsAnError() {
        ToolResult r = fx.call("grep", "{\"pattern\": \"TODO\", \"path\": \"data.bin\"}");
        assertTrue(r.error());
        assertTrue(r.content().contains("binary"), r.content());
    }

    @Test
    void grepStopsARunawayRegex() throws Exception {
        fx.write("evil.txt", "a".repeat(32) + "!\n"); // a backreference defeats the JDK's loop memo
        GrepEngine.Options o = new GrepEngine.Options();
        o.pattern = java.util.regex.Pattern.compile("(a+)+\\1b");
        o.deadline = System.nanoTime() + 200_000_000L;
        Output out = new Output(Output.DEFAULT_LIMIT);
        GrepEngine.Result r = GrepEngine.run(List.of(new GrepEngine.Target(fx.root.resolve("evil.txt"), "evil.txt",
                true)), o, out);
        assertTrue(r.timedOut);
    }

    // ------------------------------------------------------------------ find

    @Test
    void findByNameTypeAndPathGlob() {
        printed("find", "{\"name\": \"*.py\"}",
                "src/app.py", "src/models.py", "src/util/helpers.py", "tests/test_app.py");
        printed("find", "{\"name\": \"test_*\"}", "tests/test_app.py");
        printed("find", "{\"type\": \"d\"}", "src/", "src/util/", "tests/");
        printed("find", "{\"path_glob\": \"src/**/*.py\"}",
                "src/app.py", "src/models.py", "src/util/helpers.py");
        printed("find", "{\"path_glob\": \"src/*/*.py\"}", "src/util/helpers.py");
        printed("find", "{\"name\": \"*.py\", \"path\": \"src/util\"}", "src/util/helpers.py");
        printed("find", "{\"name\": \"*.{md,bin}\"}", "README.md", "data.bin");
        printed("find", "{\"name\": \"util\", \"type\": \"d\"}", "src/util/");
        printed("find", "{\"name\": \"src/util/*.py\"}", "src/util/helpers.py");
    }

    @Test
    void findCapsWithANote() throws Exception {
        for (int i = 0; i < 30; i++) {
            fx.write("gen/f" + i + ".txt", "");
        }
        ToolResult r = ok("find", "{\"path\": \"gen\", \"max_results\": 5}");
        assertEquals(6, lines(r).size());
        assertEquals(30, r.items());
        assertEquals("[... 25 more not shown; narrow the name, path_glob or path]", lines(r).get(5));
        ToolResult none = ok("find", "{\"name\": \"*.rs\"}");
        assertTrue(none.content().startsWith("no files or directories match"), none.content());
    }

    // ------------------------------------------------------------------ read_file

    @Test
    void readFileShowsNumberedLinesAndTotal() {
        ToolResult r = ok("read_file", "{\"path\": \"src/models.py\"}");
        List<String> ls = lines(r);
        assertEquals(" 1: from dataclasses import dataclass", ls.get(0));
        assertEquals(" 5: class User:", ls.get(4));
        assertEquals("[src/models.py: lines 1-11 of 11, end of file]", ls.getLast());
        ToolResult part = ok("read_file", "{\"path\": \"src/models.py\", \"start_line\": 5, \"end_line\": 6}");
        assertEquals(List.of("5: class User:", "6:     name: str",
                "[src/models.py: lines 5-6 of 11; use start_line=7 to read on]"), lines(part));
        ToolResult tail = ok("read_file", "{\"path\": \"src/models.py\", \"start_line\": 10, \"end_line\": 99}");
        assertEquals("[src/models.py: lines 10-11 of 11, end of file]", lines(tail).getLast());
    }

    @Test
    void readFileDefaultsToTwoHundredLines() throws Exception {
        fx.write("long.py", numbered(450, i -> "l" + i));
        ToolResult r = ok("read_file", "{\"path\": \"long.py\"}");
        List<String> ls = lines(r);
        assertEquals(201, ls.size());
        assertEquals("200: l200", ls.get(199));
        assertEquals("[long.py: lines 1-200 of 450; use start_line=201 to read on]", ls.get(200));
        ToolResult next = ok("read_file", "{\"path\": \"long.py\", \"start_line\": 201}");
        assertEquals("201: l201", lines(next).getFirst());
    }

    @Test
    void readFileRefusesBinaryDirectoriesAndBadRanges() {
        ToolResult bin = fx.call("read_file", "{\"path\": \"data.bin\"}");
        assertTrue(bin.error());
        assertTrue(bin.content().contains("binary file"), bin.content());
        ToolResult dir = fx.call("read_file", "{\"path\": \"src\"}");
        assertTrue(dir.error());
        assertTrue(dir.content().contains("is a directory; use list_dir"), dir.content());
        ToolResult past = fx.call("read_file", "{\"path\": \"README.md\", \"start_line\": 50}");
        assertTrue(past.error());
        assertTrue(past.content().contains("past the end of README.md (2 lines)"), past.content());
        ToolResult back = fx.call("read_file", "{\"path\": \"README.md\", \"start_line\": 2, \"end_line\": 1}");
        assertTrue(back.content().contains("end_line 1 is before start_line 2"), back.content());
        ToolResult zero = fx.call("read_file", "{\"path\": \"README.md\", \"start_line\": 0}");
        assertTrue(zero.content().contains("'start_line' must be between 1 and"), zero.content());
        ToolResult missing = fx.call("read_file", "{\"path\": \"nope.py\"}");
        assertTrue(missing.content().contains("no such file or directory: nope.py"), missing.content());
    }

    @Test
    void readFileEmptyAndCrLfFiles() throws Exception {
        fx.write("empty.txt", "");
        assertEquals("[empty.txt is empty]", ok("read_file", "{\"path\": \"empty.txt\"}").content());
        fx.write("dos.txt", "a\r\nb\r\n");
        printed("read_file", "{\"path\": \"dos.txt\"}",
                "1: a", "2: b", "[dos.txt: lines 1-2 of 2, end of file]");
    }

    @Test
    void readFileAcceptsAnAbsolutePathInside() {
        ToolResult r = ok("read_file", "{\"path\": " + Fixture.q(fx.root.resolve("README.md").toString()) + "}");
        assertTrue(r.content().contains("# Demo"));
    }

    @Test
    void readFileCapsOutput() throws Exception {
        fx.write("wide.txt", numbered(300, i -> "y".repeat(200)));
        ToolResult r = ok("read_file", "{\"path\": \"wide.txt\", \"end_line\": 300}");
        assertTrue(r.content().length() < Output.FILE_LIMIT + 200);
        assertTrue(lines(r).getLast().matches("\\[wide.txt: lines 1-\\d+ of 300; output limit reached; use "
                + "start_line=\\d+ to read on]"), lines(r).getLast());
    }

    // ------------------------------------------------------------------ list_dir

    @Test
    void listDirShowsEntriesWithSlashesAndSkipsSkippedDirs() throws Exception {
        Files.createDirectories(fx.root.resolve(".git"));
        ToolResult r = ok("list_dir", "{}");
        List<String> ls = lines(r);
        assertTrue(ls.containsAll(List.of("README.md", "data.bin", "src/", "tests/", ".hidden/")), ls.toString());
        assertFalse(ls.contains("node_modules/"));
        assertFalse(ls.contains("build/"));
        assertFalse(ls.contains(".git/"));
        assertEquals(List.of("app.py", "models.py", "util/"),
                lines(ok("list_dir", "{\"path\": \"src\"}")).stream().filter(s -> !s.contains("link")).toList());
        ToolResult file = fx.call("list_dir", "{\"path\": \"README.md\"}");
        assertTrue(file.error());
        assertTrue(file.content().contains("is a file, not a directory"), file.content());
        Files.createDirectories(fx.root.resolve("void"));
        assertEquals("[void is empty]", ok("list_dir", "{\"path\": \"void\"}").content());
    }
}
