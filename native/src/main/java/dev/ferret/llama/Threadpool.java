package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A ggml CPU threadpool ({@code ggml_threadpool_new}): worker threads that a context keeps between graph
 * computations, as {@code llama-bench}, {@code llama-cli} and {@code llama-server} attach to theirs. Without
 * one, ggml makes a throw-away pool for every {@code llama_decode}; in builds with ggml's own threads (no
 * OpenMP, e.g. the macOS libraries) that means starting and joining threads for every token.
 *
 * <p>In OpenMP builds (the Linux x86_64 {@code libjllama.so} and Ferret's b4980 CPU build) libgomp runs the
 * threads either way and ggml ignores {@link Settings#poll()} and {@link Settings#priority()}; the pool then
 * only saves two allocations per decode. libgomp's own spinning is set by {@code OMP_WAIT_POLICY} /
 * {@code GOMP_SPINCOUNT}.
 *
 * <p>The functions are reached through the CPU backend's {@code ggml_backend_reg_get_proc_address}, which also
 * works when the CPU backend is a separately loaded module; a library that exports them directly is used as a
 * fallback. One owner: the {@link LlamaContext} it was made for frees it after the context.
 */
public final class Threadpool implements AutoCloseable {
    /** ggml's {@code enum ggml_sched_priority}, in its order. */
    public enum Priority { NORMAL, MEDIUM, HIGH, REALTIME }

    /** The most threads a ggml threadpool takes ({@code GGML_MAX_N_THREADS}). */
    public static final int MAX_THREADS = 512;

    /**
     * How a context runs its CPU threads.
     *
     * @param enabled   attach a persistent threadpool (false: ggml's per-decode pool)
     * @param poll      0..100, how long idle workers poll for new work before they sleep (ggml threads only)
     * @param priority  scheduling priority of the workers (ggml threads only; above NORMAL may need privileges)
     * @param strictCpu pin each worker to its own CPU
     */
    public record Settings(boolean enabled, int poll, Priority priority, boolean strictCpu) {
        /** What llama-bench and llama-cli use: a persistent pool, poll 50, normal priority, no pinning. */
        public static final Settings DEFAULT = new Settings(true, 50, Priority.NORMAL, false);
        /** No persistent pool: ggml makes one for each graph computation. */
        public static final Settings NONE = new Settings(false, 50, Priority.NORMAL, false);

        public Settings {
            if (poll < 0 || poll > 100) {
                throw new IllegalArgumentException("threadpool poll level must be in 0..100, got " + poll);
            }
            if (priority == null) {
                throw new IllegalArgumentException("threadpool priority must not be null");
            }
        }

        public Settings withPoll(int level) {
            return new Settings(enabled, level, priority, strictCpu);
        }

        public Settings withEnabled(boolean on) {
            return new Settings(on, poll, priority, strictCpu);
        }
    }

    private MemorySegment handle;
    private final int threads;
    private final Settings settings;

    private Threadpool(MemorySegment handle, int threads, Settings settings) {
        this.handle = handle;
        this.threads = threads;
        this.settings = settings;
    }

    /** True when the loaded library offers CPU threadpools. */
    public static boolean isSupported() {
        LlamaBackend.get();
        return Functions.NEW != null;
    }

    /**
     * Starts a pool of {@code threads} workers (the calling thread counts as one, as in ggml).
     *
     * @throws IllegalArgumentException      for a thread count outside 1..{@value #MAX_THREADS}
     * @throws UnsupportedOperationException when the library has no threadpool functions
     * @throws LlamaException.ContextCreate  when ggml could not make the pool
     */
    public static Threadpool create(int threads, Settings settings) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threadpool thread count must be in 1.." + MAX_THREADS + ", got " + threads);
        }
        if (!isSupported()) {
            throw new UnsupportedOperationException("the loaded llama.cpp library has no ggml_threadpool_new (" + NativeLibrary.describe() + ")");
        }
        MemorySegment h;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(Structs.THREADPOOL_PARAMS);
            // ggml's own defaults first (all-zero cpumask = no pinning), then ours
            LlamaH.ggml_threadpool_params_init(p, threads);
            p.set(JAVA_INT, Structs.offset(Structs.THREADPOOL_PARAMS, "prio"), settings.priority().ordinal());
            p.set(JAVA_INT, Structs.offset(Structs.THREADPOOL_PARAMS, "poll"), settings.poll());
            p.set(JAVA_BOOLEAN, Structs.offset(Structs.THREADPOOL_PARAMS, "strict_cpu"), settings.strictCpu());
            p.set(JAVA_BOOLEAN, Structs.offset(Structs.THREADPOOL_PARAMS, "paused"), false);
            long mark = NativeLog.mark();
            try {
                h = (MemorySegment) Functions.NEW.invokeExact(p);
            } catch (Throwable t) {
                throw new IllegalStateException("ggml_threadpool_new failed", t);
            }
            if (h.equals(MemorySegment.NULL)) {
                throw new LlamaException.ContextCreate(LlamaException.withLog("ggml_threadpool_new(" + threads + " threads) returned NULL", NativeLog.since(mark, 4)));
            }
        }
        return new Threadpool(h, threads, settings);
    }

    public int threads() {
        return threads;
    }

    public Settings settings() {
        return settings;
    }

    public boolean isOpen() {
        return handle != null;
    }

    MemorySegment handle() {
        MemorySegment h = handle;
        if (h == null) {
            throw new LlamaException.Closed("threadpool");
        }
        return h;
    }

    /** Stops and joins the workers. Idempotent. The context using it must be detached or freed first. */
    @Override
    public void close() {
        MemorySegment h = handle;
        if (h == null) {
            return;
        }
        handle = null;
        try {
            Functions.FREE.invokeExact(h);
        } catch (Throwable t) {
            throw new IllegalStateException("ggml_threadpool_free failed", t);
        }
    }

    @Override
    public String toString() {
        return "Threadpool[" + threads + " threads, " + settings + (handle == null ? ", closed]" : "]");
    }

    /** The two CPU-backend functions, resolved once; null when the library has neither way to reach them. */
    private static final class Functions {
        static final MethodHandle NEW;
        static final MethodHandle FREE;

        static {
            MemorySegment newFn = MemorySegment.NULL;
            MemorySegment freeFn = MemorySegment.NULL;
            try (Arena a = Arena.ofConfined()) {
                MemorySegment dev = LlamaH.ggml_backend_dev_by_type(0); // GGML_BACKEND_DEVICE_TYPE_CPU
                if (!dev.equals(MemorySegment.NULL)) {
                    MemorySegment reg = LlamaH.ggml_backend_dev_backend_reg(dev);
                    if (!reg.equals(MemorySegment.NULL)) {
                        newFn = LlamaH.ggml_backend_reg_get_proc_address(reg, a.allocateFrom("ggml_threadpool_new"));
                        freeFn = LlamaH.ggml_backend_reg_get_proc_address(reg, a.allocateFrom("ggml_threadpool_free"));
                    }
                }
            } catch (UnsupportedOperationException e) {
                // a library without the backend registry: try the exported names below
            }
            if (newFn.equals(MemorySegment.NULL) || freeFn.equals(MemorySegment.NULL)) {
                newFn = LlamaH.symbol("ggml_threadpool_new");
                freeFn = LlamaH.symbol("ggml_threadpool_free");
            }
            boolean ok = !newFn.equals(MemorySegment.NULL) && !freeFn.equals(MemorySegment.NULL)
                    && !LlamaH.missing().contains("llama_attach_threadpool") && !LlamaH.missing().contains("ggml_threadpool_params_init");
            NEW = ok ? LlamaH.downcall(newFn, FunctionDescriptor.of(ADDRESS, ADDRESS)) : null;
            FREE = ok ? LlamaH.downcall(freeFn, FunctionDescriptor.ofVoid(ADDRESS)) : null;
        }
    }
}
