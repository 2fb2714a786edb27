package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The abort callback of one {@link LlamaContext} ({@code llama_context_params.abort_callback}). ggml's CPU
 * backend asks it after every graph node; when it answers true, the running {@code llama_decode} stops and
 * returns 2 ({@link LlamaException.Decode#code()}), and {@link LlamaContext#decode} takes the batch's cells back
 * out of the KV cache. That is how a decode in flight on one thread is stopped from another: {@link #request()} from any
 * thread, or an interrupt of the thread named by {@link #watch(Thread)}.
 *
 * <p>Backends that do not call the callback (GPU kernels) finish their current graph first; the decode after
 * it is refused at once. Thread-safe.
 */
public final class AbortSignal {
    private static final MethodHandle CHECK;

    static {
        try {
            CHECK = MethodHandles.lookup().findVirtual(AbortSignal.class, "shouldAbort",
                    MethodType.methodType(boolean.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile boolean requested;
    private volatile Thread watched;
    private long calls; // a statistic; plain, so that counting costs no fence per graph node

    AbortSignal() {}

    /** A native function pointer that calls {@link #shouldAbort}; it lives as long as {@code arena}. */
    MemorySegment upcallStub(Arena arena) {
        return Linker.nativeLinker().upcallStub(CHECK.bindTo(this), FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS), arena);
    }

    /** Asks the decode in flight (and every later one, until {@link #clear()}) to stop. Any thread. */
    public void request() {
        requested = true;
    }

    /** Lets decodes run again. */
    public void clear() {
        requested = false;
    }

    public boolean isRequested() {
        return requested;
    }

    /** Also stop while {@code thread} is interrupted (null: stop watching). */
    public void watch(Thread thread) {
        watched = thread;
    }

    /** True when {@code thread} is the one watched for interrupts. */
    boolean watches(Thread thread) {
        return watched == thread;
    }

    /** How many times native code asked (a measure of the callback's cost: about one call per graph node). */
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
