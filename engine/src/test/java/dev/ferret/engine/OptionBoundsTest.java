package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.llama.ContextParams;
import dev.ferret.llama.ModelParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17.4 and 17.10: every numeric option is checked before native code sees it, naming the option. */
class OptionBoundsTest {
    private static void refused(String option, Supplier<?> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        assertTrue(e.getMessage().startsWith(option + " must "), e.getMessage());
    }

    /** Issue 10.4: the defaults are read from llama.cpp's C defaults, not declared again in Java. */
    @Tag("native")
    @Test
    void modelOptionDefaultsAreLlamaCpps() {
        ModelOptions d = ModelOptions.defaults();
        ModelParams model = ModelParams.defaults();
        assertEquals(model.gpuLayers(), d.gpuLayers());
        assertEquals(model.useMmap(), d.mmap());
        assertEquals(ContextParams.defaults().ubatchSize(), d.batchSize());
        assertEquals(512, d.batchSize(), "b4916's n_ubatch");
        assertTrue(d.mmap());
        assertEquals(0, d.contextSize(), "the model's own, at most 4096");
        assertEquals(0, d.threads(), "all processors");
    }

    @Test
    void modelOptions() {
        ModelOptions d = ModelOptions.defaults();
        for (int t : new int[] {0, 1, 512}) {
            assertEquals(t, d.withThreads(t).threads());
        }
        for (int t : new int[] {-1, 513, 20_000, 50_000, Integer.MAX_VALUE}) {
            refused("threads", () -> d.withThreads(t));
        }
        for (int c : new int[] {0, 16, 4096, ModelOptions.MAX_CONTEXT}) {
            assertEquals(c, d.withContextSize(c).contextSize());
        }
        for (int c : new int[] {-1, 1, 15, ModelOptions.MAX_CONTEXT + 1, Integer.MAX_VALUE}) {
            refused("contextSize", () -> d.withContextSize(c));
        }
        refused("batchSize", () -> d.withBatchSize(0));
        refused("batchSize", () -> d.withBatchSize(ModelOptions.MAX_CONTEXT + 1));
        assertEquals(-1, d.withGpuLayers(-1).gpuLayers());
        assertEquals(4096, d.withGpuLayers(4096).gpuLayers());
        refused("gpuLayers", () -> d.withGpuLayers(-2));
        refused("gpuLayers", () -> d.withGpuLayers(4097));
        assertTrue(d.effectiveThreads() >= 1 && d.effectiveThreads() <= 512);
    }

