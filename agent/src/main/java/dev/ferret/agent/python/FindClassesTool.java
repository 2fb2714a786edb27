package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code find_classes}: class definitions by direct base, decorator and name (all given filters must hold). Matching is
 * described in {@link Matchers}: {@code base=Protocol} is typing's Protocol, {@code decorator=dataclass} the standard
 * library's. Output: {@code pkg/mod.py:12: class Outer.Foo(Protocol[T])}, with the matching decorators in front when
 * a decorator was asked for.
 */
public final class FindClassesTool extends PythonSearchTool {
    public FindClassesTool(PythonIndex index) {
        super(index);
    }

    @Override
    public String name() {
        return "find_classes";
    }

    @Override
    public String description() {
        return "Find Python classes by base class, decorator or name. base=\"Protocol\" means typing.Protocol, "
                + "decorator=\"dataclass\" means the standard dataclass; prints file:line: class Name(bases).";
    }

    @Override
    public ObjectNode parameters() {
        return Args.schema(new String[][] {
                {"base", "string", "direct base class, e.g. Protocol, BaseModel, Exception"},
                {"decorator", "string", "decorator, e.g. dataclass"},
                {"name_pattern", "string", "part of the class name, or a glob like *Client"},
                PATH, LIMIT});
    }

    @Override
    String noun() {
        return "classes";
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String base = Args.text(args, "base");
        String decorator = Args.text(args, "decorator");
        String pattern = Args.text(args, "name_pattern");
        String path = Args.text(args, "path");
        if (base == null && decorator == null && pattern == null && path == null) {
            throw new ToolException("give at least one of base, decorator, name_pattern or path, "
                    + "e.g. {\"base\": \"Protocol\"} or {\"decorator\": \"dataclass\"}");
        }
        Predicate<PyReference> baseMatch = base == null ? null : Matchers.base(base);
        Predicate<PyReference> decoMatch = decorator == null ? null : Matchers.decorator(decorator);
        Matchers.NamePredicate nameMatch = pattern == null ? null : Matchers.name(pattern);
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files(args)) {
            for (PyClass c : f.classes()) {
                if (baseMatch != null && c.bases().stream().noneMatch(baseMatch)) {
                    continue;
                }
                List<PyReference> decos = decoMatch == null ? List.of()
                        : c.decorators().stream().filter(decoMatch).toList();
                if (decoMatch != null && decos.isEmpty()) {
                    continue;
                }
                if (nameMatch != null && !nameMatch.test(c.name(), c.qualifiedName())) {
                    continue;
                }
                hits.add(new Hit(f.path(), c.line(), c.qualifiedName(), header(c, decos)));
            }
        }
        return hits;
    }

    static String header(PyClass c, List<PyReference> decorators) {
        StringBuilder sb = new StringBuilder();
        for (PyReference d : decorators) {
            sb.append('@').append(d.text()).append(' ');
        }
        sb.append("class ").append(c.qualifiedName());
        if (!c.bases().isEmpty()) {
            sb.append(c.bases().stream().map(PyReference::text).collect(Collectors.joining(", ", "(", ")")));
        }
        return sb.toString();
    }
}
