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
 * Main guards as the scanner sees them (a module-level if whose test is exactly __name__ == "__main__") and
 * find_entry_points: one hit per file, at its first guard, or at line 1 of a __main__.py without one.
 */
class FindEntryPointsToolTest {

    private static List<Integer> guards(String source) {
        return PythonScanner.scan("m.py", source).mainGuards();
    }

    @Test
    void onlyTheExactTestOutsideDefsAndClasses() {
        assertEquals(List.of(1), guards("if __name__ == \"__main__\":\n    main()\n"));
        assertEquals(List.of(1), guards("if '__main__' == __name__: main()\n"));
        assertEquals(List.of(2), guards("try:\n    if (__name__ == r'__main__'):\n        pass\nfinally:\n    pass\n"));
        assertEquals(List.of(), guards("def f():\n    if __name__ == '__main__':\n        pass\n"));
        assertEquals(List.of(), guards("class C:\n    if __name__ == '__main__':\n        pass\n"));
        assertEquals(List.of(), guards("if x:\n    pass\nelif __name__ == '__main__':\n    pass\n"));
        assertEquals(List.of(), guards("if __name__ == '__main__' and DEBUG:\n    pass\n"));
        assertEquals(List.of(), guards("if __name__ != '__main__':\n    pass\n"));
        assertEquals(List.of(), guards("if __name__ == b'__main__':\n    pass\n"));
        assertEquals(List.of(), guards("\"\"\"\nif __name__ == '__main__':\n    main()\n\"\"\"\n"));
        assertEquals(List.of(), guards("# if __name__ == '__main__':\n"));
        assertEquals(List.of(1, 3), guards("if __name__ == '__main__':\n    a()\nif __name__ == '__main__':\n    b()\n"));
    }

    @Test
    void oneHitPerFile(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("pkg/sub"));
        Files.writeString(repo.resolve("pkg/__init__.py"), "");
        Files.writeString(repo.resolve("pkg/__main__.py"), "from .cli import main\nmain()\n");
        Files.writeString(repo.resolve("pkg/sub/__main__.py"), "import sys\n\nif __name__ == '__main__':\n    sys.exit(0)\n");
        Files.writeString(repo.resolve("pkg/cli.py"), "def main():\n    pass\n\nif __name__ == '__main__':\n    main()\n"
                + "if __name__ == '__main__':\n    main()\n");
        Files.writeString(repo.resolve("pkg/lib.py"), "def main():\n    pass\n");
        FindEntryPointsTool tool = new FindEntryPointsTool(new PythonIndex(new Sandbox(repo)));
        List<String> found = tool.search(args("{}")).stream().map(h -> h.name() + "@" + h.line() + ": " + h.text())
                .toList();
        assertEquals(List.of("pkg.__main__@1: __main__.py (python -m pkg)", "pkg.cli@4: if __name__ == \"__main__\":",
                "pkg.sub.__main__@3: if __name__ == \"__main__\":"), found);
    }
}
