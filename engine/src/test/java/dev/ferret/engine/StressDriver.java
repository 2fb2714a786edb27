package dev.ferret.engine;

import dev.ferret.engine.kv.PrefixCache;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.llama.HeapTrim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * N threads doing random things to shared models for a while: new sessions, generations with random
 * budgets, stop strings, grammars, sampling, adapters, drafters and listeners (some cancel, some throw, some
 * are interrupted), closing sessions, adapters, the draft model and the model itself (and loading them
 * again), prefix-state saves and restores, tokenization. Every outcome must be a result or a typed error,
 * every session a worker owns must keep its KV cache equal to its history, and the process's resident
 * memory must stay flat once warm. Run in a child JVM by {@link StressTest}.
 *
 * <p>Arguments: work folder, seconds, threads, seed. Prints a {@code STRESS} summary line; exit 0 when it
 * holds, 1 when an outcome was untyped or an invariant broke, 2 when memory grew, 3 when a thread hung.
 */
public final class StressDriver {
    static final String SYSTEM = "<|im_start|>system\nYou answer questions about code with tools.<|im_end|>\n";
    static final List<String> QUESTIONS = List.of("Which classes subclass Protocol?", "Find async functions",
            "Where is the retry policy?", "shop/api.py:12: class Client(Protocol) and shop/db.py:7: class Repo(Protocol)");
    static final List<String> STOPS = List.of("\n", "a", "the", "</tool_call>", "Protocol");
    static final List<String> GRAMMARS = List.of("root ::= [a-z ]+", "root ::= \"a\" root", "root ::= \"yes\" | \"no\"",
            "root ::= \"{\\\"name\\\": \\\"\" [a-z_]+ \"\\\"}\"");
    /**
     * Resident memory may grow this much between the end of the warm-up and the end, both with everything
     * closed. Meant for a child with {@code MALLOC_ARENA_MAX=2} (as {@link StressTest} runs it): with glibc's
     * default of 8 arenas per core, fragmented per-thread heaps kept 25 to 90 MiB more after 60-s runs and
     * 144 MiB more after 30 minutes, while the C heap's bytes in use did not grow; with two arenas, +9 MiB.
     */
    static final long RSS_BOUND = 64L << 20;
    /**
     * The resident-memory bound when the C heap's bytes in use are known and stayed within {@link #HEAP_BOUND}: then what
     * the RSS adds is memory the allocator keeps, not memory nobody freed. Seen on a fresh-clone CI run (2026-12-04):
     * RSS +79 MiB while the C heap's bytes in use grew 206 KiB; the same test alone: +14 MiB.
     */
    static final long RSS_BOUND_WITH_FLAT_HEAP = 160L << 20;
    /** The file-backed part of the RSS (mapped model files) may grow this much: a model left mapped per reload would not. */
    static final long FILE_BOUND = 16L << 20;
    /**
     * The C heap's bytes in use may grow this much over the same span. Memory the allocator keeps after a free does
     * not count, so what grows is what was not freed (a tiny model's context is over 1 MiB, and a run makes about
     * 2,000 sessions and 600 model loads: one leaked per operation is hundreds of MiB; a leak of 1 KiB per operation,
     * some 30,000 of them, is 30 MiB). Not tighter: the bytes in use at the two moments vary by themselves, both
     * ways; three 60-s runs of one commit on a fresh clone (2026-12-07) gave +18.6, +1.5 and -14.9 MiB.
     */
    static final long HEAP_BOUND = 32L << 20;

    /** Thrown by a listener on purpose. */
    static final class ListenerFailure extends RuntimeException {
        ListenerFailure() {
            super("listener failure on purpose", null, false, false);
        }
    }

    final Path dir;
    final Path baseFile;
    final Path draftFile;
    final Path adapterFile;
    final PrefixCache prefixCache;
    final ModelOptions options = ModelOptions.defaults().withContextSize(512).withThreads(1);
    final AtomicReference<Model> model = new AtomicReference<>();
    final AtomicReference<Model> draft = new AtomicReference<>();
    final List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
    final List<Adapter> adapters = Collections.synchronizedList(new ArrayList<>());
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong ops = new AtomicLong();
    final List<Thread> workers = new ArrayList<>();
    volatile boolean stop;

