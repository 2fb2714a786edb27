package dev.ferret.agent.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wall-clock budget of one tool call, enforced.
 *
 * <p>The repository is untrusted: a tool can meet a file that is slow to read, a tree of a million files, or a
 * regular expression from the model that backtracks for hours. So every call runs on a worker thread of its own
 * and the caller waits at most the budget. When the budget is spent the worker is interrupted and the caller gets
 * a {@link ToolException} that says so; it never waits longer than the budget plus a short grace.
 *
 * <p>Stopping is cooperative: the long loops of the tools (walks, line readers, regex matching through
 * {@link BoundedText}) call {@link #checkpoint()}, which throws {@link Cancelled} once the worker is interrupted,
 * and file reads through NIO channels end on interruption too. A worker blocked where Java cannot interrupt it
 * (opening a named pipe, say, which the tools never do: {@link Sandbox} opens only regular files) is a daemon
 * thread, left behind without holding up the caller or the JVM's exit.
 */
public final class CallBudget {
    /** The budget of a tool call unless the tool is given another. */
    public static final Duration DEFAULT = Duration.ofSeconds(15);

    /** How long the caller waits, after interrupting, for the worker to wind down (so it stops using CPU). */
    private static final long GRACE_MILLIS = 250;

    /**
     * Tool threads get a large stack: {@code java.util.regex} recurses per repetition, and the model's patterns
     * on long lines go deep. A stack overflow that still happens is caught and reported as such.
     */
    private static final long STACK_BYTES = 32L << 20;

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Thrown inside a worker at a {@link #checkpoint()} once its call was stopped. Never reaches a caller. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the tool call was stopped", null, false, false);
        }
    }

    /** The work of one call; may throw what the tools throw. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws ToolException, IOException;
    }

    private CallBudget() {
    }

    /**
     * Throws {@link Cancelled} if this thread's tool call was stopped (the thread is interrupted). Cheap enough
     * for inner loops.
     */
    public static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /**
     * Runs {@code work} for the tool {@code tool} within {@code budget}.
     *
     * @throws ToolException what the work threw, or a message saying that the budget was spent
     * @throws IOException   what the work threw
     */
    public static <T> T run(String tool, Duration budget, Work<T> work) throws ToolException, IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.complete(work.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "ferret-tool-" + tool + "-" + THREADS.incrementAndGet(), STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(worker);
            throw new ToolException(tool + ": stopped after " + seconds(budget) + ", the time budget of one tool "
                    + "call; nothing was returned. Narrow the path or the pattern and try again");
        } catch (InterruptedException e) {
            stop(worker);
            Thread.currentThread().interrupt();
            throw new ToolException(tool + ": interrupted");
        } catch (ExecutionException e) {
            return rethrow(e.getCause());
        }
    }

    private static void stop(Thread worker) {
        worker.interrupt();
        try {
            worker.join(GRACE_MILLIS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T rethrow(Throwable t) throws ToolException, IOException {
        switch (t) {
            case ToolException e -> throw e;
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(t);
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
