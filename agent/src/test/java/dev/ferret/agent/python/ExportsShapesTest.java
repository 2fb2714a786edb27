package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes of {@code __all__} that CPython's parser reads as listing names, read the same way here. */
class ExportsShapesTest {

    private static List<String> exports(String source) {
        return PythonScanner.scan("m.py", source).exports().stream().map(e -> e.line() + ":" + e.name()).toList();
    }

    @Test
    void aSumInParenthesesListsItsLiterals() {
        // pyzmq's zmq/__init__.py: the literal names, then other modules' __all__ added to them
        assertEquals(List.of("3:get_includes", "4:COPY_THRESHOLD"), exports("""
                __all__ = (
                    [
                        'get_includes',
                        'COPY_THRESHOLD',
                    ]
                    + constants.__all__
                    + sugar.__all__
                )
                """));
    }

    @Test
    void aTupleInParenthesesStaysATuple() {
        assertEquals(List.of("1:a", "1:b"), exports("__all__ = ('a', 'b')\n"));
        assertEquals(List.of("1:a"), exports("__all__ = ('a',)\n"));
        assertEquals(List.of("1:a", "1:b"), exports("__all__ = (('a', 'b'))\n"));
    }
}
