package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import dev.ferret.server.FerretServer;
import dev.ferret.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ferret serve}'s options reach the server: the thread options (as {@code generate}'s) are the loaded model's,
 * several {@code --lora}, {@code --draft} with its speculation options; misuse is exit 2 with one error line.
 */
class ServeCommandTest {
    static ServerOptions parse(String... args) {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return c.options();
    }

    static JsonNode modelMeta(FerretServer s) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/models"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body()).path("data").path(0).path("meta");
    }

    @Test
    void threadOptionsAreTheLoadedModels() throws Exception {
        String m = Cli.tinyModel().toString();
        ServerOptions o = parse("-m", m, "--port", "0", "-t", "1", "--poll", "7", "--prio", "medium", "-c", "256", "--parallel", "1");
        try (FerretServer s = FerretServer.start(o)) {
            s.awaitReady();
            JsonNode meta = modelMeta(s);
            assertEquals(1, meta.path("threads").asInt(), meta.toString());
            assertEquals(true, meta.path("threadpool").path("enabled").asBoolean(), meta.toString());
            assertEquals(7, meta.path("threadpool").path("poll").asInt(), meta.toString());
            assertEquals("medium", meta.path("threadpool").path("priority").asText(), meta.toString());
        }
        try (FerretServer s = FerretServer.start(parse("-m", m, "--port", "0", "-t", "1", "--no-threadpool", "-c", "256", "-np", "1"))) {
            s.awaitReady();
            assertEquals(false, modelMeta(s).path("threadpool").path("enabled").asBoolean());
        }
    }

    @Test
    void adaptersDraftAndParallelDefaults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String m = Cli.tinyModel().toString();
        ServerOptions plain = parse("-m", m);
        assertEquals(4, plain.parallel());
        assertEquals(List.of(), plain.loras());
        // the adapter files must exist (checked before the server starts); they are not loaded here
        java.nio.file.Path a = java.nio.file.Files.createFile(dir.resolve("a.gguf"));
        java.nio.file.Path b = java.nio.file.Files.createFile(dir.resolve("b.gguf"));
        ServerOptions two = parse("-m", m, "--lora", a.toString(), "--lora", b.toString());
        assertEquals(List.of(a, b), two.loras());
        ServerOptions draft = parse("-m", m, "--draft", m, "--draft-max", "5", "--draft-min", "2", "--no-adaptive");
        assertEquals(1, draft.parallel(), "--draft serves one request at a time by default");
        assertEquals(5, draft.speculation().maxDraft());
        assertEquals(2, draft.speculation().minDraft());
        assertEquals(false, draft.speculation().adaptive());
    }

    @Test
    void misuseIsExitTwo() {
        String m = Cli.tinyModel().toString();
        for (String[] args : List.of(new String[] {"serve", "-m", m, "--draft", m, "--parallel", "2"},
                new String[] {"serve", "-m", m, "--poll", "101"},
                new String[] {"serve", "-m", m, "--prio", "urgent"},
                new String[] {"serve", "-m", m, "-t", "100000"})) {
            Cli.Out r = Cli.run(args);
            assertEquals(2, r.code(), List.of(args) + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("error: "), r.stderr());
            assertTrue(!r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
        }
        Cli.Out r = Cli.run("serve", "-m", m, "--draft", m, "--parallel", "2");
        assertTrue(r.stderr().contains("--parallel 1"), r.stderr());
    }

    @Test
    void aHostThatDoesNotResolveOrASlotFolderThatIsNoFolderIsRefusedAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String m = Cli.tinyModel().toString();
        OptionBoundsTest.refused("--host 256.1.1.1: neither an IP address nor a name that resolves to one", "serve", "-m", m, "--port", "0",
                "--host", "256.1.1.1");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("slots"), "x");
        OptionBoundsTest.refused("--slot-dir " + file + ": is a regular file, not a directory", "serve", "-m", m, "--port", "0",
                "--slot-dir", file.toString());
        java.nio.file.Path fifo = dev.ferret.models.io.SpecialFiles.fifo(dir, "pipe");
        OptionBoundsTest.refused("--slot-dir " + fifo + ": is a named pipe (FIFO), not a directory", "serve", "-m", m, "--port", "0",
                "--slot-dir", fifo.toString());
        OptionBoundsTest.refused("--slot-dir " + fifo.resolve("sub") + ": " + fifo + ": is a named pipe (FIFO), not a directory", "serve",
                "-m", m, "--port", "0", "--slot-dir", fifo.resolve("sub").toString());
    }

    @Test
    void aTakenPortIsNamedWithItsHost() throws Exception {
        String m = Cli.tinyModel().toString();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            // bind fails before the model loads and before serving, so the command returns
            Cli.Out r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> Cli.run("serve", "-m", m, "--port", String.valueOf(taken.getLocalPort())));
            assertEquals(1, r.code(), r.stderr());
            assertTrue(r.stderr().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), r.stderr());
            assertTrue(r.stderr().contains("another process listens there: choose another port, or port 0 for any free one"), r.stderr());
        }
    }
}
