package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 threads x random operations on generated models ({@link StressDriver}) in a child JVM: it must not crash
 * or hang, every outcome must be a result or a typed error, owned sessions must keep cache and history
 * equal, and resident memory and the C heap's bytes in use must stay flat. The default run lasts {@code ferret.stress.seconds} (60); the
 * {@code long} one (left out of the default run) {@code ferret.stress.slow.seconds} (1800, see {@code bench/results/stress.md}).
 */
@Tag("slow")
@Tag("native")
class StressTest {
    static final Pattern LINE = Pattern.compile("STRESS seconds=(\\d+) threads=(\\d+) ops=(\\d+) problems=(\\d+) results=(\\d+)"
            + " closed=(\\d+) busy=(\\d+) cancelled=(\\d+) rss_warm_mib=(\\d+) rss_end_mib=(\\d+) rss_max_mib=(\\d+) growth_mib=(-?\\d+)");

    static void stress(Path dir, int seconds, long seed) {
        // the Java heap is resident from the start, so RSS shows native growth; two malloc arenas, as JVM
        // servers usually run, so that RSS shows what is in use rather than per-thread heap fragmentation
        ChildJvm.Result r = ChildJvm.run(dir, Duration.ofSeconds(seconds + 300L), Map.of("MALLOC_ARENA_MAX", "2"),
                List.of("-Xms160m", "-Xmx160m", "-XX:+AlwaysPreTouch"),
                StressDriver.class, dir.toString(), String.valueOf(seconds), "8", String.valueOf(seed));
        System.out.println(String.join("\n", r.lines("OUTCOMES")));
        System.out.println(String.join("\n", r.lines("STRESS")));
        System.out.println(String.join("\n", r.lines("HEAP")));
        r.assertExitedCleanly();
        List<String> lines = r.lines("STRESS");
        assertEquals(1, lines.size(), r.describe());
        Matcher m = LINE.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        assertEquals(0, Integer.parseInt(m.group(4)));
        // a run where nothing was generated or nothing was closed under load would test little
        assertTrue(Long.parseLong(m.group(5)) > 50, "too few results: " + lines.get(0));
        assertTrue(Long.parseLong(m.group(6)) > 0, "nothing was closed under use: " + lines.get(0));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void eightThreadsOfRandomOperationsForAMinute(@TempDir Path dir) {
        stress(dir, Integer.getInteger("ferret.stress.seconds", 60), 1);
    }

    @Test
    @Tag("long")
    @EnabledOnOs(OS.LINUX)
    void eightThreadsOfRandomOperationsForHalfAnHour(@TempDir Path dir) {
        stress(dir, Integer.getInteger("ferret.stress.slow.seconds", 1800), Long.getLong("ferret.stress.seed", 7));
    }
}
