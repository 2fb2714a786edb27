package dev.ferret.engine.chat.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;

/**
 * Python's value semantics for template values, so that a template prints, compares and computes as it does
 * under Python's jinja2 (which is how the model's chat template was rendered when the model was trained).
 *
 * <p>Values: {@code null} is None, {@link Undefined}, {@link Boolean}, {@link Long} and {@link BigInteger} (int),
 * {@link Double} (float), {@link String} (str, indexed by code point), {@link List} (list), {@link PyTuple}
 * (tuple), {@link Map} (dict, insertion-ordered), {@link Namespace}, and {@link PyCallable}s.
 */
final class Py {
    /** Longest string or list a template may build (repetition, concatenation): a guard against runaway output. */
    static final int MAX_LENGTH = 64 << 20;

    private Py() {}

    // --- types ------------------------------------------------------------------------------------

    static String typeName(Object o) {
        if (o == null) {
            return "NoneType";
        }
        return switch (o) {
            case Boolean b -> "bool";
            case Long l -> "int";
            case BigInteger b -> "int";
            case Double d -> "float";
            case String s -> "str";
            case PyTuple t -> "tuple";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case Undefined u -> "Undefined";
            case Namespace n -> "Namespace";
            case PyIterable i -> i.kind();
            case Markup m -> "Markup";
            case LoopContext l -> "LoopContext";
            case PyCallable c -> "function";
            default -> o.getClass().getSimpleName();
        };
    }

    /** How jinja2 names an object in "has no attribute" messages: {@code 'dict object'}, {@code 'None'}. */
    static String typeDescription(Object o) {
        return o == null ? "None" : typeName(o) + " object";
    }

    static boolean isInt(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
    }

    static boolean isNumber(Object o) {
        return isInt(o) || o instanceof Double;
    }

    static boolean isList(Object o) {
        return o instanceof List<?> && !(o instanceof PyTuple);
    }

    static BigInteger big(Object o) {
        return switch (o) {
            case Long l -> BigInteger.valueOf(l);
            case BigInteger b -> b;
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            default -> throw new PyError("expected an int, got " + typeName(o));
        };
    }

    static double dbl(Object o) {
        return switch (o) {
            case Double d -> d;
            case Long l -> l;
            case BigInteger b -> b.doubleValue();
            case Boolean b -> b ? 1 : 0;
            default -> throw new PyError("expected a number, got " + typeName(o));
        };
    }

