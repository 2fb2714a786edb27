package dev.ferret.engine.chat.jinja;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's string formatting as templates use it: {@code "%s" % x}, the {@code format} filter, {@code str.format}. */
final class PyFormat {
    private PyFormat() {}

    /** {@code fmt % args}: %s %r %d %i %f %e %g %x %o %c and %%, with flags, width and precision. */
    static String percent(String fmt, Object args) {
        List<?> positional = args instanceof PyTuple t ? t : null;
        Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
        int next = 0;
        boolean usedSingle = false;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i >= fmt.length()) {
                throw new PyError("incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0 || named == null) {
                    throw new PyError("format requires a mapping");
                }
                Object key = fmt.substring(i + 1, close);
                Object k = Py.findKey(named, key);
                if (k == Py.MISSING) {
                    throw new PyError("KeyError: " + Py.repr(key));
                }
                value = named.get(k);
                haveValue = true;
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < fmt.length() && "-+ 0#".indexOf(fmt.charAt(i)) >= 0) {
                flags.append(fmt.charAt(i++));
            }
            int width = -1;
            int start = i;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(fmt.substring(start, i));
            }
            int precision = -1;
            if (i < fmt.length() && fmt.charAt(i) == '.') {
                start = ++i;
                while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
            }
            if (i >= fmt.length()) {
                throw new PyError("incomplete format");
            }
            char conv = fmt.charAt(i++);
            if (conv == '%') {
                sb.append('%');
                continue;
            }
            if (!haveValue) {
                if (positional != null) {
                    if (next >= positional.size()) {
                        throw new PyError("not enough arguments for format string");
                    }
                    value = positional.get(next++);
                } else {
                    if (usedSingle) {
                        throw new PyError("not enough arguments for format string");
                    }
                    value = args;
                    usedSingle = true;
                }
            }
            String body = switch (conv) {
                case 's' -> precision >= 0 ? truncate(Py.str(value), precision) : Py.str(value);
                case 'r', 'a' -> Py.repr(value);
                case 'd', 'i', 'u' -> numberSign(Py.big(Py.isInt(value) ? value : (long) Py.dbl(value)).toString(), flags);
                case 'x', 'X', 'o' -> {
                    String s = Py.big(value).toString(conv == 'o' ? 8 : 16);
                    yield numberSign(conv == 'X' ? s.toUpperCase(Locale.ROOT) : s, flags);
                }
                case 'f', 'F', 'e', 'E', 'g', 'G' -> numberSign(
                        String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + conv, Py.dbl(value)), flags);
                case 'c' -> value instanceof String s ? s : new String(Character.toChars((int) Py.asLong(value)));
                default -> throw new PyError("unsupported format character '" + conv + "'");
            };
            sb.append(pad(body, width, flags.indexOf("-") >= 0, flags.indexOf("0") >= 0 && "sr".indexOf(conv) < 0));
        }
        if (positional != null && next < positional.size()) {
            throw new PyError("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    private static String truncate(String s, int n) {
        int cps = s.codePointCount(0, s.length());
        return cps <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    private static String numberSign(String s, CharSequence flags) {
        if (s.startsWith("-")) {
            return s;
        }
        String f = flags.toString();
        return f.contains("+") ? "+" + s : f.contains(" ") ? " " + s : s;
    }

    private static String pad(String s, int width, boolean left, boolean zero) {
        int n = s.codePointCount(0, s.length());
        if (width <= n) {
            return s;
        }
        String fill = (zero && !left ? "0" : " ").repeat(width - n);
        if (left) {
            return s + fill;
        }
        if (zero && (s.startsWith("-") || s.startsWith("+"))) {
            return s.charAt(0) + fill + s.substring(1);
        }
        return fill + s;
    }

    /** {@code fmt.format(*args, **kwargs)} with {@code {}}, {@code {0}}, {@code {name}}, {@code !r}/{@code !s}. */
    static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder sb = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c == '{' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                sb.append('{');
                i += 2;
                continue;
            }
            if (c == '}' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                sb.append('}');
                i += 2;
                continue;
            }
            if (c != '{') {
                sb.append(c);
                i++;
                continue;
            }
            int close = fmt.indexOf('}', i);
            if (close < 0) {
                throw new PyError("Single '{' encountered in format string");
            }
            String field = fmt.substring(i + 1, close);
            i = close + 1;
            String conversion = null;
            int bang = field.indexOf('!');
            if (bang >= 0) {
                conversion = field.substring(bang + 1);
                field = field.substring(0, bang);
            }
            int colon = field.indexOf(':');
            if (colon >= 0) {
                if (colon + 1 < field.length()) {
                    throw new PyError("format specifications are not supported: {" + field + "}");
                }
                field = field.substring(0, colon);
            }
            Object value;
            if (field.isEmpty()) {
                if (auto >= args.size()) {
                    throw new PyError("Replacement index " + auto + " out of range for positional args tuple");
                }
                value = args.get(auto++);
            } else if (field.chars().allMatch(Character::isDigit)) {
                int k = Integer.parseInt(field);
                if (k >= args.size()) {
                    throw new PyError("Replacement index " + k + " out of range for positional args tuple");
                }
                value = args.get(k);
            } else {
                if (!kwargs.containsKey(field)) {
                    throw new PyError("KeyError: " + Py.repr(field));
                }
                value = kwargs.get(field);
            }
            sb.append("r".equals(conversion) ? Py.repr(value) : Py.str(value));
        }
        return sb.toString();
    }
}
