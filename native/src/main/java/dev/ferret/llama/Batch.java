package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A {@code llama_batch} from {@code llama_batch_init}: room for {@link #capacity()} tokens, each with a
 * position, up to {@code maxSeqPerToken} sequence ids and a flag asking for its logits. Owns its native
 * arrays; {@link #close()} frees them.
 */
public final class Batch implements AutoCloseable {
    private final MemorySegment struct;
    private final int capacity;
    private final int maxSeqPerToken;
    private final MemorySegment tokens;
    private final MemorySegment pos;
    private final MemorySegment nSeqId;
    private final MemorySegment seqIds;
    private final MemorySegment logits;
    private int size;
    private boolean closed;

    public Batch(int capacity, int maxSeqPerToken) {
        if (capacity <= 0 || maxSeqPerToken <= 0) {
            throw new IllegalArgumentException("batch capacity and sequences per token must be positive");
        }
        LlamaBackend.get();
        this.capacity = capacity;
        this.maxSeqPerToken = maxSeqPerToken;
        // the struct travels by value; keep our own copy of it in GC-managed memory
        this.struct = Arena.ofAuto().allocate(Structs.BATCH);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment init = LlamaH.llama_batch_init(a, capacity, 0, maxSeqPerToken);
            struct.copyFrom(init);
        }
        this.tokens = struct.get(ADDRESS, off("token")).reinterpret(4L * capacity);
        this.pos = struct.get(ADDRESS, off("pos")).reinterpret(4L * capacity);
        this.nSeqId = struct.get(ADDRESS, off("n_seq_id")).reinterpret(4L * capacity);
        this.seqIds = struct.get(ADDRESS, off("seq_id")).reinterpret(8L * capacity);
        this.logits = struct.get(ADDRESS, off("logits")).reinterpret(capacity);
    }

    private static long off(String f) {
        return Structs.offset(Structs.BATCH, f);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public void clear() {
        check();
        size = 0;
    }

    private void check() {
        if (closed) {
            throw new LlamaException.Closed("batch");
        }
    }

    /** Appends a token of sequence {@code seq} at {@code position}; returns its index in the batch. */
    public int add(int token, int position, int seq, boolean wantLogits) {
        return add(token, position, new int[] {seq}, wantLogits);
    }

    public int add(int token, int position, int[] seqs, boolean wantLogits) {
        check();
        if (size >= capacity) {
            throw new IllegalStateException("batch is full (" + capacity + " tokens)");
        }
        if (seqs.length == 0 || seqs.length > maxSeqPerToken) {
            throw new IllegalArgumentException("a token needs 1.." + maxSeqPerToken + " sequence ids, got " + seqs.length);
        }
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        int i = size++;
        tokens.setAtIndex(JAVA_INT, i, token);
        pos.setAtIndex(JAVA_INT, i, position);
        nSeqId.setAtIndex(JAVA_INT, i, seqs.length);
        MemorySegment ids = seqIdsOf(i);
        for (int s = 0; s < seqs.length; s++) {
            ids.setAtIndex(JAVA_INT, s, seqs[s]);
        }
        logits.set(JAVA_BYTE, i, (byte) (wantLogits ? 1 : 0));
        return i;
    }

    public int token(int i) {
        return tokens.getAtIndex(JAVA_INT, i);
    }

    public int position(int i) {
        return pos.getAtIndex(JAVA_INT, java.util.Objects.checkIndex(i, size));
    }

    /** The sequence ids of the token at batch index {@code i}. */
    public int[] sequences(int i) {
        int n = nSeqId.getAtIndex(JAVA_INT, java.util.Objects.checkIndex(i, size));
        return seqIdsOf(i).asSlice(0, 4L * n).toArray(JAVA_INT);
    }

    /** The native array of sequence ids of batch index {@code i} (room for {@code maxSeqPerToken}). */
    private MemorySegment seqIdsOf(int i) {
        return seqIds.getAtIndex(ADDRESS, i).reinterpret(4L * maxSeqPerToken);
    }

    void validate(int nVocab, int nSeqMax) {
        check();
        for (int i = 0; i < size; i++) {
            int t = tokens.getAtIndex(JAVA_INT, i);
            if (t < 0 || t >= nVocab) {
                throw new IllegalArgumentException("token id " + t + " at batch index " + i + " is outside the vocabulary [0, " + nVocab + ")");
            }
            MemorySegment ids = seqIdsOf(i);
            for (int s = 0; s < nSeqId.getAtIndex(JAVA_INT, i); s++) {
                int seq = ids.getAtIndex(JAVA_INT, s);
                if (seq < 0 || seq >= nSeqMax) {
                    throw new IllegalArgumentException("sequence id " + seq + " at batch index " + i + " outside [0, " + nSeqMax + ")");
                }
            }
        }
    }

    MemorySegment struct() {
        check();
        struct.set(JAVA_INT, off("n_tokens"), size);
        return struct;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        struct.set(JAVA_INT, off("n_tokens"), 0);
        LlamaH.llama_batch_free(struct);
    }
}
