package dev.ferret.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Engine tests on one {@link Model} of the tiny Q4_0 preset ({@link TestModels#tinyQ4()}), shared by a test class. */
@Tag("native")
abstract class TinyModelTest {
    static Model model;

    @BeforeAll
    static void loadTheTinyModel() {
        // one decode thread: on a loaded 2-core machine, ggml's per-node barriers between two threads make a decode
        // wait for the scheduler (seconds per token measured at load 28); these tests check behaviour, not speed
        model = Model.load(TestModels.tinyQ4(), TestModels.small().withThreads(1));
    }

    @AfterAll
    static void closeTheTinyModel() {
        model.close();
    }
}
