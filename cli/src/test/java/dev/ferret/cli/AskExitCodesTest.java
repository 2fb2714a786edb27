package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.Answer;
import dev.ferret.engine.chat.Json;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issues 17.5 and 17.6: {@code ask} exits 0 only with an answer, and says what its searches passed over. */
class AskExitCodesTest {
    static final String PROTOCOL = "Which classes in this codebase subclass from Protocol?";

    @Test
    void answeredIsZeroAndUnknownToTheHybridPathIsNoAnswer() throws Exception {
        Cli.Out a = Cli.run("ask", "--repo", Cli.sample().toString(), "--json", PROTOCOL);
        assertEquals(0, a.code(), a.stderr());
        JsonNode n = Json.MAPPER.readTree(a.stdout());
        assertEquals("answered", n.get("status").asText());
        assertEquals(0, n.get("notes").size());
        Cli.Out h = Cli.run("ask", "--repo", Cli.sample().toString(), "--mode", "hybrid", "--json",
                "How does checkout work?");
        assertEquals(ExitCodes.NO_ANSWER, h.code(), h.stderr());
        JsonNode hn = Json.MAPPER.readTree(h.stdout());
        assertEquals("unknown_intent", hn.get("stop_reason").asText());
        assertEquals("no_answer", hn.get("status").asText());
    }

    @Tag("native")
    @Tag("slow")
    @Test
    void theAgentsExitCodeFollowsItsStopReason(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny.gguf");
        new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(4).write(model);
        Cli.Out r = Cli.run("ask", "--repo", Cli.sample().toString(), "--model", model.toString(),
                "--mode", "agent", "--max-steps", "1", "-t", "2", "--json", "How does checkout work?");
        JsonNode n = Json.MAPPER.readTree(r.stdout());
        Answer.Status status = Answer.status(n.get("stop_reason").asText());
        assertEquals(status.name().toLowerCase(java.util.Locale.ROOT), n.get("status").asText());
        int expected = switch (status) {
            case ANSWERED -> 0;
            case FORCED -> 5;
            case NO_ANSWER -> 4;
        };
        assertEquals(expected, r.code(), r.stdout() + r.stderr());
    }

    @Test
    void skippedPythonFilesAreNamed(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("small.py"), "from typing import Protocol\n\nclass P(Protocol):\n    pass\n");
        try (RandomAccessFile f = new RandomAccessFile(repo.resolve("generated.py").toFile(), "rw")) {
            f.write("class Hidden(Protocol):\n    pass\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            f.setLength(9L << 20); // over the 8 MiB limit of the Python scan
        }
        // a named pipe that looks like Python: never opened (it blocked the agent until killed)
        new ProcessBuilder("mkfifo", repo.resolve("pipe.py").toString()).start().waitFor();
        Cli.Out j = Cli.run("ask", "--repo", repo.toString(), "--json", PROTOCOL);
        assertEquals(0, j.code(), j.stderr());
        JsonNode n = Json.MAPPER.readTree(j.stdout());
        assertTrue(n.get("answer").asText().contains("P (small.py:3)"), n.toString());
        assertEquals(1, n.get("notes").size(), n.toString());
        assertEquals("not searched: generated.py (9.0 MiB): larger than the 8 MiB limit for Python files, not scanned",
                n.get("notes").get(0).asText());
        Cli.Out t = Cli.run("ask", "--repo", repo.toString(), PROTOCOL);
        assertTrue(t.stderr().contains("note: not searched: generated.py (9.0 MiB)"), t.stderr());
    }
}
