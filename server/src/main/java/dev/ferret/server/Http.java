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
        } catch (IOException e) {
            if (isMalformedChunk(e)) {
                throw ApiError.invalid("the request body is not valid chunked transfer coding (" + e.getMessage() + ")", null);
            }
            throw e; // the client went away (or its connection failed) while sending the body
        } catch (IndexOutOfBoundsException e) {
            // the JDK's chunked decoder reads a chunk size of 2^31 or more as a negative int, and the read of that
            // many bytes then fails its bounds check; no body this server takes has a chunk that large
            if (isChunked(ex)) {
                throw ApiError.invalid("the request body is not valid chunked transfer coding (a chunk size out of range)", null);
            }
            throw e;
        }
        if (bytes.size() == 0) {
            throw ApiError.invalid("the request body is empty; send a JSON object", null);
        }
        JsonNode node;
        try {
            node = Json.readDocument(bytes.toByteArray()); // a whole body: text after the object is refused
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("the body is not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), null);
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalid("the body must be a JSON object", null);
        }
        return (ObjectNode) node;
    }

    /**
     * Whether an error reading a body is the JDK's chunked decoder ({@code sun.net.httpserver.ChunkedInputStream})
     * refusing what the client sent: a chunk size that is not hexadecimal ({@code "invalid chunk length"}), a
     * header line too long ({@code "invalid chunk header"}), or a chunk not followed by CRLF
     * ({@code "invalid chunk end"}). The JDK throws a plain {@link IOException} for these as for a connection that
     * ends early ({@code "end of stream reading chunk header"}, {@code "connection closed before all data
     * received"}) or fails (a {@link java.net.SocketException}), so the message is all that tells them apart. One
     * case stays ambiguous: a connection that closes exactly where a chunk's CRLF should be reads as "invalid
     * chunk end"; the 400 written for it then goes nowhere, which is harmless.
     */
    static boolean isMalformedChunk(IOException e) {
        return e.getClass() == IOException.class && e.getMessage() != null && e.getMessage().startsWith("invalid chunk ");
    }

    private static boolean isChunked(HttpExchange ex) {
        String te = ex.getRequestHeaders().getFirst("Transfer-Encoding");
        return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
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
