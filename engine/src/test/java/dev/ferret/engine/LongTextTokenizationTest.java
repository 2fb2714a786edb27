package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 17.1: a long run of one character used to kill the process inside llama.cpp's tokenizer (its regex
 * pre-splitting recurses per character). Every case runs in a child JVM ({@link ChildJvm}) with the default
 * thread stack, so a crash fails the test instead of the test JVM.
 */
@Tag("slow")
@Tag("native")
class LongTextTokenizationTest {
    static final int MIB = 1 << 20;
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static List<String> probe(Path library, String... args) throws Exception {
        List<String> options = library == null ? List.of() : List.of("-Dferret.llama.library=" + library);
        List<String> all = new ArrayList<>(List.of(TestModels.tinyQ4().toString()));
        all.addAll(List.of(args));
        ChildJvm.Result r = ChildJvm.run(TIMEOUT, options, TokenizeProbe.class, all.toArray(String[]::new));
        assertFalse(r.crashed(), r.describe());
        return r.output().lines().filter(l -> l.startsWith("ok ") || l.startsWith("mismatch ")).toList();
    }

    /** The harness sees the crash: llama.cpp itself, called without Ferret on a 1 MiB stack, dies on 20,000 'x'. */
    @Test
    void llamaCppItselfOverflowsItsCallersStack() throws Exception {
        Path model = TestModels.tinyQ4();
        ChildJvm.Result shortRun = ChildJvm.run(TIMEOUT, List.of(), TokenizeProbe.class, model.toString(), "raw", "1000", "1024", "letters");
        assertEquals(0, shortRun.exitCode(), shortRun.describe());
        ChildJvm.Result longRun = ChildJvm.run(TIMEOUT, List.of(), TokenizeProbe.class, model.toString(), "raw", "20000", "1024", "letters");
        // if this ever passes, llama.cpp no longer recurses per character: measure again (stackBytesPerCharacter)
        assertTrue(longRun.crashed(), "llama.cpp survived 20,000 letters on a 1 MiB stack: " + longRun.describe());
        assertFalse(longRun.output().contains("ok raw"), longRun.describe());
    }

    @Test
    void runsOfEveryClassOf1MibTokenizeOnADefaultStackThread() throws Exception {
        check(null);
    }

    /** The b4980 build, when it is beside the checkout ({@code .work/llama-b4980-cpu}). */
    @Test
    void runsOfEveryClassOf1MibTokenizeWithTheB4980Build() throws Exception {
        Path lib = ChildJvm.b4980Library();
        assumeTrue(lib != null, "no .work/llama-b4980-cpu/lib/libllama.so beside the checkout");
        check(lib);
    }

    private static void check(Path library) throws Exception {
        List<String> args = new ArrayList<>(List.of("model", String.valueOf(MIB)));
        args.addAll(TokenizeProbe.CLASSES);
        List<String> lines = probe(library, args.toArray(String[]::new));
        assertEquals(TokenizeProbe.CLASSES.size(), lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.startsWith("ok "), line);
            String[] f = line.split(" ");
            assertTrue(Integer.parseInt(f[2]) >= MIB, line);
        }
    }

    /**
     * Stack bytes llama.cpp's tokenizer needs per character of a run: the largest run that survives on a 2 MiB
     * thread, found by bisection. Measured 296 (b4916) and 330 (b4980) bytes per character; Vocab.MAX_SPAN and
     * TokenizerThreads.STACK_BYTES rest on it.
     */
    @Tag("long")
    @Test
    void stackBytesPerCharacter() throws Exception {
        for (Path lib : new Path[] {null, ChildJvm.b4980Library()}) {
            int lo = 100;
            int hi = 100_000;
            while (hi - lo > lo / 100) {
                int mid = (lo + hi) / 2;
                ChildJvm.Result r = ChildJvm.run(TIMEOUT, lib == null ? List.of() : List.of("-Dferret.llama.library=" + lib),
                        TokenizeProbe.class, TestModels.tinyQ4().toString(), "raw", String.valueOf(mid), "2048", "letters");
                if (r.crashed()) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            long perChar = 2048L * 1024 / lo;
            System.out.printf("%s: %d letters survive on a 2 MiB stack, %d bytes per character%n", lib == null ? "bundled" : lib, lo, perChar);
            assertTrue(perChar * dev.ferret.llama.Vocab.MAX_SPAN < dev.ferret.llama.TokenizerThreads.STACK_BYTES / 2, "stack margin");
            if (lib == null && ChildJvm.b4980Library() == null) {
                break;
            }
        }
    }
}
