package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * {@code sys.stdlib_module_names}), one of the project's own modules ({@link Project#isModule}), or the stem of a
 * Python file or the name of a folder holding one ({@link #localNames}: tests importing a sibling helper module). Relative imports
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
     * The stems of the repository's Python files and the names of the folders that hold them: a name that a
     * {@code sys.path} entry could make importable ({@code tests/helpers.py} for a test's {@code import helpers}).
     */
    Set<String> localNames() {
        Path root = index.sandbox().root();
        Set<String> out = new HashSet<>();
        for (Path f : index.paths(root)) {
            String[] parts = root.relativize(f).toString().replace(java.io.File.separatorChar, '/').split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                out.add(parts[i]);
            }
            String last = parts[parts.length - 1];
            out.add(last.endsWith(".py") ? last.substring(0, last.length() - 3) : last);
        }
        return out;
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        Project project = index.project();
        Set<String> local = localNames();
        Map<String, Hit> first = new LinkedHashMap<>();
        Map<String, Set<String>> files = new LinkedHashMap<>();
        List<PythonFile> scope = new ArrayList<>(files(args));
        scope.sort((a, b) -> a.path().compareTo(b.path()));
        for (PythonFile f : scope) {
            for (PyImport imp : f.imports()) {
                if (imp.level() > 0 || imp.module() == null) {
                    continue;
                }
                int dot = imp.module().indexOf('.');
                String top = dot < 0 ? imp.module() : imp.module().substring(0, dot);
                if (!thirdParty(project, local, top)) {
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
        Set<String> out = new HashSet<>();
        try (InputStream in = FindDependenciesTool.class.getResourceAsStream("stdlib-modules.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource stdlib-modules.txt missing from the agent module");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
