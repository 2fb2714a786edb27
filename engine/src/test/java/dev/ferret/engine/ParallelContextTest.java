package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several sessions in one llama.cpp context, batched by one decode thread, on a generated tiny model. */
class ParallelContextTest extends TinyModelTest {
    static final String[] QUESTIONS = {
        "Which classes subclass Protocol?", "Where is the retry policy configured?",
        "List every async function.", "Which files import requests?"};

    static String prompt(String question) {
        return "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n" + question
                + "<|im_end|>\n<|im_start|>assistant\n";
    }

    @Test
    void fourThreadsGenerateInSharedDecodesAndGetWhatSingleSessionsGet() throws Exception {
        List<Generation> expected = new ArrayList<>();
        try (Session s = model.newSession()) {
            for (String q : QUESTIONS) {
                s.reset();
                expected.add(s.generate(prompt(q), GenerationRequest.greedy(40), null));
            }
        }
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(4).withSequenceContext(256));
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            CountDownLatch ready = new CountDownLatch(4);
            List<Future<Generation>> got = new ArrayList<>();
            for (String q : QUESTIONS) {
                got.add(pool.submit(() -> {
                    try (ParallelSession s = pc.newSession()) {
                        ready.countDown();
                        ready.await();
                        return s.generate(prompt(q), GenerationRequest.greedy(40), null);
                    }
                }));
            }
            for (int i = 0; i < QUESTIONS.length; i++) {
                Generation g = got.get(i).get();
                assertEquals(expected.get(i).text(), g.text(), "question " + i);
                assertArrayEquals(expected.get(i).tokens(), g.tokens(), "question " + i);
                assertEquals(expected.get(i).finishReason(), g.finishReason());
            }
            ParallelContext.Stats st = pc.stats();
            assertEquals(4 * 40, st.tokensGenerated());
            assertTrue(st.meanBatch() > 1.5, "tokens of several sessions should share decodes: " + st);
            assertTrue(st.decodeCalls() < 4 * 40, "fewer decodes than generated tokens: " + st);
        }
    }

    /** {@code n} token ids from {@code first}: a prompt that shares nothing with one from another start. */
    static int[] run(int first, int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i;
        }
        return t;
    }

    @Test
    void aPromptFindsRoomInASharedCacheWhoseFreeCellsAreScattered() {
        Generation expected;
        try (Session s = model.newSession()) {
            expected = s.generate(run(200, 10), GenerationRequest.greedy(3), null);
        }
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(16));
             ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession()) {
            assertEquals(32, pc.llama().contextSize());
            // prefills that take turns: the two sessions' cells lie in alternate blocks of the 32
            a.prefill(run(10, 5));
            b.prefill(run(100, 5));
            a.prefill(run(10, 8));
            b.prefill(run(100, 8));
            a.prefill(run(10, 11));
            b.prefill(run(100, 15));
            a.reset(); // 17 free cells, in runs of 5, 3, 3 and 6: none holds a 10-token prompt
            Generation g = a.generate(run(200, 10), GenerationRequest.greedy(3), null);
            assertArrayEquals(expected.tokens(), g.tokens());
            assertEquals(expected.finishReason(), g.finishReason());
            assertTrue(pc.stats().decodeCalls() > 0);
        }
    }

    @Test
    void sharedPrefixIsEvaluatedOnceAndCopiedIntoEachSession() {
        String system = "<|im_start|>system\nYou are a helpful assistant. Answer from the tool results only.<|im_end|>\n";
        int[] prefix = model.tokenize(system, true);
        int[] full = model.tokenize(prompt(QUESTIONS[0]).replace("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n", system), true);
        Generation plain;
        try (Session s = model.newSession()) {
            plain = s.generate(full, GenerationRequest.greedy(16), null);
        }
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(3).withSequenceContext(256).withSharedPrefix(prefix))) {
            assertEquals(prefix.length, pc.sharedPrefixLength());
            long evaluatedAtOpen = pc.stats().promptTokensEvaluated();
            assertEquals(prefix.length, evaluatedAtOpen, "the prefix is evaluated once, when the context opens");
            int usedAtOpen = pc.stats().kvCellsUsed();
            try (ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession()) {
                Generation ga = a.generate(full, GenerationRequest.greedy(16), null);
                Generation gb = b.generate(full, GenerationRequest.greedy(16), null);
                assertEquals(plain.text(), ga.text(), "copied cells give the same output as evaluating them");
                assertEquals(plain.text(), gb.text());
                assertTrue(ga.reusedTokens() >= prefix.length, "a reused the shared prefix: " + ga.reusedTokens());
                // b finds all of a's prompt in a's cells and copies it: only the last token is evaluated again
                assertEquals(full.length - 1, gb.reusedTokens());
                assertTrue(gb.decodedTokens() <= 1 + gb.generatedTokens(), "b evaluated its last prompt token and its output only");
                ParallelContext.Stats st = pc.stats();
                assertEquals(evaluatedAtOpen + (full.length - prefix.length) + 1, st.promptTokensEvaluated(), st.toString());
                // cells are shared, not duplicated: the prefix exists once, each session adds its own rest
                assertTrue(st.kvCellsUsed() < usedAtOpen + 2 * full.length, "cells used " + st.kvCellsUsed() + ", prefix " + usedAtOpen);
            }
        }
    }

    @Test
    void aSessionIsBusyWhileItGeneratesAndTheContextHasRoomForNSessions() throws Exception {
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(128))) {
            ParallelSession a = pc.newSession();
            ParallelSession b = pc.newSession();
            assertThrows(EngineException.Busy.class, pc::newSession);
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread t = Thread.ofPlatform().start(() -> a.generate(prompt(QUESTIONS[1]), GenerationRequest.greedy(30), d -> {
                inListener.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }));
            assertTrue(inListener.await(60, java.util.concurrent.TimeUnit.SECONDS));
            assertThrows(EngineException.Busy.class, () -> a.generate(prompt(QUESTIONS[0]), GenerationRequest.greedy(4), null));
            assertThrows(EngineException.Busy.class, a::reset);
            // the other session is not held up by a's slow listener
            Generation gb = b.generate(prompt(QUESTIONS[2]), GenerationRequest.greedy(8), null);
            assertEquals(8, gb.generatedTokens());
            release.countDown();
            t.join();
            a.close();
            try (ParallelSession c = pc.newSession()) {
                assertEquals(0, c.history().length, "a freed sequence starts empty");
                assertEquals(a.sequence(), c.sequence());
            }
            b.close();
        }
    }

    @Test
    void reentrantCallFromTheListenerIsBusy() {
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(1).withSequenceContext(128));
             ParallelSession s = pc.newSession()) {
            EngineException.Busy[] seen = new EngineException.Busy[1];
            Generation g = s.generate(prompt(QUESTIONS[0]), GenerationRequest.greedy(6), d -> {
                try {
                    s.generate(prompt(QUESTIONS[1]), GenerationRequest.greedy(2), null);
                } catch (EngineException.Busy e) {
                    seen[0] = e;
                }
                return true;
            });
            assertTrue(seen[0] != null, "re-entering generate from the listener must be refused");
            assertEquals(6, g.generatedTokens());
        }
    }

    @Test
    void listenerCancelEndsOnlyThatGenerationAndTheSessionGoesOn() {
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(256));
             ParallelSession s = pc.newSession()) {
            Generation full = s.generate(prompt(QUESTIONS[3]), GenerationRequest.greedy(40), null);
            int[] calls = {0};
            Generation cut = s.generate(prompt(QUESTIONS[3]), GenerationRequest.greedy(40), d -> ++calls[0] < 2);
            assertEquals(FinishReason.CANCELLED, cut.finishReason());
            assertTrue(full.text().startsWith(cut.text()), "the cancelled text is what the listener saw");
            assertEquals(2, calls[0], "no listener call after it said stop");
            Generation again = s.generate(prompt(QUESTIONS[3]), GenerationRequest.greedy(40), null);
            assertEquals(full.text(), again.text(), "the session works on after a cancel");
            assertEquals(model.tokenize(prompt(QUESTIONS[3]), true).length - 1, again.reusedTokens());
        }
    }

    @Test
    void stopStringsAndGrammarsArePerSession() throws Exception {
        String answer = "class Foo(Protocol) in shop/api.py:12";
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(256));
             ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession();
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Generation> ga = pool.submit(() -> a.generate(prompt(QUESTIONS[0]),
                    GenerationRequest.greedy(64).withGrammar("root ::= \"" + answer + "\"").withStops(List.of("api.py")), null));
            Future<Generation> gb = pool.submit(() -> b.generate(prompt(QUESTIONS[0]),
                    GenerationRequest.greedy(64).withGrammar("root ::= \"" + answer + "\""), null));
            Generation x = ga.get();
            Generation y = gb.get();
            assertEquals("class Foo(Protocol) in shop/", x.text());
            assertEquals(FinishReason.STOP_STRING, x.finishReason());
            assertEquals("api.py", x.stopString());
            assertEquals(answer, y.text());
            assertEquals(FinishReason.END_OF_GENERATION, y.finishReason());
        }
    }

    @Test
    void promptTooLongIsContextOverflowAndAFullSequenceEndsWithContextFull() {
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(64));
             ParallelSession s = pc.newSession()) {
            int[] longPrompt = model.tokenize("word ".repeat(80), false);
            assertTrue(longPrompt.length >= 64);
            EngineException.ContextOverflow e = assertThrows(EngineException.ContextOverflow.class,
                    () -> s.generate(longPrompt, GenerationRequest.greedy(4), null));
            assertEquals(64, e.available());
            Generation g = s.generate(prompt(QUESTIONS[0]), GenerationRequest.greedy(500), null);
            assertEquals(FinishReason.CONTEXT_FULL, g.finishReason());
            assertTrue(s.history().length <= 64, "a session never holds more than its share: " + s.history().length);
            assertThrows(IllegalArgumentException.class, () -> s.generate(new int[] {model.vocabSize()}, GenerationRequest.greedy(1), null));
            assertThrows(IllegalArgumentException.class, () -> s.generate(new int[0], GenerationRequest.greedy(1), null));
        }
    }

    @Test
    void closingTheContextEndsGenerationsInFlightWithClosed() throws Exception {
        ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(512));
        ParallelSession s = pc.newSession();
        CountDownLatch started = new CountDownLatch(1);
        Future<Generation> f;
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            f = pool.submit(() -> s.generate(prompt(QUESTIONS[2]), GenerationRequest.greedy(400), d -> {
                started.countDown();
                return true;
            }));
            assertTrue(started.await(60, java.util.concurrent.TimeUnit.SECONDS));
            pc.close();
            java.util.concurrent.ExecutionException ex = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
            assertTrue(ex.getCause() instanceof EngineException.Closed, String.valueOf(ex.getCause()));
        }
        assertFalse(pc.isOpen());
        assertThrows(EngineException.Closed.class, pc::newSession);
        assertThrows(EngineException.Closed.class, () -> s.generate(prompt(QUESTIONS[0]), GenerationRequest.greedy(2), null));
        pc.close(); // idempotent
    }

    @Test
    void closingTheModelClosesItsParallelContexts() {
        Model m = Model.load(TestModels.tinyQ4(), TestModels.small().withThreads(1));
        ParallelContext pc = m.newParallelContext(ParallelOptions.of(2).withSequenceContext(64));
        ParallelSession s = pc.newSession();
        m.close();
        assertFalse(pc.isOpen());
        assertThrows(EngineException.Closed.class, () -> s.generate(prompt(QUESTIONS[0]), GenerationRequest.greedy(2), null));
        s.close();
    }

    @Test
    void stateSavedFromAParallelSessionRestoresIntoASessionAndBack() {
        int[] p = model.tokenize(prompt(QUESTIONS[1]), true);
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(256));
             ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession(); Session plain = model.newSession(256)) {
            Session.Prefill pre = a.prefill(p);
            assertEquals(p.length, pre.evaluated());
            byte[] state = a.saveState();
            assertEquals(a.stateSize(p.length), state.length);
            assertEquals("stateSize: tokens must be 0 or more, got -1",
                    assertThrows(IllegalArgumentException.class, () -> a.stateSize(-1)).getMessage());
            plain.restoreState(p, state);
            Generation fromPlain = plain.generate(p, GenerationRequest.greedy(12), null);
            assertEquals(p.length - 1, fromPlain.reusedTokens());
            b.restoreState(p, plain.saveState() == null ? state : state);
            assertArrayEquals(p, b.history());
            Generation fromB = b.generate(p, GenerationRequest.greedy(12), null);
            assertEquals(fromPlain.text(), fromB.text());
            byte[] broken = state.clone();
            broken[0] ^= 1;
            assertThrows(EngineException.InvalidState.class, () -> b.restoreState(p, broken));
            assertEquals(0, b.history().length, "a refused state leaves the session empty");
        }
    }

    @Test
    void sessionsWithDifferentAdaptersTakeTurnsAndEachGetsItsOwnWeights() throws Exception {
        java.nio.file.Path base = TestModels.model("tiny", dev.ferret.gguf.GgufType.F32, 11);
        java.nio.file.Path file = TestModels.dir().resolve("parallel-lora.gguf");
        new dev.ferret.models.AdapterGenerator(dev.ferret.gguf.GgufFile.read(base)).rank(8).alpha(16f).seed(5).write(file);
        try (Model m = Model.load(base, TestModels.small().withThreads(1)); Adapter lora = m.loadAdapter(file)) {
            String p = prompt(QUESTIONS[0]);
            Generation plain;
            Generation adapted;
            try (Session s = m.newSession()) {
                plain = s.generate(p, GenerationRequest.greedy(24), null);
                s.setAdapter(lora, 1f);
                adapted = s.generate(p, GenerationRequest.greedy(24), null);
            }
            assertFalse(plain.text().equals(adapted.text()), "the adapter must change this output");
            try (ParallelContext pc = m.newParallelContext(ParallelOptions.of(3).withSequenceContext(256));
                 ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession(); ParallelSession c = pc.newSession();
                 ExecutorService pool = Executors.newFixedThreadPool(3)) {
                b.setAdapter(lora, 1f);
                Future<Generation> fa = pool.submit(() -> a.generate(p, GenerationRequest.greedy(24), null));
                Future<Generation> fb = pool.submit(() -> b.generate(p, GenerationRequest.greedy(24), null));
                Future<Generation> fc = pool.submit(() -> c.generate(p, GenerationRequest.greedy(24), null));
                assertEquals(plain.text(), fa.get().text());
                assertEquals(adapted.text(), fb.get().text(), "b decodes under its adapter");
                assertEquals(plain.text(), fc.get().text(), "c never copies b's cells: they hold the adapter's effect");
                b.clearAdapters();
                Generation back = b.generate(p, GenerationRequest.greedy(24), null);
                assertEquals(plain.text(), back.text(), "without the adapter b's cache is evaluated afresh");
            }
        }
    }

    @Test
    void closingTheModelWhileSessionsGenerateEndsThemWithClosed() throws Exception {
        Model m = Model.load(TestModels.tinyQ4(), TestModels.small().withThreads(1));
        ParallelContext pc = m.newParallelContext(ParallelOptions.of(2).withSequenceContext(512));
        ParallelSession a = pc.newSession();
        ParallelSession b = pc.newSession();
        CountDownLatch started = new CountDownLatch(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Generation>> fs = new ArrayList<>();
            for (ParallelSession s : List.of(a, b)) {
                fs.add(pool.submit(() -> s.generate(prompt(QUESTIONS[2]), GenerationRequest.greedy(450), d -> {
                    started.countDown();
                    return true;
                })));
            }
            assertTrue(started.await(60, java.util.concurrent.TimeUnit.SECONDS));
            m.close(); // from another thread while both generate: waits for the decode in flight, then frees
            for (Future<Generation> f : fs) {
                java.util.concurrent.ExecutionException ex = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
                assertTrue(ex.getCause() instanceof EngineException.Closed, String.valueOf(ex.getCause()));
            }
        }
        assertFalse(pc.isOpen());
        assertThrows(EngineException.Closed.class, pc::newSession);
    }

    @Test
    void closingAnAdapterMidGenerationEndsOnlyTheSessionsUsingItAndDetachesIt() throws Exception {
        java.nio.file.Path base = TestModels.model("tiny", dev.ferret.gguf.GgufType.F32, 11);
        java.nio.file.Path file = TestModels.dir().resolve("parallel-lora-close.gguf");
        new dev.ferret.models.AdapterGenerator(dev.ferret.gguf.GgufFile.read(base)).rank(8).alpha(16f).seed(5).write(file);
        try (Model m = Model.load(base, TestModels.small().withThreads(1));
             ParallelContext pc = m.newParallelContext(ParallelOptions.of(2).withSequenceContext(512));
             ParallelSession plain = pc.newSession(); ParallelSession adapted = pc.newSession();
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            String p = prompt(QUESTIONS[1]);
            Generation expected = plain.generate(p, GenerationRequest.greedy(24), null);
            plain.reset();
            Adapter lora = m.loadAdapter(file);
            adapted.setAdapter(lora, 1f);
            CountDownLatch started = new CountDownLatch(1);
            Future<Generation> fa = pool.submit(() -> adapted.generate(p, GenerationRequest.greedy(450), d -> {
                started.countDown();
                return true;
            }));
            assertTrue(started.await(60, java.util.concurrent.TimeUnit.SECONDS));
            lora.close(); // any thread; returns once no decode uses it
            java.util.concurrent.ExecutionException ex = assertThrows(java.util.concurrent.ExecutionException.class, fa::get);
            assertTrue(ex.getCause() instanceof EngineException.Closed, String.valueOf(ex.getCause()));
            assertTrue(adapted.adapters().isEmpty(), "the closed adapter is detached from the session");
            assertEquals(expected.text(), adapted.generate(p, GenerationRequest.greedy(24), null).text(),
                    "without the adapter the session generates what the base model does");
            assertEquals(expected.text(), plain.generate(p, GenerationRequest.greedy(24), null).text());
            assertThrows(EngineException.Closed.class, () -> adapted.setAdapter(lora, 1f));
        }
    }
}
