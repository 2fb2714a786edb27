package dev.ferret.server;

import dev.ferret.engine.Adapter;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.KvSession;
import dev.ferret.engine.ParallelSession;
import dev.ferret.engine.Session;
import dev.ferret.engine.TokenListener;
import dev.ferret.engine.speculative.Drafter;
import java.util.Map;

/**
 * One place a request is served, lent to one request at a time by the {@link SessionPool}: a sequence of the
 * server's shared {@link dev.ferret.engine.ParallelContext} (its tokens batched with the other sequences'), or,
 * with {@code --draft}, a {@link Session} with a context of its own and a draft model that proposes tokens for it
 * (the engine decodes speculatively only on a session that owns its context).
 *
 * <p>Not thread-safe: the pool hands it to one request at a time.
 */
final class Lane implements AutoCloseable {
    private final KvSession session;
    private final Drafter drafter;

    private Lane(KvSession session, Drafter drafter) {
        this.session = session;
        this.drafter = drafter;
    }

    /** A sequence of the shared context. */
    static Lane of(ParallelSession s) {
        return new Lane(s, null);
    }

    /** A session of its own, decoding speculatively with {@code drafter} (owned by the lane from now on). */
    static Lane speculative(Session s, Drafter drafter) {
        return new Lane(s, drafter);
    }

    KvSession session() {
        return session;
    }

    int[] history() {
        return session.history();
    }

    Map<Adapter, Float> adapters() {
        return session.adapters();
    }

    /** Makes the next generation apply exactly {@code wanted} (adapters at other scales or not listed are dropped). */
    void useAdapters(Map<Adapter, Float> wanted) {
        Map<Adapter, Float> now = session.adapters();
        if (now.equals(wanted)) {
            return;
        }
        for (Adapter a : now.keySet()) {
            if (!wanted.containsKey(a)) {
                switch (session) {
                    case ParallelSession p -> p.removeAdapter(a);
                    case Session s -> s.removeAdapter(a);
                    default -> throw new IllegalStateException("unknown session type " + session.getClass());
                }
            }
        }
        for (Map.Entry<Adapter, Float> e : wanted.entrySet()) {
            switch (session) {
                case ParallelSession p -> p.setAdapter(e.getKey(), e.getValue());
                case Session s -> s.setAdapter(e.getKey(), e.getValue());
                default -> throw new IllegalStateException("unknown session type " + session.getClass());
            }
        }
    }

    Generation generate(int[] prompt, GenerationRequest request, TokenListener listener) {
        return switch (session) {
            case ParallelSession p -> p.generate(prompt, request, listener);
            case Session s -> s.generate(prompt, request, listener, drafter);
            default -> throw new IllegalStateException("unknown session type " + session.getClass());
        };
    }

    /** The drafter's name ("draft model ..."), or null for a plain sequence. */
    String drafterName() {
        return drafter == null ? null : drafter.name();
    }

    /** Closes the session first (a generation in progress ends with Closed), then the drafter it was using. */
    @Override
    public void close() {
        session.close();
        if (drafter != null) {
            drafter.close();
        }
    }
}
