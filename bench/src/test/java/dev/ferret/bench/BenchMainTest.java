package dev.ferret.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 17.9: a bad {@code ferret bench} command line is a one-line error (exit 2 in main), not a stack trace. */
class BenchMainTest {
    private static String refused(String... args) {
        return assertThrows(BenchMain.BadArguments.class, () -> BenchMain.run(args)).getMessage();
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("unknown option --frob", refused("--frob"));
        assertEquals("unexpected argument quick", refused("quick"));
        assertEquals("--only needs a value", refused("--only"));
        assertEquals("--only needs a value", refused("--only", "--quick"));
        assertEquals("--out needs a value", refused("--quick", "--out"));
        assertTrue(refused("--only", "Stop[").startsWith("--only Stop[ is not a valid regular expression"));
        assertEquals("no such model file: /no/such.gguf", refused("--model", "/no/such.gguf"));
        assertEquals("no benchmark matches --only NoSuchBenchmark", refused("--only", "NoSuchBenchmark"));
    }

    @Test
    void helpIsNotAnError() throws Exception {
        assertEquals(0, BenchMain.run(new String[] {"--help"}));
    }
}
