package dev.ferret.langchain4j;

import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.TestModels;
import dev.ferret.models.ModelSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the chat-model tests: one generated tiny model (1,024-token context, 2 threads) for the whole class. */
abstract class TinyModelTest {
    static Model model;

    @BeforeAll
    static void load() {
        model = Model.load(TestModels.model(ModelSpec.tiny(), GgufType.Q8_0),
                ModelOptions.defaults().withContextSize(1024).withThreads(2));
    }

    @AfterAll
    static void close() {
        model.close();
    }
}
