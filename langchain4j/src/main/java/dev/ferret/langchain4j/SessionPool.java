package dev.ferret.langchain4j;

import dev.ferret.engine.Model;
import dev.ferret.engine.Session;
import dev.langchain4j.exception.LangChain4jException;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@code size} sessions of one model (each its own llama.cpp context and KV cache), made when first needed.
 * A caller takes the idle session whose cached tokens share the longest prefix with its prompt, so a conversation
 * that comes back (LangChain4j resends the whole history every turn) usually finds its own cache and only the new
 * turn is evaluated. When all sessions are busy, callers wait.
 */
final class SessionPool implements AutoCloseable {
    private final Model model;
    private final int size;
    private final List<Session> idle = new ArrayList<>();
    private int created;
    private int busy;
    private boolean closed;

    SessionPool(Model model, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("sessions must be at least 1, got " + size);
        }
        this.model = model;
        this.size = size;
    }

    /** A session for {@code prompt}, waiting while all are busy. */
    synchronized Session acquire(int[] prompt) {
        while (!closed && idle.isEmpty() && created == size) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LangChain4jException("interrupted while waiting for a free Ferret session", e);
            }
        }
        if (closed) {
            throw new LangChain4jException("the Ferret chat model is closed");
        }
        Session best = null;
        int bestShared = -1;
        for (Session s : idle) {
            int shared = sharedPrefix(s.history(), prompt);
            if (shared > bestShared) {
                best = s;
                bestShared = shared;
            }
        }
        // a fresh session beats an idle one that shares nothing, which keeps another conversation's cache
        if (created < size && bestShared <= 0) {
            best = model.newSession();
            created++;
        } else {
            idle.remove(best);
        }
        busy++;
        return best;
    }

    /** Gives a session back (closes it when the pool was closed meanwhile). */
    synchronized void release(Session s) {
        busy--;
        if (closed) {
            s.close();
        } else {
            idle.add(s);
        }
        notifyAll();
    }

    /** Closes the idle sessions now and waits for busy ones to come back, then closes those too. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        idle.forEach(Session::close);
        idle.clear();
        notifyAll();
        boolean interrupted = false;
        while (busy > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int sharedPrefix(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
