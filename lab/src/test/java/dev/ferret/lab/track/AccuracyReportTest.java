package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.hybrid.HybridAnswerer;
import dev.ferret.agent.python.SampleRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyReportTest {

    @Test
    void sampleRepoScoresPerfectly() throws GroundTruthUnavailableException {
        PythonAvailable.assume();
        AccuracyReport.CodebaseReport r = AccuracyReport.evaluate("shop", SampleRepo.shop(), new HybridAnswerer(),
                new GroundTruth());
        assertEquals(List.of(), r.notes());
        assertEquals(1, r.unparsed().size());
        for (Accuracy.Score s : r.scores()) {
            assertEquals(1.0, s.precision(), s.question() + " " + s.falsePositives());
            assertEquals(1.0, s.recall(), s.question() + " " + s.falseNegatives());
        }
        assertEquals(List.of(12, 21, 6, 11, 14), r.scores().stream().map(Accuracy.Score::truth).toList());
        String table = AccuracyReport.table(List.of(r));
        assertTrue(table.lines().anyMatch(l -> l.startsWith("shop") && l.contains("Q1 Protocol")
                && l.endsWith("100.00%  100.00%")), table);
    }

    @Test
    void mainPrintsTheTableAndExitsZero() throws IOException {
        PythonAvailable.assume();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AccuracyReport.run(List.of(SampleRepo.shop()), true,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text + err);
        assertTrue(text.contains("Q5 TODO"), text);
        assertTrue(text.contains("unparsed, left out of both sides: shop/legacy/export_py2.py"), text);
        assertTrue(text.contains("all precision and recall >= 98.00%"), text);
    }
}
