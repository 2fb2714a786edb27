package dev.ferret.agent.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository's own Python modules, and how a name written in one file resolves through them: the answer to
 * "which Protocol is this?" when a file imports it from its own compatibility module.
 *
 * <p><b>Module names.</b> A directory is a package when it holds {@code __init__.py}. A file in a package is named by
 * the chain of packages above it and its own name ({@code shop/net/http.py} is {@code shop.net.http}, a package's
 * {@code __init__.py} is the package); the chain stops at the first directory that is not a package. When the
 * repository root itself holds {@code __init__.py}, the root is a package named after its folder. A file outside any
 * package is a module only at the root ({@code setup.py} is {@code setup}); elsewhere (a {@code tests/} folder without
 * {@code __init__.py}) it is not importable, and its relative imports do not resolve. Two files with one module
 * name are one module (their namespaces are joined).
 *
 * <p><b>Names in a file.</b> A file's names are bound by its imports at any depth (as {@link PythonFile} describes;
 * a relative import is made absolute from the file's package), by its module-level {@code class} and {@code def}
 * statements, by its module-level assignments of a dotted name ({@code Protocol = typing_extensions.Protocol}),
 * and by its star imports of project modules (the names that module exports: its {@code __all__} when it has one,
 * else its module-level names not starting with {@code _}). A name bound several times denotes every target.
 * An unbound name stands for itself (a builtin, or a global defined some other way).
 *
 * <p><b>Names in a module</b> (what {@code from m import x} or {@code m.x} reaches): the same, with only the module's
 * module-level imports. An absolute name {@code a.b.c} is split at its longest prefix that is a project module; the
 * rest is looked up in that module's names and followed on; a name with no project module prefix is outside the
 * project. A chain stops ({@link Target.Kind#UNRESOLVED}) after {@value #MAX_DEPTH} steps or when it comes back to a
 * name it is still following.
 *
 * <p>Each {@link Target} records the project files whose bindings were followed ("via shop/compat.py"), so answers
 * can say where a name came from. Instances are immutable once built and safe to share between threads.
 */
public final class Project {
    /** The longest chain of bindings followed. */
    public static final int MAX_DEPTH = 24;

    private final Map<String, PythonFile> byPath = new LinkedHashMap<>();
    private final Map<String, String> moduleOf = new HashMap<>();
    private final Map<String, List<PythonFile>> modules = new HashMap<>();
    private final Map<String, Map<String, List<Binding>>> fileScopes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<Binding>>> moduleScopes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> exportCache = new ConcurrentHashMap<>();
    private final Map<String, List<Target>> cache = new ConcurrentHashMap<>();
    private final Map<String, PyClass> classesByName = new HashMap<>();
    private final Map<String, PythonFile> classFiles = new HashMap<>();

    /** What binds a name: an import target, a definition, or an alias assignment. */
    private sealed interface Binding {
    }

    private record ImportBinding(String target, PythonFile file) implements Binding {
    }

    private record ClassBinding(PythonFile file, PyClass cls) implements Binding {
    }

    private record FunctionBinding(PythonFile file, PyFunction fn) implements Binding {
    }

    private record AliasBinding(PythonFile file, String dotted) implements Binding {
    }

    private record StarBinding(String module, PythonFile file) implements Binding {
    }

    private Project(List<PythonFile> files, String rootName) {
        Set<String> packages = new HashSet<>();
        for (PythonFile f : files) {
            byPath.put(f.path(), f);
            if (f.isPackageInit()) {
                packages.add(parent(f.path()));
            }
        }
        for (PythonFile f : files) {
            String m = moduleName(f.path(), packages, rootName);
            if (m != null) {
                moduleOf.put(f.path(), m);
                modules.computeIfAbsent(m, k -> new ArrayList<>()).add(f);
            }
            for (PyClass c : f.classes()) {
                String name = key(f) + "." + c.qualifiedName();
                classesByName.putIfAbsent(name, c);
                classFiles.putIfAbsent(name, f);
            }
        }
    }

    /**
     * The project of a repository's Python files.
     *
     * @param files    every Python file of the repository (paths relative to its root)
     * @param rootName the root folder's name, the package name when the root holds {@code __init__.py}
     */
    public static Project of(List<PythonFile> files, String rootName) {
        return new Project(files, rootName);
    }

    /** The module name of a file, or {@code null} when it is not importable. */
    public String moduleName(PythonFile f) {
        return moduleOf.get(f.path());
    }

    /** The module name of a file, or {@code <path>} when it is not importable. */
    public String key(PythonFile f) {
        String m = moduleOf.get(f.path());
        return m != null ? m : "<" + f.path() + ">";
    }

    /** True when {@code name} is one of the project's modules. */
    public boolean isModule(String name) {
        return modules.containsKey(name);
    }

    /** The files of a module (usually one), or an empty list. */
    public List<PythonFile> moduleFiles(String name) {
        return modules.getOrDefault(name, List.of());
    }

    /** The project class with this canonical name ({@code module.Qualified}), or {@code null}. */
    public PyClass projectClass(String name) {
        return classesByName.get(name);
    }

    /** The file of the project class with this canonical name, or {@code null}. */
    public PythonFile projectClassFile(String name) {
        return classFiles.get(name);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String moduleName(String path, Set<String> packages, String rootName) {
        String dir = parent(path);
        String file = path.substring(path.lastIndexOf('/') + 1);
        String stem = file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
        boolean init = stem.equals("__init__");
        if (!packages.contains(dir)) {
            return dir.isEmpty() && !init && isIdentifier(stem) ? stem : null;
        }
        List<String> parts = new ArrayList<>();
        String d = dir;
        while (packages.contains(d)) {
            String name = d.isEmpty() ? rootName : d.substring(d.lastIndexOf('/') + 1);
            if (name == null || !isIdentifier(name)) {
                return null;
            }
            parts.addFirst(name);
            if (d.isEmpty()) {
                break;
            }
            d = parent(d);
        }
        if (!init) {
            if (!isIdentifier(stem)) {
                return null;
            }
            parts.add(stem);
        }
        return String.join(".", parts);
    }

    /** A name usable as a Python identifier: Java's identifier characters per UTF-16 unit, without {@code $}. */
    static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) || s.charAt(0) == '$') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isJavaIdentifierPart(c) || c == '$') {
                return false;
            }
        }
        return true;
    }

    /** The package a file's relative imports start from, or {@code null}. */
    private String packageOf(PythonFile f) {
        String m = moduleOf.get(f.path());
        if (m == null) {
            return null;
        }
        if (f.isPackageInit()) {
            return m;
        }
        int dot = m.lastIndexOf('.');
        return dot < 0 ? null : m.substring(0, dot);
    }

    /** The absolute target of an import ({@link PyImport#target()} with the leading dots replaced), or the raw target. */
    String absoluteTarget(PythonFile f, PyImport imp) {
        String t = imp.target();
        if (imp.level() == 0 || !imp.fromImport()) {
            return t;
        }
        String base = absoluteModule(f, imp.level(), imp.module());
        if (base == null) {
            return t;
        }
        return base + "." + imp.name();
    }

    /**
     * The absolute module of a {@code from} import ({@code from ..a import x} in pkg.sub.mod gives pkg.a; an absolute
     * one gives its module), or {@code null} when a relative import leaves the top package.
     */
    public String absoluteModule(PythonFile f, int level, String module) {
        if (level == 0) {
            return module;
        }
        String pkg = packageOf(f);
        if (pkg == null) {
            return null;
        }
        String[] parts = pkg.split("\\.");
        int keep = parts.length - (level - 1);
        if (keep < 1) {
            return null;
        }
        String base = String.join(".", java.util.Arrays.copyOf(parts, keep));
        return module == null ? base : base + "." + module;
    }

    // ------------------------------------------------------------------ scopes

    /** A file's own names: imports at any depth, module-level definitions and aliases, project star imports. */
    private Map<String, List<Binding>> fileScope(PythonFile f) {
        return fileScopes.computeIfAbsent(f.path(), p -> scope(List.of(f), false));
    }

    /** A module's names: as {@link #fileScope} with only module-level imports. */
    private Map<String, List<Binding>> moduleScope(String module) {
        return moduleScopes.computeIfAbsent(module, m -> scope(moduleFiles(m), true));
    }

    private static final String STAR = "*";

    private Map<String, List<Binding>> scope(List<PythonFile> files, boolean moduleLevelOnly) {
        Map<String, List<Binding>> s = new HashMap<>();
        for (PythonFile f : files) {
            for (PyImport imp : f.imports()) {
                if (moduleLevelOnly && !imp.moduleLevel()) {
                    continue;
                }
                if (imp.fromImport() && "*".equals(imp.name())) {
                    String m = absoluteModule(f, imp.level(), imp.module());
                    if (m != null && isModule(m)) {
                        s.computeIfAbsent(STAR, k -> new ArrayList<>()).add(new StarBinding(m, f));
                    }
                    continue;
                }
                String name = imp.boundName();
                if (name != null) {
                    String target = imp.fromImport() ? absoluteTarget(f, imp)
                            : imp.alias() != null ? imp.module() : name;
                    s.computeIfAbsent(name, k -> new ArrayList<>()).add(new ImportBinding(target, f));
                }
            }
            for (PyClass c : f.classes()) {
                if (c.qualifiedName().equals(c.name())) {
                    s.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(new ClassBinding(f, c));
                }
            }
            for (PyFunction fn : f.functions()) {
                if (fn.qualifiedName().equals(fn.name())) {
                    s.computeIfAbsent(fn.name(), k -> new ArrayList<>()).add(new FunctionBinding(f, fn));
                }
            }
            for (PyAssignment a : f.assignments()) {
                if (a.alias() != null && !a.alias().equals(a.name())) {
                    s.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(new AliasBinding(f, a.alias()));
                } else {
                    s.computeIfAbsent(a.name(), k -> new ArrayList<>());
                }
            }
        }
        return s;
    }

    /**
     * The names a star import of {@code module} brings in: its {@code __all__} when it assigns one, else its
     * module-level names that do not start with {@code _} (names from its own star imports included).
     */
    public Set<String> exports(String module) {
        Set<String> cached = exportCache.get(module);
        if (cached != null) {
            return cached;
        }
        Set<String> out = exports(module, new HashSet<>());
        exportCache.put(module, out);
        return out;
    }

    private Set<String> exports(String module, Set<String> visiting) {
        if (!visiting.add(module)) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        boolean hasAll = false;
        for (PythonFile f : moduleFiles(module)) {
            for (PyAssignment a : f.assignments()) {
                hasAll |= a.name().equals("__all__");
            }
            hasAll |= !f.exports().isEmpty();
            f.exports().forEach(e -> out.add(e.name()));
        }
        if (hasAll) {
            return out;
        }
        Map<String, List<Binding>> scope = moduleScope(module);
        for (String name : scope.keySet()) {
            if (!name.startsWith("_") && !name.equals(STAR)) {
                out.add(name);
            }
        }
        for (Binding b : scope.getOrDefault(STAR, List.of())) {
            out.addAll(exports(((StarBinding) b).module(), visiting));
        }
        return out;
    }

    // ------------------------------------------------------------------ resolution

    /** What {@code ref} (a base, decorator or raised name written in {@code file}) denotes; empty without a dotted name. */
    public List<Target> resolve(PythonFile file, PyReference ref) {
        return ref == null || ref.dotted() == null ? List.of() : resolve(file, ref.dotted());
    }

    /** What the dotted name {@code dotted}, written in {@code file}, denotes; never empty. */
    public List<Target> resolve(PythonFile file, String dotted) {
        String k = file.path() + "\u0000" + dotted;
        List<Target> r = cache.get(k);
        if (r == null) {
            r = List.copyOf(resolveIn(file, dotted, 0, new HashSet<>()));
            cache.put(k, r);
        }
        return r;
    }

    /** What the absolute name {@code name} (an import target) denotes; never empty. */
    public List<Target> resolveAbsolute(String name) {
        return List.copyOf(resolveAbsolute(name, 0, new HashSet<>()));
    }

    private List<Target> resolveIn(PythonFile f, String dotted, int depth, Set<String> visiting) {
        int dot = dotted.indexOf('.');
        String head = dot < 0 ? dotted : dotted.substring(0, dot);
        String tail = dot < 0 ? "" : dotted.substring(dot);
        String mark = f.path() + "|" + dotted;
        if (depth > MAX_DEPTH || !visiting.add(mark)) {
            return List.of(new Target(Target.Kind.UNRESOLVED, dotted, null, null, List.of()));
        }
        List<Target> out = inScope(fileScope(f), head, tail, null, depth, visiting);
        visiting.remove(mark);
        if (out.isEmpty()) {
            out.add(Target.external(dotted, List.of()));
        }
        return dedupe(out);
    }

    private List<Target> resolveAbsolute(String name, int depth, Set<String> visiting) {
        String mark = "|" + name;
        if (depth > MAX_DEPTH || visiting.contains(mark)) {
            return List.of(new Target(Target.Kind.UNRESOLVED, name, null, null, List.of()));
        }
        String module = longestModulePrefix(name);
        if (module == null) {
            return List.of(Target.external(name, List.of()));
        }
        if (module.length() == name.length()) {
            return List.of(new Target(Target.Kind.PROJECT_MODULE, name, moduleFiles(module).getFirst(), null, List.of()));
        }
        visiting.add(mark);
        String rest = name.substring(module.length() + 1);
        int dot = rest.indexOf('.');
        String head = dot < 0 ? rest : rest.substring(0, dot);
        String tail = dot < 0 ? "" : rest.substring(dot);
        List<Target> out = inScope(moduleScope(module), head, tail, moduleFiles(module).getFirst().path(), depth, visiting);
        visiting.remove(mark);
        if (out.isEmpty()) {
            out.add(new Target(Target.Kind.PROJECT_NAME, name, null, null, List.of()));
        }
        return dedupe(out);
    }

    /**
     * What {@code head} (then {@code tail}) names in {@code scope}: each of its bindings followed, or, when it has none,
     * what the scope's star imports export under that name; {@code through} is the module file of the scope (or null).
     */
    private List<Target> inScope(Map<String, List<Binding>> scope, String head, String tail, String through,
                                 int depth, Set<String> visiting) {
        List<Binding> bindings = scope.getOrDefault(head, List.of());
        if (bindings.isEmpty()) {
            return fromStars(scope, head, tail, through, depth, visiting);
        }
        List<Target> out = new ArrayList<>();
        for (Binding b : bindings) {
            out.addAll(follow(b, head, tail, through, depth, visiting));
        }
        return out;
    }

    private List<Target> fromStars(Map<String, List<Binding>> scope, String head, String tail, String through,
                                   int depth, Set<String> visiting) {
        List<Target> out = new ArrayList<>();
        for (Binding b : scope.getOrDefault(STAR, List.of())) {
            StarBinding s = (StarBinding) b;
            if (exports(s.module()).contains(head)) {
                for (Target t : resolveAbsolute(s.module() + "." + head + tail, depth + 1, visiting)) {
                    out.add(t.through(through == null ? null : through));
                }
            }
        }
        return out;
    }

    /** Follows one binding of {@code head}; {@code through} is the module file whose namespace held it (or null). */
    private List<Target> follow(Binding b, String head, String tail, String through, int depth, Set<String> visiting) {
        List<Target> out = new ArrayList<>();
        switch (b) {
            case ImportBinding i -> {
                if (i.target().startsWith(".")) {
                    out.add(new Target(Target.Kind.UNRESOLVED, i.target() + tail, null, null, List.of()));
                } else {
                    for (Target t : resolveAbsolute(i.target() + tail, depth + 1, visiting)) {
                        out.add(t.through(through));
                    }
                }
            }
            case AliasBinding a -> {
                for (Target t : resolveIn(a.file(), a.dotted() + tail, depth + 1, visiting)) {
                    out.add(t.through(through != null ? through : null));
                }
            }
            case ClassBinding c -> {
                String qualified = c.cls().qualifiedName() + tail;
                String name = key(c.file()) + "." + qualified;
                PyClass cls = tail.isEmpty() ? c.cls() : classesByName.get(name);
                PythonFile cf = tail.isEmpty() ? c.file() : classFiles.get(name);
                out.add(cls != null && cf == c.file()
                        ? new Target(Target.Kind.PROJECT_CLASS, name, c.file(), cls, List.of())
                        : new Target(Target.Kind.PROJECT_NAME, name, c.file(), null, List.of()));
            }
            case FunctionBinding fb -> out.add(new Target(tail.isEmpty() ? Target.Kind.PROJECT_FUNCTION
                    : Target.Kind.PROJECT_NAME, key(fb.file()) + "." + head + tail, fb.file(), null, List.of()));
            case StarBinding s -> {
                // stars are looked up through fromStars
            }
        }
        return out;
    }

    private String longestModulePrefix(String name) {
        String candidate = name;
        while (true) {
            if (modules.containsKey(candidate)) {
                return candidate;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            candidate = candidate.substring(0, dot);
        }
    }

    private static List<Target> dedupe(List<Target> targets) {
        if (targets.size() < 2) {
            return targets;
        }
        Map<String, Target> seen = new LinkedHashMap<>();
        for (Target t : targets) {
            seen.putIfAbsent(t.kind() + " " + t.name(), t);
        }
        return new ArrayList<>(seen.values());
    }

    /** The file with this path, or {@code null}. */
    public PythonFile file(String path) {
        return byPath.get(path);
    }

    /** Every file of the project, in path order. */
    public List<PythonFile> files() {
        return List.copyOf(byPath.values());
    }
}
