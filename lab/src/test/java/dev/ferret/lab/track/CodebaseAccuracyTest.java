package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferret.agent.hybrid.HybridAnswerer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check on real codebases: precision and recall of every standard question at least 98% on
 * {@code examples/shop} and every codebase fetched by {@code scripts/fetch-codebases.sh}. Slow (tens of seconds: the
 * ground truth parses every file with CPython), so it is excluded from the default run; run the report main instead
 * (see {@link AccuracyReport}).
 */
@Tag("long")
class CodebaseAccuracyTest {

    @Test
    void everyFetchedCodebaseMeetsTheTarget() throws IOException, GroundTruthUnavailableException {
        PythonAvailable.assume();
        List<Path> dirs = AccuracyReport.defaultCodebases(Path.of(""));
        assumeTrue(dirs.size() > 1, "no codebases fetched: run scripts/fetch-codebases.sh");
        List<AccuracyReport.CodebaseReport> reports = new ArrayList<>();
        HybridAnswerer answerer = new HybridAnswerer();
        GroundTruth truth = new GroundTruth();
        for (Path d : dirs) {
            reports.add(AccuracyReport.evaluate(d.getFileName().toString(), d, answerer, truth));
        }
        System.out.print(AccuracyReport.table(reports));
        System.out.print(AccuracyReport.details(reports, true));
        for (AccuracyReport.CodebaseReport r : reports) {
            assertTrue(r.meets(AccuracyReport.TARGET), r.name() + " below target: " + r);
        }
    }
}
