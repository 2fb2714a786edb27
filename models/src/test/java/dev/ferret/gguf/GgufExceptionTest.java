package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ferret.gguf.GgufException.Problem;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GgufExceptionTest {
    @Test
    void namesTheFileFirst() {
        Path file = Path.of("/models/qwen.gguf");
        GgufException e = new GgufException(Problem.MISSING_KEY, file, "key 'x' is missing");
        assertEquals("qwen.gguf: key 'x' is missing", e.getMessage());
        assertEquals(Problem.MISSING_KEY, e.problem());
        assertEquals(file, e.file());
    }

    @Test
    void worksWithoutAFileAndKeepsTheCause() {
        IOException cause = new IOException("disk full");
        GgufException e = new GgufException(Problem.IO, null, "cannot write", cause);
        assertEquals("cannot write", e.getMessage());
        assertNull(e.file());
        assertSame(cause, e.getCause());
    }
}
