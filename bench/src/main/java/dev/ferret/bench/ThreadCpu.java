package dev.ferret.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads, by thread name, from {@code /proc/self/task} (Linux). Two snapshots
 * around a measurement say how much CPU the JVM's own helpers (JIT compiler, GC, ...) took while the compute
 * threads ran: on a 2-core machine every millisecond they take is one the decode does not get. A count, not a
 * timing: it is not disturbed by other processes the way wall-clock time is.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Thread name (numbers folded: "C2 CompilerThre", "GC Thread#") to user+system clock ticks. */
    static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            s.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("\\d+$", "");
                    String stat = Files.readString(t.resolve("stat"));
                    // fields after the parenthesised name: state is field 3; utime 14, stime 15
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    out.merge(name, ticks, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between list and read
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The ticks each thread name used between two snapshots (threads that used none left out). */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long x = v - before.getOrDefault(k, 0L);
            if (x > 0) {
                d.put(k, x);
            }
        });
        return d;
    }
}
