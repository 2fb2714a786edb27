package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The layout Ferret checks is the one the library writes (run with -Dferret.llama.library for another build). */
@Tag("native")
class SequenceStateLayoutTest {
    static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(NativeFixtures.model("tiny", GgufType.Q8_0));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ContextParams params(boolean flashAttention) {
        ContextParams p = NativeFixtures.ctxParams();
        return new ContextParams(p.contextSize(), p.batchSize(), p.ubatchSize(), p.maxSequences(), p.threads(), p.threadsBatch(), flashAttention, p.threadpool());
    }

    private static byte[] stateOf(ContextParams params, int seq, int n) {
        try (LlamaContext ctx = model.newContext(params); Batch b = new Batch(64, params.maxSequences())) {
            for (int i = 0; i < n; i++) {
                b.add(65 + i % 20, i, seq, i == n - 1);
            }
            ctx.decode(b);
            return ctx.sequenceState(seq);
        }
    }

    @Test
    void theLibrarysOwnStatesParseAsDocumented() {
        int kvWidth = model.embeddingLength() / model.headCount() * model.headCountKv();
        for (boolean flash : new boolean[] {false, true}) {
            ContextParams p = params(flash);
            for (int seq : new int[] {0, 2}) {
                byte[] state = stateOf(p, seq, 37);
                SequenceStateLayout l = SequenceStateLayout.parse(state, 256, true);
                assertEquals(37, l.cells());
                assertEquals(!flash, l.vTransposed(), "V is stored transposed unless flash attention is on");
                assertEquals(model.layerCount(), l.keys().size());
                for (int il = 0; il < model.layerCount(); il++) {
                    assertEquals(new SequenceStateLayout.Rows(1, 2L * kvWidth, 0, 0), l.keys().get(il), "F16 keys");
                    assertEquals(flash ? new SequenceStateLayout.Rows(1, 2L * kvWidth, 0, 0) : new SequenceStateLayout.Rows(1, 0, 2, kvWidth),
                            l.values().get(il));
                }
                l.checkFits(SequenceStateLayout.parse(stateOf(p, seq, 1), 256, true));
            }
        }
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        byte[] good = stateOf(NativeFixtures.ctxParams(), 0, 10);
        assertEquals("invalid sequence state: cell_count is 4294967280, but the context holds 256 cells",
                refused(good, 0, 0xFFFFFFF0));
        // one cell fewer: the last cell's position is read as v_trans
        assertEquals("invalid sequence state: v_trans is 9 (must be 0 or 1)", refused(good, 0, 9));
        // positions of a prefix: 0 to n-1, each once, in any order (cells of a shared context may be out of order)
        assertEquals("invalid sequence state: cell 4: pos 4 appears twice", refused(good, 4 + 8 * 3, 4));
        assertEquals("invalid sequence state: cell 3: pos is 10, but a prefix of 10 cells has positions 0 to 9", refused(good, 4 + 8 * 3, 10));
        assertEquals("invalid sequence state: cell 0: n_seq_id is 1 (a one-sequence state has 0)", refused(good, 8, 1));
        int after = 4 + 8 * 10;
        assertEquals("invalid sequence state: v_trans is 2 (must be 0 or 1)", refused(good, after, 2));
        assertTrue(refused(good, after + 4, 100_000).startsWith("invalid sequence state: n_layer is 100000"));
        assertEquals("invalid sequence state: layer 0 keys: type is 99, not a ggml type", refused(good, after + 8, 99));
        assertTrue(refused(good, after + 12, 7).startsWith("invalid sequence state: "), "a wrong row size misreads the rest");
        SequenceStateLayout reference = SequenceStateLayout.parse(stateOf(NativeFixtures.ctxParams(), 0, 1), 256, true);
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(after + 12, 7);
        assertTrue(assertThrows(LlamaException.State.class, () -> SequenceStateLayout.parse(bad, 256, true, reference)).getMessage()
                .startsWith("invalid sequence state: layer 0 keys: row size is 7 bytes, this context's is "), "with a reference, the field is named");
        assertTrue(assertThrows(LlamaException.State.class, () -> SequenceStateLayout.parse(java.util.Arrays.copyOf(good, good.length + 1), 256, true))
                .getMessage().contains("1 bytes follow the last layer"));
        for (int cut = 0; cut < good.length; cut += cut < 200 ? 1 : 97) {
            byte[] shortened = java.util.Arrays.copyOf(good, cut);
            assertThrows(LlamaException.State.class, () -> SequenceStateLayout.parse(shortened, 256, true), "cut at " + cut);
        }
    }

