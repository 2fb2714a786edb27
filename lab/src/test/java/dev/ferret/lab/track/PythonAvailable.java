package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Skips a test when no usable python3 is installed (the ground truth then is unavailable, by design). */
final class PythonAvailable {
    private static Boolean available;

    private PythonAvailable() {
    }

    static synchronized void assume() {
        if (available == null) {
            try {
                Path empty = Files.createTempDirectory("ferret-gt-probe");
                try {
                    new GroundTruth().compute(empty);
                    available = true;
                } catch (GroundTruthUnavailableException e) {
                    available = false;
                } finally {
                    Files.deleteIfExists(empty);
                }
            } catch (IOException e) {
                available = false;
            }
        }
        assumeTrue(available, "python3 >= 3.8 not available: ground truth tests skipped");
    }
}
