package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A model whose weights make every logit NaN (its final norm's weights are NaN, as in a corrupt or overflowing
 * model): llama.cpp's greedy step then picks token 0 whatever the grammar allows, and the grammar aborts the
 * process when it is asked to accept it. Ferret checks the row first and throws a typed error naming the model, in
 * every sampling mode, in a session and in a parallel context; the JVM lives on, and the session stays usable.
 */
@Tag("native")
class NonFiniteLogitsTest {
    static Path nanModel() throws IOException {
        Path src = TestModels.model("tiny", GgufType.F32, 1);
        Path out = TestModels.dir().resolve("tiny-f32-nan-norm.gguf");
        Files.copy(src, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GgufFile g = GgufFile.read(out);
        GgufTensorInfo norm = g.requireTensor("output_norm.weight");
        assertEquals(GgufType.F32, norm.type());
        ByteBuffer nans = ByteBuffer.allocate((int) norm.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        while (nans.hasRemaining()) {
            nans.putFloat(Float.NaN);
        }
        nans.flip();
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.write(nans, g.absoluteOffset(norm));
        }
        return out;
    }

    static final List<String> GRAMMARS = List.of("root ::= [a-z ]+", "root ::= \"yes\" | \"no\"");

    @Test
    void aNaNRowIsATypedErrorNotAnAbort() throws IOException {
        Path nan = nanModel();
        try (Model m = Model.load(nan, TestModels.small()); Session s = m.newSession()) {
            for (String grammar : GRAMMARS) {
                for (SamplingOptions sampling : List.of(SamplingOptions.greedy(), SamplingOptions.defaults(7))) {
                    GenerationRequest r = GenerationRequest.greedy(8).withSampling(sampling).withGrammar(grammar);
                    EngineException.InvalidModel e = assertThrows(EngineException.InvalidModel.class,
                            () -> s.generate("Is it?", r, TokenListener.NONE), grammar + " " + sampling);
                    assertTrue(e.getMessage().contains(nan.getFileName().toString()) && e.getMessage().contains("non-finite"),
                            e.getMessage());
                }
            }
            // without a grammar too: nothing is sampled from a NaN row
            assertThrows(EngineException.InvalidModel.class, () -> s.generate("Is it?", GenerationRequest.greedy(4), TokenListener.NONE));
            // the session still works: its history is what it decoded
            assertTrue(s.history().length > 0);
            assertThrows(EngineException.InvalidModel.class, () -> s.generate("Is it? Again", GenerationRequest.greedy(4), TokenListener.NONE));
        }
    }

    @Test
    void aNaNRowFailsOneParallelJobAndTheContextGoesOn() throws IOException {
        Path nan = nanModel();
        try (Model m = Model.load(nan, TestModels.small());
             ParallelContext pc = m.newParallelContext(ParallelOptions.of(2).withSequenceContext(128))) {
            for (int i = 0; i < 2; i++) {
                try (ParallelSession s = pc.newSession()) {
                    GenerationRequest r = GenerationRequest.greedy(8).withGrammar(GRAMMARS.get(i));
                    assertThrows(EngineException.InvalidModel.class, () -> s.generate("Is it?", r, TokenListener.NONE));
                }
            }
        }
    }

    @Test
    void aFiniteModelIsNotFlagged() {
        try (Model m = Model.load(TestModels.model("tiny", GgufType.F32, 1), TestModels.small()); Session s = m.newSession()) {
            Generation g = s.generate("Is it?", GenerationRequest.greedy(4).withGrammar("root ::= \"yes\" | \"no\""), TokenListener.NONE);
            assertTrue(g.text().equals("yes") || g.text().equals("no"), g.text());
        }
    }
}
