package dev.ferret.engine.chat.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attribute and item access as jinja2's ImmutableSandboxedEnvironment does it, and the methods of str, dict and
 * list that templates call. {@code obj.name} looks for an attribute (a method) first and then for a key;
 * {@code obj[key]} the other way round. Methods that would change a value are refused, as the sandbox does.
 */
final class Members {
    private Members() {}

    private static final Set<String> STR_METHODS = Set.of("capitalize", "casefold", "center", "count", "endswith",
            "find", "format", "index", "isalnum", "isalpha", "isdecimal", "isdigit", "islower", "isnumeric", "isspace",
            "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix",
            "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
            "startswith", "strip", "swapcase", "title", "upper", "zfill");
    private static final Set<String> DICT_METHODS = Set.of("get", "items", "keys", "values", "copy");
    private static final Set<String> DICT_MUTATORS = Set.of("clear", "pop", "popitem", "setdefault", "update");
    private static final Set<String> LIST_METHODS = Set.of("index", "count", "copy");
    private static final Set<String> LIST_MUTATORS = Set.of("append", "clear", "extend", "insert", "pop", "remove",
            "reverse", "sort");

    /** A method looked up on a value, called later. */
    record BoundMethod(Object receiver, String name) implements PyCallable {
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            return Members.call(receiver, name, new Args(name, args, kwargs));
        }
    }

    /** {@code obj.name}. */
    static Object getattr(Object obj, String name) {
        if (obj instanceof Undefined u) {
            throw u.error();
        }
        obj = Py.text(obj);
        Object method = method(obj, name);
        if (method != null) {
            return method;
        }
        return switch (obj) {
            case Map<?, ?> m -> {
                Object k = Py.findKey(m, name);
                yield k == Py.MISSING ? Undefined.member(obj, name) : m.get(k);
            }
            case Namespace n -> n.attributes.containsKey(name) ? n.attributes.get(name) : Undefined.member(obj, name);
            case LoopContext l -> l.attribute(name);
            case Interpreter.Macro m -> name.equals("name") ? m.name : Undefined.member(obj, name);
            case null -> Undefined.member(null, name);
            default -> Undefined.member(obj, name);
        };
    }

    /** {@code obj[key]}. */
    static Object getitem(Object target, Object index) {
        if (target instanceof Undefined u) {
            throw u.error();
        }
        Object obj = Py.text(target);
        Object key = Py.text(index);
        switch (obj) {
            case Map<?, ?> m -> {
                Object k = Py.findKey(m, key);
                if (k != Py.MISSING) {
                    return m.get(k);
                }
            }
            case List<?> l when Py.isInt(key) -> {
                long i = Py.asLong(key);
                if (i < 0) {
                    i += l.size();
                }
                if (i >= 0 && i < l.size()) {
                    return l.get((int) i);
                }
                return Undefined.member(obj, key);
            }
            case String s when Py.isInt(key) -> {
                try {
                    return Py.charAt(s, Py.asLong(key));
                } catch (PyError e) {
                    return Undefined.member(obj, key);
                }
            }
            default -> { }
        }
        if (key instanceof String name && obj != null) {
            Object v = getattr(obj, name);
            return v;
        }
        return Undefined.member(obj, key);
    }

    /** The bound method {@code obj.name}, an unsafe-undefined for a mutating one, or null for no method. */
    private static Object method(Object obj, String name) {
        if (obj instanceof String) {
            return STR_METHODS.contains(name) ? new BoundMethod(obj, name) : null;
        }
        if (obj instanceof Map<?, ?>) {
            return DICT_METHODS.contains(name) ? new BoundMethod(obj, name)
                    : DICT_MUTATORS.contains(name) ? Undefined.unsafe(obj, name) : null;
        }
        if (obj instanceof List<?>) {
            if (obj instanceof PyTuple) {
                return name.equals("index") || name.equals("count") ? new BoundMethod(obj, name) : null;
            }
            return LIST_METHODS.contains(name) ? new BoundMethod(obj, name)
                    : LIST_MUTATORS.contains(name) ? Undefined.unsafe(obj, name) : null;
        }
        return null;
    }

    static Object call(Object receiver, String name, Args a) {
        return switch (receiver) {
            case String s -> strMethod(s, name, a);
            case Map<?, ?> m -> switch (name) {
                case "get" -> {
                    a.atMost(2);
                    Object k = Py.findKey(m, a.required(0, "key"));
                    yield k == Py.MISSING ? a.get(1, "default", null) : m.get(k);
                }
                case "items" -> {
                    List<Object> items = new ArrayList<>();
                    m.forEach((k, v) -> items.add(PyTuple.of(k, v)));
                    yield PyIterable.view("dict_items", items);
                }
                case "keys" -> PyIterable.view("dict_keys", new ArrayList<Object>(m.keySet()));
                case "values" -> PyIterable.view("dict_values", new ArrayList<Object>(m.values()));
                case "copy" -> new LinkedHashMap<Object, Object>(m);
                default -> throw new PyError("dict has no method " + name);
            };
            case List<?> l -> switch (name) {
                case "index" -> {
                    Object x = a.required(0, "value");
                    for (int i = 0; i < l.size(); i++) {
                        if (Py.eq(l.get(i), x)) {
                            yield (long) i;
                        }
                    }
                    throw new PyError(Py.repr(x) + " is not in list");
                }
                case "count" -> {
                    Object x = a.required(0, "value");
                    yield l.stream().filter(o -> Py.eq(o, x)).count();
                }
                case "copy" -> new ArrayList<Object>(l);
                default -> throw new PyError("list has no method " + name);
            };
            default -> throw new PyError("'" + Py.typeName(receiver) + "' object has no method " + name);
        };
    }

    // --- str ----------------------------------------------------------------------------------------

    private static Object strMethod(String s, String name, Args a) {
        return switch (name) {
            case "strip" -> strip(s, a.string(0, "chars", null), true, true);
            case "lstrip" -> strip(s, a.string(0, "chars", null), true, false);
            case "rstrip" -> strip(s, a.string(0, "chars", null), false, true);
            case "split" -> split(s, a.string(0, "sep", null), (int) Py.asLong(a.get(1, "maxsplit", -1L)));
            case "rsplit" -> rsplit(s, a.string(0, "sep", null), (int) Py.asLong(a.get(1, "maxsplit", -1L)));
            case "splitlines" -> splitlines(s, a.bool(0, "keepends", false));
            case "startswith", "endswith" -> {
                if (a.size() > 1) {
                    throw new PyError(name + "() with start/end is not supported");
                }
                Object p = a.required(0, "prefix");
                List<?> options = p instanceof PyTuple t ? t : List.of(p);
                boolean hit = false;
                for (Object o : options) {
                    if (!(o instanceof String x)) {
                        throw new PyError(name + " first arg must be str or a tuple of str, not " + Py.typeName(o));
                    }
                    hit |= name.equals("startswith") ? s.startsWith(x) : s.endsWith(x);
                }
                yield hit;
            }
            case "replace" -> replace(s, a.string(0, "old", null), a.string(1, "new", null), Py.asLong(a.get(2, "count", -1L)));
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "casefold" -> s.toLowerCase(Locale.ROOT);
            case "swapcase" -> {
                StringBuilder sb = new StringBuilder();
                s.codePoints().forEach(c -> sb.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                        : Character.isLowerCase(c) ? Character.toUpperCase(c) : c));
                yield sb.toString();
            }
            case "title" -> title(s);
            case "capitalize" -> capitalize(s);
            case "find", "index", "rfind", "rindex" -> {
                String sub = a.string(0, "sub", null);
                int i = name.startsWith("r") ? s.lastIndexOf(sub) : s.indexOf(sub);
                if (i < 0 && name.endsWith("index")) {
                    throw new PyError("substring not found");
                }
                yield i < 0 ? -1L : (long) s.codePointCount(0, i);
            }
            case "count" -> {
                String sub = a.string(0, "sub", null);
                if (sub.isEmpty()) {
                    yield (long) s.codePointCount(0, s.length()) + 1;
                }
                long n = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                    n++;
                }
                yield n;
            }
            case "join" -> {
                StringBuilder sb = new StringBuilder();
                List<Object> items = Py.iterate(a.required(0, "iterable"));
                for (int i = 0; i < items.size(); i++) {
                    if (!(items.get(i) instanceof String x)) {
                        throw new PyError("sequence item " + i + ": expected str instance, " + Py.typeName(items.get(i)) + " found");
                    }
                    sb.append(i > 0 ? s : "").append(x);
                    Py.checkLength(sb.length());
                }
                yield sb.toString();
            }
            case "format" -> PyFormat.format(s, a.positional(), a.keywords());
            case "isalnum" -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            case "isalpha" -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isdigit", "isdecimal", "isnumeric" -> !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isspace" -> !s.isEmpty() && s.codePoints().allMatch(Py::isSpace);
            case "islower" -> s.codePoints().anyMatch(Character::isLowerCase) && s.codePoints().noneMatch(c -> Character.isUpperCase(c) || Character.isTitleCase(c));
            case "isupper" -> s.codePoints().anyMatch(Character::isUpperCase) && s.codePoints().noneMatch(c -> Character.isLowerCase(c) || Character.isTitleCase(c));
            case "istitle" -> !s.isEmpty() && title(s).equals(s) && s.codePoints().anyMatch(Members::isCased);
            case "center", "ljust", "rjust" -> {
                int width = (int) Py.asLong(a.required(0, "width"));
                String fill = a.string(1, "fillchar", " ");
                int n = s.codePointCount(0, s.length());
                if (width <= n) {
                    yield s;
                }
                int total = width - n;
                int left = switch (name) {
                    case "ljust" -> 0;
                    case "rjust" -> total;
                    default -> total / 2 + (total & width & 1);
                };
                yield fill.repeat(left) + s + fill.repeat(total - left);
            }
            case "zfill" -> {
                int width = (int) Py.asLong(a.required(0, "width"));
                int n = s.codePointCount(0, s.length());
                if (width <= n) {
                    yield s;
                }
                String pad = "0".repeat(width - n);
                yield s.startsWith("-") || s.startsWith("+") ? s.charAt(0) + pad + s.substring(1) : pad + s;
            }
            case "partition", "rpartition" -> {
                String sep = a.string(0, "sep", null);
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (i < 0) {
                    yield name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
                }
                yield PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            case "removeprefix" -> {
                String p = a.string(0, "prefix", null);
                yield s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "removesuffix" -> {
                String p = a.string(0, "suffix", null);
                yield !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
            }
            default -> throw new PyError("str has no method " + name);
        };
    }

    static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    /** Python's {@code str.title}: a cased character after an uncased one starts a word. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            sb.appendCodePoint(prevCased ? Character.toLowerCase(c) : Character.toTitleCase(c));
            prevCased = isCased(c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** Python's {@code str.capitalize}: first character title-cased, the rest lower-cased. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int c = s.codePointAt(0);
        return new String(Character.toChars(Character.toTitleCase(c))) + s.substring(Character.charCount(c)).toLowerCase(Locale.ROOT);
    }

    /** Python's strip family: whitespace (null chars) or any of the given characters. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end) {
                int c = s.codePointAt(start);
                if (!(chars == null ? Py.isSpace(c) : chars.indexOf(c) >= 0)) {
                    break;
                }
                start += Character.charCount(c);
            }
        }
        if (right) {
            while (end > start) {
                int c = s.codePointBefore(end);
                if (!(chars == null ? Py.isSpace(c) : chars.indexOf(c) >= 0)) {
                    break;
                }
                end -= Character.charCount(c);
            }
        }
        return s.substring(start, end);
    }

    static List<Object> split(String s, String sep, int maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Py.isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(s.substring(i));
                    break;
                }
                int j = i;
                while (j < n && !Py.isSpace(s.codePointAt(j))) {
                    j += Character.charCount(s.codePointAt(j));
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new PyError("empty separator");
        }
        int start = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int i = s.indexOf(sep, start);
            if (i < 0) {
                break;
            }
            out.add(s.substring(start, i));
            start = i + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    static List<Object> rsplit(String s, String sep, int maxsplit) {
        if (maxsplit < 0) {
            return split(s, sep, -1);
        }
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int j = s.length();
            while (true) {
                while (j > 0 && Py.isSpace(s.codePointBefore(j))) {
                    j -= Character.charCount(s.codePointBefore(j));
                }
                if (j <= 0) {
                    break;
                }
                if (out.size() == maxsplit) {
                    out.addFirst(s.substring(0, j));
                    break;
                }
                int i = j;
                while (i > 0 && !Py.isSpace(s.codePointBefore(i))) {
                    i -= Character.charCount(s.codePointBefore(i));
                }
                out.addFirst(s.substring(i, j));
                j = i;
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new PyError("empty separator");
        }
        int end = s.length();
        while (out.size() < maxsplit) {
            int i = s.lastIndexOf(sep, end - sep.length());
            if (i < 0) {
                break;
            }
            out.addFirst(s.substring(i + sep.length(), end));
            end = i;
        }
        out.addFirst(s.substring(0, end));
        return out;
    }

    /** Python's {@code str.splitlines}. */
    static List<Object> splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int eol = -1;
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                eol = 2;
            } else if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(c) >= 0) {
                eol = 1;
            }
            if (eol < 0) {
                i++;
                continue;
            }
            out.add(s.substring(start, keepends ? i + eol : i));
            i += eol;
            start = i;
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    static String replace(String s, String old, String neu, long count) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            // Python puts the replacement before every character and at the end
            long n = 0;
            for (int i = 0; i < s.length(); ) {
                if (n++ < count) {
                    sb.append(neu);
                }
                int c = s.codePointAt(i);
                sb.appendCodePoint(c);
                i += Character.charCount(c);
                Py.checkLength(sb.length());
            }
            if (n < count) {
                sb.append(neu);
            }
            return sb.toString();
        }
        int start = 0;
        long n = 0;
        while (n < count) {
            int i = s.indexOf(old, start);
            if (i < 0) {
                break;
            }
            sb.append(s, start, i).append(neu);
            Py.checkLength(sb.length());
            start = i + old.length();
            n++;
        }
        return sb.append(s, start, s.length()).toString();
    }
}
