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
 * {@code indirect}), decorator, a method the class body defines, exception classes, context-manager classes, enum
 * classes, abstract classes, a docstring or none, and name; all given filters must hold. Names are matched through what they resolve to
 * ({@link Matchers}, {@link Project}): {@code base=Protocol} is typing's Protocol also when a file imports it from the
 * project's own compatibility module, {@code decorator=dataclass} the standard library's. Output:
 * {@code pkg/mod.py:12: class Outer.Foo(Protocol[T])}, with the matching decorators in front when a decorator was
 * asked for, and a note when a name was resolved through other project files ({@code [Protocol via pkg/compat.py]})
 * or matched through intermediate classes ({@code [Exception through BaseError]}). With {@code indirect}, the
 * subclasses of {@code Exception} or {@code BaseException} are every exception class ({@link #EXCEPTION_ROOTS}),
 * those deriving from builtin exceptions such as {@code ValueError} included (noted as {@code [an exception class]}).
 *
 * <p>A context-manager class defines {@code __enter__}, {@code __exit__}, {@code __aenter__} or {@code __aexit__} in
 * its own body. Exception classes are described in {@link ClassFacts}. An enum class has a base resolving to one of
 * {@link Matchers#ENUM_BASES}, directly or at any depth through project classes (noted as
 * {@code [Enum through Base]}). An abstract class has a base resolving to {@code abc.ABC}, or a metaclass resolving
 * to {@code abc.ABCMeta} (noted as {@code [metaclass ABCMeta]}), or a def directly in its body with a decorator
 * resolving to one of {@link Matchers#ABSTRACT_METHOD} (noted as {@code [abstract methods: a, b]}); abstractness is
 * not inherited. A class has a docstring when the first statement of its body is a plain string literal
 * ({@link PyClass#docstring()}); {@code docstring=false} asks for the classes without one.
 */
public final class FindClassesTool extends PythonSearchTool {
    /** The methods that make a class a context manager. */
    public static final Set<String> CONTEXT_METHODS = Set.of("__enter__", "__exit__", "__aenter__", "__aexit__");
    /**
     * Bases whose indirect subclasses are the exception classes ({@link ClassFacts#isException}): a class deriving from
     * ValueError derives from Exception, though no project class lies between.
     */
    static final Set<String> EXCEPTION_ROOTS = Set.of("Exception", "BaseException", "builtins.Exception",
            "builtins.BaseException");

    public FindClassesTool(PythonIndex index) {
        super(index, "classes", new Params("find_classes",
                "Find Python classes by base, decorator, a method they define, exception, context-manager, enum or "
                + "abstract classes, docstring, or name; base=\"Protocol\" is typing.Protocol, decorator=\"dataclass\" "
                + "the stdlib one. Prints file:line: class Name(bases).")
                .string("base", false, "base class, e.g. Protocol, Exception")
                .bool("indirect", "true: also through other project classes")
                .string("decorator", false, "decorator, e.g. dataclass")
                .string("method", false, "a method the class defines, e.g. close")
                .bool("exception", "true: exception classes")
                .bool("context_manager", "true: classes with __enter__/__exit__")
                .bool("enum", "true: Enum subclasses")
                .bool("abstract", "true: abstract classes (ABC, ABCMeta, @abstractmethod)")
                .string("name_pattern", false, "part of the class name, or a glob like *Client")
                .bool("docstring", "false: classes without a docstring; true: classes with one"));
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
        boolean enumOnly = Args.bool(args, "enum", false);
        boolean abstractOnly = Args.bool(args, "abstract", false);
        String pattern = Args.text(args, "name_pattern");
        Boolean documented = Args.optionalBool(args, "docstring");
        String path = Args.text(args, "path");
        if (base == null && decorator == null && method == null && !exception && !context && !enumOnly
                && !abstractOnly && pattern == null && documented == null && path == null) {
            throw new ToolException("give at least one of base, decorator, method, exception, context_manager, "
                    + "enum, abstract, name_pattern, docstring or path, e.g. {\"base\": \"Protocol\"} or "
                    + "{\"decorator\": \"dataclass\"}");
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
        Matchers.RefMatcher enumMatch = Matchers.exactly(Matchers.ENUM_BASES);
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files) {
            Map<String, Set<String>> methods = method != null || context ? methodsByClass(f) : Map.of();
            Map<String, List<String>> abstractMethods = abstractOnly ? abstractMethods(project, f) : Map.of();
            for (PyClass c : f.classes()) {
                if (documented != null && c.docstring() != documented) {
                    continue;
                }
                List<String> notes = new ArrayList<>();
                if (baseMatch != null) {
                    if (indirect) {
                        ClassFacts.Path p = facts.anyBase(f, c, baseMatch);
                        if (p == null && EXCEPTION_ROOTS.contains(baseShown) && facts.isException(f, c)) {
                            // the builtin exceptions (ValueError, ...) derive from Exception: every exception class
                            notes.add("an exception class");
                        } else if (p == null) {
                            continue;
                        } else {
                            addPathNotes(notes, baseShown, p);
                        }
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
                if (enumOnly) {
                    ClassFacts.Path p = facts.anyBase(f, c, enumMatch);
                    if (p == null) {
                        continue;
                    }
                    addPathNotes(notes, p.matched().simpleName(), p);
                }
                if (abstractOnly && !isAbstract(project, facts, f, c,
                        abstractMethods.getOrDefault(c.qualifiedName(), List.of()), notes)) {
                    continue;
                }
                hits.add(new Hit(f.path(), c.line(), c.qualifiedName(), header(c, decos), String.join("; ", notes)));
            }
        }
        return hits;
    }

    /** The notes of a match at any depth: the project classes passed ({@code Enum through Base}), then where from. */
    static void addPathNotes(List<String> notes, String what, ClassFacts.Path p) {
        if (!p.through().isEmpty()) {
            notes.add(what + " through " + String.join(", ", p.through()));
        }
        addNote(notes, what, p.matched());
    }

    static void addNote(List<String> notes, String what, Target t) {
        String n = Matchers.note(what, t);
        if (!n.isEmpty()) {
            notes.add(n);
        }
    }

    /**
     * True for an abstract class (see the class comment); adds a note saying why when the header does not show it (a
     * metaclass, abstract methods) or a name was resolved through other project files.
     */
    private static boolean isAbstract(Project project, ClassFacts facts, PythonFile f, PyClass c,
                                      List<String> abstractMethods, List<String> notes) {
        Target base = facts.directBase(f, c, Matchers.exactly(Matchers.ABSTRACT_BASE));
        if (base != null) {
            addNote(notes, base.simpleName(), base);
            return true;
        }
        if (c.metaclass() != null) {
            Target meta = Matchers.exactly(Matchers.ABSTRACT_META).match(c.metaclass(),
                    project.resolve(f, c.metaclass()));
            if (meta != null) {
                notes.add("metaclass " + meta.simpleName());
                addNote(notes, meta.simpleName(), meta);
                return true;
            }
        }
        if (!abstractMethods.isEmpty()) {
            notes.add("abstract methods: " + String.join(", ", abstractMethods));
            return true;
        }
        return false;
    }

    /** Qualified class name to the names of the defs directly in its body decorated as abstract methods. */
    static Map<String, List<String>> abstractMethods(Project project, PythonFile f) {
        Matchers.RefMatcher m = Matchers.exactly(Matchers.ABSTRACT_METHOD);
        Map<String, List<String>> out = new HashMap<>();
        for (PyFunction fn : f.functions()) {
            if (fn.ownerClass() == null) {
                continue;
            }
            for (PyReference d : fn.decorators()) {
                if (m.match(d, project.resolve(f, d)) != null) {
                    List<String> names = out.computeIfAbsent(fn.ownerClass(), k -> new ArrayList<>());
                    if (!names.contains(fn.name())) {
                        names.add(fn.name());
                    }
                    break;
                }
            }
        }
        return out;
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