    @Test
    void samplingOptions() {
        SamplingOptions g = SamplingOptions.greedy();
        assertTrue(g.isGreedy());
        for (float t : new float[] {-1f, -0.001f, Float.NaN, Float.POSITIVE_INFINITY, 100.5f}) {
            refused("temperature", () -> new SamplingOptions(t, 40, 0.95f, 0.05f, 1f, 64, 0));
            refused("temperature", () -> SamplingOptions.forTemperature(t, 1));
        }
        assertTrue(SamplingOptions.forTemperature(0f, 1).isGreedy());
        assertEquals(0.7f, SamplingOptions.forTemperature(0.7f, 1).temperature());
        assertFalse(SamplingOptions.forTemperature(0.7f, 1).isGreedy());
        refused("topK", () -> new SamplingOptions(0.8f, -1, 0.95f, 0.05f, 1f, 64, 0));
        for (float p : new float[] {0f, -0.5f, 1.01f, Float.NaN}) {
            refused("topP", () -> new SamplingOptions(0.8f, 40, p, 0.05f, 1f, 64, 0));
        }
        for (float p : new float[] {-0.01f, 1.01f, Float.NaN}) {
            refused("minP", () -> new SamplingOptions(0.8f, 40, 0.95f, p, 1f, 64, 0));
        }
        for (float r : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 101f}) {
            refused("repeatPenalty", () -> g.withRepeatPenalty(r, 64));
        }
        refused("repeatLastN", () -> g.withRepeatPenalty(1.1f, -2));
        refused("repeatLastN", () -> g.withRepeatPenalty(1.1f, Integer.MAX_VALUE));
        assertDoesNotThrow(() -> g.withRepeatPenalty(1.1f, -1));
    }

    @Test
    void generationRequests() {
        for (int n : new int[] {0, -1, Integer.MIN_VALUE, GenerationRequest.MAX_TOKENS + 1}) {
            refused("maxTokens", () -> GenerationRequest.greedy(n));
        }
        assertEquals(GenerationRequest.MAX_TOKENS, GenerationRequest.greedy(GenerationRequest.MAX_TOKENS).maxTokens());
        GenerationRequest r = GenerationRequest.greedy(8);
        refused("stopStrings", () -> r.withStops(List.of("\n", "")));
        // a null entry was a bare NullPointerException from List.copyOf
        assertEquals("stopStrings must not contain null, got it at index 1", assertThrows(IllegalArgumentException.class,
                () -> r.withStops(java.util.Arrays.asList("\n", null))).getMessage());
        refused("bannedTokens", () -> r.withBanned(new java.util.HashSet<>(java.util.Arrays.asList(1, null))));
        java.util.Map<Integer, Float> nullBias = new java.util.HashMap<>();
        nullBias.put(3, null);
        refused("logitBias", () -> new GenerationRequest(8, null, null, null, nullBias, null));
        refused("bannedTokens", () -> r.withBanned(Set.of(-3)));
        for (float bias : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            refused("logitBias", () -> new GenerationRequest(8, null, null, null, Map.of(5, bias), null));
        }
        refused("logitBias", () -> new GenerationRequest(8, null, null, null, Map.of(-1, 1f), null));
    }

    @Tag("native")
    @Test
    void sessionsAndContextsCheckTheirSizesAndThreads() {
        try (Model m = Model.load(TestModels.tinyQ4(), TestModels.small())) {
            refused("contextSize", () -> m.newSession(8));
            refused("contextSize", () -> m.newSession(Integer.MAX_VALUE));
            var llama = m.llama();
            refused("n_threads (threads)", () -> llama.newContext(ContextParams.defaults().withContextSize(64).withThreads(50_000)));
            refused("n_seq_max (maxSequences)", () -> llama.newContext(ContextParams.defaults().withContextSize(64).withMaxSequences(100_000)));
            try (var ctx = llama.newContext(ContextParams.defaults().withContextSize(64))) {
                refused("decode threads", () -> {
                    ctx.setThreads(513, 2);
                    return null;
                });
            }
        }
    }

    @Tag("native")
    @Test
    void aDirectoryIsNotAModelFile(@TempDir Path dir) {
        EngineException.InvalidModel e = assertThrows(EngineException.InvalidModel.class, () -> Model.load(dir));
        assertEquals("model path " + dir + " is a directory, not a GGUF file", e.getMessage());
        assertTrue(assertThrows(EngineException.InvalidModel.class, () -> Model.load(dir.resolve("nope.gguf")))
                .getMessage().startsWith("model file not found: "));
        try (Model m = Model.load(TestModels.tinyQ4(), TestModels.small())) {
            assertEquals("adapter path " + dir + " is a directory, not a GGUF file",
                    assertThrows(EngineException.IncompatibleAdapter.class, () -> m.loadAdapter(dir)).getMessage());
        }
    }

    /** A pipe or socket given as a model or adapter is named for what it is, and never opened (a pipe would block). */
    @Tag("native")
    @Test
    void aPipeOrSocketIsNamedNotOpened(@TempDir Path dir) throws Exception {
        Path fifo = dev.ferret.models.io.SpecialFiles.fifo(dir, "pipe.gguf");
        Path socket = dev.ferret.models.io.SpecialFiles.socket(dir, "socket.gguf");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals("model path " + fifo + " is a named pipe (FIFO), not a GGUF file",
                    assertThrows(EngineException.InvalidModel.class, () -> Model.load(fifo)).getMessage());
            assertEquals("model path " + socket + " is a socket, not a GGUF file",
                    assertThrows(EngineException.InvalidModel.class, () -> Model.load(socket)).getMessage());
            try (Model m = Model.load(TestModels.tinyQ4(), TestModels.small())) {
                assertEquals("adapter path " + fifo + " is a named pipe (FIFO), not a GGUF file",
                        assertThrows(EngineException.IncompatibleAdapter.class, () -> m.loadAdapter(fifo)).getMessage());
            }
        });
    }

    /** {@code ferret generate -t 50000} died in ggml (SIGSEGV; -t 20000 aborted); now it is refused with a message. */
    @Tag("native")
    @Tag("slow")
    @Test
    void threadCountsBeyondGgmlsLimitAreRefusedNotCrashed() throws Exception {
        for (String threads : new String[] {"50000", "513"}) {
            ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(2), List.of(), OptionsProbe.class, TestModels.tinyQ4().toString(), threads);
            assertFalse(r.crashed(), r.describe());
            assertTrue(r.output().contains("refused: threads must be 0 (all processors) or 1 to 512"), r.describe());
        }
        ChildJvm.Result ok = ChildJvm.run(Duration.ofMinutes(2), List.of(), OptionsProbe.class, TestModels.tinyQ4().toString(), "2");
        assertTrue(ok.output().contains("generated "), ok.describe());
    }
}
