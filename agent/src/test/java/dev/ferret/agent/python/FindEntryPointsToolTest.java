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
 * find_entry_points: one hit per file, at its first guard, or at line 1 of a __main__.py without one; then the
 * console and GUI scripts of pyproject.toml, setup.cfg and setup.py, one hit per script at its declaring line.
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

    private static List<String> render(FindEntryPointsTool tool, String args) throws Exception {
        return tool.search(args(args)).stream().map(h -> h.name() + " | " + h.render()).toList();
    }

    @Test
    void pyprojectScriptTables(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("src/mypkg"));
        Files.writeString(repo.resolve("src/mypkg/__init__.py"), "from .cli import main as main\n");
        Files.writeString(repo.resolve("src/mypkg/cli.py"), "import sys\n\n\ndef main():\n    return 0\n\n\n"
                + "class App:\n    def run(self):\n        pass\n");
        Files.writeString(repo.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools>=61"]

                [project]
                name = "mypkg"
                description = \"""
                [project.scripts]
                fake = "not:this"
                \"""
                dependencies = [
                    "requests",  # ]
                    "click",
                ]

                [project.scripts]
                # the command line
                mytool = "mypkg.cli:main"   # a comment
                "quoted-tool" = 'mypkg.cli:main'

                other.dotted = "mypkg.cli:main"
                app = "mypkg.cli:App.run"
                missing = "mypkg.nowhere:main"
                reexported = "mypkg:main"
                number = 3

                [project.gui-scripts]
                mygui = "mypkg.cli:main"

                [project.entry-points."console_scripts"]
                plugin = "mypkg.cli:main"

                [tool.poetry.scripts]
                poet = "mypkg.cli:main"
                table = { reference = "mypkg.cli:main", type = "console" }
                'lit' = "mypkg.cli:main [extra]"
                esc = "mypkg.cli:m\\u0061in"
                [[tool.poetry.source]]
                name = "x"
                """);
        FindEntryPointsTool tool = new FindEntryPointsTool(new PythonIndex(new Sandbox(repo)));
        assertEquals(List.of(
                "mytool | pyproject.toml:17: script mytool = mypkg.cli:main  [defined at src/mypkg/cli.py:4]",
                "quoted-tool | pyproject.toml:18: script quoted-tool = mypkg.cli:main  [defined at src/mypkg/cli.py:4]",
                "app | pyproject.toml:21: script app = mypkg.cli:App.run",
                "missing | pyproject.toml:22: script missing = mypkg.nowhere:main",
                "reexported | pyproject.toml:23: script reexported = mypkg:main  [defined at src/mypkg/cli.py:4]",
                "mygui | pyproject.toml:27: gui script mygui = mypkg.cli:main  [defined at src/mypkg/cli.py:4]",
                "poet | pyproject.toml:33: script poet = mypkg.cli:main  [defined at src/mypkg/cli.py:4]",
                "lit | pyproject.toml:35: script lit = mypkg.cli:main [extra]  [defined at src/mypkg/cli.py:4]",
                "esc | pyproject.toml:36: script esc = mypkg.cli:main  [defined at src/mypkg/cli.py:4]"),
                render(tool, "{}"));
    }

    @Test
    void setupCfgEntryPoints(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("tool"));
        Files.writeString(repo.resolve("tool/__init__.py"), "");
        Files.writeString(repo.resolve("tool/main.py"), "def run():\n    pass\n\nif __name__ == '__main__':\n    run()\n");
        Files.writeString(repo.resolve("setup.cfg"), """
                [metadata]
                name = tool
                console_scripts = not-here = tool.main:run

                [options.entry_points]
                Console_Scripts = first = tool.main:run
                    second=tool.main:run
                    # a comment line inside the value

                    third = tool.main:nothing
                    no equals sign
                gui_scripts:
                    window = tool.main:run
                pytest11 =
                    plugin = tool.main:run

                [flake8]
                    max = 1
                """);
        FindEntryPointsTool tool = new FindEntryPointsTool(new PythonIndex(new Sandbox(repo)));
        assertEquals(List.of(
                "first | setup.cfg:6: script first = tool.main:run  [defined at tool/main.py:1]",
                "second | setup.cfg:7: script second = tool.main:run  [defined at tool/main.py:1]",
                "third | setup.cfg:10: script third = tool.main:nothing",
                "window | setup.cfg:13: gui script window = tool.main:run  [defined at tool/main.py:1]",
                "tool.main | tool/main.py:4: if __name__ == \"__main__\":"),
                render(tool, "{}"));
    }

    @Test
    void pathScopesTheMetadataFiles(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("a"));
        Files.createDirectories(repo.resolve("b"));
        Files.createDirectories(repo.resolve("build"));
        Files.writeString(repo.resolve("a/pyproject.toml"), "[project.scripts]\nfrom-a = \"a.cli:main\"\n");
        Files.writeString(repo.resolve("b/setup.cfg"), "[options.entry_points]\nconsole_scripts =\n  from-b = b:main\n");
        Files.writeString(repo.resolve("build/pyproject.toml"), "[project.scripts]\nbuilt = \"x:y\"\n");
        Files.write(repo.resolve("pyproject.toml"), new byte[] {'[', 0, ']'});
        FindEntryPointsTool tool = new FindEntryPointsTool(new PythonIndex(new Sandbox(repo)));
        assertEquals(List.of("from-a | a/pyproject.toml:2: script from-a = a.cli:main",
                "from-b | b/setup.cfg:3: script from-b = b:main"), render(tool, "{}"));
        assertEquals(List.of("from-b | b/setup.cfg:3: script from-b = b:main"), render(tool, "{\"path\": \"b\"}"));
        assertEquals(List.of("from-a | a/pyproject.toml:2: script from-a = a.cli:main"),
                render(tool, "{\"path\": \"a/pyproject.toml\"}"));
    }

    @Test
    void setupPyDictDisplays(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("mypkg"));
        Files.createDirectories(repo.resolve("plugins/extra"));
        Files.writeString(repo.resolve("mypkg/__init__.py"), "");
        Files.writeString(repo.resolve("mypkg/cli.py"), "def main():\n    pass\n\n\ndef gui():\n    pass\n");
        Files.writeString(repo.resolve("setup.py"), """
                \"""Set up mypkg: {"console_scripts": ["in-docstring = x:y"]}.\"""
                from setuptools import setup

                EXTRA = {"gui_scripts": ("mygui = mypkg.cli:gui",)}  # a tuple, passed by name below

                setup(
                    name="mypkg",  # {"console_scripts": ["in-comment = x:y"]}
                    entry_points={
                        "console_scripts": [
                            "mytool = mypkg.cli:main",
                            'hash#tag = mypkg.cli:main',  # "]}"
                            f"fmt = mypkg.cli:{'main'}",
                            "no equals sign",
                            "other = mypkg.nowhere:run",
                        ],
                        **EXTRA,
                    },
                )
                """);
        Files.writeString(repo.resolve("plugins/extra/setup.py"),
                "from setuptools import setup\nsetup(entry_points={'console_scripts': ['extra = mypkg.cli:main']})\n");
        Files.writeString(repo.resolve("plugins/setup.py"),
                "setup(entry_points={'console_scripts': ['open = x:y', 'unterminated]})\n");
        FindEntryPointsTool tool = new FindEntryPointsTool(new PythonIndex(new Sandbox(repo)));
        assertEquals(List.of(
                "extra | plugins/extra/setup.py:2: script extra = mypkg.cli:main  [defined at mypkg/cli.py:1]",
                "open | plugins/setup.py:1: script open = x:y",
                "mygui | setup.py:4: gui script mygui = mypkg.cli:gui  [defined at mypkg/cli.py:5]",
                "mytool | setup.py:10: script mytool = mypkg.cli:main  [defined at mypkg/cli.py:1]",
                "hash#tag | setup.py:11: script hash#tag = mypkg.cli:main  [defined at mypkg/cli.py:1]",
                "other | setup.py:14: script other = mypkg.nowhere:run"),
                render(tool, "{}"));
        assertEquals(List.of(
                "extra | plugins/extra/setup.py:2: script extra = mypkg.cli:main  [defined at mypkg/cli.py:1]"),
                render(tool, "{\"path\": \"plugins/extra\"}"));
    }
}
