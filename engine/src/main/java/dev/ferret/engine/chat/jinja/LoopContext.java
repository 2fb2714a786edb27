package dev.ferret.engine.chat.jinja;

import java.util.List;

/** The {@code loop} variable of a for loop: position, neighbours, {@code cycle} and {@code changed}. */
final class LoopContext {
    private final List<Object> items;
    private final int depth0;
    int index0;
    private Object lastChanged = Py.MISSING;

    LoopContext(List<Object> items, int depth0) {
        this.items = items;
        this.depth0 = depth0;
    }

    Object attribute(String name) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (n - index0);
            case "revindex0" -> (long) (n - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == n - 1;
            case "length" -> (long) n;
            case "depth" -> (long) depth0 + 1;
            case "depth0" -> (long) depth0;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.plain();
            case "nextitem" -> index0 + 1 < n ? items.get(index0 + 1) : Undefined.plain();
            case "cycle" -> (PyCallable) (args, kwargs) -> {
                if (args.isEmpty()) {
                    throw new PyError("no items for cycling given");
                }
                return args.get(index0 % args.size());
            };
            case "changed" -> (PyCallable) (args, kwargs) -> {
                Object v = new PyTuple(args);
                if (lastChanged == Py.MISSING || !Py.eq(lastChanged, v)) {
                    lastChanged = v;
                    return true;
                }
                return false;
            };
            default -> Undefined.member(this, name);
        };
    }
}
