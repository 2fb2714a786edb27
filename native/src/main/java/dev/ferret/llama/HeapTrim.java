package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Gives memory that llama.cpp freed back to the operating system, where the C library allows it (glibc's
 * {@code malloc_trim}; elsewhere nothing happens).
 *
 * <p>Why: a context's buffers are large. glibc serves the first ones with mmap and returns them on free,
 * but each such free raises its mmap threshold (up to 32 MiB), so later buffers come from the heaps of the
 * threads that made them and stay resident after free. With sessions opened and closed by several threads,
 * a process with nothing open was measured holding 1.6 GiB that way (the stress test, 8 threads, 40 s).
 *
 * <p>Why later and not at once: memory given back must be faulted in again by the next context, and
 * trimming after every close made opening and closing a context about 3 times slower (measured on a busy
 * machine). So {@link #soon()}, called when a context or model is freed, trims once no free has happened
 * for {@link #QUIET_MS} milliseconds, on one daemon thread: bursts of sessions pay nothing, and a process
 * that went quiet shrinks. Thread-safe.
 */
public final class HeapTrim {
    /** How long after the last free the trim runs. */
    public static final long QUIET_MS = 2000;

    private static final MethodHandle MALLOC_TRIM = find();
    private static final Object LOCK = new Object();
    private static long lastRequest;
    private static boolean pending;
    private static Thread worker;
    private static final AtomicLong TRIMS = new AtomicLong();

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

    /** Trims {@link #QUIET_MS} after the last call of this, on a daemon thread. */
    public static void soon() {
        if (MALLOC_TRIM == null) {
            return;
        }
        synchronized (LOCK) {
            lastRequest = System.nanoTime();
            pending = true;
            if (worker == null) {
                worker = Thread.ofPlatform().daemon().name("ferret-heap-trim").start(HeapTrim::loop);
            }
            LOCK.notifyAll();
        }
    }

    private static void loop() {
        while (true) {
            long waitNanos;
            synchronized (LOCK) {
                while (!pending) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        // a daemon; nothing owns it to stop it
                    }
                }
                waitNanos = lastRequest + TimeUnit.MILLISECONDS.toNanos(QUIET_MS) - System.nanoTime();
                if (waitNanos <= 0) {
                    pending = false;
                }
            }
            if (waitNanos > 0) {
                LockSupport.parkNanos(waitNanos);
            } else {
                trim();
            }
        }
    }

    /** Returns free heap pages to the system now; milliseconds on a large heap. */
    public static void trim() {
        if (MALLOC_TRIM == null) {
            return;
        }
        try {
            int _ = (int) MALLOC_TRIM.invokeExact(0L);
            TRIMS.incrementAndGet();
        } catch (Throwable e) {
            // nothing to give back is not an error
        }
    }

    /** How many trims ran in this process (for tests). */
    public static long trims() {
        return TRIMS.get();
    }
}
