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
        model = Model.load(TestModels.tinyQ4(), TestModels.small());
    }

    @AfterAll
    static void closeTheTinyModel() {
        model.close();
    }
}
