package dev.ferret.lab.data;

import dev.ferret.agent.prompt.AgentPrompt;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every generated line must pass, used by the generator on each example it keeps, by {@code --verify} on a
 * whole output folder, and by the tests.
 * <ul>
 *   <li>{@link #format}: the mlx_lm chat layout: system (the agent's prompt), user, then assistant turns each with
 *       tool calls ({@code type}, {@code function.name}, {@code function.arguments} as an object; never a {@code tool}
 *       key) each answered by one tool message, and a final assistant answer without calls;</li>
 *   <li>{@link #placeholders}: no tool result is blank or a stand-in such as "[Tool execution completed]";</li>
 *   <li>{@link #replay}: running each recorded call again on the codebase returns exactly the recorded content;</li>
 *   <li>{@link #answer}: every item the final answer lists ({@code - name (file:line)}, {@code - file:line ...},
 *       {@code - path}) is in a recorded tool output, its count line agrees with its list, and "No ... found." only
 *       follows an empty result.</li>
 * </ul>
 */
public final class DatasetCheck {
    /** Stand-ins a careless generator writes instead of a real result. */
    public static final List<String> PLACEHOLDERS = List.of("[Tool execution completed]", "Tool execution completed",
            "TODO: result", "<result>", "[result]", "<placeholder>", "[placeholder]", "(no output)", "...",
            "<tool output>", "[output]", "RESULT");

    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "tool_calls");
    private static final Pattern NAMED = Pattern.compile("^- (\\S+) \\(([^()\\s]+):(\\d+)\\)$");
    private static final Pattern LOCATED = Pattern.compile("^- ([^\\s:()]+):(\\d+)(?:[: ].*)?$");
    private static final Pattern PATH = Pattern.compile("^- (\\S+)$");
    private static final Pattern FOUND = Pattern.compile("^Found (\\d+) ");
    private static final Pattern MORE = Pattern.compile("^\\.\\.\\. and (\\d+) more$");
    private static final Pattern EMPTY_RESULT = Pattern.compile(
            "^(no \\w+ found for \\{|no matches for |no files or directories match |\\[.* is empty\\]$)");

    private DatasetCheck() {
    }

    /** Problems with the layout of one JSONL line; empty when it is well formed. */
    public static List<String> format(JsonNode line, Set<String> toolNames) {
        List<String> p = new ArrayList<>();
        if (line == null || !line.isObject()) {
            return List.of("not a JSON object");
        }
        for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("messages") && !k.equals("tools")) {
                p.add("unexpected key " + k);
            }
        }
        JsonNode tools = line.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            p.add("tools must be a non-empty array");
        } else {
            for (JsonNode t : tools) {
                if (!"function".equals(t.path("type").asText()) || !t.path("function").path("name").isTextual()
                        || !t.path("function").path("parameters").isObject()) {
                    p.add("a tool schema is not {type: function, function: {name, description, parameters}}");
                }
            }
        }
        JsonNode ms = line.path("messages");
        if (!ms.isArray() || ms.size() < 5) {
            p.add("messages must be an array of at least 5 (system, user, call, result, answer)");
            return p;
        }
        for (JsonNode m : ms) {
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!MESSAGE_KEYS.contains(k)) {
                    p.add("message has unexpected key " + k);
                }
            }
            if (!m.path("content").isTextual()) {
                p.add("message content must be a string");
            }
        }
        if (!role(ms.get(0), "system") || !AgentPrompt.SYSTEM_PROMPT.equals(ms.get(0).path("content").asText())) {
            p.add("first message must be the agent's system prompt");
        }
        if (!role(ms.get(1), "user") || ms.get(1).path("content").asText().isBlank()) {
            p.add("second message must be the user's question");
        }
        int i = 2;
        int last = ms.size() - 1;
        while (i < last) {
            JsonNode a = ms.get(i);
            JsonNode calls = a.path("tool_calls");
            if (!role(a, "assistant") || !calls.isArray() || calls.isEmpty()) {
                p.add("message " + i + " must be an assistant turn with tool calls");
                return p;
            }
            for (JsonNode c : calls) {
                if (c.has("tool") || c.path("function").has("tool")) {
                    p.add("message " + i + ": a call is keyed 'tool'; use 'name'");
                }
                if (!"function".equals(c.path("type").asText())) {
                    p.add("message " + i + ": call type must be function");
                }
                JsonNode fn = c.path("function");
                if (!fn.path("name").isTextual() || !toolNames.contains(fn.path("name").asText())) {
                    p.add("message " + i + ": call names no known tool: " + fn.path("name"));
                }
                if (!fn.path("arguments").isObject()) {
                    p.add("message " + i + ": arguments must be a JSON object");
                }
            }
            for (int k = 0; k < calls.size(); k++) {
                JsonNode t = ms.path(i + 1 + k);
                if (i + 1 + k >= last || !role(t, "tool")) {
                    p.add("message " + (i + 1 + k) + " must be the tool result of call " + k + " of message " + i);
                    return p;
                }
            }
            i += 1 + calls.size();
        }
        JsonNode end = ms.get(last);
        if (!role(end, "assistant") || end.has("tool_calls") || end.path("content").asText().isBlank()) {
            p.add("last message must be the assistant's answer, with content and no tool calls");
        }
        return p;
    }

    private static boolean role(JsonNode m, String role) {
        return role.equals(m.path("role").asText());
    }

    /** Tool results that are blank or placeholders. */
    public static List<String> placeholders(List<Example.Call> calls) {
        List<String> p = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            String r = calls.get(k).result();
            String s = r.strip();
            if (s.isEmpty()) {
                p.add("call " + k + " (" + calls.get(k).tool() + "): empty result");
            } else if (PLACEHOLDERS.stream().anyMatch(x -> x.equalsIgnoreCase(s))
                    || s.contains("[Tool execution completed]") || s.contains("TODO: result")) {
                p.add("call " + k + " (" + calls.get(k).tool() + "): placeholder result: " + s);
            }
        }
        return p;
    }

    /** Calls whose result differs from what the tool returns now on {@code repo}. */
    public static List<String> replay(Repo repo, List<Example.Call> calls) {
        List<String> p = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            Example.Call c = calls.get(k);
            String now = repo.call(c.tool(), c.arguments()).content();
            if (!now.equals(c.result())) {
                p.add("call " + k + " " + c.tool() + " " + c.arguments() + ": recorded result differs from the tool's "
                        + "result now (" + c.result().length() + " vs " + now.length() + " chars)");
            }
        }
        return p;
    }

    /** Problems with the final answer against the recorded outputs. */
    public static List<String> answer(String answer, List<Example.Call> calls) {
        List<String> p = new ArrayList<>();
        List<String> outputLines = new ArrayList<>();
        for (Example.Call c : calls) {
            outputLines.addAll(List.of(c.result().split("\n", -1)));
        }
        String[] lines = answer.split("\n");
        int bullets = 0;
        Integer found = null;
        Integer more = null;
        for (String l : lines) {
            Matcher f = FOUND.matcher(l);
            if (found == null && f.find()) {
                found = Integer.parseInt(f.group(1));
            }
            Matcher mm = MORE.matcher(l);
            if (mm.matches()) {
                more = Integer.parseInt(mm.group(1));
                continue;
            }
            if (!l.startsWith("- ")) {
                continue;
            }
            bullets++;
            Matcher m = NAMED.matcher(l);
            if (m.matches()) {
                String name = m.group(1);
                String simple = name.substring(name.lastIndexOf('.') + 1);
                if (!located(outputLines, m.group(2), m.group(3), simple)) {
                    p.add("answer item not in any tool output: " + l);
                }
                continue;
            }
            m = LOCATED.matcher(l);
            if (m.matches()) {
                if (!located(outputLines, m.group(1), m.group(2), null)) {
                    p.add("answer item not in any tool output: " + l);
                }
                continue;
            }
            m = PATH.matcher(l);
            if (m.matches()) {
                String path = m.group(1);
                if (outputLines.stream().noneMatch(o -> o.equals(path) || o.equals("./" + path))) {
                    p.add("answer path not in any tool output: " + l);
                }
                continue;
            }
            p.add("answer line is not an item this check can read: " + l);
        }
        if (found != null && found != bullets + (more == null ? 0 : more)) {
            p.add("count line says " + found + " but the answer lists " + bullets + " and " + (more == null ? 0 : more)
                    + " more");
        }
        if (found == null && bullets > 0) {
            p.add("items listed without a count line");
        }
        String last = calls.isEmpty() ? "" : calls.getLast().result();
        if (answer.startsWith("No ") && !EMPTY_RESULT.matcher(last).find()) {
            p.add("answer says none were found but the last tool result is not empty");
        }
        if (found != null && calls.stream().allMatch(c -> EMPTY_RESULT.matcher(c.result()).find()
                || c.result().startsWith("error: "))) {
            p.add("answer lists items but every tool result was empty");
        }
        return p;
    }

    private static boolean located(List<String> outputLines, String file, String line, String name) {
        String[] prefixes = {file + ":" + line + ":", "./" + file + ":" + line + ":", file + "-" + line + "-",
                "./" + file + "-" + line + "-"};
        for (String o : outputLines) {
            for (String pre : prefixes) {
                if (o.startsWith(pre) && (name == null || o.substring(pre.length()).contains(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every check of one example (format, placeholders, answer, replay when a repo is given). */
    public static List<String> all(JsonNode line, Set<String> toolNames, Repo repo) {
        List<String> p = new ArrayList<>(format(line, toolNames));
        if (!p.isEmpty()) {
            return p;
        }
        JsonNode ms = line.path("messages");
        List<Example.Call> calls = Example.calls(ms);
        p.addAll(placeholders(calls));
        p.addAll(answer(ms.get(ms.size() - 1).path("content").asText(), calls));
        if (repo != null) {
            p.addAll(replay(repo, calls));
        }
        return p;
    }
}
