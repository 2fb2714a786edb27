package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issues 15.5 and 17.3): every tool on a hostile repository ({@link HostileRepo}) returns a clear
 * result or error within its budget, reads nothing outside the repository, and never opens a pipe or a device.
 * {@link HostileMemoryTest} runs the same calls in a JVM with a small heap.
 */
@Tag("slow")
class HostileRepositoryTest {
    /** Short, so that calls the budget has to stop end soon; the results below hold for any budget. */
    static final Duration BUDGET = Duration.ofSeconds(5);
    /** Far above any budget: a call still running after this has hung. */
    static final Duration HANG = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    static HostileRepo repo;
    static Toolbox tools;

    @BeforeAll
    static void build() {
        repo = HostileRepo.create();
        tools = toolbox(repo.root, BUDGET);
    }

    @AfterAll
    static void delete() {
        if (repo != null) {
            repo.close();
        }
    }

    /** The standard and the Python tools on one repository, each call within {@code budget}. */
    static Toolbox toolbox(Path root, Duration budget) {
        Sandbox sandbox = new Sandbox(root);
        Toolbox t = Toolbox.standard(sandbox, budget);
        for (PythonTool p : PythonTools.create(new PythonIndex(sandbox), budget)) {
            t.add(p);
        }
        return t;
    }

    /** Calls a tool; it must come back, and show nothing from outside the repository. */
    static ToolResult call(String tool, String argsJson) {
        ToolResult r = assertTimeoutPreemptively(HANG, () -> tools.call(tool, JSON.readTree(argsJson)),
                tool + " " + argsJson + " hung");
        String c = r.content();
        assertFalse(c.isBlank(), tool + " " + argsJson + " returned nothing");
        assertFalse(c.contains(HostileRepo.SECRET), tool + " " + argsJson + " read outside the repository: " + c);
        assertFalse(c.contains("root:x:0:0"), tool + " " + argsJson + " read /etc/passwd: " + c);
        return r;
    }

    static ToolResult run(String command) {
        ObjectNode a = JSON.createObjectNode().put("command", command);
        return call("run_command", a.toString());
    }

    static String q(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }

    static void assertError(ToolResult r, String... oneOf) {
        assertTrue(r.error(), "expected an error: " + r.content());
        assertContainsOne(r, oneOf);
    }

    static void assertContainsOne(ToolResult r, String... oneOf) {
        for (String s : oneOf) {
            if (r.content().contains(s)) {
                return;
            }
        }
        throw new AssertionError("expected one of " + List.of(oneOf) + " in: " + r.content());
    }

    @Test
    void pipesAndDevicesAreNeverOpened() {
        assumeTrue(!repo.fifos.isEmpty(), "mkfifo is not available");
        for (String f : repo.fifos) {
            assertError(call("read_file", "{\"path\": " + q(f) + "}"), "is a named pipe (FIFO), not a regular file");
            for (String cmd : List.of("cat ", "head -n 3 ", "tail ", "wc -l ", "grep x ", "cat -- ")) {
                assertContainsOne(run(cmd + f), "named pipe (FIFO), not a regular file");
            }
            assertContainsOne(call("grep", "{\"pattern\": \"x\", \"path\": " + q(f) + "}"), "not a regular file");
        }
        for (String d : repo.devices) {
            assertError(call("read_file", "{\"path\": " + q(d) + "}"), "is a character device, not a regular file");
            for (String cmd : List.of("cat ", "head ", "tail -n 1 ", "wc -c ", "grep -c x ")) {
                assertContainsOne(run(cmd + d), "character device, not a regular file");
            }
        }
        // searches walk past them: they are neither listed nor read
        ToolResult listing = call("list_dir", "{}");
        assertFalse(listing.error(), listing.content());
        assertTrue(listing.content().contains("shop/"), listing.content());
        for (String special : List.of("pipe", "zero.py", "random.txt")) {
            assertFalse(listing.content().lines().anyMatch(special::equals), listing.content());
        }
        assertFalse(call("find", "{\"name\": \"pipe*\"}").content().contains("pipe.py"));
        for (ToolResult r : List.of(call("grep", "{\"pattern\": \"never-there\", \"glob\": \"*.py\"}"),
                run("grep -rl never-there --include=*.py ."), call("find_classes", "{\"path\": \".\"}"))) {
            assertFalse(r.error(), r.content());
        }
    }

