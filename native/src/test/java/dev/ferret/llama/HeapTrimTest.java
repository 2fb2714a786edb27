package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@Tag("native")
class HeapTrimTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFreedContextIsFollowedByATrimOnceThingsAreQuiet() throws Exception {
        assertTrue(HeapTrim.available(), "glibc has malloc_trim");
        LlamaModel model = LlamaModel.load(LlamaBackend.get(), NativeFixtures.model("tiny", dev.ferret.gguf.GgufType.Q8_0), ModelParams.defaults(), null);
        long before = HeapTrim.trims();
        model.newContext(NativeFixtures.ctxParams()).close();
        model.close();
        // a bounded wait, not a timing assertion: the trim comes QUIET_MS after the last free
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (HeapTrim.trims() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(HeapTrim.trims() > before, "no trim within 60 s of the last free");
    }
}
