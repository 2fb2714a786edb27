package dev.ferret.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ferret.engine.chat.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading bodies (bounded) and writing JSON, text and server-sent events on an exchange. */
final class Http {
    private Http() {}

    /** The body as a JSON object; too large is 413, not JSON or not an object is 400. */
    static ObjectNode jsonBody(HttpExchange ex, int max) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException e) {
                throw ApiError.invalid("Content-Length is not a number", null);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (bytes.size() + n > max) {
                    throw tooLarge(max);
                }
                bytes.write(buf, 0, n);
            }
        }
        if (bytes.size() == 0) {
            throw ApiError.invalid("the request body is empty; send a JSON object", null);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes.toByteArray());
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("the body is not valid JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalid("the body must be a JSON object", null);
        }
        return (ObjectNode) node;
    }

    private static ApiError tooLarge(int max) {
        return new ApiError(413, "invalid_request_error", "the request body exceeds " + max + " bytes", null, "request_too_large");
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    static void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Server-sent events: {@code data: ...} lines, each flushed at once so the client sees it. */
    static final class Events {
        private final OutputStream out;

        Events(HttpExchange ex) throws IOException {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            this.out = ex.getResponseBody();
        }

        void send(JsonNode data) throws IOException {
            send(Json.MAPPER.writeValueAsString(data));
        }

        void send(String data) throws IOException {
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
