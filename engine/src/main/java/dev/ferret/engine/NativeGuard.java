package dev.ferret.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Guards one owner of native memory (a model, a session's context) against being freed while a native call
 * uses it. Every call takes a {@link Lease} first and gives it back after; {@link #close()} refuses new
 * leases, asks the calls in flight to stop (the owner's {@code abort} action, e.g. llama.cpp's abort callback),
 * waits until every lease is back, and only then runs the owner's {@code free} action, exactly once.
 *
 * <p>Leases are <em>shared</em> (any number of threads: a model serving many sessions) or <em>exclusive</em>
 * (one thread at a time: a session). A guard may have a parent (a session's is its model's): taking a lease
 * here takes a shared lease on the parent first and gives it back last, so a parent with no leases has no
 * child in use either, and a parent's free may close its children without waiting for anyone.
 *
 * <p>A thread that holds a lease and calls {@link #close()} (a token listener closing its own session or
 * model) cannot wait for itself: close then only refuses new leases and asks for the abort, and the free
 * runs when that thread gives its last lease back. Any other thread calling close waits for the free.
 *
 * <p>Taking a lease never blocks (except {@link #exclusiveWaiting()}), so leases cannot deadlock with each
 * other. Thread-safe.
 */
final class NativeGuard {
    /** A use of the guarded owner; give it back with {@link #close()} (once). */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private enum State { OPEN, CLOSING, FREED }

    private final String what;
    private final NativeGuard parent;
    private final Runnable abort;
    private final Runnable free;
    private final Map<Thread, Integer> holders = new HashMap<>(4);
    private int leases;
    private Thread exclusive;
    /** The exclusive holder came through {@link #exclusiveWaiting()}: short housekeeping, worth waiting for. */
    private boolean housekeeping;
    private State state = State.OPEN;
    private boolean freeing;

    /**
     * @param what   names the owner in errors ("model tiny.gguf", "session")
     * @param parent the guard of the owner this one depends on, or null
     * @param abort  asks native calls in flight to stop; runs once, in the thread that calls close
     * @param free   frees the native memory; runs once, when closing and no lease is out
     */
    NativeGuard(String what, NativeGuard parent, Runnable abort, Runnable free) {
        this.what = what;
        this.parent = parent;
        this.abort = abort;
        this.free = free;
    }

    String what() {
        return what;
    }

    /** A lease any number of threads may hold at once. */
    Lease shared() {
        return acquire(false, false);
    }

    /**
     * A lease only one thread may hold at a time. Another thread holding it, or this thread holding it
     * already (a listener calling back into its own session), is a {@link EngineException.Busy}.
     */
    Lease exclusive() {
        return acquire(true, false);
    }

    /**
     * Like {@link #exclusive()}, but waits while another thread holds a lease: for short housekeeping such as
     * detaching an adapter (a call that finds housekeeping in progress waits for it too, instead of Busy).
     */
    Lease exclusiveWaiting() {
        return acquire(true, true);
    }

    private Lease acquire(boolean exclusiveUse, boolean wait) {
        Lease up = parent == null ? null : parent.shared();
        boolean ok = false;
        try {
            Thread me = Thread.currentThread();
            synchronized (this) {
                boolean interrupted = false;
                while (true) {
                    if (state != State.OPEN) {
                        throw new EngineException.Closed(what);
                    }
                    if (!exclusiveUse) {
                        if (exclusive != null && exclusive != me) {
                            throw new IllegalStateException(what + " is held exclusively; shared leases are not for it");
                        }
                        break;
                    }
                    if (leases == 0) {
                        break;
                    }
                    if (holders.containsKey(me)) {
                        throw new EngineException.Busy(what + " is already in use by this thread: a call was re-entered, e.g. from"
                                + " its own TokenListener (finish the first call, or use another session)");
                    }
                    if (!wait && !housekeeping) {
                        Thread other = exclusive;
                        throw new EngineException.Busy(what + " is in use by thread '" + (other == null ? "?" : other.getName())
                                + "'; a session serves one thread at a time (give each thread its own session)");
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    me.interrupt();
                }
                leases++;
                holders.merge(me, 1, Integer::sum);
                if (exclusiveUse) {
                    exclusive = me;
                    housekeeping = wait;
                }
            }
            ok = true;
            return new Once(up);
        } finally {
            if (!ok && up != null) {
                up.close();
            }
        }
    }

    private void release(Lease up) {
        boolean runFree = false;
        synchronized (this) {
            Thread me = Thread.currentThread();
            Integer n = holders.get(me);
            if (n == null) {
                throw new IllegalStateException("a lease on " + what + " was given back by a thread that does not hold one");
            }
            if (n == 1) {
                holders.remove(me);
            } else {
                holders.put(me, n - 1);
            }
            leases--;
            if (exclusive == me && !holders.containsKey(me)) {
                exclusive = null;
                housekeeping = false;
            }
            if (leases == 0) {
                runFree = claimFree();
                notifyAll();
            }
        }
        try {
            if (runFree) {
                runFree();
            }
        } finally {
            if (up != null) {
                up.close();
            }
        }
    }

    /** Under the lock: true if the caller is the one to run the free now. */
    private boolean claimFree() {
        if (state == State.CLOSING && leases == 0 && !freeing) {
            freeing = true;
            return true;
        }
        return false;
    }

    private void runFree() {
        try {
            free.run();
        } finally {
            synchronized (this) {
                state = State.FREED;
                notifyAll();
            }
        }
    }

    /** True while leases are granted (not closing or closed). */
    synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    /** True once the free action has run. */
    synchronized boolean isFreed() {
        return state == State.FREED;
    }

    /** True if the calling thread holds a lease. */
    synchronized boolean heldByCurrentThread() {
        return holders.containsKey(Thread.currentThread());
    }

    /**
     * Refuses new leases, runs the abort action (first call only), then waits until the leases are back and
     * the free has run; a thread holding a lease returns at once and the free runs when it gives its last
     * lease back. Idempotent; an interrupt does not end the wait (the flag is kept).
     */
    void close() {
        boolean first;
        synchronized (this) {
            first = state == State.OPEN;
            if (first) {
                state = State.CLOSING;
            }
        }
        if (first) {
            abort.run();
        }
        boolean runFree;
        synchronized (this) {
            if (holders.containsKey(Thread.currentThread())) {
                return; // our own lease: the free runs when it is given back
            }
            runFree = claimFree();
            if (!runFree) {
                Monitors.awaitUninterruptibly(this, () -> state == State.FREED);
                return;
            }
        }
        runFree();
    }

    private final class Once implements Lease {
        private final Lease up;
        private boolean done;

        Once(Lease up) {
            this.up = up;
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                release(up);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "NativeGuard[" + what + ", " + state + ", " + leases + " lease(s)]";
    }
}
