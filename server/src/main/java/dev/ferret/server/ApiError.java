package dev.ferret.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the server refuses, with the HTTP status and the body in OpenAI's error shape:
 * {@code {"error": {"message": ..., "type": ..., "param": ..., "code": ...}}}. Thrown anywhere while a request is
 * handled; the server turns it into the response.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String type;
    final String param;
    final String code;

    ApiError(int status, String type, String message, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: the body or a parameter is wrong. */
    static ApiError invalid(String message, String param) {
        return new ApiError(400, "invalid_request_error", message, param, param == null ? null : "invalid_value");
    }

    /** 400: a parameter has the wrong JSON type. */
    static ApiError type(String param, String expected) {
        return new ApiError(400, "invalid_request_error", "'" + param + "' must be " + expected, param, "invalid_type");
    }

    static ApiError notFound(String message, String code) {
        return new ApiError(404, "invalid_request_error", message, null, code);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "invalid_request_error", "missing or wrong API key: send 'Authorization: Bearer <key>'", null,
                "invalid_api_key");
    }

    static ApiError unavailable(String message) {
        return new ApiError(503, "server_error", message, null, "unavailable");
    }

    ObjectNode body() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", getMessage());
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return root;
    }
}
