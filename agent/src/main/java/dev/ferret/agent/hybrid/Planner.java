package dev.ferret.agent.hybrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.python.FindCommentsTool;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an intent into tool calls and runs them directly, without a model:
 * <ul>
 *   <li>subclasses of B: {@code find_classes {"base": B}} (B = Protocol means typing's Protocol);</li>
 *   <li>async functions: {@code find_functions {"async_only": true}};</li>
 *   <li>imports of M: {@code find_imports {"module": M}}, keeping the first import line of each file;</li>
 *   <li>dataclasses: {@code find_classes {"decorator": "dataclass"}} (the standard library's);</li>
 *   <li>comments with tag T: {@code find_comments {"tag": T}}.</li>
 * </ul>
 */
public final class Planner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, PythonTool> tools = new LinkedHashMap<>();

    public Planner(PythonIndex index) {
        for (PythonTool t : PythonTools.create(index)) {
            tools.put(t.name(), t);
        }
    }

    /** The result of running a plan. */
    public record Execution(Findings findings, List<ToolCall> calls) {
        public boolean failed() {
            return calls.stream().anyMatch(ToolCall::failed);
        }
    }

    public Plan plan(Intent intent) {
        ObjectNode args = NODES.objectNode();
        return switch (intent) {
            case Intent.Subclasses s -> new Plan(intent, List.of(new Plan.Step("find_classes", args.put("base", s.base()))), false);
            case Intent.AsyncFunctions a -> new Plan(intent, List.of(new Plan.Step("find_functions", args.put("async_only", true))), false);
            case Intent.Imports i -> new Plan(intent, List.of(new Plan.Step("find_imports", args.put("module", i.module()))), true);
            case Intent.Dataclasses d -> new Plan(intent, List.of(new Plan.Step("find_classes", args.put("decorator", "dataclass"))), false);
            case Intent.Comments c -> new Plan(intent, List.of(new Plan.Step("find_comments",
                    args.put("tag", c.tag().isEmpty() ? FindCommentsTool.DEFAULT_TAG : c.tag()))), false);
            case Intent.Unknown u -> new Plan(intent, List.of(), false);
        };
    }

    /** Runs every step, recording each call; a failing step is recorded and contributes no items. */
    public Execution execute(Plan plan) {
        List<ToolCall> calls = new ArrayList<>();
        List<Finding> items = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            PythonTool tool = tools.get(step.tool());
            long t0 = System.nanoTime();
            List<Hit> hits;
            String error = null;
            if (tool == null) {
                hits = List.of();
                error = "no tool named " + step.tool();
            } else {
                try {
                    hits = tool.search(step.arguments());
                } catch (ToolException e) {
                    hits = List.of();
                    error = e.getMessage();
                }
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            calls.add(new ToolCall(step.tool(), step.arguments().toString(), hits.size(), ms, error));
            Set<String> seenFiles = new HashSet<>();
            for (Hit h : hits) {
                if (!plan.firstPerFile() || seenFiles.add(h.file())) {
                    items.add(new Finding(h.file(), h.line(), h.name(), h.text()));
                }
            }
        }
        return new Execution(new Findings(plan.intent(), items), calls);
    }
}
