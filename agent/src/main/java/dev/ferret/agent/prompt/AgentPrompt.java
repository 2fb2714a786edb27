package dev.ferret.agent.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.chat.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What the agent tells the model before the question: its system turn and the tool schemas. The agent loop
 * renders them, and the training data is written from them, so both have this one owner: a model trained on
 * the data sees at run time exactly what it was trained on.
 */
public final class AgentPrompt {
    public static final String SYSTEM_PROMPT = """
            You answer questions about the code repository in the current directory. You cannot see the code: \
            search it with the tools, read their results, then answer. Never answer from memory. \
            Prefer the Python-aware tools (find_classes, find_functions, find_imports, find_comments) when they fit. \
            Call one tool at a time. When the results answer the question, reply with a short answer that lists \
            each item as name (file:line), and no tool call.""";

    /** The parameter the call-only model never writes: its answers list every hit, so nothing is capped. */
    static final String LIMIT = "limit";

    private AgentPrompt() {}

    /**
     * The compact system turn of the call-only model (the shipped default): one line saying what to write and one
     * naming each tool with its parameters, generated from the tools themselves, so a tool or parameter added to the
     * toolbox appears here, in the training data and at run time alike. About 60 tokens instead of the ~2,200 of the
     * full prompt and tool list.
     */
    public static String callOnlySystem(List<? extends Tool> tools) {
        StringBuilder sb = new StringBuilder("Write the one tool call that answers the question about this Python "
                + "repository.\nTools:");
        for (Tool t : tools) {
            sb.append(' ').append(t.name()).append('(');
            int i = 0;
            for (Iterator<String> it = t.parameters().path("properties").fieldNames(); it.hasNext(); ) {
                String p = it.next();
                if (!p.equals(LIMIT)) {
                    sb.append(i++ > 0 ? ", " : "").append(p);
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * The tools and parameters a call-only system turn names ({@link #callOnlySystem}'s "Tools:" line), in order:
     * what a model trained on that turn knows. A parameter added to a tool since is not in it.
     *
     * @throws IllegalArgumentException when the text has no such line
     */
    public static java.util.Map<String, List<String>> toolSignature(String system) {
        int at = system.indexOf("\nTools:");
        if (at < 0) {
            throw new IllegalArgumentException("not a call-only system turn (no 'Tools:' line)");
        }
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][\\w]*)\\(([^)]*)\\)")
                .matcher(system.substring(at + 7));
        while (m.find()) {
            List<String> params = new ArrayList<>();
            for (String p : m.group(2).split(",")) {
                if (!p.isBlank()) {
                    params.add(p.strip());
                }
            }
            out.put(m.group(1), List.copyOf(params));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("not a call-only system turn (no tool on its 'Tools:' line)");
        }
        return out;
    }

    /**
     * The call-only schemas limited to what a model knows ({@link #toolSignature} of the system turn it was trained
     * on): its tools, and of each only its parameters. Every tool and parameter it knows must still exist.
     *
     * @throws IllegalArgumentException naming the first tool or parameter it knows that the tools no longer have
     */
    public static ArrayNode callOnlySchemas(List<? extends Tool> tools, java.util.Map<String, List<String>> known) {
        ArrayNode all = callOnlySchemas(tools);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (var e : known.entrySet()) {
            JsonNode schema = null;
            for (JsonNode t : all) {
                if (t.path("function").path("name").asText().equals(e.getKey())) {
                    schema = t;
                }
            }
            if (schema == null) {
                throw new IllegalArgumentException("the model was trained on a tool " + e.getKey()
                        + " that the toolbox no longer has");
            }
            ObjectNode copy = schema.deepCopy();
            ObjectNode params = (ObjectNode) copy.path("function").path("parameters");
            if (params.path("properties") instanceof ObjectNode props) {
                for (String p : e.getValue()) {
                    if (!props.has(p)) {
                        throw new IllegalArgumentException("the model was trained on " + e.getKey() + "(" + p
                                + ") which the tool no longer has");
                    }
                }
                props.retain(e.getValue());
                if (params.path("required") instanceof ArrayNode req) {
                    ArrayNode kept = Json.MAPPER.createArrayNode();
                    req.forEach(r -> {
                        if (e.getValue().contains(r.asText())) {
                            kept.add(r);
                        }
                    });
                    params.set("required", kept);
                }
            }
            out.add(copy);
        }
        return out;
    }

    /** The call-only model's whole prompt for a question: the compact system turn and the question, in ChatML. */
    public static String callOnlyPrompt(String system, String question) {
        return dev.ferret.engine.chat.ChatTemplate.render(List.of(dev.ferret.engine.chat.Message.system(system),
                dev.ferret.engine.chat.Message.user(question)), List.of(), true);
    }

    /** The longest word a call may copy (the call grammar's bound on a string, less room for {@code .*}). */
    static final int MAX_CHOICE = 120;

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_][\\w.*/-]*");

    /**
     * The values a call-only call's string arguments may take for a question: its words (identifiers, dotted names,
     * paths; a leading {@code @} and trailing punctuation dropped) and, for each, its dotted parts, its singular
     * ({@code dataclasses} -> {@code dataclass}), capitalised and upper-case forms ({@code protocols} ->
     * {@code Protocol}, {@code todo} -> {@code TODO}), a hyphenated word joined ({@code to-do} -> {@code todo}) and two
     * short lower-case neighbours joined ({@code data classes} -> {@code dataclasses}), with their forms too, and
     * {@code Name.*} for a capitalised name (its methods). The
     * model chooses among them; it cannot write a value the question does not hold.
     */
    public static List<String> callChoices(String question) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = WORD.matcher(question);
        List<String> words = new ArrayList<>();
        while (m.find()) {
            String w = m.group().replaceAll("[.*/-]+$", "");
            if (w.length() <= MAX_CHOICE) { // a longer run of characters names nothing; the grammar bounds strings too
                words.add(w);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty()) {
                continue;
            }
            List<String> forms = new ArrayList<>(List.of(w));
            if (w.contains(".") && !w.contains("/")) {
                forms.addAll(List.of(w.split("\\.")));
            }
            if (w.matches("[A-Za-z]+(-[A-Za-z]+)+")) {
                forms.add(w.replace("-", "")); // to-do -> todo (-> TODO), data-class -> dataclass
            }
            if (i + 1 < words.size() && w.matches("[a-z]{2,}") && words.get(i + 1).matches("[a-z]{2,}")
                    && w.length() + words.get(i + 1).length() <= 14) {
                forms.add(w + words.get(i + 1)); // data classes -> dataclasses (-> dataclass), to do -> todo
            }
            for (String f : List.copyOf(forms)) {
                if (f.length() > 3 && f.endsWith("es")) {
                    forms.add(f.substring(0, f.length() - 2)); // classes -> class (and, harmlessly, types -> typ)
                }
                if (f.length() > 3 && f.endsWith("s") && !f.endsWith("ss")) {
                    forms.add(f.substring(0, f.length() - 1));
                }
            }
            for (String f : forms) {
                if (f.isEmpty()) {
                    continue;
                }
                out.add(f);
                if (f.matches("[a-z]\\w*")) {
                    out.add(Character.toUpperCase(f.charAt(0)) + f.substring(1));
                }
                if (f.matches("[A-Za-z]{2,6}")) {
                    out.add(f.toUpperCase(java.util.Locale.ROOT));
                }
                if (f.matches("[A-Z]\\w*")) {
                    out.add(f + ".*");
                }
            }
        }
        if (out.isEmpty()) {
            out.add("x"); // a question without a word: some value is needed for the grammar to have strings at all
        }
        return List.copyOf(out);
    }

    /** The call-only grammar's schemas: the tools' own, without {@code limit}. */
    public static ArrayNode callOnlySchemas(List<? extends Tool> tools) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Tool t : tools) {
            ObjectNode params = t.parameters().deepCopy();
            if (params.path("properties") instanceof ObjectNode props) {
                props.remove(LIMIT);
            }
            ObjectNode fn = Json.MAPPER.createObjectNode();
            fn.put("name", t.name());
            fn.put("description", t.description());
            fn.set("parameters", params);
            ObjectNode wrap = out.addObject();
            wrap.put("type", "function");
            wrap.set("function", fn);
        }
        return out;
    }

    /** The schema list the system turn shows: {@code {"type": "function", "function": {...}}} per tool. */
    public static List<JsonNode> schemas(Toolbox tools) {
        List<JsonNode> out = new ArrayList<>();
        for (Tool t : tools.all()) {
            ObjectNode fn = Json.MAPPER.createObjectNode();
            fn.put("name", t.name());
            fn.put("description", t.description());
            fn.set("parameters", t.parameters());
            ObjectNode wrap = Json.MAPPER.createObjectNode();
            wrap.put("type", "function");
            wrap.set("function", fn);
            out.add(wrap);
        }
        return out;
    }
}
