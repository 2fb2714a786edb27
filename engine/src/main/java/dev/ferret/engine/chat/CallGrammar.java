package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * properties, and a flat JSON value (scalar, or an array or object of scalars) where the schema says nothing.
 * Whitespace is fixed: one space after each ':' and ',' of the call, as the templates write calls, and nowhere
 * else.
 *
 * <p><b>Every sentence is a call that parses, however the model samples</b>, in every format:
 * <ul>
 *   <li>Every sentence is bounded ({@link #maxCallLength}): strings hold at most {@value #MAX_STRING} JSON
 *       characters (an escape counts as one), integers at most {@value #MAX_DIGITS} digits, arrays at most
 *       {@value #MAX_ITEMS} items. Every token the sampler admits adds at least one character (llama.cpp rejects
 *       empty pieces), so a token budget of {@code maxCallLength} can never cut a call off in the middle.</li>
 *   <li>Where the format's call marker starts with {@code <} (Hermes: the opener {@code <tool_call>} is the
 *       parser's start marker and {@code </tool_call>} the stop string of a call turn), no raw {@code <} inside a
 *       JSON string (write {@code \u003c}), so neither can appear inside an argument.</li>
 *   <li>The free-text answer of {@link #answerOrCall} may not contain the call opener where the format's parser
 *       looks for one: anywhere for Hermes and Mistral (their parsers search the whole reply), at the start for
 *       Llama 3.x (its parser reads a call only from a reply that starts with {@code {}).</li>
 * </ul>
 *
 * <p>Options: {@link #nonEmptyArguments()} (a tool without required parameters still gets one of its optional
 * ones) and {@link #stringChoices} (every non-enum string argument one of a fixed list).
 *
 * <p>Only basic GBNF is used: rules, string literals, character classes, grouping, alternation, {@code *},
 * {@code +} and {@code ?} (no {@code {m,n}} repetition, no {@code .}). Rule names are dashed lower-case words.
 * Instances are immutable.
 */
public final class CallGrammar {
    /** Most JSON characters in one string value (an escape sequence counts as one). */
    public static final int MAX_STRING = 128;
    /** Most items of an array, or members of a schema-less object. */
    public static final int MAX_ITEMS = 8;
    /** Most digits of an integer (fits an int), and of a fraction. */
    public static final int MAX_DIGITS = 9;
    /** The longest JSON character: {@code \u00e9}. */
    private static final int CHAR_MAX = 6;
    /** Characters of a Mistral call id. */
    private static final int MISTRAL_ID = 9;

    private final ToolCallFormat format;
    private final List<JsonNode> schemas;
    private final boolean nonEmptyArguments;
    /** When not null, the only values a (non-enum) string argument may take. */
    private final List<String> stringChoices;

    private CallGrammar(ToolCallFormat format, List<JsonNode> schemas, boolean nonEmptyArguments, List<String> stringChoices) {
        this.format = format;
        this.schemas = schemas;
        this.nonEmptyArguments = nonEmptyArguments;
        this.stringChoices = stringChoices;
    }

    /**
     * Grammars for calls in {@code format}'s layout to the given tools ({@code {"type": "function", "function":
     * {...}}} schemas, or the bare function objects).
     *
     * @throws IllegalStateException for {@link ToolCallFormat#NONE}, which has no call layout
     */
    public static CallGrammar of(ToolCallFormat format, Iterable<? extends JsonNode> schemas) {
        if (format == ToolCallFormat.NONE) {
            throw new IllegalStateException("the model's chat template has no tool-call format Ferret knows; no call grammar");
        }
        List<JsonNode> list = new ArrayList<>();
        schemas.forEach(list::add);
        return new CallGrammar(format, List.copyOf(list), false, null);
    }

    /** With at least one argument per call, for tools without required ones (for the call-only model: {@code {}} searches nothing useful). */
    public CallGrammar nonEmptyArguments() {
        return new CallGrammar(format, schemas, true, stringChoices);
    }

    /**
     * With every string argument (other than an enum) one of {@code choices} (null: any string). The call-only agent
     * passes the words of the question, so a call's arguments are copied from the question, never made up.
     */
    public CallGrammar stringChoices(List<String> choices) {
        if (choices == null) {
            return new CallGrammar(format, schemas, nonEmptyArguments, null);
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("no string choices: a string argument could take no value");
        }
        boolean noLt = noRawLt(format);
        if (choices.stream().anyMatch(c -> c.isEmpty() || noLt && c.contains("<") || c.length() > MAX_STRING
                || c.chars().anyMatch(ch -> ch < 0x20))) {
            throw new IllegalArgumentException("string choices must be 1 to " + MAX_STRING + " characters, without "
                    + (noLt ? "'<' or " : "") + "control characters");
        }
        return new CallGrammar(format, schemas, nonEmptyArguments, List.copyOf(new LinkedHashSet<>(choices)));
    }

    /** A grammar whose only sentences are single tool calls. */
    public String toolCall() {
        Rules g = new Rules();
        g.define("root", "tool-call");
        g.callRules();
        return g.render();
    }

    /**
     * A grammar that admits either one tool call, or a free-text answer: any text that starts with a character
     * other than whitespace and does not hold the format's call opener where its parser would read a call.
     */
    public String answerOrCall() {
        Rules g = new Rules();
        g.define("root", "answer | tool-call");
        g.answerRules();
        g.callRules();
        return g.render();
    }

    /**
     * The most characters a call of {@link #toolCall()} (or the call branch of {@link #answerOrCall}) can have,
     * from its opener to its last character; an upper bound on the tokens a constrained call can take.
     */
    public int maxCallLength() {
        Rules g = new Rules();
        g.callRules();
        return g.maxCall;
    }

    /** A grammar for one call in {@code format} to {@code schemas}, without options. */
    public static String toolCall(ToolCallFormat format, List<JsonNode> schemas) {
        return of(format, schemas).toolCall();
    }

    /** A grammar for one call or a plain answer in {@code format}, without options. */
    public static String answerOrCall(ToolCallFormat format, List<JsonNode> schemas) {
        return of(format, schemas).answerOrCall();
    }

    /** Whether JSON strings of the format's calls exclude a raw '<': its opener or stop string starts with one. */
    private static boolean noRawLt(ToolCallFormat format) {
        return format.callOpener().startsWith("<") || format.callStop() != null && format.callStop().startsWith("<");
    }

    /** An expression of the grammar and the most characters a sentence of it can have. */
    private record Expr(String text, int max) {
    }

    /** The rules of one grammar as they are written. */
    private final class Rules {
        private final Map<String, String> rules = new LinkedHashMap<>();
        private final Set<String> names = new HashSet<>();
        private int maxCall;
        private int choiceMax;

        /**
         * answer-k: the text so far ends with the first k characters of the opener (k = 0: with none of them), and
         * nowhere contains all of it. From state k a character either extends the match, restarts it (the opener's
         * first character, which occurs in it only once) or breaks it (back to 0); the last state cannot take the
         * opener's final character. The text may end anywhere. A one-character opener (Llama 3.x's {@code {}) is
         * only kept from the start, where its parser looks.
         */
        void answerRules() {
            String open = format.callOpener();
            String first = classChar(open.charAt(0));
            if (open.length() == 1) {
                define("answer", "[^" + first + "\\x00-\\x20] answer-any*");
                define("answer-any", "[^\\x00]");
                return;
            }
            if (open.indexOf(open.charAt(0), 1) >= 0) {
                throw new IllegalStateException("the answer automaton needs an opener whose first character occurs once: " + open);
            }
            String restart = literal(open.substring(0, 1)) + " answer-1";
            int last = open.length() - 1;
            define("answer", "[^" + first + "\\x00-\\x20] answer-0 | " + restart);
            define("answer-0", "([^" + first + "\\x00] answer-0 | " + restart + ")?");
            for (int k = 1; k <= last; k++) {
                char c = open.charAt(k);
                String other = "[^" + first + classChar(c) + "\\x00] answer-0";
                define("answer-" + k, k < last
                        ? "(" + other + " | " + restart + " | " + literal(String.valueOf(c)) + " answer-" + (k + 1) + ")?"
                        : "(" + other + " | " + restart + ")?");
            }
        }

        void callRules() {
            define("tool-call", ""); // placeholder, filled in below
            List<String> alternatives = new ArrayList<>();
            int longest = 0;
            for (JsonNode s : schemas) {
                JsonNode fn = s.has("function") ? s.get("function") : s;
                String name = fn.path("name").asText();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("a tool schema has no name: " + s);
                }
                String base = unique(slug(name));
                String callRule = unique("call-" + base);
                define(callRule, ""); // placeholder: keeps the call ahead of its arguments' rules
                Expr args = objectExpr(fn.path("parameters"), "args-" + base, nonEmptyArguments);
                String head = Json.dumps(TextNode.valueOf(name)) + format.beforeArguments();
                define(callRule, literal(head) + " " + args.text());
                alternatives.add(callRule);
                longest = Math.max(longest, head.length() + args.max());
            }
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("no tools to call");
            }
            String open = format.beforeName();
            String end;
            int endMax;
            if (format == ToolCallFormat.MISTRAL) {
                String idOpen = ", \"id\": \"";
                end = literal(idOpen) + " " + "[a-zA-Z0-9] ".repeat(MISTRAL_ID) + literal("\"}]");
                endMax = idOpen.length() + MISTRAL_ID + 3;
            } else {
                end = literal(format.afterArguments());
                endMax = format.afterArguments().length();
            }
            define("tool-call", literal(open) + " (" + String.join(" | ", alternatives) + ") " + end);
            maxCall = open.length() + longest + endMax;
        }

        /** An expression for a value following {@code schema}; may define rules named after {@code base}. */
        private Expr valueExpr(JsonNode schema, String base) {
            if (schema == null || schema.isMissingNode() || !schema.isObject()) {
                return flatValue();
            }
            JsonNode en = schema.get("enum");
            if (en != null && en.isArray() && !en.isEmpty()) {
                List<String> alts = new ArrayList<>();
                int max = 0;
                for (JsonNode v : en) {
                    String lit = Json.dumps(v);
                    alts.add(literal(lit));
                    max = Math.max(max, lit.length());
                }
                return new Expr("(" + String.join(" | ", alts) + ")", max);
            }
            JsonNode type = schema.get("type");
            if (type != null && type.isArray()) {
                List<String> alts = new ArrayList<>();
                int max = 0;
                for (JsonNode t : type) {
                    Expr e = typeExpr(t.asText(), schema, base);
                    alts.add(e.text());
                    max = Math.max(max, e.max());
                }
                return alts.isEmpty() ? flatValue() : new Expr("(" + String.join(" | ", alts) + ")", max);
            }
            return typeExpr(type == null ? "" : type.asText(), schema, base);
        }

        private Expr typeExpr(String type, JsonNode schema, String base) {
            return switch (type) {
                case "string" -> string(schema.path("minLength").asInt(1) >= 1);
                case "integer" -> {
                    JsonNode min = schema.get("minimum");
                    if (min != null && min.isNumber() && min.asDouble() >= 1) {
                        yield new Expr(shared("json-positive"), MAX_DIGITS);
                    }
                    yield min != null && min.isNumber() && min.asDouble() >= 0 ? new Expr(shared("json-natural"), MAX_DIGITS)
                            : new Expr(shared("json-integer"), MAX_DIGITS + 1);
                }
                case "number" -> number();
                case "boolean" -> new Expr(shared("json-boolean"), 5);
                case "null" -> new Expr(literal("null"), 4);
                case "array" -> {
                    Expr item = valueExpr(schema.get("items"), base + "-item");
                    String rule = unique(base);
                    define(rule, "\"[\" " + items(item.text(), rule) + " \"]\"");
                    yield new Expr(rule, 2 + MAX_ITEMS * item.max() + (MAX_ITEMS - 1) * 2);
                }
                case "object" -> objectExpr(schema, base, false);
                default -> flatValue();
            };
        }

        /** Up to {@link #MAX_ITEMS} items separated by ", ", or none; defines the chain rules {@code rule-more-k}. */
        private String items(String item, String rule) {
            String next = null;
            for (int k = 1; k < MAX_ITEMS; k++) {
                String r = unique(rule + "-more-" + k);
                define(r, "\", \" " + item + (next == null ? "" : " " + next + "?"));
                next = r;
            }
            return "(" + item + " " + next + "?)?";
        }

        /** A bounded JSON string (non-empty or possibly empty), or one of the string choices when there are some. */
        private Expr string(boolean nonEmpty) {
            if (stringChoices == null) {
                return anyString(nonEmpty);
            }
            if (!rules.containsKey("choice")) {
                List<String> alts = new ArrayList<>();
                int max = 0;
                for (String c : stringChoices) {
                    String lit = Json.dumps(TextNode.valueOf(c));
                    alts.add(literal(lit));
                    max = Math.max(max, lit.length());
                }
                define("choice", String.join(" | ", alts));
                choiceMax = max;
            }
            return new Expr("choice", choiceMax);
        }

        private Expr anyString(boolean nonEmpty) {
            shared("json-char");
            String chars = chain("json-chars", "json-char", MAX_STRING);
            String rule = nonEmpty ? "json-string-nonempty" : "json-string";
            if (!rules.containsKey(rule)) {
                define(rule, "\"\\\"\" " + chars + (nonEmpty ? "" : "?") + " \"\\\"\"");
            }
            return new Expr(rule, 2 + CHAR_MAX * MAX_STRING);
        }

        private Expr number() {
            if (!rules.containsKey("json-number")) {
                String digits = chain("json-digits", "[0-9]", MAX_DIGITS);
                define("json-number", shared("json-integer") + " (\".\" " + digits + ")? ([eE] [-+]? [0-9] [0-9]?)?");
            }
            return new Expr("json-number", (MAX_DIGITS + 1) + 1 + MAX_DIGITS + 4);
        }

        /** A value where the schema says nothing: a scalar, or an array or object of scalars (no deeper nesting). */
        private Expr flatValue() {
            Expr str = anyString(false);
            Expr num = number();
            String scalar = "json-scalar";
            int scalarMax = Math.max(str.max(), num.max());
            if (!rules.containsKey(scalar)) {
                define(scalar, str.text() + " | " + num.text() + " | " + shared("json-boolean") + " | \"null\"");
                define("json-flat-array", "\"[\" " + items(scalar, "json-flat-array") + " \"]\"");
                define("json-flat-member", str.text() + " \": \" " + scalar);
                define("json-flat-object", "\"{\" " + items("json-flat-member", "json-flat-object") + " \"}\"");
                define("json-flat-value", scalar + " | json-flat-array | json-flat-object");
            }
            int member = str.max() + 2 + scalarMax;
            int max = Math.max(scalarMax, 2 + MAX_ITEMS * member + (MAX_ITEMS - 1) * 2);
            return new Expr("json-flat-value", max);
        }

        /**
         * {@code name-k ::= unit name-(k-1)?}, ..., {@code name-1 ::= unit}: one to {@code n} units, each choice
         * forced by the text (no ambiguity, so the sampler's stacks do not multiply). Returns the name of the longest.
         */
        private String chain(String name, String unit, int n) {
            String top = name + "-" + n;
            if (!rules.containsKey(top)) {
                for (int k = n; k >= 1; k--) {
                    define(name + "-" + k, k == 1 ? unit : unit + " " + name + "-" + (k - 1) + "?");
                }
            }
            return top;
        }

        /**
         * An object with the schema's properties in order. With p0..pn-1 and r the first required one, the body
         * is one of: p_k followed by rest(k+1), for each optional k before r and for k = r, where rest(i) is
         * each later property with a ", " before it, optional unless required. With {@code nonEmpty} and no required
         * property, the body is not optional.
         */
        private Expr objectExpr(JsonNode schema, String base, boolean nonEmpty) {
            JsonNode props = schema.path("properties");
            if (schema.isMissingNode() || props.isObject() && props.isEmpty()) {
                return new Expr(literal("{}"), 2);
            }
            if (!props.isObject()) {
                return flatValue();
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            String rule = unique(base);
            rules.put(rule, ""); // placeholder: keeps the object's rule ahead of its parts
            List<String> kv = new ArrayList<>();
            List<Boolean> req = new ArrayList<>();
            int max = 2;
            for (var it = props.fields(); it.hasNext(); ) {
                var e = it.next();
                String kvRule = unique(rule + "-" + slug(e.getKey()));
                Expr value = valueExpr(e.getValue(), kvRule + "-value");
                String key = Json.dumps(TextNode.valueOf(e.getKey())) + ": ";
                define(kvRule, literal(key) + " " + value.text());
                kv.add(kvRule);
                req.add(required.contains(e.getKey()));
                max += (kv.size() > 1 ? 2 : 0) + key.length() + value.max();
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
            define(rule, "\"{\" " + body + (firstRequired < 0 && !nonEmpty ? "?" : "") + " \"}\"");
            return new Expr(rule, max);
        }

        /** Names a shared rule, defining it (and the shared rules it uses) on first use. */
        private String shared(String name) {
            if (!rules.containsKey(name)) {
                String body = sharedBody(name);
                define(name, body);
                if (body.contains("json-digits-8")) {
                    chain("json-digits", "[0-9]", MAX_DIGITS - 1);
                }
                for (String other : SHARED.keySet()) {
                    if (!rules.containsKey(other) && Pattern.compile("(?<![\\w-])" + other + "(?![\\w-])").matcher(body).find()) {
                        shared(other);
                    }
                }
            }
            return name;
        }

        private String sharedBody(String name) {
            String body = SHARED.get(name);
            return name.equals("json-char") && !noRawLt(format) ? body.replace("<", "") : body;
        }

        void define(String name, String body) {
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

        /** The rules, one per line: the tools' own first, in the order defined, then the shared JSON ones. */
        String render() {
            StringBuilder own = new StringBuilder();
            StringBuilder json = new StringBuilder();
            for (Map.Entry<String, String> e : rules.entrySet()) {
                (e.getKey().startsWith("json-") ? json : own).append(e.getKey()).append(" ::= ").append(e.getValue()).append('\n');
            }
            return own.append(json).toString();
        }
    }

    private static final Map<String, String> SHARED = new LinkedHashMap<>();

    static {
        // no raw '<' (nor control characters) inside a string where the format's markers start with '<': see above
        SHARED.put("json-char", "[^\"\\\\<\\x00-\\x1F\\x7F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" json-hex json-hex json-hex json-hex)");
        SHARED.put("json-hex", "[0-9a-fA-F]");
        SHARED.put("json-positive", "[1-9] json-digits-8?");
        SHARED.put("json-natural", "\"0\" | json-positive");
        SHARED.put("json-integer", "\"-\"? json-natural");
        SHARED.put("json-boolean", "\"true\" | \"false\"");
    }

    /** A dashed lower-case word for a rule name. */
    public static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "x" : t;
    }

    /** A GBNF string literal for {@code s} (the JSON escaper's GBNF style). */
    public static String literal(String s) {
        return Json.quote(s, new StringBuilder(s.length() + 2), Json.Style.GBNF).toString();
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
}
