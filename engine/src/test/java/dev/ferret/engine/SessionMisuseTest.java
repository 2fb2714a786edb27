package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.kv.PrefixCache;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.AdapterGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API misuse through the real library: each gets a typed error, and the session is still usable after it. */
@Tag("native")
class SessionMisuseTest {
    static final String PROMPT = "<|im_start|>user\nWhich classes subclass Protocol?<|im_end|>\n<|im_start|>assistant\n";
    static Path file;
    static Model model;

    @BeforeAll
    static void load() {
        file = TestModels.model("tiny", GgufType.Q8_0, 1); // Q8_0: adapters are allowed on it
        model = Model.load(file, TestModels.small());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Generation fresh(String prompt, GenerationRequest r) {
        try (Session s = model.newSession()) {
            return s.generate(prompt, r, null);
        }
    }

    /** The KV cache holds exactly the history, and a generation from here equals one in a new session. */
    static void assertUsable(Session s) {
        assertEquals(s.history().length - 1, s.kvPosMax(), "cache and history disagree");
        Generation again = s.generate(PROMPT, GenerationRequest.greedy(12), null);
        assertArrayEquals(fresh(PROMPT, GenerationRequest.greedy(12)).tokens(), again.tokens());
    }

    /** Runs {@code body} on a new thread and returns what it threw (null if nothing). */
    static Thread start(AtomicReference<Object> outcome, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
                outcome.compareAndSet(null, "ok");
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void aSessionUsedFromTwoThreadsAtOnceIsBusyForTheSecond() throws Exception {
        try (Session s = model.newSession()) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            AtomicReference<Object> first = new AtomicReference<>();
            Thread t = start(first, () -> s.generate(PROMPT, GenerationRequest.greedy(8), d -> {
                inside.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return true;
            }));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            EngineException.Busy busy = assertThrows(EngineException.Busy.class, () -> s.generate(PROMPT, GenerationRequest.greedy(4), null));
            assertTrue(busy.getMessage().contains("one thread at a time"), busy.getMessage());
            assertThrows(EngineException.Busy.class, s::reset);
            assertThrows(EngineException.Busy.class, s::saveState);
            assertThrows(EngineException.Busy.class, () -> s.prefill(new int[] {1, 2, 3}));
            letGo.countDown();
            t.join();
            assertEquals("ok", first.get(), "the first caller is not disturbed");
            assertUsable(s);
        }
    }

    @Test
    void generateReenteredFromItsOwnListenerIsBusyAndPropagatesAsIs() {
        try (Session s = model.newSession()) {
            List<Throwable> inner = new ArrayList<>();
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(6), d -> {
                try {
                    s.generate(PROMPT, GenerationRequest.greedy(2), null);
                } catch (Throwable e) {
                    inner.add(e);
                }
                return true;
            });
            assertEquals(FinishReason.MAX_TOKENS, g.finishReason(), "the outer generation goes on when the listener catches it");
            assertFalse(inner.isEmpty());
            inner.forEach(e -> assertInstanceOf(EngineException.Busy.class, e));
            assertTrue(inner.get(0).getMessage().contains("re-entered"), inner.get(0).getMessage());

            // uncaught, it ends the outer generation with that same exception
            assertThrows(EngineException.Busy.class, () -> s.generate(PROMPT, GenerationRequest.greedy(6), d -> {
                s.reset();
                return true;
            }));
            assertUsable(s);
        }
    }

    @Test
    void aListenerThatThrowsEndsTheGenerationWithItsOwnExceptionAndTheSessionStaysUsable() {
        try (Session s = model.newSession()) {
            RuntimeException boom = new IllegalStateException("listener failed");
            AtomicInteger calls = new AtomicInteger();
            RuntimeException got = assertThrows(RuntimeException.class, () -> s.generate(PROMPT, GenerationRequest.greedy(20), d -> {
                if (calls.incrementAndGet() == 3) {
                    throw boom;
                }
                return true;
            }));
            assertSame(boom, got, "propagated as is, not wrapped");
            assertUsable(s);
        }
    }

