package dev.ferret.engine.chat.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** jinja2's built-in tests: {@code x is defined}, {@code x is string}, {@code x is divisibleby 3}, ... */
final class Tests {
    private Tests() {}

    private static final Set<String> FILTER_NAMES = Set.of("tojson", "trim", "length", "count", "string", "list",
            "lower", "upper", "capitalize", "title", "replace", "default", "d", "join", "first", "last", "reverse",
            "items", "dictsort", "sort", "unique", "min", "max", "sum", "abs", "round", "int", "float", "select",
            "reject", "selectattr", "rejectattr", "map", "attr", "indent", "center", "wordcount", "format", "safe",
            "escape", "e", "forceescape", "batch");

    static Object apply(Interpreter in, String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        Args a = new Args(name, args, kwargs);
        return switch (name) {
            case "defined" -> !(value instanceof Undefined);
            case "undefined" -> value instanceof Undefined;
            case "none" -> value == null;
            case "boolean" -> value instanceof Boolean;
            case "true" -> Boolean.TRUE.equals(value);
            case "false" -> Boolean.FALSE.equals(value);
            case "integer" -> Py.isInt(value) && !(value instanceof Boolean);
            case "float" -> value instanceof Double;
            case "number" -> Py.isNumber(value);
            case "string" -> value instanceof String || value instanceof Markup;
            case "mapping" -> value instanceof Map<?, ?>;
            case "iterable" -> Py.isIterable(value);
            case "sequence" -> value instanceof String || value instanceof Markup || value instanceof List<?> || value instanceof Map<?, ?>;
            case "callable" -> value instanceof PyCallable;
            case "sameas" -> {
                Object other = a.required(0, "other");
                yield value == other || value != null && Py.isInt(value) && Py.eq(value, other) && Py.typeName(value).equals(Py.typeName(other));
            }
            case "eq", "equalto", "==" -> Py.eq(value, a.required(0, "other"));
            case "ne", "!=" -> !Py.eq(value, a.required(0, "other"));
            case "lt", "lessthan", "<" -> Py.compare(value, a.required(0, "other")) < 0;
            case "le", "<=" -> Py.compare(value, a.required(0, "other")) <= 0;
            case "gt", "greaterthan", ">" -> Py.compare(value, a.required(0, "other")) > 0;
            case "ge", ">=" -> Py.compare(value, a.required(0, "other")) >= 0;
            case "in" -> Py.contains(a.required(0, "seq"), value);
            case "odd" -> Py.big(value).testBit(0);
            case "even" -> !Py.big(value).testBit(0);
            case "divisibleby" -> {
                Object n = a.required(0, "num");
                yield Py.truthy(Py.eq(Py.mod(value, n), 0L));
            }
            case "lower" -> {
                String s = Py.str(value);
                yield s.codePoints().anyMatch(Character::isLowerCase) && s.codePoints().noneMatch(Character::isUpperCase);
            }
            case "upper" -> {
                String s = Py.str(value);
                yield s.codePoints().anyMatch(Character::isUpperCase) && s.codePoints().noneMatch(Character::isLowerCase);
            }
            case "escaped" -> value instanceof Markup;
            case "filter" -> FILTER_NAMES.contains(Py.str(value));
            case "test" -> Set.of("defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number",
                    "string", "mapping", "iterable", "sequence", "callable", "sameas", "eq", "equalto", "ne", "lt", "le",
                    "gt", "ge", "in", "odd", "even", "divisibleby", "lower", "upper", "escaped", "filter", "test")
                    .contains(Py.str(value));
            default -> throw new PyError("no test named '" + name + "'");
        };
    }
}
