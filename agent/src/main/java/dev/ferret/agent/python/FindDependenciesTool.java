package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code find_dependencies}: the third-party modules the code imports, one hit per top-level module. An absolute
 * import ({@code import a.b}, {@code from a.b import c}, at any depth, {@code try} blocks included) depends on
 * {@code a} unless {@code a} is {@code __future__}, a standard-library module ({@link #STDLIB}, CPython 3.11's
 * {@code sys.stdlib_module_names}), one of the project's own modules ({@link Project#isModule}), or importable from
 * the folder put on {@code sys.path} for the importing file ({@link Local}: a test importing its sibling helper). Relative imports
 * never count. Each hit is the module's first import (the first file in path order, then its first line); its text
 * says how many files import the module. Output: {@code pkg/http.py:3: requests (4 files): import requests}.
 */
public final class FindDependenciesTool extends PythonSearchTool {
    /** The standard library's top-level module names. */
    public static final Set<String> STDLIB = load();

    public FindDependenciesTool(PythonIndex index) {
        super(index, "third-party modules", new Params("find_dependencies",
                "List the third-party modules the Python code imports (not the standard library, not the project's "
                + "own modules), each at its first import with the number of files importing it."));
    }

    /** True when the code's own import of top-level module {@code top} is a third-party dependency. */
    static boolean thirdParty(Project project, Set<String> local, String top) {
        return !top.isEmpty() && !top.equals("__future__") && !STDLIB.contains(top) && !project.isModule(top)
                && !local.contains(top);
    }

    /**
     * The names importable, for each folder that Python or pytest puts on {@code sys.path} for a file, from that
     * folder: the stems of the Python files directly in it and its subfolders that hold Python files. A file's folder
     * on {@code sys.path} is the nearest folder above it that is no package (its own folder when it is in none), so
     * {@code tests/test_core.py} may import its sibling {@code tests/helpers.py} as {@code helpers}.
     */
    private static final class Local {
        private final List<String> rels = new ArrayList<>();
        private final Set<String> packages = new HashSet<>();
        private final Map<String, Set<String>> byBase = new java.util.HashMap<>();

        Local(PythonIndex index) {
            Path root = index.sandbox().root();
            for (Path f : index.paths(root)) {
                String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                rels.add(rel);
                if (rel.equals("__init__.py") || rel.endsWith("/__init__.py")) {
                    packages.add(parent(rel));
                }
            }
        }

        private static String parent(String rel) {
            int slash = rel.lastIndexOf('/');
            return slash < 0 ? "" : rel.substring(0, slash);
        }

        /** The names importable for the file {@code rel} from its folder on sys.path. */
        Set<String> names(String rel) {
            String base = parent(rel);
            while (!base.isEmpty() && packages.contains(base)) {
                base = parent(base);
            }
            return byBase.computeIfAbsent(base, b -> {
                String prefix = b.isEmpty() ? "" : b + "/";
                Set<String> out = new HashSet<>();
                for (String r : rels) {
                    if (r.startsWith(prefix)) {
                        String rest = r.substring(prefix.length());
                        int slash = rest.indexOf('/');
                        out.add(slash >= 0 ? rest.substring(0, slash)
                                : rest.endsWith(".py") ? rest.substring(0, rest.length() - 3) : rest);
                    }
                }
                return out;
            });
        }
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        Project project = index.project();
        Local local = new Local(index);
        Map<String, Hit> first = new LinkedHashMap<>();
        Map<String, Set<String>> files = new LinkedHashMap<>();
        List<PythonFile> scope = new ArrayList<>(files(args));
        scope.sort((a, b) -> a.path().compareTo(b.path()));
        for (PythonFile f : scope) {
            Set<String> importable = local.names(f.path());
            for (PyImport imp : f.imports()) {
                if (imp.level() > 0 || imp.module() == null) {
                    continue;
                }
                int dot = imp.module().indexOf('.');
                String top = dot < 0 ? imp.module() : imp.module().substring(0, dot);
                if (!thirdParty(project, importable, top)) {
                    continue;
                }
                files.computeIfAbsent(top, k -> new HashSet<>()).add(f.path());
                Hit h = first.get(top);
                if (h == null || h.file().equals(f.path()) && imp.line() < h.line()) {
                    first.put(top, new Hit(f.path(), imp.line(), top, imp.render()));
                }
            }
        }
        List<Hit> out = new ArrayList<>();
        first.forEach((top, h) -> {
            int n = files.get(top).size();
            out.add(new Hit(h.file(), h.line(), top, top + " (" + n + (n == 1 ? " file" : " files") + "): " + h.text()));
        });
        return out;
    }

    private static Set<String> load() {
        Set<String> out = WordList.read(FindDependenciesTool.class, "stdlib-modules.txt");
        if (out.isEmpty()) {
            throw new IllegalStateException("resource stdlib-modules.txt missing from the agent module");
        }
        return out;
    }
}
