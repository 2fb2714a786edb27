package dev.ferret.lab.data;

import dev.ferret.agent.python.FindConstantsTool;
import dev.ferret.agent.python.PyAssignment;
import dev.ferret.agent.python.PyCall;
import dev.ferret.agent.python.PyClass;
import dev.ferret.agent.python.PyComment;
import dev.ferret.agent.python.PyFunction;
import dev.ferret.agent.python.PyHandler;
import dev.ferret.agent.python.PyImport;
import dev.ferret.agent.python.PyParam;
import dev.ferret.agent.python.PyRaise;
import dev.ferret.agent.python.PyReference;
import dev.ferret.agent.python.PythonFile;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.ToolException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What is in a codebase, from the project's Python scanner (the same scan the Python tools search): used only to choose
 * question parameters (which bases, modules, tags, names and folders exist, and how often). The answers themselves come
 * from the tools' exact search results.
 */
final class Scan {
    /** One class with its file. */
    record ClassDef(String file, PyClass cls) {
    }

    /** One function with its file. */
    record FunctionDef(String file, PyFunction fn) {
    }

    private static final Pattern WORD_TAG = Pattern.compile("(?<![\\w])(TODO|FIXME|XXX|HACK|NOTE|BUG|NB|OPTIMIZE|REVIEW|WARNING|DEPRECATED)(?![\\w])");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*");
    private static final Set<String> TYPE_FACTORIES = Set.of("TypeVar", "ParamSpec", "TypeVarTuple", "NewType");

    final List<PythonFile> files;
    final List<String> allFiles = new ArrayList<>();
    /** Folders holding Python files (at any depth below), with the number of such files. */
    final Map<String, Integer> pyDirs = new TreeMap<>();
    final List<ClassDef> classes = new ArrayList<>();
    final List<FunctionDef> functions = new ArrayList<>();
    /** Base simple names (and dotted forms) to how many classes list them. */
    final Map<String, Integer> bases = new TreeMap<>();
    final Map<String, Integer> classNames = new TreeMap<>();
    final Map<String, Integer> functionNames = new TreeMap<>();
    final Map<String, Integer> qualifiedClassNames = new TreeMap<>();
    /** Function decorators (as written, call dropped) to uses. */
    final Map<String, Integer> functionDecorators = new TreeMap<>();
    final Map<String, Integer> classDecorators = new TreeMap<>();
    /** Absolute module names (and their parent packages) to the number of files importing them. */
    final Map<String, Integer> modules = new TreeMap<>();
    final Map<String, Integer> tags = new TreeMap<>();
    /** Names of methods (defs directly in a class body) to how many there are. */
    final Map<String, Integer> methodNames = new TreeMap<>();
    /** Parameter names (self and cls aside) to how many defs have them. */
    final Map<String, Integer> parameters = new TreeMap<>();
    /** Names in return annotations (a dotted one by its last part: Session for requests.Session) to how many defs. */
    final Map<String, Integer> returnNames = new TreeMap<>();
    /** Simple names of raised exceptions to how many raise statements name them. */
    final Map<String, Integer> raised = new TreeMap<>();
    /** Simple names of caught exceptions (each element of a caught tuple) to how many except clauses name them. */
    final Map<String, Integer> caught = new TreeMap<>();
    /** Called names (the last part, as find_callers matches them) to how many calls there are. */
    final Map<String, Integer> called = new TreeMap<>();
    /** Names listed in __all__ to how many modules export them. */
    final Map<String, Integer> exports = new TreeMap<>();
    /** Module constants (as find_constants lists them) to how many files assign them. */
    final Map<String, Integer> constants = new TreeMap<>();
    /** Module-level variables no constants (find_constants {variables: true} lists them too), to how many files. */
    final Map<String, Integer> variables = new TreeMap<>();
    /** File base names to how many files have them. */
    final Map<String, Integer> fileNames = new TreeMap<>();

