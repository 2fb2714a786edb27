package dev.ferret.agent.python;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the tools' {@code base}, {@code decorator}, {@code exception} and {@code name_pattern} arguments match. A
 * reference (a base, decorator or raised name) is compared through what it resolves to ({@link Project}), so a name
 * imported from the project's own compatibility module, re-exported by an {@code __init__.py}, aliased
 * ({@code import typing as t}) or chosen in a {@code try/except ImportError} matches what it really is.
 *
 * <ul>
 *   <li><b>base.</b> {@code Protocol}, {@code typing.Protocol} and {@code typing_extensions.Protocol} all mean typing's
 *       Protocol exactly: a base resolving to {@code typing.Protocol} or {@code typing_extensions.Protocol}. Not
 *       {@code asyncio.Protocol}, not Twisted's Protocol, not a home-made class called Protocol. Likewise any other
 *       {@code typing.X} or {@code typing_extensions.X} matches both modules' X. Any other simple name matches a base
 *       written with that last name, or resolving to a name equal to it or ending in {@code .name} ({@code BaseModel}
 *       matches {@code pydantic.BaseModel} and a project class {@code app.models.BaseModel}); a dotted name matches a
 *       base written so, or resolving to a name equal to it or ending in {@code .name}. A trailing {@code [..]} or
 *       {@code (..)} in the argument is ignored.</li>
 *   <li><b>decorator.</b> {@code dataclass} and {@code dataclasses.dataclass} mean the standard library's decorator
 *       exactly ({@code dataclasses.dataclass}); not pydantic's, attrs' or a home-made one. {@code property} means the
 *       builtin {@code property}, {@code functools.cached_property} or {@code abc.abstractproperty} (not
 *       {@code @x.setter}). Other names match as for base. A leading {@code @} is ignored.</li>
 *   <li><b>enum, abstract.</b> Exact standard-library names: a base resolving to one of {@link #ENUM_BASES}; a base
 *       in {@link #ABSTRACT_BASE}, a metaclass in {@link #ABSTRACT_META}, a method decorator in
 *       {@link #ABSTRACT_METHOD} ({@link FindClassesTool} says how they combine).</li>
 *   <li><b>tests.</b> Exact names too: {@link #STATIC_METHOD}, {@link #TEST_CASE_BASES}, {@link #SKIP_DECORATORS}
 *       ({@link TestFunctions}).</li>
 *   <li><b>name_pattern.</b> With {@code *} or {@code ?}: a glob, matched case-insensitively. Otherwise a
 *       case-insensitive substring. A pattern without a dot is matched against the simple name, one with a dot
 *       against the qualified name.</li>
 * </ul>
 */
public final class Matchers {
    private Matchers() {
    }

    public static final Set<String> PROTOCOL = Set.of("typing.Protocol", "typing_extensions.Protocol");
    public static final String DATACLASS = "dataclasses.dataclass";
    public static final Set<String> PROPERTY = Set.of("property", "builtins.property", "functools.cached_property",
            "abc.abstractproperty");
    public static final Set<String> CONTEXT_MANAGER = Set.of("contextlib.contextmanager",
            "contextlib.asynccontextmanager");
    /** The enum module's classes an enum class derives from (directly or through project classes). */
    public static final Set<String> ENUM_BASES = Set.of("enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag",
            "enum.IntFlag", "enum.ReprEnum");
    /** The base that makes a class abstract. */
    public static final Set<String> ABSTRACT_BASE = Set.of("abc.ABC");
    /** The metaclass that makes a class abstract. */
    public static final Set<String> ABSTRACT_META = Set.of("abc.ABCMeta");
    /** The decorators of abstract methods. */
    public static final Set<String> ABSTRACT_METHOD = Set.of("abc.abstractmethod", "abc.abstractclassmethod",
            "abc.abstractstaticmethod", "abc.abstractproperty");
    /** The decorator that makes a def in a class body take no instance or class as its first parameter. */
    public static final Set<String> STATIC_METHOD = Set.of("staticmethod", "builtins.staticmethod");
    /** The unittest classes a test case class derives from (directly or through project classes). */
    public static final Set<String> TEST_CASE_BASES = Set.of("unittest.TestCase", "unittest.IsolatedAsyncioTestCase",
            "unittest.case.TestCase");
    /** The decorators that skip a test, called or not. */
    public static final Set<String> SKIP_DECORATORS = Set.of("pytest.mark.skip", "pytest.mark.skipif",
            "unittest.skip", "unittest.skipIf", "unittest.skipUnless");

    /**
     * A test on a reference and its resolved targets; returns the target that matched (its {@link Target#via()} says
     * where the name came from), or {@code null}.
     */
    @FunctionalInterface
    public interface RefMatcher {
        Target match(PyReference ref, List<Target> targets);
    }

    /** The matcher for a {@code base} argument. */
    public static RefMatcher base(String query) {
        String q = strip(query);
        if (q.equals("Protocol") || PROTOCOL.contains(q)) {
            return exactly(PROTOCOL);
        }
        String typingName = typingName(q);
        if (typingName != null) {
            return exactly(Set.of("typing." + typingName, "typing_extensions." + typingName));
        }
        return byName(q);
    }

    /** The matcher for a {@code decorator} argument. */
    public static RefMatcher decorator(String query) {
        String q = strip(query);
        if (q.startsWith("@")) {
            q = strip(q.substring(1));
        }
        if (q.equals("dataclass") || q.equals(DATACLASS)) {
            return exactly(Set.of(DATACLASS));
        }
        if (q.equals("property") || PROPERTY.contains(q)) {
            return exactly(PROPERTY);
        }
        return byName(q);
    }

    /** The matcher for names such as an {@code exception} argument: as for a base other than the typing ones. */
    public static RefMatcher named(String query) {
        return byName(strip(query));
    }

    /** Matches a reference resolving to an outside name in {@code names}. */
    public static RefMatcher exactly(Set<String> names) {
        return (ref, targets) -> {
            for (Target t : targets) {
                if (t.kind() == Target.Kind.EXTERNAL && names.contains(t.name())) {
                    return t;
                }
            }
            return null;
        };
    }

    /** The matcher for a {@code name_pattern} argument, applied to (simple name, qualified name). */
    public static NamePredicate name(String pattern) {
        String p = pattern.strip();
        boolean qualified = p.indexOf('.') >= 0;
        if (p.indexOf('*') >= 0 || p.indexOf('?') >= 0) {
            StringBuilder re = new StringBuilder();
            for (char c : p.toCharArray()) {
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            Pattern glob = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return (simple, qualifiedName) -> glob.matcher(qualified ? qualifiedName : simple).matches();
        }
        String lower = p.toLowerCase(Locale.ROOT);
        return (simple, qualifiedName) -> (qualified ? qualifiedName : simple).toLowerCase(Locale.ROOT).contains(lower);
    }

    /** A test on a definition's simple and qualified names. */
    @FunctionalInterface
    public interface NamePredicate {
        boolean test(String simpleName, String qualifiedName);
    }

    private static RefMatcher byName(String q) {
        if (q.isEmpty()) {
            return (ref, targets) -> null;
        }
        boolean dotted = q.indexOf('.') >= 0;
        return (ref, targets) -> {
            for (Target t : targets) {
                if (t.name().equals(q) || t.name().endsWith("." + q)) {
                    return t;
                }
            }
            if (dotted ? q.equals(ref.dotted()) : q.equals(ref.simpleName())) {
                return targets.isEmpty() ? Target.external(ref.dotted(), List.of()) : targets.getFirst();
            }
            return null;
        };
    }

    private static String typingName(String q) {
        for (String prefix : new String[] {"typing.", "typing_extensions."}) {
            if (q.startsWith(prefix) && q.length() > prefix.length()) {
                return q.substring(prefix.length());
            }
        }
        return null;
    }

    /** Trims and drops a trailing subscript or call: {@code Protocol[T]} gives {@code Protocol}. */
    static String strip(String s) {
        String q = s.strip();
        int cut = q.length();
        for (char c : new char[] {'[', '('}) {
            int i = q.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return q.substring(0, cut).strip();
    }

    /** "Protocol via shop/compat.py" when the match passed through project files, else empty. */
    static String note(String what, Target t) {
        return t == null || t.via().isEmpty() ? "" : what + " " + t.viaText();
    }
}
