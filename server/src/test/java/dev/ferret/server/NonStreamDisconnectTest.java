package dev.ferret.server;

import static dev.ferret.server.StreamDisconnectTest.metric;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The documented limit of non-streamed requests: the JDK's HTTP server gives a handler no way to see that its client
 * went away before the reply is written (the exchange exposes neither the socket nor a read past the body), so a
 * non-streamed generation whose client disconnects runs to its end. What must hold is that it then frees its
 * sequence: the next request is served and nothing stays busy.
 */
class NonStreamDisconnectTest {
    static void waitFor(FerretServer s, String metric, long value) throws Exception {
        for (int i = 0; i < 6000 && metric(s, metric) != value; i++) { // up to a minute; no time is asserted
            Thread.sleep(10);
        }
    }

    @Test
    void aNonStreamedRequestWhoseClientLeftRunsToItsEndAndThenFreesItsSequence() throws Exception {
        int budget = 400;
        String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"Tell me everything.\"}], \"max_tokens\": " + budget
                + ", \"temperature\": 0}";
        try (FerretServer s = TestServers.ready(TestServers.options(1).withContextSize(1024))) {
            // greedy is deterministic: this reply runs to its budget when nobody leaves
            JsonNode whole = post(s, "/v1/chat/completions", body).json();
            assertEquals(budget, whole.path("usage").path("completion_tokens").asInt(), whole.toString());
            long before = metric(s, "ferret_completion_tokens_total");

            try (Socket socket = new Socket("127.0.0.1", s.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                waitFor(s, "ferret_sequences_busy", 1); // the request holds the one sequence
                assertEquals(1, metric(s, "ferret_sequences_busy"));
            } // the client goes away here, before any reply

            // the one sequence comes free once the abandoned generation ends, so this request is served
            JsonNode next = post(s, "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 2}").json();
            assertEquals(2, next.path("usage").path("completion_tokens").asInt(), next.toString());
            waitFor(s, "ferret_completion_tokens_total", before + budget + 2);
            assertEquals(before + budget + 2, metric(s, "ferret_completion_tokens_total"), "the abandoned reply ran to its budget");
            assertEquals(0, metric(s, "ferret_requests_cancelled_total"), "a non-streamed disconnect is not noticed");
            assertEquals(0, metric(s, "ferret_sequences_busy"));
        }
    }
}
