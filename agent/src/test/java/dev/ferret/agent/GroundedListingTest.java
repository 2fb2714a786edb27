package dev.ferret.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17.7: the model-written list holds every found item exactly once, whatever the model wrote. */
class GroundedListingTest {
    final GroundedListing listing = new GroundedListing(List.of("A (a.py:1)", "B \"q\" (b.py:2)", "C (c.py:3)", "A (a.py:1)"));

    @Test
    void theGrammarIsTheListItself() {
        assertEquals(3, listing.items().size(), "duplicates dropped");
        assertEquals("- A (a.py:1)\n- B \"q\" (b.py:2)\n- C (c.py:3)\n", listing.expected());
        assertEquals("""
                root ::= i0 i1 i2
                i0 ::= "- A (a.py:1)\\n"
                i1 ::= "- B \\"q\\" (b.py:2)\\n"
                i2 ::= "- C (c.py:3)\\n"
                """, listing.grammar());
    }

    @Test
    void repeatsAreDroppedAndMissingItemsAdded() {
        List<String> notes = new ArrayList<>();
        String out = listing.complete("- C (c.py:3)\n- C (c.py:3)\n- invented (x.py:9)\n- A (a.py:1)\n", notes);
        assertEquals("- C (c.py:3)\n- A (a.py:1)\n- B \"q\" (b.py:2)\n", out);
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("listed 2 of 3 found items; the other 1 were added"), notes.toString());
        assertTrue(notes.get(1).startsWith("2 line(s)"), notes.toString());
    }

    @Test
    void aCompleteListNeedsNoNote() {
        List<String> notes = new ArrayList<>();
        assertEquals(listing.expected(), listing.complete(listing.expected(), notes));
        assertEquals(List.of(), notes);
        assertEquals(listing.expected(), listing.complete("", notes), "nothing written: everything added");
        assertEquals(1, notes.size());
    }
}
