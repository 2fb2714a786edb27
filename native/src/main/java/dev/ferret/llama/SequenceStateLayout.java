package dev.ferret.llama;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of one sequence's KV state as {@code llama_state_seq_get_data} writes it (b4916 and b4980, the
 * unified KV cache; read from {@code llama_kv_cache_unified::state_write}), checked in Java before
 * {@code llama_state_seq_set_data} sees the bytes. llama.cpp trusts them: a cell count of 0xFFFFFFF0 makes it
 * reserve memory for that many cells before noticing that the buffer is short, and random bytes make it hang.
 *
 * <p>Layout, little-endian:
 * <pre>
 * u32 cell_count
 * cell_count x { i32 pos; u32 n_seq_id (0 for one sequence) }
 * u32 v_trans; u32 n_layer
 * n_layer x { i32 k_type; u64 k_row_bytes; cell_count x k_row_bytes }
 * v_trans = 0: n_layer x { i32 v_type; u64 v_row_bytes; cell_count x v_row_bytes }
 * v_trans = 1: n_layer x { i32 v_type; u32 v_element_bytes; u32 v_rows; v_rows x cell_count x v_element_bytes }
 * </pre>
 * Parsing never allocates in proportion to a count read from the bytes, and every count is checked against
 * what is left before it is used, so any input is parsed or refused in time linear in its length. The keys and
 * values must be finite ({@link #firstNonFinite} names the types checked): a cell holding a NaN or an infinity makes
 * every later token of the context NaN, even a token that the mask hides it from, since the mask is added to a score
 * that is NaN already.
 *
 * @param cells     cell_count
 * @param vTransposed v_trans
 * @param keys      per layer: key type and row size
 * @param values    per layer: value type and row size (element size and row count when transposed)
 */
public record SequenceStateLayout(int cells, boolean vTransposed, List<Rows> keys, List<Rows> values) {
    /** One layer's K or V block: ggml type, and either bytes per cell, or (transposed V) bytes per element and rows. */
    public record Rows(int type, long rowBytes, int elementBytes, int rows) {
    }

    /** GGML_TYPE_COUNT in b4916/b4980: types are below it. */
    private static final int GGML_TYPE_COUNT = 39;

    /**
     * Parses {@code state}, requiring at most {@code maxCells} cells, each with a non-negative position and no
     * sequence ids of its own, and nothing after the last block.
     *
     * @param firstPositions the cells hold positions 0 to cells-1, each once (a prefix saved from position 0), in any
     *                       order: a sequence of a context shared by several keeps its cells wherever the cache had
     *                       room, so a later position may sit in an earlier cell; llama.cpp restores them in the
     *                       saved order, and attention masks by position, not by cell
     * @throws LlamaException.State naming the field that is wrong
     */
    public static SequenceStateLayout parse(byte[] state, int maxCells, boolean firstPositions) {
        return parse(state, maxCells, firstPositions, null);
    }

    /**
     * {@link #parse(byte[], int, boolean)} that also checks each header field against {@code reference} (the
     * layout of the context's own state, see {@link #checkFits}) as soon as it is read, so that the message names
     * the first field that differs rather than what a wrong size made of the bytes after it.
     */
    public static SequenceStateLayout parse(byte[] state, int maxCells, boolean firstPositions, SequenceStateLayout reference) {
        ByteBuffer b = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
        long cellCount = u32(b, "cell_count");
        if (cellCount > maxCells) {
            throw fail("cell_count is " + cellCount + ", but the context holds " + maxCells + " cells");
        }
        int cells = (int) cellCount;
        need(b, 8L * cells, "the " + cells + " cells' positions");
        // cells <= maxCells (the context's size) here, so this is bounded by the context, not by the bytes
        java.util.BitSet seen = firstPositions ? new java.util.BitSet(cells) : null;
        for (int i = 0; i < cells; i++) {
            int pos = b.getInt();
            long nSeq = Integer.toUnsignedLong(b.getInt());
            if (nSeq != 0) {
                throw fail("cell " + i + ": n_seq_id is " + nSeq + " (a one-sequence state has 0)");
            }
            if (pos < 0) {
                throw fail("cell " + i + ": pos is " + pos + ", must not be negative");
            }
            if (firstPositions) {
                if (pos >= cells) {
                    throw fail("cell " + i + ": pos is " + pos + ", but a prefix of " + cells + " cells has positions 0 to " + (cells - 1));
                }
                if (seen.get(pos)) {
                    throw fail("cell " + i + ": pos " + pos + " appears twice");
                }
                seen.set(pos);
            }
        }
        long vTrans = u32(b, "v_trans");
        if (vTrans > 1) {
            throw fail("v_trans is " + vTrans + " (must be 0 or 1)");
        }
        if (reference != null && (vTrans == 1) != reference.vTransposed) {
            throw fail("v_trans is " + vTrans + ", this context's is " + (reference.vTransposed ? 1 : 0) + " (flash attention differs)");
        }
        long nLayer = u32(b, "n_layer");
        if (reference != null && nLayer != reference.keys.size()) {
            throw fail("n_layer is " + nLayer + ", the model has " + reference.keys.size());
        }
        // each layer needs at least 12 bytes of keys and 12 of values
        if (nLayer == 0 || nLayer > b.remaining() / 24) {
            throw fail("n_layer is " + nLayer + ", which " + b.remaining() + " remaining bytes cannot hold");
        }
        List<Rows> keys = new ArrayList<>();
        for (int il = 0; il < nLayer; il++) {
            keys.add(block(b, "layer " + il + " keys", cells, reference == null ? null : reference.keys.get(il)));
        }
        List<Rows> values = new ArrayList<>();
        for (int il = 0; il < nLayer; il++) {
            Rows want = reference == null ? null : reference.values.get(il);
            values.add(vTrans == 0 ? block(b, "layer " + il + " values", cells, want) : transposed(b, "layer " + il + " values", cells, want));
        }
        if (b.hasRemaining()) {
            throw fail(b.remaining() + " bytes follow the last layer (the state is " + state.length + " bytes, its layout "
                    + b.position() + ")");
        }
        return new SequenceStateLayout(cells, vTrans == 1, List.copyOf(keys), List.copyOf(values));
    }

    /**
     * Checks that this state fits a context whose own (empty) state has {@code reference}'s layout: the same
     * V layout, layer count, and per layer the same types and sizes.
     */
    public void checkFits(SequenceStateLayout reference) {
        if (vTransposed != reference.vTransposed) {
            throw fail("v_trans is " + (vTransposed ? 1 : 0) + ", this context's is " + (reference.vTransposed ? 1 : 0)
                    + " (flash attention differs)");
        }
        if (keys.size() != reference.keys.size()) {
            throw fail("n_layer is " + keys.size() + ", the model has " + reference.keys.size());
        }
        for (int il = 0; il < keys.size(); il++) {
            same("layer " + il + " keys", keys.get(il), reference.keys.get(il));
            same("layer " + il + " values", values.get(il), reference.values.get(il));
        }
    }

    /** The layout of {@code ctx}'s own state for sequence 0 while it is empty, or null for a layout not known here. */
    static SequenceStateLayout reference(LlamaContext ctx) {
        try {
            if (ctx.kvUsedCells() != 0) {
                return null;
            }
            return parse(ctx.sequenceState(0), ctx.contextSize(), true);
        } catch (LlamaException e) {
            return null;
        }
    }

    /** Bytes of a state with this layout's layers and {@code n} cells. */
    public long bytesFor(int n) {
        long total = 4 + 8L * n + 8;
        for (Rows k : keys) {
            total += 12 + k.rowBytes * n;
        }
        for (Rows v : values) {
            total += 12 + (vTransposed ? (long) v.elementBytes * v.rows * n : v.rowBytes * n);
        }
        return total;
    }

    private static void same(String what, Rows got, Rows want) {
        if (got.type != want.type) {
            throw fail(what + ": type is " + got.type + ", this context's is " + want.type);
        }
        if (got.rowBytes != want.rowBytes) {
            throw fail(what + ": row size is " + got.rowBytes + " bytes, this context's is " + want.rowBytes);
        }
        if (got.elementBytes != want.elementBytes) {
            throw fail(what + ": element size is " + got.elementBytes + " bytes, this context's is " + want.elementBytes);
        }
        if (got.rows != want.rows) {
            throw fail(what + ": " + got.rows + " rows, this context's has " + want.rows);
        }
    }

    private static Rows block(ByteBuffer b, String what, int cells, Rows want) {
        int type = type(b, what);
        long row = u64(b, what + " row size");
        if (row <= 0 || row > Integer.MAX_VALUE) {
            throw fail(what + ": row size is " + Long.toUnsignedString(row) + " bytes");
        }
        Rows got = new Rows(type, row, 0, 0);
        if (want != null) {
            same(what, got, want);
        }
        skipFinite(b, times(row, cells), type, what, what + " (" + cells + " rows of " + row + " bytes)", at -> at / row);
        return got;
    }

    private static Rows transposed(ByteBuffer b, String what, int cells, Rows want) {
        int type = type(b, what);
        long element = u32(b, what + " element size");
        long rows = u32(b, what + " row count");
        if (element == 0 || element > 64 || rows == 0 || rows > Integer.MAX_VALUE) {
            throw fail(what + ": element size " + element + ", " + rows + " rows");
        }
        Rows got = new Rows(type, 0, (int) element, (int) rows);
        if (want != null) {
            same(what, got, want);
        }
        skipFinite(b, times(times(element, rows), cells), type, what,
                what + " (" + rows + " rows of " + cells + " elements of " + element + " bytes)", at -> (at / element) % cells);
        return got;
    }

    /**
     * Skips a block of {@code bytes} bytes of ggml {@code type}, refusing it when it is short or holds a non-finite
     * value; {@code cellOf} maps a byte offset in the block to the cell it belongs to, for the message.
     */
    private static void skipFinite(ByteBuffer b, long bytes, int type, String what, String shape, java.util.function.LongUnaryOperator cellOf) {
        need(b, bytes, shape);
        long bad = firstNonFinite(b, b.position(), bytes, type);
        if (bad >= 0) {
            throw fail(what + ": cell " + cellOf.applyAsLong(bad) + " holds a NaN or an infinity (such a cell makes every later"
                    + " token that attends to it NaN, masked or not)");
        }
        b.position(b.position() + (int) bytes);
    }

    /**
     * The offset (from {@code start}) of the first non-finite value in {@code bytes} bytes of ggml {@code type}, or -1.
     * Checked: F32, F16 and BF16 values, and the F16 scales of Q4_0 and Q8_0 blocks (the KV cache types llama.cpp
     * offers besides those have scales in other places; they are not checked). A non-finite number is one whose
     * exponent bits are all set.
     */
    static long firstNonFinite(ByteBuffer b, int start, long bytes, int type) {
        int end = (int) (start + bytes);
        return switch (type) {
            case 0 -> floats(b, start, end); // F32
            case 1 -> halves(b, start, end, 2, 0x7c00); // F16
            case 30 -> halves(b, start, end, 2, 0x7f80); // BF16
            case 2 -> halves(b, start, end, 18, 0x7c00); // Q4_0: f16 scale, 16 bytes of nibbles
            case 8 -> halves(b, start, end, 34, 0x7c00); // Q8_0: f16 scale, 32 bytes
            default -> -1;
        };
    }

    private static long floats(ByteBuffer b, int start, int end) {
        for (int i = start; i + 4 <= end; i += 4) {
            if ((b.getInt(i) & 0x7f800000) == 0x7f800000) {
                return i - start;
            }
        }
        return -1;
    }

    /** The offset of the first 16-bit value, one every {@code stride} bytes, whose {@code exponent} bits are all set. */
    private static long halves(ByteBuffer b, int start, int end, int stride, int exponent) {
        for (int i = start; i + 2 <= end; i += stride) {
            if ((b.getShort(i) & exponent) == exponent) {
                return i - start;
            }
        }
        return -1;
    }

    private static int type(ByteBuffer b, String what) {
        need(b, 4, what + " type");
        int type = b.getInt();
        if (type < 0 || type >= GGML_TYPE_COUNT) {
            throw fail(what + ": type is " + type + ", not a ggml type");
        }
        return type;
    }

    private static long u32(ByteBuffer b, String field) {
        need(b, 4, field);
        return Integer.toUnsignedLong(b.getInt());
    }

    private static long u64(ByteBuffer b, String field) {
        need(b, 8, field);
        return b.getLong();
    }

    /** a x b, or -1 (never enough bytes) when it overflows. */
    private static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static void need(ByteBuffer b, long bytes, String what) {
        if (bytes < 0 || bytes > b.remaining()) {
            throw fail("truncated at " + what + ": needs " + bytes + " bytes, " + b.remaining() + " left (offset " + b.position() + ")");
        }
    }

    private static LlamaException.State fail(String why) {
        return new LlamaException.State("invalid sequence state: " + why);
    }
}
