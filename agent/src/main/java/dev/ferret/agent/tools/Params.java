package dev.ferret.agent.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.Json;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tool's declaration (name, description) and the arguments it takes: renders them as a JSON Schema and checks a call's arguments against them, with
 * messages a small model can act on (missing, unknown, wrong type, empty, out of range; each lists the valid
 * arguments and shows an example call).
 */
public final class Params {
    /** JSON types an argument can have. */
    public enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("boolean");

        final String json;

        Type(String json) {
            this.json = json;
        }
    }

    /** One argument. {@code enumValues} is empty unless the string takes fixed values. */
    public record Param(String name, Type type, boolean required, String description, List<String> enumValues,
                        long min, long max) {
    }

    private static final ObjectMapper JSON = Json.MAPPER;

    private final String tool;
    private final String description;
    private final List<Param> params = new ArrayList<>();
    private String example = "{}";

    /** What a tool name may be: a function name in an OpenAI-style tool schema. */
    private static final java.util.regex.Pattern TOOL_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * The declaration of tool {@code tool}, which does what {@code description} tells the model.
     *
     * @throws IllegalArgumentException for a name that is not 1 to 64 letters, digits, '_' or '-' (the name goes into
     *                                  the model's prompt and the call grammar as it is)
     */
    public Params(String tool, String description) {
        if (tool == null || !TOOL_NAME.matcher(tool).matches()) {
            throw new IllegalArgumentException("a tool name is 1 to 64 letters, digits, '_' or '-', got " + tool);
        }
        this.tool = tool;
        this.description = java.util.Objects.requireNonNull(description, "description");
    }

    /** The name of the tool these arguments belong to. */
    public String tool() {
        return tool;
    }

    /** What the tool does, for the model. */
    public String description() {
        return description;
    }

    public Params string(String name, boolean required, String description) {
        return add(new Param(name, Type.STRING, required, description, List.of(), 0, 0));
    }

    public Params choice(String name, boolean required, String description, String... values) {
        return add(new Param(name, Type.STRING, required, description, List.of(values), 0, 0));
    }

    /** A whole number without bounds (the schema shows no minimum). */
    public Params integer(String name, boolean required, String description) {
        return integer(name, required, description, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public Params integer(String name, boolean required, String description, long min, long max) {
        return add(new Param(name, Type.INTEGER, required, description, List.of(), min, max));
    }

    public Params bool(String name, String description) {
        return add(new Param(name, Type.BOOLEAN, false, description, List.of(), 0, 0));
    }

    /** A valid arguments object, shown in error messages. */
    public Params example(String exampleJson) {
        this.example = exampleJson;
        return this;
    }

    private Params add(Param p) {
        for (Param q : params) {
            if (q.name().equals(p.name())) {
                throw new IllegalArgumentException("duplicate parameter " + p.name());
            }
        }
        params.add(p);
        return this;
    }

    public List<Param> list() {
        return List.copyOf(params);
    }

    /** {@code {"type": "object", "properties": {...}, "required": [...]}}, properties in declaration order. */
    public ObjectNode schema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode schema = f.objectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = f.arrayNode();
        for (Param p : params) {
            ObjectNode o = props.putObject(p.name());
            o.put("type", p.type().json);
            if (!p.enumValues().isEmpty()) {
                ArrayNode e = o.putArray("enum");
                p.enumValues().forEach(e::add);
            }
            if (p.type() == Type.INTEGER && p.min() > Long.MIN_VALUE) {
                o.put("minimum", p.min());
            }
            o.put("description", p.description());
            if (p.required()) {
                required.add(p.name());
            }
        }
        schema.set("required", required);
        return schema;
    }

    /** Checks {@code arguments} and returns them by name; null and JSON null values count as absent. */
    public Args parse(JsonNode arguments) throws ToolException {
        JsonNode args = arguments;
        if (args != null && args.isTextual()) {
            // some models send the arguments object JSON-encoded inside a string
            String t = args.asText().strip();
            if (t.isEmpty()) {
                args = null;
            } else if (t.startsWith("{")) {
                try {
                    args = JSON.readTree(t);
                    String twice = duplicateKey(t);
                    if (twice != null) {
                        throw fail("argument '" + twice + "' is given twice; give each argument once");
                    }
                } catch (JsonProcessingException e) {
                    throw fail("arguments are not a valid JSON object");
                }
            }
        }
        if (args == null || args.isNull() || args.isMissingNode()) {
            args = JsonNodeFactory.instance.objectNode();
        }
        if (!args.isObject()) {
            throw fail("arguments must be a JSON object, got " + describe(args));
        }
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Param p = find(e.getKey());
            if (p == null) {
                String hint = suggest(e.getKey());
                problems.add("unknown argument '" + e.getKey() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                continue;
            }
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            String problem = check(p, v);
            if (problem != null) {
                problems.add(problem);
            } else {
                values.put(p.name(), v);
            }
        }
        for (Param p : params) {
            if (p.required() && !values.containsKey(p.name()) && problemAbout(problems, p.name()) == null) {
                problems.add("missing required argument '" + p.name() + "' (" + p.type().json + ": "
                        + p.description() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw fail(String.join("; ", problems));
        }
        return new Args(values);
    }

    private static String problemAbout(List<String> problems, String name) {
        for (String s : problems) {
            if (s.startsWith("argument '" + name + "'")) {
                return s;
            }
        }
        return null;
    }

    private String check(Param p, JsonNode v) {
        String head = "argument '" + p.name() + "' ";
        switch (p.type()) {
            case STRING -> {
                if (!v.isTextual()) {
                    return head + "must be a string, got " + describe(v);
                }
                if (v.asText().isEmpty()) {
                    return head + "is an empty string; give a value or leave the argument out";
                }
                if (!p.enumValues().isEmpty() && !p.enumValues().contains(v.asText())) {
                    return head + "must be one of " + quoteAll(p.enumValues()) + ", got \"" + v.asText() + "\"";
                }
            }
            case INTEGER -> {
                if (!v.isNumber() || !(v.isIntegralNumber() || v.asDouble() == Math.rint(v.asDouble()))) {
                    return head + "must be an integer, got " + describe(v);
                }
                // compared exactly, never narrowed first (2^64 + 3 is not 3); Args hands out ints, so no more than those
                long min = Math.max(p.min(), Integer.MIN_VALUE);
                long max = Math.min(p.max(), Integer.MAX_VALUE);
                if (!within(v, min, max)) {
                    return head + "must be between " + min + " and " + max + ", got " + clipped(v);
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    return head + "must be true or false, got " + describe(v);
                }
            }
        }
        return null;
    }

    /** True if the whole number {@code v} (an integer, or a float with no fraction) is in [min, max]. */
    private static boolean within(JsonNode v, long min, long max) {
        if (v.isIntegralNumber()) {
            BigInteger n = v.bigIntegerValue();
            return n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0;
        }
        double d = v.asDouble(); // min and max are ints here: exact as doubles
        return d >= min && d <= max;
    }

    /** A number as it was sent, cut if it is very long. */
    private static String clipped(JsonNode v) {
        String text = v.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /**
     * The first key that occurs twice in one object of the JSON text {@code json}, or null. Jackson keeps the last
     * value of a repeated key without a word; a call that gives an argument twice is malformed, so it is refused.
     */
    static String duplicateKey(String json) throws JsonProcessingException {
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT) {
                    open.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    open.pop();
                } else if (t == JsonToken.FIELD_NAME && !open.peek().add(p.currentName())) {
                    return p.currentName();
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // reading a String does no I/O
        }
    }

    private static String describe(JsonNode v) {
        String text = v.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        String kind = v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isArray() ? "array" : v.isObject() ? "object" : "value";
        return kind + " " + text;
    }

    private static String quoteAll(List<String> values) {
        List<String> q = new ArrayList<>();
        values.forEach(s -> q.add("\"" + s + "\""));
        return String.join(", ", q);
    }

    private Param find(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** A valid name close to an unknown one: same letters in another case/separator, contained, or one edit away. */
    private String suggest(String unknown) {
        String u = unknown.toLowerCase(Locale.ROOT).replace("-", "_");
        for (Param p : params) {
            if (p.name().equals(u)) {
                return p.name();
            }
        }
        for (Param p : params) {
            if (distance(u, p.name()) <= 2) {
                return p.name();
            }
        }
        for (Param p : params) {
            if (u.contains(p.name()) || (u.length() >= 3 && p.name().contains(u))) {
                return p.name();
            }
        }
        if (find("path") != null && (u.contains("file") || u.contains("dir") || u.contains("folder"))) {
            return "path";
        }
        return null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "pattern (string, required), path (string), ..." */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Param p : params) {
            parts.add(p.name() + " (" + p.type().json + (p.required() ? ", required" : "") + ")");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private ToolException fail(String problem) {
        return new ToolException(tool + ": " + problem + ". Valid arguments: " + summary() + ". Example: "
                + example);
    }

    /** Checked arguments by name. */
    public static final class Args {
        private final Map<String, JsonNode> values;

        Args(Map<String, JsonNode> values) {
            this.values = values;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public String string(String name, String fallback) {
            JsonNode v = values.get(name);
            return v == null ? fallback : v.asText();
        }

        /** An integer argument; {@link #parse} checked that it is within the declared range and an int. */
        public int integer(String name, int fallback) {
            JsonNode v = values.get(name);
            return v == null ? fallback : Math.toIntExact(v.asLong());
        }

        public boolean bool(String name, boolean fallback) {
            JsonNode v = values.get(name);
            return v == null ? fallback : v.asBoolean();
        }
    }
}
