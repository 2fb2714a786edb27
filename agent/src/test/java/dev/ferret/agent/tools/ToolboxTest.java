package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolboxTest {
    @TempDir
    Path tmp;

    /** A tool another package might add. */
    static final class EchoTool implements Tool {
        @Override
        public String name() {
            return "find_classes";
        }

        @Override
        public String description() {
            return "Lists classes; ünïcode stays as is.";
        }

        @Override
        public ObjectNode parameters() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("type", "object");
            o.putObject("properties").putObject("base").put("type", "string");
            o.putArray("required");
            return o;
        }

        @Override
        public ToolResult call(JsonNode arguments) {
            return ToolResult.ok("echo " + arguments, 1, 0);
        }
    }

    @Test
    void standardToolsInOrder() {
        Toolbox tb = Toolbox.standard(new Sandbox(tmp));
        assertEquals(List.of("grep", "find", "read_file", "list_dir", "run_command"), tb.names());
        assertEquals("grep", tb.get("grep").orElseThrow().name());
        assertTrue(tb.get("nope").isEmpty());
        assertTrue(tb.get(null).isEmpty());
        assertEquals(5, tb.all().size());
        assertThrows(IllegalArgumentException.class, () -> tb.add(new GrepTool(new Sandbox(tmp), CallBudget.DEFAULT)));
        tb.add(new EchoTool());
        assertEquals("find_classes", tb.all().getLast().name());
        assertEquals("echo {\"base\":\"X\"}", tb.call("find_classes", Fixture.json("{\"base\": \"X\"}")).content());
    }

    @Test
    void schemasRenderAsQwenToolList() throws Exception {
        Toolbox tb = Toolbox.standard(new Sandbox(tmp)).add(new EchoTool());
        String text = tb.schemasJson();
        List<String> lines = text.lines().toList();
        assertEquals(6, lines.size());
        assertEquals("{\"type\": \"function\", \"function\": {\"name\": \"list_dir\", \"description\": \"List the files "
                + "and subdirectories of a directory (subdirectories end with /).\", \"parameters\": {\"type\": \"object\", "
                + "\"properties\": {\"path\": {\"type\": \"string\", \"description\": \"directory to list, relative to the "
                + "repository root (default \\\".\\\")\"}}, \"required\": []}}}", lines.get(3));
        assertTrue(lines.get(5).contains("ünïcode"), lines.get(5));
        for (String line : lines) {
            JsonNode n = Fixture.json(line);
            assertEquals(List.of("type", "function"), fields(n));
            assertEquals(List.of("name", "description", "parameters"), fields(n.get("function")));
            assertEquals(List.of("type", "properties", "required"), fields(n.get("function").get("parameters")));
            assertEquals(line, Json.dumps(n));
        }
        JsonNode grep = Fixture.json(lines.getFirst()).get("function").get("parameters");
        assertEquals(List.of("pattern", "path", "glob", "ignore_case", "context", "max_matches"), fields(grep.get("properties")));
        assertEquals("[\"pattern\"]", grep.get("required").toString());
        assertEquals("integer", grep.get("properties").get("max_matches").get("type").asText());
        assertEquals(1, grep.get("properties").get("max_matches").get("minimum").asInt());
        JsonNode find = Fixture.json(lines.get(1)).get("function").get("parameters");
        assertEquals("[\"f\",\"d\"]", find.get("properties").get("type").get("enum").toString());
        assertEquals(tb.schemas().size(), 6);
        assertFalse(text.contains("\n\n"));
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
