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

    @Test
    void fileProblemsFoundBelowTheOptionsAreBadInputNamedAsSuch() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new java.nio.file.NoSuchFileException("x.tsv")));
        assertEquals("x.tsv: no such file", Errors.describe(new java.nio.file.NoSuchFileException("x.tsv")));
        assertEquals("x.tsv -> y.tsv", Errors.describe(new java.nio.file.NoSuchFileException("x.tsv", "y.tsv", null)));
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new dev.ferret.models.io.FileKindException(java.nio.file.Path.of("p"),
                "a named pipe (FIFO)", "is a named pipe (FIFO), not a regular file")));
        assertEquals(ExitCodes.BAD_INPUT, Errors.exitCode(new dev.ferret.models.io.NotUtf8Exception(java.nio.file.Path.of("t"), 0xff, 1, 0)));
        assertEquals(ExitCodes.FAILED, Errors.exitCode(new java.io.IOException("disk full")));
    }
}
