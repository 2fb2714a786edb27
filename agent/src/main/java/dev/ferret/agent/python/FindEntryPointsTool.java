package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code find_entry_points}: what runs as a program.
 *
 * <p>Python files, one hit per file: at its first {@code if __name__ == "__main__":} outside any def or class
 * ({@link PythonFile#mainGuards}), else, for a {@code __main__.py} (what {@code python -m package} runs), at line 1.
 * The hit's name is the file's path without {@code .py}, dots for slashes. Output:
 * {@code tools/build.py:88: if __name__ == "__main__":} or {@code pkg/__main__.py:1: __main__.py (python -m pkg)}.
 *
 * <p>Console and GUI scripts declared in packaging metadata, one hit per script, at the line declaring it, named by
 * the command: {@code [project.scripts]}, {@code [project.gui-scripts]} and {@code [tool.poetry.scripts]} of a
 * {@code pyproject.toml}, {@code console_scripts} and {@code gui_scripts} in {@code [options.entry_points]} of a
 * {@code setup.cfg}, and the {@code "console_scripts"} and {@code "gui_scripts"} keys of the dict displays of a
 * {@code setup.py} (list or tuple displays of string literals: {@code setup(entry_points={...})} or a dict passed by
 * name; not computed values, {@code dict(...)} calls nor the INI-string form), anywhere in the repository (the folders
 * the Python file walk skips are skipped here too), read as {@link PackagingScripts} describes (a subset of TOML:
 * one-line string values only; {@code setup.py} is tokenized, never run).
 * When the target's function is a module-level def of a project module (followed through re-exports as
 * {@link Project#resolveAbsolute} does), the note says where. Output:
 * {@code pyproject.toml:12: script mytool = mypkg.cli:main  [defined at src/mypkg/cli.py:40]}. A metadata file that
 * is binary or cannot be read is passed over.
 */
public final class FindEntryPointsTool extends PythonSearchTool {
    public FindEntryPointsTool(PythonIndex index) {
        super(index, "entry points", new Params("find_entry_points",
                "List what runs as a program: if __name__ == \"__main__\": blocks, __main__.py files, and console/GUI "
                        + "scripts declared in pyproject.toml, setup.cfg or setup.py."));
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
        Project project = null;
        for (Path p : index.metadataPaths(index.sandbox().resolve(Args.text(args, "path")))) {
            String rel = index.sandbox().relative(p);
            List<String> lines = lines(p, rel);
            if (lines == null) {
                continue;
            }
            for (PackagingScripts.Script s : PackagingScripts.read(p.getFileName().toString(), lines)) {
                if (project == null) {
                    project = index.project();
                }
                out.add(new Hit(rel, s.line(), s.name(), (s.gui() ? "gui script " : "script ") + s.name() + " = "
                        + s.target(), definedAt(project, s)));
            }
        }
        return out;
    }

    /** The text lines of a metadata file, or null when it is binary, too large or cannot be read. */
    private static List<String> lines(Path p, String rel) {
        try {
            byte[] data = Sandbox.readPrefix(p, rel, (int) PythonIndex.MAX_FILE_BYTES + 1);
            if (data.length > PythonIndex.MAX_FILE_BYTES || Sandbox.isBinary(data)) {
                return null;
            }
            return Sandbox.splitLines(new String(data, StandardCharsets.UTF_8));
        } catch (IOException | ToolException e) {
            return null;
        }
    }

    /** "defined at pkg/cli.py:12" when the script's target is a module-level def of the project, else empty. */
    static String definedAt(Project project, PackagingScripts.Script s) {
        String module = s.module();
        String object = s.object();
        if (module.isEmpty() || !Project.isIdentifier(object) || !dotted(module)) {
            return "";
        }
        for (Target t : project.resolveAbsolute(module + "." + object)) {
            if (t.kind() == Target.Kind.PROJECT_FUNCTION && t.file() != null) {
                String own = t.simpleName();
                PyFunction fn = t.file().functions().stream()
                        .filter(f -> f.ownerClass() == null && f.qualifiedName().equals(own))
                        .min(Comparator.comparingInt(PyFunction::line)).orElse(null);
                if (fn != null) {
                    return "defined at " + t.file().path() + ":" + fn.line();
                }
            }
        }
        return "";
    }

    private static boolean dotted(String s) {
        for (String part : s.split("\\.", -1)) {
            if (!Project.isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }
}
