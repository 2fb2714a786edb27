package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.ferret.llama.internal.LlamaH;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * The abort callback of one {@link LlamaContext} ({@code llama_context_params.abort_callback}). ggml's CPU
 * backend asks it after every graph node; when it answers true, the running {@code llama_decode} stops and
 * returns 2 ({@link LlamaException.Decode#code()}), and llama.cpp takes the batch's cells back out of the KV
 * cache. That is how a decode in flight on one thread is stopped from another: {@link #request()} from any
 * thread, or an interrupt of the thread named by {@link #watch(Thread)}.
 *
 * <p>Two callbacks, because ggml asks after every graph node (about 700 times per token for a 24-layer model),
 * on the critical path: the other compute threads wait at the next barrier. A Java upcall there costs about a
 * microsecond, a few percent of a small model's token. So by default the callback is native: libc's
 * {@code strlen} over a two-byte flag that {@link #request()} sets to {@code "\1"} (length 1, true) and
 * {@link #clear()} to {@code ""} (length 0, false); a thread's interrupt cannot be read from native code, so a
 * batch of {@value #WATCHED_BATCH_MIN} or more tokens decoded while a thread is watched gets the Java upcall
 * instead, which also checks the interrupt. A smaller batch (one generated token, a speculative verification)
 * sees an interrupt when it starts, or else finishes first; an interrupt that comes before a decode always
 * stops it before native code runs.
 *
 * <p>Backends that do not call the callback (GPU kernels) finish their current graph first; the decode after
 * it is refused at once. Thread-safe: {@link #request()}, {@link #clear()} and {@link #watch} from any thread.
 */
public final class AbortSignal {
    /** The smallest batch that a watched thread's interrupt can stop while it runs (see the class comment). */
    public static final int WATCHED_BATCH_MIN = 32;

    private static final MethodHandle CHECK;
    private static final VarHandle BYTE = JAVA_BYTE.varHandle();
    /** libc's strlen as the native callback (NULL where the platform's lookup lacks it: then always the upcall). */
    private static final MemorySegment FLAG_READER =
            Linker.nativeLinker().defaultLookup().find("strlen").orElse(MemorySegment.NULL);

    static {
        try {
            CHECK = MethodHandles.lookup().findVirtual(AbortSignal.class, "shouldAbort",
                    MethodType.methodType(boolean.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MemorySegment flag; // [0]: 1 while requested; [1]: always 0, strlen's end
    private final MemorySegment upcall;
    private volatile boolean requested;
    private volatile Thread watched;
    private long calls; // a statistic; plain, so that counting costs no fence per graph node
    private boolean upcallInstalled; // which callback the context has; the decoding thread's alone

    /** The flag and the upcall stub live as long as {@code arena} (the context's, closed after llama_free). */
    AbortSignal(Arena arena) {
        flag = arena.allocate(2); // zeroed: not requested
        upcall = Linker.nativeLinker().upcallStub(CHECK.bindTo(this), FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS), arena);
        upcallInstalled = FLAG_READER.equals(MemorySegment.NULL);
    }

    /** The callback for the context parameters, before the context exists. */
    MemorySegment callback() {
        return upcallInstalled ? upcall : FLAG_READER;
    }

    /** Its data pointer. */
    MemorySegment callbackData() {
        return upcallInstalled ? MemorySegment.NULL : flag;
    }

    /**
     * On the decoding thread, right before {@code llama_decode} of {@code tokens} tokens on {@code ctx}: false
     * when the decode must not start (requested, or the watched thread is interrupted); else installs the
     * callback such a batch needs, if the context has the other one.
     */
    boolean arm(MemorySegment ctx, int tokens) {
        if (requested) {
            return false;
        }
        Thread t = watched;
        if (t != null && t.isInterrupted()) {
            return false;
        }
        boolean wantUpcall = FLAG_READER.equals(MemorySegment.NULL) || (t != null && tokens >= WATCHED_BATCH_MIN);
        if (wantUpcall != upcallInstalled) {
            LlamaH.llama_set_abort_callback(ctx, wantUpcall ? upcall : FLAG_READER, wantUpcall ? MemorySegment.NULL : flag);
            upcallInstalled = wantUpcall;
        }
        return true;
    }

    /** Asks the decode in flight (and every later one, until {@link #clear()}) to stop. Any thread. */
    public void request() {
        requested = true;
        setFlag((byte) 1);
    }

    /** Lets decodes run again. */
    public void clear() {
        requested = false;
        setFlag((byte) 0);
    }

    private void setFlag(byte value) {
        try {
            BYTE.setVolatile(flag, 0L, value);
        } catch (IllegalStateException closed) {
            // the context is freed (its arena closed after llama_free): no decode is left to stop or to let run
        }
    }

    public boolean isRequested() {
        return requested;
    }

    /** Also stop while {@code thread} is interrupted (null: stop watching); see the class comment for small batches. */
    public void watch(Thread thread) {
        watched = thread;
    }

    /**
     * How many times native code asked the Java upcall (about one call per graph node of the batches that use
     * it; the native callback is not counted).
     */
    public long calls() {
        return calls;
    }

    /** Called by ggml from a native thread (possibly not the decoding one): must never throw. */
    private boolean shouldAbort(MemorySegment data) {
        try {
            calls++; // racy by design: a statistic, written by one compute thread at a time
            if (requested) {
                return true;
            }
            Thread t = watched;
            return t != null && t.isInterrupted();
        } catch (Throwable e) {
            return false;
        }
    }
}
