package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * 200 load / generate / close cycles in one JVM: the process's resident memory (which counts native
 * allocations, unlike the Java heap) must not grow beyond a small bound once warmed up.
 */
@Tag("slow")
@Tag("native")
class NativeMemoryLeakTest {
    static final int CYCLES = 200;
    static final int WARMUP = 20;
    /** Growth allowed after warm-up; one leaked tiny model + context would be ~3 MiB per cycle, 540 MiB in all. */
    static final long BOUND = 48L << 20;

    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void loadGenerateCloseDoesNotLeak() throws IOException {
        Path file = TestModels.tinyQ4();
        String prompt = "<|im_start|>user\nShow me all dataclasses<|im_end|>\n<|im_start|>assistant\n";
        long warm = 0;
        for (int i = 0; i < CYCLES; i++) {
            try (Model m = Model.load(file, TestModels.small()); Session s = m.newSession()) {
                Generation g = s.generate(prompt, GenerationRequest.greedy(8), null);
                assertEquals(8, g.generatedTokens());
                var a = i % 2 == 0 ? null : s.saveState(); // exercise state buffers too
                assertTrue(a == null || a.length > 0);
            }
            if (i == WARMUP - 1) {
                System.gc();
                warm = rss();
            }
        }
        System.gc();
        long end = rss();
        long growth = end - warm;
        System.out.printf("RSS after %d cycles: %d MiB, after %d: %d MiB, growth %d KiB%n", WARMUP, warm >> 20, CYCLES, end >> 20, growth >> 10);
        assertTrue(growth < BOUND, "native memory grew by " + (growth >> 20) + " MiB over " + (CYCLES - WARMUP) + " cycles");
    }
}
