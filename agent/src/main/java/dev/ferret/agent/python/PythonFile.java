package dev.ferret.agent.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link PythonScanner} found in one Python source file.
 *
 * <p><b>Name resolution.</b> The file's import statements, wherever they are (module level, inside functions,
 * {@code try} or {@code if TYPE_CHECKING} blocks), bind names: {@code import a.b} binds {@code a} to {@code a};
 * {@code import a.b as x} binds {@code x} to {@code a.b}; {@code from m import n as x} binds {@code x} (or
 * {@code n}) to {@code m.n}; a relative {@code from .m import n} binds {@code n} to {@code .m.n} (dots kept, so it
 * never equals an absolute name); star imports bind nothing. A name may be bound by several imports; it then
 * denotes all of their targets. Assignments, class and function definitions do not bind anything here. A dotted
 * name {@code h.rest} resolves to {@code target.rest} for every target of {@code h}, or to itself when {@code h} is
 * bound by no import.
 *
 * @param path      path relative to the repository root, with '/' separators
 * @param lineCount number of lines
 * @param classes   class statements in source order
 * @param functions function statements in source order
 * @param imports   imported names in source order
 * @param comments  comments in source order
 * @param raises    raise statements in source order
 * @param calls     calls in source order
 * @param assignments module-level assignments to plain names, in source order
 * @param exports   the names of {@code __all__}, in source order
 * @param mainGuards the lines of the {@code if __name__ == "__main__":} statements outside any def or class (either
 *                   operand order, either quote, the test alone, optionally in parentheses), in source order
 * @param handlers  except clauses in source order
 */
public record PythonFile(String path, int lineCount, List<PyClass> classes, List<PyFunction> functions,
                         List<PyImport> imports, List<PyComment> comments, List<PyRaise> raises, List<PyCall> calls,
                         List<PyAssignment> assignments, List<PyExport> exports, List<Integer> mainGuards,
                         List<PyHandler> handlers) {

    public PythonFile {
        classes = List.copyOf(classes);
        functions = List.copyOf(functions);
        imports = List.copyOf(imports);
        comments = List.copyOf(comments);
        raises = List.copyOf(raises);
        calls = List.copyOf(calls);
        assignments = List.copyOf(assignments);
        exports = List.copyOf(exports);
        mainGuards = List.copyOf(mainGuards);
        handlers = List.copyOf(handlers);
    }

    /** A file without main guards and except clauses. */
    public PythonFile(String path, int lineCount, List<PyClass> classes, List<PyFunction> functions,
                      List<PyImport> imports, List<PyComment> comments, List<PyRaise> raises, List<PyCall> calls,
                      List<PyAssignment> assignments, List<PyExport> exports) {
        this(path, lineCount, classes, functions, imports, comments, raises, calls, assignments, exports, List.of(),
                List.of());
    }

    /** True for a {@code __main__.py} file (what {@code python -m package} runs). */
    public boolean isMainModule() {
        return path.equals("__main__.py") || path.endsWith("/__main__.py");
    }

    /** A file with only definitions, imports and comments. */
    public PythonFile(String path, int lineCount, List<PyClass> classes, List<PyFunction> functions,
                      List<PyImport> imports, List<PyComment> comments) {
        this(path, lineCount, classes, functions, imports, comments, List.of(), List.of(), List.of(), List.of());
    }

    /** True for a package's {@code __init__.py}. */
    public boolean isPackageInit() {
        return path.equals("__init__.py") || path.endsWith("/__init__.py");
    }

    /** Name to the absolute names it may denote, from the file's imports (see the class comment). */
    public static Map<String, Set<String>> bindings(List<PyImport> imports) {
        Map<String, Set<String>> b = new LinkedHashMap<>();
        for (PyImport imp : imports) {
            String name = imp.boundName();
            if (name != null) {
                b.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(imp.target());
            }
        }
        return b;
    }

    /** Resolves a dotted name through the given bindings (see the class comment). */
    public static List<String> resolve(Map<String, Set<String>> bindings, String dotted) {
        if (dotted == null) {
            return List.of();
        }
        int dot = dotted.indexOf('.');
        String head = dot < 0 ? dotted : dotted.substring(0, dot);
        String rest = dot < 0 ? "" : dotted.substring(dot);
        Set<String> targets = bindings.get(head);
        if (targets == null || targets.isEmpty()) {
            return List.of(dotted);
        }
        List<String> out = new ArrayList<>(targets.size());
        for (String t : targets) {
            out.add(t + rest);
        }
        return out;
    }

    /** Resolves a dotted name through this file's imports. */
    public List<String> resolve(String dotted) {
        return resolve(bindings(imports), dotted);
    }

    /** The first line of an import statement that brings in module {@code m} (see {@link PyImport#importsModule}), or -1. */
    public int firstImportLine(String m) {
        int best = -1;
        for (PyImport imp : imports) {
            if (imp.importsModule(m) && (best < 0 || imp.line() < best)) {
                best = imp.line();
            }
        }
        return best;
    }
}
