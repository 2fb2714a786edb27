package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * properties, a flat object (members with scalar values) for an object without properties, and a flat JSON value
 * (scalar, or an array or object of scalars) where the schema says nothing. The arguments are always a JSON
 * object: {@code {}} for a tool without {@code parameters} (or with {@code null} ones: it takes no arguments, as
 * OpenAI reads a function without them), a flat object for parameters that give no properties ({@code {}},
 * {@code {"type": "object"}}). Whitespace is fixed: one space after each ':' and ',' of the call, as the templates
 * write calls, and nowhere else.
 *
 * <p><b>The grammar is bounded for any schema.</b> A sub-schema gets its rules once however often the schema
 * reaches it, a {@code type} array's repeated entries count once, values nest at most {@value #MAX_DEPTH} levels
 * deep, and the whole grammar holds at most {@value #MAX_GRAMMAR} characters. A schema past either limit is refused
 * with an {@link IllegalArgumentException} that names the tool (real tool schemas stay far below: the standard
 * toolbox's grammar has under 12,000 characters, most of them the shared JSON rules).
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
    /**
     * Most characters of a grammar (rule names and bodies). Generous: 64 tools of 20 properties each, with enums,
     * nested objects and arrays of objects (about 200 KB of JSON, some 50,000 prompt tokens: more than real tool
     * lists take), make a fifth of it (CallGrammarTest); it bounds the time and memory a request's tools can cost.
     */
    public static final int MAX_GRAMMAR = 1 << 22;
    /**
     * Most levels of values in the arguments: a property is at level 1, its items or properties at level 2, and so
     * on. Generous (OpenAI's strict mode allows a handful of levels); it also keeps the writer's recursion shallow
     * for schemas built in code, which no JSON parser's depth limit holds.
     */
    public static final int MAX_DEPTH = 24;
    /** Longest rule name before its {@code -k} suffix: names grow with the nesting and would make the grammar quadratic. */
    private static final int MAX_NAME = 48;

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
        /** The next suffix to try per name given to {@link #unique}, so that naming stays linear. */
        private final Map<String, Integer> suffixes = new HashMap<>();
        /**
         * The expression of each sub-schema already seen (by identity: a schema read from JSON is a tree, and one
         * built in code may share a node many times over, which an equality key would hash again on every visit).
         */
        private final Map<JsonNode, Expr> seen = new IdentityHashMap<>();
        /** The array rule of each item expression: an array's rules depend on its items alone, so arrays alike share them. */
        private final Map<String, String> arrays = new HashMap<>();
        /** Characters of the rules so far (names and bodies), held to {@link #MAX_GRAMMAR}. */
        private long size;
        /** Levels of values the schema being written is in (the arguments object's properties are at level 1). */
        private int depth;
        /** The tool whose rules are being written, for the error when the grammar grows too large. */
        private String tool;
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
                tool = name;
                String base = unique(slug(name));
                String callRule = unique("call-" + base);
                define(callRule, ""); // placeholder: keeps the call ahead of its arguments' rules
                JsonNode params = fn.path("parameters");
                // null parameters are no parameters (JSON's way of leaving a field out): the call takes {}
                Expr args = objectExpr(params.isNull() ? MissingNode.getInstance() : params, "args-" + base, nonEmptyArguments);
                String head = Json.dumps(TextNode.valueOf(name)) + format.beforeArguments();
                define(callRule, literal(head) + " " + args.text());
                alternatives.add(callRule);
                longest = Math.max(longest, add(head.length(), args.max()));
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
            tool = null;
            define("tool-call", literal(open) + " (" + String.join(" | ", alternatives) + ") " + end);
            maxCall = add(open.length(), add(longest, endMax));
        }

        /**
         * An expression for a value following {@code schema}; may define rules named after {@code base}. A schema
         * seen before gets the expression it got then: its language does not depend on where it stands, and
         * writing it again for each way of reaching it (a {@code type} array that names "array" twice, at every
         * level of a nesting) would take exponential time.
         */
        private Expr valueExpr(JsonNode schema, String base) {
            if (schema == null || schema.isMissingNode() || !schema.isObject()) {
                return flatValue();
            }
            Expr known = seen.get(schema);
            if (known == null) {
                if (depth >= MAX_DEPTH) {
                    throw new IllegalArgumentException(toolOrTools() + " has a parameters schema that nests values more than "
                            + MAX_DEPTH + " levels deep");
                }
                depth++;
                try {
                    known = newValueExpr(schema, base);
                } finally {
                    depth--;
                }
                seen.put(schema, known);
            }
            return known;
        }

        private Expr newValueExpr(JsonNode schema, String base) {
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
                // each type once: a repeated one would be a second, ambiguous alternative for the same text
                Set<String> types = new LinkedHashSet<>();
                type.forEach(t -> types.add(t.asText()));
                List<String> alts = new ArrayList<>();
                int max = 0;
                for (String t : types) {
                    Expr e = typeExpr(t, schema, base);
                    alts.add(e.text());
                    max = Math.max(max, e.max());
                }
                return alts.isEmpty() ? flatValue() : alts.size() == 1 ? new Expr(alts.getFirst(), max)
                        : new Expr("(" + String.join(" | ", alts) + ")", max);
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
                    String rule = arrays.get(item.text());
                    if (rule == null) {
                        String unit = item.text();
                        if (!RULE_NAME.matcher(unit).matches()) {
                            // an enum or a choice of types: written once, not in each rule of the item chain
                            unit = unique(base + "-item");
                            define(unit, item.text());
                        }
                        rule = unique(base);
                        define(rule, "\"[\" " + items(unit, rule) + " \"]\"");
                        arrays.put(item.text(), rule);
                    }
                    yield new Expr(rule, add(2 + (MAX_ITEMS - 1) * 2, times(MAX_ITEMS, item.max())));
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
            return new Expr("json-flat-value", Math.max(scalarMax, flatObjectMax(str, scalarMax)));
        }

        /** An object whose schema gives no properties: {@code {}}, or up to {@link #MAX_ITEMS} members with scalar values. */
        private Expr flatObject() {
            Expr str = anyString(false);
            int scalarMax = Math.max(str.max(), number().max());
            flatValue(); // defines json-flat-object with the rest of the flat rules
            return new Expr("json-flat-object", flatObjectMax(str, scalarMax));
        }

        private static int flatObjectMax(Expr str, int scalarMax) {
            int member = str.max() + 2 + scalarMax;
            return 2 + MAX_ITEMS * member + (MAX_ITEMS - 1) * 2;
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
         * property, the body is not optional. Always an object: without a schema, or with no properties at all,
         * {@code {}}; with a schema that gives no properties (nor says there are none), a flat object.
         */
        private Expr objectExpr(JsonNode schema, String base, boolean nonEmpty) {
            JsonNode props = schema.path("properties");
            if (schema.isMissingNode() || props.isObject() && props.isEmpty()) {
                return new Expr(literal("{}"), 2);
            }
            if (!props.isObject()) {
                return flatObject();
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            String rule = unique(base);
            define(rule, ""); // placeholder: keeps the object's rule ahead of its parts
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
                max = add(max, add((kv.size() > 1 ? 2 : 0) + key.length(), value.max()));
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

        /**
         * Defines (or redefines) a rule, counting its characters against {@link #MAX_GRAMMAR}.
         *
         * @throws IllegalArgumentException when the grammar grows past the limit: the schema of the tool being
         *                                  written is too large
         */
        void define(String name, String body) {
            names.add(name);
            String old = rules.put(name, body);
            size += old == null ? name.length() + 5L + body.length() : body.length() - old.length();
            if (size > MAX_GRAMMAR) {
                throw new IllegalArgumentException(toolOrTools() + " would need a call grammar of more than " + MAX_GRAMMAR
                        + " characters: its parameters schema is too large");
            }
        }

        /** The tool being written, for an error message. */
        private String toolOrTools() {
            return tool == null ? "the tools" : "tool '" + tool + "'";
        }

        /**
         * A rule name not taken yet: {@code name} (cut to {@link #MAX_NAME} characters), else it with the first free
         * suffix {@code -2}, {@code -3}, ...; the suffix tried next is kept per name, so naming n rules alike is
         * linear, not quadratic.
         */
        private String unique(String name) {
            String stem = name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME).replaceAll("-+$", "");
            String n = stem;
            if (names.contains(n) || SHARED.containsKey(n)) {
                int i = suffixes.getOrDefault(stem, 2);
                while (names.contains(stem + "-" + i) || SHARED.containsKey(stem + "-" + i)) {
                    i++;
                }
                n = stem + "-" + i;
                suffixes.put(stem, i + 1);
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

    /** {@code a + b}, held at {@link Integer#MAX_VALUE}: bounds multiply with each level of nesting. */
    private static int add(int a, int b) {
        return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
    }

    /** {@code a * b}, held at {@link Integer#MAX_VALUE}. */
    private static int times(int a, int b) {
        return (int) Math.min(Integer.MAX_VALUE, (long) a * b);
    }

    private static final Map<String, String> SHARED = new LinkedHashMap<>();
    private static final Pattern RULE_NAME = Pattern.compile("[a-z0-9-]+");

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
