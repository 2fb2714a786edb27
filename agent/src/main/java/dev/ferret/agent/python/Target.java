package dev.ferret.agent.python;

import java.util.ArrayList;
import java.util.List;

/**
 * What a name in a file finally denotes after {@link Project} followed it through the repository's own modules.
 *
 * @param kind the kind of thing reached
 * @param name the absolute dotted name: {@code typing.Protocol} for an outside name, {@code shop.models.Money} for a
 *             class of the project (module name and qualified name; a file that is not importable uses
 *             {@code <path>} as its module name), or the name as written when it cannot be resolved
 * @param file the project file that defines it (project classes and functions), else {@code null}
 * @param cls  the class, for {@link Kind#PROJECT_CLASS}, else {@code null}
 * @param via  the project files whose bindings were followed to get here, in order (empty when the file's own
 *             import or definition was enough)
 */
public record Target(Kind kind, String name, PythonFile file, PyClass cls, List<String> via) {
    /** What a resolved name is. */
    public enum Kind {
        /** Outside the project (another library, the standard library, a builtin, or an unbound global). */
        EXTERNAL,
        /** A class defined in a project file. */
        PROJECT_CLASS,
        /** A function defined at module level in a project file. */
        PROJECT_FUNCTION,
        /** A project module (a file, or a package's {@code __init__.py}). */
        PROJECT_MODULE,
        /** Some other attribute of a project module (a variable, a name the module does not bind). */
        PROJECT_NAME,
        /** A relative import that leaves the top-level package, or a name past the resolution depth. */
        UNRESOLVED
    }

    public Target {
        via = List.copyOf(via);
    }

    static Target external(String name, List<String> via) {
        return new Target(Kind.EXTERNAL, name, null, null, via);
    }

    /** The same target reached through {@code file} first. */
    Target through(String file) {
        if (file == null || (!via.isEmpty() && via.getFirst().equals(file))) {
            return this;
        }
        List<String> v = new ArrayList<>(via.size() + 1);
        v.add(file);
        v.addAll(via);
        return new Target(kind, name, this.file, cls, v);
    }

    /** The last segment of the name. */
    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** "via a.py" or "via a.py, b.py"; empty when nothing was passed through. */
    public String viaText() {
        return via.isEmpty() ? "" : "via " + String.join(", ", via);
    }
}
