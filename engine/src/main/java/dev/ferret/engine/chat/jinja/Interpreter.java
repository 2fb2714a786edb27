package dev.ferret.engine.chat.jinja;

import dev.ferret.engine.chat.jinja.Node.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed template with jinja2's scoping: {@code if} blocks share their scope, each iteration of a
 * {@code for} loop gets a fresh scope whose assignments end with the iteration (hence {@code namespace}), a
 * macro sees the scope it was defined in as it is when called. Limits keep a hostile template from exhausting
 * the process: output size, steps, macro recursion.
 */
final class Interpreter {
    static final int MAX_STEPS = 5_000_000;
    static final int MAX_CALL_DEPTH = 100;

    private final Map<String, Object> globals;
    private final boolean lenientConcat;
    private StringBuilder out = new StringBuilder();
    private long steps;
    private int callDepth;

    Interpreter(Map<String, Object> globals, boolean lenientConcat) {
        this.globals = globals;
        this.lenientConcat = lenientConcat;
    }

    String run(List<Stmt> body) {
        exec(body, new Scope(null));
        return out.toString();
    }

    /** Variables of one block level; lookups fall through to enclosing scopes, then to the globals. */
    final class Scope {
        private final Map<String, Object> vars = new HashMap<>();
        private final Scope parent;

        Scope(Scope parent) {
            this.parent = parent;
        }

