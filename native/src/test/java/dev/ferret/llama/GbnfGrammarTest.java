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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The one GBNF reader (pure Java): the tree it reads, and what it and {@link GbnfCheck} refuse. */
class GbnfGrammarTest {
    /** What {@code work} throws on a new thread with a stack of {@code stackKb} KiB (null: nothing). */
    static Throwable thrownOn(int stackKb, Runnable work) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", stackKb * 1024L);
        t.start();
        t.join();
        return thrown.get();
    }

    /** The message of the {@link LlamaException.Sampler} that checking {@code gbnf} (root {@code root}) throws. */
    static String refusal(String gbnf) {
        return assertThrows(LlamaException.Sampler.class, () -> GbnfCheck.check(gbnf, "root")).getMessage();
    }

    /** {@code root ::= r0}, {@code r0 ::= r1}, ..., {@code rN-1 ::= "a"}. */
    static String chain(int n) {
        StringBuilder b = new StringBuilder("root ::= r0\n");
        for (int i = 0; i < n - 1; i++) {
            b.append('r').append(i).append(" ::= r").append(i + 1).append('\n');
        }
        return b.append('r').append(n - 1).append(" ::= \"a\"\n").toString();
    }

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

    /** A grammar checked again (it passes through several layers) gets the same answer: good stays good for its root. */
    @Test
    void checkingAgainGivesTheSameAnswer() {
        String good = new String("top ::= item\nitem ::= \"a\"\n");
        for (int i = 0; i < 3; i++) {
            GbnfCheck.check(good, "top");
            assertEquals("grammar: no rule named 'root'",
                    assertThrows(LlamaException.Sampler.class, () -> GbnfCheck.check(good, "root")).getMessage());
        }
        String bad = new String("root ::= item");
        for (int i = 0; i < 3; i++) {
            assertEquals("grammar: rule 'item' is used but never defined",
                    assertThrows(LlamaException.Sampler.class, () -> GbnfCheck.check(bad, "root")).getMessage());
        }
    }

    @Test
    void deepGroupsAndStackedRepetitionsAreATypedErrorOnAOneMibStack() throws Exception {
        // the reader recursed once per pair of parentheses: 5,000 threw StackOverflowError on a 1 MiB thread
        for (String deep : List.of("root ::= " + "(".repeat(5000) + "\"a\"" + ")".repeat(5000),
                "root ::= \"a\"" + "?".repeat(100_000), "root ::= " + "(\"a\"*".repeat(3000) + ")".repeat(3000))) {
            Throwable t = thrownOn(1024, () -> GbnfGrammar.parse(deep));
            LlamaException.Sampler e = assertInstanceOf(LlamaException.Sampler.class, t);
            assertTrue(e.getMessage().startsWith("grammar: groups and repetitions nested more than " + GbnfGrammar.MAX_NESTING
                    + " deep at line 1"), e.getMessage());
        }
        // at the bound, reading and checking stay shallow in Java: fine on a 256 KiB thread
        int n = GbnfGrammar.MAX_NESTING;
        String atBound = "root ::= " + "(".repeat(n - 1) + "\"a\" \"b\"?" + ")".repeat(n - 1);
        assertEquals(null, thrownOn(256, () -> GbnfCheck.check(atBound, "root")));
        String past = "root ::= " + "(".repeat(n) + "\"a\" \"b\"?" + ")".repeat(n);
        assertTrue(refusal(past).contains("nested more than " + n + " deep"), refusal(past));
    }

    @Test
    void ruleReferencesChainedPastTheDepthLlamaCppCanFollowAreRefusedNamingTheDepth() throws Exception {
        // llama.cpp follows rule references recursively on the native stack: root, r0, ..., r9999 took 10,002
        // levels and killed a thread with a 1 MiB stack
        String tooDeep = chain(10_000);
        Throwable t = thrownOn(256, () -> GbnfCheck.check(tooDeep, "root"));
        LlamaException.Sampler e = assertInstanceOf(LlamaException.Sampler.class, t, String.valueOf(t));
        assertTrue(e.getMessage().startsWith("grammar: rule references nest 10002 deep in rule 'root' (the most is "
                + GbnfCheck.MAX_DEPTH + ")"), e.getMessage());
        // the measure is iterative in Java: a far longer chain is refused as well, on a small stack
        assertInstanceOf(LlamaException.Sampler.class, thrownOn(256, () -> GbnfCheck.check(chain(200_000), "root")));
        GbnfCheck.check(chain(GbnfCheck.MAX_DEPTH - 2), "root");

        // rules passed over because they match nothing count too: llama.cpp's per-token advance walks them all
        String rows = "root ::= \"a\"" + " x".repeat(GbnfCheck.MAX_DEPTH + 1) + "\nx ::= \"\" | \"b\"\n";
        assertTrue(refusal(rows).contains("nest " + (GbnfCheck.MAX_DEPTH + 2) + " deep in rule 'root'"), refusal(rows));
        GbnfCheck.check("root ::= \"a\"" + " x".repeat(1000) + "\nx ::= \"\" | \"b\"\n", "root");
        // and so does a repetition of something that may match nothing, written out as a chain of rules
        String counted = "root ::= x{0,6000}\nx ::= \"\" | \"a\"\n";
        assertTrue(refusal(counted).contains("nest 12002 deep in rule 'root'"), refusal(counted));
        GbnfCheck.check("root ::= \"a\"{0,6000} x{0,100}\nx ::= \"\" | \"a\"\n", "root");
    }

    @Test
    void leftRecursionIsRefusedAlsoThroughRulesThatMatchNothing() {
        // llama.cpp finds the first kind and then (b4916) silently drops the grammar; on the others, which its check
        // misses, it recursed without end and killed the process whatever the stack
        assertTrue(refusal("root ::= root \"a\" | \"b\"").startsWith("grammar: rule 'root' is left-recursive"));
        assertTrue(refusal("root ::= x root \"a\" | \"b\"\nx ::= y\ny ::= \"\"\n").startsWith("grammar: rule 'root' is left-recursive"));
        assertTrue(refusal("root ::= a\na ::= b \"x\"\nb ::= c?\nc ::= a\n").contains("is left-recursive"));
        for (String loop : List.of("root ::= item* \".\"\nitem ::= [a-z]*\n", "root ::= (x)+\nx ::= \"\" | \"a\"\n",
                "root ::= x* \".\"\nx ::= \"\" | \"a\"\n", "root ::= (\"\")*", "root ::= \"a\"**", "root ::= (\"a\"?){2,}")) {
            assertTrue(refusal(loop).contains("repeats with '*' or '+' (or {m,}) an item that can match nothing"), loop + ": " + refusal(loop));
        }
        assertTrue(refusal("root ::= \"\"*").startsWith("grammar: '*' after an empty string at line 1"));
        // recursion after a character, and repetitions of items that always take one, are fine
        for (String ok : List.of("root ::= \"a\" root | \"b\"", "root ::= item (\",\" item)*\nitem ::= [a-z]+\n",
                "root ::= (\"a\"? \"b\")* (x | \"c\")*\nx ::= \"\" \"d\"\n", "root ::= x{0,3}\nx ::= \"\" | \"a\"\n",
                "root ::= \"(\" root \")\" | \"\"")) {
            GbnfCheck.check(ok, "root");
        }
    }

    @Test
    void grammarsLlamaCppWouldExpandWithoutBoundAreRefused() {
        // 40 rules of two identical alternatives: 2^40 ways llama.cpp would try, one by one, before a character
        StringBuilder doubling = new StringBuilder("root ::= r0\n");
        for (int i = 0; i < 40; i++) {
            doubling.append('r').append(i).append(" ::= r").append(i + 1).append(" | r").append(i + 1).append('\n');
        }
        doubling.append("r40 ::= \"a\"\n");
        assertTrue(refusal(doubling.toString()).contains("can be read in"), refusal(doubling.toString()));
        // a billion copies of "a": llama.cpp writes each out (8 GB); b4916 then drops the grammar
        assertTrue(refusal("root ::= \"a\"{999999999}").startsWith("grammar: llama.cpp would write it out as more than "
                + GbnfCheck.MAX_ELEMENTS + " elements (repetitions are written out: a repetition {999999999} in rule 'root'"),
                refusal("root ::= \"a\"{999999999}"));
        assertTrue(refusal("root ::= [a-z]{0,3000000}").contains("more than " + GbnfCheck.MAX_ELEMENTS + " elements"));
        GbnfCheck.check("root ::= [0-9]{1,15} (\",\" [a-z]{0,100000})?", "root");
    }

    @Test
    void aJsonGrammarIsShallow() {
        GbnfCheck.check("""
                root   ::= object
                value  ::= object | array | string | number | ("true" | "false" | "null") ws
                object ::= "{" ws ( string ":" ws value ("," ws string ":" ws value)* )? "}" ws
                array  ::= "[" ws ( value ("," ws value)* )? "]" ws
                string ::= "\\"" ( [^"\\\\\\x7F\\x00-\\x1F] | "\\\\" (["\\\\bfnrt] | "u" [0-9a-fA-F]{4}) )* "\\"" ws
                number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws
                ws ::= | " " | "\\n" [ \\t]{0,20}
                """, "root");
    }
}
