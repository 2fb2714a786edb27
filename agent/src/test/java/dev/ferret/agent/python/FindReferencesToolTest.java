package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferret.agent.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindReferencesToolTest {
    private static final String SOURCE = """
            import os
            import os as o
            from os import environ
            from shop.models import Money  # Money in a comment is no use
            
            class Money:                      # 6: the definition itself
                total = Money                 # 7
            
            def pay(Money, amount=Money()):   # 9: a parameter named so, then a use in a default
                "Money in a docstring"
                note = f"{Money.cents} due"   # 11: a use inside an f-string
                send(Money=1)                 # 12: a keyword argument's name
                key = lambda Money: Money     # 13: the parameter is not, the body's use is
                return o.environ.get("K"), environ, os.environ  # 14
            
            x = self.Money                    # 16: an attribute
            """;

    private static List<Integer> lines(Path repo, String name) throws ToolException {
        FindReferencesTool tool = new FindReferencesTool(new PythonIndex(repo));
        return tool.search(JsonNodeFactory.instance.objectNode().put("name", name)).stream().map(Hit::line).toList();
    }

    @Test
    void usesNotDefinitionsParametersKeywordsCommentsOrStrings(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("m.py"), SOURCE);
        assertEquals(List.of(4, 7, 9, 11, 13, 16), lines(repo, "Money"));
        assertEquals(List.of(4, 7, 9, 11, 13, 16), lines(repo, "class Money"), "what it is said to be is dropped");
    }

    @Test
    void dottedNamesAsWrittenOrThroughTheImports(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("m.py"), SOURCE);
        assertEquals(List.of(3, 14), lines(repo, "os.environ"), "o.environ, environ after from os import environ, os.environ");
        assertEquals(List.of(3, 14), lines(repo, "environ"));
    }

    @Test
    void badNamesAreTypedErrors(@TempDir Path repo) {
        for (String bad : List.of("", "class", "a b", "os..environ", "1abc", "x.import")) {
            ToolException e = assertThrows(ToolException.class, () -> lines(repo, bad), bad);
            assertTrue(e.getMessage().contains("name"), e.getMessage());
        }
    }

    @Test
    void scannerUsesNeverThrowOnBrokenSource() {
        for (String src : List.of("def (", "f\"{", "class", "x = (Money", "lambda Money", "\"\"\"Money")) {
            PythonScanner.uses("b.py", src, "Money"); // no exception, whatever it finds
        }
        assertEquals(1, PythonScanner.uses("b.py", "x = (Money", "Money").size());
    }
}
