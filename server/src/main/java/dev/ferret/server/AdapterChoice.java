package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.Adapter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's {@code "lora": [{"id": 0, "scale": 0.5}, ...]} (llama-server's field): the adapters loaded at start
 * ({@code --lora}, id = order) this request applies, and at what scale. Adapters the list leaves out are off for the
 * request, as in llama-server; without the field every loaded adapter applies at scale 1. An entry without
 * {@code "scale"} applies at 1 (llama-server reads it as 0, which would make the entry mean nothing). Scale 0 means off (the
 * adapter is then not applied at all, so such requests share decodes and caches with requests without it).
 */
final class AdapterChoice {
    /** The scales accepted: wide enough for any real use, bounded so a typo cannot blow the weights up. */
    static final double MAX_SCALE = 16;

    private AdapterChoice() {}

    /** Every loaded adapter at scale 1: what a request without {@code "lora"} gets. */
    static Map<Adapter, Float> defaults(List<Adapter> loaded) {
        Map<Adapter, Float> out = new LinkedHashMap<>();
        for (Adapter a : loaded) {
            out.put(a, 1f);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The adapters and scales {@code p} asks for; a wrong shape, unknown id, repeated id or bad scale is a 400. */
    static Map<Adapter, Float> read(Params p, List<Adapter> loaded) {
        JsonNode list = p.get("lora");
        if (list == null) {
            return defaults(loaded);
        }
        if (!list.isArray()) {
            throw ApiError.type("lora", "an array of {\"id\": N, \"scale\": S} objects");
        }
        Map<Adapter, Float> out = new LinkedHashMap<>();
        boolean[] seen = new boolean[loaded.size()];
        for (JsonNode e : list) {
            if (!e.isObject()) {
                throw ApiError.type("lora", "an array of {\"id\": N, \"scale\": S} objects");
            }
            JsonNode id = e.get("id");
            if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
                throw ApiError.type("lora.id", "an integer");
            }
            int i = id.intValue();
            if (i < 0 || i >= loaded.size()) {
                throw ApiError.invalid("unknown adapter id " + i + "; this server has " + (loaded.isEmpty() ? "no adapters (start it with --lora)"
                        : "adapters 0 to " + (loaded.size() - 1) + " (GET /lora-adapters lists them)"), "lora");
            }
            if (seen[i]) {
                throw ApiError.invalid("adapter id " + i + " is listed twice", "lora");
            }
            seen[i] = true;
            JsonNode scale = e.get("scale");
            double s;
            if (scale == null || scale.isNull()) {
                s = 1;
            } else if (!scale.isNumber()) {
                throw ApiError.type("lora.scale", "a number");
            } else {
                s = scale.doubleValue();
            }
            if (!(s >= -MAX_SCALE && s <= MAX_SCALE)) {
                throw ApiError.invalid("adapter " + i + ": scale must be " + -MAX_SCALE + " to " + MAX_SCALE + ", got " + scale.asText(), "lora");
            }
            if (s != 0) {
                out.put(loaded.get(i), (float) s);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
