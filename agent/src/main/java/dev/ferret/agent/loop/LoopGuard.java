package dev.ferret.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Tool;
import dev.ferret.engine.chat.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps an agent run finite and useful: refuses calls with empty arguments, answers an identical repeated call
 * with a reminder instead of running it again, and decides when the next turn must be a final answer (step
 * budget spent, repeated calls, or too many errors in a row). Plain Java: testable on made-up calls.
 */
public final class LoopGuard {
    private final AgentOptions options;
    private final Map<String, String> seen = new HashMap<>();
    private int steps;
    private int repeats;
    private int consecutiveErrors;

    public LoopGuard(AgentOptions options) {
        this.options = options;
    }

    /** What to do with one call. */
    public sealed interface Verdict {
        record Run() implements Verdict {}

        record Refuse(String message) implements Verdict {}

        record Repeat(String reminder) implements Verdict {}
    }

    public Verdict check(ToolCall call, Tool tool) {
        String key = call.canonicalKey();
        String earlier = seen.get(key);
        if (earlier != null) {
            repeats++;
            return new Verdict.Repeat("You already called " + call.name() + " with these arguments; it was not run again. "
                    + "Its result was:\n" + abbreviate(earlier, 600)
                    + "\nUse that result: answer the question now, or search with different arguments.");
        }
        if (tool != null) {
            List<String> missing = missingRequired(call.arguments(), tool.parameters());
            if (!missing.isEmpty() || allEmpty(call.arguments()) && !call.arguments().isEmpty()) {
                return new Verdict.Refuse("refused: " + call.name() + " needs non-empty arguments; missing "
                        + (missing.isEmpty() ? "values" : String.join(", ", missing))
                        + ". Example: " + example(tool));
            }
        }
        return new Verdict.Run();
    }

    /** Records what a call returned (errors count towards the error limit). */
    public void recorded(ToolCall call, String result, boolean error) {
        if (error) {
            consecutiveErrors++;
        } else {
            consecutiveErrors = 0;
            seen.put(call.canonicalKey(), result);
        }
    }

    /** Records a bad call that could not even be parsed or was refused. */
    public void recordedError() {
        consecutiveErrors++;
    }

    public void stepTaken() {
        steps++;
    }

    public int steps() {
        return steps;
    }

    /** Null while the model may still call tools; otherwise why the next turn must answer. */
    public StopReason mustAnswer() {
        if (steps >= options.maxSteps()) {
            return StopReason.BUDGET_SPENT;
        }
        if (repeats >= options.maxRepeats()) {
            return StopReason.REPEATED_CALLS;
        }
        if (consecutiveErrors >= options.maxErrors()) {
            return StopReason.TOO_MANY_ERRORS;
        }
        return null;
    }

    static List<String> missingRequired(JsonNode args, JsonNode schema) {
        List<String> missing = new ArrayList<>();
        JsonNode req = schema == null ? null : schema.get("required");
        if (req != null && req.isArray()) {
            for (JsonNode r : req) {
                JsonNode v = args.get(r.asText());
                if (v == null || v.isNull() || v.isTextual() && v.textValue().isBlank()) {
                    missing.add(r.asText());
                }
            }
        }
        return missing;
    }

    private static boolean allEmpty(JsonNode args) {
        for (Iterator<JsonNode> it = args.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            if (!(v.isNull() || v.isTextual() && v.textValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static String example(Tool tool) {
        StringBuilder sb = new StringBuilder("{\"name\": \"" + tool.name() + "\", \"arguments\": {");
        JsonNode req = tool.parameters().get("required");
        if (req != null && req.isArray()) {
            for (int i = 0; i < req.size(); i++) {
                sb.append(i > 0 ? ", " : "").append('"').append(req.get(i).asText()).append("\": ...");
            }
        }
        return sb.append("}}").toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n[... " + (s.length() - max) + " more characters]";
    }
}
