package dev.ferret.gguf;

import java.util.Arrays;

/**
 * One tensor as the GGUF header describes it.
 *
 * @param name     the name, verbatim ({@code blk.0.attn_q.weight})
 * @param type     the element type
 * @param dims     the shape in ggml order: {@code dims[0]} (ne0) is the row length, the one that varies fastest
 * @param offset   where the data starts, relative to the data section ({@link GgufFile#dataOffset()})
 * @param byteSize how many bytes the data takes, without padding
 */
public record GgufTensorInfo(String name, GgufType type, long[] dims, long offset, long byteSize) {
    public GgufTensorInfo {
        dims = dims.clone();
    }

    /** A copy of the shape, ne0 first. */
    @Override
    public long[] dims() {
        return dims.clone();
    }

    public int nDims() {
        return dims.length;
    }

    /** ne[i], or 1 past the last dimension, as ggml pads shapes to four dimensions. */
    public long ne(int i) {
        return i < dims.length ? dims[i] : 1;
    }

    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The row length, ne0. */
    public long rowLength() {
        return dims[0];
    }

    /** The number of rows: the product of every dimension but the first. */
    public long rowCount() {
        return elementCount() / dims[0];
    }

    /** Whether the shape is exactly {@code expected} (ne0 first), ignoring trailing dimensions of 1. */
    public boolean hasShape(long... expected) {
        for (int i = 0; i < Math.max(4, expected.length); i++) {
            long want = i < expected.length ? expected[i] : 1;
            if (ne(i) != want) {
                return false;
            }
        }
        return true;
    }

    /** The shape as ggml prints it, e.g. {@code [896, 151936]}. */
    public String shape() {
        return Arrays.toString(dims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && name.equals(t.name) && type == t.type && Arrays.equals(dims, t.dims)
                && offset == t.offset && byteSize == t.byteSize;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type.hashCode()) * 31 + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + shape() + " @" + offset + " (" + byteSize + " bytes)";
    }
}