    StressDriver(Path dir) throws IOException {
        this.dir = dir;
        DriverModels files = DriverModels.in(dir, "stress");
        baseFile = files.base();
        draftFile = files.draft();
        adapterFile = files.adapter();
        prefixCache = new PrefixCache(dir.resolve("prefix"));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/stress");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        System.exit(new StressDriver(dir).run(seconds, threads, seed));
    }

    /**
     * Two phases, a warm-up of a fifth of the time and the rest, each ending with everything closed. The
     * resident memory after the second, minus that after the first, is what the run leaked: comparing the
     * two with the same (zero) number of live models and sessions, after the allocator and the JIT warmed up.
     */
    int run(int seconds, int threads, long seed) throws Exception {
        long start = System.nanoTime();
        AtomicLong max = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!stop) {
                max.accumulateAndGet(rss(), Math::max);
                LockSupport.parkNanos(250_000_000L);
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long warmEnd = start + seconds * 200_000_000L;
        if (!phase(threads, seed, warmEnd)) {
            report(seconds, threads, 0, 0, max.get());
            return 3;
        }
        long warm = settledRss();
        long warmHeap = MallocStats.inUse();
        long warmFile = rssFile();
        if (!phase(threads, seed + 1, start + seconds * 1_000_000_000L)) {
            report(seconds, threads, warm, 0, max.get());
            return 3;
        }
        long late = settledRss();
        long lateHeap = MallocStats.inUse();
        long lateFile = rssFile();
        stop = true;
        report(seconds, threads, warm, late, max.get());
        System.out.printf("HEAP in_use_warm_mib=%.1f in_use_end_mib=%.1f growth_kib=%d rss_file_growth_kib=%d%n",
                warmHeap / 1048576.0, lateHeap / 1048576.0, (lateHeap - warmHeap) >> 10, (lateFile - warmFile) >> 10);
        if (!problems.isEmpty()) {
            return 1;
        }
        boolean heapKnown = warmHeap >= 0 && lateHeap >= 0;
        boolean heapGrew = heapKnown && lateHeap - warmHeap > HEAP_BOUND;
        long rssBound = heapKnown && !heapGrew ? RSS_BOUND_WITH_FLAT_HEAP : RSS_BOUND;
        return late - warm > rssBound || heapGrew || lateFile - warmFile > FILE_BOUND ? 2 : 0;
    }

    /** Workers until {@code end}, then everything closed the normal way (which must work too). False on a hang. */
    private boolean phase(int threads, long seed, long end) throws Exception {
        model.set(Model.load(baseFile, options));
        draft.set(Model.load(draftFile, options));
        workers.clear();
        for (int i = 0; i < threads; i++) {
            long s = seed * 1000 + i;
            Thread t = new Thread(() -> work(new Random(s), end), "worker-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000 + 120_000));
            if (t.isAlive()) {
                problems.add("HANG: " + t.getName() + " did not finish 120 s after the end");
                dumpThreads();
                return false;
            }
        }
        List<Session> ss;
        synchronized (sessions) {
            ss = new ArrayList<>(sessions);
            sessions.clear();
        }
        ss.forEach(Session::close);
        List<Adapter> as;
        synchronized (adapters) {
            as = new ArrayList<>(adapters);
            adapters.clear();
        }
        as.forEach(Adapter::close);
        model.get().close();
        draft.get().close();
        return true;
    }

    /**
     * RSS once the garbage collector has run (Arena.ofAuto memory, cleaners) and the C heap's free pages went
     * back to the system (which {@link HeapTrim} does by itself {@link HeapTrim#QUIET_MS} after the last
     * free; done here at once so the measurement does not depend on timing).
     */
    private static long settledRss() {
        System.gc();
        LockSupport.parkNanos(200_000_000L);
        System.gc();
        HeapTrim.trim();
        System.out.println("SETTLED " + rssParts() + " heap_in_use_kib=" + (MallocStats.inUse() >> 10));
        return rss();
    }

    private void report(int seconds, int threads, long warm, long late, long max) {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        synchronized (problems) {
            problems.stream().limit(20).forEach(p -> System.out.println("PROBLEM " + p));
        }
        System.out.println("OUTCOMES " + counts);
        System.out.printf("STRESS seconds=%d threads=%d ops=%d problems=%d results=%d closed=%d busy=%d cancelled=%d"
                        + " rss_warm_mib=%d rss_end_mib=%d rss_max_mib=%d growth_mib=%d%n",
                seconds, threads, ops.get(), problems.size(), sum(counts, ":result"), sum(counts, ":closed"), sum(counts, ":busy"),
                sum(counts, ":CANCELLED"), warm >> 20, late >> 20, max >> 20, (late - warm) >> 20);
    }

    private static long sum(Map<String, Long> counts, String suffix) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(suffix) || e.getKey().contains(suffix + ":"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The anonymous and file-backed parts of the RSS, for a report line. */
    static String rssParts() {
        try {
            StringBuilder b = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("RssAnon:") || line.startsWith("RssFile:")) {
                    b.append(line.replaceAll("\\s+", " ")).append(' ');
                }
            }
            return b.toString().trim();
        } catch (IOException e) {
            return "";
        }
    }

