package dev.ferret.llama;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Platform threads with a stack of {@link #STACK_BYTES}, on which every native tokenization runs, and every call
 * into llama.cpp's grammar code ({@link SamplerChain} with a grammar step).
 *
 * <p>llama.cpp's regex pre-tokenizer recurses once per character of a match, about 300 bytes of native stack
 * per character (measured: 296 with b4916, 330 with b4980). The caller's stack is unknown (1 MiB for a default
 * Java thread, less for some pool threads, and partly used already), so tokenization does not run there. Here
 * the stack is known, and {@link Vocab} keeps what it hands llama.cpp within {@link Vocab#MAX_SPAN} characters
 * per match: 8,192 x 330 bytes is 2.7 MiB, a sixth of this stack. The stack is reserved address space; only the
 * pages a call touches are committed.
 *
 * <p>llama.cpp's grammar code recurses once per rule reference it follows, when the sampler is made and for
 * every token; {@link GbnfCheck#MAX_DEPTH} keeps that to a small part of this stack (see there).
 *
 * <p>The pool holds at most one thread per processor; idle threads end after 30 s. A call made from one of these
 * threads runs inline. The calling thread waits without being interruptible (the native call cannot be
 * stopped) and keeps its interrupt flag.
 */
public final class TokenizerThreads {
    /** Stack size of a tokenizer thread. */
    public static final long STACK_BYTES = 16L << 20;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadPoolExecutor POOL;

    static {
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        POOL = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), Worker::new);
        POOL.allowCoreThreadTimeOut(true);
    }

    private TokenizerThreads() {
    }

    /** A thread of the pool; its stack size is {@link #STACK_BYTES}. */
    private static final class Worker extends Thread {
        Worker(Runnable r) {
            super(null, r, "ferret-tokenizer-" + COUNT.incrementAndGet(), STACK_BYTES);
            setDaemon(true);
        }
    }

    /** True on a tokenizer thread. */
    public static boolean isTokenizerThread() {
        return Thread.currentThread() instanceof Worker;
    }

    /**
     * Runs {@code work} on a tokenizer thread and returns its result; its unchecked exceptions and errors are
     * rethrown here as they are.
     */
    public static <T> T call(Supplier<T> work) {
        if (isTokenizerThread()) {
            return work.get();
        }
        Future<T> f = POOL.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
