package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatterTest {
    private static final List<Finding> TWO = List.of(
            new Finding("b.py", 3, "B.run", "async def B.run()"),
            new Finding("a.py", 9, "main", "async def main()"));

    @Test
    void countLineThenOneLinePerItemInOrder() {
        assertEquals("Found 2 async functions:\n- main (a.py:9)\n- B.run (b.py:3)\n",
                new Formatter().format(new Findings(new Intent.AsyncFunctions(), TWO)));
    }

    @Test
    void limitAddsARemainderLine() {
        assertEquals("Found 2 async functions:\n- main (a.py:9)\n... and 1 more\n",
                new Formatter(1).format(new Findings(new Intent.AsyncFunctions(), TWO)));
    }

    @Test
    void emptyAndSingular() {
        Formatter f = new Formatter();
        assertEquals("No dataclasses found.", f.format(new Findings(new Intent.Dataclasses(), List.of())));
        assertEquals("No TODO comments found.", f.format(new Findings(new Intent.Comments("TODO"), List.of())));
        assertEquals("No files that import requests found.", f.format(new Findings(new Intent.Imports("requests"), List.of())));
        assertEquals("Found 1 dataclass:\n- Money (m.py:4)\n",
                f.format(new Findings(new Intent.Dataclasses(), List.of(new Finding("m.py", 4, "Money", "class Money")))));
        assertEquals("Found 1 TODO comment:\n- m.py:2: # TODO: x\n",
                f.format(new Findings(new Intent.Comments("TODO"), List.of(new Finding("m.py", 2, "TODO", "# TODO: x")))));
    }

    @Test
    void unknown() {
        assertEquals("The hybrid path cannot answer this question (why); the full agent loop is needed.",
                new Formatter().format(new Findings(new Intent.Unknown("why"), List.of())));
    }
}
