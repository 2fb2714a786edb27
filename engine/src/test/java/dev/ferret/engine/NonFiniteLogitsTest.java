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
            // the session still works; its cache was dropped with the row (its cells may hold non-finite values)
            assertEquals(0, s.history().length);
            assertThrows(EngineException.InvalidModel.class, () -> s.generate("Is it? Again", GenerationRequest.greedy(4), TokenListener.NONE));
            assertEquals(0, s.history().length);
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

    /**
     * Cells with NaN keys poison every later token that can see them. A session whose cache holds such cells (here
     * restored from a state whose first layer's keys were overwritten with NaN) fails its generation with the typed
     * error, and must not keep those cells as a cached prefix: the same prompt again is prefilled afresh and works.
     */
    @Test
    void aSessionDropsCellsThatGaveANaNRowAndRecovers() {
        try (Model m = Model.load(TestModels.model("tiny", GgufType.F32, 1), TestModels.small()); Session s = m.newSession()) {
            int[] prompt = m.tokenize("Is it? Tell me more about it", true);
            s.prefill(prompt);
            int[] cached = s.history();
            byte[] state = s.saveState();
            poisonKeys(state, s.contextSize());
            // the checked restore refuses it, naming the first cell, and leaves the cache empty
            EngineException.InvalidState refused = assertThrows(EngineException.InvalidState.class, () -> s.restoreState(cached, state));
            assertTrue(refused.getMessage().contains("layer 0 keys: cell 0 holds a NaN or an infinity"), refused.getMessage());
            assertEquals(0, s.history().length);
            s.prefill(prompt);
            writeUnchecked(s, 0, state);
            assertEquals(cached.length, s.history().length);

            int[] longer = m.tokenize("Is it? Tell me more about it, and why", true);
            EngineException.InvalidModel e = assertThrows(EngineException.InvalidModel.class,
                    () -> s.generate(longer, GenerationRequest.greedy(4), TokenListener.NONE, null));
            assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
            assertEquals(0, s.history().length, "the poisoned cells must not stay cached");
            Generation g = s.generate(longer, GenerationRequest.greedy(4), TokenListener.NONE, null);
            assertEquals(0, g.reusedTokens(), "nothing cached was reused");
            assertTrue(g.generatedTokens() > 0);
        }
    }

    /**
     * Puts {@code state} into sequence {@code seq} of the session's context without Ferret's checks (which refuse
     * non-finite values): how cells that went NaN inside a decode look to the next one. The state holds the same
     * cells the sequence has, so its history stays true.
     */
    static void writeUnchecked(Object session, int seq, byte[] state) {
        try {
            java.lang.reflect.Field f = session.getClass().getDeclaredField(session instanceof Session ? "ctx" : "owner");
            f.setAccessible(true);
            Object o = f.get(session);
            dev.ferret.llama.LlamaContext ctx;
            if (o instanceof dev.ferret.llama.LlamaContext c) {
                ctx = c;
            } else {
                ctx = ((ParallelContext) o).llama();
            }
            java.lang.reflect.Method h = dev.ferret.llama.LlamaContext.class.getDeclaredMethod("handle");
            h.setAccessible(true);
            try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
                java.lang.foreign.MemorySegment buf = a.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, state);
                long n = dev.ferret.llama.internal.LlamaH.llama_state_seq_set_data(
                        (java.lang.foreign.MemorySegment) h.invoke(ctx), buf, state.length, seq);
                assertEquals(state.length, n, "llama.cpp took the whole state");
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static void poisonKeys(byte[] state, int contextSize) {
        var layout = dev.ferret.llama.SequenceStateLayout.parse(state, contextSize, true);
        assertEquals(1, layout.keys().get(0).type(), "F16 keys expected"); // GGML_TYPE_F16
        // u32 cells, cells x (i32 pos, u32 n_seq_id), u32 v_trans, u32 n_layer, i32 k_type, u64 k_row_bytes, keys
        int keys = 4 + 8 * layout.cells() + 4 + 4 + 4 + 8;
        long keyBytes = layout.cells() * layout.keys().get(0).rowBytes();
        for (long i = 0; i < keyBytes; i += 2) {
            state[(int) (keys + i)] = 0x00; // F16 0x7E00: NaN
            state[(int) (keys + i + 1)] = 0x7E;
        }
    }

    /**
     * In a parallel context one sequence's NaN cells reach the others too (llama.cpp masks other sequences' cells by
     * adding -inf to a score that is already NaN): the failed generation clears the shared cache, so that another
     * session, and the same one again, generate finite rows afterwards. Without the clear both fail.
     */
    @Test
    void aNaNRowInAParallelContextClearsItsSharedCache() {
        try (Model m = Model.load(TestModels.model("tiny", GgufType.F32, 1), TestModels.small());
             ParallelContext pc = m.newParallelContext(ParallelOptions.of(2).withSequenceContext(128));
             ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession()) {
            int[] prompt = m.tokenize("Is it? Tell me more about it", true);
            a.prefill(prompt);
            b.prefill(m.tokenize("Something else entirely", true));
            byte[] state = a.saveState();
            poisonKeys(state, a.contextSize());
            assertThrows(EngineException.InvalidState.class, () -> a.restoreState(prompt, state));
            a.prefill(prompt);
            writeUnchecked(a, a.sequence(), state);
            int[] longer = m.tokenize("Is it? Tell me more about it, and why", true);
            assertThrows(EngineException.InvalidModel.class, () -> a.generate(longer, GenerationRequest.greedy(4), TokenListener.NONE));
            assertEquals(0, a.history().length);
            assertEquals(0, b.history().length, "the other session's cache went with the clear");
            assertTrue(b.generate(m.tokenize("Something else entirely", true), GenerationRequest.greedy(4), TokenListener.NONE).generatedTokens() > 0);
            assertTrue(a.generate(longer, GenerationRequest.greedy(4), TokenListener.NONE).generatedTokens() > 0);
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
