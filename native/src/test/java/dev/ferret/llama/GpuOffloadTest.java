package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Offloading every layer to a GPU changes the logits only within float tolerance. Runs where the loaded library
 * offers a GPU device (e.g. {@code FERRET_LLAMA_LIBRARY} naming a build of {@code native/scripts/build-cuda.sh});
 * skipped elsewhere, so it can stay in the default run.
 */
@Tag("gpu")
class GpuOffloadTest extends TinyModelTest {
    @BeforeEach
    void needsAGpu() {
        LlamaBackend b = LlamaBackend.get();
        assumeTrue(b.devices().stream().anyMatch(d -> d.type() == LlamaBackend.Device.Type.GPU),
                "no GPU device in " + NativeLibrary.describe() + ": " + b.devices());
    }

    static float[] logits(LlamaModel m, int[] prompt) {
        try (LlamaContext ctx = m.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            feed(ctx, b, prompt, 0, 0);
            return ctx.logits(-1);
        }
    }

    @Test
    void everyLayerOffloadedGivesTheCpuLogits() {
        assertTrue(LlamaBackend.get().supportsGpuOffload());
        int[] prompt = model.vocab().tokenize("def main():\n    return Client(Protocol)", false, true);
        float[] cpu = logits(model, prompt);
        float[] gpu;
        try (LlamaModel offloaded = LlamaModel.load(LlamaBackend.get(), tinyFile(), ModelParams.defaults().withGpuLayers(-1), null)) {
            gpu = logits(offloaded, prompt);
        }
        assertEquals(cpu.length, gpu.length);
        float scale = 1f;
        int top = 0;
        int second = -1;
        for (int i = 0; i < cpu.length; i++) {
            scale = Math.max(scale, Math.abs(cpu[i]));
            if (cpu[i] > cpu[top]) {
                second = top;
                top = i;
            } else if (i != top && (second < 0 || cpu[i] > cpu[second])) {
                second = i;
            }
        }
        float tolerance = 0.02f * scale; // GPU kernels sum in another order and may use half precision
        float worst = 0;
        for (int i = 0; i < cpu.length; i++) {
            worst = Math.max(worst, Math.abs(cpu[i] - gpu[i]));
        }
        assertTrue(worst <= tolerance, "largest logit difference " + worst + " > " + tolerance);
        if (cpu[top] - cpu[second] > 2 * tolerance) {
            int gpuTop = 0;
            for (int i = 1; i < gpu.length; i++) {
                if (gpu[i] > gpu[gpuTop]) {
                    gpuTop = i;
                }
            }
            assertEquals(top, gpuTop, "a clear greedy choice stays the same");
        }
    }
}
