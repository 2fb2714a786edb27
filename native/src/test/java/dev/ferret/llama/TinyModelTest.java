package dev.ferret.llama;

import dev.ferret.gguf.GgufType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Native tests on the generated tiny Q8_0 model: loaded through the real library once per test class, closed after it. */
@Tag("native")
abstract class TinyModelTest {
    static LlamaModel model;

    static Path tinyFile() {
        return NativeFixtures.model("tiny", GgufType.Q8_0);
    }

    @BeforeAll
    static void loadTheTinyModel() {
        model = LlamaModel.load(LlamaBackend.get(), tinyFile(), ModelParams.defaults(), null);
    }

    @AfterAll
    static void closeTheTinyModel() {
        model.close();
    }

    /** Decodes {@code tokens} of sequence {@code seq} from position {@code from}, with logits for the last one. */
    static void feed(LlamaContext ctx, Batch b, int[] tokens, int seq, int from) {
        b.clear();
        for (int i = 0; i < tokens.length; i++) {
            b.add(tokens[i], from + i, seq, i == tokens.length - 1);
        }
        ctx.decode(b);
    }
}