    /** An int as a Java long; errors for values beyond it (indices, counts). */
    static long asLong(Object o) {
        return switch (o) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            case BigInteger b -> {
                if (b.bitLength() > 63) {
                    throw new PyError("int too large: " + b);
                }
                yield b.longValue();
            }
            default -> throw new PyError("'" + typeName(o) + "' object cannot be interpreted as an integer");
        };
    }

    /** BigInteger results come back as Long when they fit. */
    static Object norm(BigInteger b) {
        return b.bitLength() <= 63 ? (Object) b.longValue() : b;
    }

    // --- truth, printing ------------------------------------------------------------------------

    static boolean truthy(Object o) {
        if (o == null) {
            return false;
        }
        return switch (o) {
            case Boolean b -> b;
            case Long l -> l != 0;
            case BigInteger b -> b.signum() != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Undefined u -> false;
            case PyIterable i -> !i.isView() || i.size() > 0;
            case Markup m -> !m.text().isEmpty();
            default -> true;
        };
    }

    /** Python's {@code str(o)}; Undefined prints as nothing. */
    static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Markup m) {
            return m.text();
        }
        if (o instanceof Undefined) {
            return "";
        }
        return repr(o);
    }

    /** Python's {@code repr(o)}. */
    static String repr(Object o) {
        if (o == null) {
            return "None";
        }
        return switch (o) {
            case Boolean b -> b ? "True" : "False";
            case Long l -> l.toString();
            case BigInteger b -> b.toString();
            case Double d -> floatRepr(d);
            case String s -> stringRepr(s);
            case PyTuple t -> {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < t.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(repr(t.get(i)));
                }
                yield sb.append(t.size() == 1 ? ",)" : ")").toString();
            }
            case List<?> l -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(repr(l.get(i)));
                }
                yield sb.append(']').toString();
            }
            case Map<?, ?> m -> {
                StringBuilder sb = new StringBuilder("{");
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                    first = false;
                }
                yield sb.append('}').toString();
            }
            case Undefined u -> "Undefined";
            case Namespace n -> n.toString();
            case PyIterable i -> i.toString();
            case Markup m -> "Markup(" + stringRepr(m.text()) + ")";
            default -> "<" + typeName(o) + ">";
        };
    }

    /** Python's float repr: the shortest digits that read back to the same double, in Python's layout. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-tripping digits (JDK 19 and later), as Python's repr does
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale(); // value = d.ddd x 10^exp
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (exp < -4 || exp >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            sb.append(a < 10 ? "0" : "").append(a);
        } else if (exp >= 0) {
            if (digits.length() <= exp + 1) {
                sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
            }
        } else {
            sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
        }
        return sb.toString();
    }

    /** Python's repr of a str: single quotes unless the text has a ' and no ", escapes for the unprintable. */
    static String stringRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        s.codePoints().forEach(c -> {
            if (c == q || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (isPrintable(c)) {
                sb.appendCodePoint(c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        });
        return sb.append(q).toString();
    }

    /** Python's {@code str.isprintable} for one character. */
    static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's {@code str.isspace} for one character: category Zs, or bidi class WS, B or S. */
    static boolean isSpace(int c) {
        if (Character.getType(c) == Character.SPACE_SEPARATOR) {
            return true;
        }
        byte d = Character.getDirectionality(c);
        return d == Character.DIRECTIONALITY_WHITESPACE || d == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || d == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }

    // --- equality and order ----------------------------------------------------------------------

    static boolean eq(Object a, Object b) {
        a = text(a);
        b = text(b);
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined;
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                if (isInt(a) && !(a instanceof Boolean) || isInt(b) && !(b instanceof Boolean)) {
                    // int == float compares exact values, as Python does
                    double x = dbl(a instanceof Double ? a : b);
                    Object i = a instanceof Double ? b : a;
                    return !Double.isNaN(x) && !Double.isInfinite(x) && new BigDecimal(x).compareTo(new BigDecimal(big(i))) == 0;
                }
                return dbl(a) == dbl(b);
            }
            return big(a).equals(big(b));
        }
        if (a instanceof String s) {
            return s.equals(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if ((a instanceof PyTuple) != (b instanceof PyTuple) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object k = findKey(y, e.getKey());
                if (k == MISSING || !eq(e.getValue(), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static final Object MISSING = new Object();

    /** The key of {@code m} equal to {@code key} in Python's sense, or {@link #MISSING}. */
    static Object findKey(Map<?, ?> m, Object key) {
        if (key == null ? m.containsKey(null) : m.containsKey(key)) {
            return key;
        }
        if (key instanceof String || key == null) {
            return MISSING;
        }
        for (Object k : m.keySet()) {
            if (eq(k, key)) {
                return k;
            }
        }
        return MISSING;
    }

    /** Python's ordering ({@code <}); a TypeError for types that do not order. */
    static int compare(Object a, Object b) {
        a = text(a);
        b = text(b);
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return Double.compare(dbl(a), dbl(b));
            }
            return big(a).compareTo(big(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i));
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
        throw new PyError("'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        container = text(container);
        item = text(item);
        if (container instanceof String s) {
            if (!(item instanceof String t)) {
                throw new PyError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(t);
        }
        if (container instanceof Map<?, ?> m) {
            return findKey(m, item) != MISSING;
        }
        if (container instanceof List<?> l) {
            for (Object o : l) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof PyIterable i) {
            for (Object o : i.consume()) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        throw new PyError("argument of type '" + typeName(container) + "' is not iterable");
    }

    // --- sequences ------------------------------------------------------------------------------

    static int len(Object o) {
        return switch (text(o)) {
            case String s -> s.codePointCount(0, s.length());
            case List<?> l -> l.size();
            case Map<?, ?> m -> m.size();
            case Undefined u -> 0;
            case PyIterable i -> i.size();
            case null -> throw new PyError("object of type 'NoneType' has no len()");
            default -> throw new PyError("object of type '" + typeName(o) + "' has no len()");
        };
    }

    /** The items of a for loop over {@code o}: characters of a str, items of a list, keys of a dict. */
    static List<Object> iterate(Object o) {
        return switch (text(o)) {
            case String s -> chars(s);
            case List<?> l -> new ArrayList<>(l);
            case Map<?, ?> m -> new ArrayList<>(m.keySet());
            case Undefined u -> List.of();
            case PyIterable i -> new ArrayList<>(i.consume());
            case null -> throw new PyError("'NoneType' object is not iterable");
            default -> throw new PyError("'" + typeName(o) + "' object is not iterable");
        };
    }

    static boolean isIterable(Object o) {
        return o instanceof String || o instanceof List<?> || o instanceof Map<?, ?> || o instanceof Undefined
                || o instanceof PyIterable;
    }

    /** Markup as its text, for operations where Python treats it as the str it is. */
    static Object text(Object o) {
        return o instanceof Markup m ? m.text() : o;
    }

    /** The characters (code points) of a str, each as a str. */
    static List<Object> chars(String s) {
        List<Object> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out.add(new String(Character.toChars(c)));
            i += Character.charCount(c);
        }
        return out;
    }

    /** {@code s[i]} by code point, negative from the end. */
    static Object charAt(String s, long index) {
        int n = s.codePointCount(0, s.length());
        long i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new PyError("string index out of range");
        }
        int from = s.offsetByCodePoints(0, (int) i);
        return s.substring(from, s.offsetByCodePoints(from, 1));
    }

    /** Python's slice of a str or list. */
    static Object slice(Object seq, Object start, Object stop, Object step) {
        seq = text(seq);
        long st = step == null || step instanceof Undefined ? 1 : asLong(step);
        if (st == 0) {
            throw new PyError("slice step cannot be zero");
        }
        List<Object> items = switch (seq) {
            case String s -> chars(s);
            case List<?> l -> new ArrayList<>(l);
            case Undefined u -> throw u.error();
            default -> throw new PyError("'" + typeName(seq) + "' object is not subscriptable");
        };
        int n = items.size();
        long lo;
        long hi;
        if (st > 0) {
            lo = bound(start, n, 0, 0, n);
            hi = bound(stop, n, n, 0, n);
        } else {
            lo = bound(start, n, n - 1, -1, n - 1);
            hi = bound(stop, n, -1, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        for (long i = lo; st > 0 ? i < hi : i > hi; i += st) {
            out.add(items.get((int) i));
        }
        if (seq instanceof String) {
            StringBuilder sb = new StringBuilder();
            out.forEach(c -> sb.append((String) c));
            return sb.toString();
        }
        return seq instanceof PyTuple ? new PyTuple(out) : out;
    }

    private static long bound(Object v, int n, long dflt, long min, long max) {
        if (v == null || v instanceof Undefined) {
            return dflt;
        }
        long i = asLong(v);
        if (i < 0) {
            i += n;
        }
        return Math.max(min, Math.min(max, i));
    }

    // --- arithmetic -----------------------------------------------------------------------------

    private static void defined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
    }

    private static PyError operands(String op, Object a, Object b) {
        return new PyError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    static Object add(Object a, Object b) {
        defined(a, b);
        if (a instanceof Markup || b instanceof Markup) {
            // markup + text escapes the text (markupsafe's __add__ / __radd__)
            if (!(a instanceof String || a instanceof Markup) || !(b instanceof String || b instanceof Markup)) {
                throw operands("+", a, b);
            }
            return new Markup(Markup.escape(a) + Markup.escape(b));
        }
        Object sum = arithmetic(a, b, Double::sum, BigInteger::add);
        if (sum != null) {
            return sum;
        }
        if (a instanceof String x) {
            if (!(b instanceof String y)) {
                throw new PyError("can only concatenate str (not \"" + typeName(b) + "\") to str");
            }
            checkLength((long) x.length() + y.length());
            return x + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            checkLength((long) x.size() + y.size());
            List<Object> out = new ArrayList<>(x);
            out.addAll(y);
            return a instanceof PyTuple ? new PyTuple(out) : out;
        }
        throw operands("+", a, b);
    }

    /**
     * {@code a op b} for two numbers as Python computes it: a float if either is one, else an exact int; null when
     * either is not a number.
     */
    private static Object arithmetic(Object a, Object b, DoubleBinaryOperator onFloats, BinaryOperator<BigInteger> onInts) {
        if (!isNumber(a) || !isNumber(b)) {
            return null;
        }
        if (a instanceof Double || b instanceof Double) {
            return onFloats.applyAsDouble(dbl(a), dbl(b));
        }
        return norm(onInts.apply(big(a), big(b)));
    }

    static Object sub(Object a, Object b) {
        defined(a, b);
        Object difference = arithmetic(a, b, (x, y) -> x - y, BigInteger::subtract);
        if (difference != null) {
            return difference;
        }
        throw operands("-", a, b);
    }

    static Object mul(Object a, Object b) {
        defined(a, b);
        if (a instanceof Markup m && isInt(b)) {
            return new Markup((String) mul(m.text(), b));
        }
        Object product = arithmetic(a, b, (x, y) -> x * y, BigInteger::multiply);
        if (product != null) {
            return product;
        }
        if (isInt(a) && (b instanceof String || b instanceof List<?>)) {
            return mul(b, a);
        }
        if (a instanceof String s && isInt(b)) {
            long n = Math.max(0, asLong(b));
            checkLength(n * s.length());
            return s.repeat((int) n);
        }
        if (a instanceof List<?> l && isInt(b)) {
            long n = Math.max(0, asLong(b));
            checkLength(n * l.size());
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.addAll(l);
            }
            return a instanceof PyTuple ? new PyTuple(out) : out;
        }
        throw operands("*", a, b);
    }

    static Object truediv(Object a, Object b) {
        defined(a, b);
        if (isNumber(a) && isNumber(b)) {
            double y = dbl(b);
            if (y == 0) {
                throw new PyError("division by zero");
            }
            return dbl(a) / y;
        }
        throw operands("/", a, b);
    }

    static Object floordiv(Object a, Object b) {
        defined(a, b);
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                double y = dbl(b);
                if (y == 0) {
                    throw new PyError("float floor division by zero");
                }
                return Math.floor(dbl(a) / y);
            }
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new PyError("integer division or modulo by zero");
            }
            BigInteger[] qr = big(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return norm(q);
        }
        throw operands("//", a, b);
    }

    static Object mod(Object a, Object b) {
        defined(a, b);
        if (a instanceof String s) {
            return PyFormat.percent(s, b);
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                double y = dbl(b);
                if (y == 0) {
                    throw new PyError("float modulo");
                }
                double r = dbl(a) % y;
                return r != 0 && (r < 0) != (y < 0) ? r + y : r;
            }
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw new PyError("integer division or modulo by zero");
            }
            BigInteger r = big(a).mod(y.abs());
            return norm(y.signum() < 0 && r.signum() != 0 ? r.add(y) : r);
        }
        throw operands("%", a, b);
    }

    static Object pow(Object a, Object b) {
        defined(a, b);
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double || big(b).signum() < 0) {
                return Math.pow(dbl(a), dbl(b));
            }
            long e = asLong(b);
            BigInteger base = big(a);
            if (base.bitLength() * e > 1 << 20) {
                throw new PyError("integer power too large");
            }
            return norm(base.pow((int) e));
        }
        throw operands("** or pow()", a, b);
    }

    static Object neg(Object a) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (isInt(a)) {
            return norm(big(a).negate());
        }
        throw new PyError("bad operand type for unary -: '" + typeName(a) + "'");
    }

    static Object pos(Object a) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (a instanceof Double) {
            return a;
        }
        if (isInt(a)) {
            return norm(big(a));
        }
        throw new PyError("bad operand type for unary +: '" + typeName(a) + "'");
    }

    static void checkLength(long n) {
        if (n > MAX_LENGTH) {
            throw new PyError("value too large (" + n + " items; the limit is " + MAX_LENGTH + ")");
        }
    }

    /** Python's {@code round(x, n)}: correctly rounded from the exact binary value, halves to even. */
    static double round(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

}
