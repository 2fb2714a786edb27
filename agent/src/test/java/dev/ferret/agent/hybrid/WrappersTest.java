package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantics of "files that import requests" when a project module wraps requests, stated in the answer. */
class WrappersTest {

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void reExportsCountWrapperUsersAreNamedButNotCounted(@TempDir Path root) throws IOException {
        write(root, "shop/__init__.py", "");
        write(root, "shop/http.py", "import requests\nfrom requests import Session\n\n\ndef get(url):\n    return requests.get(url)\n");
        write(root, "shop/orders.py", "from shop.http import Session\n");
        write(root, "shop/report.py", "from shop.http import get\n");
        write(root, "shop/cli.py", "from . import http\n");
        write(root, "shop/other.py", "import json\n");
        HybridAnswer a = new HybridAnswerer().answer(root, "which files import requests?");
        assertEquals("""
                Found 2 files that import requests:
                - shop/http.py:1 (import requests)
                - shop/orders.py:1 (from shop.http import Session; requests via shop/http.py)
                Not counted: 2 files use requests only through project module shop/http.py, which imports it: \
                shop/cli.py, shop/report.py.
                """, a.text());
        assertEquals(List.of("shop/http.py", "shop/orders.py"), AnswerItems.parse(a.text()).stream().map(Finding::file).toList());
        // the closing line's names rest on imports this run found: they are the answer's evidence too, so the
        // grounding audit (which flags any name the run's results do not show) finds nothing invented
        assertEquals(List.of("shop/cli.py:1: imports shop.http (shop/http.py imports requests)",
                "shop/report.py:1: imports shop.http (shop/http.py imports requests)"), a.evidence());
        StringBuilder ev = new StringBuilder();
        a.items().forEach(f -> ev.append(f.file()).append(':').append(f.line()).append(": ").append(f.detail()).append('\n'));
        a.evidence().forEach(e -> ev.append(e).append('\n'));
        assertEquals(List.of(), dev.ferret.agent.loop.Grounding.audit(a.text(), List.of(ev.toString()), "which files import requests?",
                List.of("find_imports")));
    }
}
