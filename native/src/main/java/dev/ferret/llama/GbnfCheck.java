package dev.ferret.llama;

/**
 * Checks GBNF text in Java before llama.cpp sees it: it must read as llama.cpp's grammar parser reads it
 * ({@link GbnfGrammar}), every referenced rule must be defined and the root rule must exist. b4916 accepts an
 * unparsable grammar silently (it then constrains nothing), so this check is what makes a bad grammar an error.
 *
 * <p>It also refuses what llama.cpp would accept but cannot run ({@link GbnfBounds} measures it): left recursion,
 * also through rules that can match nothing (llama.cpp recurses without end on what its own check misses, and
 * silently drops the grammar on what it finds); rule references that chain deeper than {@link #MAX_DEPTH}
 * (llama.cpp follows them recursively, on the native stack, when the sampler is made and for every token);
 * more than {@link #MAX_EXPANSIONS} ways to read the rules at one position (llama.cpp tries each, every token);
 * and repetitions that write out more than {@link #MAX_ELEMENTS} elements.
 */
public final class GbnfCheck {
    /**
     * Most frames llama.cpp's {@code llama_grammar_advance_stack} may need from any position of the grammar before
     * it reaches a character: roughly the longest chain of rule references ({@code r0 ::= r1}, {@code r1 ::= r2},
     * ...), where a group and a repeated item count as rules (llama.cpp writes them as rules) and so does each rule
     * passed over because it matched nothing ({@code x x x ...} with {@code x ::= "" | "b"}).
     *
     * <p>Measured with the bundled b4916 library on threads of 2 and 4 MiB (GrammarDepthTest, long tier): 130 bytes
     * of native stack per level when the sampler is made (a chain of rules), 129 per level in a token's apply and
     * accept (a chain after a character). At this bound that is 1.3 MB: a twelfth of the 16 MiB of the threads
     * Ferret runs llama.cpp's grammar code on ({@link TokenizerThreads}), leaving room for what the generated text
     * adds (each open item after a recursive rule that may match nothing is one more level), and a sixth of the
     * 8 MiB native thread the JNI backend's llama.cpp runs it on. Generous: Ferret's call grammars need under 300
     * for real tool lists (two levels per optional property of one object).
     */
    public static final int MAX_DEPTH = 10_000;

    /**
     * Most calls llama.cpp's {@code llama_grammar_advance_stack} may make from one position: one per way of reading
     * the rules there. It keeps no memory of rules it has expanded, so rules {@code rK ::= rK+1 | rK+1} double the
     * calls at each level: 20 of them count 3.1 million here, and llama.cpp made the sampler and two tokens of them
     * in 0.16 s; 40 would run for hours. Ferret's call grammars count under 10,000 for real tool lists (one or two
     * per tool, enum value and optional property at a position).
     */
    public static final long MAX_EXPANSIONS = 1L << 22;

    /**
     * Most elements llama.cpp may write the grammar out as (8 bytes each; a literal's characters, rule references,
     * and each repetition {@code S{m,n}} written as m copies of S and n - m rules). Above what a grammar of
     * Ferret's own limit ({@code CallGrammar.MAX_GRAMMAR}, 4 Mi characters) can make without {@code {m,n}}.
     */
    public static final long MAX_ELEMENTS = 1L << 23;

    private GbnfCheck() {
    }

    /**
     * Throws {@link LlamaException.Sampler} naming the first problem.
     *
     * <p>One grammar is handed down through several layers that each check it (a tool call format, the generation
     * request, the sampler chain), and a loop may reuse it for every step: the last grammars found good are
     * remembered by identity, held weakly, so that the same string is parsed and measured once. A grammar refused is
     * never remembered; an equal string that is another object is checked again.
     */
    public static void check(String gbnf, String root) {
        if (gbnf != null && root != null && checked(gbnf, root)) {
            return;
        }
        checkNow(gbnf, root);
        if (gbnf != null && root != null) {
            remember(gbnf, root);
        }
    }

    /** A grammar found good, and the root it was checked from. */
    private record Good(java.lang.ref.WeakReference<String> gbnf, String root) {
    }

    /** The last grammars found good, oldest overwritten first; guarded by itself. */
    private static final Good[] GOOD = new Good[8];
    private static int next;

    private static boolean checked(String gbnf, String root) {
        synchronized (GOOD) {
            for (Good g : GOOD) {
                if (g != null && g.gbnf().get() == gbnf && g.root().equals(root)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void remember(String gbnf, String root) {
        synchronized (GOOD) {
            GOOD[next] = new Good(new java.lang.ref.WeakReference<>(gbnf), root);
            next = (next + 1) % GOOD.length;
        }
    }

    private static void checkNow(String gbnf, String root) {
        GbnfGrammar g = GbnfGrammar.parse(gbnf);
        if (g.rules().isEmpty()) {
            throw new LlamaException.Sampler("grammar: no rules");
        }
        for (GbnfGrammar.Node body : g.rules().values()) {
            checkRefs(g, body);
        }
        if (!g.rules().containsKey(root)) {
            throw new LlamaException.Sampler("grammar: no rule named '" + root + "'");
        }
        GbnfBounds.Measures m = GbnfBounds.measure(g, MAX_ELEMENTS);
        if (m.depth() > MAX_DEPTH) {
            throw new LlamaException.Sampler("grammar: rule references nest " + m.depth() + " deep in " + m.deepest()
                    + " (the most is " + MAX_DEPTH + "): llama.cpp follows them recursively before it reaches a"
                    + " character, and a rule that refers to the next, a group, a repeated item and an item that may"
                    + " match nothing each add a level");
        }
        if (m.expansions() > MAX_EXPANSIONS) {
            throw new LlamaException.Sampler("grammar: " + m.widest() + " can be read in " + m.expansions()
                    + " ways before a character (the most is " + MAX_EXPANSIONS + "): llama.cpp tries each of them"
                    + " for every token");
        }
    }

    private static void checkRefs(GbnfGrammar g, GbnfGrammar.Node n) {
        switch (n) {
            case GbnfGrammar.Ref r -> {
                if (!g.rules().containsKey(r.name())) {
                    throw new LlamaException.Sampler("grammar: rule '" + r.name() + "' is used but never defined");
                }
            }
            // loops, not lambdas: see GbnfGrammar.deepest
            case GbnfGrammar.Seq s -> {
                for (GbnfGrammar.Node i : s.items()) {
                    checkRefs(g, i);
                }
            }
            case GbnfGrammar.Alt a -> {
                for (GbnfGrammar.Node o : a.options()) {
                    checkRefs(g, o);
                }
            }
            case GbnfGrammar.Rep r -> checkRefs(g, r.item());
            case GbnfGrammar.Lit _, GbnfGrammar.Cls _, GbnfGrammar.Any _ -> {
            }
        }
    }
}
