package dev.ferret.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Byte-level surgery on GGUF files for tests of damage the writer refuses to produce. */
final class GgufBytes {
    private GgufBytes() {
    }

    /** Where the length prefix of the string {@code s} (a key or tensor name) starts; fails if absent. */
    static int stringAt(byte[] file, String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] needle = new byte[8 + text.length];
        ByteBuffer.wrap(needle).order(ByteOrder.LITTLE_ENDIAN).putLong(text.length).put(text);
        outer:
        for (int i = 0; i + needle.length <= file.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (file[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("'" + s + "' not found");
    }

    /** Where the value of metadata key {@code key} starts (after its type id). */
    static int valueAt(byte[] file, String key) {
        return stringAt(file, key) + 8 + key.getBytes(StandardCharsets.UTF_8).length + 4;
    }

    /** Where the type id of metadata key {@code key} is. */
    static int typeAt(byte[] file, String key) {
        return valueAt(file, key) - 4;
    }

    /** Where the n_dims field of tensor {@code name}'s info is. */
    static int tensorInfoAt(byte[] file, String name) {
        return stringAt(file, name) + 8 + name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Where the type id of tensor {@code name} is. */
    static int tensorTypeAt(byte[] file, String name) {
        int at = tensorInfoAt(file, name);
        int dims = getU32(file, at);
        return at + 4 + 8 * dims;
    }

    /** Where the data offset of tensor {@code name} is. */
    static int tensorOffsetAt(byte[] file, String name) {
        return tensorTypeAt(file, name) + 4;
    }

    static int getU32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static long getU64(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(at);
    }

    static byte[] putU32(byte[] b, int at, long v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) v);
        return c;
    }

    static byte[] putU64(byte[] b, int at, long v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
        return c;
    }
}
