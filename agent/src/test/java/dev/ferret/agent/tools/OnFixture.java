package dev.ferret.agent.tools;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that run the tools on a fresh {@link Fixture} repository each. */
abstract class OnFixture {
    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void createFixture() {
        fx = new Fixture(tmp);
    }
}
