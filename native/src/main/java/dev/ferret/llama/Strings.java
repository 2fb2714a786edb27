package dev.ferret.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** C string helpers: calls of the "write into buf, return the length needed" kind, retried once when short. */
final class Strings {
    private Strings() {}

    interface Filler {
        int fill(MemorySegment buf, long size);
    }

    static String read(int initial, Filler f) {
        int cap = Math.max(16, initial);
        try (Arena a = Arena.ofConfined()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                MemorySegment buf = a.allocate(cap);
                int n = f.fill(buf, cap);
                if (n < 0) {
                    return "";
                }
                if (n < cap) {
                    return new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                }
                cap = n + 1;
            }
        }
        throw new IllegalStateException("native string kept growing");
    }
}
