package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.llama.GbnfCheck;
import dev.ferret.llama.TokenizerThreads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A grammar whose rule references chain deep used to kill the process inside llama.cpp (it follows them
 * recursively on the caller's stack, when the sampler is made and for every token): a chain of 10,000 rules on a
 * thread with a 1 MiB stack. Every case runs in a child JVM ({@link ChildJvm}, {@link GrammarDepthProbe}), so a
 * crash fails the test instead of the test JVM.
 */
@Tag("slow")
@Tag("native")
class GrammarDepthTest {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static ChildJvm.Result probe(List<String> jvmOptions, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = TestModels.tinyQ4().toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return ChildJvm.run(TIMEOUT, jvmOptions, GrammarDepthProbe.class, all);
    }

    /** The harness sees the crash: llama.cpp itself, given a chain of 20,000 rules on a 1 MiB stack, dies. */
    @Test
    void llamaCppItselfOverflowsItsCallersStack() throws Exception {
        probe(List.of(), "raw-init", "chain", "1000", "1024").assertExitedCleanly();
        ChildJvm.Result deep = probe(List.of(), "raw-init", "chain", "20000", "1024");
        // if this ever passes, llama.cpp no longer recurses per rule: measure again (stackBytesPerLevel)
        assertTrue(deep.crashed(), "llama.cpp survived a chain of 20,000 rules on a 1 MiB stack: " + deep.describe());
        assertTrue(deep.lines("ok").isEmpty(), deep.describe());
    }

    /**
     * 9,000 rules need about 1.2 MB of native stack in llama.cpp, more than a default Java thread has (1 MiB; the
     * report's 5,000 fitted, its 10,000 did not): made and sampled on Ferret's own threads, they work from a 1 MiB
     * and a 256 KiB caller, through a session and through a parallel session's decode loop, when the sampler is
     * made (chain) and in every token (tail: the chain comes after "a").
     */
    @Test
    void aGrammarDeeperThanTheCallersStackRunsWhateverItsStackSize() throws Exception {
        for (String stack : List.of("-Xss1m", "-Xss256k")) {
            ChildJvm.Result chain = probe(List.of(stack), "generate", "chain", "9000").assertExitedCleanly();
            assertEquals(List.of("ok a"), chain.lines("ok"), chain.describe());
            ChildJvm.Result tail = probe(List.of(stack), "generate", "tail", "9000").assertExitedCleanly();
            assertEquals(List.of("ok ab"), tail.lines("ok"), tail.describe());
        }
        ChildJvm.Result parallel = probe(List.of(), "parallel", "tail", "9000").assertExitedCleanly();
        assertEquals(List.of("ok ab"), parallel.lines("ok"), parallel.describe());
    }

    /** Past {@link GbnfCheck#MAX_DEPTH}, the report's chain of 10,000 rules is a typed error naming the depth. */
    @Test
    void aChainPastTheBoundIsAnInvalidGrammarNamingItsDepth() throws Exception {
        ChildJvm.Result r = probe(List.of(), "generate", "chain", "10000").assertExitedCleanly();
        assertEquals(1, r.lines("refused").size(), r.describe());
        assertTrue(r.lines("refused").getFirst().startsWith("refused InvalidGrammar: grammar: rule references nest 10002 deep"
                + " in rule 'root' (the most is " + GbnfCheck.MAX_DEPTH + ")"), r.describe());
    }

    /**
     * Stack bytes llama.cpp's grammar code needs per level: the longest chain that survives on a 2 MiB thread,
     * found by bisection, when the sampler is made (chain) and in a token's apply and accept (tail). Measured with
     * b4916: 130 and 129 bytes; GbnfCheck.MAX_DEPTH rests on it.
     */
    @Tag("long")
    @Test
    void stackBytesPerLevel() throws Exception {
        for (String[] kind : new String[][] {{"raw-init", "chain"}, {"raw-token", "tail"}}) {
            int lo = 1000;
            int hi = 100_000;
            while (hi - lo > lo / 100) {
                int mid = (lo + hi) / 2;
                if (probe(List.of(), kind[0], kind[1], String.valueOf(mid), "2048").crashed()) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            long perLevel = 2048L * 1024 / lo;
            System.out.printf("%s %s: %d levels survive on a 2 MiB stack, %d bytes per level%n", kind[0], kind[1], lo, perLevel);
            assertTrue(perLevel * GbnfCheck.MAX_DEPTH < TokenizerThreads.STACK_BYTES / 8, "stack margin");
        }
    }
}
