package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code find_imports}: the import statements that bring in a module, one line per statement. A statement counts
 * when {@link PyImport#importsModule} holds: {@code import requests}, {@code import requests.adapters},
 * {@code import requests as r}, {@code from requests import x}, {@code from requests.auth import y}, at any depth
 * (functions, {@code try}, {@code if TYPE_CHECKING}). Relative imports ({@code from . import requests},
 * {@code from .requests import x}), other packages' submodules ({@code from vendor.requests import x}), other
 * modules with the same prefix ({@code requests_toolbelt}) and text in strings or comments do not.
 *
 * <p><b>Through the project's own modules.</b> A {@code from} import of a name that a project module re-exports from
 * the module counts too ({@code from .compat import requests}, {@code from shop.http import Session} when
 * {@code shop/http.py} did {@code from requests import Session}), with a note naming the files it came through
 * ({@code [requests via shop/http.py]}); names are followed as {@link Project} describes. Importing a project module
 * that itself uses the module ({@code from shop import http}, or {@code http}'s own functions) does not: that file
 * uses a wrapper, and the wrapper is the file that imports the module. Star imports are not followed here.
 * Output: {@code pkg/mod.py:3: import requests}.
 */
public final class FindImportsTool extends PythonSearchTool {

    public FindImportsTool(PythonIndex index) {
        super(index, "imports", new Params("find_imports",
                "Find the files and lines that import a Python module (import x, import x.y, from x import y; "
                + "relative imports excluded); prints file:line: import statement.")
                .string("module", true, "module name, e.g. requests or os.path"));
    }

    /** The module argument, normalised ({@code "import requests"} and {@code "requests library"} are accepted). */
    static String module(JsonNode args) throws ToolException {
        String m = Args.required(args, "module", "requests").replaceFirst("^(?:from|import)\\s+", "").replaceFirst("\\s+(?:library|package|module)$", "").strip();
        if (!DOTTED_NAME.matcher(m).matches()) {
            throw new ToolException("module must be a dotted module name like requests or os.path, got: " + m);
        }
        return m;
    }

    /** The modules the files import absolutely, with every dotted prefix ({@code os.path} gives {@code os} too). */
    @Override
    public Set<String> names(String parameter) {
        if (!parameter.equals("module")) {
            return Set.of();
        }
        return allNames(f -> f.imports().stream().filter(i -> i.level() == 0 && i.module() != null).flatMap(i -> {
            String[] parts = i.module().split("\\.");
            return java.util.stream.IntStream.rangeClosed(1, parts.length)
                    .mapToObj(n -> String.join(".", java.util.Arrays.copyOf(parts, n)));
        }));
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String module = module(args);
        List<PythonFile> files = files(args);
        Project project = index.project();
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files) {
            Map<Integer, List<PyImport>> byLine = new LinkedHashMap<>();
            Map<Integer, Set<String>> vias = new LinkedHashMap<>();
            for (PyImport imp : f.imports()) {
                if (imp.importsModule(module)) {
                    byLine.computeIfAbsent(imp.line(), k -> new ArrayList<>()).add(imp);
                    continue;
                }
                String via = reexport(project, f, imp, module);
                if (via != null) {
                    byLine.computeIfAbsent(imp.line(), k -> new ArrayList<>()).add(imp);
                    vias.computeIfAbsent(imp.line(), k -> new LinkedHashSet<>()).add(via);
                }
            }
            byLine.forEach((line, imps) -> {
                Set<String> v = vias.get(line);
                hits.add(new Hit(f.path(), line, module, render(imps),
                        v == null ? "" : module + " via " + String.join(", ", v)));
            });
        }
        return hits;
    }

    /**
     * The files a {@code from} import's name came through when it resolves, through project modules, to the module
     * or something in it ({@code "shop/http.py"}), else {@code null}.
     */
    static String reexport(Project project, PythonFile f, PyImport imp, String module) {
        if (!imp.fromImport() || "*".equals(imp.name())) {
            return null;
        }
        String target = project.absoluteTarget(f, imp);
        if (target.startsWith(".")) {
            return null;
        }
        for (Target t : project.resolveAbsolute(target)) {
            if (t.kind() == Target.Kind.EXTERNAL && !t.via().isEmpty()
                    && (t.name().equals(module) || t.name().startsWith(module + "."))) {
                return String.join(", ", t.via());
            }
        }
        return null;
    }

    /** One line per statement: names of a from-import are joined ({@code from requests import get, post}). */
    static String render(List<PyImport> imps) {
        StringBuilder sb = new StringBuilder(imps.getFirst().render());
        for (int i = 1; i < imps.size(); i++) {
            PyImport prev = imps.get(i - 1);
            PyImport imp = imps.get(i);
            if (imp.fromImport() && prev.fromImport() && imp.level() == prev.level()
                    && java.util.Objects.equals(imp.module(), prev.module())) {
                sb.append(", ").append(imp.name()).append(imp.alias() == null ? "" : " as " + imp.alias());
            } else if (!imp.fromImport() && !prev.fromImport()) {
                sb.append(", ").append(imp.module()).append(imp.alias() == null ? "" : " as " + imp.alias());
            } else {
                sb.append("; ").append(imp.render());
            }
        }
        return sb.toString();
    }
}
