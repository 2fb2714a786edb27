package dev.ferret.server;

import dev.ferret.engine.ParallelContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code GET /metrics} reports, in Prometheus' text format (version 0.0.4): requests by endpoint and status,
 * prompt and completion tokens, completion tokens per second over the last minute, requests waiting for a
 * sequence, sequences in use, KV cache cells in use, decode calls and tokens per decode.
 *
 * <p>Thread-safe: counters are adders; the per-second window is an array of atomic buckets.
 */
final class ServerMetrics {
    private static final int WINDOW = 60;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder drafted = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    /** Completion tokens per second, bucket = epoch second % WINDOW; stamps say which second a bucket holds. */
    private final AtomicLongArray perSecond = new AtomicLongArray(WINDOW);
    private final AtomicLongArray stamps = new AtomicLongArray(WINDOW);

    void request(String endpoint, int status) {
        requests.computeIfAbsent(endpoint + "\u0000" + status, k -> new LongAdder()).increment();
    }

    void tokens(int prompt, int completion) {
        promptTokens.add(prompt);
        completionTokens.add(completion);
    }

    /** A generated token was handed out now (streamed or not). */
    void generated(int n) {
        long sec = System.currentTimeMillis() / 1000;
        int i = (int) (sec % WINDOW);
        long stamp = stamps.get(i);
        if (stamp != sec && stamps.compareAndSet(i, stamp, sec)) {
            perSecond.set(i, 0);
        }
        perSecond.addAndGet(i, n);
    }

    /** A speculative generation's proposals and how many the model kept. */
    void drafted(int proposed, int kept) {
        drafted.add(proposed);
        accepted.add(kept);
    }

    void cancelled() {
        cancelled.increment();
    }

    private double tokensPerSecond() {
        long now = System.currentTimeMillis() / 1000;
        long sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            long stamp = stamps.get(i);
            if (stamp > now - WINDOW && stamp < now) { // full seconds only
                sum += perSecond.get(i);
            }
        }
        return sum / (double) (WINDOW - 1);
    }

    /**
     * The text of {@code /metrics}; {@code pool} is null while the model loads, {@code context} also when a draft
     * model serves (through a session of its own).
     */
    String render(boolean ready, ParallelContext context, SessionPool pool) {
        StringBuilder sb = new StringBuilder(2048);
        gauge(sb, "ferret_ready", "1 when the model is loaded and requests are served", ready ? 1 : 0);
        sb.append("# HELP ferret_requests_total HTTP requests by endpoint and status\n# TYPE ferret_requests_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(requests).entrySet()) {
            String[] k = e.getKey().split("\u0000");
            sb.append("ferret_requests_total{endpoint=\"").append(k[0]).append("\",status=\"").append(k[1]).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
        counter(sb, "ferret_prompt_tokens_total", "prompt tokens of finished requests", promptTokens.sum());
        counter(sb, "ferret_completion_tokens_total", "completion tokens of finished requests", completionTokens.sum());
        counter(sb, "ferret_requests_cancelled_total", "generations ended because the client went away", cancelled.sum());
        sb.append("# HELP ferret_tokens_per_second completion tokens per second over the last minute\n"
                + "# TYPE ferret_tokens_per_second gauge\nferret_tokens_per_second ").append(String.format(java.util.Locale.ROOT, "%.3f", tokensPerSecond()))
                .append('\n');
        if (pool != null) {
            ParallelContext.Stats s = context == null ? null : context.stats();
            gauge(sb, "ferret_queue_depth", "requests waiting for a free sequence", pool.waiting() + (s == null ? 0 : s.queued()));
            gauge(sb, "ferret_sequences", "sequences of the context (requests served at once)", pool.size());
            gauge(sb, "ferret_sequences_busy", "sequences serving a request now", pool.busy());
            if (s != null) { // with --draft one session of its own serves: no shared context to report on
                gauge(sb, "ferret_kv_cells_used", "KV cache cells in use (a cell shared by sequences counts once)", s.kvCellsUsed());
                gauge(sb, "ferret_kv_cells", "KV cache cells", s.kvCells());
                counter(sb, "ferret_decode_calls_total", "llama_decode calls", s.decodeCalls());
                counter(sb, "ferret_decoded_tokens_total", "tokens those decode calls carried (prompt and generated)", s.tokensDecoded());
                counter(sb, "ferret_prompt_tokens_reused_total", "prompt tokens found in the cache instead of evaluated", s.promptTokensReused());
            }
        }
        counter(sb, "ferret_draft_tokens_total", "tokens a draft model proposed (--draft)", drafted.sum());
        counter(sb, "ferret_draft_tokens_accepted_total", "proposed tokens the model kept (--draft)", accepted.sum());
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, long v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(v).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, long v) {
        sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(v).append('\n');
    }
}
