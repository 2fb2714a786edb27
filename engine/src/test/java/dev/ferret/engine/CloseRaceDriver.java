package dev.ferret.engine;

import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.llama.LlamaException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes the model, the session, the adapter or the draft model while another thread generates, many times
 * each, and checks that every generation ends with a result or {@link EngineException.Closed}, and that what
 * is left afterwards behaves (closed things refuse calls, open things still work). Run in a child JVM by
 * {@link CloseRaceTest}; a native crash shows as its exit status and an {@code hs_err} file.
 *
 * <p>Arguments: work folder (models are generated there), runs per scenario, scenarios
 * ({@code model,session,adapter,draft}), seed. Prints one {@code RESULT} line per scenario; exits 1 on an
 * outcome that is neither, 2 on a generation that did not end.
 */
public final class CloseRaceDriver {
    static final String PROMPT;

    static {
        StringBuilder b = new StringBuilder("<|im_start|>system\nYou answer questions about code.<|im_end|>\n<|im_start|>user\n");
        for (int i = 0; i < 12; i++) {
            b.append("shop/api.py:").append(10 + i).append(": class Client").append(i).append("(Protocol)\n");
        }
        PROMPT = b.append("Which classes subclass Protocol?<|im_end|>\n<|im_start|>assistant\n").toString();
    }

    /**
     * One decoding thread: with two, ggml's threads wait for each other in spinning barriers, which on a
     * busy machine makes each token up to 100 times slower. Every fourth model of the "model" scenario
     * decodes with two threads, so the abort path of a multi-threaded graph is exercised too.
     */
    static final ModelOptions OPTIONS = ModelOptions.defaults().withContextSize(512).withThreads(1);
    static final int MAX_TOKENS = 300;

    private final Path base;
    private final Path draftFile;
    private final Path adapterFile;
    private final Random rnd;

    CloseRaceDriver(Path dir, long seed) throws Exception {
        DriverModels files = DriverModels.in(dir, "race");
        base = files.base();
        draftFile = files.draft();
        adapterFile = files.adapter();
        rnd = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/close-race");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> scenarios = List.of((args.length > 2 ? args[2] : "model,session,adapter,draft").split(","));
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        CloseRaceDriver d = new CloseRaceDriver(dir, seed);
        int status = 0;
        for (String sc : scenarios) {
            status = Math.max(status, d.scenario(sc, runs));
        }
        System.out.flush();
        System.exit(status);
    }

    /** Counts of how runs ended. */
    static final class Tally {
        final Map<String, Integer> counts = new TreeMap<>();

        void add(String k) {
            counts.merge(k, 1, Integer::sum);
        }

        int get(String k) {
            return counts.getOrDefault(k, 0);
        }
    }

