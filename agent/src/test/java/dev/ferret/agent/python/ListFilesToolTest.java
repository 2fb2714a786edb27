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

class ListFilesToolTest {

    private static ObjectNode path(String p) {
        return JsonNodeFactory.instance.objectNode().put("path", p);
    }

    @Test
    void everyPythonFileWithItsSize(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("shop/net"));
        Files.writeString(repo.resolve("shop/__init__.py"), "");
        Files.writeString(repo.resolve("shop/net/http.py"), """
                class Client:
                    def get(self):
                        def inner():
                            pass

                def make():
                    return Client()
                """);
        Files.writeString(repo.resolve("notes.txt"), "not python\n");
        Files.writeString(repo.resolve("tool.py"), "print('hi')\n");
        ListFilesTool tool = new ListFilesTool(new PythonIndex(repo));
        List<Hit> all = tool.search(JsonNodeFactory.instance.objectNode());
        assertEquals(List.of("shop/__init__.py", "shop/net/http.py", "tool.py"), all.stream().map(Hit::file).toList());
        assertEquals("0 lines, 0 classes, 0 functions", all.getFirst().text());
        assertEquals("7 lines, 1 class, 3 functions", all.get(1).text(), "methods and nested functions counted");
        assertEquals("1 line, 0 classes, 0 functions", all.get(2).text());
        assertEquals(List.of("shop/__init__.py", "shop/net/http.py"),
                tool.search(path("shop")).stream().map(Hit::file).toList(), "a folder: its files at any depth");
    }

    @Test
    void aPathOutsideTheRepositoryOrMissingIsATypedError(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("a.py"), "import os\n");
        ListFilesTool tool = new ListFilesTool(new PythonIndex(repo));
        ToolResult outside = tool.call(path("../etc"));
        assertTrue(outside.error(), outside.content());
        ToolResult missing = tool.call(path("nope"));
        assertTrue(missing.error(), missing.content());
        assertTrue(tool.call(path("a.py")).content().startsWith("a.py:1: 1 line, 0 classes, 0 functions"));
    }
}
