package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferret.agent.tools.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indirect subclasses of Exception (or BaseException) are every exception class: one deriving from ValueError
 * derives from Exception although no project class lies between. Other filters still hold, and a direct search stays
 * literal.
 */
class ExceptionRootsTest {

    @Test
    void theBuiltinExceptionsLeadToException(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("errors.py"), """
                from dataclasses import dataclass


                class AppError(Exception):
                    pass


                class NotFound(AppError):
                    pass


                class BadValue(ValueError):
                    pass


                @dataclass
                class Timeout(TimeoutError):
                    seconds: float = 0


                class Plain:
                    pass
                """);
        FindClassesTool tool = new FindClassesTool(new PythonIndex(new Sandbox(repo)));
        assertEquals(List.of("AppError", "NotFound", "BadValue", "Timeout"), names(tool,
                "{\"base\": \"Exception\", \"indirect\": true}"));
        assertEquals(List.of("AppError", "NotFound", "BadValue", "Timeout"), names(tool,
                "{\"base\": \"BaseException\", \"indirect\": true}"));
        assertEquals(List.of("AppError"), names(tool, "{\"base\": \"Exception\"}"));
        assertEquals(List.of("Timeout"), names(tool,
                "{\"base\": \"Exception\", \"indirect\": true, \"decorator\": \"dataclass\"}"));
        assertEquals(List.of("NotFound"), names(tool, "{\"base\": \"AppError\", \"indirect\": true}"));
    }

    private static List<String> names(FindClassesTool tool, String json) throws Exception {
        return tool.search(args(json)).stream().map(Hit::name).toList();
    }
}
