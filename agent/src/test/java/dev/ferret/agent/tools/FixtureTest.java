package dev.ferret.agent.tools;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tool tests on a fresh {@link Fixture} repository (with a secret outside it) in a temporary folder per test. */
abstract class FixtureTest {
    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void createTheFixtureRepository() {
        fx = new Fixture(tmp);
    }
}
