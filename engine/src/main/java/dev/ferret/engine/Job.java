package dev.ferret.engine;

import dev.ferret.engine.sampling.StopMatcher;
import dev.ferret.engine.sampling.Utf8Decoder;
import dev.ferret.llama.SamplerChain;
import java.util.Arrays;
import java.util.Map;

/**
 * One generation (or prefill) of a {@link ParallelSession} while the {@link DecodeLoop} runs it. Two sides:
 * <ul>
 * <li>the loop's: prompt progress, the sampler chain, stop handling and output tokens, touched only by the
 *     loop's thread;</li>
 * <li>the caller's: text pieces not yet handed to the listener (one per emitting token, as a {@link Session}
 *     hands them out) and the end (a {@link Generation} or an error), guarded by this object's monitor. The
 *     caller waits on it and calls its listener on its own thread, so a slow listener never holds up the other
 *     sequences.</li>
 * </ul>
 * {@link #cancel()} may be called from any thread; the loop sees it before its next decode.
 */
final class Job {
    final ParallelSession session;
    final int[] prompt;
    /** Null for a prefill: the prompt is evaluated and nothing sampled. */
    final GenerationRequest request;
    /** The adapters (and scales) this job runs under; the loop batches it only with jobs under the same set. */
    final Map<Adapter, Float> adapters;

    // --- the loop's side --------------------------------------------------------------------------
    SamplerChain chain;
    private StopMatcher stops;
    private final Utf8Decoder utf8 = new Utf8Decoder();
    private final StringBuilder text = new StringBuilder();
    /** prompt[0, fed) is in the session's cache. */
    int fed;
    /** Prompt tokens that were in the cache (the session's own or copied from another sequence) before the job. */
    int reused;
    /** Of {@link #reused}: tokens whose cells were copied from another sequence. */
    int shared;
    /** A sampled token that continues the generation and is decoded in the next step; -1 when none. */
    int next = -1;
    private int[] out = new int[16];
    private int n;
    int decoded;
    long started;
    long firstToken;
    FinishReason reason;
    boolean done;

    // --- any thread -------------------------------------------------------------------------------
    private volatile boolean cancelled;

    // --- the caller's side (guarded by this) ------------------------------------------------------
    private final java.util.ArrayDeque<String> unread = new java.util.ArrayDeque<>();
    private Object end;

    Job(ParallelSession session, int[] prompt, GenerationRequest request, Map<Adapter, Float> adapters) {
        this.session = session;
        this.prompt = prompt;
        this.request = request;
        this.adapters = adapters;
    }

    boolean isPrefill() {
        return request == null;
    }

    /** Still evaluating its prompt. */
    boolean prompting() {
        return fed < prompt.length;
    }

    /** Asks the loop to end this job before its next decode (finish reason {@link FinishReason#CANCELLED}). */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Loop: sampling and stop handling are ready; the prompt is about to be evaluated. */
    void begin(SamplerChain chain) {
        this.chain = chain;
        this.stops = new StopMatcher(request.stopStrings());
        this.started = System.nanoTime();
    }

    /**
     * Loop: takes one sampled token (not yet decoded) into the output. False when the generation ends here: an
     * end-of-generation token (not kept), a stop string completed (token kept, text cut before the stop),
     * cancellation, the token budget, or a full sequence ({@code cached} tokens in a cache of {@code room}).
     */
    boolean consume(Model model, int token, int cached, int room) {
        if (firstToken == 0) {
            firstToken = System.nanoTime();
        }
        if (model.isEndOfGeneration(token)) {
            reason = FinishReason.END_OF_GENERATION;
            return false;
        }
        keep(token);
        StopMatcher.Step step = stops.offer(utf8.decode(model.piece(token)));
        emit(step.emit());
        if (step.stopped()) {
            reason = FinishReason.STOP_STRING;
            return false;
        }
        if (cancelled) {
            reason = FinishReason.CANCELLED;
            return false;
        }
        reason = FinishReason.limitReached(request, n, cached, room);
        return reason == null;
    }

    /** Loop: the generation ended with {@link #reason}; flushes held-back text and hands the result over. */
    void finish() {
        if (stops.matched() == null && reason != FinishReason.CANCELLED) {
            // no stop string matched: whatever was held back is real output
            String tail = utf8.flush();
            boolean stopped = false;
            if (!tail.isEmpty()) {
                StopMatcher.Step s = stops.offer(tail);
                emit(s.emit());
                if (s.stopped()) {
                    reason = FinishReason.STOP_STRING;
                    stopped = true;
                }
            }
            if (!stopped) {
                emit(stops.flush());
            }
        }
        long now = System.nanoTime();
        long first = firstToken == 0 ? now : firstToken;
        complete(new Generation(text.toString(), Arrays.copyOf(out, n), reason, stops.matched(), prompt.length, reused,
                decoded, (first - started) / 1e6, (now - first) / 1e6, SpecStats.NONE));
    }

    /** Loop: frees the sampler chain (idempotent). */
    void release() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
    }

    /** Loop: a prefill ended; {@code evaluated} prompt tokens were run through the model. */
    void finishPrefill() {
        complete(new Session.Prefill(reused, prompt.length - reused));
    }

    private void keep(int token) {
        if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = token;
    }

    int generated() {
        return n;
    }

    private void emit(String s) {
        if (s.isEmpty()) {
            return;
        }
        text.append(s);
        synchronized (this) {
            unread.add(s);
            notifyAll();
        }
    }

    /** Loop (or a closing thread): the job ends with {@code e}. */
    void fail(RuntimeException e) {
        complete(e);
    }

    private synchronized void complete(Object result) {
        done = true;
        if (end == null) {
            end = result;
            notifyAll();
        }
    }

    // --- the caller's side ------------------------------------------------------------------------

    /**
     * Caller: hands the text to {@code listener} as it arrives, until the job ends; returns the generation.
     * A listener that returns false cancels the job; the result then holds the text the listener saw and
     * ends with {@link FinishReason#CANCELLED}. An interrupt cancels it too (the flag stays set). A listener
     * that throws cancels the job, and its exception is rethrown once the loop has let go of the job.
     */
    Generation deliver(TokenListener listener) {
        StringBuilder seen = new StringBuilder();
        boolean listening = true;
        boolean interrupted = false;
        RuntimeException thrown = null;
        Error error = null;
        Object result;
        while (true) {
            String chunk;
            synchronized (this) {
                while (unread.isEmpty() && end == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        listening = false;
                        cancelled = true;
                    }
                }
                if (unread.isEmpty()) {
                    result = end;
                    break;
                }
                chunk = unread.poll();
            }
            if (!listening) {
                continue;
            }
            seen.append(chunk);
            try {
                if (!listener.onText(chunk)) {
                    listening = false;
                    cancelled = true;
                }
            } catch (RuntimeException e) {
                thrown = e;
                listening = false;
                cancelled = true;
            } catch (Error e) {
                error = e;
                listening = false;
                cancelled = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
        if (thrown != null) {
            throw thrown;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        Generation g = (Generation) result;
        if (cancelled) {
            return new Generation(seen.toString(), g.tokens(), FinishReason.CANCELLED, null, g.promptTokens(), g.reusedTokens(),
                    g.decodedTokens(), g.promptMillis(), g.generateMillis(), g.speculative());
        }
        return g;
    }

    /** Caller: waits for the end of a prefill. */
    Session.Prefill awaitPrefill() {
        Object result;
        boolean interrupted = false;
        synchronized (this) {
            while (end == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            result = end;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return (Session.Prefill) result;
    }
}
