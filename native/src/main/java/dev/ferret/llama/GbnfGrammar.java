package dev.ferret.llama;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GBNF text read as llama.cpp's grammar parser (b4916) reads it: rules {@code name ::= alternatives}, names of
 * letters, digits and '-'; string literals and character classes with escapes {@code \x.. \\u.... \\U........ \t
 * \r \n \\ \" \[ \]}; {@code .}; groups; {@code * + ?} and {@code {m}}, {@code {m,}}, {@code {m,n}}; {@code #}
 * comments; newlines only between rules, inside parentheses and after {@code |}. The one reader of GBNF in Ferret:
 * {@link GbnfCheck} checks grammars with it, and tests read grammars into its tree to examine them.
 *
 * <p>Groups and repetition operators nest at most {@value #MAX_NESTING} deep ({@code (((...)))}, {@code x***}):
 * the reader, and {@link GbnfCheck} after it, walk the tree recursively on the caller's thread, whose stack size
 * is unknown, so the depth of that recursion is bounded here.
 */
public final class GbnfGrammar {
    /**
     * Most levels of groups and repetition operators inside one another along any path of a rule ({@code ((x)*)}
     * is 3). Generous: Ferret's own call grammars nest a handful of levels, and a grammar written by hand rarely
     * more than ten. At this bound reading and checking a grammar recurse about 200 Java frames deep, which a
     * thread with a 256 KiB stack takes ({@code GbnfGrammarTest}); llama.cpp makes each level a rule of its own,
     * which {@link GbnfCheck} bounds with the rest ({@link GbnfCheck#MAX_DEPTH}).
     */
    public static final int MAX_NESTING = 64;

    /** A piece of a rule's body. */
    public sealed interface Node permits Lit, Cls, Any, Ref, Seq, Alt, Rep {
    }

    /** A string literal, as code points. */
    public record Lit(int[] cps) implements Node {
    }

    /** A character class: inclusive code-point ranges, or their complement when {@code negated}. */
    public record Cls(List<int[]> ranges, boolean negated) implements Node {
        public boolean accepts(int c) {
            boolean in = false;
            for (int[] r : ranges) {
                in |= c >= r[0] && c <= r[1];
            }
            return in != negated;
        }
    }

    /** {@code .}: any character. */
    public record Any() implements Node {
    }

    /** A reference to a rule. */
    public record Ref(String name) implements Node {
    }

    public record Seq(List<Node> items) implements Node {
    }

    public record Alt(List<Node> options) implements Node {
    }

    /** {@code item} repeated {@code min} to {@code max} times; {@code max} -1 for no limit. */
    public record Rep(Node item, int min, int max) implements Node {
    }

    private final Map<String, Node> rules = new LinkedHashMap<>();
    private final List<String> definitions = new ArrayList<>();
    /** For nodes written in parentheses: how many pairs enclose exactly that node (llama.cpp makes each a rule). */
    private final Map<Node, Integer> groups = new IdentityHashMap<>();
    /** Nesting of nodes deeper than 0: groups and repetition operators along the deepest path inside the node. */
    private final Map<Node, Integer> nesting = new IdentityHashMap<>();
    private final String s;
    private int pos;
    /** Parentheses open at {@link #pos}. */
    private int open;

    private GbnfGrammar(String s) {
        this.s = s;
    }

    /**
     * Reads {@code gbnf}.
     *
     * @throws LlamaException.Sampler naming the first syntax error and its line
     */
    public static GbnfGrammar parse(String gbnf) {
        GbnfGrammar g = new GbnfGrammar(gbnf);
        g.parse();
        return g;
    }

    /** The rules by name, in the order of their first definition (a later definition of a name replaces it). */
    public Map<String, Node> rules() {
        return Collections.unmodifiableMap(rules);
    }

    /** The rule names in the order they are defined, with repeats when a name is defined again. */
    public List<String> definitions() {
        return List.copyOf(definitions);
    }

    /**
     * How many pairs of parentheses enclose exactly {@code node} of this grammar's tree (2 for the literal of
     * {@code (("a"))}); 0 for a node not written as a group. llama.cpp makes each pair a rule of its own.
     */
    int groups(Node node) {
        return groups.getOrDefault(node, 0);
    }

    /** Levels of groups and repetition operators along the deepest path inside {@code node}, its own included. */
    private int nesting(Node node) {
        return nesting.getOrDefault(node, 0);
    }

    /**
     * The deepest nesting among {@code nodes}. Plain loops here and in every method the reader recurses through:
     * a lambda's first call links it, which takes far more stack than a level of the reader, and may come at the
     * deepest level.
     */
    private int deepest(List<Node> nodes) {
        int max = 0;
        for (Node n : nodes) {
            max = Math.max(max, nesting(n));
        }
        return max;
    }

    /** Records the nesting of a new node, refusing one past {@link #MAX_NESTING}. */
    private Node nested(Node node, int levels) {
        if (levels > MAX_NESTING) {
            throw error("groups and repetitions nested more than " + MAX_NESTING + " deep");
        }
        if (levels > 0) {
            nesting.put(node, levels);
        }
        return node;
    }

    private LlamaException.Sampler error(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return new LlamaException.Sampler("grammar: " + what + " at line " + line + " (offset " + pos + ")");
    }

    private boolean more() {
        return pos < s.length();
    }

    private char peek() {
        return s.charAt(pos);
    }

    private void space(boolean newlines) {
        while (more()) {
            char c = peek();
            if (c == '#') {
                while (more() && peek() != '\n' && peek() != '\r') {
                    pos++;
                }
            } else if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
                pos++;
            } else {
                break;
            }
        }
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    private String name() {
        int start = pos;
        while (more() && nameChar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a rule name");
        }
        return s.substring(start, pos);
    }

    private void parse() {
        space(true);
        while (more()) {
            String n = name();
            space(false);
            if (!s.startsWith("::=", pos)) {
                throw error("expected ::= after '" + n + "'");
            }
            pos += 3;
            space(true);
            Node body = alternates(false);
            definitions.add(n);
            rules.put(n, body);
            space(false);
            if (more() && peek() != '\n' && peek() != '\r') {
                throw error("expected the end of the rule '" + n + "'");
            }
            space(true);
        }
    }

    private Node alternates(boolean nested) {
        List<Node> options = new ArrayList<>();
        options.add(sequence(nested));
        while (more() && peek() == '|') {
            pos++;
            space(true);
            options.add(sequence(nested));
        }
        if (options.size() == 1) {
            return options.getFirst();
        }
        return nested(new Alt(options), deepest(options));
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
                        throw error("unterminated string literal");
                    }
                    if (peek() == '"') {
                        pos++;
                        break;
                    }
                    cps.add(character());
                }
                int[] codePoints = new int[cps.size()];
                for (int i = 0; i < codePoints.length; i++) {
                    codePoints[i] = cps.get(i);
                }
                items.add(new Lit(codePoints));
            } else if (c == '[') {
                items.add(characterClass());
            } else if (nameChar(c)) {
                items.add(new Ref(name()));
            } else if (c == '(') {
                // checked before going in: the reader recurses once per pair of parentheses
                if (open + 1 > MAX_NESTING) {
                    throw error("groups and repetitions nested more than " + MAX_NESTING + " deep");
                }
                open++;
                pos++;
                space(true);
                Node inner = alternates(true);
                if (!more() || peek() != ')') {
                    throw error("expected ')'");
                }
                pos++;
                open--;
                groups.put(inner, groups(inner) + 1);
                items.add(nested(inner, nesting(inner) + 1));
            } else if (c == '.') {
                pos++;
                items.add(new Any());
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                if (items.isEmpty()) {
                    throw error("'" + c + "' without anything before it");
                }
                Node last = items.getLast();
                if (last instanceof Lit l && l.cps().length == 0 && groups(l) == 0) {
                    // llama.cpp refuses it ("expecting preceding item"), and b4916 then constrains nothing
                    throw error("'" + c + "' after an empty string");
                }
                pos++;
                items.removeLast();
                Rep rep = c == '{' ? repetition(last) : new Rep(last, c == '+' ? 1 : 0, c == '?' ? 1 : -1);
                items.add(nested(rep, nesting(last) + 1));
            } else {
                break;
            }
            space(nested);
        }
        if (items.size() == 1) {
            return items.getFirst();
        }
        return nested(new Seq(items), deepest(items));
    }

    private Node characterClass() {
        pos++;
        boolean negated = more() && peek() == '^';
        if (negated) {
            pos++;
        }
        List<int[]> ranges = new ArrayList<>();
        while (true) {
            if (!more()) {
                throw error("unterminated character class");
            }
            if (peek() == ']' && !ranges.isEmpty()) {
                pos++;
                return new Cls(ranges, negated);
            }
            int lo = character();
            int hi = lo;
            if (more() && peek() == '-' && pos + 1 < s.length() && s.charAt(pos + 1) != ']') {
                pos++;
                hi = character();
            }
            ranges.add(new int[] {lo, hi});
        }
    }

    private Rep repetition(Node item) {
        int min = number();
        if (min < 0) {
            throw error("expected a number after '{'");
        }
        int max = min;
        space(false);
        if (more() && peek() == ',') {
            pos++;
            space(false);
            max = number();
            space(false);
        }
        if (!more() || peek() != '}') {
            throw error("expected '}'");
        }
        pos++;
        return new Rep(item, min, max);
    }

    /** A decimal number, or -1 when there is none. */
    private int number() {
        int start = pos;
        while (more() && Character.isDigit(peek())) {
            pos++;
        }
        return pos == start ? -1 : Integer.parseInt(s.substring(start, Math.min(pos, start + 9)));
    }

    private int character() {
        if (peek() != '\\') {
            int cp = s.codePointAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }
        pos++;
        if (!more()) {
            throw error("unfinished escape");
        }
        char e = peek();
        pos++;
        return switch (e) {
            case 'x' -> hex(2);
            case 'u' -> hex(4);
            case 'U' -> hex(8);
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'n' -> '\n';
            case '\\', '"', '[', ']' -> e;
            default -> throw error("unknown escape '\\" + e + "'");
        };
    }

    private int hex(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = more() ? Character.digit(peek(), 16) : -1;
            if (d < 0) {
                throw error("expected " + n + " hex digits");
            }
            v = v * 16 + d;
            pos++;
        }
        return v;
    }
}
