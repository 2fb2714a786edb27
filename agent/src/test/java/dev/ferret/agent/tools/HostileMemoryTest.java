package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded on a hostile repository: the heaviest calls of {@link HostileRepositoryTest} run in a JVM
 * whose heap is {@value #HEAP}. Reading a 20 MiB line, or the first 64 MiB of a gigabyte file, whole (as the tools
 * once did) does not fit there.
 */
@Tag("slow")
class HostileMemoryTest {
    static final String HEAP = "64m";

    /** The calls, as tool name and JSON arguments; run_command lines are wrapped by {@link #main}. */
    static final List<String[]> CALLS = """
            read_file     {"path": "long_line.txt"}
            read_file     {"path": "huge.log", "start_line": 999}
            run_command   cat -n long_line.txt
            run_command   tail -n 2 huge.log
            run_command   head -n 1 huge.bin
            run_command   wc huge.bin long_line.txt
            run_command   grep -c x long_line.py runaway.txt
            grep          {"pattern": "a!", "path": "runaway.txt"}
            grep          {"pattern": "xx", "glob": "*.{txt,py,log}"}
            find          {"name": "*.txt"}
            list_dir      {"path": "many"}
            run_command   ls -lR many
            find_classes  {"path": "."}
            find_comments {"tag": "TODO"}
            """.lines().map(l -> l.strip().split(" +", 2)).toList();

    @Test
    void theToolsRunInASmallHeap() throws Exception {
        try (HostileRepo repo = HostileRepo.create()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), HostileMemoryTest.class.getName(),
                    repo.root.toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the probe hung");
            String text = new String(out, StandardCharsets.UTF_8);
            assertFalse(text.contains("OutOfMemoryError"), text);
            assertEquals(0, p.exitValue(), text);
            assertEquals(CALLS.size(), text.lines().filter(l -> l.startsWith("called ")).count(), text);
        }
    }

    /** The probe: runs every call on the repository given and prints one line per call. */
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Toolbox tools = HostileRepositoryTest.toolbox(Path.of(args[0]), Duration.ofSeconds(20));
        for (String[] c : CALLS) {
            String arguments = c[0].equals("run_command") ? json.createObjectNode().put("command", c[1]).toString() : c[1];
            ToolResult r = tools.call(c[0], json.readTree(arguments));
            String first = r.content().lines().findFirst().orElse("");
            System.out.println("called " + c[0] + " " + c[1] + " -> " + (r.error() ? "error " : "ok ")
                    + first.substring(0, Math.min(120, first.length())));
        }
        System.out.println("heap used at the end " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() >> 20)
                + " MiB of " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB (classpath " + File.pathSeparator + ")");
    }
}
