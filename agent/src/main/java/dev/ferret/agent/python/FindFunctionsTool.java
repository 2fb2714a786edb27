package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code find_functions}: {@code def} and {@code async def} statements at any depth (module functions, methods, nested
 * functions), filtered by async-ness, decorator ({@link Matchers}, names resolved through the project), name, a
 * parameter name, the return annotation, the class whose body defines them, generator-based context managers,
 * generators, a docstring or none, the number of parameters, test functions and skipped tests; all given filters must
 * hold. Output: {@code pkg/mod.py:30: async def Client.fetch(self, url) -> Response}, with the matching decorators in
 * front when a decorator, context managers or skipped tests were asked for.
 *
 * <ul>
 *   <li>{@code parameter}: a parameter (positional-only, ordinary, {@code *args}, keyword-only or {@code **kwargs})
 *       with exactly this name ({@code self} counts).</li>
 *   <li>{@code returns}: the return annotation mentions this name as a whole word ({@code bool} matches
 *       {@code -> bool} and {@code -> Optional[bool]}; {@code Response} matches {@code -> requests.Response}); a
 *       dotted argument must appear as written; a union matches with or without spaces around {@code |}.</li>
 *   <li>{@code class_name}: the def is directly in the body of a class with this simple or qualified name.</li>
 *   <li>{@code context_manager}: a decorator resolves to {@code contextlib.contextmanager} or
 *       {@code contextlib.asynccontextmanager}.</li>
 *   <li>{@code decorator="property"}: the builtin property, {@code functools.cached_property} or
 *       {@code abc.abstractproperty}.</li>
 *   <li>{@code generator}: {@code yield} or {@code yield from} in the def's own body, not in a nested def, class or
 *       lambda ({@link PyFunction#generator()}); async generators included.</li>
 *   <li>{@code docstring}: true, the first statement of the def's body is a plain string literal
 *       ({@link PyFunction#docstring()}); false, it is not.</li>
 *   <li>{@code min_params}: at least this many parameters ({@link #paramCount}): every parameter of the signature
 *       (positional-only, ordinary, {@code *args}, keyword-only, {@code **kwargs}) except the first parameter of a def
 *       written directly in a class body ({@code self}, {@code cls}) unless the def has a decorator resolving to
 *       {@link Matchers#STATIC_METHOD}. A whole number of at least 0; anything else is refused.</li>
 *   <li>{@code test}: test functions by pytest's default rules and unittest's ({@link TestFunctions}).</li>
 *   <li>{@code skipped}: test functions with a skip decorator on the def or an enclosing class
 *       ({@link TestFunctions}); implies {@code test}. Module-level {@code pytestmark} and {@code pytest.skip()} calls
 *       do not count.</li>
 * </ul>
 */
public final class FindFunctionsTool extends PythonSearchTool {
    private static final Matchers.RefMatcher STATIC_METHOD = Matchers.exactly(Matchers.STATIC_METHOD);

    public FindFunctionsTool(PythonIndex index) {
        super(index, "functions", new Params("find_functions",
                "Find Python functions and methods by async-ness, decorator, name, parameter, return annotation, "
                + "class, @contextmanager, generators (yield), docstring, parameter count, or test functions; prints "
                + "file:line: def Class.method(params) -> returns.")
                .bool("async_only", "true to list only async def functions")
                .string("decorator", false, "decorator, e.g. property, pytest.fixture")
                .string("name_pattern", false, "part of the function name, or a glob like test_*")
                .string("parameter", false, "a parameter name, e.g. timeout")
                .string("returns", false, "a name in the return annotation, e.g. bool")
                .string("class_name", false, "methods of this class")
                .bool("context_manager", "true: @contextmanager functions")
                .bool("generator", "true: generator functions (with yield)")
                .bool("docstring", "false: functions without a docstring; true: functions with one")
                .integer("min_params", false, "at least this many parameters: all of them (*args, **kwargs too) "
                        + "but a method's first (self, cls) unless it is a @staticmethod", 0, Integer.MAX_VALUE)
                .bool("test", "true: test functions (pytest test_* in test files, unittest TestCase methods)")
                .bool("skipped", "true: tests skipped by a skip/skipIf/skipUnless decorator"));
    }

    /** Decorators used on defs, parameter names, and the classes whose methods can be asked for. */
    @Override
    public Set<String> names(String parameter) {
        return switch (parameter) {
            case "decorator" -> allNames(f -> f.functions().stream().flatMap(fn -> fn.decorators().stream())
                    .flatMap(PythonSearchTool::refNames));
            case "parameter" -> allNames(f -> f.functions().stream().flatMap(fn -> fn.params().stream())
                    .map(PyParam::name));
            case "class_name" -> allNames(f -> f.classes().stream().flatMap(c -> Stream.of(c.name(), c.qualifiedName())));
            default -> Set.of();
        };
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        boolean asyncOnly = Args.bool(args, "async_only", false);
        String decorator = Args.text(args, "decorator");
        String pattern = Args.text(args, "name_pattern");
        String parameter = Args.text(args, "parameter");
        String returns = Args.text(args, "returns");
        String className = Args.text(args, "class_name");
        boolean context = Args.bool(args, "context_manager", false);
        boolean generator = Args.bool(args, "generator", false);
        Boolean documented = Args.optionalBool(args, "docstring");
        Integer minParams = Args.atLeast(args, "min_params", 0);
        boolean skipped = Args.bool(args, "skipped", false);
        boolean test = skipped || Args.bool(args, "test", false);
        String path = Args.text(args, "path");
        if (!asyncOnly && decorator == null && pattern == null && parameter == null && returns == null
                && className == null && !context && !generator && documented == null && minParams == null && !test
                && path == null) {
            throw new ToolException("give at least one of async_only, decorator, name_pattern, parameter, returns, "
                    + "class_name, context_manager, generator, docstring, min_params, test, skipped or path, e.g. "
                    + "{\"async_only\": true}");
        }
        if (parameter != null) {
            parameter = parameter.replaceFirst("^\\*{1,2}", "").strip();
        }
        if (className != null) {
            className = className.replaceFirst("^class\\s+", "").strip();
        }
        Pattern returnsPattern = returns == null ? null : returnsPattern(returns);
        List<PythonFile> files = files(args);
        Project project = decorator != null || context || minParams != null || test ? index.project() : null;
        TestFunctions tests = test ? new TestFunctions(project) : null;
        Matchers.RefMatcher decoMatch = decorator == null ? null : Matchers.decorator(decorator);
        Matchers.RefMatcher contextMatch = context ? Matchers.exactly(Matchers.CONTEXT_MANAGER) : null;
        Matchers.NamePredicate nameMatch = pattern == null ? null : Matchers.name(pattern);
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files) {
            for (PyFunction fn : f.functions()) {
                if (asyncOnly && !fn.async()) {
                    continue;
                }
                if (generator && !fn.generator()) {
                    continue;
                }
                if (className != null && (fn.ownerClass() == null || !(fn.ownerClass().equals(className)
                        || fn.ownerClass().endsWith("." + className)))) {
                    continue;
                }
                if (parameter != null && !hasParameter(fn, parameter)) {
                    continue;
                }
                if (returnsPattern != null && (fn.returns() == null || !returnsPattern.matcher(fn.returns()).find())) {
                    continue;
                }
                if (nameMatch != null && !nameMatch.test(fn.name(), fn.qualifiedName())) {
                    continue;
                }
                if (documented != null && fn.docstring() != documented) {
                    continue;
                }
                if (minParams != null && paramCount(project, f, fn) < minParams) {
                    continue;
                }
                Set<PyReference> decos = new HashSet<>();
                List<String> notes = new ArrayList<>();
                if (decoMatch != null || contextMatch != null) {
                    Target first = null;
                    boolean decoOk = decoMatch == null;
                    boolean contextOk = contextMatch == null;
                    for (PyReference d : fn.decorators()) {
                        List<Target> targets = project.resolve(f, d);
                        Target t = decoMatch == null ? null : decoMatch.match(d, targets);
                        Target c = contextMatch == null ? null : contextMatch.match(d, targets);
                        if (t != null || c != null) {
                            decos.add(d);
                            first = first == null ? (t != null ? t : c) : first;
                        }
                        decoOk |= t != null;
                        contextOk |= c != null;
                    }
                    if (!decoOk || !contextOk) {
                        continue;
                    }
                    FindClassesTool.addNote(notes, first == null ? "" : first.simpleName(), first);
                }
                if (test && !tests.isTest(f, fn, notes)) {
                    continue;
                }
                if (skipped && !tests.isSkipped(f, fn, decos, notes)) {
                    continue;
                }
                List<PyReference> shown = fn.decorators().stream().filter(decos::contains).toList();
                hits.add(new Hit(f.path(), fn.line(), fn.qualifiedName(), signature(fn, shown),
                        String.join("; ", notes)));
            }
        }
        return hits;
    }

    /**
     * The parameters {@code min_params} counts: all of them, less the first of a def directly in a class body that has
     * no decorator resolving to {@link Matchers#STATIC_METHOD}.
     */
    static int paramCount(Project project, PythonFile f, PyFunction fn) {
        int n = fn.params().size();
        if (n == 0 || fn.ownerClass() == null) {
            return n;
        }
        for (PyReference d : fn.decorators()) {
            if (STATIC_METHOD.match(d, project.resolve(f, d)) != null) {
                return n;
            }
        }
        return n - 1;
    }

    private static boolean hasParameter(PyFunction fn, String name) {
        for (PyParam p : fn.params()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The whole-word pattern for a {@code returns} argument. */
    static Pattern returnsPattern(String returns) {
        String r = returns.strip().replaceFirst("^->\\s*", "");
        // a union as written with or without spaces: "str | None" matches the annotation str|None
        String union = java.util.Arrays.stream(r.split("\\s*\\|\\s*")).map(FindFunctionsTool::typeQuote)
                .collect(Collectors.joining("\\s*\\|\\s*"));
        return Pattern.compile("(?<!\\w)" + union + "(?!\\w)", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** Builtin containers that typing spells capitalised: {@code List[str]} matches {@code list[str]} and back. */
    private static final java.util.Set<String> BUILTIN_CONTAINERS = java.util.Set.of("list", "dict", "set", "tuple",
            "frozenset", "type");

    /** One type of a union, quoted, with a builtin container's first letter in either case. */
    private static String typeQuote(String type) {
        int open = type.indexOf('[');
        if (open > 0 && BUILTIN_CONTAINERS.contains(type.substring(0, open).toLowerCase(java.util.Locale.ROOT))) {
            char c = type.charAt(0);
            return "[" + Character.toLowerCase(c) + Character.toUpperCase(c) + "]" + Pattern.quote(type.substring(1));
        }
        return Pattern.quote(type);
    }

    /** {@code @deco async def Class.method(self, x) -> T}. */
    static String signature(PyFunction fn, List<PyReference> decorators) {
        StringBuilder text = new StringBuilder();
        for (PyReference d : decorators) {
            text.append('@').append(d.text()).append(' ');
        }
        text.append(fn.async() ? "async def " : "def ").append(fn.qualifiedName())
                .append(fn.params().stream().map(PyParam::name).collect(Collectors.joining(", ", "(", ")")));
        if (fn.returns() != null) {
            text.append(" -> ").append(fn.returns());
        }
        return text.toString();
    }
}
