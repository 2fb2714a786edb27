package dev.ferret.agent.python;

/**
 * One imported name of an import statement; {@code import a, b} and {@code from m import x, y} give two each.
 *
 * @param line       1-based line of the statement's {@code import} or {@code from} keyword
 * @param fromImport true for {@code from ... import ...}
 * @param level      number of leading dots of a relative {@code from} import; 0 for absolute imports
 * @param module     {@code import a.b} gives {@code a.b}; {@code from a.b import c} gives {@code a.b};
 *                   {@code from . import c} gives {@code null}
 * @param name       the name after {@code import} in a {@code from} import ({@code *} for a star import);
 *                   {@code null} for a plain {@code import}
 * @param alias      the {@code as} name, or {@code null}
 * @param moduleLevel true when the statement is not inside a {@code def} or {@code class} (module-level
 *                   {@code if}/{@code try} blocks count as module level)
 */
public record PyImport(int line, boolean fromImport, int level, String module, String name, String alias,
                       boolean moduleLevel) {

    /** A module-level import. */
    public PyImport(int line, boolean fromImport, int level, String module, String name, String alias) {
        this(line, fromImport, level, module, name, alias, true);
    }

    /** The name this import binds in the file's namespace, or null for a star import. */
    public String boundName() {
        if (alias != null) {
            return alias;
        }
        if (!fromImport) {
            int dot = module.indexOf('.');
            return dot < 0 ? module : module.substring(0, dot);
        }
        return "*".equals(name) ? null : name;
    }

    /**
     * What {@link #boundName()} denotes: the module for {@code import a.b as x} ({@code a.b}), the top package for
     * {@code import a.b} ({@code a}), {@code module.name} for an absolute {@code from} import. A relative import keeps
     * its leading dots ({@code from .util import x} gives {@code .util.x}), so it never equals an absolute name.
     */
    public String target() {
        if (!fromImport) {
            return alias != null ? module : boundName();
        }
        String base = ".".repeat(level) + (module == null ? "" : module);
        return base.isEmpty() || base.endsWith(".") ? base + name : base + "." + name;
    }

    /**
     * True if this absolute import brings in module {@code m} or one of its submodules: {@code import m},
     * {@code import m.sub}, {@code from m import x}, {@code from m.sub import x}, and also {@code from p import m}
     * when {@code m} is {@code p.m}. Relative imports never match.
     */
    public boolean importsModule(String m) {
        if (level > 0 || module == null) {
            return false;
        }
        if (within(module, m)) {
            return true;
        }
        return fromImport && name != null && !"*".equals(name) && within(module + "." + name, m);
    }

    private static boolean within(String candidate, String m) {
        return candidate.equals(m) || (candidate.startsWith(m) && candidate.length() > m.length()
                && candidate.charAt(m.length()) == '.');
    }

    /** The statement as source-like text ({@code from requests.adapters import HTTPAdapter as A}). */
    public String render() {
        if (!fromImport) {
            return "import " + module + (alias == null ? "" : " as " + alias);
        }
        return "from " + ".".repeat(level) + (module == null ? "" : module) + " import " + name
                + (alias == null ? "" : " as " + alias);
    }
}
