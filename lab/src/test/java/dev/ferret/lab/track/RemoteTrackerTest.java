package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.server.FerretServer;
import dev.ferret.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferret track --endpoint}: the query suite against two real {@code ferret serve} instances started here on free
 * ports, over a generated model. The questions are spread round-robin (each server saw exactly the turns of its
 * share), each answer's time, steps, tool calls and scores are recorded, and the report says n/a for the model's size
 * and memory.
 */
@Tag("native")
class RemoteTrackerTest {
    static Path sample() {
        Path p = Path.of("..", "examples", "shop").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : Path.of("examples", "shop").toAbsolutePath();
    }

    /** Successful chat completions a server answered, from its /metrics. */
    static long chatRequests(FerretServer s) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith("ferret_requests_total{endpoint=\"/v1/chat/completions\",status=\"200\"}"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void theSuiteIsSpreadOverRunningServers(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny.gguf");
        new ModelGenerator(ModelSpec.preset("tiny")).weightType(GgufType.Q8_0).seed(1).write(model);
        // the agent's system prompt and tool schemas take about 5,200 tokens of the tiny model's own tokenizer
        ServerOptions o = ServerOptions.of(model).withPort(0).withParallel(1).withContextSize(16384).withThreads(1);
        try (FerretServer a = FerretServer.start(o); FerretServer b = FerretServer.start(o)) {
            a.awaitReady();
            b.awaitReady();
            List<URI> endpoints = List.of(URI.create("http://127.0.0.1:" + a.port()), URI.create("http://127.0.0.1:" + b.port() + "/v1"));
            // a random tiny model answers from "memory" unless made to call: the first turn of each question must call a tool
            Tracker.Run run = Tracker.runRemote("remote-test", sample(), new Tracker.Remote(endpoints, 2, null, true), true, false);

            StandardQuestion[] qs = StandardQuestion.values();
            List<Tracker.Row> remote = run.rows().stream().filter(r -> r.mode().equals(Tracker.REMOTE)).toList();
            List<Tracker.Row> hybrid = run.rows().stream().filter(r -> r.mode().equals("hybrid")).toList();
            assertEquals(qs.length, remote.size());
            assertEquals(qs.length, hybrid.size(), "hybrid rows still run here");
            long stepsA = 0;
            long stepsB = 0;
            for (int i = 0; i < qs.length; i++) {
                Tracker.Row r = remote.get(i);
                assertEquals(qs[i], r.question());
                assertTrue(r.seconds() > 0);
                assertTrue(r.steps() >= 2 && r.steps() <= 3, "a required call, at most one more, and an answer: " + r.steps());
                assertTrue(r.tokens() > 0, "usage came back");
                assertTrue(r.autonomous(), r.toString());
                assertTrue(r.toolCalls().values().stream().mapToInt(Integer::intValue).sum() >= 1, "the required call ran here: " + r);
                if (i % 2 == 0) {
                    stepsA += r.steps();
                } else {
                    stepsB += r.steps();
                }
            }
            assertEquals(stepsA, chatRequests(a), "the first server answered the even questions' turns");
            assertEquals(stepsB, chatRequests(b), "the second server answered the odd questions' turns");
            assertEquals(-1, run.modelBytes());
            assertTrue(run.model().startsWith("remote: tiny at http://127.0.0.1:"), run.model());

            String md = Tracker.toMarkdown(run);
            String line = md.lines().filter(l -> l.startsWith("| Ferret shop / remote |")).findFirst().orElseThrow(() -> new AssertionError(md));
            assertTrue(line.startsWith("| Ferret shop / remote | n/a (remote) | n/a (remote) |"), line);
            assertFalse(md.lines().filter(l -> l.startsWith("| Ferret shop / hybrid |")).findFirst().orElseThrow().contains("n/a (remote)"));
            JsonNode json = Tracker.toJson(run);
            assertTrue(json.get("model_bytes").isNull());
            System.out.println(md.lines().filter(l -> l.startsWith("| shop | remote")).toList());
        }
    }

    @Test
    void aServerThatIsNotThereIsAnIoErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> Tracker.runRemote("x", sample(),
                new Tracker.Remote(List.of(URI.create("http://127.0.0.1:1")), 2, null, false), false, false));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RemoteAgent.chatUri(URI.create("ftp://host")));
    }
}
