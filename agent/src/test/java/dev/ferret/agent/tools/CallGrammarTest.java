package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.ToolCallFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallGrammarTest {
    @TempDir
    static Path tmp;
    static Toolbox toolbox;
    static String callText;
    static Gbnf call;
    static Gbnf either;

    @BeforeAll
    static void build() {
        toolbox = Toolbox.standard(new Sandbox(tmp)).add(new ToolboxTest.EchoTool());
        callText = hermes(toolbox.schemas()).toolCall();
        call = Gbnf.parse(callText);
        either = Gbnf.parse(hermes(toolbox.schemas()).answerOrCall());
    }

    private static CallGrammar hermes(Iterable<? extends JsonNode> schemas) {
        return CallGrammar.of(ToolCallFormat.HERMES, schemas);
    }

    private static String wrap(String json) {
        return "<tool_call>\n" + json + "\n</tool_call>";
    }

    private static void admits(Gbnf g, String text) {
        assertTrue(g.accepts(text), "should admit: " + text);
    }

    /**
     * The answer-or-call grammar of {@code grammar} admits the longest call ({@code call} of {@code longest}) within
     * its {@code maxCallLength} and a call with '<' in a string, and refuses one with a string over the limit.
     */
    private static Gbnf boundsHold(CallGrammar grammar, java.util.function.UnaryOperator<String> call, String longest,
                                   String withLt, String tooLong) {
        Gbnf g = Gbnf.parse(grammar.answerOrCall());
        String text = call.apply(longest);
        admits(g, text);
        assertTrue(text.length() <= grammar.maxCallLength(), text.length() + " > " + grammar.maxCallLength());
        admits(g, call.apply(withLt));
        refuses(g, call.apply(tooLong));
        return g;
    }

    /** The grammar admits each of these calls (the JSON between the call markers). */
    private static void admitsCalls(Gbnf g, String... calls) {
        for (String c : calls) {
            admits(g, wrap(c));
        }
    }

    /** The grammar refuses each of these calls. */
    private static void refusesCalls(Gbnf g, String... calls) {
        for (String c : calls) {
            refuses(g, wrap(c));
        }
    }

    private static void refuses(Gbnf g, String text) {
        assertFalse(g.accepts(text), "should refuse: " + text);
    }

    @Test
    void grammarTextIsSane() {
        for (String text : List.of(callText, hermes(toolbox.schemas()).answerOrCall())) {
            Gbnf g = Gbnf.parse(text); // syntax, defined rules, root, no left recursion
            for (String line : text.split("\n")) {
                assertTrue(line.matches("[a-z0-9-]+ ::= .+"), "one rule per line, dashed lower-case name: " + line);
            }
            // every rule is reachable from root (nothing dead left behind)
            String refs = text.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ").replaceAll("\\[(\\\\.|[^\\]\\\\])*]", " ");
            for (String name : g.rules.keySet()) {
                if (!name.equals("root")) {
                    assertTrue(Pattern.compile("::=.*(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(refs).find(),
                            "rule " + name + " is used");
                }
            }
        }
        assertTrue(callText.startsWith("root ::= tool-call\n"), callText);
    }

    @Test
    void admitsWellFormedCalls() {
        admits(call, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}"));
        admits(call, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"class \\\\w+\\\\(Protocol\\\\)\", "
                + "\"path\": \"src\", \"glob\": \"*.py\", \"ignore_case\": true, \"context\": 0, \"max_matches\": 50}}"));
        admitsCalls(call,
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"max_matches\": 5}}",
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"say \\\"hi\\\"\\n\\t\\u00e9/\\/\"}}",
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"ünïcödé ✓\"}}",
                "{\"name\": \"find\", \"arguments\": {}}",
                "{\"name\": \"find\", \"arguments\": {\"type\": \"d\"}}",
                "{\"name\": \"find\", \"arguments\": {\"name\": \"*.py\", \"type\": \"f\", \"max_results\": 20}}",
                "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.py\", \"start_line\": 10, \"end_line\": 20}}",
                "{\"name\": \"list_dir\", \"arguments\": {}}",
                "{\"name\": \"list_dir\", \"arguments\": {\"path\": \"src\"}}",
                "{\"name\": \"run_command\", \"arguments\": {\"command\": \"grep -rn \\\"TODO\\\" .\"}}",
                "{\"name\": \"find_classes\", \"arguments\": {\"base\": \"Protocol\"}}");
    }

    @Test
    void refusesEverythingElse() {
        refuses(call, "");
        refuses(call, "Sure, let me search.");
        refusesCalls(call,
                "{\"name\": \"grep\", \"arguments\": {}}", // required pattern missing
                "{\"name\": \"run_command\", \"arguments\": {}}",
                "{\"name\": \"grep\", \"arguments\": {\"path\": \"src\", \"pattern\": \"x\"}}", // order
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"file\": \"a\"}}", // unknown
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"\"}}", // empty string
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": 5}}", // type
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"ignore_case\": \"true\"}}",
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"context\": -1}}", // minimum 0
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"max_matches\": 0}}", // minimum 1
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"context\": 01}}",
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", }}",
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"a\nb\"}}", // raw newline
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"a\\qb\"}}", // bad escape
                "{\"name\": \"find\", \"arguments\": {\"type\": \"l\"}}", // enum
                "{\"name\": \"rm\", \"arguments\": {}}",
                "{\"name\": \"grep\",\"arguments\": {\"pattern\": \"x\"}}", // whitespace is fixed
                "{\"name\": \"grep\", \"arguments\": {\"pattern\":  \"x\"}}",
                "{ \"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}");
        refuses(call, "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}</tool_call>");
        refuses(call, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}") + "\n");
        refuses(call, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}") + wrap("{\"name\": \"find\", "
                + "\"arguments\": {}}"));
    }

    @Test
    void answerOrCallAdmitsTextThatIsNotACall() {
        admits(either, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}"));
        admits(either, "The classes that subclass Protocol are:\n- Greeter (src/app.py:5)");
        admits(either, "x");
        admits(either, "<b>bold</b> text");
        admits(either, "<tool");
        admits(either, "<tool_call");
        admits(either, "<tool_calls> are not this");
        admits(either, "<tool_cal>");
        refuses(either, "");
        refuses(either, " leading space");
        refuses(either, "\n<tool_call>");
        refuses(either, "<tool_call>");
        refuses(either, "<tool_call> and then prose");
        refuses(either, wrap("{\"name\": \"nope\", \"arguments\": {}}"));
        // <tool_call> later in an answer: the parser would read what follows as a call (issue 13.2)
        refuses(either, "x <tool_call>");
        refuses(either, "Found 1 class:\n<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}");
        refuses(either, "<<tool_call>");
        refuses(either, "<tool_<tool_call>");
        admits(either, "a <tool_call without its bracket");
        admits(either, "<tool_<tool_cal> twice cut short");
    }

    @Test
    void noStringCanHoldTheTagsNorRunPastItsBound() {
        String head = "{\"name\": \"grep\", \"arguments\": {\"pattern\": ";
        // the stop string and the parser's marker cannot appear inside an argument; an escaped '<' can
        refuses(call, wrap(head + "\"a</tool_call>b\"}}"));
        refuses(call, wrap(head + "\"<tool_call>\"}}"));
        refuses(call, wrap(head + "\"<\"}}"));
        admits(call, wrap(head + "\"\\u003ctool_call>\"}}"));
        admits(call, wrap(head + "\"" + "x".repeat(CallGrammar.MAX_STRING) + "\"}}"));
        refuses(call, wrap(head + "\"" + "x".repeat(CallGrammar.MAX_STRING + 1) + "\"}}"));
        admits(call, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"max_matches\": 999999999}}"));
        refuses(call, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"max_matches\": 1000000000}}"));
    }

    @Test
    void theLongestCallFitsTheBound() {
        // every property of every tool at its longest (strings of six-character escapes, 9-digit integers): the
        // bound must hold for it, so a token budget of maxCallLength can never cut a constrained call off
        int bound = hermes(toolbox.schemas()).maxCallLength();
        String s = "\"" + "\\u00e9".repeat(CallGrammar.MAX_STRING) + "\"";
        String grep = "{\"name\": \"grep\", \"arguments\": {\"pattern\": " + s + ", \"path\": " + s + ", \"glob\": " + s
                + ", \"ignore_case\": false, \"context\": 999999999, \"max_matches\": 999999999}}";
        admits(call, wrap(grep));
        assertTrue(wrap(grep).length() <= bound, wrap(grep).length() + " > " + bound);
        assertTrue(bound < 20_000, "bound " + bound);
        for (Tool t : toolbox.all()) {
            ArrayNode one = Fixture.JSON.createArrayNode().add(Toolbox.schema(t));
            assertTrue(hermes(one).maxCallLength() <= bound);
        }
    }

    @Test
    void nonEmptyArgumentsForTheCallOnlyModel() {
        ArrayNode schemas = Fixture.JSON.createArrayNode().add(Toolbox.schema(new FindTool(new Sandbox(tmp), CallBudget.DEFAULT)));
        Gbnf g = Gbnf.parse(hermes(schemas).nonEmptyArguments().toolCall());
        refuses(g, wrap("{\"name\": \"find\", \"arguments\": {}}"));
        admits(g, wrap("{\"name\": \"find\", \"arguments\": {\"type\": \"d\"}}"));
        admits(Gbnf.parse(hermes(schemas).toolCall()), wrap("{\"name\": \"find\", \"arguments\": {}}"));
    }

    @Test
    void everyArgumentsObjectJacksonWritesForAToolIsAdmitted() {
        // the model's side and ours agree: the Python-style JSON of valid arguments is in the language
        String[][] calls = {
                {"grep", "{\"pattern\": \"^async def\", \"path\": \"src\", \"glob\": \"*.py\", \"ignore_case\": false, "
                        + "\"context\": 2, \"max_matches\": 100}"},
                {"find", "{\"name\": \"*.py\", \"path_glob\": \"src/**/*.py\", \"type\": \"f\", \"path\": \".\", "
                        + "\"max_results\": 200}"},
                {"read_file", "{\"path\": \"src/app.py\", \"end_line\": 40}"},
                {"run_command", "{\"command\": \"grep -rn 'a\\\\|b' --include=*.py .\"}"},
        };
        for (String[] c : calls) {
            JsonNode args = Fixture.json(c[1]);
            String json = "{\"name\": \"" + c[0] + "\", \"arguments\": " + Json.dumps(args) + "}";
            admits(call, wrap(json));
        }
    }

    @Test
    void optionalPropertiesInAnyCombinationButOrderKept() {
        ArrayNode schemas = Fixture.JSON.createArrayNode();
        ObjectNode fn = schemas.addObject().put("type", "function").putObject("function");
        fn.put("name", "t");
        ObjectNode params = fn.putObject("parameters").put("type", "object");
        ObjectNode props = params.putObject("properties");
        for (String p : List.of("a", "b", "c", "d")) {
            props.putObject(p).put("type", "integer");
        }
        params.putArray("required").add("c");
        Gbnf g = Gbnf.parse(hermes(schemas).toolCall());
        // c required, a b d optional: every subset of {a,b,d} with c, in order
        for (int mask = 0; mask < 8; mask++) {
            StringBuilder sb = new StringBuilder();
            String[] names = {"a", "b", "c", "d"};
            for (String n : names) {
                boolean on = n.equals("c") || (n.equals("a") && (mask & 1) != 0) || (n.equals("b") && (mask & 2) != 0)
                        || (n.equals("d") && (mask & 4) != 0);
                if (on) {
                    sb.append(sb.isEmpty() ? "" : ", ").append('"').append(n).append("\": 1");
                }
            }
            admits(g, wrap("{\"name\": \"t\", \"arguments\": {" + sb + "}}"));
        }
        refusesCalls(g,
                "{\"name\": \"t\", \"arguments\": {\"a\": 1, \"b\": 1}}",
                "{\"name\": \"t\", \"arguments\": {\"c\": 1, \"a\": 1}}",
                "{\"name\": \"t\", \"arguments\": {\"c\": 1, \"c\": 1}}");
        admits(g, wrap("{\"name\": \"t\", \"arguments\": {\"c\": -12}}"));
    }

    @Test
    void otherSchemaShapes() {
        ArrayNode schemas = (ArrayNode) Fixture.json("""
                [{"type": "function", "function": {"name": "Weird.Name-1", "description": "",
                  "parameters": {"type": "object", "properties": {
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "ratio": {"type": "number"},
                    "mode": {"enum": ["a\\"b", "c"]},
                    "opt": {"type": ["string", "null"]},
                    "any": {},
                    "nested": {"type": "object", "properties": {"k": {"type": "boolean"}}, "required": ["k"]},
                    "blank": {"type": "string", "minLength": 0}
                  }, "required": ["tags"]}}},
                 {"type": "function", "function": {"name": "noargs", "description": "", "parameters": {"type": "object", "properties": {}}}}]
                """);
        String text = hermes(schemas).toolCall();
        Gbnf g = Gbnf.parse(text);
        String head = "{\"name\": \"Weird.Name-1\", \"arguments\": ";
        admits(g, wrap(head + "{\"tags\": []}}"));
        admits(g, wrap(head + "{\"tags\": [\"a\", \"b\"], \"ratio\": -1.5e3, \"mode\": \"a\\\"b\", \"opt\": null, "
                + "\"any\": {\"x\": 1, \"y\": \"s\"}, \"nested\": {\"k\": false}, \"blank\": \"\"}}"));
        admits(g, wrap(head + "{\"tags\": [], \"any\": [1, true, null, \"s\"]}}"));
        refuses(g, wrap(head + "{\"tags\": [], \"any\": {\"x\": [1]}}}")); // schema-less values are flat: bounded
        admits(g, wrap(head + "{\"tags\": [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\"]}}"));
        refuses(g, wrap(head + "{\"tags\": [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\"]}}"));
        admits(g, wrap(head + "{\"tags\": [\"a\"], \"opt\": \"s\"}}"));
        refuses(g, wrap(head + "{\"tags\": [\"a\",\"b\"]}}"));
        refuses(g, wrap(head + "{\"tags\": [], \"mode\": \"x\"}}"));
        refuses(g, wrap(head + "{\"tags\": [], \"nested\": {}}}"));
        admits(g, wrap("{\"name\": \"noargs\", \"arguments\": {}}"));
        refuses(g, wrap("{\"name\": \"noargs\", \"arguments\": {\"x\": 1}}"));
    }

    @Test
    void literalsAndClassesAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\x01é\"", CallGrammar.literal("a\"b\\c\n\t\u0001é"));
        assertEquals("\\x2D", CallGrammar.classChar('-'));
        assertEquals("\\]", CallGrammar.classChar(']'));
        assertEquals("read-file", CallGrammar.slug("read_file"));
        assertEquals("weird-name-1", CallGrammar.slug("Weird.Name-1"));
        Matcher m = Pattern.compile("call-[a-z0-9-]+").matcher(callText);
        int calls = 0;
        while (m.find()) {
            calls++;
        }
        assertEquals(12, calls); // 6 tools: defined once, referenced once
        assertThrows(IllegalArgumentException.class, () -> hermes(Fixture.JSON.createArrayNode()).toolCall());
    }

    @Test
    void standardGrammarStaysSmall() {
        String g = hermes(Toolbox.standard(new Sandbox(tmp)).schemas()).toolCall();
        // the tools' own rules, then the shared JSON ones (most of them the bounded string's chain)
        assertTrue(g.length() < 12000, g);
        long own = g.lines().filter(l -> !l.startsWith("json-")).count();
        assertEquals(39, own, g);
        assertEquals(CallGrammar.MAX_STRING + CallGrammar.MAX_DIGITS - 1 + 6, g.lines().count() - own, g);
    }

    @Test
    void everyFamilyIsBoundedAndItsAnswersHoldNoCall() {
        String s = "\"" + "\\u00e9".repeat(CallGrammar.MAX_STRING) + "\"";
        String grep = "\"grep\", \"%s\": {\"pattern\": " + s + ", \"path\": " + s + ", \"glob\": " + s
                + ", \"ignore_case\": false, \"context\": 999999999, \"max_matches\": 999999999}";
        String tooLong = "\"grep\", \"%s\": {\"pattern\": \"" + "x".repeat(CallGrammar.MAX_STRING + 1) + "\"}";
        String lt = "\"grep\", \"%s\": {\"pattern\": \"a<b\"}";
        // Mistral: the parser looks for [TOOL_CALLS] anywhere, so no answer may hold it; '<' is plain text there
        Gbnf m = boundsHold(CallGrammar.of(ToolCallFormat.MISTRAL, toolbox.schemas()),
                c -> "[TOOL_CALLS][{\"name\": " + c.formatted("arguments") + ", \"id\": \"abc123DEF\"}]", grep, lt, tooLong);
        admits(m, "A [TOOL answer [TOOL_CALLS without its bracket");
        refuses(m, "text, then [TOOL_CALLS][{\"name\": \"find\", \"arguments\": {}, \"id\": \"abc123DEF\"}]");
        refuses(m, "[[TOOL_CALLS]");
        // Llama 3.x: the parser reads a call only from a reply that starts with '{'
        CallGrammar llama = CallGrammar.of(ToolCallFormat.LLAMA_3_JSON, toolbox.schemas());
        Gbnf l = boundsHold(llama, c -> "{\"name\": " + c.formatted("parameters") + "}", grep, lt, tooLong);
        admits(l, "Use a dict such as {\"a\": 1}");
        refuses(l, "{not a call}");
        Gbnf nonEmpty = Gbnf.parse(llama.nonEmptyArguments().toolCall());
        refuses(nonEmpty, "{\"name\": \"find\", \"parameters\": {}}");
        admits(nonEmpty, "{\"name\": \"find\", \"parameters\": {\"type\": \"d\"}}");
    }

    @Test
    void stringChoicesHoldEveryStringArgument() {
        CallGrammar g = hermes(toolbox.schemas()).nonEmptyArguments().stringChoices(List.of("Protocol", "src", "Protocol"));
        Gbnf choices = Gbnf.parse(g.toolCall());
        admits(choices, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"Protocol\", \"path\": \"src\"}}"));
        refuses(choices, wrap("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"Other\"}}"));
        admits(choices, wrap("{\"name\": \"find\", \"arguments\": {\"type\": \"d\"}}")); // enums stay enums
        assertTrue(g.maxCallLength() < hermes(toolbox.schemas()).maxCallLength());
        assertThrows(IllegalArgumentException.class, () -> g.stringChoices(List.of()));
        assertThrows(IllegalArgumentException.class, () -> g.stringChoices(List.of("a<b")));
        // '<' is refused only where the format's markers start with it
        CallGrammar.of(ToolCallFormat.MISTRAL, toolbox.schemas()).stringChoices(List.of("a<b"));
        assertThrows(IllegalStateException.class, () -> CallGrammar.of(ToolCallFormat.NONE, toolbox.schemas()));
    }
    /** One tool {@code name} whose {@code parameters} are the given JSON (or left out when {@code parameters} is null). */
    private static ArrayNode tool(String name, String parameters) {
        ArrayNode schemas = Fixture.JSON.createArrayNode();
        ObjectNode fn = schemas.addObject().put("type", "function").putObject("function").put("name", name);
        if (parameters != null) {
            fn.set("parameters", Fixture.json(parameters));
        }
        return schemas;
    }

    /** {@code {"type": ["array", "array"], "items": ...}} {@code d} times around a string: each level names its type twice. */
    private static ObjectNode nest(int d) {
        ObjectNode s = Fixture.JSON.createObjectNode().put("type", "string");
        for (int i = 0; i < d; i++) {
            ObjectNode outer = Fixture.JSON.createObjectNode();
            outer.putArray("type").add("array").add("array");
            outer.set("items", s);
            s = outer;
        }
        return s;
    }

    /** Tool f with one required property {@code a} of the given schema. */
    private static ArrayNode oneProperty(JsonNode a) {
        ArrayNode schemas = tool("f", "{\"type\": \"object\", \"required\": [\"a\"]}");
        ((ObjectNode) schemas.get(0).get("function").get("parameters")).putObject("properties").set("a", a);
        return schemas;
    }

    @Test
    void repeatedTypesInADeepNestingStayLinearAndTooDeepANestingIsRefused() {
        // written for each way of reaching it, each level's sub-schema doubled the work: 2^d (49 s at d = 14)
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int d = CallGrammar.MAX_DEPTH - 1; // a at level 1, the string at level MAX_DEPTH: the deepest allowed
            CallGrammar grammar = hermes(oneProperty(nest(d)));
            String text = grammar.toolCall();
            // one array rule and its item chain per level, names cut short: linear in d
            assertTrue(text.length() < 60_000, text.length() + " characters");
            assertTrue(text.lines().filter(l -> !l.startsWith("json-")).count() <= 5 + CallGrammar.MAX_ITEMS * d, text);
            Gbnf g = Gbnf.parse(text);
            admits(g, wrap("{\"name\": \"f\", \"arguments\": {\"a\": " + "[".repeat(d) + "\"x\", \"y\"" + "]".repeat(d) + "}}"));
            admits(g, wrap("{\"name\": \"f\", \"arguments\": {\"a\": [[], []]}}"));
            refuses(g, wrap("{\"name\": \"f\", \"arguments\": {\"a\": " + "[".repeat(d + 1) + "\"x\"" + "]".repeat(d + 1) + "}}"));
            refuses(g, wrap("{\"name\": \"f\", \"arguments\": {\"a\": [\"x\"]}}"));
            assertTrue(grammar.maxCallLength() > 0, "the bound saturates rather than overflows");
            assertTrue(answerOrCallAndToolCall(oneProperty(nest(d))));

            // the brief's d = 30: past the nesting limit, a typed error that names the tool, at once
            for (int deep : new int[] {CallGrammar.MAX_DEPTH, 30, 500}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hermes(oneProperty(nest(deep))).toolCall());
                assertTrue(e.getMessage().contains("tool 'f'") && e.getMessage().contains(CallGrammar.MAX_DEPTH + " levels"), e.getMessage());
            }
        });
    }

    private static boolean answerOrCallAndToolCall(ArrayNode schemas) {
        Gbnf.parse(hermes(schemas).answerOrCall());
        Gbnf.parse(CallGrammar.of(ToolCallFormat.MISTRAL, schemas).toolCall());
        return true;
    }

    @Test
    void aSharedSubSchemaGetsItsRulesOnce() {
        // a schema built in code may reach one node many ways: here 2^23 paths to the integer through 24 nodes
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int levels = CallGrammar.MAX_DEPTH - 1;
            JsonNode s = Fixture.json("{\"type\": \"integer\"}");
            for (int i = 0; i < levels; i++) {
                ObjectNode o = Fixture.JSON.createObjectNode().put("type", "object");
                o.putObject("properties").<ObjectNode>set("l", s).set("r", s);
                o.putArray("required").add("l");
                s = o;
            }
            String text = hermes(oneProperty(s)).toolCall();
            assertTrue(text.lines().filter(l -> !l.startsWith("json-")).count() <= 5 + 4 * levels, text); // 4 rules a level
            Gbnf g = Gbnf.parse(text);
            String chain = "{\"l\": ".repeat(levels - 1) + "1" + "}".repeat(levels - 1);
            admits(g, wrap("{\"name\": \"f\", \"arguments\": {\"a\": {\"l\": " + chain + ", \"r\": " + chain + "}}}"));
            refuses(g, wrap("{\"name\": \"f\", \"arguments\": {\"a\": {\"l\": " + chain + ", \"r\": 1}}}"));
        });
    }

    @Test
    void manyPropertiesAlikeAreNamedInLinearTimeAndAGrammarPastItsLimitIsRefusedNamingTheTool() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // 16,276 properties whose names all make the rule name "p" ("p!", "p#", "p!#", ...): their rules' suffixes
            // are counted on, not searched from -2 each time (quadratic: about 1.3e8 look-ups)
            String marks = "!#$%&'()*+,-./:;<=>?@[]^_";
            ObjectNode params = Fixture.JSON.createObjectNode().put("type", "object");
            ObjectNode props = params.putObject("properties");
            props.putObject("p").put("type", "integer");
            for (int i = 0; i < marks.length(); i++) {
                for (int j = -1; j < marks.length(); j++) {
                    for (int k = -1; k < marks.length(); k++) {
                        if (j < 0 && k >= 0) {
                            continue;
                        }
                        String key = "p" + marks.charAt(i) + (j < 0 ? "" : marks.charAt(j)) + (k < 0 ? "" : marks.charAt(k));
                        props.putObject(key).put("type", "integer");
                    }
                }
            }
            int n = props.size();
            ArrayNode schemas = Fixture.JSON.createArrayNode();
            schemas.addObject().put("type", "function").putObject("function").put("name", "wide").set("parameters", params);
            String text = hermes(schemas).toolCall();
            assertTrue(text.contains("\nargs-wide-p-" + n + " ::= "), "one rule per property");
            assertTrue(text.length() <= CallGrammar.MAX_GRAMMAR, text.length() + " characters");

            // a second tool as large passes the limit: a typed error that names it, from every grammar
            schemas.addObject().put("type", "function").putObject("function").put("name", "wider").set("parameters", params);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hermes(schemas).toolCall());
            assertTrue(e.getMessage().contains("tool 'wider'") && e.getMessage().contains(String.valueOf(CallGrammar.MAX_GRAMMAR)),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> hermes(schemas).answerOrCall());
            assertThrows(IllegalArgumentException.class, () -> hermes(schemas).maxCallLength());

            // 400 of them: each its own rule
            ObjectNode few = Fixture.JSON.createObjectNode().put("type", "object");
            ObjectNode fewProps = few.putObject("properties");
            List<String> names = new java.util.ArrayList<>();
            props.fieldNames().forEachRemaining(name -> {
                if (names.size() < 400) {
                    names.add(name);
                }
            });
            names.forEach(name -> fewProps.putObject(name).put("type", "integer"));
            Gbnf g = Gbnf.parse(hermes(tool("few", few.toString())).toolCall());
            admitsCalls(g, "{\"name\": \"few\", \"arguments\": {" + Fixture.q(names.get(399)) + ": 7}}",
                    "{\"name\": \"few\", \"arguments\": {" + Fixture.q(names.get(3)) + ": 1, " + Fixture.q(names.get(399)) + ": 7}}");
            refusesCalls(g, "{\"name\": \"few\", \"arguments\": {" + Fixture.q(names.get(399)) + ": 7, " + Fixture.q(names.get(3)) + ": 1}}");
        });
    }

    @Test
    void arraysAlikeShareTheirRulesAndAnEnumItemIsWrittenOnce() {
        String text = hermes(tool("f", """
                {"type": "object", "properties": {
                  "x": {"type": "array", "items": {"enum": ["alpha", "beta"]}},
                  "y": {"type": "array", "items": {"enum": ["alpha", "beta"]}},
                  "z": {"type": "array", "items": {"type": ["string", "null", "string"]}},
                  "w": {"type": ["array"], "items": {"type": "string"}}}}
                """)).toolCall();
        // the enum once (not in each of the item chain's eight rules), one array rule and chain for x and y
        assertEquals(1, text.split(Pattern.quote(CallGrammar.literal("\"alpha\"")), -1).length - 1, text);
        assertEquals(3, text.lines().filter(l -> l.matches("\\S+ ::= \"\\[\" .*")).count(), text);
        Gbnf g = Gbnf.parse(text);
        admitsCalls(g, "{\"name\": \"f\", \"arguments\": {\"x\": [\"alpha\"], \"y\": [\"beta\", \"alpha\"], \"z\": [\"s\", null], \"w\": []}}");
        refusesCalls(g, "{\"name\": \"f\", \"arguments\": {\"y\": [\"gamma\"]}}", "{\"name\": \"f\", \"arguments\": {\"z\": [1]}}",
                "{\"name\": \"f\", \"arguments\": {\"w\": \"s\"}}");
    }

    @Test
    void aLargeRealisticToolSetStaysFarBelowTheLimit() {
        // 64 tools of 20 properties: strings, bounded integers, booleans, 10-value enums, arrays of strings and of
        // objects, nested objects, nullable numbers; about 200 KB of JSON (some 50,000 prompt tokens), more than any
        // real tool list, and a quarter of the limit at most
        StringBuilder values = new StringBuilder();
        for (int v = 0; v < 10; v++) {
            values.append(v == 0 ? "" : ", ").append("\"value_number_").append(v).append('"');
        }
        String object = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\", \"minimum\": 1}, "
                + "\"label\": {\"type\": \"string\"}, \"kind\": {\"enum\": [" + values + "]}, "
                + "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}, \"required\": [\"id\"]}";
        String[] kinds = {"{\"type\": \"string\"}", "{\"type\": \"integer\", \"minimum\": 0}", "{\"type\": \"boolean\"}",
                "{\"type\": \"string\", \"enum\": [" + values + "]}", "{\"type\": \"array\", \"items\": {\"type\": \"string\"}}",
                "{\"type\": \"array\", \"items\": " + object + "}", object, "{\"type\": [\"number\", \"null\"]}"};
        ArrayNode schemas = Fixture.JSON.createArrayNode();
        for (int t = 0; t < 64; t++) {
            StringBuilder props = new StringBuilder();
            for (int p = 0; p < 20; p++) {
                props.append(p == 0 ? "" : ", ").append("\"parameter_").append(p).append("\": ").append(kinds[(t + p) % kinds.length]);
            }
            schemas.add(tool("tool_number_" + t, "{\"type\": \"object\", \"properties\": {" + props
                    + "}, \"required\": [\"parameter_0\"]}").get(0));
        }
        String text = hermes(schemas).toolCall();
        assertTrue(text.length() < CallGrammar.MAX_GRAMMAR / 4, text.length() + " characters");
        Gbnf g = Gbnf.parse(text);
        admits(g, wrap("{\"name\": \"tool_number_5\", \"arguments\": {\"parameter_0\": [{\"id\": 3, \"kind\": \"value_number_7\"}]}}"));
    }

    @Test
    void argumentsAreAlwaysAnObject() {
        // parameters that give no properties: {} or an object of scalars, never a scalar (the reply would hold no call)
        for (String params : List.of("{}", "{\"type\": \"object\"}", "{\"type\": \"object\", \"properties\": 3}",
                "{\"type\": \"string\"}", "{\"description\": \"anything\"}")) {
            for (CallGrammar grammar : List.of(hermes(tool("f", params)), hermes(tool("f", params)).nonEmptyArguments())) {
                for (String text : List.of(grammar.toolCall(), grammar.answerOrCall())) {
                    Gbnf g = Gbnf.parse(text);
                    admitsCalls(g, "{\"name\": \"f\", \"arguments\": {}}", "{\"name\": \"f\", \"arguments\": {\"x\": 1, \"y\": \"s\"}}");
                    refusesCalls(g, "{\"name\": \"f\", \"arguments\": true}", "{\"name\": \"f\", \"arguments\": null}",
                            "{\"name\": \"f\", \"arguments\": \"x\"}", "{\"name\": \"f\", \"arguments\": 1}",
                            "{\"name\": \"f\", \"arguments\": []}", "{\"name\": \"f\", \"arguments\": [1]}");
                }
            }
        }
        // no parameters, or null ones: a function without arguments (as OpenAI reads it), called with {}
        for (String params : new String[] {null, "null"}) {
            ArrayNode schemas = tool("f", params);
            Gbnf g = Gbnf.parse(hermes(schemas).toolCall());
            admitsCalls(g, "{\"name\": \"f\", \"arguments\": {}}");
            refusesCalls(g, "{\"name\": \"f\", \"arguments\": {\"x\": 1}}", "{\"name\": \"f\", \"arguments\": true}",
                    "{\"name\": \"f\", \"arguments\": null}", "{\"name\": \"f\", \"arguments\": 1}");
            assertEquals(hermes(tool("f", "{\"type\": \"object\", \"properties\": {}}")).toolCall(), hermes(schemas).toolCall());
        }
        // in every family's layout
        Gbnf llama = Gbnf.parse(CallGrammar.of(ToolCallFormat.LLAMA_3_JSON, tool("f", "{}")).toolCall());
        admits(llama, "{\"name\": \"f\", \"parameters\": {}}");
        refuses(llama, "{\"name\": \"f\", \"parameters\": true}");
        Gbnf mistral = Gbnf.parse(CallGrammar.of(ToolCallFormat.MISTRAL, tool("f", "{\"type\": \"object\"}")).toolCall());
        admits(mistral, "[TOOL_CALLS][{\"name\": \"f\", \"arguments\": {\"k\": false}, \"id\": \"abc123DEF\"}]");
        refuses(mistral, "[TOOL_CALLS][{\"name\": \"f\", \"arguments\": \"x\", \"id\": \"abc123DEF\"}]");
        // a property declared an object without properties is an object too; one that says nothing stays any flat value
        Gbnf nested = Gbnf.parse(hermes(tool("f", "{\"type\": \"object\", \"properties\": {\"o\": {\"type\": \"object\"}, "
                + "\"n\": {\"type\": [\"object\", \"null\"]}, \"any\": {}}, \"required\": [\"o\"]}")).toolCall());
        admitsCalls(nested, "{\"name\": \"f\", \"arguments\": {\"o\": {}}}", "{\"name\": \"f\", \"arguments\": {\"o\": {\"k\": 1}, \"n\": null}}",
                "{\"name\": \"f\", \"arguments\": {\"o\": {}, \"n\": {\"k\": \"v\"}, \"any\": 5}}");
        refusesCalls(nested, "{\"name\": \"f\", \"arguments\": {\"o\": 1}}", "{\"name\": \"f\", \"arguments\": {\"o\": null}}",
                "{\"name\": \"f\", \"arguments\": {\"o\": {}, \"n\": true}}");
    }
}
