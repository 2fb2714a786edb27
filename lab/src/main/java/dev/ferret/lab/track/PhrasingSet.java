package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.Intent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation phrasings of the intent classifier (resources under {@code phrasings/} next to this class; their
 * README gives the format). They were written by hand before the classifier's rules and are read only here, to
 * measure it; the classifier and the training-data generator never read them.
 */
public final class PhrasingSet {
    /** The files, in report order. */
    public static final List<String> FILES = List.of("standard-protocol", "standard-async", "standard-imports",
            "standard-dataclasses", "standard-comments", "unknown", "subclasses", "subclasses-indirect",
            "classes-by-decorator", "classes-with-method", "methods-of-class", "functions-by-decorator",
            "functions-by-name", "functions-with-parameter", "functions-returning", "raises", "exception-classes",
            "context-managers", "properties", "exports", "constants", "callers", "imports", "comments");
    /**
     * Files of the kinds added after the first sets were written (where a name is defined, every class, every
     * function, enum and abstract classes, generators, TypedDict and NamedTuple classes, third-party modules, entry
     * points, tests and skipped tests, functions and classes without a docstring, functions with many parameters,
     * except clauses, static and class methods, where a name is used, what a file imports, the Python files): only the sets written after them have these
     * files.
     */
    public static final List<String> LATER_FILES = List.of("definitions", "all-classes", "all-functions", "enums",
            "abstract-classes", "generators", "typed-dicts", "named-tuples", "third-party", "entry-points", "tests", "skipped-tests",
            "undocumented-functions", "undocumented-classes", "many-parameters", "catches", "bare-excepts",
            "static-class-methods", "references", "module-imports", "python-files");

    private PhrasingSet() {
    }

    /**
     * One question to classify.
     *
     * @param file     the file it comes from (without .tsv)
     * @param informal true for an informal phrasing
     * @param question the question, {x} replaced
     * @param kind     the expected kind
     * @param params   the expected parameters ({@link #params})
     */
    public record Item(String file, boolean informal, String question, Intent.Kind kind, Map<String, String> params) {
    }

    /** The evaluation set written before the classifier's rules (used to measure it while it was developed). */
    public static final String MAIN = "phrasings";
    /**
     * A second set written after the rules were tuned on {@link #MAIN}, measured once and never tuned on; the
     * honest estimate of how the classifier does on phrasings it has not seen.
     */
    public static final String FRESH = "phrasings-fresh";
    /**
     * A third set written by someone who had read neither the classifier nor the other sets, committed before it was
     * first measured; never tuned on.
     */
    public static final String BLIND = "phrasings-blind";
    /**
     * A fourth set, written like {@link #BLIND} by another helper who had read neither the classifier nor any earlier
     * set, committed before it was first measured; never tuned on.
     */
    public static final String BLIND2 = "phrasings-blind2";

    /** Every item of every file of the main set, each phrasing with {x} expanded once per sample value. */
    public static List<Item> load() {
        return loadSet(MAIN);
    }

    /** Every item of every file of one set ({@link #MAIN}, {@link #FRESH}, {@link #BLIND}, {@link #BLIND2}); files missing from a set are skipped. */
    public static List<Item> loadSet(String set) {
        List<Item> out = new ArrayList<>();
        for (String f : java.util.stream.Stream.concat(FILES.stream(), LATER_FILES.stream()).toList()) {
            if (has(set, f)) {
                out.addAll(load(set, f));
            }
        }
        return out;
    }

