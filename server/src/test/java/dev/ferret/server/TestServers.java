package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** A generated tiny model, servers on it on a free loopback port, and an HTTP client for the tests. */
final class TestServers {
    private static Path model;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServers() {}

    static synchronized Path model() {
        if (model == null) {
            try {
                Path dir = Files.createTempDirectory("ferret-server-test");
                dir.toFile().deleteOnExit();
                model = dir.resolve("tiny.gguf");
                new ModelGenerator(ModelSpec.preset("tiny")).weightType(GgufType.Q4_0).seed(1).write(model);
                model.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    /** Loopback, any free port, one decode thread (the tests check behaviour, not speed), 256 tokens a sequence. */
    static ServerOptions options(int parallel) {
        return ServerOptions.of(model()).withPort(0).withParallel(parallel).withContextSize(256).withThreads(1);
    }

    static FerretServer ready(ServerOptions options) throws Exception {
        FerretServer s = FerretServer.start(options);
        s.awaitReady();
        return s;
    }

    static String base(FerretServer s) {
        return "http://127.0.0.1:" + s.port();
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    static Reply post(FerretServer s, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base(s) + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Reply get(FerretServer s, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base(s) + path)).GET().build());
    }

    static Reply send(HttpRequest r) throws Exception {
        HttpResponse<String> resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), resp.body());
    }
}
