package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.SampleRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A phrasing set written for one codebase (its {@code codebase.txt}): its kinds beyond the five standard questions
 * are asked of that codebase, each read with the repository at hand, and scored against CPython's parser.
 */
class CodebaseSetTest {
    private static final String SET = "phrasings-codebase-shop";

    @Test
    void aSetNamesItsCodebase() {
        assertEquals("shop", PhrasingSet.codebase(SET));
        assertNull(PhrasingSet.codebase(PhrasingSet.MAIN));
    }

    @Test
    void itsOtherKindsAreAskedOfThatCodebaseAndReadWithIt() throws Exception {
        PythonAvailable.assume();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QuestionReport.run(List.of(SampleRepo.shop()), false, true, SET,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text + err);
        assertTrue(text.contains("## The other kinds of " + SET + ", on shop"), text);
        // "what extends pricing rule" and "functions with a customer email param" need the repository's names
        assertTrue(text.contains("Read right with the repository at hand: 7 of 7."), text);
        assertTrue(text.contains("| raises | 1 | 1 | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |"), text);
        assertTrue(text.contains("| definitions | 1 | 1 | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |"), text);
    }

    @Test
    void aDefinitionIsScoredByWhereItIs() {
        // the answer writes "shop/pricing.py:9: class ProtocolError", the parser's truth names the class: same place
        dev.ferret.agent.hybrid.Intent d = new dev.ferret.agent.hybrid.Intent.Definitions("ProtocolError");
        assertEquals(GroundTruthQuery.key(d, new dev.ferret.agent.hybrid.Finding("shop/pricing.py", 9, "ProtocolError", "")),
                GroundTruthQuery.key(d, new dev.ferret.agent.hybrid.Finding("shop/pricing.py", 9, "", "")));
    }

    @Test
    void aModuleKeepsItsCaseForTheTruthAndIsReadRightInAnyCase() {
        // the truth of "who imports IPython.core.magic" is asked with the module as Python spells it
        assertEquals("IPython.core.magic", PhrasingSet.normalise("module", "IPython.core.magic"));
        assertTrue(PhrasingSet.sameParams(java.util.Map.of("module", "IPython.core.magic"),
                java.util.Map.of("module", "ipython.core.magic")));
        assertTrue(!PhrasingSet.sameParams(java.util.Map.of("module", "IPython.core"),
                java.util.Map.of("module", "IPython.core.magic")));
    }

    @Test
    void withoutItsCodebaseTheSetIsRefused() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QuestionReport.run(List.of(Path.of("does-not-matter")), false, false, SET,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("written for the shop codebase"), err.toString());
    }
}
