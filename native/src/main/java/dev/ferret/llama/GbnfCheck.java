package dev.ferret.llama;

/**
 * Checks GBNF text in Java before llama.cpp sees it: it must read as llama.cpp's grammar parser reads it
 * ({@link GbnfGrammar}), every referenced rule must be defined and the root rule must exist. b4916 accepts an
 * unparsable grammar silently (it then constrains nothing), so this check is what makes a bad grammar an error.
 */
public final class GbnfCheck {
    private GbnfCheck() {
    }

    /** Throws {@link LlamaException.Sampler} naming the first problem. */
    public static void check(String gbnf, String root) {
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
    }

    private static void checkRefs(GbnfGrammar g, GbnfGrammar.Node n) {
        switch (n) {
            case GbnfGrammar.Ref r -> {
                if (!g.rules().containsKey(r.name())) {
                    throw new LlamaException.Sampler("grammar: rule '" + r.name() + "' is used but never defined");
                }
            }
            case GbnfGrammar.Seq s -> s.items().forEach(i -> checkRefs(g, i));
            case GbnfGrammar.Alt a -> a.options().forEach(o -> checkRefs(g, o));
            case GbnfGrammar.Rep r -> checkRefs(g, r.item());
            case GbnfGrammar.Lit _, GbnfGrammar.Cls _, GbnfGrammar.Any _ -> {
            }
        }
    }
}
