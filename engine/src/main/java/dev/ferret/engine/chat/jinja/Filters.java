package dev.ferret.engine.chat.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jinja2's built-in filters as chat templates use them, plus Hugging Face's {@code tojson}
 * ({@code json.dumps(x, ensure_ascii=False, indent=..., separators=..., sort_keys=...)}).
 */
final class Filters {
    private Filters() {}

    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");

    static Object apply(Interpreter in, String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        Args a = new Args(name, args, kwargs);
        return switch (name) {
            case "tojson" -> {
                a.atMost(1);
                yield PyJson.dumps(value, a.get(0, "indent", null), a.get(-1, "separators", null),
                        a.bool(-1, "sort_keys", false), a.bool(-1, "ensure_ascii", false));
            }
            case "trim" -> Members.strip(Py.str(value), a.string(0, "chars", null), true, true);
            case "length", "count" -> (long) Py.len(value);
            case "string" -> Py.str(value);
            case "list" -> Py.iterate(value);
            case "lower" -> Py.str(value).toLowerCase(Locale.ROOT);
            case "upper" -> Py.str(value).toUpperCase(Locale.ROOT);
            case "capitalize" -> Members.capitalize(Py.str(value));
            case "title" -> title(Py.str(value));
            case "replace" -> {
                Object count = a.get(2, "count", null);
                yield Members.replace(Py.str(value), Py.str(a.required(0, "old")), Py.str(a.required(1, "new")),
                        count == null ? -1 : Py.asLong(count));
            }
            case "default", "d" -> {
                Object dflt = a.get(0, "default_value", "");
                boolean bool = a.bool(1, "boolean", false);
                yield value instanceof Undefined || bool && !Py.truthy(value) ? dflt : value;
            }
            case "join" -> {
                String sep = Py.str(a.get(0, "d", ""));
                Object attribute = a.get(1, "attribute", null);
                StringBuilder sb = new StringBuilder();
                boolean first = true;
                for (Object o : Py.iterate(value)) {
                    if (attribute != null) {
                        o = attribute(o, attribute, null);
                    }
                    sb.append(first ? "" : sep).append(Py.str(o));
                    Py.checkLength(sb.length());
                    first = false;
                }
                yield sb.toString();
            }
            case "first" -> {
                List<Object> l = Py.iterate(value);
                yield l.isEmpty() ? Undefined.plain() : l.getFirst();
            }
            case "last" -> {
                if (value instanceof PyIterable i && !i.isView()) {
                    throw new PyError("'" + i.kind() + "' object is not reversible");
                }
                List<Object> l = value instanceof String s ? Py.chars(s) : Py.iterate(value);
                yield l.isEmpty() ? Undefined.plain() : l.getLast();
            }
            case "reverse" -> {
                if (value instanceof String s) {
                    yield new StringBuilder(s).reverse().toString();
                }
                if (value instanceof List<?> l) {
                    yield PyIterable.iterator("list_reverseiterator", new ArrayList<Object>(l).reversed());
                }
                // jinja2 falls back to a reversed list for what reversed() refuses (generators)
                yield Py.iterate(value).reversed();
            }
            case "items" -> {
                if (value instanceof Undefined) {
                    yield List.of();
                }
                if (!(value instanceof Map<?, ?> m)) {
                    throw new PyError("Can only get item pairs from a mapping.");
                }
                List<Object> out = new ArrayList<>();
                m.forEach((k, v) -> out.add(PyTuple.of(k, v)));
                yield PyIterable.iterator("generator", out);
            }
            case "dictsort" -> {
                if (!(value instanceof Map<?, ?> m)) {
                    throw new PyError("dictsort expects a mapping, not " + Py.typeName(value));
                }
                boolean caseSensitive = a.bool(0, "case_sensitive", false);
                boolean byValue = "value".equals(a.get(1, "by", "key"));
                boolean reverse = a.bool(2, "reverse", false);
                List<Object> out = new ArrayList<>();
                m.forEach((k, v) -> out.add(PyTuple.of(k, v)));
                Comparator<Object> c = (x, y) -> Py.compare(sortKey(((PyTuple) x).get(byValue ? 1 : 0), caseSensitive),
                        sortKey(((PyTuple) y).get(byValue ? 1 : 0), caseSensitive));
                out.sort(reverse ? c.reversed() : c);
                yield out;
            }
            case "sort" -> {
                boolean reverse = a.bool(0, "reverse", false);
                boolean caseSensitive = a.bool(1, "case_sensitive", false);
                Object attribute = a.get(2, "attribute", null);
                List<Object> out = new ArrayList<>(Py.iterate(value));
                Comparator<Object> c = (x, y) -> Py.compare(sortKey(attribute == null ? x : attribute(x, attribute, null), caseSensitive),
                        sortKey(attribute == null ? y : attribute(y, attribute, null), caseSensitive));
                out.sort(reverse ? c.reversed() : c);
                yield out;
            }
            case "unique" -> {
                boolean caseSensitive = a.bool(0, "case_sensitive", false);
                Object attribute = a.get(1, "attribute", null);
                List<Object> out = new ArrayList<>();
                List<Object> seen = new ArrayList<>();
                for (Object o : Py.iterate(value)) {
                    Object key = sortKey(attribute == null ? o : attribute(o, attribute, null), caseSensitive);
                    if (seen.stream().noneMatch(s -> Py.eq(s, key))) {
                        seen.add(key);
                        out.add(o);
                    }
                }
                yield PyIterable.iterator("generator", out);
            }
            case "min", "max" -> {
                boolean caseSensitive = a.bool(0, "case_sensitive", false);
                Object attribute = a.get(1, "attribute", null);
                List<Object> l = Py.iterate(value);
                if (l.isEmpty()) {
                    yield Undefined.plain();
                }
                Object best = l.getFirst();
                for (Object o : l) {
                    int c = Py.compare(sortKey(attribute == null ? o : attribute(o, attribute, null), caseSensitive),
                            sortKey(attribute == null ? best : attribute(best, attribute, null), caseSensitive));
                    if (name.equals("min") ? c < 0 : c > 0) {
                        best = o;
                    }
                }
                yield best;
            }
            case "sum" -> {
                Object attribute = a.get(0, "attribute", null);
                Object total = a.get(1, "start", 0L);
                for (Object o : Py.iterate(value)) {
                    total = Py.add(total, attribute == null ? o : attribute(o, attribute, null));
                }
                yield total;
            }
            case "abs" -> {
                if (value instanceof Double d) {
                    yield Math.abs(d);
                }
                yield Py.norm(Py.big(value).abs());
            }
            case "round" -> {
                int precision = (int) Py.asLong(a.get(0, "precision", 0L));
                String method = Py.str(a.get(1, "method", "common"));
                double x = Py.dbl(value);
                yield switch (method) {
                    case "common" -> Py.round(x, precision);
                    case "ceil" -> new BigDecimal(x).setScale(precision, java.math.RoundingMode.CEILING).doubleValue();
                    case "floor" -> new BigDecimal(x).setScale(precision, java.math.RoundingMode.FLOOR).doubleValue();
                    default -> throw new PyError("method must be common, ceil or floor");
                };
            }
            case "int" -> toInt(value, a.get(0, "default", 0L), (int) Py.asLong(a.get(1, "base", 10L)));
            case "float" -> toFloat(value, a.get(0, "default", 0.0));
            case "select", "reject" -> select(in, value, a, name.equals("select"), false);
            case "selectattr", "rejectattr" -> select(in, value, a, name.equals("selectattr"), true);
            case "map" -> map(in, value, a);
            case "attr" -> Members.getattr(value, Py.str(a.required(0, "name")));
            case "indent" -> indent(Py.str(value), a.get(0, "width", 4L), a.bool(1, "first", false), a.bool(2, "blank", false));
            case "center" -> Members.call(Py.str(value), "center", new Args("center", List.of(a.get(0, "width", 80L)), Map.of()));
            case "wordcount" -> (long) Members.split(Py.str(value), null, -1).size();
            case "format" -> {
                if (!kwargs.isEmpty() && !args.isEmpty()) {
                    throw new PyError("can't handle positional and keyword arguments at the same time");
                }
                yield PyFormat.percent(Py.str(value), kwargs.isEmpty() ? new PyTuple(args) : new LinkedHashMap<Object, Object>(kwargs));
            }
            case "safe" -> value instanceof Markup ? value : new Markup(Py.str(value));
            case "escape", "e" -> new Markup(Markup.escape(value));
            case "forceescape" -> new Markup(Markup.escape(Py.str(value)));
            case "batch" -> {
                int size = (int) Py.asLong(a.required(0, "linecount"));
                if (size <= 0) {
                    throw new PyError("batch size must be positive");
                }
                Object fill = a.get(1, "fill_with", null);
                boolean haveFill = args.size() > 1 || kwargs.containsKey("fill_with");
                List<Object> out = new ArrayList<>();
                List<Object> cur = new ArrayList<>();
                for (Object o : Py.iterate(value)) {
                    cur.add(o);
                    if (cur.size() == size) {
                        out.add(cur);
                        cur = new ArrayList<>();
                    }
                }
                if (!cur.isEmpty()) {
                    while (haveFill && cur.size() < size) {
                        cur.add(fill);
                    }
                    out.add(cur);
                }
                yield PyIterable.iterator("generator", out);
            }
            default -> throw new PyError("no filter named '" + name + "'");
        };
    }

