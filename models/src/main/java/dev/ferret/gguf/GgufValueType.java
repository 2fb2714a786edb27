package dev.ferret.gguf;

/** The types a GGUF metadata value can have ({@code enum gguf_type} in gguf.h), stored as a uint32 before each value. */
public enum GgufValueType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    /** uint64 length + UTF-8 bytes, no terminator. */
    STRING(8, 8),
    /** uint32 element type + uint64 count + the elements. */
    ARRAY(9, 12),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private static final GgufValueType[] BY_ID = values();

    private final int id;
    private final int minBytes;

    GgufValueType(int id, int minBytes) {
        this.id = id;
        this.minBytes = minBytes;
    }

    /** The {@code gguf_type} id written in the file. */
    public int id() {
        return id;
    }

    /**
     * The fewest bytes one value of this type takes: its exact size for numbers, the length prefix for a string,
     * type and count for an array. Counts read from a file are checked against it before anything is allocated.
     */
    public int minBytes() {
        return minBytes;
    }

    /** Whether values are integers (of any width or signedness). */
    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
            default -> false;
        };
    }

    /** The type with this id, or {@code null} if the id is unknown. */
    public static GgufValueType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }
}
