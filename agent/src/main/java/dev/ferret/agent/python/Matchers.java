package dev.ferret.agent.python;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How the tools' {@code base}, {@code decorator} and {@code name_pattern} arguments match.
 *
 * <ul>
 *   <li><b>base.</b> {@code Protocol}, {@code typing.Protocol} and {@code typing_extensions.Protocol} all mean typing's
 *       Protocol exactly: a base whose dotted name resolves through the file's imports to {@code typing.Protocol} or
 *       {@code typing_extensions.Protocol} ({@code Protocol}, {@code Protocol[T]}, {@code typing.Protocol},
 *       {@code t.Protocol} after {@code import typing as t}, {@code P} after
 *       {@code from typing import Protocol as P}). Not {@code asyncio.Protocol}, not Twisted's Protocol, not a home-made
 *       class called Protocol, not subclasses of a user protocol that do not list Protocol themselves. Likewise any
 *       other {@code typing.X} or {@code typing_extensions.X} matches both modules' X. Any other simple name matches a
 *       base whose dotted name, or one of its resolved names, ends in that name ({@code BaseModel} matches
 *       {@code BaseModel} and {@code pydantic.BaseModel}); a dotted name matches a resolved name equal to it or ending
 *       in {@code .name}. Only direct bases count. A trailing {@code [..]} or {@code (..)} in the argument is ignored.</li>
 *   <li><b>decorator.</b> {@code dataclass} and {@code dataclasses.dataclass} mean the standard library's decorator
 *       exactly: a decorator (with or without a call) whose dotted name resolves to {@code dataclasses.dataclass}
 *       ({@code @dataclass}, {@code @dataclass(frozen=True)}, {@code @dataclasses.dataclass}, {@code @dc} after
 *       {@code from dataclasses import dataclass as dc}, {@code @dc.dataclass} after {@code import dataclasses as dc});
 *       not pydantic's, attrs' or a home-made {@code dataclass}. Other names match as for base. A leading {@code @} is
 *       ignored.</li>
 *   <li><b>name_pattern.</b> With {@code *} or {@code ?}: a glob, matched case-insensitively against the simple name
 *       and against the qualified name. Otherwise a case-insensitive substring of the qualified name.</li>
 * </ul>
 */
public final class Matchers {
    private Matchers() {
    }

    public static final Set<String> PROTOCOL = Set.of("typing.Protocol", "typing_extensions.Protocol");
    public static final String DATACLASS = "dataclasses.dataclass";

    /** The matcher for a {@code base} argument. */
    public static Predicate<PyReference> base(String query) {
        String q = strip(query);
        if (q.equals("Protocol") || q.equals("typing.Protocol") || q.equals("typing_extensions.Protocol")) {
            return r -> r.resolved().stream().anyMatch(PROTOCOL::contains);
        }
        String typingName = typingName(q);
        if (typingName != null) {
            return r -> r.resolvesTo("typing." + typingName) || r.resolvesTo("typing_extensions." + typingName);
        }
        return byName(q);
    }

    /** The matcher for a {@code decorator} argument. */
    public static Predicate<PyReference> decorator(String query) {
        String q = strip(query);
        if (q.startsWith("@")) {
            q = q.substring(1).strip();
        }
        if (q.equals("dataclass") || q.equals(DATACLASS)) {
            return r -> r.resolvesTo(DATACLASS);
        }
        return byName(q);
    }

    /** The matcher for a {@code name_pattern} argument, applied to (simple name, qualified name). */
    public static NamePredicate name(String pattern) {
        String p = pattern.strip();
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
            return (simple, qualified) -> glob.matcher(simple).matches() || glob.matcher(qualified).matches();
        }
        String lower = p.toLowerCase(Locale.ROOT);
        return (simple, qualified) -> qualified.toLowerCase(Locale.ROOT).contains(lower);
    }

    /** A test on a definition's simple and qualified names. */
    @FunctionalInterface
    public interface NamePredicate {
        boolean test(String simpleName, String qualifiedName);
    }

    private static Predicate<PyReference> byName(String q) {
        if (q.isEmpty()) {
            return r -> false;
        }
        if (q.indexOf('.') < 0) {
            return r -> q.equals(r.simpleName()) || r.resolved().stream().anyMatch(n -> n.equals(q) || n.endsWith("." + q));
        }
        return r -> q.equals(r.dotted()) || r.resolved().stream().anyMatch(n -> n.equals(q) || n.endsWith("." + q));
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
}