    /**
     * The codebase a set was written for, with that codebase's own names (its {@code codebase.txt}: the folder name
     * under {@code .work/codebases}), or null for a set of names made up.
     */
    public static String codebase(String set) {
        try (InputStream in = PhrasingSet.class.getResourceAsStream(set + "/codebase.txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a set has a file (the sets written later hold only some kinds). */
    public static boolean has(String set, String file) {
        return PhrasingSet.class.getResource(set + "/" + file + ".tsv") != null;
    }

    /** The items of one file of the main set. */
    public static List<Item> load(String file) {
        return load(MAIN, file);
    }

    /** The items of one file of a set. */
    public static List<Item> load(String set, String file) {
        return read(set, file, true);
    }

    /** The phrasings of one file with {x} left in the question and parameters (one item per line). */
    public static List<Item> templates(String set, String file) {
        return read(set, file, false);
    }

    private static List<Item> read(String set, String file, boolean expand) {
        String name = set + "/" + file + ".tsv";
        try (InputStream in = PhrasingSet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Intent.Kind kind = null;
            List<String> values = List.of();
            List<Item> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("# kind:")) {
                    kind = Intent.Kind.valueOf(line.substring(7).strip());
                    continue;
                }
                if (line.startsWith("# values:")) {
                    values = List.of(line.substring(9).strip().split("\\s*\\|\\s*"));
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 2 || kind == null) {
                    throw new IllegalStateException(name + ": bad line: " + line);
                }
                String params = cols.length > 2 ? cols[2] : "";
                if (kind == Intent.Kind.MANY_PARAMETERS && !params.contains("min=")) {
                    // "too many arguments" names no number: the classifier's documented default
                    params = (params.isBlank() ? "" : params + ";") + "min=" + Intent.ManyParameters.DEFAULT_MIN;
                }
                boolean informal = cols[0].equals("i");
                if (!expand) {
                    out.add(new Item(file, informal, cols[1], kind, rawParams(params)));
                } else if (cols[1].contains("{x}")) {
                    for (String v : values) {
                        out.add(new Item(file, informal, cols[1].replace("{x}", v), kind, parse(params.replace("{x}", v))));
                    }
                } else {
                    out.add(new Item(file, informal, cols[1], kind, parse(params)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> rawParams(String params) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return m;
    }

    /** The intent a phrasing expects, from its kind and parameters (as {@link #params} names them). */
    public static Intent intent(Intent.Kind kind, Map<String, String> p) {
        return switch (kind) {
            case PROTOCOL_CLASSES -> new Intent.Subclasses("Protocol");
            case SUBCLASSES -> new Intent.Subclasses(p.get("base"), "true".equals(p.get("indirect")));
            case ASYNC_FUNCTIONS -> new Intent.AsyncFunctions();
            case IMPORTS -> new Intent.Imports(p.get("module"));
            case DATACLASSES -> new Intent.Dataclasses();
            case COMMENTS -> new Intent.Comments(p.get("tag"));
            case CLASSES_BY_DECORATOR -> new Intent.ClassesByDecorator(p.get("decorator"));
            case CLASSES_WITH_METHOD -> new Intent.ClassesWithMethod(p.get("method"));
            case CLASSES_BY_NAME -> new Intent.ClassesByName(p.get("pattern"));
            case EXCEPTION_CLASSES -> new Intent.ExceptionClasses();
            case CONTEXT_MANAGERS -> new Intent.ContextManagers();
            case FUNCTIONS_BY_DECORATOR -> new Intent.FunctionsByDecorator(p.get("decorator"));
            case FUNCTIONS_BY_NAME -> new Intent.FunctionsByName(p.get("pattern"));
            case FUNCTIONS_WITH_PARAMETER -> new Intent.FunctionsWithParameter(p.get("parameter"));
            case FUNCTIONS_RETURNING -> new Intent.FunctionsReturning(p.get("returns"));
            case METHODS_OF_CLASS -> new Intent.MethodsOfClass(p.get("class"));
            case PROPERTIES -> new Intent.Properties();
            case RAISES -> new Intent.Raises(p.get("exception"));
            case EXPORTS -> new Intent.Exports();
            case CONSTANTS -> new Intent.Constants();
            case CALLERS -> new Intent.Callers(p.get("function"));
            case DEFINITIONS -> new Intent.Definitions(p.get("name"));
            case REFERENCES -> new Intent.References(p.get("name"));
            case MODULE_IMPORTS -> new Intent.ModuleImports(p.get("place"));
            case PYTHON_FILES -> new Intent.PythonFiles(p.getOrDefault("place", Intent.ALL));
            case ENUMS -> new Intent.Enums();
            case ABSTRACT_CLASSES -> new Intent.AbstractClasses();
            case GENERATORS -> new Intent.Generators();
            case THIRD_PARTY -> new Intent.ThirdParty();
            case ENTRY_POINTS -> new Intent.EntryPoints();
            case TESTS -> new Intent.Tests();
            case SKIPPED_TESTS -> new Intent.SkippedTests();
            case UNDOCUMENTED_FUNCTIONS -> new Intent.UndocumentedFunctions();
            case UNDOCUMENTED_CLASSES -> new Intent.UndocumentedClasses();
            case MANY_PARAMETERS -> new Intent.ManyParameters(Integer.parseInt(p.get("min")));
            case CATCHES -> new Intent.Catches(p.get("exception"));
            case BARE_EXCEPTS -> new Intent.BareExcepts();
            case UNKNOWN -> new Intent.Unknown("expected unknown");
        };
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(p.substring(0, eq).strip(), normalise(p.substring(0, eq).strip(), p.substring(eq + 1).strip()));
            }
        }
        return m;
    }

    /** The parameters of an intent, in the files' names (base, indirect, module, tag, decorator, ...). */
    public static Map<String, String> params(Intent intent) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (intent) {
            case Intent.Subclasses s -> {
                if (s.kind() != Intent.Kind.PROTOCOL_CLASSES) {
                    m.put("base", s.base());
                    if (s.indirect()) {
                        m.put("indirect", "true");
                    }
                }
            }
            case Intent.Imports i -> m.put("module", i.module());
            case Intent.Comments c -> m.put("tag", String.join("|", c.tags()));
            case Intent.ClassesByDecorator c -> m.put("decorator", c.decorator());
            case Intent.FunctionsByDecorator f -> m.put("decorator", f.decorator());
            case Intent.ClassesWithMethod c -> m.put("method", c.method());
            case Intent.ClassesByName c -> m.put("pattern", c.pattern());
            case Intent.FunctionsByName f -> m.put("pattern", f.pattern());
            case Intent.FunctionsWithParameter f -> m.put("parameter", f.parameter());
            case Intent.FunctionsReturning f -> m.put("returns", f.type());
            case Intent.MethodsOfClass c -> m.put("class", c.className());
            case Intent.Raises r -> m.put("exception", r.exception());
            case Intent.Callers c -> m.put("function", c.function());
            case Intent.Definitions d -> m.put("name", d.name());
            case Intent.References r -> m.put("name", r.name());
            case Intent.ModuleImports i -> m.put("place", i.place());
            case Intent.PythonFiles f when !f.place().equals(Intent.ALL) -> m.put("place", f.place());
            case Intent.ManyParameters n -> m.put("min", String.valueOf(n.min()));
            case Intent.Catches c -> m.put("exception", c.exception());
            default -> {
            }
        }
        m.replaceAll(PhrasingSet::normalise);
        return m;
    }

    /** Equal meanings written differently: {@code @x} is {@code x}, {@code x()} is {@code x}, {@code *x*} is {@code x}, a pattern in any case (a module's case is ignored by {@link #sameParams}). */
    public static String normalise(String key, String value) {
        String v = value.strip();
        if (v.startsWith("@")) {
            v = v.substring(1);
        }
        if (v.endsWith("()")) {
            v = v.substring(0, v.length() - 2);
        }
        if (key.equals("pattern") && v.length() > 2 && v.startsWith("*") && v.endsWith("*")
                && v.indexOf('*', 1) == v.length() - 1) {
            v = v.substring(1, v.length() - 1);
        }
        if (key.equals("pattern")) {
            v = v.toLowerCase(Locale.ROOT); // a name pattern matches without regard to case (Matchers.name): *handler is *Handler
        }
        if (key.equals("place")) {
            // one place however it is written: requests/sessions.py, requests/sessions, requests.sessions
            v = v.replaceAll("/+$", "").replaceAll("\\.py$", "").replace('/', '.');
        }
        return v; // a module keeps its case for the truth (IPython.core is no ipython.core); sameParams ignores it
    }

    /**
     * Whether a reading is the expected one: the same kind with the same parameters ({@link #sameParams}), or two
     * readings that are one search under two names. The hybrid path plans {@link Intent.Properties} as the functions
     * decorated with {@code property} and {@link Intent.Dataclasses} as the classes decorated with {@code dataclass}
     * (the same tool call with the same arguments, so the same answer): "methods marked with @property" is read right
     * as either. SameReadingTest checks these pairs against the planner.
     */
    public static boolean sameReading(Intent got, Intent expected) {
        return got.kind() == expected.kind() && sameParams(params(got), params(expected))
                || canonical(got).equals(canonical(expected));
    }

    /** As {@link #sameReading}, for an expectation given as a kind and its parameters (a phrasing set's line). */
    public static boolean sameReading(Intent got, Intent.Kind kind, Map<String, String> expected) {
        if (got.kind() == kind && sameParams(params(got), expected)) {
            return true;
        }
        return switch (kind) {
            case PROPERTIES, DATACLASSES, FUNCTIONS_BY_DECORATOR, CLASSES_BY_DECORATOR ->
                    canonical(got).equals(canonical(intent(kind, expected)));
            default -> false;
        };
    }

    /** The one name of a search that has two (see {@link #sameReading}); any other intent as it is. */
    static Intent canonical(Intent i) {
        return switch (i) {
            case Intent.Properties p -> new Intent.FunctionsByDecorator("property");
            case Intent.Dataclasses d -> new Intent.ClassesByDecorator("dataclass");
            case Intent.FunctionsByDecorator f -> new Intent.FunctionsByDecorator(normalise("decorator", f.decorator()));
            case Intent.ClassesByDecorator c -> new Intent.ClassesByDecorator(normalise("decorator", c.decorator()));
            default -> i;
        };
    }

    /** Whether two readings' parameters agree: as {@link #normalise}d, a module's name in any case ("NumPy", numpy). */
    public static boolean sameParams(Map<String, String> a, Map<String, String> b) {
        return lowerModule(a).equals(lowerModule(b));
    }

    private static Map<String, String> lowerModule(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>(m);
        out.computeIfPresent("module", (k, v) -> v.toLowerCase(Locale.ROOT));
        return out;
    }
}
