package dev.ferret.llama;

import dev.ferret.llama.GbnfGrammar.Alt;
import dev.ferret.llama.GbnfGrammar.Any;
import dev.ferret.llama.GbnfGrammar.Cls;
import dev.ferret.llama.GbnfGrammar.Lit;
import dev.ferret.llama.GbnfGrammar.Node;
import dev.ferret.llama.GbnfGrammar.Ref;
import dev.ferret.llama.GbnfGrammar.Rep;
import dev.ferret.llama.GbnfGrammar.Seq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What llama.cpp's grammar code (b4916, {@code llama-grammar.cpp}) will do with a grammar, measured in Java before
 * it sees it. The grammar is written out as llama.cpp writes it: each group a rule, each repetition {@code S{m,n}}
 * as m copies of S and a chain of rules {@code S'(k) ::= S S'(k-1) |}. On that form:
 *
 * <ul>
 *   <li><b>Left recursion</b>: a rule that can come back to itself before any character, also through rules that
 *       can match nothing (llama.cpp finds only the cases where such a rule has an empty alternative of its
 *       own). llama.cpp's {@code llama_grammar_advance_stack} recurses without end on it, killing the process
 *       whatever the stack; when llama.cpp does find it, b4916 silently drops the grammar.</li>
 *   <li><b>Depth</b>: the most frames {@code llama_grammar_advance_stack} can take from any position before it
 *       reaches a character (each rule reference it follows, and each rule it passes over because it matched
 *       nothing, is one frame). It runs when the sampler is made, and for every token in apply and accept;
 *       {@code llama_grammar_detect_left_recursion} and the parser's recursion are no deeper.</li>
 *   <li><b>Expansions</b>: the calls {@code llama_grammar_advance_stack} makes from one position, one per way
 *       of reading the rules there; it tries every one without memory, so {@code r0 ::= r1 | r1}, {@code r1 ::=
 *       r2 | r2}, ... takes 2^n calls.</li>
 *   <li><b>Elements</b>: the size of the rules llama.cpp writes out ({@code "a"{999999999}} is a billion
 *       elements; b4916 drops the grammar when that allocation fails).</li>
 * </ul>
 *
 * Every walk over rules is iterative (a chain of rules can be as long as the text allows); walks inside one rule
 * recurse, bounded by {@link GbnfGrammar#MAX_NESTING}, with plain loops (see {@code GbnfGrammar.deepest}).
 */
final class GbnfBounds {
    /** "Not possible" for the frame counts (no path of that kind). */
    private static final long NONE = -1;
    /** Counts saturate here. */
    private static final long CAP = 1L << 50;
    /** An item that is a character (a literal's first one, a class, '.'). */
    private static final int TERM = -1;

    /**
     * A node of the written-out grammar: a rule (named, or a group) with its alternatives, or a repetition of an
     * item. Items are node indexes or {@link #TERM}.
     */
    private static final class Unit {
        final String rule;
        final String what;
        final int[][] alternatives;
        final int item;
        final int min;
        final int max;

        Unit(String rule, String what, int[][] alternatives) {
            this(rule, what, alternatives, TERM, 0, 0);
        }

        Unit(String rule, String what, int[][] alternatives, int item, int min, int max) {
            this.rule = rule;
            this.what = what;
            this.alternatives = alternatives;
            this.item = item;
            this.min = min;
            this.max = max;
        }

        boolean isRepetition() {
            return alternatives == null;
        }

        String describe() {
            return what.isEmpty() ? "rule '" + rule + "'" : what + " in rule '" + rule + "'";
        }
    }

    /**
     * Frames and calls of {@code llama_grammar_advance_stack} for an item: {@code t} the most frames of a path
     * that ends at a character inside it, {@code e} the most frames of a path that passes over it matching
     * nothing ({@link #NONE} when neither can happen), {@code c} the calls made inside it, {@code p} the number of
     * ways to pass over it.
     */
    private record Cost(long t, long e, long c, long p) {
        static final Cost TERMINAL = new Cost(1, NONE, 1, 0);

        /** The cost of a reference to a rule whose alternatives together cost this: one more frame and call. */
        Cost referenced() {
            return new Cost(t < 0 ? NONE : plus(1, t), e < 0 ? NONE : plus(1, e), plus(1, c), p);
        }
    }

    private final List<Unit> units = new ArrayList<>();
    private final Map<String, Integer> named = new HashMap<>();
    private long elements;
    private String largest;
    private long largestElements;

    private GbnfBounds() {
    }

    /** The measures of a grammar; {@link #depth} and {@link #expansions} are maxima over every position. */
    record Measures(long depth, String deepest, long expansions, String widest, long elements) {
    }

    /**
     * Measures {@code g}, whose rule references are all defined.
     *
     * @throws LlamaException.Sampler for left recursion, or when the written-out rules would exceed
     *                                {@code maxElements} elements (checked first: measuring costs as much)
     */
    static Measures measure(GbnfGrammar g, long maxElements) {
        GbnfBounds b = new GbnfBounds();
        for (String name : g.rules().keySet()) {
            b.named.put(name, b.units.size());
            b.units.add(null);
        }
        for (var e : g.rules().entrySet()) {
            b.units.set(b.named.get(e.getKey()), new Unit(e.getKey(), "", b.alternatives(g, e.getValue(), e.getKey(), false)));
            if (b.elements > maxElements) {
                break;
            }
        }
        if (b.elements > maxElements) {
            throw new LlamaException.Sampler("grammar: llama.cpp would write it out as more than " + maxElements + " elements"
                    + (b.largest == null ? "" : " (repetitions are written out: " + b.largest + " alone makes " + b.largestElements + ")"));
        }
        boolean[] nullable = b.nullable();
        int[] order = b.order(nullable);
        return b.costs(order);
    }

    // ------------------------------------------------------------------ writing the grammar out as llama.cpp does

    /**
     * The alternatives of a rule's body, or with {@code inGroup} of a group's body (whose one pair of parentheses is
     * the unit being written; a body written in parentheses at rule level is a group of its own, as in llama.cpp).
     */
    private int[][] alternatives(GbnfGrammar g, Node body, String rule, boolean inGroup) {
        boolean open = inGroup || g.groups(body) == 0;
        List<Node> options = open && body instanceof Alt a ? a.options() : List.of(body);
        int[][] out = new int[options.size()][];
        long size = 0;
        for (int i = 0; i < options.size(); i++) {
            Node o = options.get(i);
            boolean items = o == body ? open : g.groups(o) == 0;
            List<Node> seq = items && o instanceof Seq s ? s.items() : List.of(o);
            List<Integer> out1 = new ArrayList<>();
            for (Node n : seq) {
                // the body itself as the one item of its group: its parentheses are this unit
                size = plus(size, item(g, n, rule, out1, inGroup && n == body));
            }
            out[i] = ints(out1);
        }
        elements = plus(elements, plus(size, options.size()));   // ALT separators and END
        return out;
    }

    /**
     * Appends the item for {@code n} (none for an empty literal) and returns the elements it takes inline.
     * {@code bare}: ignore the node's own parentheses (it is a group's body).
     */
    private long item(GbnfGrammar g, Node n, String rule, List<Integer> out, boolean bare) {
        int groups = bare ? 0 : g.groups(n);
        if (groups > 0) {
            int unit = units.size();
            units.add(null);
            units.set(unit, new Unit(rule, "a group", alternatives(g, n, rule, true)));
            for (int i = 1; i < groups; i++) {
                units.add(new Unit(rule, "a group", new int[][] {{unit}}));
                unit = units.size() - 1;
                elements = plus(elements, 2);
            }
            out.add(unit);
            return 1;
        }
        return switch (n) {
            case Lit l -> {
                if (l.cps().length > 0) {
                    out.add(TERM);
                }
                yield l.cps().length;
            }
            case Cls c -> {
                out.add(TERM);
                long size = 0;
                for (int[] range : c.ranges()) {
                    size += range[0] == range[1] ? 1 : 2;
                }
                yield size;
            }
            case Any _ -> {
                out.add(TERM);
                yield 1;
            }
            case Ref r -> {
                out.add(named.get(r.name()));
                yield 1;
            }
            case Rep r -> repetition(g, r, rule, out);
            case Seq s -> {
                // only inside parentheses, which were handled above; kept for completeness
                long size = 0;
                for (Node i : s.items()) {
                    size = plus(size, item(g, i, rule, out, false));
                }
                yield size;
            }
            case Alt _ -> throw new IllegalStateException("alternatives outside parentheses");
        };
    }

    /**
     * {@code S{m,n}}: llama.cpp writes m copies of S, then a reference to {@code S'(n-m)}, where {@code S'(1) ::=
     * S |} and {@code S'(k) ::= S S'(k-1) |} (for no upper bound, one rule {@code S' ::= S S' |}). Kept here as one
     * unit, costed by those rules.
     */
    private long repetition(GbnfGrammar g, Rep r, String rule, List<Integer> out) {
        List<Integer> s = new ArrayList<>();
        long size = item(g, r.item(), rule, s, false);
        int item = s.isEmpty() ? TERM : s.getFirst();
        long optional = r.max() < 0 ? 1 : Math.max(0, (long) r.max() - r.min());
        long inline = plus(times(size, r.min()), optional > 0 ? 1 : 0);
        long rules = times(optional, plus(size, 3));
        if (plus(inline, rules) > largestElements) {
            largestElements = plus(inline, rules);
            largest = "a repetition {" + r.min() + (r.max() == r.min() ? "" : "," + (r.max() < 0 ? "" : r.max())) + "} in rule '" + rule + "'";
        }
        elements = plus(elements, rules);
        if (s.isEmpty()) {
            // S{m,n} of an empty literal: nothing to repeat, nothing written (the reader refuses a bare one)
            return 0;
        }
        units.add(new Unit(rule, "a repetition", null, item, r.min(), r.max()));
        out.add(units.size() - 1);
        return inline;
    }

    /** A plain loop: no lambda is linked inside the recursion (see {@code GbnfGrammar.deepest}). */
    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    // ------------------------------------------------------------------ which units can match nothing

    /** Which units can match nothing: the usual fixed point, kept linear with a count per alternative. */
    private boolean[] nullable() {
        int n = units.size();
        boolean[] nullable = new boolean[n];
        List<int[]> alts = new ArrayList<>();   // {unit, alternative}
        List<Integer> pending = new ArrayList<>();
        Map<Integer, List<Integer>> users = new HashMap<>();   // unit -> alternatives (by index in alts) using it
        Map<Integer, List<Integer>> repeaters = new HashMap<>();   // unit -> repetitions of it
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int u = 0; u < n; u++) {
            Unit unit = units.get(u);
            if (unit.isRepetition()) {
                if (unit.min == 0) {
                    mark(nullable, queue, u);
                } else if (unit.item != TERM) {
                    repeaters.computeIfAbsent(unit.item, _ -> new ArrayList<>()).add(u);
                }
                continue;
            }
            for (int[] alt : unit.alternatives) {
                boolean term = false;
                for (int i : alt) {
                    term |= i == TERM;
                }
                if (term) {
                    continue;
                }
                int id = alts.size();
                alts.add(new int[] {u});
                pending.add(alt.length);
                for (int i : alt) {
                    users.computeIfAbsent(i, _ -> new ArrayList<>()).add(id);
                }
                if (alt.length == 0) {
                    mark(nullable, queue, u);
                }
            }
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int alt : users.getOrDefault(u, List.of())) {
                pending.set(alt, pending.get(alt) - 1);
                if (pending.get(alt) == 0) {
                    mark(nullable, queue, alts.get(alt)[0]);
                }
            }
            for (int rep : repeaters.getOrDefault(u, List.of())) {
                mark(nullable, queue, rep);
            }
        }
        return nullable;
    }

    private static void mark(boolean[] nullable, ArrayDeque<Integer> queue, int u) {
        if (!nullable[u]) {
            nullable[u] = true;
            queue.add(u);
        }
    }

    // ------------------------------------------------------------------ left recursion, and an order to cost in

    /** The units a unit can reach before any character: its leading items, and those after ones that may match nothing. */
    private int[] leading(int u, boolean[] nullable) {
        Unit unit = units.get(u);
        if (unit.isRepetition()) {
            return unit.item == TERM ? new int[0] : new int[] {unit.item};
        }
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (int[] alt : unit.alternatives) {
            for (int i : alt) {
                if (i == TERM) {
                    break;
                }
                out.add(i);
                if (!nullable[i]) {
                    break;
                }
            }
        }
        return ints(new ArrayList<>(out));
    }

    /**
     * The units in an order where each comes after those it reaches before a character (depth-first, iterative,
     * from every unit as llama.cpp's check starts from every rule); a cycle is left recursion.
     */
    private int[] order(boolean[] nullable) {
        int n = units.size();
        int[][] next = new int[n][];
        for (int u = 0; u < n; u++) {
            next[u] = leading(u, nullable);
            Unit unit = units.get(u);
            if (unit.isRepetition() && unit.max < 0 && unit.item != TERM && nullable[unit.item]) {
                // S' ::= S S' | with S able to match nothing: S' comes back to itself before any character
                throw new LlamaException.Sampler("grammar: " + unit.describe() + " repeats with '*' or '+' (or {m,}) an item that"
                        + " can match nothing; llama.cpp would loop on it without end");
            }
        }
        byte[] state = new byte[n];   // 0 new, 1 on the path, 2 done
        int[] order = new int[n];
        int done = 0;
        int[] path = new int[n];
        int[] at = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            int depth = 0;
            path[0] = start;
            at[0] = 0;
            state[start] = 1;
            while (depth >= 0) {
                int u = path[depth];
                if (at[depth] < next[u].length) {
                    int v = next[u][at[depth]++];
                    if (state[v] == 1) {
                        throw leftRecursion(path, depth, v);
                    }
                    if (state[v] == 0) {
                        state[v] = 1;
                        depth++;
                        path[depth] = v;
                        at[depth] = 0;
                    }
                } else {
                    state[u] = 2;
                    order[done++] = u;
                    depth--;
                }
            }
        }
        return order;
    }

    private LlamaException.Sampler leftRecursion(int[] path, int depth, int back) {
        int from = depth;
        while (path[from] != back) {
            from--;
        }
        List<String> names = new ArrayList<>();
        for (int i = from; i <= depth; i++) {
            String r = units.get(path[i]).rule;
            if (names.isEmpty() || !names.getLast().equals(r)) {
                names.add(r);
            }
        }
        if (names.size() > 1 && names.getFirst().equals(names.getLast())) {
            names.removeLast();
        }
        String cycle = names.size() > 8 ? String.join(" -> ", names.subList(0, 8)) + " -> ..." : String.join(" -> ", names);
        return new LlamaException.Sampler("grammar: " + units.get(back).describe() + " is left-recursive: it can come back"
                + " to itself before any character (" + cycle + " -> " + units.get(back).rule + "), which llama.cpp cannot"
                + " take (only rules that match nothing may come first)");
    }

    // ------------------------------------------------------------------ frames and calls

    private Measures costs(int[] order) {
        Cost[] cost = new Cost[units.size()];
        for (int u : order) {
            Unit unit = units.get(u);
            cost[u] = unit.isRepetition() ? repetitionCost(unit, cost) : alternativesCost(unit.alternatives, cost);
        }
        long depth = 0;
        long calls = 0;
        String deepest = null;
        String widest = null;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            // entering the unit (llama.cpp's left-recursion check starts at every rule), then every position
            Cost in = unit.isRepetition() ? cost[u] : cost[u].referenced();
            long d = Math.max(in.t, in.e < 0 ? NONE : plus(in.e, 1));
            if (d > depth) {
                depth = d;
                deepest = unit.describe();
            }
            if (plus(in.c, in.p) > calls) {
                calls = plus(in.c, in.p);
                widest = unit.describe();
            }
            if (unit.isRepetition()) {
                continue;
            }
            for (int[] alt : unit.alternatives) {
                // from each position to the end of the alternative, backwards; past the end, one more frame
                long t = NONE;
                long e = 0;
                long c = 0;
                long p = 1;
                for (int i = alt.length - 1; i >= 0; i--) {
                    Cost v = item(alt[i], cost);
                    t = Math.max(v.t, v.e < 0 || t < 0 ? NONE : plus(v.e, t));
                    e = v.e < 0 || e < 0 ? NONE : plus(v.e, e);
                    c = plus(v.c, times(v.p, c));
                    p = times(v.p, p);
                    d = Math.max(t, e < 0 ? NONE : plus(e, 1));
                    if (d > depth) {
                        depth = d;
                        deepest = unit.describe();
                    }
                    if (plus(c, p) > calls) {
                        calls = plus(c, p);
                        widest = unit.describe();
                    }
                }
            }
        }
        return new Measures(depth, deepest, calls, widest, elements);
    }

    private Cost item(int i, Cost[] cost) {
        if (i == TERM) {
            return Cost.TERMINAL;
        }
        return units.get(i).isRepetition() ? cost[i] : cost[i].referenced();
    }

    /** A rule's alternatives together; each read from its start while its items may match nothing. */
    private Cost alternativesCost(int[][] alternatives, Cost[] cost) {
        long t = NONE;
        long e = NONE;
        long c = 0;
        long p = 0;
        for (int[] alt : alternatives) {
            long at = NONE;
            long ae = 0;
            long ac = 0;
            long ap = 1;
            for (int i : alt) {
                Cost v = item(i, cost);
                at = Math.max(at, v.t < 0 ? NONE : plus(ae, v.t));
                ac = plus(ac, times(ap, v.c));
                if (v.e < 0) {
                    ae = NONE;
                    ap = 0;
                    break;
                }
                ae = plus(ae, v.e);
                ap = times(ap, v.p);
            }
            t = Math.max(t, at);
            e = Math.max(e, ae);
            c = plus(c, ac);
            p = plus(p, ap);
        }
        return new Cost(t, e, c, p);
    }

    /** {@code S{m,n}} as llama.cpp writes it (see {@link #repetition}); as an item, without a frame of its own. */
    private Cost repetitionCost(Unit r, Cost[] cost) {
        Cost s = item(r.item, cost);
        // m copies of S in a row
        long ct = r.min == 0 ? NONE : s.e < 0 ? s.t : plus(times(s.e, r.min - 1), s.t);
        long ce = r.min == 0 ? 0 : s.e < 0 ? NONE : times(s.e, r.min);
        long cc = 0;
        long cp = 1;
        for (int i = 0; i < r.min && cp > 0; i++) {
            cc = plus(cc, times(cp, s.c));
            cp = times(cp, s.p);
        }
        // then S'(k): one rule for no upper bound, else a chain of n - m rules
        long k = r.max < 0 ? 1 : (long) r.max - r.min;
        if (k == 0) {
            return new Cost(ct, ce, cc, cp);
        }
        long ot = NONE;
        long oe = 0;
        long oc = 0;
        long op = 0;
        for (long i = 1; i <= k; i++) {
            // S'(i) ::= S S'(i-1) | , with S'(0) matching nothing at no cost (for S' ::= S S' |, S cannot: checked)
            long seqT = Math.max(s.t, s.e < 0 || ot < 0 ? NONE : plus(s.e, ot));
            long seqE = s.e < 0 ? NONE : plus(s.e, i == 1 ? 0 : oe);
            long seqC = plus(s.c, times(s.p, i == 1 ? 0 : oc));
            long seqP = times(s.p, i == 1 ? 1 : op);
            Cost rule = new Cost(seqT, Math.max(seqE, 0), seqC, plus(seqP, 1)).referenced();
            ot = rule.t;
            oe = rule.e;
            oc = rule.c;
            op = rule.p;
            if (s.e < 0 && i > 1) {
                break;   // S always takes a character: every S'(i) costs the same
            }
        }
        long t = Math.max(ct, ce < 0 || ot < 0 ? NONE : plus(ce, ot));
        long e = ce < 0 ? NONE : plus(ce, oe);
        return new Cost(t, e, plus(cc, times(cp, oc)), times(cp, op));
    }

    private static long plus(long a, long b) {
        long s = a + b;
        return s < 0 || s > CAP ? CAP : s;
    }

    private static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
