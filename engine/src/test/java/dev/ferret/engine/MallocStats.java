package dev.ferret.engine;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/**
 * Bytes the C heap has handed out and not had back (glibc's {@code mallinfo2}: {@code uordblks + hblkhd}).
 * Unlike RSS it does not count memory the allocator keeps after a free, so it shows a native leak plainly.
 * -1 where the C library lacks {@code mallinfo2} (glibc before 2.33, other systems).
 */
final class MallocStats {
    /** struct mallinfo2: ten size_t fields. */
    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            JAVA_LONG.withName("arena"), JAVA_LONG.withName("ordblks"), JAVA_LONG.withName("smblks"),
            JAVA_LONG.withName("hblks"), JAVA_LONG.withName("hblkhd"), JAVA_LONG.withName("usmblks"),
            JAVA_LONG.withName("fsmblks"), JAVA_LONG.withName("uordblks"), JAVA_LONG.withName("fordblks"),
            JAVA_LONG.withName("keepcost"));
    private static final MethodHandle MALLINFO2_FN = Linker.nativeLinker().defaultLookup().find("mallinfo2")
            .map(s -> Linker.nativeLinker().downcallHandle(s, FunctionDescriptor.of(MALLINFO2)))
            .orElse(null);

    private MallocStats() {}

    static long inUse() {
        if (MALLINFO2_FN == null) {
            return -1;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = (MemorySegment) MALLINFO2_FN.invokeExact((java.lang.foreign.SegmentAllocator) a);
            return s.get(JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("uordblks")))
                    + s.get(JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("hblkhd")));
        } catch (Throwable e) {
            return -1;
        }
    }
}
