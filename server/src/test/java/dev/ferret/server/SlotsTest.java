package dev.ferret.server;

import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.models.io.SpecialFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slot save/restore by name survives a server restart, and the restored cache is reused; a slot file name taken by
 * something other than a file is refused, never replaced.
 */
class SlotsTest {
    static final String CONVERSATION = "\"messages\": [{\"role\": \"system\", \"content\": \"You answer questions about a Python codebase.\"},"
            + " {\"role\": \"user\", \"content\": \"Which classes subclass Protocol?\"}]";

    @Test
    void aSlotSavedBeforeARestartIsRestoredAfterIt(@TempDir Path dir) throws Exception {
        String chat = "{" + CONVERSATION + ", \"max_tokens\": 8, \"temperature\": 0}";
        JsonNode fresh;
        int saved;
        try (FerretServer a = TestServers.ready(TestServers.options(2).withSlotDir(dir))) {
            fresh = post(a, "/v1/chat/completions", chat).json();
            TestServers.Reply r = post(a, "/slots/conv-1?action=save", "{" + CONVERSATION + "}");
            assertEquals(200, r.status(), r.body());
            saved = r.json().path("n_saved").asInt();
            assertEquals(fresh.path("usage").path("prompt_tokens").asInt(), saved, "the slot holds the rendered conversation");
        }
        try (FerretServer b = TestServers.ready(TestServers.options(2).withSlotDir(dir))) {
            TestServers.Reply r = post(b, "/slots/conv-1?action=restore", "{}");
            assertEquals(200, r.status(), r.body());
            assertEquals(saved, r.json().path("n_restored").asInt());
            JsonNode after = post(b, "/v1/chat/completions", chat).json();
            assertEquals(saved - 1, after.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt(),
                    "everything but the last prompt token came from the slot: " + after);
            assertEquals(fresh.path("choices").path(0).path("message").path("content").asText(),
                    after.path("choices").path(0).path("message").path("content").asText());
            assertEquals(404, post(b, "/slots/never-saved?action=restore", "{}").status());
            assertEquals(400, post(b, "/slots/..%2Fetc?action=restore", "{}").status());
            assertEquals(400, post(b, "/slots/conv-1?action=explode", "{}").status());
        }
    }

    @Test
    void aSlotWhoseFileNameIsTakenByAFolderOrAPipeIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectory(dir.resolve("taken.slot"));
        java.nio.file.Path fifo = SpecialFiles.fifo(dir, "piped.slot");
        try (FerretServer s = TestServers.ready(TestServers.options(1).withSlotDir(dir))) {
            for (String name : new String[] {"taken", "piped"}) {
                TestServers.Reply r = post(s, "/slots/" + name + "?action=save", "{" + CONVERSATION + "}");
                assertEquals(400, r.status(), r.body());
                assertEquals("slot", r.json().path("error").path("param").asText(), r.body());
                assertTrue(r.json().path("error").path("message").asText().contains(dir.resolve(name + ".slot") + ": is a "), r.body());
            }
            assertEquals(200, post(s, "/slots/free?action=save", "{" + CONVERSATION + "}").status(), "the server goes on saving");
        }
        assertTrue(java.nio.file.Files.isDirectory(folder));
        assertEquals("a named pipe (FIFO)", RegularFiles.kind(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(3, left.count(), "no temporary file is left beside them");
        }
    }
}
