package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * Gives memory that llama.cpp freed back to the operating system, where the C library allows it (glibc's
 * {@code malloc_trim}; elsewhere nothing happens).
 *
 * <p>Why: a context's buffers are large. glibc serves the first ones with mmap and returns them on free,
 * but each such free raises its mmap threshold (up to 32 MiB), so later buffers come from the heaps of the
 * threads that made them and stay resident after free. With sessions opened and closed by several threads,
 * a process with nothing open was measured holding 1.6 GiB that way (the stress test, 8 threads, 40 s);
 * trimming after each close keeps it near the memory actually in use.
 */
public final class HeapTrim {
    private static final MethodHandle MALLOC_TRIM = find();

    private HeapTrim() {}

    private static MethodHandle find() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("malloc_trim")
                .map(s -> linker.downcallHandle(s, FunctionDescriptor.of(JAVA_INT, JAVA_LONG)))
                .orElse(null);
    }

    /** True when the C library has {@code malloc_trim} (glibc). */
    public static boolean available() {
        return MALLOC_TRIM != null;
    }

    /** Returns free heap pages to the system; a few milliseconds at most on a large heap. */
    public static void trim() {
        if (MALLOC_TRIM == null) {
            return;
        }
        try {
            int _ = (int) MALLOC_TRIM.invokeExact(0L);
        } catch (Throwable e) {
            // nothing to give back is not an error
        }
    }
}