    @Test
    void aStateOfAnotherShapeDoesNotFit() {
        SequenceStateLayout mine = SequenceStateLayout.parse(stateOf(NativeFixtures.ctxParams(), 0, 5), 256, true);
        SequenceStateLayout flash = SequenceStateLayout.parse(stateOf(params(true), 0, 5), 256, true);
        LlamaException.State e = assertThrows(LlamaException.State.class, () -> flash.checkFits(mine));
        assertTrue(e.getMessage().contains("v_trans is 0, this context's is 1"), e.getMessage());
        assertFalse(mine.keys().isEmpty());
    }

    /**
     * A cell holding a NaN or an infinity would make every later token of the context NaN (even where the mask hides
     * the cell), so such a state is refused, naming the layer and the cell; in keys and in transposed values, for
     * NaN and for both infinities. The library's own states pass (above).
     */
    @Test
    void nonFiniteKeysOrValuesAreRefused() {
        int cells = 10;
        byte[] good = stateOf(NativeFixtures.ctxParams(), 0, cells);
        SequenceStateLayout l = SequenceStateLayout.parse(good, 256, true);
        int keys0 = 4 + 8 * cells + 8 + 12;
        long keyRow = l.keys().get(0).rowBytes();
        for (short bits : new short[] {(short) 0x7e00, (short) 0x7c00, (short) 0xfc00}) { // F16 NaN, +inf, -inf
            byte[] bad = good.clone();
            ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putShort((int) (keys0 + 3 * keyRow + 6), bits);
            assertEquals("invalid sequence state: layer 0 keys: cell 3 holds a NaN or an infinity (such a cell makes every later"
                    + " token that attends to it NaN, masked or not)",
                    assertThrows(LlamaException.State.class, () -> SequenceStateLayout.parse(bad, 256, true)).getMessage());
        }
        // the last layer's values, transposed (rows of `cells` elements): element (row 2, cell 7)
        int values = keys0 - 12;
        for (int il = 0; il < l.keys().size(); il++) {
            values += 12 + (int) (l.keys().get(il).rowBytes() * cells);
        }
        int last = l.values().size() - 1;
        for (int il = 0; il < last; il++) {
            var v = l.values().get(il);
            values += 12 + v.rows() * cells * v.elementBytes();
        }
        int at = values + 12 + (2 * cells + 7) * l.values().get(last).elementBytes();
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) 0x7e01);
        assertTrue(l.vTransposed());
        assertEquals("invalid sequence state: layer " + last + " values: cell 7 holds a NaN or an infinity (such a cell makes"
                + " every later token that attends to it NaN, masked or not)",
                assertThrows(LlamaException.State.class, () -> SequenceStateLayout.parse(bad, 256, true)).getMessage());
        // a large finite value is fine
        byte[] big = good.clone();
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putShort(keys0 + 6, (short) 0x7bff); // 65504
        assertEquals(cells, SequenceStateLayout.parse(big, 256, true).cells());
    }

    @Test
    void theTypesWithoutCheckableValuesPass() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 16; i++) {
            b.putInt(i * 4, 0x7fc00000); // F32 NaN
        }
        assertEquals(0, SequenceStateLayout.firstNonFinite(b, 0, 64, 0));
        assertEquals(-1, SequenceStateLayout.firstNonFinite(b, 0, 64, 12)); // Q4_K: not checked
        ByteBuffer q8 = ByteBuffer.allocate(68).order(ByteOrder.LITTLE_ENDIAN);
        q8.put(40, (byte) 0xff).put(41, (byte) 0x7f); // inside the first block's quants: any byte is a valid quant
        assertEquals(-1, SequenceStateLayout.firstNonFinite(q8, 0, 68, 8));
        q8.putShort(34, (short) 0x7c00); // the second block's scale: +inf
        assertEquals(34, SequenceStateLayout.firstNonFinite(q8, 0, 68, 8));
    }

    /** The message for {@code good} with the 32-bit field at {@code offset} set to {@code value}. */
    private static String refused(byte[] good, int offset, int value) {
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return assertThrows(LlamaException.State.class, () -> SequenceStateLayout.parse(bad, 256, true)).getMessage();
    }
}
