package dev.ferret.agent.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferret.agent.python.Hit;
import dev.ferret.engine.chat.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call-only model's answers, written from the hits: the hybrid path's words for its plans, a generic list else. */
class CallAnswerTest {
    static com.fasterxml.jackson.databind.JsonNode args(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void hybridPlansGetTheHybridAnswer() throws Exception {
        List<Hit> hits = List.of(new Hit("b.py", 3, "B", "class B(Protocol)"), new Hit("a.py", 9, "A.Inner", "class A.Inner(Protocol)"));
        assertEquals("Found 2 classes that subclass Protocol:\n- A.Inner (a.py:9)\n- B (b.py:3)",
                CallAnswer.format("find_classes", args("{\"base\": \"Protocol\"}"), hits));
        assertEquals("No dataclasses found.", CallAnswer.format("find_classes", args("{\"decorator\": \"dataclass\", \"path\": \"x\"}"), List.of()));
        List<Hit> imports = List.of(new Hit("a.py", 1, "requests", "import requests"), new Hit("a.py", 7, "requests", "from requests import get"),
                new Hit("c.py", 2, "requests", "import requests.adapters"));
        assertEquals("Found 2 files that import requests:\n- a.py:1 (import requests)\n- c.py:2 (import requests.adapters)",
                CallAnswer.format("find_imports", args("{\"module\": \"requests\"}"), imports), "one item per file");
        assertEquals("Found 1 TODO comment:\n- a.py:4: # TODO: x",
                CallAnswer.format("find_comments", args("{\"tag\": \"TODO\"}"), List.of(new Hit("a.py", 4, "TODO", "# TODO: x"))));
    }

    @Test
    void otherCallsListTheirHitsUnderTheCall() throws Exception {
        List<Hit> hits = List.of(new Hit("a.py", 5, "Client.get", "def get(self)"), new Hit("a.py", 9, "Client.put", "def put(self)"));
        assertEquals("Found 2 results of find_functions {\"name_pattern\": \"Client.*\"}:\n- Client.get (a.py:5)\n- Client.put (a.py:9)",
                CallAnswer.format("find_functions", args("{\"name_pattern\": \"Client.*\"}"), hits));
        assertEquals("No results of find_classes {\"name_pattern\": \"Nope\"}.",
                CallAnswer.format("find_classes", args("{\"name_pattern\": \"Nope\"}"), List.of()));
    }
}
