package dev.ferret.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The values a call-only call may copy from its question. */
class CallChoicesTest {
    @Test
    void theStandardQuestionsHoldTheirArguments() {
        assertTrue(AgentPrompt.callChoices("Which classes in this codebase subclass from Protocol?").contains("Protocol"));
        assertTrue(AgentPrompt.callChoices("What files import the requests library?").contains("requests"));
        assertTrue(AgentPrompt.callChoices("Show me all dataclasses").contains("dataclass"));
        assertTrue(AgentPrompt.callChoices("List TODO comments in the source code").contains("TODO"));
        // words people split or hyphenate: joined, with the joined word's own forms
        assertTrue(AgentPrompt.callChoices("how many data classes do we have").contains("dataclass"));
        assertTrue(AgentPrompt.callChoices("any open to-do items?").contains("TODO"));
        assertTrue(AgentPrompt.callChoices("things left to do in the code").contains("TODO"));
        // a run of characters longer than any name is no choice (the grammar bounds strings): never an error
        List<String> huge = AgentPrompt.callChoices("x".repeat(120_000) + " requests");
        assertTrue(huge.contains("requests") && huge.stream().allMatch(c -> c.length() <= 128), huge.toString());
        assertEquals(List.of("x"), AgentPrompt.callChoices("y".repeat(5_000)));
    }

    @Test
    void wordsDottedPartsSingularsCapitalsAndMethods() {
        List<String> c = AgentPrompt.callChoices("which typing.Protocol subclasses use @pytest.fixture in rich/markdown/? todo");
        for (String want : List.of("typing.Protocol", "typing", "Protocol", "Protocol.*", "pytest.fixture", "fixture",
                "rich/markdown", "subclass", "TODO", "Typing")) {
            assertTrue(c.contains(want), want + " in " + c);
        }
        assertFalse(c.contains("rich/markdown/"), "trailing slash dropped");
        assertFalse(c.stream().anyMatch(x -> x.contains("?") || x.contains("@") || x.contains("<")), c.toString());
        assertTrue(AgentPrompt.callChoices("Find os.path imports in pkg/mod.py").containsAll(List.of("os.path", "os", "path", "pkg/mod.py")));
        assertTrue(AgentPrompt.callChoices("?!").equals(List.of("x")), "never empty");
    }
}
