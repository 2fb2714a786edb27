package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListImportsToolTest {

    private static ObjectNode path(String p) {
        return JsonNodeFactory.instance.objectNode().put("path", p);
    }

    @Test
    void everyImportStatementOfTheFileRelativeAndNestedOnes(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("shop"));
        Files.writeString(repo.resolve("shop/__init__.py"), "");
        Files.writeString(repo.resolve("shop/cart.py"), """
                import os, sys as system
                from . import models
                from ..util import helper as h, other
                from .models import (Money,
                                     Price)
                # import json  (a comment is no import)
                text = "import yaml"

                def load():
                    import json
                    try:
                        from typing import Protocol
                    except ImportError:
                        pass
                """);
        Files.writeString(repo.resolve("shop/models.py"), "import decimal\n");
        ListImportsTool tool = new ListImportsTool(new PythonIndex(repo));
        List<Hit> hits = tool.search(path("shop/cart.py"));
        assertEquals(List.of(1, 2, 3, 4, 10, 12), hits.stream().map(Hit::line).toList());
        assertEquals(List.of("os", ".", "..util", ".models", "json", "typing"), hits.stream().map(Hit::name).toList());
        assertEquals("import os, sys as system", hits.getFirst().text());
        assertEquals("from ..util import helper as h, other", hits.get(2).text());
        assertEquals(List.of("shop/cart.py", "shop/models.py"),
                tool.search(path("shop")).stream().map(Hit::file).distinct().toList(), "a folder: every file's");
    }

    @Test
    void aPathOutsideTheRepositoryOrMissingIsATypedError(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("a.py"), "import os\n");
        ListImportsTool tool = new ListImportsTool(new PythonIndex(repo));
        ToolResult outside = tool.call(path("../etc"));
        assertTrue(outside.error(), outside.content());
        ToolResult missing = tool.call(path("nope.py"));
        assertTrue(missing.error(), missing.content());
        assertTrue(tool.call(path("a.py")).content().startsWith("a.py:1: import os"));
    }
}
