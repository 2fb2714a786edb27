package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.server.FerretServer;
import dev.ferret.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferret track --endpoint}: the command against a real server started here; the model options are refused with it. */
class TrackEndpointCliTest {
    @Test
    void theReportComesFromTheServer(@TempDir Path dir) throws Exception {
        ServerOptions o = ServerOptions.of(Cli.tinyModel()).withPort(0).withParallel(1).withContextSize(16384).withThreads(1);
        try (FerretServer s = FerretServer.start(o)) {
            s.awaitReady();
            Cli.Out r = Cli.run("track", "--repo", Cli.sample().toString(), "--endpoint", "http://127.0.0.1:" + s.port(), "--require-call",
                    "--modes", "agent", "--no-cold", "--out", dir.toString(), "--name", "remote");
            assertEquals(0, r.code(), r.stderr());
            assertTrue(r.stdout().contains("| Ferret shop / remote | n/a (remote) | n/a (remote) |"), r.stdout());
            assertTrue(r.stdout().contains("Model: remote: cli-tiny-q8_0 at http://127.0.0.1:" + s.port()), r.stdout());
            assertTrue(Files.readString(dir.resolve("remote.json")).contains("\"mode\" : \"remote\""));
        }
    }

    @Test
    void modelOptionsBelongToTheServers() {
        Cli.Out r = Cli.run("track", "--repo", Cli.sample().toString(), "--endpoint", "http://127.0.0.1:9", "--model", "m.gguf");
        assertEquals(2, r.code(), r.stderr());
        assertTrue(r.stderr().startsWith("error: --endpoint sends the questions to running servers"), r.stderr());
    }
}
