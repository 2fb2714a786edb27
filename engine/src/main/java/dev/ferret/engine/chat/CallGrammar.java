package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GBNF grammars (llama.cpp's grammar sampler, b4916) that admit exactly one tool call in a model family's format
 * ({@link ToolCallFormat}), e.g. for Qwen2.5 / Hermes:
 *
 * <pre>{@code
 * <tool_call>
 * {"name": "grep", "arguments": {"pattern": "x", "path": "src"}}
 * </tool_call>
 * }</pre>
 *
 * <p>The name is one of the given tools and the arguments object follows that tool's schema: properties in
 * schema order, required ones present, optional ones optional, no others; values by type: string (a JSON string
 * with escapes, non-empty unless the schema says {@code "minLength": 0}), integer (no sign when {@code minimum}
 * is 0 or more, no zero when it is 1 or more), number, boolean, string enums, arrays of these, objects with
 * properties, and any JSON value where the schema says nothing. Whitespace is fixed: one space after each ':'
 * and ',' of the call, as the templates write calls, and nowhere else.
 *
 * <p>Only basic GBNF is used: rules, string literals, character classes, grouping, alternation, {@code *},
 * {@code +} and {@code ?} (no {@code {m,n}} repetition, no {@code .}). Rule names are dashed lower-case words.
 */
public final class CallGrammar {
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    private final ToolCallFormat format;

    private CallGrammar(ToolCallFormat format) {
        this.format = format;
    }

    /**
     * A grammar whose only sentences are single tool calls in {@code format}'s layout, to the given tools
     * ({@code {"type": "function", "function": {...}}} schemas).
     */
    public static String toolCall(ToolCallFormat format, List<JsonNode> schemas) {
        CallGrammar g = new CallGrammar(format);
        g.rules.put("root", "tool-call");
        g.names.add("root");
        g.callRules(schemas);
        return g.render();
    }

    /**
     * A grammar that admits either one tool call, or a free-text answer: any text that starts with a character
     * other than whitespace and does not start with the format's call opener ({@code <tool_call>},
     * {@code [TOOL_CALLS]}, or for Llama 3.x {@code {}).
     */
    public static String answerOrCall(ToolCallFormat format, List<JsonNode> schemas) {
        CallGrammar g = new CallGrammar(format);
        g.rules.put("root", "answer | tool-call");
        g.names.add("root");
        g.answerRules();
        g.callRules(schemas);
        return g.render();
    }

    private void answerRules() {
        String open = format.callOpener();
        if (open.length() == 1) {
            define("answer", "[^" + classChar(open.charAt(0)) + "\\x00-\\x20] answer-any*");
            define("answer-any", "[^\\x00]");
            return;
        }
        define("answer", "[^" + classChar(open.charAt(0)) + "\\x00-\\x20] answer-any* | " + literal(open.substring(0, 1)) + " answer-1");
        // answer-k: the text so far is the first k characters of the opener; it may end, or go on with any
        // character but the opener's next one, or with that one while the prefix is not yet complete
        int last = open.length() - 1;
        for (int k = 1; k <= last; k++) {
            String c = String.valueOf(open.charAt(k));
            String other = "[^" + classChar(open.charAt(k)) + "] answer-any*";
            define("answer-" + k, k < last ? "(" + other + " | " + literal(c) + " answer-" + (k + 1) + ")?"
                    : "(" + other + ")?");
        }
        define("answer-any", "[^\\x00]");
    }

    private void callRules(List<JsonNode> schemas) {
        define("tool-call", ""); // placeholder, filled in below
        List<String> alternatives = new ArrayList<>();
        for (JsonNode s : schemas) {
            JsonNode fn = s.has("function") ? s.get("function") : s;
            String name = fn.path("name").asText();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a tool schema has no name: " + s);
            }
            String base = unique(slug(name));
            String callRule = unique("call-" + base);
            define(callRule, ""); // placeholder: keeps the call ahead of its arguments' rules
            String args = objectExpr(fn.path("parameters"), "args-" + base);
            define(callRule, literal(Json.dumps(TextNode.valueOf(name)) + format.beforeArguments()) + " " + args);
            alternatives.add(callRule);
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("no tools to call");
        }
        String after = format.afterArguments();
        String end = format == ToolCallFormat.MISTRAL
                ? literal(", \"id\": \"") + " " + "[a-zA-Z0-9] ".repeat(9) + literal("\"}]")
                : literal(after);
        define("tool-call", literal(format.beforeName()) + " (" + String.join(" | ", alternatives) + ") " + end);
    }

    /** An expression for a value following {@code schema}; may define rules named after {@code base}. */
    private String valueExpr(JsonNode schema, String base) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return shared("json-value");
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray() && !en.isEmpty()) {
            List<String> alts = new ArrayList<>();
            for (JsonNode v : en) {
                alts.add(literal(Json.dumps(v)));
            }
            return "(" + String.join(" | ", alts) + ")";
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            List<String> alts = new ArrayList<>();
            for (JsonNode t : type) {
                alts.add(typeExpr(t.asText(), schema, base));
            }
            return alts.isEmpty() ? shared("json-value") : "(" + String.join(" | ", alts) + ")";
        }
        return typeExpr(type == null ? "" : type.asText(), schema, base);
    }

    private String typeExpr(String type, JsonNode schema, String base) {
        return switch (type) {
            case "string" -> schema.path("minLength").asInt(1) >= 1 ? shared("json-string-nonempty")
                    : shared("json-string");
            case "integer" -> {
                JsonNode min = schema.get("minimum");
                if (min != null && min.isNumber() && min.asDouble() >= 1) {
                    yield shared("json-positive");
                }
                yield min != null && min.isNumber() && min.asDouble() >= 0 ? shared("json-natural")
                        : shared("json-integer");
            }
            case "number" -> shared("json-number");
            case "boolean" -> shared("json-boolean");
            case "null" -> literal("null");
            case "array" -> {
                String item = valueExpr(schema.get("items"), base + "-item");
                String rule = unique(base);
                define(rule, "\"[\" (" + item + " (\", \" " + item + ")*)? \"]\"");
                yield rule;
            }
            case "object" -> objectExpr(schema, base);
            default -> shared("json-value");
        };
    }

    /**
     * An object with the schema's properties in order. With p0..pn-1 and r the first required one, the body
     * is one of: p_k followed by rest(k+1), for each optional k before r and for k = r, where rest(i) is
     * each later property with a ", " before it, optional unless required.
     */
    private String objectExpr(JsonNode schema, String base) {
        JsonNode props = schema.path("properties");
        if (schema.isMissingNode() || props.isObject() && props.isEmpty()) {
            return literal("{}");
        }
        if (!props.isObject()) {
            return shared("json-object");
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        String rule = unique(base);
        rules.put(rule, ""); // placeholder: keeps the object's rule ahead of its parts
        List<String> kv = new ArrayList<>();
        List<Boolean> req = new ArrayList<>();
        for (var it = props.fields(); it.hasNext(); ) {
            var e = it.next();
            String kvRule = unique(rule + "-" + slug(e.getKey()));
            String value = valueExpr(e.getValue(), kvRule + "-value");
            define(kvRule, literal(Json.dumps(TextNode.valueOf(e.getKey()))
                    + ": ") + " " + value);
            kv.add(kvRule);
            req.add(required.contains(e.getKey()));
        }
        int n = kv.size();
        // rest-i rules, from the end, so each refers to the next
        String[] rest = new String[n + 1];
        for (int i = n - 1; i >= 1; i--) {
            String item = req.get(i) ? "\", \" " + kv.get(i) : "(\", \" " + kv.get(i) + ")?";
            String r = unique(rule + "-rest-" + i);
            define(r, rest[i + 1] == null ? item : item + " " + rest[i + 1]);
            rest[i] = r;
        }
        int firstRequired = req.indexOf(true);
        int lastStart = firstRequired < 0 ? n - 1 : firstRequired;
        List<String> alts = new ArrayList<>();
        for (int k = 0; k <= lastStart; k++) {
            alts.add(rest[k + 1] == null ? kv.get(k) : kv.get(k) + " " + rest[k + 1]);
        }
        String body = alts.size() == 1 ? alts.getFirst() : "(" + String.join(" | ", alts) + ")";
        define(rule, "\"{\" " + body + (firstRequired < 0 ? "?" : "") + " \"}\"");
        return rule;
    }

    private static final Map<String, String> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("json-string", "\"\\\"\" json-char* \"\\\"\"");
        SHARED.put("json-string-nonempty", "\"\\\"\" json-char+ \"\\\"\"");
        SHARED.put("json-char", "[^\"\\\\\\x00-\\x1F\\x7F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" json-hex json-hex json-hex json-hex)");
        SHARED.put("json-hex", "[0-9a-fA-F]");
        SHARED.put("json-positive", "[1-9] [0-9]*");
        SHARED.put("json-natural", "\"0\" | json-positive");
        SHARED.put("json-integer", "\"-\"? json-natural");
        SHARED.put("json-number", "json-integer (\".\" [0-9]+)? ([eE] [-+]? [0-9]+)?");
        SHARED.put("json-boolean", "\"true\" | \"false\"");
        SHARED.put("json-value", "json-object | json-array | json-string | json-number | json-boolean | \"null\"");
        SHARED.put("json-object", "\"{\" (json-string \": \" json-value (\", \" json-string \": \" json-value)*)? \"}\"");
        SHARED.put("json-array", "\"[\" (json-value (\", \" json-value)*)? \"]\"");
    }

    /** Names a shared rule, defining it (and the shared rules it uses) on first use. */
    private String shared(String name) {
        if (!rules.containsKey(name)) {
            String body = SHARED.get(name);
            rules.put(name, body);
            names.add(name);
            for (String other : SHARED.keySet()) {
                if (!rules.containsKey(other) && java.util.regex.Pattern.compile("(?<![\\w-])" + other + "(?![\\w-])")
                        .matcher(body).find()) {
                    shared(other);
                }
            }
        }
        return name;
    }

    private void define(String name, String body) {
        names.add(name);
        rules.put(name, body);
    }

    private String unique(String name) {
        String n = name;
        for (int i = 2; names.contains(n) || SHARED.containsKey(n); i++) {
            n = name + "-" + i;
        }
        names.add(n);
        return n;
    }

    /** A dashed lower-case word for a rule name. */
    public static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "x" : t;
    }

    /** A GBNF string literal for {@code s}. */
    public static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%02X", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** One character inside a GBNF character class. */
    public static String classChar(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case ']' -> "\\]";
            case '[' -> "\\[";
            case '"' -> "\\\"";
            case '-', '^' -> String.format("\\x%02X", (int) c);
            default -> c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c);
        };
    }

    /** The rules, one per line: the tool's own first, in the order defined, then the shared JSON ones. */
    private String render() {
        StringBuilder own = new StringBuilder();
        StringBuilder json = new StringBuilder();
        for (Map.Entry<String, String> e : rules.entrySet()) {
            (SHARED.containsKey(e.getKey()) ? json : own).append(e.getKey()).append(" ::= ").append(e.getValue())
                    .append('\n');
        }
        return own.append(json).toString();
    }
}
