package dev.ferret.agent.tools;

import dev.ferret.llama.GbnfCheck;
import dev.ferret.llama.GbnfGrammar;
import dev.ferret.llama.GbnfGrammar.Alt;
import dev.ferret.llama.GbnfGrammar.Any;
import dev.ferret.llama.GbnfGrammar.Cls;
import dev.ferret.llama.GbnfGrammar.Lit;
import dev.ferret.llama.GbnfGrammar.Node;
import dev.ferret.llama.GbnfGrammar.Ref;
import dev.ferret.llama.GbnfGrammar.Rep;
import dev.ferret.llama.GbnfGrammar.Seq;
import dev.ferret.llama.LlamaException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grammar of the engine's CallGrammar examined in tests: read by Ferret's one GBNF reader ({@link GbnfGrammar},
 * as llama.cpp's parser reads it) and checked by {@link GbnfCheck} (defined rules, a root rule); on top, this checks
 * that it keeps to the constructs CallGrammar promises to use (no {m,n}, no '.', each rule defined once) and has no
 * left recursion (llama.cpp refuses it), and it has a recognizer that says whether the grammar admits a whole string.
 */
final class Gbnf {
    final Map<String, Node> rules;

    private Gbnf(Map<String, Node> rules) {
        this.rules = rules;
    }

    static Gbnf parse(String text) {
        GbnfGrammar g;
        try {
            g = GbnfGrammar.parse(text);
            GbnfCheck.check(text, "root");
        } catch (LlamaException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (g.definitions().size() != g.rules().size()) {
            throw new IllegalArgumentException("a rule is defined twice: " + g.definitions());
        }
        g.rules().values().forEach(Gbnf::checkSubset);
        Gbnf gbnf = new Gbnf(g.rules());
        gbnf.checkLeftRecursion();
        return gbnf;
    }

    private static void checkSubset(Node n) {
        switch (n) {
            case Any _ -> throw new IllegalArgumentException("construct outside the promised subset: .");
            case Rep r -> {
                boolean plain = (r.min() == 0 || r.min() == 1) && (r.max() == 1 || r.max() == -1);
                if (!plain) {
                    throw new IllegalArgumentException("construct outside the promised subset: {" + r.min() + "," + r.max() + "}");
                }
                checkSubset(r.item());
            }
            case Seq s -> s.items().forEach(Gbnf::checkSubset);
            case Alt a -> a.options().forEach(Gbnf::checkSubset);
            case Lit _, Cls _, Ref _ -> {
            }
        }
    }

    // ------------------------------------------------------------------ left recursion (llama.cpp refuses it)

    private final Map<String, Boolean> nullableRules = new HashMap<>();

    private boolean nullable(Node n, Set<String> visiting) {
        return switch (n) {
            case Lit l -> l.cps().length == 0;
            case Cls _, Any _ -> false;
            case Ref r -> {
                Boolean known = nullableRules.get(r.name());
                if (known != null) {
                    yield known;
                }
                if (!visiting.add(r.name())) {
                    yield false;
                }
                boolean v = nullable(rules.get(r.name()), visiting);
                nullableRules.put(r.name(), v);
                yield v;
            }
            case Seq s -> s.items().stream().allMatch(i -> nullable(i, visiting));
            case Alt a -> a.options().stream().anyMatch(o -> nullable(o, visiting));
            case Rep r -> r.min() == 0 || nullable(r.item(), visiting);
        };
    }

    /** Rules that can come first in {@code n}. */
    private void firstRefs(Node n, Set<String> out) {
        switch (n) {
            case Ref r -> out.add(r.name());
            case Seq s -> {
                for (Node i : s.items()) {
                    firstRefs(i, out);
                    if (!nullable(i, new HashSet<>())) {
                        break;
                    }
                }
            }
            case Alt a -> a.options().forEach(o -> firstRefs(o, out));
            case Rep r -> firstRefs(r.item(), out);
            default -> {
            }
        }
    }

    private void checkLeftRecursion() {
        Map<String, Set<String>> first = new HashMap<>();
        rules.forEach((k, v) -> {
            Set<String> s = new HashSet<>();
            firstRefs(v, s);
            first.put(k, s);
        });
        for (String start : rules.keySet()) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(first.get(start));
            while (!todo.isEmpty()) {
                String r = todo.removeLast();
                if (r.equals(start)) {
                    throw new IllegalArgumentException("left recursion in rule " + start);
                }
                if (seen.add(r)) {
                    todo.addAll(first.get(r));
                }
            }
        }
    }

    // ------------------------------------------------------------------ recognizing

    /** True if the grammar, from {@code root}, admits all of {@code text}. */
    boolean accepts(String text) {
        int[] in = text.codePoints().toArray();
        Map<String, BitSet[]> memo = new HashMap<>();
        return match(new Ref("root"), in, 0, memo).get(in.length);
    }

    private BitSet match(Node n, int[] in, int at, Map<String, BitSet[]> memo) {
        BitSet out = new BitSet(in.length + 1);
        switch (n) {
            case Lit l -> {
                int[] cps = l.cps();
                if (at + cps.length <= in.length) {
                    boolean ok = true;
                    for (int i = 0; i < cps.length && ok; i++) {
                        ok = in[at + i] == cps[i];
                    }
                    if (ok) {
                        out.set(at + cps.length);
                    }
                }
            }
            case Cls c -> {
                if (at < in.length && c.accepts(in[at])) {
                    out.set(at + 1);
                }
            }
            case Any _ -> {
                if (at < in.length) {
                    out.set(at + 1);
                }
            }
            case Ref r -> {
                BitSet[] table = memo.computeIfAbsent(r.name(), k -> new BitSet[in.length + 1]);
                if (table[at] == null) {
                    table[at] = new BitSet(); // no left recursion, so this is never read while unfinished
                    table[at] = match(rules.get(r.name()), in, at, memo);
                }
                out.or(table[at]);
            }
            case Seq s -> {
                BitSet cur = new BitSet();
                cur.set(at);
                for (Node item : s.items()) {
                    BitSet next = new BitSet();
                    for (int p = cur.nextSetBit(0); p >= 0; p = cur.nextSetBit(p + 1)) {
                        next.or(match(item, in, p, memo));
                    }
                    cur = next;
                    if (cur.isEmpty()) {
                        break;
                    }
                }
                out.or(cur);
            }
            case Alt a -> a.options().forEach(o -> out.or(match(o, in, at, memo)));
            case Rep r -> {
                BitSet frontier = new BitSet();
                frontier.set(at);
                BitSet seen = new BitSet();
                seen.set(at);
                if (r.min() == 0) {
                    out.set(at);
                }
                for (int count = 1; !frontier.isEmpty() && (r.max() < 0 || count <= r.max()); count++) {
                    BitSet next = new BitSet();
                    for (int p = frontier.nextSetBit(0); p >= 0; p = frontier.nextSetBit(p + 1)) {
                        next.or(match(r.item(), in, p, memo));
                    }
                    if (count >= r.min()) {
                        out.or(next);
                    }
                    next.andNot(seen);
                    seen.or(next);
                    frontier = next;
                }
            }
        }
        return out;
    }
}
