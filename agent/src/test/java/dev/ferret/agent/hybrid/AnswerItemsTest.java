package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerItemsTest {
    @Test
    void readsEveryListedForm() {
        List<Finding> f = AnswerItems.parse("""
                Found 4 items:
                - Checkout.Step (shop/ports.py:45)
                - shop/cli.py:8 (from requests import Session)
                - shop/models.py:39: # TODO: track weight
                * `Client` (`pkg/api.py:3`)
                Some prose mentioning shop/x.py without a line.
                """);
        assertEquals(4, f.size());
        assertEquals(new Finding("shop/ports.py", 45, "Checkout.Step", "- Checkout.Step (shop/ports.py:45)"), f.get(0));
        assertEquals("shop/cli.py", f.get(1).file());
        assertEquals(8, f.get(1).line());
        assertEquals(39, f.get(2).line());
        assertEquals("Client", f.get(3).name());
    }
}
