package dev.ferret.gguf;

/**
 * The tensor element types of ggml ({@code enum ggml_type} in ggml.h, llama.cpp b4916), with the two numbers
 * needed to size any tensor in a real file: how many elements one block holds and how many bytes it takes.
 *
 * <p>Every type a GGUF file may carry is listed, not only the ones Ferret can quantize, because a Q4_K_M file
 * mixes Q4_K, Q6_K, Q5_0 and F32 tensors and the reader must still compute where each one ends. Ids that ggml
 * has retired (4, 5, 31..33, 36..38) are absent, so {@link #byId} treats them as unknown, as ggml does.
 */
public enum GgufType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q8_1(9, 32, 36),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    Q8_K(15, 256, 292),
    IQ2_XXS(16, 256, 66),
    IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98),
    IQ1_S(19, 256, 50),
    IQ4_NL(20, 32, 18),
    IQ3_S(21, 256, 110),
    IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    IQ1_M(29, 256, 56),
    BF16(30, 1, 2),
    TQ1_0(34, 256, 54),
    TQ2_0(35, 256, 66);

    private static final GgufType[] BY_ID = new GgufType[64];

    static {
        for (GgufType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final int blockSize;
    private final int bytesPerBlock;

    GgufType(int id, int blockSize, int bytesPerBlock) {
        this.id = id;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
    }

    /** The {@code ggml_type} id stored in a tensor info. */
    public int id() {
        return id;
    }

    /** Elements per block; a tensor's row length (ne0) must be a multiple of it. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes one block of {@link #blockSize()} elements takes on disk. */
    public int bytesPerBlock() {
        return bytesPerBlock;
    }

    /** Whether elements are stored in multi-element blocks (the quantized types). */
    public boolean isBlockQuantized() {
        return blockSize > 1;
    }

    /**
     * Bytes taken by {@code elements} elements, which must be a multiple of the block size.
     *
     * @throws ArithmeticException if the size does not fit in a long
     * @throws IllegalArgumentException if {@code elements} is negative or not a whole number of blocks
     */
    public long bytesFor(long elements) {
        if (elements < 0 || elements % blockSize != 0) {
            throw new IllegalArgumentException(elements + " elements are not a whole number of " + name() + " blocks of " + blockSize);
        }
        return Math.multiplyExact(elements / blockSize, (long) bytesPerBlock);
    }

    /** The type with this {@code ggml_type} id, or {@code null} for an unknown or retired id. */
    public static GgufType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }
}
