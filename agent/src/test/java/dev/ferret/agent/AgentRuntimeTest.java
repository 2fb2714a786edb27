package dev.ferret.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.track.AnswerItems;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRuntimeTest {
    static Path sample() {
        Path p = Path.of("..", "examples", "shop").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : Path.of("examples", "shop").toAbsolutePath();
    }

    @Test
    void modelFormattingIsGroundedInTheFindings(@TempDir Path dir) {
        Path model = dir.resolve("tiny.gguf");
        new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(4).write(model);
        var opts = new AgentRuntime.Options(sample(), model, List.of(), null, false, AgentRuntime.Mode.HYBRID,
                AgentRuntime.Format.MODEL, 6, 2);
        var template = new AgentRuntime.Options(sample(), null, List.of(), null, false, AgentRuntime.Mode.HYBRID,
                AgentRuntime.Format.TEMPLATE, 6, 2);
        String question = "Which classes in this codebase subclass from Protocol?";
        Set<String> allowed;
        try (AgentRuntime rt = new AgentRuntime(template, AgentRuntime.Progress.SILENT)) {
            allowed = AnswerItems.parse(rt.ask(question).answer()).stream().map(Finding::toString).collect(Collectors.toSet());
        }
        try (AgentRuntime rt = new AgentRuntime(opts, AgentRuntime.Progress.SILENT)) {
            Answer a = rt.ask(question);
            assertEquals("hybrid", a.mode());
            assertTrue(a.tokensGenerated() > 0, "the model wrote the answer");
            List<Finding> listed = AnswerItems.parse(a.answer());
            assertFalse(listed.isEmpty(), a.answer());
            Set<String> keys = allowed.stream().map(s -> s.replaceAll("detail=.*", "")).collect(Collectors.toSet());
            for (Finding f : listed) {
                assertTrue(keys.contains(f.toString().replaceAll("detail=.*", "")), "invented item: " + f);
            }
        }
    }

    @Test
    void agentModeWithoutAModelIsRefusedClearly() {
        var opts = new AgentRuntime.Options(sample(), null, List.of(), null, false, AgentRuntime.Mode.AGENT,
                AgentRuntime.Format.TEMPLATE, 6, 0);
        String old = System.getProperty("ferret.models");
        System.setProperty("ferret.models", "/no/models/here");
        try {
            var e = assertThrows(IllegalArgumentException.class, () -> new AgentRuntime(opts, AgentRuntime.Progress.SILENT));
            assertTrue(e.getMessage().contains("--model"));
        } finally {
            if (old == null) {
                System.clearProperty("ferret.models");
            } else {
                System.setProperty("ferret.models", old);
            }
        }
    }
}
