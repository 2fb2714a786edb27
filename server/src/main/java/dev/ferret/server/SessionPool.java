package dev.ferret.server;

import dev.ferret.engine.Adapter;
import dev.ferret.engine.ParallelContext;
import dev.ferret.engine.ParallelSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of the server's {@link ParallelContext}, one per sequence, lent to one request at a time. A request
 * gets the free session whose cache shares the longest start with its prompt (the earlier turns of the same
 * conversation, usually), so follow-up turns evaluate only what is new; when none is free it waits in line.
 *
 * <p>Thread-safe.
 */
final class SessionPool implements AutoCloseable {
    private final List<ParallelSession> free = new ArrayList<>();
    private final int size;
    private int waiting;
    private boolean closed;

    SessionPool(ParallelContext context, Adapter lora) {
        for (int i = 0; i < context.sequences(); i++) {
            ParallelSession s = context.newSession();
            if (lora != null) {
                s.setAdapter(lora, 1f);
            }
            free.add(s);
        }
        size = free.size();
    }

    /** Waits for a free session; the one whose history best matches {@code prompt}. */
    ParallelSession acquire(int[] prompt) throws InterruptedException {
        synchronized (this) {
            waiting++;
            try {
                while (free.isEmpty() && !closed) {
                    wait();
                }
                if (closed) {
                    throw ApiError.unavailable("the server is shutting down");
                }
                ParallelSession best = free.getFirst();
                int bestLen = -1;
                for (ParallelSession s : free) {
                    int[] h = s.history();
                    int n = 0;
                    while (n < h.length && n < prompt.length && h[n] == prompt[n]) {
                        n++;
                    }
                    if (n > bestLen) {
                        bestLen = n;
                        best = s;
                    }
                }
                free.remove(best);
                return best;
            } finally {
                waiting--;
            }
        }
    }

    synchronized void release(ParallelSession s) {
        free.add(s);
        notifyAll();
    }

    /** Requests waiting for a session. */
    synchronized int waiting() {
        return waiting;
    }

    /** Sessions lent out now. */
    synchronized int busy() {
        return size - free.size();
    }

    int size() {
        return size;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