    @Test
    void linkLoopsAndLinksOutAreRefusedAndNotFollowed() {
        assumeTrue(repo.links, "no symbolic links here");
        assertError(call("read_file", "{\"path\": \"loop_a\"}"), "cannot resolve path");
        assertError(call("list_dir", "{\"path\": \"loop_b\"}"), "cannot resolve path");
        assertError(call("read_file", "{\"path\": \"dangling\"}"), "cannot resolve path");
        for (String out : List.of("out_file", "out_dir", "out_rel.py", "passwd", "dev_zero", "out_dir/secret.txt")) {
            assertError(call("read_file", "{\"path\": " + q(out) + "}"), "outside the repository");
            assertContainsOne(run("cat " + out), "outside the repository");
        }
        // links that stay inside work; walks do not go round the loops
        assertFalse(call("read_file", "{\"path\": \"self/self/README.md\"}").error());
        assertFalse(call("read_file", "{\"path\": \"cycle/again/cycle/again/README.md\"}").error());
        ToolResult find = call("find", "{\"name\": \"README.md\"}");
        assertEquals("README.md", find.content().strip(), "found once, through no link");
        String secret = HostileRepo.SECRET.substring(0, 7) + "[-]" + HostileRepo.SECRET.substring(8); // not itself
        assertContainsOne(call("grep", "{\"pattern\": \"" + secret + "\"}"), "no matches");
        assertContainsOne(run("grep -rn " + secret + " ."), "no matches");
        assertContainsOne(run("find . -name secret*"), "nothing found");
        ToolResult classes = call("find_classes", "{\"path\": \".\"}");
        assertFalse(classes.content().contains("Leak"), classes.content());
    }

    @Test
    void hugeSparseFilesAreReadInPartOrNotAtAll() {
        assertError(call("read_file", "{\"path\": \"huge.bin\"}"), "binary file");
        assertContainsOne(call("grep", "{\"pattern\": \"x\", \"path\": \"huge.bin\"}"), "larger than 4 MiB");
        assertContainsOne(run("cat huge.bin"), "binary file, not shown");
        // text at the start, then a gigabyte without a line break: lines are cut, the file is counted, or the
        // budget stops the call; never is the gigabyte held in memory
        ToolResult head = call("read_file", "{\"path\": \"huge.log\", \"start_line\": 999, \"end_line\": 1001}");
        assertContainsOne(head, "1001: \u0000", "time budget");
        if (!head.error()) {
            assertContainsOne(head, "line cut, " + (HostileRepo.HUGE - 9000) + " chars");
        }
        assertContainsOne(run("head -n 2 huge.log"), "log line\nlog line");
        assertContainsOne(run("tail -n 1 huge.log"), "line cut", "time budget");
        assertContainsOne(run("wc -c huge.bin"), HostileRepo.HUGE + " huge.bin", "time budget");
    }

    @Test
    void aTwentyMegabyteLineIsCutNotLoadedWhole() {
        ToolResult r = call("read_file", "{\"path\": \"long_line.txt\"}");
        assertFalse(r.error(), r.content());
        assertContainsOne(r, "line cut, " + HostileRepo.LONG_LINE + " chars");
        assertTrue(r.content().length() < 2 * Output.FILE_LIMIT, "output stays capped");
        assertContainsOne(run("cat -n long_line.txt"), "line cut");
        assertContainsOne(call("grep", "{\"pattern\": \"x\", \"path\": \"long_line.txt\"}"), "larger than 4 MiB");
        assertContainsOne(call("grep", "{\"pattern\": \"^x\", \"glob\": \"long_line.*\"}"),
                "2 files larger than 4 MiB not searched");
    }