    /** jinja2's {@code title} filter: a word starts after {@code -}, whitespace or an opening bracket. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        Matcher m = WORD_BEGINNING.matcher(s);
        int last = 0;
        while (m.find()) {
            word(s.substring(last, m.start()), sb);
            sb.append(m.group());
            last = m.end();
        }
        word(s.substring(last), sb);
        return sb.toString();
    }

    private static void word(String w, StringBuilder sb) {
        if (w.isEmpty()) {
            return;
        }
        int c = w.codePointAt(0);
        sb.append(new String(Character.toChars(c)).toUpperCase(Locale.ROOT)).append(w.substring(Character.charCount(c)).toLowerCase(Locale.ROOT));
    }

    /** jinja2 compares strings case-insensitively in sort, unique, min and max unless told otherwise. */
    private static Object sortKey(Object o, boolean caseSensitive) {
        return !caseSensitive && o instanceof String s ? s.toLowerCase(Locale.ROOT) : o;
    }

    /** {@code attribute="a.b"} or an int index, with jinja2's environment.getitem; {@code dflt} when undefined. */
    static Object attribute(Object o, Object attribute, Object dflt) {
        Object v = o;
        List<Object> parts = attribute instanceof String s ? new ArrayList<>(List.of((Object[]) s.split("\\."))) : List.of(attribute);
        for (Object part : parts) {
            Object key = part instanceof String p && !p.isEmpty() && p.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(p) : part;
            v = Members.getitem(v, key);
            if (v instanceof Undefined && dflt != null) {
                return dflt;
            }
        }
        return v;
    }

