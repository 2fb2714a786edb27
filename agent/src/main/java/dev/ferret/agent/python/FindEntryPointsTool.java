package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code find_entry_points}: the files that run as a program, one hit per file: at its first
 * {@code if __name__ == "__main__":} outside any def or class ({@link PythonFile#mainGuards}), else, for a
 * {@code __main__.py} (what {@code python -m package} runs), at line 1. The hit's name is the file's path without
 * {@code .py}, dots for slashes. Output: {@code tools/build.py:88: if __name__ == "__main__":} or
 * {@code pkg/__main__.py:1: __main__.py (python -m pkg)}.
 */
public final class FindEntryPointsTool extends PythonSearchTool {
    public FindEntryPointsTool(PythonIndex index) {
        super(index, "entry points", new Params("find_entry_points",
                "List the files that run as a program: if __name__ == \"__main__\": blocks and __main__.py files."));
    }

    /** The name a file's entry point is listed under: {@code tools/build.py} gives {@code tools.build}. */
    static String name(String path) {
        return (path.endsWith(".py") ? path.substring(0, path.length() - 3) : path).replace('/', '.');
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        List<Hit> out = new ArrayList<>();
        for (PythonFile f : files(args)) {
            if (!f.mainGuards().isEmpty()) {
                out.add(new Hit(f.path(), f.mainGuards().getFirst(), name(f.path()), "if __name__ == \"__main__\":"));
            } else if (f.isMainModule()) {
                String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/')) : "";
                out.add(new Hit(f.path(), 1, name(f.path()), "__main__.py"
                        + (dir.isEmpty() ? "" : " (python -m " + dir.replace('/', '.') + ")")));
            }
        }
        return out;
    }
}
