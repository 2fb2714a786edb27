package dev.ferret.engine;

import dev.ferret.llama.Batch;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.SamplerChain;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that uses a {@link ParallelContext}'s llama.cpp context (continuous batching). Each step it
 * <ol>
 * <li>runs queued housekeeping (a session's reset, state save or restore, close) between decodes;</li>
 * <li>starts queued jobs: reuses the longest common prefix of the job's prompt with what its sequence holds,
 *     or copies a longer one from another sequence's cells ({@code llama_kv_self_seq_cp});</li>
 * <li>fills one batch: the pending token of every generating job, then prompt tokens of starting jobs up to
 *     n_batch, all of one adapter set (llama.cpp applies adapters per context, so jobs under different sets
 *     take turns, step by step);</li>
 * <li>decodes it once, and samples each job's next token from its own row of logits with its own sampler chain;
 *     stop strings, end-of-generation tokens, budgets and cancellation end jobs one by one.</li>
 * </ol>
 * When llama.cpp finds no run of free cells for the batch in the cache ({@code LlamaException.Decode#noKvSlot}:
 * the free cells are scattered), the batch is split in halves and retried; a single token that finds no room ends its job with {@link EngineException.ContextOverflow}.
 *
 * <p>Thread-safe entry points: {@link #submit}, {@link #call}, {@link #stop}; everything else runs on the loop's
 * own thread.
 */
final class DecodeLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(DecodeLoop.class.getName());

    private final ParallelContext owner;
    private final Model model;
    private final LlamaContext ctx;
    private final Batch batch;
    private final Thread thread;

    private final Object lock = new Object();
    private final ArrayDeque<Job> incoming = new ArrayDeque<>();
    private final ArrayDeque<FutureTask<?>> tasks = new ArrayDeque<>();
    private boolean stopping;

    private final List<Job> active = new ArrayList<>();
    private Map<Adapter, Float> applied = Map.of();
    private int turn;

    final AtomicLong decodeCalls = new AtomicLong();
    final AtomicLong tokensDecoded = new AtomicLong();
    final AtomicLong promptTokensEvaluated = new AtomicLong();
    final AtomicLong promptTokensReused = new AtomicLong();
    final AtomicLong tokensGenerated = new AtomicLong();
    final AtomicLong jobsFinished = new AtomicLong();
    volatile int kvUsed;
    volatile int running;
    volatile int waiting;

    DecodeLoop(ParallelContext owner, Model model, LlamaContext ctx, Batch batch, String name) {
        this.owner = owner;
        this.model = model;
        this.ctx = ctx;
        this.batch = batch;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Queues a job; it is started before the next decode. */
    void submit(Job job) {
        synchronized (lock) {
            if (stopping) {
                throw owner.closedError();
            }
            incoming.add(job);
            waiting = incoming.size();
            lock.notifyAll();
        }
    }

    /** Runs {@code work} on the loop's thread between two decodes and returns its result (exceptions unwrapped). */
    <T> T call(Callable<T> work) {
        if (onLoopThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(work);
        synchronized (lock) {
            if (stopping) {
                throw owner.closedError();
            }
            tasks.add(task);
            lock.notifyAll();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // housekeeping is short: finish waiting, keep the flag
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (java.util.concurrent.CancellationException e) {
                    throw owner.closedError();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the loop to end after the step in flight; queued and running jobs fail with Closed. Does not wait. */
    void requestStop() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
    }

    /** Ends the loop ({@link #requestStop}) and waits for its thread, unless called on it. */
    void stop() {
        requestStop();
        if (!onLoopThread()) {
            Monitors.uninterruptibly(() -> !thread.isAlive(), thread::join);
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                List<FutureTask<?>> todo;
                List<Job> fresh;
                synchronized (lock) {
                    while (!stopping && incoming.isEmpty() && tasks.isEmpty() && active.isEmpty()) {
                        lock.wait();
                    }
                    if (stopping) {
                        break;
                    }
                    todo = new ArrayList<>(tasks);
                    tasks.clear();
                    fresh = new ArrayList<>(incoming);
                    incoming.clear();
                    waiting = 0;
                }
                // every native call of a step holds a lease, so the context (and the model) is never freed under it;
                // a close in flight refuses the lease, and the loop ends
                NativeGuard.Lease lease;
                try {
                    lease = owner.guard().shared();
                } catch (EngineException.Closed e) {
                    for (FutureTask<?> t : todo) {
                        t.cancel(false);
                    }
                    for (Job j : fresh) {
                        j.done = true;
                        j.fail(owner.closedError());
                    }
                    failAll(owner.closedError());
                    break;
                }
                try (lease) {
                    for (FutureTask<?> t : todo) {
                        t.run();
                    }
                    for (Job j : fresh) {
                        start(j);
                    }
                    for (Job j : List.copyOf(active)) {
                        if (j.cancelled() && !j.isPrefill()) {
                            j.reason = FinishReason.CANCELLED;
                            end(j);
                        }
                    }
                    running = active.size();
                    if (!active.isEmpty()) {
                        step();
                    }
                    kvUsed = ctx.kvUsedCells();
                    running = active.size();
                    if (!owner.isOpen()) {
                        failAll(owner.closedError()); // free the jobs' sampler chains while the model is held
                    }
                }
            }
        } catch (InterruptedException e) {
            LOG.log(System.Logger.Level.WARNING, "decode loop interrupted; closing it");
        } catch (Throwable t) {
            if (t instanceof EngineException.Closed || !owner.isOpen()) {
                failAll(owner.closedError()); // the model or the context closed during a step (a model call said so)
            } else {
                LOG.log(System.Logger.Level.ERROR, "decode loop failed; its jobs end with an error", t);
                failAll(new EngineException.Native("the decode loop failed: " + t, t));
            }
        } finally {
            List<FutureTask<?>> left;
            List<Job> queued;
            synchronized (lock) {
                stopping = true;
                left = new ArrayList<>(tasks);
                tasks.clear();
                queued = new ArrayList<>(incoming);
                incoming.clear();
                waiting = 0;
            }
            for (FutureTask<?> t : left) {
                t.cancel(false);
            }
            for (Job j : queued) {
                j.fail(owner.closedError());
            }
            failAll(owner.closedError());
            running = 0;
        }
    }

    private void failAll(RuntimeException e) {
        for (Job j : List.copyOf(active)) {
            drop(j, e);
        }
    }

    /** Ends {@code j} with {@code why}: out of the loop, its sampler chain freed. */
    private void drop(Job j, RuntimeException why) {
        active.remove(j);
        j.done = true;
        j.release();
        j.fail(why);
    }

    /** Removes a job of {@code session} from the loop (it ends with {@code why}); for a session's close. */
    void abandon(ParallelSession session, RuntimeException why) {
        for (Job j : List.copyOf(active)) {
            if (j.session == session) {
                drop(j, why);
            }
        }
    }

    /** Loop thread: {@code a} is closing; its jobs end with Closed, and nothing computed under it stays. */
    void dropAdapter(Adapter a) {
        EngineException.Closed why = new EngineException.Closed("adapter " + a.path().getFileName());
        for (Job j : List.copyOf(active)) {
            if (j.adapters.containsKey(a)) {
                drop(j, why);
            }
        }
        if (applied.containsKey(a)) {
            ctx.clearAdapters();
            applied = Map.of();
        }
        for (ParallelSession s : owner.sharingCandidates()) {
            if (s.cacheAdapters().containsKey(a)) {
                s.truncate(ctx, 0);
                s.cacheAdapters(Map.of());
            }
        }
    }

    // --- starting a job ---------------------------------------------------------------------------

    private void start(Job job) {
        try {
            for (Adapter a : job.adapters.keySet()) {
                a.lora(); // Closed if the adapter was closed meanwhile
            }
            ParallelSession s = job.session;
            if (!s.cacheAdapters().equals(job.adapters)) {
                s.truncate(ctx, 0); // the cells hold the old adapters' effect
                s.cacheAdapters(job.adapters);
            }
            int own = ParallelSession.commonPrefix(s.historyView(), s.historySize(), job.prompt);
            // the last prompt token is evaluated again for a generation: its logits are needed
            int limit = job.isPrefill() ? job.prompt.length : job.prompt.length - 1;
            ParallelSession src = null;
            int best = own;
            for (ParallelSession other : owner.sharingCandidates()) {
                if (other == s || !other.cacheAdapters().equals(job.adapters)) {
                    continue;
                }
                int m = ParallelSession.commonPrefix(other.historyView(), other.historySize(), job.prompt);
                if (m > best) {
                    best = m;
                    src = other;
                }
            }
            int keep = Math.min(own, limit);
            if (src != null && Math.min(best, limit) > keep) {
                int upto = Math.min(best, limit);
                s.truncate(ctx, keep);
                ctx.kvCopy(src.sequence(), s.sequence(), keep, upto);
                s.append(job.prompt, keep, upto);
                job.shared = upto - keep;
                keep = upto;
            }
            s.truncate(ctx, keep);
            job.fed = keep;
            job.reused = keep;
            promptTokensReused.addAndGet(keep);
            if (job.isPrefill()) {
                job.started = System.nanoTime();
                if (!job.prompting()) {
                    job.done = true;
                    job.finishPrefill();
                    return;
                }
            } else {
                SamplerChain chain = Samplers.chain(model, job.request);
                Samplers.acceptPromptTail(chain, job.request, job.prompt);
                job.begin(chain);
            }
            active.add(job);
        } catch (RuntimeException e) {
            job.done = true;
            job.release();
            job.fail(e);
        }
    }

    // --- one step ---------------------------------------------------------------------------------

    /** A token of one job in the batch being built. */
    private static final class Item {
        final Job job;
        final int token;
        final int pos;
        final boolean logits;
        int index;

        Item(Job job, int token, int pos, boolean logits) {
            this.job = job;
            this.token = token;
            this.pos = pos;
            this.logits = logits;
        }
    }

    private void step() {
        Map<Adapter, Float> group = pickGroup();
        if (!applyAdapters(group)) {
            return;
        }
        List<Item> items = new ArrayList<>();
        int cap = batch.capacity();
        for (Job j : active) {
            if (j.adapters.equals(group) && j.next >= 0 && items.size() < cap) {
                items.add(new Item(j, j.next, j.session.historySize(), true));
            }
        }
        for (Job j : active) {
            if (!j.adapters.equals(group) || !j.prompting()) {
                continue;
            }
            int room = cap - items.size();
            if (room <= 0) {
                break;
            }
            int n = Math.min(room, j.prompt.length - j.fed);
            for (int i = j.fed; i < j.fed + n; i++) {
                boolean last = i == j.prompt.length - 1;
                items.add(new Item(j, j.prompt[i], i, last && !j.isPrefill()));
            }
        }
        if (!items.isEmpty()) {
            run(items);
        }
    }

    /** The adapter set to run this step: the sets of the active jobs take turns. */
    private Map<Adapter, Float> pickGroup() {
        LinkedHashSet<Map<Adapter, Float>> groups = new LinkedHashSet<>();
        for (Job j : active) {
            groups.add(j.adapters);
        }
        if (groups.size() == 1) {
            return groups.iterator().next();
        }
        List<Map<Adapter, Float>> list = new ArrayList<>(groups);
        return list.get(Math.floorMod(turn++, list.size()));
    }

    /** Sets {@code group} on the context; false (and the group's jobs failed) when one of its adapters was closed. */
    private boolean applyAdapters(Map<Adapter, Float> group) {
        if (group.equals(applied)) {
            return true;
        }
        try {
            ctx.clearAdapters();
            applied = Map.of();
            for (Map.Entry<Adapter, Float> e : group.entrySet()) {
                ctx.setAdapter(e.getKey().lora(), e.getValue());
            }
            applied = group;
            return true;
        } catch (RuntimeException e) {
            RuntimeException why = e instanceof LlamaException le ? new EngineException.Native(le.getMessage(), le) : e;
            ctx.clearAdapters();
            applied = Map.of();
            for (Job j : List.copyOf(active)) {
                if (j.adapters.equals(group)) {
                    drop(j, why);
                }
            }
            return false;
        }
    }

    /** Decodes {@code items} in one call (halving on "no room"), then samples the jobs whose logits it computed. */
    private void run(List<Item> items) {
        items.removeIf(i -> i.job.done);
        if (items.isEmpty()) {
            return;
        }
        batch.clear();
        for (Item i : items) {
            i.index = batch.add(i.token, i.pos, i.job.session.sequence(), i.logits);
        }
        try {
            ctx.decode(batch);
        } catch (LlamaException.Decode e) {
            if (e.noKvSlot() && items.size() > 1) { // too few consecutive free cells: smaller halves may fit
                int half = items.size() / 2;
                List<Item> second = new ArrayList<>(items.subList(half, items.size()));
                run(new ArrayList<>(items.subList(0, half)));
                run(second);
                return;
            }
            RuntimeException why = !owner.isOpen() ? owner.closedError() : e.noKvSlot()
                    ? new EngineException.ContextOverflow(ctx.kvUsedCells() + 1, ctx.contextSize(), "the shared KV cache (every sequence's cells)")
                    : new EngineException.Native(e.getMessage(), e);
            for (Item i : items) {
                if (!i.job.done) {
                    drop(i.job, why);
                }
            }
            return;
        } catch (RuntimeException e) {
            for (Item i : items) {
                if (!i.job.done) {
                    drop(i.job, e);
                }
            }
            return;
        }
        decodeCalls.incrementAndGet();
        tokensDecoded.addAndGet(items.size());
        for (Item i : items) {
            Job j = i.job;
            j.session.append(i.token);
            j.decoded++;
            if (j.prompting()) {
                j.fed++;
                promptTokensEvaluated.incrementAndGet();
            } else {
                j.next = -1;
            }
        }
        // jobs whose row held a NaN or an infinity, with their errors: they fail after the cache is cleared
        Map<Job, RuntimeException> poisoned = new LinkedHashMap<>();
        for (Item i : items) {
            Job j = i.job;
            if (j.done) {
                continue;
            }
            if (j.isPrefill()) {
                if (!j.prompting()) {
                    active.remove(j);
                    j.done = true;
                    j.finishPrefill();
                }
                continue;
            }
            if (!i.logits) {
                continue;
            }
            int token;
            try {
                token = Samplers.sample(j.chain, ctx, i.index, model);
            } catch (RuntimeException e) {
                if (e instanceof EngineException.InvalidModel) {
                    active.remove(j);
                    j.done = true;
                    poisoned.put(j, e);
                } else {
                    drop(j, e);
                }
                continue;
            }
            boolean goOn = j.consume(model, token, j.session.historySize(), owner.sequenceContext());
            if (goOn) {
                j.next = token;
                tokensGenerated.incrementAndGet();
            } else {
                if (j.reason != FinishReason.END_OF_GENERATION) {
                    tokensGenerated.incrementAndGet();
                }
                end(j);
            }
        }
        if (!poisoned.isEmpty()) {
            clearPoisonedCache(poisoned);
        }
    }

    /**
     * Loop thread, after a logits row with a NaN or an infinity: the cells that decode wrote may hold non-finite keys
     * or values, and llama.cpp's attention turns such a cell into NaN for every sequence of the context, not only its
     * own (a masked cell's score is NaN before the mask is added). Removing the cells leaves their bytes in place;
     * only a clear zeroes them. So the jobs still running end with {@link EngineException.InvalidModel} as well (their
     * next rows would be NaN), every session's cache is emptied, and the cache is cleared: later generations start
     * afresh instead of failing one after another. The jobs end only after the clear ({@code failed} with their own
     * errors, the others with this one), so a caller that sees its generation fail sees every session emptied.
     */
    private void clearPoisonedCache(Map<Job, RuntimeException> failed) {
        EngineException.InvalidModel why = new EngineException.InvalidModel("a logits row of this parallel context held a NaN"
                + " or an infinity, and its shared KV cache was cleared (cells with non-finite values reach every sequence)", null);
        try {
            for (ParallelSession s : owner.sharingCandidates()) {
                s.truncate(ctx, 0);
            }
            ctx.kvClear();
        } finally {
            failed.forEach(this::drop);
            for (Job j : List.copyOf(active)) {
                drop(j, why);
            }
        }
    }

    private void end(Job j) {
        active.remove(j);
        j.done = true;
        jobsFinished.incrementAndGet();
        try {
            j.finish();
        } finally {
            j.release();
        }
    }
}