    int scenario(String name, int runs) throws Exception {
        Tally t = new Tally();
        long t0 = System.nanoTime();
        Model shared = name.equals("model") ? null : Model.load(base, OPTIONS);
        Session sharedSession = name.equals("adapter") || name.equals("draft") ? shared.newSession() : null;
        try {
            for (int i = 0; i < runs; i++) {
                String outcome = switch (name) {
                    case "model" -> closeModel(OPTIONS.withThreads(i % 4 == 3 ? 2 : 1));
                    case "session" -> closeSession(shared);
                    case "adapter" -> closeAdapter(shared, sharedSession);
                    case "draft" -> closeDraft(shared, sharedSession);
                    default -> throw new IllegalArgumentException("no scenario " + name);
                };
                t.add(outcome);
                if (outcome.startsWith("UNEXPECTED") || outcome.startsWith("HANG")) {
                    System.out.println("run " + i + ": " + outcome);
                }
                if (outcome.startsWith("HANG")) {
                    dumpThreads();
                    System.out.println("RESULT scenario=" + name + " runs=" + (i + 1) + " " + t.counts);
                    return 2;
                }
            }
            if (sharedSession != null) {
                checkUsable(sharedSession, "the shared session after " + runs + " runs");
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        int bad = t.counts.entrySet().stream().filter(e -> e.getKey().startsWith("UNEXPECTED")).mapToInt(Map.Entry::getValue).sum();
        System.out.println("RESULT scenario=" + name + " runs=" + runs + " results=" + t.get("result")
                + " closed=" + (t.get("closed") + t.get("closed-in-decode")) + " closed_in_decode=" + t.get("closed-in-decode")
                + " unexpected=" + bad + " seconds=" + (System.nanoTime() - t0) / 1_000_000_000L);
        return bad > 0 ? 1 : 0;
    }

    /** Starts a generation on another thread, closes {@code target} at a random moment, classifies the outcome. */
    private String race(Session s, Runnable close, DraftModelDrafter drafter, String expectName) throws Exception {
        CountDownLatch firstText = new CountDownLatch(1);
        AtomicReference<Object> out = new AtomicReference<>();
        Thread gen = new Thread(() -> {
            try {
                out.set(s.generate(PROMPT, GenerationRequest.greedy(MAX_TOKENS), d -> {
                    firstText.countDown();
                    return true;
                }, drafter));
            } catch (Throwable e) {
                out.set(e);
            }
        }, "generator");
        gen.start();
        switch (rnd.nextInt(3)) {
            case 0 -> LockSupport.parkNanos(rnd.nextInt(2_000_000)); // during the prompt's decode, mostly
            case 1 -> firstText.await(30, TimeUnit.SECONDS);
            default -> {
                firstText.await(30, TimeUnit.SECONDS);
                LockSupport.parkNanos(rnd.nextInt(5_000_000));
            }
        }
        close.run();
        gen.join(TimeUnit.SECONDS.toMillis(60));
        if (gen.isAlive()) {
            return "HANG: the generation did not end within 60 s of the close";
        }
        Object o = out.get();
        if (o instanceof Generation g) {
            return g.finishReason() == FinishReason.MAX_TOKENS || g.finishReason() == FinishReason.END_OF_GENERATION
                    || g.finishReason() == FinishReason.CONTEXT_FULL ? "result" : "UNEXPECTED finish " + g.finishReason();
        }
        if (o instanceof EngineException.Closed c) {
            if (!c.getMessage().contains(expectName)) {
                return "UNEXPECTED Closed names the wrong thing: " + c.getMessage();
            }
            return c.getCause() instanceof LlamaException.Decode dec && dec.code() == 2 ? "closed-in-decode" : "closed";
        }
        if (o instanceof Throwable e) {
            e.printStackTrace(System.out);
            return "UNEXPECTED " + e;
        }
        return "UNEXPECTED nothing";
    }

    private String closeModel(ModelOptions options) throws Exception {
        Model m = Model.load(base, options);
        Session s = m.newSession();
        String o = race(s, m::close, null, base.getFileName().toString());
        if (m.isOpen() || s.isOpen()) {
            return "UNEXPECTED the model or its session is still open after close";
        }
        try {
            m.newSession();
            return "UNEXPECTED newSession on a closed model";
        } catch (EngineException.Closed expected) {
            // the typed refusal
        }
        try {
            s.generate(PROMPT, GenerationRequest.greedy(2), null);
            return "UNEXPECTED generate on a session of a closed model";
        } catch (EngineException.Closed expected) {
            return o;
        }
    }

    private String closeSession(Model m) throws Exception {
        Session s = m.newSession();
        String o = race(s, s::close, null, "session");
        if (s.isOpen()) {
            return "UNEXPECTED the session is still open after close";
        }
        try {
            s.reset();
            return "UNEXPECTED reset on a closed session";
        } catch (EngineException.Closed expected) {
            return o;
        }
    }

    private String closeAdapter(Model m, Session s) throws Exception {
        Adapter a = m.loadAdapter(adapterFile);
        s.setAdapter(a, 1f);
        String o = race(s, a::close, null, adapterFile.getFileName().toString());
        if (a.isOpen() || !s.adapters().isEmpty()) {
            return "UNEXPECTED the adapter is still open or still set: " + s.adapters();
        }
        String bad = checkUsable(s, "the session after its adapter was closed");
        return bad != null ? bad : o;
    }

    private String closeDraft(Model target, Session s) throws Exception {
        Model draft = Model.load(draftFile, OPTIONS);
        try (DraftModelDrafter d = new DraftModelDrafter(draft, target, 512, 1, 0f)) {
            String o = race(s, draft::close, d, draftFile.getFileName().toString());
            String bad = checkUsable(s, "the target session after its draft model was closed");
            return bad != null ? bad : o;
        }
    }

    /** Null if the session's cache agrees with its history and it generates; else what is wrong. */
    private static String checkUsable(Session s, String what) {
        int[] h = s.history();
        if (s.kvPosMax() != h.length - 1) {
            return "UNEXPECTED " + what + ": the KV cache ends at " + s.kvPosMax() + " but the history has " + h.length + " tokens";
        }
        Generation g = s.generate("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", GenerationRequest.greedy(3), null);
        return g.generatedTokens() > 0 || g.finishReason() == FinishReason.END_OF_GENERATION ? null
                : "UNEXPECTED " + what + " generated nothing: " + g.finishReason();
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
