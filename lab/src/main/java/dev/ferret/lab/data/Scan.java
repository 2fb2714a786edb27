package dev.ferret.lab.data;

import dev.ferret.agent.python.PyClass;
import dev.ferret.agent.python.PyComment;
import dev.ferret.agent.python.PyFunction;
import dev.ferret.agent.python.PyImport;
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
