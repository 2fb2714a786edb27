package dev.ferret.engine.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.llama.GbnfCheck;
import dev.ferret.llama.LlamaException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model family writes tool calls, recognised from its chat template as llama.cpp b4980 recognises it
 * ({@code common/chat.cpp}), with a parser for the model's reply and a grammar for one call:
 * <ul>
 * <li>{@link #HERMES}: Qwen2.5, Hermes 2/3 and Ferret's own models:
 *     {@code <tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>};</li>
 * <li>{@link #LLAMA_3_JSON}: Llama 3.1/3.2/3.3: the reply is {@code {"name": ..., "parameters": {...}}};</li>
 * <li>{@link #MISTRAL}: Mistral Nemo and others: {@code [TOOL_CALLS][{"name": ..., "arguments": {...}, "id": "..."}]};</li>
 * <li>{@link #NONE}: any other template; replies are plain text.</li>
 * </ul>
 */
public enum ToolCallFormat {
    HERMES("<tool_call>", "<tool_call>\n{\"name\": ", ", \"arguments\": ", "}\n</tool_call>", "</tool_call>"),
    LLAMA_3_JSON("{", "{\"name\": ", ", \"parameters\": ", "}", null),
    MISTRAL("[TOOL_CALLS]", "[TOOL_CALLS][{\"name\": ", ", \"arguments\": ", "}]", null),
    NONE("", "", "", "", null);

    private static final System.Logger LOG = System.getLogger(ToolCallFormat.class.getName());

    private final String opener;
    private final String beforeName;
    private final String beforeArguments;
    private final String afterArguments;
    private final String stop;

    ToolCallFormat(String opener, String beforeName, String beforeArguments, String afterArguments, String stop) {
        this.opener = opener;
        this.beforeName = beforeName;
        this.beforeArguments = beforeArguments;
        this.afterArguments = afterArguments;
        this.stop = stop;
    }

    /**
     * The family of a chat template, checked in llama.cpp's order: DeepSeek R1, Command R7B, Functionary and
     * FireFunction formats are recognised but not supported ({@link #NONE}); then {@code <tool_call>},
     * Llama 3.x's {@code ipython} role, {@code [TOOL_CALLS]}.
     */
    public static ToolCallFormat detect(String templateSource) {
        if (templateSource == null) {
            return NONE;
        }
        if (templateSource.contains("<｜tool▁calls▁begin｜>") || templateSource.contains("<|END_THINKING|><|START_ACTION|>")) {
            return NONE;
        }
        if (templateSource.contains("<tool_call>")) {
            return HERMES;
        }
        if (templateSource.contains(">>>all") || templateSource.contains(" functools[")
                || templateSource.contains("<|start_header_id|>") && templateSource.contains("<function=")) {
            return NONE;
        }
        if (templateSource.contains("<|start_header_id|>ipython<|end_header_id|>")) {
            return LLAMA_3_JSON;
        }
        if (templateSource.contains("[TOOL_CALLS]")) {
            return MISTRAL;
        }
        return NONE;
    }

    /** The text a call starts with ({@code <tool_call>}, {@code {}, {@code [TOOL_CALLS]}); empty for NONE. */
    public String callOpener() {
        return opener;
    }

    /** A stop string that ends a call, or null when the call ends with the end-of-turn token. */
    public String callStop() {
        return stop;
    }

    String beforeName() {
        return beforeName;
    }

    String beforeArguments() {
        return beforeArguments;
    }

    String afterArguments() {
        return afterArguments;
    }

    /**
     * A grammar for exactly one call to one of {@code tools} (OpenAI-style schemas); see {@link CallGrammar}.
     *
     * @throws IllegalArgumentException for no tools, a tool without a name, or a schema past the grammar's limits
     *                                  ({@link CallGrammar#MAX_DEPTH}, {@link CallGrammar#MAX_GRAMMAR}), naming the tool;
     *                                  or a grammar past what llama.cpp can run ({@link GbnfCheck}: an object with
     *                                  thousands of optional properties nests rule references too deep), naming the rule
     */
    public String callGrammar(List<JsonNode> tools) {
        return runnable(CallGrammar.of(this, tools).toolCall());
    }

    /**
     * A grammar for either one call or a plain answer that holds no call opener where the parser looks for one.
     *
     * @throws IllegalArgumentException as {@link #callGrammar} does
     */
    public String answerOrCallGrammar(List<JsonNode> tools) {
        return runnable(CallGrammar.of(this, tools).answerOrCall());
    }

    /**
     * The grammar, once {@link GbnfCheck} (which a generation request runs too) finds llama.cpp can run it: a tool
     * list past that is the caller's input error, as a schema past CallGrammar's own limits is.
     */
    private static String runnable(String grammar) {
        try {
            GbnfCheck.check(grammar, "root");
        } catch (LlamaException e) {
            throw new IllegalArgumentException("the tools' call grammar is past what llama.cpp can run: " + e.getMessage(), e);
        }
        return grammar;
    }

    /**
     * Splits a reply into its text and its calls. For {@link #NONE} the reply is all text, and a warning is logged
     * once per call site that text which looks like a call was not parsed.
     */
    public ToolCallParser.Reply parse(String text) {
        return switch (this) {
            case HERMES -> ToolCallParser.parse(text);
            case LLAMA_3_JSON -> llama3(text);
            case MISTRAL -> mistral(text);
            case NONE -> {
                if (text.contains("\"name\"") && (text.contains("\"arguments\"") || text.contains("\"parameters\""))) {
                    LOG.log(System.Logger.Level.WARNING, "the reply looks like a tool call, but the model's chat template has no"
                            + " tool-call format Ferret knows; it is kept as text");
                }
                yield new ToolCallParser.Reply(text.strip(), List.of());
            }
        };
    }

    private static final java.util.regex.Pattern HERMES_LENIENT = java.util.regex.Pattern.compile(
            "(?:(```(?:xml|json)?\\n\\s*)?(<tool_call>|<function_call>|<tool>|<tools>|<response>|<json>|<xml>|<JSON>)?(\\s*\\{\\s*\"name\"\\s*:))"
            + "|(?:<function=([^>]+)>|<function name=\"([^\"]+)\">)");

    /**
     * As {@link #parse}, but for {@link #HERMES} also the wrappers models write when no grammar holds them
     * (llama.cpp b4980 accepts the same): {@code <function_call>}, {@code <tool>}, {@code <tools>},
     * {@code <response>}, {@code <json>}, {@code <xml>}, code fences, bare {@code {"name": ...}} objects,
     * {@code <function=NAME>{...}</function>} and {@code <function name="NAME">}. Text that does not parse as a
     * call stays text. Other families parse as {@link #parse} does.
     */
    public ToolCallParser.Reply parseLenient(String text) {
        if (this != HERMES) {
            return parse(text);
        }
        StringBuilder content = new StringBuilder();
        List<ToolCallParser.Parsed> calls = new ArrayList<>();
        int pos = 0;
        java.util.regex.Matcher m = HERMES_LENIENT.matcher(text);
        while (pos < text.length() && m.find(pos)) {
            content.append(text, pos, m.start());
            int json = m.group(3) != null ? m.start(3) : m.end();
            JsonNode node;
            int end;
            try (var parser = Json.MAPPER.createParser(text.substring(json))) {
                node = Json.MAPPER.readTree(parser);
                end = json + (int) parser.currentLocation().getCharOffset();
            } catch (Exception e) {
                node = null;
                end = -1;
            }
            ObjectNode call = null;
            if (node != null && m.group(3) != null && node.isObject() && node.has("name") && node.has("arguments")) {
                call = (ObjectNode) node;
            } else if (node != null && m.group(3) == null) {
                call = Json.MAPPER.createObjectNode();
                call.put("name", m.group(4) != null ? m.group(4) : m.group(5));
                call.set("arguments", node);
            }
            if (call == null) {
                content.append(text, m.start(), m.end());
                pos = m.end();
                continue;
            }
            int i = skipSpace(text, end);
            String open = m.group(2);
            String close = m.group(3) == null ? "</function>" : open == null ? null : "</" + open.substring(1);
            if (close != null && text.startsWith(close, i)) {
                i = skipSpace(text, i + close.length());
            }
            if (m.group(1) != null && text.startsWith("```", i)) {
                i = skipSpace(text, i + 3);
            }
            calls.add(ToolCallParser.parseCall(Json.dumps(call)));
            pos = i;
        }
        if (pos < text.length()) {
            content.append(text.substring(pos));
        }
        return new ToolCallParser.Reply(content.toString().strip(), List.copyOf(calls));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Llama 3.x: the whole reply is one JSON object {"name": ..., "parameters": {...}} (optionally "type": "function"). */
    private static ToolCallParser.Reply llama3(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return new ToolCallParser.Reply(t, List.of());
        }
        JsonNode node;
        int end;
        try (var parser = Json.MAPPER.createParser(t)) {
            node = Json.MAPPER.readTree(parser);
            end = (int) parser.currentLocation().getCharOffset();
        } catch (Exception e) {
            return new ToolCallParser.Reply("", List.of(new ToolCallParser.Parsed.Invalid(
                    "tool call is not valid JSON: write {\"name\": <tool>, \"parameters\": {...}}", t)));
        }
        if (node == null || !node.isObject() || !node.has("name")) {
            return new ToolCallParser.Reply(t, List.of());
        }
        ObjectNode call = ((ObjectNode) node).deepCopy();
        if (!call.has("arguments") && call.has("parameters")) {
            call.set("arguments", call.remove("parameters"));
        }
        String rest = t.substring(Math.min(end, t.length())).strip();
        return new ToolCallParser.Reply(rest, List.of(ToolCallParser.parseCall(Json.dumps(call))));
    }

    /** Mistral: optional text, then [TOOL_CALLS] and a JSON array of {"name", "arguments", "id"}. */
    private static ToolCallParser.Reply mistral(String text) {
        int at = text.indexOf("[TOOL_CALLS]");
        if (at < 0) {
            return new ToolCallParser.Reply(text.strip(), List.of());
        }
        String content = text.substring(0, at).strip();
        String body = text.substring(at + "[TOOL_CALLS]".length()).strip();
        JsonNode arr;
        try {
            arr = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return new ToolCallParser.Reply(content, List.of(new ToolCallParser.Parsed.Invalid(
                    "tool calls are not valid JSON: write [TOOL_CALLS][{\"name\": <tool>, \"arguments\": {...}, \"id\": <9 letters or digits>}]", body)));
        }
        List<ToolCallParser.Parsed> calls = new ArrayList<>();
        for (JsonNode c : arr.isArray() ? arr : List.of(arr)) {
            calls.add(ToolCallParser.parseCall(Json.dumps(c)));
        }
        return new ToolCallParser.Reply(content, List.copyOf(calls));
    }
}
