package dev.ferret.server;

import static dev.ferret.server.StreamDisconnectTest.metric;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.models.CalibratedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ferret serve --draft}: greedy replies with a draft model are the replies without one, over HTTP, for plain
 * and streamed completions; the drafts really ran (the server's draft counters); {@code --draft} with more than one
 * parallel sequence is refused at start.
 */
class SpeculativeServeTest {
    static final List<String> PROMPTS = List.of("def main():", "Which classes subclass Protocol?", "import os\nimport sys\n");
    /** Always draft, whatever the acceptance: the adaptive default may decide plain decoding pays on a tiny pair. */
    static final SpeculativeOptions ALWAYS = new SpeculativeOptions(6, 1, 0f, false);
    static Path target;

    @BeforeAll
    static void models() throws Exception {
        // the test model with two more layers and noise on top: the draft predicts it often, not always, so both
        // accepted and rejected drafts occur
        Path dir = Files.createTempDirectory("ferret-serve-draft");
        dir.toFile().deleteOnExit();
        target = dir.resolve("target.gguf");
        CalibratedTarget.from(TestServers.model()).width(256).extraLayers(2).noise(0.4).write(target);
        target.toFile().deleteOnExit();
    }

    static String completion(String prompt) {
        return "{\"prompt\": " + Json.MAPPER.valueToTree(prompt) + ", \"max_tokens\": 24, \"temperature\": 0}";
    }

    static String chat(String prompt, boolean stream) {
        return "{\"messages\": [{\"role\": \"user\", \"content\": " + Json.MAPPER.valueToTree(prompt) + "}], \"max_tokens\": 24,"
                + " \"temperature\": 0, \"stream\": " + stream + "}";
    }

    /** The content of a streamed chat reply, its chunks joined. */
    static String streamed(TestServers.Reply r) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonNode chunk = Json.MAPPER.readTree(line.substring(6));
                sb.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
            }
        }
        return sb.toString();
    }

    static void sameRepliesWithAndWithout(Path model, Path draft, boolean allAccepted) throws Exception {
        ServerOptions plain = ServerOptions.of(model).withPort(0).withParallel(1).withContextSize(256).withThreads(1).withAlias("m");
        try (FerretServer without = TestServers.ready(plain);
             FerretServer with = TestServers.ready(plain.withDraft(draft).withSpeculation(ALWAYS))) {
            for (String p : PROMPTS) {
                JsonNode a = post(without, "/v1/completions", completion(p)).json();
                JsonNode b = post(with, "/v1/completions", completion(p)).json();
                String text = a.path("choices").path(0).path("text").asText();
                assertEquals(24, a.path("usage").path("completion_tokens").asInt(), a.toString());
                assertEquals(text, b.path("choices").path(0).path("text").asText(), "completion of " + p);
                assertEquals(a.path("usage").path("completion_tokens").asInt(), b.path("usage").path("completion_tokens").asInt());

                String chatA = post(without, "/v1/chat/completions", chat(p, false)).json().path("choices").path(0).path("message")
                        .path("content").asText();
                TestServers.Reply streamedB = post(with, "/v1/chat/completions", chat(p, true));
                assertEquals(200, streamedB.status());
                assertEquals(chatA, streamed(streamedB), "streamed chat reply to " + p);
            }
            long drafted = metric(with, "ferret_draft_tokens_total");
            long accepted = metric(with, "ferret_draft_tokens_accepted_total");
            assertTrue(drafted > 0, "the draft model proposed tokens");
            if (allAccepted) {
                assertEquals(drafted, accepted, "a model drafting for itself is always right");
            }
            assertEquals(0, metric(without, "ferret_draft_tokens_total"));
            JsonNode meta = TestServers.get(with, "/v1/models").json().path("data").path(0).path("meta");
            assertEquals(draft.getFileName().toString(), meta.path("draft_model").asText(), meta.toString());
            assertEquals(1, meta.path("parallel").asInt());
            System.out.println("draft " + draft.getFileName() + " for " + model.getFileName() + ": accepted " + accepted + " of " + drafted);
        }
    }

    @Test
    void aDraftPairGivesTheRepliesOfTheTargetAlone() throws Exception {
        sameRepliesWithAndWithout(target, TestServers.model(), false);
    }

    @Test
    void aModelDraftingForItselfGivesItsOwnRepliesWithEveryDraftAccepted() throws Exception {
        sameRepliesWithAndWithout(TestServers.model(), TestServers.model(), true);
    }

    @Test
    void draftWithParallelSequencesIsRefusedAtStart() {
        assertEquals(1, ServerOptions.of(TestServers.model()).withDraft(TestServers.model()).parallel(), "a draft model takes parallel 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.of(TestServers.model()).withDraft(TestServers.model()).withParallel(2));
        assertTrue(e.getMessage().contains("--parallel 1"), e.getMessage());
    }
}
