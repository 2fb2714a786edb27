package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code list_imports}: what the Python files under {@code path} import, one line per import statement, at any depth
 * ({@code try}, functions, {@code if TYPE_CHECKING}), relative imports too, as written. Each hit is named by the module
 * the statement names ({@code os.path}; a relative one with its dots, {@code .util}, {@code ..}). Without a path, every
 * file's. Output: {@code pkg/sessions.py:3: from .models import Request, Response}.
 */
public final class ListImportsTool extends PythonSearchTool {

    public ListImportsTool(PythonIndex index) {
        super(index, "import statements", new Params("list_imports",
                "List what a Python file, module or folder imports: its import statements (relative ones too), "
                + "one per line; prints file:line: statement. Give the file or folder as path."));
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        List<Hit> hits = new ArrayList<>();
        for (PythonFile f : files(args)) {
            Map<Integer, List<PyImport>> byLine = new LinkedHashMap<>();
            for (PyImport imp : f.imports()) {
                byLine.computeIfAbsent(imp.line(), k -> new ArrayList<>()).add(imp);
            }
            byLine.forEach((line, imps) -> {
                PyImport first = imps.getFirst();
                String module = first.fromImport() ? ".".repeat(first.level()) + (first.module() == null ? "" : first.module())
                        : first.module();
                hits.add(new Hit(f.path(), line, module, FindImportsTool.render(imps)));
            });
        }
        return hits;
    }
}
