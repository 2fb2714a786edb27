package dev.ferret.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.loop.CallOnlyAgent;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call-only model sees the tools as they were when it was trained: its system turn names them, and only what it
 * names is offered by its grammar; a tool or parameter it names that no longer exists is an error, not a silent
 * change of prompt.
 */
class TrainedToolsTest {

    private static List<PythonTool> tools(Path dir) throws Exception {
        Files.writeString(dir.resolve("a.py"), "class A:\n    pass\n");
        return PythonTools.create(new PythonIndex(new Sandbox(dir)));
    }

    @Test
    void theSignatureIsReadBackFromTheSystemTurn(@TempDir Path dir) throws Exception {
        List<PythonTool> tools = tools(dir);
        String live = AgentPrompt.callOnlySystem(tools);
        Map<String, List<String>> sig = AgentPrompt.toolSignature(live);
        assertEquals(tools.size(), sig.size());
        assertEquals(List.of("module", "path"), sig.get("find_imports"));
        assertThrows(IllegalArgumentException.class, () -> AgentPrompt.toolSignature("no tools here"));
    }

    @Test
    void anOlderTurnLimitsTheGrammarToWhatItNames(@TempDir Path dir) throws Exception {
        List<PythonTool> tools = tools(dir);
        String older = "Write the one tool call that answers the question about this Python repository.\n"
                + "Tools: find_classes(base, decorator, path) find_imports(module, path)";
        CallOnlyAgent agent = new CallOnlyAgent(null, tools).withTrainedSystem(older);
        assertEquals(older, agent.system());
        String grammar = agent.grammar("Which classes subclass Protocol?");
        assertTrue(grammar.contains("base"), grammar);
        assertFalse(grammar.contains("indirect"), "a parameter the turn does not name is not offered");
        assertFalse(grammar.contains("find_functions"), "a tool the turn does not name is not offered");
    }

    @Test
    void aTurnNamingWhatTheToolsLackIsRefused(@TempDir Path dir) throws Exception {
        List<PythonTool> tools = tools(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CallOnlyAgent(null, tools)
                .withTrainedSystem("x\nTools: find_classes(base, colour)"));
        assertTrue(e.getMessage().contains("find_classes(colour)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CallOnlyAgent(null, tools)
                .withTrainedSystem("x\nTools: find_everything(query)"));
        assertTrue(e.getMessage().contains("find_everything"), e.getMessage());
    }
}