    static long rssFile() {
        return statusKib("RssFile:") * 1024;
    }

    private static long statusKib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return 0;
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: no sample
        }
        return 0;
    }

    // --- the worker ----------------------------------------------------------------------------------

    private void work(Random rnd, long end) {
        Session own = null;
        while (System.nanoTime() < end) {
            Thread.interrupted(); // an interrupt from another worker's "cancel" is spent
            if (own == null || !own.isOpen()) {
                own = tryNewSession(rnd);
                if (own == null) {
                    continue;
                }
            }
            int dice = rnd.nextInt(100);
            String op = dice < 40 ? "generate-own" : dice < 50 ? "generate-shared" : dice < 56 ? "new-session"
                    : dice < 62 ? "adapter-set" : dice < 66 ? "adapter-load" : dice < 69 ? "adapter-close"
                    : dice < 75 ? "session-close" : dice < 77 ? "model-reload" : dice < 79 ? "draft-reload"
                    : dice < 85 ? "tokenize" : dice < 90 ? "interrupt-other" : dice < 95 ? "prefix" : "reset";
            ops.incrementAndGet();
            Session target = op.equals("generate-own") || op.equals("adapter-set") || op.equals("prefix") || op.equals("reset")
                    ? (rnd.nextInt(4) == 0 ? any(rnd, own) : own) : any(rnd, own);
            // the cache and adapters before a generation (the lease this takes is only worth it there); other
            // operations are traced by session alone
            String before = op.startsWith("generate") ? describe(target) : id(target);
            try {
                String result = switch (op) {
                    case "generate-own", "generate-shared" -> generate(rnd, target);
                    case "new-session" -> {
                        Session s = tryNewSession(rnd);
                        yield s == null ? "closed" : "result";
                    }
                    case "adapter-set" -> adapterSet(rnd, target);
                    case "adapter-load" -> adapterLoad();
                    case "adapter-close" -> {
                        Adapter a = pick(rnd, adapters);
                        if (a != null) {
                            a.close();
                        }
                        yield "result";
                    }
                    case "session-close" -> {
                        target.close();
                        yield "result";
                    }
                    case "model-reload" -> reload(model, baseFile);
                    case "draft-reload" -> reload(draft, draftFile);
                    case "tokenize" -> {
                        Model m = model.get();
                        int[] t = m.tokenize(QUESTIONS.get(rnd.nextInt(QUESTIONS.size())), rnd.nextBoolean());
                        m.detokenize(t);
                        yield "result";
                    }
                    case "interrupt-other" -> {
                        workers.get(rnd.nextInt(workers.size())).interrupt();
                        yield "result";
                    }
                    case "prefix" -> prefix(rnd, target);
                    default -> {
                        target.reset();
                        yield "result";
                    }
                };
                count(op + ":" + result);
                trace(target, op + ":" + result + " " + before);
            } catch (EngineException.Closed e) {
                count(op + ":closed");
            } catch (EngineException.Busy e) {
                count(op + ":busy");
            } catch (EngineException.ContextOverflow e) {
                count(op + ":overflow"); // a restored prefix or a prompt longer than a small session's context
            } catch (ListenerFailure e) {
                count(op + ":listener-threw");
            } catch (EngineException e) {
                if (e instanceof EngineException.InvalidModel && e.getCause() instanceof dev.ferret.llama.LlamaException.Sampler) {
                    // A logits row with a NaN or an infinity on the valid stress model. Until the engine took turns
                    // for sgemm (dev.ferret.llama.SgemmTurns), concurrent prefills left tiles of each other's
                    // attention scores unwritten, and now and then the stale bytes were NaN (bench/results/stress.md).
                    // A failure now, with what the session went through before it.
                    count(op + ":non-finite-logits");
                    problem(op + " met a non-finite logits row: " + before + " " + lastGenerate.get() + " modelOpen="
                            + target.model().isOpen() + " current=" + (target.model() == model.get()) + " sessionsOfModel="
                            + sessionsOf(target.model()) + "; before it: " + recent(target) + stack(e));
                } else if (causedBy(e, java.nio.channels.ClosedByInterruptException.class)) {
                    count(op + ":interrupted-io"); // an interrupt closed the file channel of a load or a state file
                } else {
                    problem(op + " threw " + e + stack(e));
                }
            } catch (Throwable e) {
                problem(op + " threw " + e + stack(e));
            }
            checkConsistent(own, op);
        }
    }

    private final ThreadLocal<String> lastGenerate = ThreadLocal.withInitial(() -> "");

    private String sessionsOf(Model m) {
        synchronized (sessions) {
            return sessions.stream().filter(x -> x.model() == m).count() + "/" + sessions.size();
        }
    }

    /** The last operations on each session (by identity), for the report of a non-finite row. */
    private final Map<Session, java.util.ArrayDeque<String>> traces = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private void trace(Session s, String what) {
        synchronized (traces) {
            java.util.ArrayDeque<String> d = traces.computeIfAbsent(s, k -> new java.util.ArrayDeque<>());
            d.addLast(Thread.currentThread().getName() + " " + what);
            if (d.size() > 16) {
                d.removeFirst();
            }
        }
    }

    private List<String> recent(Session s) {
        synchronized (traces) {
            return List.copyOf(traces.getOrDefault(s, new java.util.ArrayDeque<>()));
        }
    }

    private static String id(Session s) {
        return "session@" + Integer.toHexString(System.identityHashCode(s));
    }

    /** A session's state in a few words: its id, context, cached tokens, adapters (never throws). */
    private static String describe(Session s) {
        try {
            return id(s) + " model@"
                    + Integer.toHexString(System.identityHashCode(s.model())) + " ctx=" + s.contextSize() + " history="
                    + s.history().length + " posMax=" + s.kvPosMax() + " adapters=" + s.adapters().values();
        } catch (RuntimeException e) {
            return id(s) + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    private String generate(Random rnd, Session s) {
        Model m = s.model();
        String prompt = SYSTEM + "<|im_start|>user\n" + QUESTIONS.get(rnd.nextInt(QUESTIONS.size())) + "<|im_end|>\n<|im_start|>assistant\n";
        int max = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 400 : 48);
        List<String> stops = rnd.nextBoolean() ? List.of() : List.of(STOPS.get(rnd.nextInt(STOPS.size())));
        String grammar = rnd.nextInt(3) == 0 ? GRAMMARS.get(rnd.nextInt(GRAMMARS.size())) : null;
        SamplingOptions sampling = rnd.nextBoolean() ? SamplingOptions.greedy() : SamplingOptions.defaults(rnd.nextInt(1000));
        GenerationRequest r = new GenerationRequest(max, sampling, stops, Set.of(), Map.of(), grammar);
        int listenerKind = rnd.nextInt(10);
        int after = 1 + rnd.nextInt(8);
        int[] calls = {0};
        TokenListener listener = d -> {
            calls[0]++;
            if (listenerKind == 0 && calls[0] >= after) {
                return false; // cancels
            }
            if (listenerKind == 1 && calls[0] >= after) {
                throw new ListenerFailure();
            }
            if (listenerKind == 2) {
                LockSupport.parkNanos(200_000); // a slow consumer widens the windows for the other threads
            }
            return true;
        };
        boolean interruptSelf = rnd.nextInt(20) == 0;
        Drafter drafter = null;
        try {
            int kind = rnd.nextInt(6);
            if (kind == 0) {
                drafter = new PromptLookupDrafter(1, 4);
            } else if (kind == 1) {
                drafter = new DraftModelDrafter(draft.get(), m, 256, 1, 0f);
            }
            if (interruptSelf) {
                Thread.currentThread().interrupt();
            }
            lastGenerate.set("max=" + max + " stops=" + stops + " grammar=" + (grammar != null) + " greedy="
                    + sampling.equals(SamplingOptions.greedy()) + " drafter=" + (drafter == null ? "none" : drafter.getClass().getSimpleName())
                    + " listener=" + listenerKind + " interruptSelf=" + interruptSelf);
            Generation g = s.generate(prompt, r, listener, drafter);
            boolean interrupted = Thread.interrupted();
            if (g.generatedTokens() > max) {
                problem("generated " + g.generatedTokens() + " tokens with a budget of " + max);
            }
            if (interruptSelf && g.finishReason() != FinishReason.CANCELLED) {
                problem("an interrupted thread's generation ended with " + g.finishReason());
            }
            if (interruptSelf && !interrupted) {
                problem("the interrupt flag was not kept");
            }
            if ("root ::= \"a\" root".equals(grammar) && !g.text().matches("a*")) {
                problem("the endless grammar produced '" + g.text() + "'");
            }
            if (g.finishReason() == FinishReason.CANCELLED && !interruptSelf && listenerKind != 0 && !interrupted) {
                problem("CANCELLED without a cancel or an interrupt");
            }
            return "result:" + g.finishReason();
        } finally {
            Thread.interrupted();
            if (drafter != null) {
                drafter.close();
            }
        }
    }

    private String adapterSet(Random rnd, Session s) {
        if (rnd.nextInt(3) == 0) {
            s.clearAdapters();
            return "result";
        }
        Adapter a = pick(rnd, adapters);
        if (a == null || a.model() != s.model()) {
            return "result";
        }
        s.setAdapter(a, rnd.nextInt(4) * 0.5f);
        return "result";
    }

    private String adapterLoad() {
        Adapter a = model.get().loadAdapter(adapterFile);
        adapters.add(a);
        Adapter old = null;
        synchronized (adapters) {
            adapters.removeIf(x -> !x.isOpen());
            if (adapters.size() > 4) {
                old = adapters.removeFirst();
            }
        }
        if (old != null) {
            old.close();
        }
        return "result";
    }

    private String reload(AtomicReference<Model> ref, Path file) {
        Model fresh = Model.load(file, options);
        Model old = ref.getAndSet(fresh);
        old.close();
        synchronized (sessions) {
            sessions.removeIf(s -> !s.isOpen());
        }
        return "result";
    }

    private String prefix(Random rnd, Session s) {
        int[] p = s.model().tokenize(SYSTEM, true);
        if (rnd.nextBoolean()) {
            prefixCache.save(s, p);
        } else {
            prefixCache.restore(s, p);
        }
        return "result";
    }

    private Session tryNewSession(Random rnd) {
        try {
            Session s = model.get().newSession(128 << rnd.nextInt(3));
            Session old = null;
            synchronized (sessions) {
                sessions.add(s);
                sessions.removeIf(x -> !x.isOpen());
                if (sessions.size() > 24) {
                    old = sessions.removeFirst();
                }
            }
            if (old != null) {
                old.close();
            }
            return s;
        } catch (EngineException.Closed e) {
            count("new-session:closed");
            return null;
        }
    }

    private Session any(Random rnd, Session fallback) {
        Session s = pick(rnd, sessions);
        return s == null ? fallback : s;
    }

    private static <T> T pick(Random rnd, List<T> list) {
        synchronized (list) {
            return list.isEmpty() ? null : list.get(rnd.nextInt(list.size()));
        }
    }

    /** A worker's own session, when nobody else is inside it, holds exactly its history in the KV cache. */
    private void checkConsistent(Session own, String op) {
        if (own == null || !own.isOpen()) {
            return;
        }
        try {
            if (!own.cacheMatchesHistory()) {
                problem("after " + op + ": the KV cache does not hold the session's history");
            }
        } catch (EngineException.Closed | EngineException.Busy e) {
            // closed meanwhile, or another worker is using it: nothing to compare
        }
    }

    private void count(String k) {
        outcomes.computeIfAbsent(k, x -> new LongAdder()).increment();
    }

    private void problem(String p) {
        problems.add(p);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String stack(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append("\n  ").append(t);
            for (StackTraceElement el : t.getStackTrace()) {
                b.append("\n    at ").append(el);
            }
        }
        return b.toString();
    }

    private static void dumpThreads() {
        Thread.getAllStackTraces().forEach((th, st) -> {
            System.out.println("thread " + th.getName() + " " + th.getState());
            for (StackTraceElement e : st) {
                System.out.println("    at " + e);
            }
        });
    }
}
