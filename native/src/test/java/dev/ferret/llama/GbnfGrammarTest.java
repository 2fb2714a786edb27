package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.llama.GbnfGrammar.Alt;
import dev.ferret.llama.GbnfGrammar.Any;
import dev.ferret.llama.GbnfGrammar.Cls;
import dev.ferret.llama.GbnfGrammar.Lit;
import dev.ferret.llama.GbnfGrammar.Rep;
import dev.ferret.llama.GbnfGrammar.Seq;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one GBNF reader (pure Java): the tree it reads, and what it and {@link GbnfCheck} refuse. */
class GbnfGrammarTest {
    @Test
    void readsEveryConstruct() {
        GbnfGrammar g = GbnfGrammar.parse("""
                root ::= "a\\x41\\u00e9" [^]0-9] . item{2,3} item{1,} (x | "y")? # comment
                item ::= [a-z]*
                x ::= "x"
                x ::= "z"
                """);
        Seq root = assertInstanceOf(Seq.class, g.rules().get("root"));
        assertArrayEquals(new int[] {'a', 'A', 'é'}, assertInstanceOf(Lit.class, root.items().get(0)).cps());
        Cls cls = assertInstanceOf(Cls.class, root.items().get(1));
        assertTrue(cls.negated() && !cls.accepts(']') && !cls.accepts('5') && cls.accepts('a'));
        assertInstanceOf(Any.class, root.items().get(2));
        Rep two = assertInstanceOf(Rep.class, root.items().get(3));
        assertEquals(List.of(2, 3), List.of(two.min(), two.max()));
        Rep open = assertInstanceOf(Rep.class, root.items().get(4));
        assertEquals(List.of(1, -1), List.of(open.min(), open.max()));
        Rep optional = assertInstanceOf(Rep.class, root.items().get(5));
        assertInstanceOf(Alt.class, optional.item());
        assertEquals(List.of("root", "item", "x", "x"), g.definitions());
        assertEquals(List.of("root", "item", "x"), List.copyOf(g.rules().keySet()));
        GbnfCheck.check("root ::= item\nitem ::= \"a\"\n", "root");
    }

    @Test
    void refusesWithTheLine() {
        for (String bad : List.of("root ::= (\"a\"", "root ::= \"a\" \"b", "root ::= [a", "root ::= *", "root ::= \"\\q\"",
                "root ::= a{x}", "root ::= \"a\"\n\"b\"", "root = \"a\"")) {
            LlamaException.Sampler e = assertThrows(LlamaException.Sampler.class, () -> GbnfGrammar.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("grammar: ") && e.getMessage().contains(" at line "), e.getMessage());
        }
        assertEquals("grammar: rule 'item' is used but never defined",
                assertThrows(LlamaException.Sampler.class, () -> GbnfCheck.check("root ::= item", "root")).getMessage());
        assertEquals("grammar: no rule named 'root'",
                assertThrows(LlamaException.Sampler.class, () -> GbnfCheck.check("top ::= \"a\"", "root")).getMessage());
        assertThrows(LlamaException.Sampler.class, () -> GbnfCheck.check("  # nothing\n", "root"));
    }
}
