package dev.ferret.engine;

import dev.ferret.llama.LoraAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A LoRA adapter loaded on a {@link Model}, checked against the base before llama.cpp saw it. Apply it per
 * session with {@link Session#setAdapter} (or {@link ParallelSession#setAdapter}); close it (or the model) to free it.
 *
 * <p><b>Threads.</b> An adapter may be set on sessions used by different threads. {@link #close()} is safe
 * from any thread while those sessions generate: it refuses new {@code setAdapter} calls, stops the
 * generations that use the adapter (they end with {@link EngineException.Closed}), detaches the adapter from
 * every session (their KV caches are cleared, since they hold the adapter's effect), and only then frees it.
 * From a token listener of a session that uses it, close returns at once and the adapter is freed when that
 * generation ends.
 */
public final class Adapter implements AutoCloseable {
    private final Model model;
    private final LoraAdapter lora;
    private final float alpha;
    private final int rank;
    /**
     * Sessions and parallel contexts that have this adapter set: each holds the adapter's native memory in use.
     * Guarded by this.
     */
    private final Set<Object> attached = new HashSet<>();
    private boolean closing;
    private boolean freed;

    Adapter(Model model, LoraAdapter lora, float alpha, int rank) {
        this.model = model;
        this.lora = lora;
        this.alpha = alpha;
        this.rank = rank;
    }

    LoraAdapter lora() {
        if (!isOpen()) {
            throw new EngineException.Closed("adapter " + lora.path().getFileName());
        }
        return lora;
    }

    /** The native adapter for detaching it: still allocated while any session has it attached, closing or not. */
    LoraAdapter loraForDetach() {
        return lora;
    }

    /** False from the moment {@link #close()} begins (or the model's close). */
    public synchronized boolean isOpen() {
        return !closing && lora.isOpen();
    }

    synchronized boolean isClosing() {
        return closing;
    }

    public Model model() {
        return model;
    }

    public Path path() {
        return lora.path();
    }

    public float alpha() {
        return alpha;
    }

    public int rank() {
        return rank;
    }

    /** Records that {@code s} is about to set this adapter; refused once closing has begun. */
    synchronized void attach(Object s) { // a Session or a ParallelContext
        if (!isOpen()) {
            throw new EngineException.Closed("adapter " + lora.path().getFileName());
        }
        attached.add(s);
    }

    /**
     * A freed session or context ({@code s}) lets go of every adapter it had attached: {@code attached} (guarded by
     * {@code lock}) is emptied, then each adapter is {@link #detached}.
     */
    static void detachAll(Object s, Object lock, Collection<Adapter> attached) {
        List<Adapter> held;
        synchronized (lock) {
            held = new ArrayList<>(attached);
            attached.clear();
        }
        for (Adapter a : held) {
            a.detached(s);
        }
    }

    /** {@code s} no longer uses this adapter natively; the last detach of a closing adapter frees it. */
    void detached(Object s) {
        boolean free;
        synchronized (this) {
            attached.remove(s);
            free = claimFree();
            notifyAll();
        }
        if (free) {
            freeNative();
        }
    }

    /** The model is closing: no new attachments; the model's close frees the native adapter. */
    synchronized void markClosing() {
        closing = true;
    }

    /**
     * Detaches this adapter from every session and frees it. Safe from any thread at any time (see the class
     * comment). Idempotent.
     */
    @Override
    public void close() {
        List<Object> users;
        synchronized (this) {
            closing = true;
            users = new ArrayList<>(attached);
        }
        boolean deferred = false;
        for (Object s : users) {
            deferred |= !(s instanceof Session session ? session.dropAdapter(this) : ((ParallelContext) s).dropAdapter(this));
        }
        boolean free;
        synchronized (this) {
            if (deferred) {
                return; // a generation of this thread still uses it; its end detaches and frees it
            }
            Monitors.awaitUninterruptibly(this, attached::isEmpty);
            free = claimFree();
        }
        if (free) {
            freeNative();
        }
    }

    private boolean claimFree() {
        if (closing && attached.isEmpty() && !freed) {
            freed = true;
            return true;
        }
        return false;
    }

    /** No context uses the adapter any more; free it while the model is held (the model's close frees it otherwise). */
    private void freeNative() {
        model.forget(this);
        try (var _ = model.guard().shared()) {
            lora.close();
        } catch (EngineException.Closed e) {
            // the model is closing: it frees every adapter still loaded, after its sessions
        }
    }

    @Override
    public String toString() {
        return "Adapter[" + lora.path().getFileName() + ", rank " + rank + ", alpha " + alpha + "]";
    }
}