    @Test
    void binaryFilesAndInvalidUtf8() {
        assertError(call("read_file", "{\"path\": \"binary.dat\"}"), "binary file");
        assertContainsOne(run("grep -c TODO binary.dat"), "binary file, not searched");
        ToolResult bad = call("read_file", "{\"path\": \"bad_utf8.py\"}");
        assertFalse(bad.error(), bad.content());
        assertContainsOne(bad, "\uFFFD");
        assertContainsOne(call("grep", "{\"pattern\": \"TODO\", \"glob\": \"*.py\"}"), "bad_utf8.py:1:# TODO");
        assertContainsOne(call("find_comments", "{\"tag\": \"TODO\"}"), "bad_utf8.py:1");
    }

    @Test
    void runawayPatternsAreStopped() {
        // the JDK's loop memo makes (a+)+$ linear: it simply finds nothing
        assertContainsOne(call("grep", "{\"pattern\": \"(a+)+$\", \"path\": \"runaway.txt\"}"), "no matches");
        // one more level of nesting, or a back-reference, and it is exponential on a 41-character line: the step
        // budget finds it out long before the clock would
        ToolResult r = call("grep", "{\"pattern\": \"((a+)+)+b\", \"path\": \"runaway.txt\"}");
        assertFalse(r.error(), r.content());
        assertContainsOne(r, "search stopped at runaway.txt:1: the pattern backtracks without bound");
        assertContainsOne(run("grep -E '((a+)+)+b' runaway.txt"), "backtracks without bound");
        assertContainsOne(run("grep -rP '(a+)+\\1b' ."), "backtracks without bound", "time limit reached");
        // polynomial: five .* on a 3 MiB line
        assertContainsOne(run("grep -c '.*.*.*.*.*b' runaway.txt"), "backtracks without bound", "time limit reached");
        // a wildcard of many stars on a 200-character name backtracks too: the call's budget stops it
        ToolResult stars = call("find", "{\"name\": \"" + "*a".repeat(12) + "*b\"}");
        assertContainsOne(stars, "stopped after 5 s, the time budget", "no files or directories match");
    }

    @Test
    void aHundredThousandFiles() {
        ToolResult find = call("find", "{\"name\": \"*.txt\", \"path\": \"many\"}");
        assertContainsOne(find, "more not shown", "time budget");
        if (!find.error()) {
            assertEquals(HostileRepo.MANY, find.items());
        }
        ToolResult list = call("list_dir", "{\"path\": \"many\"}");
        assertContainsOne(list, "more entries not shown", "time budget");
        assertContainsOne(call("grep", "{\"pattern\": \"^file 99999$\", \"path\": \"many\"}"),
                "many/f099999.txt:1:file 99999", "search stopped early", "time budget");
        assertContainsOne(run("ls -R many"), "more entries not shown", "time budget");
        assertContainsOne(run("wc -l many/*"), "total", "more lines not shown", "time budget");
        assertContainsOne(run("find many -name f09999*"), "many/f099999.txt", "time budget");
    }

    @Test
    void pythonToolsSaySkippedFiles() {
        ToolResult r = call("find_classes", "{\"base\": \"Protocol\"}");
        assertFalse(r.error(), r.content());
        assertContainsOne(r, "shop/ok.py:4: class Port(Protocol)");
        assertContainsOne(r, "huge.py (1024.0 MiB): larger than the 8 MiB limit");
        assertContainsOne(r, "long_line.py (20.0 MiB): larger than the 8 MiB limit");
        assertFalse(r.content().contains("pipe.py"), "a pipe is not a file to scan: " + r.content());
    }
}
