package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models are streamed to disk row by row: a JVM whose heap is smaller than the model's floats writes it. */
@Tag("slow")
class StreamingTest {
    @TempDir
    Path dir;

    private static String run(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", System.getProperty("java.class.path"), GenerateModel.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "generation finished");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void aModelLargerThanTheHeapIsWritten() throws Exception {
        // Qwen2.5-0.5B's layer sizes, 2 layers: 28M parameters, 113 MB as floats, written with a 32 MB heap
        Path out = dir.resolve("wide.gguf");
        String output = run("-Xmx32m", out.toString(), "Q4_0", "896", "2", "14", "2", "4864");
        assertTrue(output.startsWith("ok "), output);
        assertTrue(Files.size(out) > 15_000_000, "the file holds the weights: " + Files.size(out));
    }

    @Tag("long")
    @Test
    void theQwen05bPresetIsWrittenWithA512MbHeap() throws Exception {
        Path out = dir.resolve("qwen05b.gguf");
        String output = run("-Xmx512m", out.toString(), "Q4_0");
        assertTrue(output.startsWith("ok "), output);
        assertTrue(Files.size(out) > 190_000_000, "358M parameters at 4.5 bits: " + Files.size(out));
    }
}
