package dev.ferret.agent.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which defs are test functions, and which of those are skipped ({@code find_functions}' {@code test} and
 * {@code skipped}). One instance serves one search (its memo is not shared).
 *
 * <p><b>Test functions</b> follow pytest's default collection rules and unittest's. A def (async too) whose name starts
 * with {@code test} (case-sensitive, as every name here) is a test function when it is
 * <ol>
 *   <li>outside any class or def (a def in a module-level {@code if} or {@code try} counts), in a test file: one whose
 *       name matches {@code test_*.py} or {@code *_test.py};</li>
 *   <li>directly in the body of a class whose name starts with {@code Test} and whose own body defines no
 *       {@code __init__}, that class outside any class or def or nested only in such classes, in a test file;</li>
 *   <li>directly in the body of a class, anywhere in any file, with a base resolving to one of
 *       {@link Matchers#TEST_CASE_BASES}, directly or through project classes at any depth
 *       ({@link ClassFacts#anyBase}; noted as {@code [TestCase through Base]}).</li>
 * </ol>
 * A def nested in a test function is none. The classes enclosing a def are found by qualified name: for each prefix of
 * the def's qualified name, the last class statement so named above the def.
 *
 * <p><b>Skipped</b> test functions carry a decorator resolving to one of {@link Matchers#SKIP_DECORATORS}, called or
 * not ({@code @pytest.mark.skipif(cond, reason=...)}, {@code @unittest.skip("why")}, {@code @skip} after
 * {@code from unittest import skip}), on the def itself or on any class enclosing it (noted as
 * {@code [skipIf on TestWindows]}). A module-level {@code pytestmark} assignment and {@code pytest.skip()} or
 * {@code self.skipTest()} calls inside a body are not looked at.
 */
final class TestFunctions {
    private final Project project;
    private final ClassFacts facts;
    private final Matchers.RefMatcher testCase = Matchers.exactly(Matchers.TEST_CASE_BASES);
    private final Matchers.RefMatcher skip = Matchers.exactly(Matchers.SKIP_DECORATORS);
    private final Map<String, FileClasses> files = new HashMap<>();

    TestFunctions(Project project) {
        this.project = project;
        this.facts = new ClassFacts(project);
    }

    /** True for a file whose name matches {@code test_*.py} or {@code *_test.py}. */
    static boolean testFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".py") && (name.startsWith("test_") || name.endsWith("_test.py"));
    }

    /** True for a test function (see the class comment); adds a note when a base was matched through other classes. */
    boolean isTest(PythonFile f, PyFunction fn, List<String> notes) {
        if (!fn.name().startsWith("test")) {
            return false;
        }
        boolean testFile = testFile(f.path());
        if (fn.ownerClass() == null) {
            return testFile && fn.qualifiedName().equals(fn.name());
        }
        FileClasses fc = classes(f);
        PyClass owner = fc.at(fn.ownerClass(), fn.line());
        if (owner == null) {
            return false;
        }
        if (testFile && pytestClass(fc, fn.ownerClass(), fn.line())) {
            return true;
        }
        ClassFacts.Path p = facts.anyBase(f, owner, testCase);
        if (p == null) {
            return false;
        }
        FindClassesTool.addPathNotes(notes, p.matched().simpleName(), p);
        return true;
    }

    /**
     * True when a test function is skipped (see the class comment): its own skip decorators are added to
     * {@code decorators}, those of enclosing classes noted.
     */
    boolean isSkipped(PythonFile f, PyFunction fn, Set<PyReference> decorators, List<String> notes) {
        boolean skipped = false;
        for (PyReference d : fn.decorators()) {
            Target t = skip.match(d, project.resolve(f, d));
            if (t != null) {
                decorators.add(d);
                FindClassesTool.addNote(notes, t.simpleName(), t);
                skipped = true;
            }
        }
        FileClasses fc = classes(f);
        String q = fn.qualifiedName();
        for (int dot = q.indexOf('.'); dot >= 0; dot = q.indexOf('.', dot + 1)) {
            PyClass c = fc.at(q.substring(0, dot), fn.line());
            if (c == null) {
                continue;
            }
            for (PyReference d : c.decorators()) {
                Target t = skip.match(d, project.resolve(f, d));
                if (t != null) {
                    notes.add(t.simpleName() + " on " + c.qualifiedName());
                    FindClassesTool.addNote(notes, t.simpleName(), t);
                    skipped = true;
                }
            }
        }
        return skipped;
    }

    /** True when the class so named and each class around it is named Test* and defines no __init__. */
    private static boolean pytestClass(FileClasses fc, String qualified, int line) {
        for (int dot = qualified.indexOf('.'); ; dot = qualified.indexOf('.', dot + 1)) {
            PyClass c = fc.at(dot < 0 ? qualified : qualified.substring(0, dot), line);
            if (c == null || !c.name().startsWith("Test") || fc.withInit().contains(c)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
        }
    }

    private FileClasses classes(PythonFile f) {
        return files.computeIfAbsent(f.path(), p -> FileClasses.of(f));
    }

    /** A file's class statements by qualified name (in source order), and those whose own body defines __init__. */
    private record FileClasses(Map<String, List<PyClass>> byName, Set<PyClass> withInit) {
        static FileClasses of(PythonFile f) {
            Map<String, List<PyClass>> byName = new HashMap<>();
            for (PyClass c : f.classes()) {
                byName.computeIfAbsent(c.qualifiedName(), k -> new ArrayList<>()).add(c);
            }
            FileClasses fc = new FileClasses(byName, new HashSet<>());
            for (PyFunction fn : f.functions()) {
                if (fn.name().equals("__init__") && fn.ownerClass() != null) {
                    PyClass owner = fc.at(fn.ownerClass(), fn.line());
                    if (owner != null) {
                        fc.withInit().add(owner);
                    }
                }
            }
            return fc;
        }

        /** The last class statement with this qualified name above {@code line}, or null. */
        PyClass at(String qualifiedName, int line) {
            PyClass found = null;
            for (PyClass c : byName.getOrDefault(qualifiedName, List.of())) {
                if (c.line() < line) {
                    found = c;
                }
            }
            return found;
        }
    }
}
