package dev.ferret.engine.chat.jinja;

import java.util.List;

/** The parsed template: statements and expressions, each with the template line it starts on. */
sealed interface Node {
    int line();

    // --- statements ---------------------------------------------------------------------------------

    sealed interface Stmt extends Node {}

    record Text(String text, int line) implements Stmt {}

    record Print(Expr value, int line) implements Stmt {}

    record If(List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> otherwise, int line) implements Stmt {}

    record For(Target target, Expr iter, Expr filter, List<Stmt> body, List<Stmt> otherwise, int line) implements Stmt {}

    record Set(Target target, Expr value, int line) implements Stmt {}

    /** {@code {% set x %}...{% endset %}}, optionally through filters ({@code filter} applies to the body text). */
    record SetBlock(Target target, FilterChain filter, List<Stmt> body, int line) implements Stmt {}

    record MacroDef(String name, List<Param> params, List<Stmt> body, int line) implements Stmt {}

    /** {@code {% call(params) macro(args) %}body{% endcall %}}: the body is {@code caller} inside the macro. */
    record CallBlock(Call call, List<Param> params, List<Stmt> body, int line) implements Stmt {}

    record FilterBlock(FilterChain filter, List<Stmt> body, int line) implements Stmt {}

    record With(List<Target> targets, List<Expr> values, List<Stmt> body, int line) implements Stmt {}

    record Break(int line) implements Stmt {}

    record Continue(int line) implements Stmt {}

    /** Hugging Face's {@code {% generation %}} marks assistant text for training masks; it renders its body. */
    record Generation(List<Stmt> body, int line) implements Stmt {}

    record Param(String name, Expr defaultValue) {}

    /** Filters applied in order to a value supplied later (a block's text). */
    record FilterChain(List<Filter> filters) {}

    // --- assignment targets -------------------------------------------------------------------------

    sealed interface Target {}

    record NameTarget(String name) implements Target {}

    record TupleTarget(List<Target> items) implements Target {}

    /** {@code ns.attr}: assignment into a namespace. */
    record NamespaceTarget(String namespace, String attr) implements Target {}

    // --- expressions --------------------------------------------------------------------------------

    sealed interface Expr extends Node {}

    record Const(Object value, int line) implements Expr {}

    record Name(String name, int line) implements Expr {}

    record ListExpr(List<Expr> items, int line) implements Expr {}

    record TupleExpr(List<Expr> items, int line) implements Expr {}

    record DictExpr(List<Expr> keys, List<Expr> values, int line) implements Expr {}

    record GetAttr(Expr target, String name, int line) implements Expr {}

    record GetItem(Expr target, Expr key, int line) implements Expr {}

    record Slice(Expr start, Expr stop, Expr step, int line) implements Expr {}

    record Call(Expr callee, List<Expr> args, List<String> kwNames, List<Expr> kwValues, Expr starArgs, Expr starKwargs,
                int line) implements Expr {}

    /** {@code value|name(args)}; {@code value} is null inside a {@link FilterChain}. */
    record Filter(Expr value, String name, List<Expr> args, List<String> kwNames, List<Expr> kwValues, int line)
            implements Expr {}

    record Test(Expr value, String name, List<Expr> args, List<String> kwNames, List<Expr> kwValues, int line)
            implements Expr {}

    record Unary(String op, Expr operand, int line) implements Expr {}

    record Binary(String op, Expr left, Expr right, int line) implements Expr {}

    record And(Expr left, Expr right, int line) implements Expr {}

    record Or(Expr left, Expr right, int line) implements Expr {}

    record Not(Expr operand, int line) implements Expr {}

    /** {@code a < b <= c}: each operator between neighbouring operands, all must hold. */
    record Compare(Expr first, List<String> ops, List<Expr> rest, int line) implements Expr {}

    record Concat(List<Expr> parts, int line) implements Expr {}

    /** {@code then if test else otherwise}; without else, a false test gives Undefined. */
    record Cond(Expr test, Expr then, Expr otherwise, int line) implements Expr {}
}
