package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code find_classes}: class definitions, filtered by base (direct, or at any depth through project classes with
 * {@code indirect}), decorator, a method the class body defines, exception classes, context-manager classes and name;
 * all given filters must hold. Names are matched through what they resolve to ({@link Matchers}, {@link Project}):
 * {@code base=Protocol} is typing's Protocol also when a file imports it from the project's own compatibility module,
 * {@code decorator=dataclass} the standard library's. Output: {@code pkg/mod.py:12: class Outer.Foo(Protocol[T])},
 * with the matching decorators in front when a decorator was asked for, and a note when a name was resolved through
 * other project files ({@code [Protocol via pkg/compat.py]}) or matched through intermediate classes
 * ({@code [Exception through BaseError]}).
 *
 * <p>A context-manager class defines {@code __enter__}, {@code __exit__}, {@code __aenter__} or {@code __aexit__} in
 * its own body. Exception classes are described in {@link ClassFacts}.
 */
public final class FindClassesTool extends PythonSearchTool {
    /** The methods that make a class a context manager. */
    public static final Set<String> CONTEXT_METHODS = Set.of("__enter__", "__exit__", "__aenter__", "__aexit__");

    public FindClassesTool(PythonIndex index) {
        super(index, "classes", new Params("find_classes",
                "Find Python classes by base, decorator, a method they define, exception or context-manager classes, "
                + "or name; base=\"Protocol\" is typing.Protocol, decorator=\"dataclass\" the stdlib one. "
                + "Prints file:line: class Name(bases).")
                .string("base", false, "base class, e.g. Protocol, Exception")
                .bool("indirect", "true: also through other project classes")
                .string("decorator", false, "decorator, e.g. dataclass")
                .string("method", false, "a method the class defines, e.g. close")
                .bool("exception", "true: exception classes")
                .bool("context_manager", "true: classes with __enter__/__exit__")
                .string("name_pattern", false, "part of the class name, or a glob like *Client"));
    }

    /** Base names used in class statements and the project's classes (bases through them); decorators; methods. */
    @Override
    public Set<String> names(String parameter) {
        return switch (parameter) {
            case "base" -> allNames(f -> f.classes().stream().flatMap(c -> Stream.concat(Stream.of(c.name()),
                    c.bases().stream().flatMap(PythonSearchTool::refNames))));
            case "decorator" -> allNames(f -> f.classes().stream().flatMap(c -> c.decorators().stream())
                    .flatMap(PythonSearchTool::refNames));
            case "method" -> allNames(f -> f.functions().stream().filter(PyFunction::isMethod).map(PyFunction::name));
            default -> Set.of();
        };
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String base = Args.text(args, "base");
        boolean indirect = Args.bool(args, "indirect", false);
        String decorator = Args.text(args, "decorator");
        String method = Args.text(args, "method");
        boolean exception = Args.bool(args, "exception", false);
        boolean context = Args.bool(args, "context_manager", false);
        String pattern = Args.text(args, "name_pattern");
        String path = Args.text(args, "path");
        if (base == null && decorator == null && method == null && !exception && !context && pattern == null
                && path == null) {
            throw new ToolException("give at least one of base, decorator, method, exception, context_manager, "
                    + "name_pattern or path, e.g. {\"base\": \"Protocol\"} or {\"decorator\": \"dataclass\"}");
        }
        if (method != null) {
            method = method.replaceFirst("^def\\s+", "").replaceFirst("\\(\\)$", "").strip();
        }
        List<PythonFile> files = files(args);
        Project project = index.project();
        ClassFacts facts = new ClassFacts(project);
        Matchers.RefMatcher baseMatch = base == null ? null : Matchers.base(base);
        String baseShown = base == null ? null : Matchers.strip(base);
        Matchers.RefMatcher decoMatch = decorator == null ? null : Matchers.decorator(decorator);
        Matchers.NamePredicate nameMatch = pattern == null ? null : Matchers.name(pattern);
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files) {
            Map<String, Set<String>> methods = method != null || context ? methodsByClass(f) : Map.of();
            for (PyClass c : f.classes()) {
                List<String> notes = new ArrayList<>();
                if (baseMatch != null) {
                    if (indirect) {
                        ClassFacts.Path p = facts.anyBase(f, c, baseMatch);
                        if (p == null) {
                            continue;
                        }
                        if (!p.through().isEmpty()) {
                            notes.add(baseShown + " through " + String.join(", ", p.through()));
                        }
                        addNote(notes, baseShown, p.matched());
                    } else {
                        Target t = facts.directBase(f, c, baseMatch);
                        if (t == null) {
                            continue;
                        }
                        addNote(notes, baseShown, t);
                    }
                }
                List<PyReference> decos = List.of();
                if (decoMatch != null) {
                    decos = new ArrayList<>();
                    Target first = null;
                    for (PyReference d : c.decorators()) {
                        Target t = decoMatch.match(d, project.resolve(f, d));
                        if (t != null) {
                            decos.add(d);
                            first = first == null ? t : first;
                        }
                    }
                    if (decos.isEmpty()) {
                        continue;
                    }
                    addNote(notes, Matchers.strip(decorator).replaceFirst("^@", ""), first);
                }
                Set<String> own = methods.getOrDefault(c.qualifiedName(), Set.of());
                if (method != null && !own.contains(method)) {
                    continue;
                }
                if (context && own.stream().noneMatch(CONTEXT_METHODS::contains)) {
                    continue;
                }
                if (exception && !facts.isException(f, c)) {
                    continue;
                }
                if (nameMatch != null && !nameMatch.test(c.name(), c.qualifiedName())) {
                    continue;
                }
                hits.add(new Hit(f.path(), c.line(), c.qualifiedName(), header(c, decos), String.join("; ", notes)));
            }
        }
        return hits;
    }

    private static void addNote(List<String> notes, String what, Target t) {
        String n = Matchers.note(what, t);
        if (!n.isEmpty()) {
            notes.add(n);
        }
    }

    /** Qualified class name to the names of the defs directly in its body. */
    static Map<String, Set<String>> methodsByClass(PythonFile f) {
        Map<String, Set<String>> out = new HashMap<>();
        for (PyFunction fn : f.functions()) {
            if (fn.ownerClass() != null) {
                out.computeIfAbsent(fn.ownerClass(), k -> new HashSet<>()).add(fn.name());
            }
        }
        return out;
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
