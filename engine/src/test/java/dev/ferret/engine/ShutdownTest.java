package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM ends while two threads are inside llama_decode: by System.exit, by main returning with daemon
 * generators, and with a shutdown hook that closes the model or the sessions. No crash, exit status 0.
 * (A hook that freed the model under a running decode is what this guards against: close waits for it.)
 */
@Tag("slow")
@Tag("native")
class ShutdownTest {
    static final int TRIES = 3;

    @ParameterizedTest
    @ValueSource(strings = {"exit", "daemon", "hook-model", "hook-session"})
    @EnabledOnOs(OS.LINUX)
    void theJvmEndsCleanlyWhileDecodesAreInFlight(String mode, @TempDir Path dir) {
        for (int i = 0; i < TRIES; i++) {
            ChildJvm.Result r = ChildJvm.run(dir, Duration.ofMinutes(3), List.of("-Xmx128m"), ShutdownDriver.class,
                    dir.toString(), mode, "2");
            r.assertExitedCleanly();
            assertTrue(r.output().contains("EXITING " + mode), r.describe());
        }
    }
}
