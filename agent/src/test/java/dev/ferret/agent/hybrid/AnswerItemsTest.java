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

    @Test
    void readsFilesListedWithTheirSize() {
        List<Finding> f = AnswerItems.parse("""
                Found 2 Python files in shop:
                - shop/__init__.py (0 lines, 0 classes, 0 functions)
                - shop/net/http.py (1 line, 1 class, 3 functions)
                - README.md (12 lines)
                """);
        assertEquals(List.of("shop/__init__.py", "shop/net/http.py"), f.stream().map(Finding::file).toList());
        assertEquals(1, f.get(1).line());
    }

    @Test
    void readsConsoleScriptsDeclaredInPackagingMetadata() {
        List<Finding> f = AnswerItems.parse("""
                Found 2 entry points:
                - app-admin (pyproject.toml:12) [defined at src/app/cli.py:40]
                - check (tools/setup.cfg:7)
                - not-an-item (README.md:3)
                """);
        assertEquals(2, f.size());
        assertEquals("app-admin", f.get(0).name());
        assertEquals("pyproject.toml", f.get(0).file());
        assertEquals(12, f.get(0).line());
        assertEquals("tools/setup.cfg", f.get(1).file());
    }
}
