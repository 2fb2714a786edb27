package dev.ferret.agent.tools;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only reader of GBNF text that follows the rules of llama.cpp's grammar parser: rule names of letters,
 * digits and '-'; newlines only between rules, inside parentheses and after '|'; backslash escapes x, u and U
 * (hex), t, r, n, and of backslash, quote and brackets; every referenced rule defined; a root rule; no left
 * recursion. It accepts only the constructs the engine's CallGrammar promises to use (no {m,n}, no '.'), and it has a
 * recognizer that says whether the grammar admits a whole string.
 */
final class Gbnf {
    sealed interface Node permits Lit, Cls, Ref, Seq, Alt, Rep {
    }

    record Lit(int[] cps) implements Node {
    }

    record Cls(List<int[]> ranges, boolean negated) implements Node {
        boolean accepts(int c) {
            boolean in = false;
            for (int[] r : ranges) {
                in |= c >= r[0] && c <= r[1];
            }
            return in != negated;
        }
    }

    record Ref(String name) implements Node {
    }

    record Seq(List<Node> items) implements Node {
    }

    record Alt(List<Node> options) implements Node {
    }

    /** {@code max} is 1 (for ?) or -1 (no limit). */
    record Rep(Node item, int min, int max) implements Node {
    }

    final Map<String, Node> rules = new LinkedHashMap<>();
    private final String src;
    private int pos;

    private Gbnf(String src) {
        this.src = src;
    }

    static Gbnf parse(String text) {
        Gbnf g = new Gbnf(text);
        g.parseAll();
        return g;
    }

    // ------------------------------------------------------------------ parsing

    private IllegalArgumentException error(String what) {
        int line = 1 + (int) src.substring(0, Math.min(pos, src.length())).chars().filter(c -> c == '\n').count();
        return new IllegalArgumentException(what + " at line " + line + ": "
                + src.substring(pos, Math.min(src.length(), pos + 40)).replace("\n", "\\n"));
    }

    private boolean more() {
        return pos < src.length();
    }

    private char peek() {
        return src.charAt(pos);
    }

    private void space(boolean newlineOk) {
        while (more()) {
            char c = peek();
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '#') {
                while (more() && peek() != '\n' && peek() != '\r') {
                    pos++;
                }
            } else if (newlineOk && (c == '\n' || c == '\r')) {
                pos++;
            } else {
                return;
            }
        }
    }

    private static boolean wordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private String name() {
        int start = pos;
        while (more() && wordChar(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error("expecting a name");
        }
        return src.substring(start, pos);
    }

    private void parseAll() {
        space(true);
        while (more()) {
            String name = name();
            space(false);
            if (!src.startsWith("::=", pos)) {
                throw error("expecting ::=");
            }
            pos += 3;
            space(true);
            Node body = alternates(false);
            if (rules.put(name, body) != null) {
                throw error("rule defined twice: " + name);
            }
            if (more() && peek() == '\r') {
                pos++;
            }
            if (more() && peek() == '\n') {
                pos++;
            } else if (more()) {
                throw error("expecting newline or end");
            }
            space(true);
        }
        if (!rules.containsKey("root")) {
            throw new IllegalArgumentException("no root rule");
        }
        for (Node n : rules.values()) {
            checkRefs(n);
        }
        checkLeftRecursion();
    }

    private Node alternates(boolean nested) {
        List<Node> alts = new ArrayList<>();
        alts.add(sequence(nested));
        while (more() && peek() == '|') {
            pos++;
            space(true);
            alts.add(sequence(nested));
        }
        return alts.size() == 1 ? alts.getFirst() : new Alt(alts);
    }

    private Node sequence(boolean nested) {
        List<Node> items = new ArrayList<>();
        while (more()) {
            char c = peek();
            if (c == '"') {
                pos++;
                List<Integer> cps = new ArrayList<>();
                while (true) {
                    if (!more()) {
                        throw error("unexpected end of input in a literal");
                    }
                    if (peek() == '"') {
                        break;
                    }
                    cps.add(character());
                }
                pos++;
                items.add(new Lit(cps.stream().mapToInt(Integer::intValue).toArray()));
                space(nested);
            } else if (c == '[') {
                pos++;
                boolean neg = more() && peek() == '^';
                if (neg) {
                    pos++;
                }
                List<int[]> ranges = new ArrayList<>();
                while (true) {
                    if (!more()) {
                        throw error("unexpected end of input in a character class");
                    }
                    if (peek() == ']') {
                        break;
                    }
                    int lo = character();
                    int hi = lo;
                    if (pos + 1 < src.length() && peek() == '-' && src.charAt(pos + 1) != ']') {
                        pos++;
                        hi = character();
                    }
                    ranges.add(new int[] {lo, hi});
                }
                pos++;
                items.add(new Cls(ranges, neg));
                space(nested);
            } else if (wordChar(c)) {
                items.add(new Ref(name()));
                space(nested);
            } else if (c == '(') {
                pos++;
                space(true);
                Node inner = alternates(true);
                if (!more() || peek() != ')') {
                    throw error("expecting )");
                }
                pos++;
                items.add(inner);
                space(nested);
            } else if (c == '*' || c == '+' || c == '?') {
                if (items.isEmpty()) {
                    throw error("expecting preceding item to */+/?");
                }
                Node last = items.removeLast();
                items.add(new Rep(last, c == '+' ? 1 : 0, c == '?' ? 1 : -1));
                pos++;
                space(nested);
            } else if (c == '{' || c == '.') {
                throw error("construct outside the promised subset: " + c);
            } else {
                break;
            }
        }
        return items.size() == 1 ? items.getFirst() : new Seq(items);
    }

    private int character() {
        char c = peek();
        if (c == '\\') {
            if (pos + 1 >= src.length()) {
                throw error("unexpected end of input in an escape");
            }
            char d = src.charAt(pos + 1);
            pos += 2;
            return switch (d) {
                case 'x' -> hex(2);
                case 'u' -> hex(4);
                case 'U' -> hex(8);
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'n' -> '\n';
                case '\\', '"', '[', ']' -> d;
                default -> throw error("unknown escape \\" + d);
            };
        }
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private int hex(int digits) {
        if (pos + digits > src.length()) {
            throw error("expecting " + digits + " hex digits");
        }
        int v = Integer.parseInt(src.substring(pos, pos + digits), 16);
        pos += digits;
        return v;
    }

    private void checkRefs(Node n) {
        switch (n) {
            case Ref r -> {
                if (!rules.containsKey(r.name())) {
                    throw new IllegalArgumentException("undefined rule " + r.name());
                }
            }
            case Seq s -> s.items().forEach(this::checkRefs);
            case Alt a -> a.options().forEach(this::checkRefs);
            case Rep r -> checkRefs(r.item());
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ left recursion (llama.cpp refuses it)

    private final Map<String, Boolean> nullableRules = new HashMap<>();

    private boolean nullable(Node n, Set<String> visiting) {
        return switch (n) {
            case Lit l -> l.cps().length == 0;
            case Cls c -> false;
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
