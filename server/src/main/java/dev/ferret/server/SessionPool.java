package dev.ferret.server;

import dev.ferret.engine.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's {@link Lane}s (sequences of its context, or its one speculative session), lent to one request at a
 * time. A request gets the free lane whose cache shares the longest start with its prompt under the adapters it
 * asks for (the earlier turns of the same conversation, usually), so follow-up turns evaluate only what is new;
 * when none is free it waits in line. The lane is set to the request's adapters before it is handed out.
 *
 * <p>Thread-safe.
 */
final class SessionPool implements AutoCloseable {
    private final List<Lane> all;
    private final List<Lane> free = new ArrayList<>();
    private int waiting;
    private boolean closed;

    SessionPool(List<Lane> lanes) {
        this.all = List.copyOf(lanes);
        free.addAll(all);
    }

    /** Waits for a free lane, the one whose history best matches {@code prompt}, and sets it to {@code adapters}. */
    Lane acquire(int[] prompt, Map<Adapter, Float> adapters) throws InterruptedException {
        Lane best;
        synchronized (this) {
            waiting++;
            try {
                while (free.isEmpty() && !closed) {
                    wait();
                }
                if (closed) {
                    throw ApiError.unavailable("the server is shutting down");
                }
                best = free.getFirst();
                int bestLen = -1;
                for (Lane s : free) {
                    if (!s.adapters().equals(adapters)) {
                        continue; // its cells were computed under other weights: nothing of them is reusable
                    }
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
            } finally {
                waiting--;
            }
        }
        try {
            best.useAdapters(adapters);
        } catch (RuntimeException e) {
            release(best);
            throw e;
        }
        return best;
    }

    synchronized void release(Lane s) {
        free.add(s);
        notifyAll();
    }

    /** Requests waiting for a lane. */
    synchronized int waiting() {
        return waiting;
    }

    /** Lanes lent out now. */
    synchronized int busy() {
        return all.size() - free.size();
    }

    int size() {
        return all.size();
    }

    /** Wakes the waiting requests (they get 503) and closes every lane: generations in progress end with Closed. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        for (Lane l : all) {
            l.close();
        }
    }
}
