package dev.ferret.engine.chat.jinja;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's global functions: jinja2's {@code range}, {@code namespace}, {@code dict}, {@code joiner}, and
 * Hugging Face's {@code raise_exception} and {@code strftime_now}.
 */
final class Builtins {
    /** Most numbers {@code range} hands out, against runaway loops. */
    static final int MAX_RANGE = 1_000_000;

    private Builtins() {}

    static Map<String, Object> globals(Clock clock) {
        Map<String, Object> g = new HashMap<>();
        g.put("range", (PyCallable) (args, kwargs) -> range(args));
        g.put("namespace", (PyCallable) (args, kwargs) -> {
            Namespace ns = new Namespace();
            for (Object a : args) {
                if (!(a instanceof Map<?, ?> m)) {
                    throw new PyError("namespace() takes keyword arguments or a mapping");
                }
                m.forEach((k, v) -> ns.attributes.put(Py.str(k), v));
            }
            ns.attributes.putAll(kwargs);
            return ns;
        });
        g.put("dict", (PyCallable) (args, kwargs) -> {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (Object a : args) {
                if (!(a instanceof Map<?, ?> src)) {
                    throw new PyError("dict() takes keyword arguments or a mapping");
                }
                m.putAll(src);
            }
            m.putAll(kwargs);
            return m;
        });
        g.put("joiner", (PyCallable) (args, kwargs) -> {
            String sep = Py.str(new Args("joiner", args, kwargs).get(0, "sep", ", "));
            boolean[] used = {false};
            return (PyCallable) (a, k) -> {
                if (used[0]) {
                    return sep;
                }
                used[0] = true;
                return "";
            };
        });
        g.put("raise_exception", (PyCallable) (args, kwargs) -> {
            throw new JinjaException.Raised(args.isEmpty() ? "" : Py.str(args.getFirst()), 0);
        });
        g.put("strftime_now", (PyCallable) (args, kwargs) -> {
            if (args.size() != 1 || !(args.getFirst() instanceof String fmt)) {
                throw new PyError("strftime_now() takes one format string");
            }
            return Strftime.format(fmt, ZonedDateTime.now(clock));
        });
        return g;
    }

    private static List<Object> range(List<Object> args) {
        long start = 0;
        long stop;
        long step = 1;
        switch (args.size()) {
            case 1 -> stop = Py.asLong(args.get(0));
            case 2, 3 -> {
                start = Py.asLong(args.get(0));
                stop = Py.asLong(args.get(1));
                if (args.size() == 3) {
                    step = Py.asLong(args.get(2));
                }
            }
            default -> throw new PyError("range expected 1 to 3 arguments, got " + args.size());
        }
        if (step == 0) {
            throw new PyError("range() arg 3 must not be zero");
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            if (out.size() >= MAX_RANGE) {
                throw new PyError("range() of more than " + MAX_RANGE + " items");
            }
            out.add(i);
        }
        return out;
    }
}
