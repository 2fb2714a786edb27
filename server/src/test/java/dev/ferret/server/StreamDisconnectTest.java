package dev.ferret.server;

import static dev.ferret.server.TestServers.get;
import static dev.ferret.server.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A streaming client that goes away mid-reply frees its sequence at once; the server goes on serving. */
class StreamDisconnectTest {
    static long metric(FerretServer s, String name) throws Exception {
        return get(s, "/metrics").body().lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> (long) Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void aClientThatDisconnectsMidStreamFreesItsSequence() throws Exception {
        int budget = 3000;
        String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"Tell me everything.\"}], \"max_tokens\": " + budget + ", \"temperature\": 0";
        try (FerretServer s = TestServers.ready(TestServers.options(1).withContextSize(4096))) {
            // greedy is deterministic: check once that this reply runs to its budget, so only a disconnect can end it early
            JsonNode whole = post(s, "/v1/chat/completions", body + "}").json();
            assertEquals("length", whole.path("choices").path(0).path("finish_reason").asText(), whole.toString());
            long before = metric(s, "ferret_completion_tokens_total");

            try (Socket socket = new Socket("127.0.0.1", s.port())) {
                String streamed = body + ", \"stream\": true}";
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + streamed.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + streamed).getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                int data = 0;
                String line;
                while (data < 3 && (line = in.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        data++;
                    }
                }
                assertEquals(3, data, "the stream started");
            } // the client goes away here

            // the one sequence must come free for this request to be served at all (bounded wait, no timing asserted)
            JsonNode next = post(s, "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 2}").json();
            assertEquals(2, next.path("usage").path("completion_tokens").asInt(), next.toString());
            assertEquals(1, metric(s, "ferret_requests_cancelled_total"));
            long streamedTokens = metric(s, "ferret_completion_tokens_total") - before - 2;
            assertTrue(streamedTokens < budget, "the abandoned reply stopped early: " + streamedTokens + " of " + budget + " tokens");
            assertEquals(0, metric(s, "ferret_sequences_busy"));
        }
    }
}
