package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.ToolCallFormat;
import java.nio.file.Path;
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
}
