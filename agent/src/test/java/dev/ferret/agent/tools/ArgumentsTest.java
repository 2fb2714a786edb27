package dev.ferret.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** Bad arguments give short error results that say what is wrong and what is valid. */
class ArgumentsTest extends OnFixture {

    private String err(String tool, String args) {
        ToolResult r = fx.call(tool, args);
        assertTrue(r.error(), tool + " " + args + " should fail: " + r.content());
        assertTrue(r.content().startsWith("error: " + tool + ": "), r.content());
        assertTrue(r.content().length() < 800, "short: " + r.content().length() + " " + r.content());
        assertTrue(r.content().contains("Valid arguments: "), r.content());
        assertTrue(r.content().contains("Example: {"), r.content());
        return r.content();
    }

    @Test
    void emptyArgumentsNameTheMissingOne() {
        String grep = err("grep", "{}");
        assertTrue(grep.contains("missing required argument 'pattern'"), grep);
        assertTrue(grep.contains("Valid arguments: pattern (string, required), path (string), glob (string), "
                + "ignore_case (boolean), context (integer), max_matches (integer)."), grep);
        assertTrue(err("run_command", "{}").contains("missing required argument 'command'"));
        assertTrue(err("read_file", "{}").contains("missing required argument 'path'"));
        // the earlier model's call exactly
        assertEquals("error: run_command: missing required argument 'command' (string: the command line, e.g. grep "
                        + "-rn \"import requests\" --include=*.py .). Valid arguments: command (string, required). "
                        + "Example: {\"command\": \"grep -rn \\\"TODO\\\" --include=*.py .\"}",
                fx.call("run_command", "{}").content());
    }

    @Test
    void nullOrMissingArgumentsCountAsEmpty() {
        ToolResult r = fx.toolbox.call("grep", null);
        assertTrue(r.error());
        assertTrue(r.content().contains("missing required argument 'pattern'"));
        assertTrue(err("grep", "{\"pattern\": null}").contains("missing required argument 'pattern'"));
        assertFalse(fx.call("list_dir", "{}").error());
        assertFalse(fx.call("list_dir", "{\"path\": null}").error());
        assertFalse(fx.toolbox.call("find", null).error());
    }

    @Test
    void wrongTypesAreNamed() {
        assertTrue(err("grep", "{\"pattern\": 5}").contains("argument 'pattern' must be a string, got number 5"));
        assertTrue(err("grep", "{\"pattern\": \"x\", \"max_matches\": \"10\"}")
                .contains("argument 'max_matches' must be an integer, got string \"10\""));
        assertTrue(err("grep", "{\"pattern\": \"x\", \"ignore_case\": \"yes\"}")
                .contains("argument 'ignore_case' must be true or false, got string \"yes\""));
        assertTrue(err("grep", "{\"pattern\": \"x\", \"context\": 1.5}")
                .contains("argument 'context' must be an integer, got number 1.5"));
        assertTrue(err("grep", "{\"pattern\": [\"a\", \"b\"]}").contains("must be a string, got array"));
        assertTrue(err("find", "{\"type\": \"x\"}").contains("argument 'type' must be one of \"f\", \"d\", got \"x\""));
        assertTrue(err("grep", "{\"pattern\": \"x\", \"max_matches\": 0}")
                .contains("argument 'max_matches' must be between 1 and 1000, got 0"));
        assertTrue(err("grep", "{\"pattern\": \"x\", \"context\": -1}").contains("between 0 and 20"));
        assertFalse(fx.call("grep", "{\"pattern\": \"x\", \"context\": 2.0}").error());
    }

    @Test
    void emptyStringsAreRefused() {
        assertTrue(err("grep", "{\"pattern\": \"\"}").contains("argument 'pattern' is an empty string"));
        assertTrue(err("run_command", "{\"command\": \"\"}").contains("argument 'command' is an empty string"));
        assertTrue(err("find", "{\"name\": \"\"}").contains("argument 'name' is an empty string"));
        assertTrue(err("read_file", "{\"path\": \"\"}").contains("argument 'path' is an empty string"));
    }

    @Test
    void unknownArgumentsListTheValidOnes() {
        String r = err("read_file", "{\"file\": \"README.md\"}");
        assertTrue(r.contains("unknown argument 'file' (did you mean 'path'?)"), r);
        assertTrue(r.contains("missing required argument 'path'"), r);
        assertTrue(r.contains("Valid arguments: path (string, required), start_line (integer), end_line (integer)"), r);
        assertTrue(err("grep", "{\"Pattern\": \"x\"}").contains("did you mean 'pattern'?"));
        assertTrue(err("grep", "{\"pattern\": \"x\", \"max_match\": 3}").contains("did you mean 'max_matches'?"));
        assertTrue(err("read_file", "{\"file_path\": \"README.md\"}").contains("did you mean 'path'?"));
        String q = err("grep", "{\"query\": \"x\"}");
        assertTrue(q.contains("unknown argument 'query'") && q.contains("missing required argument 'pattern'"), q);
        assertTrue(err("list_dir", "{\"recursive\": true}").contains("unknown argument 'recursive'"));
    }

    @Test
    void nonObjectArguments() {
        ToolResult arr = fx.toolbox.call("grep", Fixture.json("[\"x\"]"));
        assertTrue(arr.content().contains("arguments must be a JSON object, got array"), arr.content());
        ToolResult str = fx.toolbox.call("grep", JsonNodeFactory.instance.textNode("TODO"));
        assertTrue(str.content().contains("arguments must be a JSON object, got string"), str.content());
        // a JSON object sent inside a string is accepted
        ToolResult enc = fx.toolbox.call("grep", JsonNodeFactory.instance.textNode("{\"pattern\": \"TODO\"}"));
        assertFalse(enc.error(), enc.content());
        assertEquals(3, enc.items());
    }

    @Test
    void unknownToolListsTheTools() {
        ToolResult r = fx.call("run", "{}");
        assertEquals("error: there is no tool named 'run'; the tools are: grep, find, read_file, list_dir, run_command",
                r.content());
    }
}
