package dev.ferret.gguf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One metadata value with its GGUF type, so that a file read and written again keeps every type as it was
 * (llama.cpp refuses a {@code uint32} key stored as {@code int32}).
 *
 * <p>How {@link #value()} holds each type:
 * <ul>
 *   <li>integer scalars: a {@link Long} (UINT64 values above {@code Long.MAX_VALUE} keep their bit pattern);
 *   <li>FLOAT32: a {@link Float}; FLOAT64: a {@link Double}; BOOL: a {@link Boolean}; STRING: a {@link String};
 *   <li>ARRAY: a primitive array by {@link #elementType()}: {@code byte[]} for UINT8/INT8, {@code boolean[]} for
 *       BOOL, {@code short[]} for UINT16/INT16, {@code int[]} for UINT32/INT32, {@code long[]} for UINT64/INT64,
 *       {@code float[]}, {@code double[]}, {@code String[]}, and {@code GgufValue[]} for nested arrays.
 * </ul>
 * Arrays are not copied: treat them as read-only.
 *
 * @param elementType the element type of an array, {@code null} for a scalar
 */
public record GgufValue(GgufValueType type, GgufValueType elementType, Object value) {
    public GgufValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if ((type == GgufValueType.ARRAY) != (elementType != null)) {
            throw new IllegalArgumentException("an element type is given for arrays and only for arrays");
        }
        Class<?> want = holderClass(type, elementType);
        if (!want.isInstance(value)) {
            throw new IllegalArgumentException(type + (elementType == null ? "" : " of " + elementType) + " needs a "
                    + want.getSimpleName() + ", not a " + value.getClass().getSimpleName());
        }
    }

    private static Class<?> holderClass(GgufValueType type, GgufValueType element) {
        return switch (type) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> Long.class;
            case FLOAT32 -> Float.class;
            case FLOAT64 -> Double.class;
            case BOOL -> Boolean.class;
            case STRING -> String.class;
            case ARRAY -> switch (element) {
                case UINT8, INT8 -> byte[].class;
                case BOOL -> boolean[].class;
                case UINT16, INT16 -> short[].class;
                case UINT32, INT32 -> int[].class;
                case UINT64, INT64 -> long[].class;
                case FLOAT32 -> float[].class;
                case FLOAT64 -> double[].class;
                case STRING -> String[].class;
                case ARRAY -> GgufValue[].class;
            };
        };
    }

    public static GgufValue uint8(int v) {
        return integer(GgufValueType.UINT8, v, 0, 0xFF);
    }

    public static GgufValue int8(int v) {
        return integer(GgufValueType.INT8, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public static GgufValue uint16(int v) {
        return integer(GgufValueType.UINT16, v, 0, 0xFFFF);
    }

    public static GgufValue int16(int v) {
        return integer(GgufValueType.INT16, v, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public static GgufValue uint32(long v) {
        return integer(GgufValueType.UINT32, v, 0, 0xFFFF_FFFFL);
    }

    public static GgufValue int32(int v) {
        return new GgufValue(GgufValueType.INT32, null, (long) v);
    }

    /** A UINT64; values above {@code Long.MAX_VALUE} are passed as their (negative) bit pattern. */
    public static GgufValue uint64(long bits) {
        return new GgufValue(GgufValueType.UINT64, null, bits);
    }

    public static GgufValue int64(long v) {
        return new GgufValue(GgufValueType.INT64, null, v);
    }

    public static GgufValue float32(float v) {
        return new GgufValue(GgufValueType.FLOAT32, null, v);
    }

    public static GgufValue float64(double v) {
        return new GgufValue(GgufValueType.FLOAT64, null, v);
    }

    public static GgufValue bool(boolean v) {
        return new GgufValue(GgufValueType.BOOL, null, v);
    }

    public static GgufValue string(String v) {
        return new GgufValue(GgufValueType.STRING, null, v);
    }

    public static GgufValue stringArray(List<String> v) {
        return new GgufValue(GgufValueType.ARRAY, GgufValueType.STRING, v.toArray(String[]::new));
    }

    public static GgufValue int32Array(int... v) {
        return new GgufValue(GgufValueType.ARRAY, GgufValueType.INT32, v);
    }

    public static GgufValue uint32Array(int... v) {
        return new GgufValue(GgufValueType.ARRAY, GgufValueType.UINT32, v);
    }

    public static GgufValue float32Array(float... v) {
        return new GgufValue(GgufValueType.ARRAY, GgufValueType.FLOAT32, v);
    }

    /** An array of any element type; {@code elements} is the primitive array listed in the class comment. */
    public static GgufValue array(GgufValueType elementType, Object elements) {
        return new GgufValue(GgufValueType.ARRAY, Objects.requireNonNull(elementType, "elementType"), elements);
    }

    private static GgufValue integer(GgufValueType type, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " does not fit " + type);
        }
        return new GgufValue(type, null, v);
    }

    public boolean isArray() {
        return type == GgufValueType.ARRAY;
    }

    /** The number of elements of an array, 1 for a scalar. */
    public int length() {
        return isArray() ? java.lang.reflect.Array.getLength(value) : 1;
    }

    /** An integer scalar's value (UINT64 as its bit pattern). */
    public long asLong() {
        if (!type.isInteger()) {
            throw new IllegalStateException(type + " is not an integer");
        }
        return (Long) value;
    }

    /** A FLOAT32 or FLOAT64 scalar's value. */
    public double asDouble() {
        return switch (value) {
            case Float f -> f;
            case Double d -> d;
            default -> throw new IllegalStateException(type + " is not a float");
        };
    }

    public boolean asBool() {
        if (!(value instanceof Boolean b)) {
            throw new IllegalStateException(type + " is not a bool");
        }
        return b;
    }

    public String asString() {
        if (!(value instanceof String s)) {
            throw new IllegalStateException(type + " is not a string");
        }
        return s;
    }

    /** Element {@code i} of an integer array as a long (unsigned types zero-extended, UINT64 as bits). */
    public long longAt(int i) {
        return switch (value) {
            case byte[] a -> elementType == GgufValueType.UINT8 ? Byte.toUnsignedLong(a[i]) : a[i];
            case short[] a -> elementType == GgufValueType.UINT16 ? Short.toUnsignedLong(a[i]) : a[i];
            case int[] a -> elementType == GgufValueType.UINT32 ? Integer.toUnsignedLong(a[i]) : a[i];
            case long[] a -> a[i];
            default -> throw new IllegalStateException(describe() + " is not an integer array");
        };
    }

    /** {@code UINT32}, or {@code ARRAY[STRING]}: the type as llama.cpp prints it. */
    public String describe() {
        return isArray() ? "ARRAY[" + elementType + "]" : type.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufValue v && type == v.type && elementType == v.elementType
                && Objects.deepEquals(value, v.value);
    }

    @Override
    public int hashCode() {
        int h = type.hashCode() * 31 + Objects.hashCode(elementType);
        return h * 31 + Arrays.deepHashCode(new Object[] {value});
    }

    @Override
    public String toString() {
        if (!isArray()) {
            return type == GgufValueType.STRING ? '"' + (String) value + '"' : type + " " + value;
        }
        int n = length();
        StringBuilder sb = new StringBuilder(describe()).append('(').append(n).append(")[");
        for (int i = 0; i < Math.min(n, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(java.lang.reflect.Array.get(value, i));
        }
        return sb.append(n > 8 ? ", ...]" : "]").toString();
    }
}
