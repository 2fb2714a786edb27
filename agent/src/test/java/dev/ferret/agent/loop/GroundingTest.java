package dev.ferret.agent.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Free-text answers keep only what the run's tool results show (issue 13.1). */
class GroundingTest {
    static final List<String> TOOLS = List.of("find_classes", "grep", "read_file");
    static final List<String> EVIDENCE = List.of(
            "shop/ports.py:14: class PaymentGateway(Protocol)\nshop/ports.py:45: class Checkout.Step(Protocol)\n",
            "shop/util.py:3:import requests\n",
            " 9: def helper_fn():\n10:     return load_config()\n[shop/core.py: lines 9-10 of 40; use start_line=11 to read on]");

    @Test
    void listedItemsMustPointAtAResultLineHoldingTheirName() {
        String answer = """
                Found 4 classes that subclass Protocol:
                - PaymentGateway (shop/ports.py:14)
                - Checkout.Step (shop/ports.py:45)
                - TOOO (find_pok/cono/nok/tates.py:10)
                - Invented (shop/ports.py:14)
                - shop/util.py:3 (import requests)
                - helper_fn (shop/core.py:9)""";
        Grounding.Result r = Grounding.apply(answer, EVIDENCE, "Which classes subclass Protocol?", TOOLS);
        assertEquals(List.of("- TOOO (find_pok/cono/nok/tates.py:10)", "- Invented (shop/ports.py:14)"), r.droppedItems());
        assertTrue(r.text().contains("- PaymentGateway (shop/ports.py:14)"));
        assertTrue(r.text().contains("- Checkout.Step (shop/ports.py:45)"));
        assertTrue(r.text().contains("- shop/util.py:3 (import requests)"));
        assertTrue(r.text().contains("- helper_fn (shop/core.py:9)"), "read_file's numbered lines count");
        assertFalse(r.text().contains("TOOO"));
        assertTrue(r.text().endsWith("(2 listed items were left out: not found in the tool results.)"), r.text());
        assertEquals(List.of(), Grounding.audit(r.text(), EVIDENCE, "q", TOOLS), "the grounded answer passes the audit");
        assertEquals(2, Grounding.audit(answer, EVIDENCE, "q", TOOLS).size());
    }

    @Test
    void proseNamesNotInTheResultsAreMarked() {
        String answer = "The gateway is `PaymentGateway`; it is used by `BillingService` and load_config() via make_thing.";
        Grounding.Result r = Grounding.apply(answer, EVIDENCE, "Where is the gateway?", TOOLS);
        assertEquals(List.of("BillingService", "make_thing"), r.markedNames());
        assertTrue(r.text().contains("`BillingService` " + Grounding.MARK), r.text());
        assertTrue(r.text().contains("make_thing " + Grounding.MARK), r.text());
        assertFalse(r.text().contains("`PaymentGateway` " + Grounding.MARK));
        assertFalse(r.text().contains("load_config " + Grounding.MARK));
        assertEquals(List.of(), Grounding.audit(r.text(), EVIDENCE, "q", TOOLS), "marked names are not counted");
        assertEquals(List.of("BillingService", "make_thing"), Grounding.audit(answer, EVIDENCE, "q", TOOLS));
    }

    @Test
    void namesFromTheQuestionAndToolNamesAndPlainWordsAreFine() {
        String answer = "I called find_classes and grep for my_widget; nothing else. Found nothing.";
        Grounding.Result r = Grounding.apply(answer, List.of(), "Where is my_widget defined?", TOOLS);
        assertFalse(r.changed(), r.toString());
        assertEquals(answer, r.text());
    }

    @Test
    void anAnswerWithNothingGroundedSaysSo() {
        Grounding.Result r = Grounding.apply("- Foo (a.py:1)", List.of(), "q", TOOLS);
        assertTrue(r.text().startsWith("(1 listed item was left out") || r.text().contains("left out"), r.text());
        assertFalse(r.text().contains("Foo (a.py:1)"));
    }
}
