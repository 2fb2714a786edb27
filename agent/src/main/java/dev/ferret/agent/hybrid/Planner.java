package dev.ferret.agent.hybrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.python.FindCommentsTool;
import dev.ferret.agent.python.FindConstantsTool;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an intent into tool calls and runs them directly, without a model. One plan per kind:
 * <ul>
 *   <li>subclasses of B: {@code find_classes {"base": B}} (+ {@code "indirect": true}); B = Protocol means typing's;</li>
 *   <li>async functions: {@code find_functions {"async_only": true}};</li>
 *   <li>imports of M: {@code find_imports {"module": M}}, keeping the first import line of each file;</li>
 *   <li>dataclasses: {@code find_classes {"decorator": "dataclass"}} (the standard library's);</li>
 *   <li>comments with tag T: {@code find_comments {"tag": T}}, one call per tag when the question names several
 *       (a comment holding two of them is one item);</li>
 *   <li>classes by decorator, by a method they define, by name, exception classes:
 *       {@code find_classes} with {@code decorator}, {@code method}, {@code name_pattern}, {@code exception};</li>
 *   <li>context managers: {@code find_classes {"context_manager": true}} and
 *       {@code find_functions {"context_manager": true}};</li>
 *   <li>functions by decorator, name, parameter, return annotation, the methods of a class, properties:
 *       {@code find_functions} with {@code decorator}, {@code name_pattern}, {@code parameter}, {@code returns},
 *       {@code class_name}, {@code decorator: "property"};</li>
 *   <li>what raises E: {@code find_raises}; exports: {@code find_exports}; constants: {@code find_constants};
 *       callers of F: {@code find_callers};</li>
 *   <li>enum classes, abstract classes: {@code find_classes} with {@code enum} or {@code abstract}; generator
 *       functions: {@code find_functions {"generator": true}}; third-party modules: {@code find_dependencies}; entry points: {@code find_entry_points};</li>
 *   <li>tests, skipped tests, functions or classes without a docstring, functions with at least N parameters:
 *       {@code find_functions} with {@code test}, {@code skipped}, {@code docstring: false} or {@code min_params}
 *       ({@code find_classes} for classes); except clauses naming E or bare ones: {@code find_handlers} with
 *       {@code exception} or {@code bare};</li>
 *   <li>what a file, module or folder imports: {@code list_imports} with the place as {@code path};</li>
 *   <li>the Python files (of a folder): {@code list_files};</li>
 *   <li>where N is defined: {@code find_classes} and {@code find_functions} with {@code name_pattern} N (and for an
 *       undotted N {@code find_constants}, with {@code variables: true} where N is not written as a constant),
 *       keeping the items named exactly N (case aside).</li>
 * </ul>
 * A path the question named is passed as {@code path} to every call.
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
    public record Execution(Findings findings, List<ExecutedCall> calls) {
        public boolean failed() {
            return calls.stream().anyMatch(ExecutedCall::failed);
        }
    }

    public Plan plan(Intent intent) {
        return plan(intent, null);
    }

    /** The plan for an intent, every call limited to {@code path} when it is not null. */
    public Plan plan(Intent intent, String path) {
        List<Plan.Step> steps = new ArrayList<>();
        boolean firstPerFile = false;
        switch (intent) {
            case Intent.Subclasses s -> {
                ObjectNode a = args(path).put("base", s.base());
                if (s.indirect()) {
                    a.put("indirect", true);
                }
                steps.add(new Plan.Step("find_classes", a));
            }
            case Intent.AsyncFunctions a -> steps.add(new Plan.Step("find_functions", args(path).put("async_only", true)));
            case Intent.Imports i -> {
                steps.add(new Plan.Step("find_imports", args(path).put("module", i.module())));
                firstPerFile = true;
            }
            case Intent.Dataclasses d -> steps.add(new Plan.Step("find_classes", args(path).put("decorator", "dataclass")));
            case Intent.Comments c -> {
                for (String tag : c.tags()) {
                    steps.add(new Plan.Step("find_comments",
                            args(path).put("tag", tag.isEmpty() ? FindCommentsTool.DEFAULT_TAG : tag)));
                }
            }
            case Intent.ClassesByDecorator c -> steps.add(new Plan.Step("find_classes", args(path).put("decorator", c.decorator())));
            case Intent.ClassesWithMethod c -> steps.add(new Plan.Step("find_classes", args(path).put("method", c.method())));
            case Intent.ClassesByName c -> steps.add(new Plan.Step("find_classes", args(path).put("name_pattern", c.pattern())));
            case Intent.ExceptionClasses e -> steps.add(new Plan.Step("find_classes", args(path).put("exception", true)));
            case Intent.ContextManagers c -> {
                steps.add(new Plan.Step("find_classes", args(path).put("context_manager", true)));
                steps.add(new Plan.Step("find_functions", args(path).put("context_manager", true)));
            }
            case Intent.FunctionsByDecorator f -> steps.add(new Plan.Step("find_functions", args(path).put("decorator", f.decorator())));
            case Intent.FunctionsByName f -> steps.add(new Plan.Step("find_functions", args(path).put("name_pattern", f.pattern())));
            case Intent.FunctionsWithParameter f -> steps.add(new Plan.Step("find_functions", args(path).put("parameter", f.parameter())));
            case Intent.FunctionsReturning f -> steps.add(new Plan.Step("find_functions", args(path).put("returns", f.type())));
            case Intent.MethodsOfClass m -> steps.add(new Plan.Step("find_functions", args(path).put("class_name", m.className())));
            case Intent.Properties p -> steps.add(new Plan.Step("find_functions", args(path).put("decorator", "property")));
            case Intent.Raises r -> steps.add(new Plan.Step("find_raises", args(path).put("exception", r.exception())));
            case Intent.Exports e -> steps.add(new Plan.Step("find_exports", args(path)));
            case Intent.Constants c -> steps.add(new Plan.Step("find_constants", args(path)));
            case Intent.Callers c -> steps.add(new Plan.Step("find_callers", args(path).put("function", c.function())));
            case Intent.References r -> steps.add(new Plan.Step("find_references", args(path).put("name", r.name())));
            // the place the question names is the scope (HybridAnswerer resolves it); as said when it was not resolved
            case Intent.ModuleImports m -> steps.add(new Plan.Step("list_imports", args(path != null ? path : m.place())));
            case Intent.PythonFiles f -> steps.add(new Plan.Step("list_files", args(path != null || f.place().equals(Intent.ALL)
                    ? path : f.place())));
            case Intent.Definitions d -> {
                // the name as a pattern finds a superset (a part of the name); execute keeps the exact matches
                String name = d.name().strip();
                steps.add(new Plan.Step("find_classes", args(path).put("name_pattern", name)));
                steps.add(new Plan.Step("find_functions", args(path).put("name_pattern", name)));
                if (name.indexOf('.') < 0) {
                    // "where is _post_import_hooks defined": a module-level variable of that name, whatever its case
                    steps.add(new Plan.Step("find_constants", FindConstantsTool.isConstant(name) ? args(path)
                            : args(path).put("name_pattern", name).put("variables", true)));
                }
            }
            case Intent.Enums e -> steps.add(new Plan.Step("find_classes", args(path).put("enum", true)));
            case Intent.AbstractClasses a -> steps.add(new Plan.Step("find_classes", args(path).put("abstract", true)));
            case Intent.Generators g -> steps.add(new Plan.Step("find_functions", args(path).put("generator", true)));
            case Intent.ThirdParty t -> steps.add(new Plan.Step("find_dependencies", args(path)));
            case Intent.EntryPoints e -> steps.add(new Plan.Step("find_entry_points", args(path)));
            case Intent.Tests t -> steps.add(new Plan.Step("find_functions", args(path).put("test", true)));
            case Intent.SkippedTests s -> steps.add(new Plan.Step("find_functions", args(path).put("skipped", true)));
            case Intent.UndocumentedFunctions u -> steps.add(new Plan.Step("find_functions",
                    args(path).put("docstring", false)));
            case Intent.UndocumentedClasses u -> steps.add(new Plan.Step("find_classes", args(path).put("docstring", false)));
            case Intent.ManyParameters m -> steps.add(new Plan.Step("find_functions", args(path).put("min_params", m.min())));
            case Intent.Catches c -> steps.add(new Plan.Step("find_handlers", args(path).put("exception", c.exception())));
            case Intent.BareExcepts b -> steps.add(new Plan.Step("find_handlers", args(path).put("bare", true)));
            case Intent.Unknown u -> {
            }
        }
        return new Plan(intent, steps, firstPerFile);
    }

    private static ObjectNode args(String path) {
        ObjectNode a = NODES.objectNode();
        if (path != null) {
            a.put("path", path);
        }
        return a;
    }

    /** Runs every step, recording each call; a failing step is recorded and contributes no items. */
    public Execution execute(Plan plan) {
        List<ExecutedCall> calls = new ArrayList<>();
        List<Finding> items = new ArrayList<>();
        // comments: one finding per comment line, however many of the asked tags it holds
        boolean onePerLine = plan.intent() instanceof Intent.Comments;
        Set<String> seenLines = new HashSet<>();
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
            calls.add(new ExecutedCall(step.tool(), step.arguments().toString(), hits.size(), ms,
                    error == null ? ExecutedCall.Outcome.RAN : ExecutedCall.Outcome.ERROR, error));
            Set<String> seenFiles = new HashSet<>();
            for (Hit h : hits) {
                if ((!plan.firstPerFile() || seenFiles.add(h.file()))
                        && (!onePerLine || seenLines.add(h.file() + ":" + h.line()))
                        && (!(plan.intent() instanceof Intent.Definitions d) || d.matches(h.name()))) {
                    items.add(new Finding(h.file(), h.line(), h.name(), h.text(), h.note()));
                }
            }
        }
        return new Execution(new Findings(plan.intent(), items), calls);
    }
}
