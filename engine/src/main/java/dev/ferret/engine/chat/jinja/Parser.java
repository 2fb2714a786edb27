package dev.ferret.engine.chat.jinja;

import dev.ferret.engine.chat.jinja.Lexer.Token;
import dev.ferret.engine.chat.jinja.Lexer.Type;
import dev.ferret.engine.chat.jinja.Node.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link Node} tree with jinja2's grammar and operator precedence: conditional expression, {@code or},
 * {@code and}, {@code not}, comparisons (chained, {@code in}, {@code not in}), {@code + -}, {@code ~},
 * {@code * / // %}, {@code **}, unary {@code - +}, then postfix (attribute, subscript, call) and filters/tests,
 * which bind tighter than any operator ({@code -x|abs} is {@code abs(-x)}).
 */
final class Parser {
    /** Deepest nesting of expressions and blocks; beyond it the template is refused, not the thread's stack. */
    static final int MAX_DEPTH = 200;

    private static final Set<String> UNSUPPORTED = Set.of("extends", "block", "include", "import", "from", "autoescape", "do");

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Stmt> parse(String source) {
        Parser p = new Parser(Lexer.tokenize(source));
        List<Stmt> body = p.statements(Set.of());
        if (p.peek().type() != Type.EOF) {
            Token t = p.peek();
            throw new JinjaException.Syntax("unexpected '" + p.blockName() + "' tag", t.line());
        }
        return body;
    }

    // --- token stream -------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.EOF) {
            pos++;
        }
        return t;
    }

    private boolean skipOp(String op) {
        if (peek().isOp(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean skipName(String name) {
        if (peek().isName(name)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(Type type, String what) {
        Token t = peek();
        if (t.type() != type) {
            throw fail("expected " + what + ", got " + describe(t), t);
        }
        return next();
    }

    private void expectOp(String op) {
        if (!skipOp(op)) {
            throw fail("expected '" + op + "', got " + describe(peek()), peek());
        }
    }

    private void expectName(String name) {
        if (!skipName(name)) {
            throw fail("expected '" + name + "', got " + describe(peek()), peek());
        }
    }

    private static String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "end of template";
            case BLOCK_END -> "end of statement block";
            case VAR_END -> "end of print statement";
            case TEXT -> "template text";
            default -> "'" + t.text() + "'";
        };
    }

    private static JinjaException.Syntax fail(String message, Token t) {
        return new JinjaException.Syntax(message, t.line());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("template nested more than " + MAX_DEPTH + " levels deep", peek());
        }
    }

    /** The name of the block tag at the current {@code {%}, for messages. */
    private String blockName() {
        Token t = peek(1);
        return t.type() == Type.NAME ? t.text() : describe(t);
    }

    // --- statements ---------------------------------------------------------------------------------

    /** Statements until a {@code {% name %}} tag with one of {@code ends} (left unconsumed). */
    private List<Stmt> statements(Set<String> ends) {
        enter();
        List<Stmt> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.type()) {
                case EOF -> {
                    if (!ends.isEmpty()) {
                        throw fail("unexpected end of template; expected " + String.join(" or ", ends.stream().sorted().toList()), t);
                    }
                    depth--;
                    return out;
                }
                case TEXT -> out.add(new Text((String) next().value(), t.line()));
                case VAR_BEGIN -> {
                    next();
                    Expr e = tuple(true, false, Set.of());
                    expect(Type.VAR_END, "end of print statement");
                    out.add(new Print(e, t.line()));
                }
                case BLOCK_BEGIN -> {
                    Token name = peek(1);
                    if (name.type() == Type.NAME && ends.contains(name.text())) {
                        depth--;
                        return out;
                    }
                    next();
                    out.add(statement());
                }
                default -> throw fail("unexpected " + describe(t), t);
            }
        }
    }

    private Stmt statement() {
        Token t = expect(Type.NAME, "a statement name");
        int line = t.line();
        return switch (t.text()) {
            case "if" -> ifStatement(line);
            case "for" -> forStatement(line);
            case "set" -> setStatement(line);
            case "macro" -> macro(line);
            case "call" -> callBlock(line);
            case "filter" -> filterBlock(line);
            case "with" -> withBlock(line);
            case "break" -> {
                endTag();
                yield new Break(line);
            }
            case "continue" -> {
                endTag();
                yield new Continue(line);
            }
            case "generation" -> {
                endTag();
                List<Stmt> body = statements(Set.of("endgeneration"));
                closing("endgeneration");
                yield new Generation(body, line);
            }
            default -> throw fail(UNSUPPORTED.contains(t.text())
                    ? "the '" + t.text() + "' tag is not supported in chat templates"
                    : "unknown tag '" + t.text() + "'", t);
        };
    }

    private void endTag() {
        expect(Type.BLOCK_END, "end of statement block");
    }

    /** Consumes {@code {% name %}}. */
    private void closing(String name) {
        expect(Type.BLOCK_BEGIN, "{% " + name + " %}");
        expectName(name);
        endTag();
    }

    private Stmt ifStatement(int line) {
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<Stmt> otherwise = List.of();
        tests.add(tuple(false, false, Set.of()));
        endTag();
        while (true) {
            bodies.add(statements(Set.of("elif", "else", "endif")));
            next(); // {%
            String which = next().text();
            if (which.equals("elif")) {
                tests.add(tuple(false, false, Set.of()));
                endTag();
                continue;
            }
            endTag();
            if (which.equals("else")) {
                otherwise = statements(Set.of("endif"));
                closing("endif");
            }
            return new If(tests, bodies, otherwise, line);
        }
    }

    private Stmt forStatement(int line) {
        Target target = assignTarget(Set.of("in"), false);
        expectName("in");
        Expr iter = tuple(false, false, Set.of("recursive"));
        Expr filter = null;
        if (skipName("if")) {
            filter = expression(true);
        }
        if (skipName("recursive")) {
            throw fail("recursive loops are not supported in chat templates", peek());
        }
        endTag();
        List<Stmt> body = statements(Set.of("endfor", "else"));
        List<Stmt> otherwise = List.of();
        next();
        if (next().text().equals("else")) {
            endTag();
            otherwise = statements(Set.of("endfor"));
            closing("endfor");
        } else {
            endTag();
        }
        return new For(target, iter, filter, body, otherwise, line);
    }

    private Stmt setStatement(int line) {
        Target target = assignTarget(Set.of(), true);
        if (skipOp("=")) {
            Expr value = tuple(true, false, Set.of());
            endTag();
            return new Node.Set(target, value, line);
        }
        FilterChain chain = peek().isOp("|") ? filterChain() : null;
        endTag();
        List<Stmt> body = statements(Set.of("endset"));
        closing("endset");
        return new SetBlock(target, chain, body, line);
    }

    private Stmt macro(int line) {
        String name = expect(Type.NAME, "a macro name").text();
        List<Param> params = params();
        endTag();
        List<Stmt> body = statements(Set.of("endmacro"));
        closing("endmacro");
        return new MacroDef(name, params, body, line);
    }

    private List<Param> params() {
        List<Param> params = new ArrayList<>();
        expectOp("(");
        while (!peek().isOp(")")) {
            if (!params.isEmpty()) {
                expectOp(",");
                if (peek().isOp(")")) {
                    break;
                }
            }
            String p = expect(Type.NAME, "a parameter name").text();
            Expr dflt = skipOp("=") ? expression(true) : null;
            params.add(new Param(p, dflt));
        }
        expectOp(")");
        return params;
    }

    private Stmt callBlock(int line) {
        List<Param> params = peek().isOp("(") ? params() : List.of();
        Expr e = expression(true);
        if (!(e instanceof Call call)) {
            throw fail("expected a call after 'call'", peek());
        }
        endTag();
        List<Stmt> body = statements(Set.of("endcall"));
        closing("endcall");
        return new CallBlock(call, params, body, line);
    }

    private Stmt filterBlock(int line) {
        List<Filter> filters = new ArrayList<>();
        int fline = peek().line();
        filters.add(filterCall(null, fline, filterName()));
        filters.addAll(filterChain().filters());
        endTag();
        List<Stmt> body = statements(Set.of("endfilter"));
        closing("endfilter");
        return new FilterBlock(new FilterChain(filters), body, line);
    }

    private String filterName() {
        Token t = expect(Type.NAME, "a filter name");
        StringBuilder name = new StringBuilder(t.text());
        while (peek().isOp(".") && peek(1).type() == Type.NAME) {
            next();
            name.append('.').append(next().text());
        }
        return name.toString();
    }

    private Stmt withBlock(int line) {
        List<Target> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (peek().type() != Type.BLOCK_END) {
            if (!targets.isEmpty()) {
                expectOp(",");
            }
            targets.add(assignTarget(Set.of(), false));
            expectOp("=");
            values.add(expression(true));
        }
        endTag();
        List<Stmt> body = statements(Set.of("endwith"));
        closing("endwith");
        return new With(targets, values, body, line);
    }

    /** A name, a tuple of names, or (for set) {@code ns.attr}. */
    private Target assignTarget(Set<String> extraEnds, boolean withNamespace) {
        if (withNamespace && peek().type() == Type.NAME && peek(1).isOp(".")) {
            String ns = next().text();
            next();
            String attr = expect(Type.NAME, "an attribute name").text();
            return new NamespaceTarget(ns, attr);
        }
        List<Target> items = new ArrayList<>();
        boolean tuple = false;
        while (true) {
            if (!items.isEmpty()) {
                expectOp(",");
            }
            if (isTupleEnd(extraEnds) || peek().isOp("=")) {
                break;
            }
            items.add(simpleTarget());
            if (peek().isOp(",")) {
                tuple = true;
            } else {
                break;
            }
        }
        if (items.isEmpty()) {
            throw fail("expected an assignment target", peek());
        }
        return tuple ? new TupleTarget(items) : items.getFirst();
    }

    private Target simpleTarget() {
        Token t = peek();
        if (t.type() == Type.NAME) {
            if (Set.of("true", "false", "none", "True", "False", "None").contains(t.text())) {
                throw fail("can't assign to " + t.text(), t);
            }
            next();
            return new NameTarget(t.text());
        }
        if (skipOp("(")) {
            Target inner = assignTarget(Set.of(), false);
            expectOp(")");
            return inner;
        }
        throw fail("can't assign to " + describe(t), t);
    }

    // --- expressions --------------------------------------------------------------------------------

    private boolean isTupleEnd(Set<String> extraEnds) {
        Token t = peek();
        if (t.type() == Type.VAR_END || t.type() == Type.BLOCK_END || t.type() == Type.EOF || t.isOp(")")) {
            return true;
        }
        return t.type() == Type.NAME && extraEnds.contains(t.text());
    }

    /** Comma-separated expressions: one expression, or a tuple when there is a comma. */
    private Expr tuple(boolean withCond, boolean explicitParens, Set<String> extraEnds) {
        int line = peek().line();
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                expectOp(",");
            }
            if (isTupleEnd(extraEnds)) {
                break;
            }
            items.add(expression(withCond));
            if (peek().isOp(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.getFirst();
            }
            if (!explicitParens) {
                throw fail("expected an expression, got " + describe(peek()), peek());
            }
        }
        return new TupleExpr(items, line);
    }

    private Expr expression(boolean withCond) {
        enter();
        try {
            return withCond ? condExpr() : or();
        } finally {
            depth--;
        }
    }

    private Expr condExpr() {
        Expr e = or();
        while (peek().isName("if")) {
            int line = next().line();
            Expr test = or();
            Expr otherwise = skipName("else") ? condExpr() : null;
            e = new Cond(test, e, otherwise, line);
        }
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (peek().isName("or")) {
            int line = next().line();
            e = new Or(e, and(), line);
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (peek().isName("and")) {
            int line = next().line();
            e = new And(e, not(), line);
        }
        return e;
    }

    private Expr not() {
        if (peek().isName("not")) {
            int line = next().line();
            enter();
            try {
                return new Not(not(), line);
            } finally {
                depth--;
            }
        }
        return compare();
    }

    private Expr compare() {
        int line = peek().line();
        Expr first = math1();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = peek();
            String op = null;
            if (t.type() == Type.OP && Set.of("==", "!=", "<", ">", "<=", ">=").contains(t.text())) {
                op = t.text();
                next();
            } else if (t.isName("in")) {
                op = "in";
                next();
            } else if (t.isName("not") && peek(1).isName("in")) {
                op = "not in";
                next();
                next();
            }
            if (op == null) {
                break;
            }
            ops.add(op);
            rest.add(math1());
        }
        return ops.isEmpty() ? first : new Compare(first, ops, rest, line);
    }

    private Expr math1() {
        Expr e = concat();
        while (peek().isOp("+") || peek().isOp("-")) {
            Token op = next();
            e = new Binary(op.text(), e, concat(), op.line());
        }
        return e;
    }

    private Expr concat() {
        int line = peek().line();
        List<Expr> parts = new ArrayList<>();
        parts.add(math2());
        while (skipOp("~")) {
            parts.add(math2());
        }
        return parts.size() == 1 ? parts.getFirst() : new Concat(parts, line);
    }

    private Expr math2() {
        Expr e = pow();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%")) {
            Token op = next();
            e = new Binary(op.text(), e, pow(), op.line());
        }
        return e;
    }

    private Expr pow() {
        Expr e = unary(true);
        while (peek().isOp("**")) {
            Token op = next();
            e = new Binary("**", e, unary(true), op.line());
        }
        return e;
    }

    private Expr unary(boolean withFilter) {
        Token t = peek();
        Expr e;
        if (t.isOp("-") || t.isOp("+")) {
            next();
            enter();
            try {
                e = new Unary(t.text(), unary(false), t.line());
            } finally {
                depth--;
            }
        } else {
            e = primary();
        }
        e = postfix(e);
        if (withFilter) {
            e = filterExpr(e);
        }
        return e;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.type()) {
            case NAME -> {
                next();
                return switch (t.text()) {
                    case "true", "True" -> new Const(Boolean.TRUE, t.line());
                    case "false", "False" -> new Const(Boolean.FALSE, t.line());
                    case "none", "None" -> new Const(null, t.line());
                    default -> new Name(t.text(), t.line());
                };
            }
            case STRING -> {
                StringBuilder sb = new StringBuilder();
                while (peek().type() == Type.STRING) {
                    sb.append((String) next().value()); // adjacent literals join, as in Python
                }
                return new Const(sb.toString(), t.line());
            }
            case INT, FLOAT -> {
                next();
                return new Const(t.value(), t.line());
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        next();
                        Expr e = tuple(true, true, Set.of());
                        expectOp(")");
                        return e;
                    }
                    case "[" -> {
                        next();
                        List<Expr> items = new ArrayList<>();
                        while (!peek().isOp("]")) {
                            if (!items.isEmpty()) {
                                expectOp(",");
                                if (peek().isOp("]")) {
                                    break;
                                }
                            }
                            items.add(expression(true));
                        }
                        expectOp("]");
                        return new ListExpr(items, t.line());
                    }
                    case "{" -> {
                        next();
                        List<Expr> keys = new ArrayList<>();
                        List<Expr> values = new ArrayList<>();
                        while (!peek().isOp("}")) {
                            if (!keys.isEmpty()) {
                                expectOp(",");
                                if (peek().isOp("}")) {
                                    break;
                                }
                            }
                            keys.add(expression(true));
                            expectOp(":");
                            values.add(expression(true));
                        }
                        expectOp("}");
                        return new DictExpr(keys, values, t.line());
                    }
                    default -> throw fail("unexpected '" + t.text() + "'", t);
                }
            }
            default -> throw fail("unexpected " + describe(t), t);
        }
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                next();
                Token a = next();
                if (a.type() == Type.NAME) {
                    e = new GetAttr(e, a.text(), a.line());
                } else if (a.type() == Type.INT) {
                    e = new GetItem(e, new Const(a.value(), a.line()), a.line());
                } else {
                    throw fail("expected name or number after '.'", a);
                }
            } else if (t.isOp("[")) {
                next();
                List<Expr> args = new ArrayList<>();
                while (!peek().isOp("]")) {
                    if (!args.isEmpty()) {
                        expectOp(",");
                    }
                    args.add(subscribed());
                }
                expectOp("]");
                if (args.isEmpty()) {
                    throw fail("expected a subscript", t);
                }
                e = new GetItem(e, args.size() == 1 ? args.getFirst() : new TupleExpr(args, t.line()), t.line());
            } else if (t.isOp("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    private Expr subscribed() {
        int line = peek().line();
        Expr start = null;
        if (!peek().isOp(":")) {
            Expr e = expression(true);
            if (!peek().isOp(":")) {
                return e;
            }
            start = e;
        }
        next(); // ':'
        Expr stop = null;
        if (!peek().isOp(":") && !peek().isOp("]") && !peek().isOp(",")) {
            stop = expression(true);
        }
        Expr step = null;
        if (skipOp(":") && !peek().isOp("]") && !peek().isOp(",")) {
            step = expression(true);
        }
        return new Slice(start, stop, step, line);
    }

    private Expr filterExpr(Expr e) {
        while (true) {
            Token t = peek();
            if (t.isOp("|")) {
                next();
                e = filterCall(e, t.line(), filterName());
            } else if (t.isName("is")) {
                e = test(e);
            } else if (t.isOp("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    /** The rest of {@code | f(args) | g} applied to a value given later. */
    private FilterChain filterChain() {
        List<Filter> filters = new ArrayList<>();
        while (peek().isOp("|")) {
            Token t = next();
            filters.add(filterCall(null, t.line(), filterName()));
        }
        return new FilterChain(filters);
    }

    private Filter filterCall(Expr value, int line, String name) {
        if (peek().isOp("(")) {
            Call c = (Call) call(new Name(name, line));
            if (c.starArgs() != null || c.starKwargs() != null) {
                throw fail("*args and **kwargs are not supported in filter arguments", peek());
            }
            return new Filter(value, name, c.args(), c.kwNames(), c.kwValues(), line);
        }
        return new Filter(value, name, List.of(), List.of(), List.of(), line);
    }

    private Expr test(Expr value) {
        Token is = next();
        boolean negated = skipName("not");
        Token nameTok = expect(Type.NAME, "a test name");
        String name = nameTok.text();
        while (peek().isOp(".") && peek(1).type() == Type.NAME) {
            next();
            name += "." + next().text();
        }
        Expr e;
        Token t = peek();
        if (t.isOp("(")) {
            Call c = (Call) call(new Name(name, t.line()));
            e = new Test(value, name, c.args(), c.kwNames(), c.kwValues(), is.line());
        } else if ((t.type() == Type.NAME || t.type() == Type.STRING || t.type() == Type.INT || t.type() == Type.FLOAT
                || t.isOp("(") || t.isOp("[") || t.isOp("{"))
                && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
            if (t.isName("is")) {
                throw fail("You cannot chain multiple tests with is", t);
            }
            Expr arg = postfix(primary());
            e = new Test(value, name, List.of(arg), List.of(), List.of(), is.line());
        } else {
            e = new Test(value, name, List.of(), List.of(), List.of(), is.line());
        }
        return negated ? new Not(e, is.line()) : e;
    }

    private Expr call(Expr callee) {
        Token open = next(); // (
        List<Expr> args = new ArrayList<>();
        List<String> kwNames = new ArrayList<>();
        List<Expr> kwValues = new ArrayList<>();
        Expr star = null;
        Expr starStar = null;
        boolean comma = false;
        while (!peek().isOp(")")) {
            if (comma) {
                expectOp(",");
                if (peek().isOp(")")) {
                    break;
                }
            }
            if (skipOp("*")) {
                star = expression(true);
            } else if (skipOp("**")) {
                starStar = expression(true);
            } else if (peek().type() == Type.NAME && peek(1).isOp("=")) {
                kwNames.add(next().text());
                next();
                kwValues.add(expression(true));
            } else {
                if (!kwNames.isEmpty()) {
                    throw fail("positional argument after keyword argument", peek());
                }
                args.add(expression(true));
            }
            comma = true;
        }
        expectOp(")");
        return new Call(callee, args, kwNames, kwValues, star, starStar, open.line());
    }
}
