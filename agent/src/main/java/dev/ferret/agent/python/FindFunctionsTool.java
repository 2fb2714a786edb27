package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code find_functions}: {@code def} and {@code async def} statements at any depth (module functions, methods, nested
 * functions), filtered by async-ness, decorator ({@link Matchers}) and name. Output:
 * {@code pkg/mod.py:30: async def Client.fetch()}.
 */
public final class FindFunctionsTool extends PythonSearchTool {
    public FindFunctionsTool(PythonIndex index) {
        super(index);
    }

    @Override
    public String name() {
        return "find_functions";
    }

    @Override
    public String description() {
        return "Find Python functions and methods (nested ones too) by async-ness, decorator or name; "
                + "prints file:line: async def Class.method().";
    }

    @Override
    public ObjectNode parameters() {
        return Args.schema(new String[][] {
                {"async_only", "boolean", "true to list only async def functions"},
                {"decorator", "string", "decorator, e.g. property, pytest.fixture"},
                {"name_pattern", "string", "part of the function name, or a glob like test_*"},
                PATH, LIMIT});
    }

    @Override
    String noun() {
        return "functions";
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        boolean asyncOnly = Args.bool(args, "async_only", false);
        String decorator = Args.text(args, "decorator");
        String pattern = Args.text(args, "name_pattern");
        String path = Args.text(args, "path");
        if (!asyncOnly && decorator == null && pattern == null && path == null) {
            throw new ToolException("give at least one of async_only, decorator, name_pattern or path, "
                    + "e.g. {\"async_only\": true}");
        }
        Predicate<PyReference> decoMatch = decorator == null ? null : Matchers.decorator(decorator);
        Matchers.NamePredicate nameMatch = pattern == null ? null : Matchers.name(pattern);
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files(args)) {
            for (PyFunction fn : f.functions()) {
                if (asyncOnly && !fn.async()) {
                    continue;
                }
                List<PyReference> decos = decoMatch == null ? List.of()
                        : fn.decorators().stream().filter(decoMatch).toList();
                if (decoMatch != null && decos.isEmpty()) {
                    continue;
                }
                if (nameMatch != null && !nameMatch.test(fn.name(), fn.qualifiedName())) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (PyReference d : decos) {
                    text.append('@').append(d.text()).append(' ');
                }
                text.append(fn.async() ? "async def " : "def ").append(fn.qualifiedName()).append("()");
                hits.add(new Hit(f.path(), fn.line(), fn.qualifiedName(), text.toString()));
            }
        }
        return hits;
    }
}