    @Test
    void aListenerThatCancelsEndsWithCancelled() {
        try (Session s = model.newSession()) {
            AtomicInteger calls = new AtomicInteger();
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(30), d -> calls.incrementAndGet() < 4);
            assertEquals(FinishReason.CANCELLED, g.finishReason());
            assertUsable(s);
        }
    }

    @Test
    void anInterruptedThreadGetsCancelledAndKeepsItsInterruptFlag() throws Exception {
        try (Session s = model.newSession()) {
            // interrupted before the call: the prefill's decode is stopped by the abort callback
            Thread.currentThread().interrupt();
            Generation g;
            try {
                g = s.generate(PROMPT, GenerationRequest.greedy(20), null);
                assertTrue(Thread.currentThread().isInterrupted(), "the flag is kept");
            } finally {
                Thread.interrupted();
            }
            assertEquals(FinishReason.CANCELLED, g.finishReason());
            assertEquals(0, g.generatedTokens());
            assertUsable(s);

            // interrupted by another thread mid-generation
            CountDownLatch going = new CountDownLatch(1);
            AtomicReference<Generation> result = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Thread t = new Thread(() -> {
                result.set(s.generate(PROMPT, GenerationRequest.greedy(400), d -> {
                    going.countDown();
                    return true;
                }));
                flag.set(Thread.currentThread().isInterrupted());
            });
            t.start();
            assertTrue(going.await(30, TimeUnit.SECONDS));
            t.interrupt();
            t.join();
            assertEquals(FinishReason.CANCELLED, result.get().finishReason());
            assertTrue(result.get().generatedTokens() < 400);
            assertTrue(flag.get(), "the generating thread's interrupt flag is kept");
            assertUsable(s);
        }
    }

    @Test
    void closingTheSessionOrModelFromItsOwnListenerEndsWithClosedAndFreesAfterwards() {
        Session s = model.newSession();
        EngineException.Closed c = assertThrows(EngineException.Closed.class, () -> s.generate(PROMPT, GenerationRequest.greedy(20), d -> {
            s.close(); // must not wait for itself
            return true;
        }));
        assertTrue(c.getMessage().contains("session"), c.getMessage());
        assertFalse(s.isOpen());
        assertThrows(EngineException.Closed.class, () -> s.generate(PROMPT, GenerationRequest.greedy(2), null));
        assertThrows(EngineException.Closed.class, s::reset);
        s.close(); // idempotent

        Model other = Model.load(file, TestModels.small());
        Session os = other.newSession();
        EngineException.Closed mc = assertThrows(EngineException.Closed.class, () -> os.generate(PROMPT, GenerationRequest.greedy(20), d -> {
            other.close();
            return true;
        }));
        assertTrue(mc.getMessage().contains(file.getFileName().toString()), mc.getMessage());
        assertFalse(other.isOpen());
        assertFalse(os.isOpen(), "the model's close closed its session");
        assertThrows(EngineException.Closed.class, other::newSession);
        assertThrows(EngineException.Closed.class, () -> other.tokenize("x", false));
    }

    @Test
    void anAdapterClosedByAnotherThreadEndsTheGenerationWithClosedAndIsDetached() throws Exception {
        Path ap = TestModels.dir().resolve("misuse-lora.gguf");
        new AdapterGenerator(GgufFile.read(file)).rank(4).alpha(8f).seed(5).write(ap);
        try (Session s = model.newSession()) {
            Adapter a = model.loadAdapter(ap);
            s.setAdapter(a, 1f);
            CountDownLatch going = new CountDownLatch(1);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread t = start(outcome, () -> s.generate(PROMPT, GenerationRequest.greedy(400), d -> {
                going.countDown();
                return true;
            }));
            assertTrue(going.await(30, TimeUnit.SECONDS));
            a.close(); // returns once the adapter is detached and freed
            t.join();
            EngineException.Closed c = assertInstanceOf(EngineException.Closed.class, outcome.get());
            assertTrue(c.getMessage().contains("misuse-lora.gguf"), c.getMessage());
            assertFalse(a.isOpen());
            assertEquals(Map.of(), s.adapters());
            assertThrows(EngineException.Closed.class, () -> s.setAdapter(a, 1f));
            assertUsable(s); // the same output as a session that never had the adapter
        }
    }

    @Test
    void aDraftModelClosedWhileItsTargetGeneratesEndsWithClosedNamingTheDraft() throws Exception {
        Path dp = TestModels.model("tiny", GgufType.Q8_0, 9);
        Model draft = Model.load(dp, TestModels.small());
        try (Session s = model.newSession(); DraftModelDrafter d = new DraftModelDrafter(draft, model, 512, 1, 0f)) {
            CountDownLatch going = new CountDownLatch(1);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread t = start(outcome, () -> s.generate(PROMPT, GenerationRequest.greedy(400), x -> {
                going.countDown();
                return true;
            }, d));
            assertTrue(going.await(30, TimeUnit.SECONDS));
            draft.close();
            t.join();
            EngineException.Closed c = assertInstanceOf(EngineException.Closed.class, outcome.get());
            assertTrue(c.getMessage().contains(dp.getFileName().toString()), c.getMessage());
            assertUsable(s);
        }
    }

    @Test
    void aPrefixStateOfAnotherModelOrContextSizeIsNotRestored(@TempDir Path dir) {
        int[] prefix = model.tokenize("<|im_start|>system\nYou search code.<|im_end|>\n", true);
        PrefixCache cache = new PrefixCache(dir);
        byte[] state;
        try (Session s = model.newSession(256)) {
            cache.save(s, prefix);
            state = s.saveState();
        }
        try (Session bigger = model.newSession(512)) {
            assertFalse(cache.restore(bigger, prefix), "a state saved at another context size is ignored");
            assertEquals(0, bigger.history().length);
            assertUsable(bigger);
        }
        try (Model other = Model.load(TestModels.model("tiny", GgufType.Q8_0, 2), TestModels.small());
             Session os = other.newSession(256)) {
            assertFalse(cache.restore(os, prefix), "a state saved with another model is ignored");
            assertEquals(0, os.history().length);
        }
        // raw restore of another shape of model: llama.cpp's own check refuses it, as a typed error
        try (Model small = Model.load(TestModels.model("small", GgufType.Q8_0, 1), TestModels.small());
             Session ss = small.newSession(256)) {
            EngineException e = assertThrows(EngineException.class, () -> ss.restoreState(prefix, state));
            assertNotNull(e.getMessage());
            assertEquals(0, ss.history().length);
            assertEquals(-1, ss.kvPosMax());
        }
        // a restored prefix longer than the context
        try (Session tiny = model.newSession(16)) {
            int[] longer = model.tokenize("x ".repeat(40), false);
            assertThrows(EngineException.ContextOverflow.class, () -> tiny.restoreState(longer, state));
        }
    }

    @Test
    void requestValuesThatReachTheSessionAreBoundedOrRefused() {
        try (Session s = model.newSession(128)) {
            // the largest budget a request takes is bounded by the context
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(GenerationRequest.MAX_TOKENS), null);
            assertEquals(FinishReason.CONTEXT_FULL, g.finishReason());
            assertTrue(s.history().length <= 128);
            int vocab = model.vocabSize();
            assertThrows(IllegalArgumentException.class, () -> s.generate(PROMPT, GenerationRequest.greedy(4).withBanned(Set.of(vocab + 5)), null));
            assertThrows(IllegalArgumentException.class, () -> s.generate(PROMPT, GenerationRequest.greedy(4).withBanned(Set.of(-1)), null));
            assertThrows(IllegalArgumentException.class, () -> s.generate(PROMPT,
                    new GenerationRequest(4, null, List.of(), Set.of(), Map.of(vocab, 1f), null), null));
            assertThrows(IllegalArgumentException.class, () -> s.generate(new int[] {0, vocab}, GenerationRequest.greedy(4), null));
            assertThrows(IllegalArgumentException.class, () -> s.generate(new int[0], GenerationRequest.greedy(4), null));
            assertThrows(IllegalArgumentException.class, () -> s.generate(PROMPT, GenerationRequest.greedy(4).withStops(List.of("")), null));
            assertThrows(EngineException.InvalidGrammar.class, () -> s.generate(PROMPT, GenerationRequest.greedy(4).withGrammar("root ::= ("), null));
            assertThrows(EngineException.ContextOverflow.class, () -> s.generate(PROMPT.repeat(20), GenerationRequest.greedy(4), null));
            assertThrows(IllegalArgumentException.class, () -> GenerationRequest.greedy(-1));
            assertThrows(IllegalArgumentException.class, () -> GenerationRequest.greedy(Integer.MAX_VALUE));
            assertUsable(s);
        }
    }

    @Test
    void refusalsNameWhatTheCallerPassed() {
        try (Session s = model.newSession(128)) {
            int vocab = model.vocabSize();
            // banned tokens outside the vocabulary were reported as "logit bias for token 2147483647"
            IllegalArgumentException banned = assertThrows(IllegalArgumentException.class, () -> s.generate(PROMPT,
                    GenerationRequest.greedy(4).withBanned(Set.of(vocab + 5, Integer.MAX_VALUE)), null));
            assertEquals("bannedTokens holds token ids [" + (vocab + 5) + ", " + Integer.MAX_VALUE
                    + "] outside this model's vocabulary [0, " + vocab + ")", banned.getMessage());
            IllegalArgumentException bias = assertThrows(IllegalArgumentException.class, () -> s.generate(PROMPT,
                    new GenerationRequest(4, null, List.of(), Set.of(), Map.of(vocab, 1f), null), null));
            assertEquals("logitBias holds token id " + vocab + " outside this model's vocabulary [0, " + vocab + ")", bias.getMessage());
            // a negative token count gave a negative size
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> s.stateSize(-1));
            assertEquals("stateSize: tokens must be 0 or more, got -1", size.getMessage());
            assertTrue(s.stateSize(0) > 0 && s.stateSize(2) > s.stateSize(1));
            assertUsable(s);
        }
    }

    @Test
    void grammarsLlamaCppCannotRunAreInvalidGrammarsBeforeItSeesThem() {
        // left recursion: b4916 found this one and then silently generated without the grammar
        EngineException.InvalidGrammar left = assertThrows(EngineException.InvalidGrammar.class,
                () -> GenerationRequest.greedy(4).withGrammar("root ::= root \"a\" | \"b\""));
        assertTrue(left.getMessage().startsWith("grammar: rule 'root' is left-recursive"), left.getMessage());
        // these it missed, and recursed without end on them, killing the process whatever the stack
        for (String loop : List.of("root ::= item* \".\"\nitem ::= [a-z]*\n", "root ::= x root \"a\" | \"b\"\nx ::= y\ny ::= \"\"\n")) {
            assertThrows(EngineException.InvalidGrammar.class, () -> GenerationRequest.greedy(4).withGrammar(loop), loop);
        }
        // a billion copies of "a" (llama.cpp writes each out), and groups nested 5,000 deep (StackOverflowError)
        assertThrows(EngineException.InvalidGrammar.class, () -> GenerationRequest.greedy(4).withGrammar("root ::= \"a\"{999999999}"));
        EngineException.InvalidGrammar nested = assertThrows(EngineException.InvalidGrammar.class, () -> GenerationRequest.greedy(4)
                .withGrammar("root ::= " + "(".repeat(5000) + "\"a\"" + ")".repeat(5000)));
        assertTrue(nested.getMessage().contains("nested more than 64 deep"), nested.getMessage());
        // what is left runs: the same items without the loop
        try (Session s = model.newSession(128)) {
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(8).withGrammar("root ::= item \".\"\nitem ::= [a-z]*\n"), null);
            assertTrue(g.text().matches("[a-z]*\\.?"), g.text());
            assertUsable(s);
        }
    }

    @Test
    void aGrammarThatCanNeverFinishIsBoundedByTheTokenBudgetAndTheContext() {
        String endless = "root ::= \"a\" root"; // never complete, so no end-of-generation token is ever allowed
        try (Session s = model.newSession(128)) {
            Generation g = s.generate(PROMPT, GenerationRequest.greedy(30).withGrammar(endless), null);
            assertEquals(FinishReason.MAX_TOKENS, g.finishReason());
            assertEquals(30, g.generatedTokens());
            assertTrue(g.text().matches("a+"), g.text());
            Generation full = s.generate(PROMPT, GenerationRequest.greedy(100_000).withGrammar(endless), null);
            assertEquals(FinishReason.CONTEXT_FULL, full.finishReason());
            assertTrue(full.text().matches("a+"), full.text());
            assertUsable(s);
        }
    }

    @Test
    void sessionsAreBoundedByMemoryNotByCount() {
        List<Session> many = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                many.add(model.newSession(64));
            }
            for (Session s : many) {
                assertEquals(64, s.contextSize());
            }
            assertEquals(4, many.get(31).generate(PROMPT, GenerationRequest.greedy(4), null).generatedTokens());
        } finally {
            many.forEach(Session::close);
        }
        // a size within the option's bounds whose KV cache exceeds this machine's memory is refused before llama.cpp
        // allocates it (for a model this small, only a machine with under 2^24 x its bytes per token has such a size)
        long perToken = ContextBudget.kvBytesPerToken(model.llama());
        long beyond = ContextBudget.physicalMemory() / perToken + 1;
        if (ContextBudget.physicalMemory() > 0 && beyond <= ModelOptions.MAX_CONTEXT) {
            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> model.newSession((int) beyond));
            assertTrue(tooBig.getMessage().contains("memory"), tooBig.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> model.newSession(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> model.newSession(8));
        assertThrows(IllegalArgumentException.class, () -> model.newSession(-1));
    }
}
