package dev.ferret.agent.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts about classes that need the project's other classes: indirect bases and exception classes. One instance
 * serves one search (its memo is not shared).
 *
 * <ul>
 *   <li><b>Indirect base.</b> A class has base B indirectly when one of its bases matches B, or resolves to a project
 *       class that has base B (directly or indirectly). Bases that resolve outside the project end the chain.</li>
 *   <li><b>Exception class.</b> A class is an exception class when one of its bases resolves to a project exception
 *       class, or to a name outside the project whose last part ends in {@code Error}, {@code Exception} or
 *       {@code Warning} or is one of the builtin exceptions named otherwise ({@link #OTHER_BUILTIN_EXCEPTIONS}).
 *       A base that names a project attribute which is not a class (an alias the scanner could not follow) is judged
 *       by its last part the same way.</li>
 * </ul>
 */
public final class ClassFacts {
    /** The builtin exceptions whose names do not end in Error, Exception or Warning. */
    public static final Set<String> OTHER_BUILTIN_EXCEPTIONS = Set.of("BaseExceptionGroup", "ExceptionGroup",
            "GeneratorExit", "KeyboardInterrupt", "SystemExit", "StopIteration", "StopAsyncIteration");

    private final Project project;
    private final Map<String, Boolean> exceptions = new HashMap<>();

    public ClassFacts(Project project) {
        this.project = project;
    }

    /** The targets of a class's bases, in order. */
    public List<List<Target>> bases(PythonFile f, PyClass c) {
        List<List<Target>> out = new ArrayList<>(c.bases().size());
        for (PyReference b : c.bases()) {
            out.add(project.resolve(f, b));
        }
        return out;
    }

    /** A direct match: the first base target that {@code m} accepts, or {@code null}. */
    public Target directBase(PythonFile f, PyClass c, Matchers.RefMatcher m) {
        for (PyReference b : c.bases()) {
            Target t = m.match(b, project.resolve(f, b));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** An indirect match and the project classes passed on the way (nearest first). */
    public record Path(Target matched, List<String> through) {
    }

    /** A match at any depth (the class itself first), or {@code null}. */
    public Path anyBase(PythonFile f, PyClass c, Matchers.RefMatcher m) {
        return anyBase(f, c, m, new HashSet<>(), 0);
    }

    private Path anyBase(PythonFile f, PyClass c, Matchers.RefMatcher m, Set<String> seen, int depth) {
        if (depth > Project.MAX_DEPTH || !seen.add(f.path() + ":" + c.line())) {
            return null;
        }
        Target direct = directBase(f, c, m);
        if (direct != null) {
            return new Path(direct, List.of());
        }
        for (PyReference b : c.bases()) {
            for (Target t : project.resolve(f, b)) {
                if (t.kind() == Target.Kind.PROJECT_CLASS) {
                    Path up = anyBase(t.file(), t.cls(), m, seen, depth + 1);
                    if (up != null) {
                        List<String> through = new ArrayList<>();
                        through.add(t.cls().qualifiedName());
                        through.addAll(up.through());
                        return new Path(up.matched(), through);
                    }
                }
            }
        }
        return null;
    }

    /** True for an exception class (see the class comment). */
    public boolean isException(PythonFile f, PyClass c) {
        return isException(f, c, new HashSet<>(), 0);
    }

    private boolean isException(PythonFile f, PyClass c, Set<String> seen, int depth) {
        String key = f.path() + ":" + c.line() + ":" + c.qualifiedName();
        Boolean known = exceptions.get(key);
        if (known != null) {
            return known;
        }
        if (depth > Project.MAX_DEPTH || !seen.add(key)) {
            return false;
        }
        boolean result = false;
        for (PyReference b : c.bases()) {
            for (Target t : project.resolve(f, b)) {
                result = switch (t.kind()) {
                    case PROJECT_CLASS -> isException(t.file(), t.cls(), seen, depth + 1);
                    case EXTERNAL, PROJECT_NAME, UNRESOLVED -> exceptionName(t.simpleName());
                    case PROJECT_FUNCTION, PROJECT_MODULE -> false;
                };
                if (result) {
                    break;
                }
            }
            if (result) {
                break;
            }
        }
        exceptions.put(key, result);
        return result;
    }

    /** True for a name that denotes an exception by the naming rule. */
    public static boolean exceptionName(String simple) {
        return simple.endsWith("Error") || simple.endsWith("Exception") || simple.endsWith("Warning")
                || OTHER_BUILTIN_EXCEPTIONS.contains(simple);
    }
}
