package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 1: the model, and separately the session, the adapter and the draft model, are closed
 * while another thread generates, 100 times each, in a child JVM: it must not crash, and every generation
 * must end with a result or {@link EngineException.Closed}. Before the guards, closing the model this way
 * killed the JVM in ggml.
 */
@Tag("slow")
@Tag("native")
class CloseRaceTest {
    static final int RUNS = 100;
    static final Pattern RESULT = Pattern.compile("RESULT scenario=(\\w+) runs=(\\d+) results=(\\d+) closed=(\\d+) closed_in_decode=(\\d+) unexpected=(\\d+) seconds=(\\d+)");

    @Test
    @EnabledOnOs(OS.LINUX)
    void closingWhileAnotherThreadGeneratesNeverCrashesAndAlwaysEndsTyped(@TempDir Path dir) {
        ChildJvm.Result r = ChildJvm.run(dir, Duration.ofMinutes(10), List.of("-Xmx256m"), CloseRaceDriver.class,
                dir.toString(), String.valueOf(RUNS), "model,session,adapter,draft", "42");
        System.out.println(String.join("\n", r.lines("RESULT")));
        r.assertExitedCleanly();
        List<String> lines = r.lines("RESULT");
        assertEquals(4, lines.size(), r.describe());
        int inDecode = 0;
        for (String line : lines) {
            Matcher m = RESULT.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(RUNS, Integer.parseInt(m.group(2)), line);
            assertEquals(RUNS, Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)), "every run is a result or Closed: " + line);
            assertEquals(0, Integer.parseInt(m.group(6)), line);
            assertTrue(Integer.parseInt(m.group(4)) > RUNS / 2, "most closes must land during the generation, else this tests little: " + line);
            inDecode += Integer.parseInt(m.group(5));
        }
        // the abort callback must have stopped native decodes in flight, not only calls between tokens
        assertTrue(inDecode > 0, "no close landed inside llama_decode: " + lines);
    }
}