    private static Object select(Interpreter in, Object value, Args a, boolean keep, boolean byAttribute) {
        List<Object> args = a.positional();
        int k = 0;
        Object attr = null;
        if (byAttribute) {
            if (args.isEmpty()) {
                throw new PyError("missing parameter for attribute name");
            }
            attr = args.get(k++);
        }
        String test = k < args.size() ? Py.str(args.get(k++)) : null;
        List<Object> testArgs = new ArrayList<>(args.subList(Math.min(k, args.size()), args.size()));
        List<Object> out = new ArrayList<>();
        if (!Py.truthy(value)) {
            return PyIterable.iterator("generator", out); // jinja2 yields nothing for a false value, None included
        }
        for (Object o : Py.iterate(value)) {
            Object subject = byAttribute ? attribute(o, attr, null) : o;
            boolean hit = test == null ? Py.truthy(subject) : Py.truthy(Tests.apply(in, test, subject, testArgs, Map.of()));
            if (hit == keep) {
                out.add(o);
            }
        }
        return PyIterable.iterator("generator", out);
    }

    private static Object map(Interpreter in, Object value, Args a) {
        List<Object> out = new ArrayList<>();
        if (!Py.truthy(value)) {
            return PyIterable.iterator("generator", out);
        }
        Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
        if (kw.containsKey("attribute")) {
            Object attribute = kw.remove("attribute");
            Object dflt = kw.remove("default");
            for (Object o : Py.iterate(value)) {
                out.add(attribute(o, attribute, dflt));
            }
            return PyIterable.iterator("generator", out);
        }
        List<Object> args = a.positional();
        if (args.isEmpty()) {
            throw new PyError("map requires a filter name or attribute=");
        }
        String filter = Py.str(args.getFirst());
        List<Object> rest = new ArrayList<>(args.subList(1, args.size()));
        for (Object o : Py.iterate(value)) {
            out.add(apply(in, filter, o, rest, kw));
        }
        return PyIterable.iterator("generator", out);
    }

    private static Object toInt(Object value, Object dflt, int base) {
        try {
            return switch (value) {
                case Boolean b -> b ? 1L : 0L;
                case Long l -> l;
                case BigInteger b -> b;
                case Double d -> {
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        yield dflt;
                    }
                    yield Py.norm(new BigDecimal(d).toBigInteger());
                }
                case String s -> {
                    String t = s.strip().replace("_", "");
                    try {
                        yield Py.norm(new BigInteger(t, base));
                    } catch (NumberFormatException e) {
                        // jinja2 falls back to int(float(s))
                        yield Py.norm(new BigDecimal(t).toBigInteger());
                    }
                }
                default -> dflt;
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return dflt;
        }
    }

    private static Object toFloat(Object value, Object dflt) {
        try {
            return switch (value) {
                case Double d -> d;
                case String s -> Double.parseDouble(s.strip());
                default -> Py.isNumber(value) ? Py.dbl(value) : dflt;
            };
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String indent(String s, Object width, boolean first, boolean blank) {
        String ind = width instanceof String w ? w : " ".repeat((int) Math.max(0, Py.asLong(width)));
        List<Object> lines = Members.splitlines(s + "\n", false);
        StringBuilder sb = new StringBuilder();
        if (blank) {
            for (int i = 0; i < lines.size(); i++) {
                sb.append(i > 0 ? "\n" + ind : "").append((String) lines.get(i));
            }
        } else {
            sb.append((String) lines.getFirst());
            for (int i = 1; i < lines.size(); i++) {
                String line = (String) lines.get(i);
                sb.append('\n').append(line.isEmpty() ? "" : ind + line);
            }
        }
        return first ? ind + sb : sb.toString();
    }
}
