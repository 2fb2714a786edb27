package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferret.engine.EngineException;
import dev.ferret.engine.GenerationRequest;
import org.junit.jupiter.api.Test;

/** Exit codes by kind of failure: bad input is 2, whatever the layer that found it. */
class ErrorsTest {
    @Test
    void badInputIsTwoElseOne() {
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new EngineException.IncompatibleDraft("vocabularies differ")));
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new EngineException.IncompatibleAdapter("other base", null)));
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new EngineException.ContextOverflow(10, 5, "the prompt")));
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new IllegalArgumentException("bad option")));
        assertEquals(ExitCodes.FAILED, Errors.exitCode(new EngineException.Native("decode failed", null)));
        assertEquals(ExitCodes.FAILED, Errors.exitCode(new EngineException.Busy("in use")));
        assertEquals(ExitCodes.FAILED, Errors.exitCode(new IllegalStateException("bug")));
        // a grammar llama.cpp would refuse is refused when the request is made, as bad input
        EngineException.InvalidGrammar e = org.junit.jupiter.api.Assertions.assertThrows(EngineException.InvalidGrammar.class,
                () -> GenerationRequest.greedy(4).withGrammar("root ::= (\"a\""));
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(e));
    }
}