        Object lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) {
                    return s.vars.get(name);
                }
            }
            if (globals.containsKey(name)) {
                return globals.get(name);
            }
            return Undefined.name(name);
        }

        void set(String name, Object value) {
            vars.put(name, value);
        }
    }

    private enum Flow { NORMAL, BREAK, CONTINUE }

    // --- statements ---------------------------------------------------------------------------------

    private Flow exec(List<Stmt> body, Scope scope) {
        for (Stmt s : body) {
            Flow f;
            try {
                f = exec(s, scope);
            } catch (PyError e) {
                throw new JinjaException.Render(e.getMessage(), s.line());
            }
            if (f != Flow.NORMAL) {
                return f;
            }
        }
        return Flow.NORMAL;
    }

    private void step() {
        if (++steps > MAX_STEPS) {
            throw new PyError("the template ran more than " + MAX_STEPS + " steps");
        }
    }

    private void emit(String s) {
        if ((long) out.length() + s.length() > Py.MAX_LENGTH) {
            throw new PyError("the rendered text would exceed " + Py.MAX_LENGTH + " characters");
        }
        out.append(s);
    }

    private Flow exec(Stmt stmt, Scope scope) {
        step();
        switch (stmt) {
            case Text t -> emit(t.text());
            case Print p -> emit(Py.str(eval(p.value(), scope)));
            case If i -> {
                for (int k = 0; k < i.tests().size(); k++) {
                    if (Py.truthy(eval(i.tests().get(k), scope))) {
                        return exec(i.bodies().get(k), scope);
                    }
                }
                return exec(i.otherwise(), scope);
            }
            case For f -> {
                return loop(f, scope);
            }
            case Node.Set s -> assign(s.target(), eval(s.value(), scope), scope);
            case SetBlock s -> {
                String text = capture(s.body(), scope);
                assign(s.target(), s.filter() == null ? text : applyChain(s.filter(), text, scope), scope);
            }
            case MacroDef m -> scope.set(m.name(), new Macro(m.name(), m.params(), m.body(), scope));
            case CallBlock c -> {
                Macro caller = new Macro("caller", c.params(), c.body(), scope);
                Call call = c.call();
                Object callee = eval(call.callee(), scope);
                List<Object> args = evalArgs(call, scope);
                Map<String, Object> kwargs = evalKwargs(call, scope);
                kwargs.put("caller", caller);
                emit(Py.str(invoke(callee, args, kwargs)));
            }
            case FilterBlock f -> emit(Py.str(applyChain(f.filter(), capture(f.body(), scope), scope)));
            case With w -> {
                Scope inner = new Scope(scope);
                for (int k = 0; k < w.targets().size(); k++) {
                    assign(w.targets().get(k), eval(w.values().get(k), scope), inner);
                }
                return exec(w.body(), inner);
            }
            case Break b -> {
                return Flow.BREAK;
            }
            case Continue c -> {
                return Flow.CONTINUE;
            }
            case Generation g -> {
                return exec(g.body(), scope);
            }
        }
        return Flow.NORMAL;
    }

    private Flow loop(For f, Scope scope) {
        Object iterable = eval(f.iter(), scope);
        List<Object> items = Py.iterate(iterable);
        if (f.filter() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                step();
                Scope probe = new Scope(scope);
                assign(f.target(), item, probe);
                if (Py.truthy(eval(f.filter(), probe))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty()) {
            return exec(f.otherwise(), scope);
        }
        LoopContext loop = new LoopContext(items, 0);
        for (int i = 0; i < items.size(); i++) {
            step();
            loop.index0 = i;
            Scope iteration = new Scope(scope);
            iteration.set("loop", loop);
            assign(f.target(), items.get(i), iteration);
            if (exec(f.body(), iteration) == Flow.BREAK) {
                break;
            }
        }
        return Flow.NORMAL;
    }

    private void assign(Target target, Object value, Scope scope) {
        switch (target) {
            case NameTarget n -> scope.set(n.name(), value);
            case TupleTarget t -> {
                List<Object> values = Py.iterate(value);
                if (values.size() != t.items().size()) {
                    throw new PyError((values.size() > t.items().size() ? "too many" : "not enough")
                            + " values to unpack (expected " + t.items().size() + ", got " + values.size() + ")");
                }
                for (int i = 0; i < values.size(); i++) {
                    assign(t.items().get(i), values.get(i), scope);
                }
            }
            case NamespaceTarget n -> {
                Object ns = scope.lookup(n.namespace());
                if (!(ns instanceof Namespace space)) {
                    throw new PyError("can not assign attribute on non-namespace object");
                }
                space.attributes.put(n.attr(), value);
            }
        }
    }

    /** Renders {@code body} into a string of its own (set blocks, filter blocks, macros). */
    private String capture(List<Stmt> body, Scope scope) {
        StringBuilder saved = out;
        out = new StringBuilder();
        try {
            exec(body, scope);
            return out.toString();
        } finally {
            out = saved;
        }
    }

    private Object applyChain(FilterChain chain, Object value, Scope scope) {
        Object v = value;
        for (Filter f : chain.filters()) {
            v = filter(f, v, scope);
        }
        return v;
    }

    // --- macros -------------------------------------------------------------------------------------

    /** A macro: called like a function, renders its body with the arguments bound, returns the text. */
    final class Macro implements PyCallable {
        final String name;
        private final List<Param> params;
        private final List<Stmt> body;
        private final Scope closure;

        Macro(String name, List<Param> params, List<Stmt> body, Scope closure) {
            this.name = name;
            this.params = params;
            this.body = body;
            this.closure = closure;
        }

        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            if (++callDepth > MAX_CALL_DEPTH) {
                callDepth--;
                throw new PyError("maximum recursion depth exceeded in macro " + name);
            }
            try {
                Scope scope = new Scope(closure);
                Map<String, Object> extra = new LinkedHashMap<>(kwargs);
                for (int i = 0; i < params.size(); i++) {
                    Param p = params.get(i);
                    Object v;
                    if (i < args.size()) {
                        v = args.get(i);
                    } else if (extra.containsKey(p.name())) {
                        v = extra.remove(p.name());
                    } else if (p.defaultValue() != null) {
                        v = eval(p.defaultValue(), scope);
                    } else {
                        v = Undefined.name(p.name());
                    }
                    scope.set(p.name(), v);
                }
                Object caller = extra.remove("caller");
                if (caller != null) {
                    scope.set("caller", caller);
                }
                scope.set("varargs", args.size() > params.size() ? new ArrayList<>(args.subList(params.size(), args.size())) : new ArrayList<>());
                scope.set("kwargs", extra);
                return capture(body, scope);
            } finally {
                callDepth--;
            }
        }
    }

    // --- expressions --------------------------------------------------------------------------------

    Object eval(Expr e, Scope scope) {
        return switch (e) {
            case Const c -> c.value();
            case Name n -> scope.lookup(n.name());
            case ListExpr l -> {
                List<Object> items = new ArrayList<>(l.items().size());
                for (Expr x : l.items()) {
                    items.add(eval(x, scope));
                }
                yield items;
            }
            case TupleExpr t -> {
                List<Object> items = new ArrayList<>(t.items().size());
                for (Expr x : t.items()) {
                    items.add(eval(x, scope));
                }
                yield new PyTuple(items);
            }
            case DictExpr d -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < d.keys().size(); i++) {
                    Object k = eval(d.keys().get(i), scope);
                    Object existing = Py.findKey(m, k);
                    m.put(existing == Py.MISSING ? k : existing, eval(d.values().get(i), scope));
                }
                yield m;
            }
            case GetAttr g -> Members.getattr(eval(g.target(), scope), g.name());
            case GetItem g -> {
                Object target = eval(g.target(), scope);
                if (g.key() instanceof Slice s) {
                    if (target instanceof Undefined u) {
                        throw u.error();
                    }
                    yield Py.slice(target, s.start() == null ? null : eval(s.start(), scope),
                            s.stop() == null ? null : eval(s.stop(), scope), s.step() == null ? null : eval(s.step(), scope));
                }
                yield Members.getitem(target, eval(g.key(), scope));
            }
            case Slice s -> throw new PyError("a slice is only allowed inside []");
            case Call c -> invoke(eval(c.callee(), scope), evalArgs(c, scope), evalKwargs(c, scope));
            case Filter f -> filter(f, eval(f.value(), scope), scope);
            case Test t -> Tests.apply(this, t.name(), eval(t.value(), scope), evalList(t.args(), scope),
                    evalKw(t.kwNames(), t.kwValues(), scope));
            case Unary u -> u.op().equals("-") ? Py.neg(eval(u.operand(), scope)) : Py.pos(eval(u.operand(), scope));
            case Binary b -> {
                Object l = eval(b.left(), scope);
                Object r = eval(b.right(), scope);
                if (lenientConcat && b.op().equals("+") && (l instanceof String || r instanceof String)) {
                    yield Py.str(l) + Py.str(r);
                }
                yield switch (b.op()) {
                    case "+" -> Py.add(l, r);
                    case "-" -> Py.sub(l, r);
                    case "*" -> Py.mul(l, r);
                    case "/" -> Py.truediv(l, r);
                    case "//" -> Py.floordiv(l, r);
                    case "%" -> Py.mod(l, r);
                    case "**" -> Py.pow(l, r);
                    default -> throw new PyError("unknown operator " + b.op());
                };
            }
            case And a -> {
                Object l = eval(a.left(), scope);
                yield Py.truthy(l) ? eval(a.right(), scope) : l;
            }
            case Or o -> {
                Object l = eval(o.left(), scope);
                yield Py.truthy(l) ? l : eval(o.right(), scope);
            }
            case Not n -> !Py.truthy(eval(n.operand(), scope));
            case Compare c -> {
                Object left = eval(c.first(), scope);
                for (int i = 0; i < c.ops().size(); i++) {
                    Object right = eval(c.rest().get(i), scope);
                    if (!compare(c.ops().get(i), left, right)) {
                        yield false;
                    }
                    left = right;
                }
                yield true;
            }
            case Concat c -> {
                StringBuilder sb = new StringBuilder();
                for (Expr p : c.parts()) {
                    sb.append(Py.str(eval(p, scope)));
                    Py.checkLength(sb.length());
                }
                yield sb.toString();
            }
            case Cond c -> Py.truthy(eval(c.test(), scope)) ? eval(c.then(), scope)
                    : c.otherwise() == null ? Undefined.plain() : eval(c.otherwise(), scope);
        };
    }

    private static boolean compare(String op, Object l, Object r) {
        return switch (op) {
            case "==" -> Py.eq(l, r);
            case "!=" -> !Py.eq(l, r);
            case "<" -> Py.compare(l, r) < 0;
            case "<=" -> Py.compare(l, r) <= 0;
            case ">" -> Py.compare(l, r) > 0;
            case ">=" -> Py.compare(l, r) >= 0;
            case "in" -> Py.contains(r, l);
            case "not in" -> !Py.contains(r, l);
            default -> throw new PyError("unknown comparison " + op);
        };
    }

    private Object filter(Filter f, Object value, Scope scope) {
        return Filters.apply(this, f.name(), value, evalList(f.args(), scope), evalKw(f.kwNames(), f.kwValues(), scope));
    }

    private List<Object> evalList(List<Expr> exprs, Scope scope) {
        List<Object> out = new ArrayList<>(exprs.size());
        for (Expr x : exprs) {
            out.add(eval(x, scope));
        }
        return out;
    }

    private Map<String, Object> evalKw(List<String> names, List<Expr> values, Scope scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), eval(values.get(i), scope));
        }
        return out;
    }

    private List<Object> evalArgs(Call c, Scope scope) {
        List<Object> args = evalList(c.args(), scope);
        if (c.starArgs() != null) {
            args.addAll(Py.iterate(eval(c.starArgs(), scope)));
        }
        return args;
    }

    private Map<String, Object> evalKwargs(Call c, Scope scope) {
        Map<String, Object> kw = evalKw(c.kwNames(), c.kwValues(), scope);
        if (c.starKwargs() != null) {
            Object m = eval(c.starKwargs(), scope);
            if (!(m instanceof Map<?, ?> map)) {
                throw new PyError("argument after ** must be a mapping, not " + Py.typeName(m));
            }
            map.forEach((k, v) -> kw.put(Py.str(k), v));
        }
        return kw;
    }

    Object invoke(Object callee, List<Object> args, Map<String, Object> kwargs) {
        if (callee instanceof PyCallable c) {
            return c.call(args, kwargs);
        }
        if (callee instanceof Undefined u) {
            throw u.error();
        }
        throw new PyError("'" + Py.typeName(callee) + "' object is not callable");
    }
}
