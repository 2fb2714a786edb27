package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.SampleRepo;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Tests for the billing module": the tests whose file path or name holds the word, as pytest -k selects them. */
class TestsForTest {
    private static PythonIndex index;
    private final IntentClassifier classifier = new IntentClassifier();
    private final HybridAnswerer answerer = new HybridAnswerer();

    @BeforeAll
    static void setUp() {
        index = new PythonIndex(SampleRepo.shop());
    }

    /** The question, then the words the tests are selected by ({@code -}: every test, or no tests question). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            show me the tests for the ledger module                     | ledger
            unit tests for `parse_row`                                  | parse_row
            which test cases cover the invoicing code                   | invoicing
            pytest tests covering the rate limiter                      | rate limiter
            tests for auth.py                                           | auth
            list every test                                             | -
            the tests for this project                                  | -
            tests that call login                                       | -
            skipped tests for the exporter                              | -
            show me the test methods, need a count for the ci page      | -
            """)
    void readsWhatTheTestsAreFor(String question, String subject) {
        Classification c = classifier.analyze(question);
        assertEquals(subject.equals("-") ? null : subject, c.testsFor(), question + " -> " + c);
    }

    @Test
    void selectsByEveryWordInThePathOrTheQualifiedNameIgnoringCase() {
        List<Finding> tests = List.of(new Finding("tests/test_ledger.py", 3, "test_total", ""),
                new Finding("tests/test_misc.py", 9, "TestLedger.test_rounding", ""),
                new Finding("tests/test_misc.py", 20, "test_other", ""),
                new Finding("tests/rate/test_limits.py", 4, "test_limiter_burst", ""));
        assertEquals(List.of(tests.get(0), tests.get(1)), HybridAnswerer.selectTests(tests, "ledger"));
        assertEquals(List.of(tests.get(3)), HybridAnswerer.selectTests(tests, "rate limiter"));
        assertEquals(List.of(), HybridAnswerer.selectTests(tests, "payments"));
    }

    /** End to end on the sample repository: the selected tests are the full listing's tests that hold the word. */
    @Test
    void theAnswerListsTheSelectedTestsAndSaysHowTheyWereSelected() {
        HybridAnswer all = answerer.answer(index, "list all the tests");
        HybridAnswer orders = answerer.answer(index, "show me the tests for the orders module");
        assertEquals(Intent.Kind.TESTS, orders.intent().kind());
        List<Finding> expected = all.items().stream().filter(f -> (f.file() + "::" + f.name()).contains("orders")).toList();
        assertFalse(expected.isEmpty(), "the sample has tests for orders");
        assertTrue(expected.size() < all.items().size(), "and tests of other things");
        assertEquals(expected, orders.items());
        assertTrue(orders.text().contains("Only those whose file path or name contains 'orders'"), orders.text());

        HybridAnswer none = answerer.answer(index, "unit tests for the warehouse scanner");
        assertTrue(none.items().isEmpty());
        assertTrue(none.text().contains("No test functions whose file path or name contains 'warehouse' and 'scanner' (of "
                + all.items().size() + " test functions in all)"), none.text());

        // "tests for pricing.py": what the tests are about, not a file to search the tests in
        HybridAnswer pricing = answerer.answer(index, "unit tests for pricing.py");
        assertNull(pricing.scope(), pricing.text());
    }
}