    Scan(Repo repo) throws ToolException {
        Sandbox sb = repo.sandbox();
        files = repo.index().files(".");
        for (Path p : sb.files(sb.root())) {
            String rel = sb.relative(p);
            allFiles.add(rel);
            fileNames.merge(p.getFileName().toString(), 1, Integer::sum);
        }
        for (PythonFile f : files) {
            String dir = f.path();
            while (dir.lastIndexOf('/') > 0) {
                dir = dir.substring(0, dir.lastIndexOf('/'));
                pyDirs.merge(dir, 1, Integer::sum);
            }
            for (PyClass c : f.classes()) {
                classes.add(new ClassDef(f.path(), c));
                classNames.merge(c.name(), 1, Integer::sum);
                qualifiedClassNames.merge(c.qualifiedName(), 1, Integer::sum);
                for (PyReference b : c.bases()) {
                    if (b.simpleName() != null) {
                        bases.merge(b.simpleName(), 1, Integer::sum);
                    }
                }
                for (PyReference d : c.decorators()) {
                    if (d.dotted() != null) {
                        classDecorators.merge(d.dotted(), 1, Integer::sum);
                    }
                }
            }
            for (PyFunction fn : f.functions()) {
                functions.add(new FunctionDef(f.path(), fn));
                functionNames.merge(fn.name(), 1, Integer::sum);
                if (fn.isMethod()) {
                    methodNames.merge(fn.name(), 1, Integer::sum);
                }
                for (PyParam p : fn.params()) {
                    if (!p.name().equals("self") && !p.name().equals("cls")) {
                        parameters.merge(p.name(), 1, Integer::sum);
                    }
                }
                if (fn.returns() != null) {
                    var words = NAME.matcher(fn.returns());
                    Set<String> seen = new LinkedHashSet<>();
                    while (words.find()) {
                        String w = words.group();
                        seen.add(w.substring(w.lastIndexOf('.') + 1));
                    }
                    seen.forEach(w -> returnNames.merge(w, 1, Integer::sum));
                }
                for (PyReference d : fn.decorators()) {
                    if (d.dotted() != null) {
                        functionDecorators.merge(d.dotted(), 1, Integer::sum);
                    }
                }
            }
            Set<String> imported = new LinkedHashSet<>();
            for (PyImport imp : f.imports()) {
                if (imp.level() > 0 || imp.module() == null) {
                    continue;
                }
                String m = imp.module();
                imported.add(m);
                while (m.lastIndexOf('.') > 0) {
                    m = m.substring(0, m.lastIndexOf('.'));
                    imported.add(m);
                }
            }
            imported.forEach(m -> modules.merge(m, 1, Integer::sum));
            for (PyRaise r : f.raises()) {
                if (r.exception() != null && r.exception().simpleName() != null) {
                    raised.merge(r.exception().simpleName(), 1, Integer::sum);
                }
            }
            for (PyHandler h : f.handlers()) {
                h.types().stream().map(PyReference::simpleName).filter(n -> n != null).distinct()
                        .forEach(n -> caught.merge(n, 1, Integer::sum));
            }
            for (PyCall call : f.calls()) {
                called.merge(call.name(), 1, Integer::sum);
            }
            f.exports().forEach(e -> exports.merge(e.name(), 1, Integer::sum));
            Set<String> assigned = new LinkedHashSet<>();
            Set<String> other = new LinkedHashSet<>();
            for (PyAssignment a : f.assignments()) {
                if (FindConstantsTool.isConstant(a.name()) && (a.callee() == null || !TYPE_FACTORIES.contains(a.callee()))) {
                    assigned.add(a.name());
                } else if (!FindConstantsTool.isConstant(a.name())) {
                    other.add(a.name());
                }
            }
            assigned.forEach(n -> constants.merge(n, 1, Integer::sum));
            other.forEach(n -> variables.merge(n, 1, Integer::sum));
            for (PyComment c : f.comments()) {
                var m = WORD_TAG.matcher(c.text());
                Set<String> seen = new LinkedHashSet<>();
                while (m.find()) {
                    seen.add(m.group(1));
                }
                seen.forEach(t -> tags.merge(t, 1, Integer::sum));
            }
        }
    }

    /** Keys of a count map whose count is within [min, max]. */
    static List<String> within(Map<String, Integer> counts, int min, int max) {
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (v >= min && v <= max) {
                out.add(k);
            }
        });
        return out;
    }
}
