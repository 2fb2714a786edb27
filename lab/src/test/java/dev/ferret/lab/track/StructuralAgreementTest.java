package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.hybrid.Planner;
import dev.ferret.agent.python.PythonIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every question kind, asked of the Java tools directly (Planner, no classifier) and of {@code ground_truth.py}, must
 * give the same items: the Java side and the Python referee implement the same semantics (name resolution through
 * project modules included) independently. Parameters are the names the code itself uses most.
 */
class StructuralAgreementTest {

    private static List<Intent> intents(GroundTruth.Answers stats) {
        List<Intent> out = new ArrayList<>(List.of(new Intent.Subclasses("Protocol"), new Intent.Dataclasses(),
                new Intent.AsyncFunctions(), new Intent.ExceptionClasses(), new Intent.ContextManagers(),
                new Intent.Properties(), new Intent.Exports(), new Intent.Constants(), new Intent.Comments("TODO"),
                new Intent.Comments(List.of("TODO", "FIXME")), new Intent.Comments(List.of("FIXME", "XXX", "HACK")),
                new Intent.Enums(), new Intent.AbstractClasses(), new Intent.Generators(), new Intent.ThirdParty(),
                new Intent.EntryPoints(), new Intent.Tests(), new Intent.SkippedTests(),
                new Intent.UndocumentedFunctions(), new Intent.UndocumentedClasses(), new Intent.ManyParameters(3),
                new Intent.ManyParameters(Intent.ManyParameters.DEFAULT_MIN), new Intent.BareExcepts(),
                new Intent.ModuleImports("."), // the whole repository's import statements
                new Intent.PythonFiles(Intent.ALL)));
        for (String v : top(stats, "bases", 4)) {
            out.add(new Intent.Subclasses(v));
            out.add(new Intent.Subclasses(v, true));
        }
        top(stats, "class_decorators", 3).forEach(v -> out.add(new Intent.ClassesByDecorator(v)));
        top(stats, "function_decorators", 4).forEach(v -> out.add(new Intent.FunctionsByDecorator(v)));
        top(stats, "methods", 3).forEach(v -> out.add(new Intent.ClassesWithMethod(v)));
        top(stats, "classes", 3).forEach(v -> out.add(new Intent.MethodsOfClass(v)));
        top(stats, "parameters", 3).forEach(v -> out.add(new Intent.FunctionsWithParameter(v)));
        top(stats, "returns", 3).forEach(v -> out.add(new Intent.FunctionsReturning(v)));
        top(stats, "raised", 3).forEach(v -> out.add(new Intent.Raises(v)));
        top(stats, "caught", 3).forEach(v -> out.add(new Intent.Catches(v)));
        top(stats, "called", 4).forEach(v -> out.add(new Intent.Callers(v)));
        top(stats, "modules", 4).forEach(v -> out.add(new Intent.Imports(v)));
        out.add(new Intent.ClassesByName(Intent.ALL));
        out.add(new Intent.FunctionsByName(Intent.ALL));
        top(stats, "classes", 3).forEach(v -> out.add(new Intent.Definitions(v)));
        top(stats, "called", 4).forEach(v -> out.add(new Intent.Definitions(v)));
        top(stats, "methods", 2).forEach(v -> out.add(new Intent.Definitions(v)));
        out.add(new Intent.Definitions("max_retries")); // a constant, asked in lower case
        top(stats, "classes", 3).forEach(v -> out.add(new Intent.References(v.substring(v.lastIndexOf('.') + 1))));
        top(stats, "called", 2).forEach(v -> out.add(new Intent.References(v)));
        top(stats, "parameters", 2).forEach(v -> out.add(new Intent.References(v))); // parameters are not uses
        out.add(new Intent.References("os.environ"));
        out.add(new Intent.References("self"));
        top(stats, "classes", 1).forEach(c -> top(stats, "methods", 1)
                .forEach(m -> out.add(new Intent.Definitions(c.substring(c.lastIndexOf('.') + 1) + "." + m))));
        top(stats, "function_prefixes", 2).forEach(v -> {
            out.add(new Intent.FunctionsByName(v + "_*"));
            out.add(new Intent.ClassesByName("*" + v + "*"));
        });
        return out;
    }

    private static List<String> top(GroundTruth.Answers stats, String table, int n) {
        return stats.values(table).stream().filter(v -> !v.contains("(") && !v.startsWith("self.")).limit(n).toList();
    }

    /** Asserts the agreement; returns the number of expected items of each {@code --ask} kind. */
    private static Map<String, Integer> agree(Path repo, int minimumNonEmpty) throws Exception {
        PythonAvailable.assume();
        GroundTruth gt = new GroundTruth();
        GroundTruth.Answers stats = gt.ask(repo, List.of(), true);
        List<Intent> intents = intents(stats);
        List<String> asks = intents.stream().map(GroundTruthQuery::of).distinct().toList();
        GroundTruth.Answers truth = gt.ask(repo, asks, false);
        Planner planner = new Planner(new PythonIndex(repo));
        int nonEmpty = 0;
        Map<String, Integer> sizes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Intent intent : intents) {
            Planner.Execution run = planner.execute(planner.plan(intent));
            assertTrue(!run.failed(), intent + " " + run.calls());
            Set<String> found = QuestionSuite.keys(intent, run.findings().items(), truth.unparsed());
            Set<String> expected = QuestionSuite.keys(intent, truth.get(GroundTruthQuery.of(intent)), truth.unparsed());
            if (!found.equals(expected)) {
                Set<String> fp = new TreeSet<>(found);
                fp.removeAll(expected);
                Set<String> fn = new TreeSet<>(expected);
                fn.removeAll(found);
                problems.add(intent + ": extra " + fp.stream().limit(5).toList() + " missed " + fn.stream().limit(5).toList());
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
            sizes.put(GroundTruthQuery.of(intent), expected.size());
        }
        assertEquals(List.of(), problems);
        assertTrue(nonEmpty >= minimumNonEmpty, "only " + nonEmpty + " of " + intents.size() + " questions had items");
        return sizes;
    }

    @Test
    void sampleRepository() throws Exception {
        agree(Path.of("..", "examples", "shop").toAbsolutePath().normalize(), 25);
    }

    /**
     * Generated packages that use the idioms: a compatibility module with try/except ImportError, __init__ star
     * re-exports with and without __all__, aliases, relative imports at two levels, raises, calls, constants; enums
     * (IntEnum, an aliased Enum, through project base classes in the same and other files), abstract classes (ABC,
     * metaclass=abc.ABCMeta, only an @abstractmethod, and a subclass that is not listed), generators (yield from, a
     * nested generator in a plain function, a lambda holding yield, an async generator).
     */
    @Test
    void generatedProjectWithReExports(@TempDir Path repo) throws Exception {
        Random r = new Random(20261204);
        write(repo, "app/__init__.py", "from .compat import *\nfrom .errors import AppError as AppError\n"
                + "__all__ = ['Protocol', 'dataclass', 'AppError']\n");
        write(repo, "app/compat.py", """
                try:
                    from typing import Protocol
                except ImportError:  # TODO: drop with 3.7
                    from typing_extensions import Protocol
                from dataclasses import dataclass
                import requests as _requests
                Session = _requests.Session
                __all__ = ["Protocol", "dataclass", "Session"]
                """);
        write(repo, "app/errors.py", """
                class AppError(Exception):
                    pass


                class NotFound(AppError):
                    def __enter__(self):
                        return self

                    def __exit__(self, *exc):
                        raise NotFound("leaving")
                """);
        write(repo, "app/kinds.py", """
                import abc
                import enum
                from enum import IntEnum, Enum as E
                from abc import ABC, abstractmethod


                class Priority(IntEnum):
                    LOW = 1
                    HIGH = 2


                class StrictEnum(E):
                    def describe(self):
                        return self.name


                class Color(StrictEnum):
                    RED = "red"


                class Flags(enum.IntFlag):
                    A = 1


                class Port(ABC):
                    pass


                class Adapter(Port):
                    pass


                class Meta(metaclass=abc.ABCMeta):
                    pass


                class OnlyMethod:
                    @abstractmethod
                    def run(self):
                        ...

                    @property
                    def size(self):
                        return 0


                def numbers(n):
                    yield from range(n)


                def factory():
                    def inner():
                        yield 1
                    return inner, (lambda: (yield))


                async def stream(source):
                    async for x in source:
                        yield x
                """);
        // entry points: a __main__.py without a guard, a guard in a try at module level, a reversed one-liner; not a
        // guard inside a def, an elif, a test with more in it, or one in a docstring
        write(repo, "app/__main__.py", "from .cli import main\n\nmain()\n");
        write(repo, "app/cli.py", """
                \"\"\"Run with:

                if __name__ == "__main__":
                    main()
                \"\"\"
                import sys
                try:
                    import yaml.loader
                except ImportError:
                    yaml = None


                def main():
                    import attr
                    if __name__ == "__main__":
                        return attr
                    return 0


                if sys.argv[1:]:
                    pass
                elif __name__ == "__main__":
                    main()

                if __name__ == "__main__" and sys.flags.debug:
                    main()
                if ('__main__' == __name__): main()
                """);
        // declared scripts: two tables and poetry's of a pyproject.toml (a quoted key, a literal string, comments;
        // not an inline table, a number, a table written in a multi-line string); setup.cfg's console_scripts with a
        // value on the key's line and continuation lines, and gui_scripts (not another group, nor another section)
        write(repo, "pyproject.toml", """
                [project]
                name = "app"
                readme = \"""
                [project.scripts]
                fake = "app.cli:main"
                \"""

                [project.scripts]
                app = "app.cli:main"  # the command
                "app-admin" = 'app.cli:main'
                version = 3

                [project.gui-scripts]
                app-gui = "app.cli:main"

                [tool.poetry.scripts]
                poet = "app.cli:main"
                table = { reference = "app.cli:main", type = "console" }
                """);
        write(repo, "tools/setup.cfg", """
                [metadata]
                name = tools

                [options.entry_points]
                console_scripts = run-tools = tools.run:main
                    # a comment

                    check-tools=tools.run:main
                gui_scripts =
                    tools-gui = tools.run:main
                pytest11 =
                    plugin = tools.run:main
                """);
        // setup.py: the "console_scripts" and "gui_scripts" lists of every dict display (a tuple in a dict passed by
        // name, implicit concatenation, # and brackets inside strings); not an f-string element, one without "=",
        // another group, a name as the value, dict(...), the INI-string form, a docstring or comment; a nested
        // folder's setup.py; one that does not parse is left out on both sides
        write(repo, "setup.py", """
                \"""Install app: {"console_scripts": ["in-docstring = app.cli:main"]}.\"""
                from setuptools import setup

                GUI = {"gui_scripts": ("app-window = app.cli:main",)}  # a tuple, passed by name
                EXTRA = ["computed = app.cli:main"]

                setup(
                    name="app",  # {"console_scripts": ["in-comment = app.cli:main"]}
                    entry_points={
                        "console_scripts": [
                            "app-setup = app.cli:main",
                            'hash#name = app.cli:main',  # "]}"
                            f"fstring = app.cli:{'main'}",
                            "no equals sign",
                            "joined"
                            " = app.cli:main",
                        ],
                        "pytest11": ["plugin = app.cli"],
                        **GUI,
                    },
                    data={"console_scripts": EXTRA},
                    other=dict(console_scripts=["call = app.cli:main"]),
                    ini=\"""
                [console_scripts]
                ini = app.cli:main
                \""",
                )
                """);
        write(repo, "plugins/setup.py", "from setuptools import setup\nsetup(entry_points={'console_scripts': "
                + "['plugin-tool = tools.run:main'], 'gui_scripts': ['plugin-gui=tools.run:main']})\n");
        write(repo, "broken/setup.py", "setup(entry_points={'console_scripts': ['broken = app.cli:main']}\n");
        write(repo, "tests/helpers.py", "def make():\n    return 1\n");
        write(repo, "tests/test_run.py", "import helpers\nimport pytest\n\n\ndef test_make():\n    assert helpers.make()\n");
        // tests: module-level test functions, Test classes (nested too; not one with __init__), TestCase subclasses
        // through a project base, skip decorators on the def or its class (an aliased unittest.skip too); not a nested
        // def, a helper method or run_test; except clauses: a tuple, a bare one, one with a name
        write(repo, "tests/test_kinds.py", """
                import unittest
                import pytest
                from unittest import skip as sk


                class Base(unittest.TestCase):
                    def test_base(self):
                        pass


                class TestPlain:
                    def test_one(self):
                        \"\"\"Documented.\"\"\"

                    @pytest.mark.skipif(True, reason="x")
                    def test_two(self):
                        pass

                    class TestNested:
                        def test_deep(self):
                            pass


                class TestWithInit:
                    def __init__(self):
                        pass

                    def test_not_collected(self):
                        pass


                @pytest.mark.skip
                class TestSkipped:
                    def test_a(self):
                        pass

                    def helper(self):
                        pass


                class Derived(Base):
                    @sk("later")
                    def test_derived(self):
                        def test_inner():
                            pass
                        try:
                            test_inner()
                        except:
                            pass

                    def run_test(self):
                        pass


                def test_free(a, b, c, d, *args, key=None, **kw):
                    try:
                        import yaml
                    except (ImportError, ValueError):
                        pass
                    except KeyError as e:
                        raise


                async def test_async():
                    pass
                """);
        write(repo, "tools/run.py", """
                import app
                from app.cli import main
                try:
                    if __name__ == '__main__':
                        main()
                finally:
                    pass
                """);
        for (int p = 0; p < 3; p++) {
            write(repo, "app/pkg" + p + "/__init__.py", "from .. import *\nfrom ..errors import NotFound\n");
            for (int i = 0; i < 8; i++) {
                StringBuilder src = new StringBuilder();
                src.append("from app import Protocol, dataclass, AppError\n");
                src.append("from ..compat import Session\n");
                src.append("from app.kinds import StrictEnum as Strict, Port\n");
                src.append("from . import NotFound as Missing\n");
                src.append("MAX_RETRIES = ").append(i).append(i % 3 == 0 ? "  # FIXME: tune\n"
                        : i % 3 == 1 ? "  # FIXME/TODO: both tags, one comment\n" : "  # XXX HACK\n");
                src.append("__all__ = ['Handler").append(i).append("']\n\n\n");
                src.append("@dataclass\nclass Record").append(i).append(":\n    size: int = 0\n\n\n");
                src.append("class Handler").append(i).append("(Protocol):\n    def handle(self, request, timeout=None) -> bool: ...\n\n\n");
                src.append("class Failure").append(i).append("(Missing):\n    pass\n\n\n");
                src.append("class Shade").append(i).append(i % 2 == 0 ? "(Strict)" : "(Port)")
                        .append(":\n    DARK = 1\n\n\n");
                src.append("def walk_").append(i).append("(tree):\n    for node in tree:\n        ")
                        .append(i % 2 == 0 ? "yield node" : "print(node)  # yield node").append("\n\n\n");
                src.append("def fetch_").append(i).append("(session: Session, timeout: float = 1.0) -> Session:\n")
                        .append("    if not session:\n        raise AppError('no session')\n")
                        .append("    helper(session)\n    return session\n\n\n");
                src.append(new DifferentialFuzzTest.PyGen(r).file());
                write(repo, "app/pkg" + p + "/m" + i + ".py", src.toString());
            }
        }
        Map<String, Integer> sizes = agree(repo, 25);
        // app/kinds.py: Priority, StrictEnum, Color, Flags; Shade0, 2, 4, 6 of each package (through StrictEnum)
        assertEquals(4 + 12, sizes.get("enums"));
        // Port, Meta, OnlyMethod (not Adapter, not the Shades deriving from Port)
        assertEquals(3, sizes.get("abstract_classes"));
        // numbers, factory.inner, stream; walk_0, 2, 4, 6 of each package
        assertEquals(3 + 12, sizes.get("generators"));
        // app/__main__.py:1, app/cli.py (the reversed one-liner), tools/run.py (in the try); pyproject.toml's app,
        // app-admin, app-gui and poet; tools/setup.cfg's run-tools, check-tools and tools-gui; setup.py's app-window,
        // app-setup, hash#name and joined; plugins/setup.py's plugin-tool and plugin-gui (not broken/setup.py's)
        assertEquals(3 + 4 + 3 + 4 + 2, sizes.get("entry_points"));
        // test_run.py's test_make; Base.test_base, TestPlain.test_one, test_two, TestNested.test_deep,
        // TestSkipped.test_a, Derived.test_derived, test_free, test_async
        assertEquals(9, sizes.get("tests"));
        // TestPlain.test_two (skipif), TestSkipped.test_a (its class), Derived.test_derived (unittest.skip as sk)
        assertEquals(3, sizes.get("skipped_tests"));
        // requests, typing_extensions, yaml, attr at least (the fuzzed files may import more)
        assertTrue(sizes.get("third_party") >= 4, "third_party: " + sizes.get("third_party"));
    }

    /**
     * Random setup.py files (string prefixes and quotes, escapes, implicit concatenation across lines and comments,
     * parentheses, tuples, comprehensions, names, calls, nested and spread dicts, f-strings, bytes): the scripts
     * find_entry_points reads must be exactly those ground_truth.py's ast walk finds.
     */
    @Test
    void generatedSetupPyFiles(@TempDir Path repo) throws Exception {
        PythonAvailable.assume();
        Random r = new Random(20261205);
        for (int i = 0; i < 200; i++) {
            String folder = (i % 3 == 0 ? "p" + i + "/" : "pkg" + i + "/") + (i % 5 == 1 ? "sub/" : "");
            write(repo, folder + "setup.py", new SetupGen(r).file());
        }
        Intent intent = new Intent.EntryPoints();
        GroundTruth.Answers truth = new GroundTruth().ask(repo, List.of(GroundTruthQuery.of(intent)), false);
        Planner planner = new Planner(new PythonIndex(repo));
        Planner.Execution run = planner.execute(planner.plan(intent));
        Set<String> found = QuestionSuite.keys(intent, run.findings().items(), truth.unparsed());
        Set<String> expected = QuestionSuite.keys(intent, truth.get(GroundTruthQuery.of(intent)), truth.unparsed());
        assertEquals(expected, found);
        assertTrue(truth.unparsed().size() <= 3, "unparsed: " + truth.unparsed());
        assertTrue(expected.size() >= 200, "only " + expected.size() + " scripts");
    }

    /** A random setup.py whose dict displays mix what is read with what is not. */
    private static final class SetupGen {
        private static final String[] KEYS = {"\"console_scripts\"", "'gui_scripts'", "u\"console_scripts\"",
                "R'gui_scripts'", "\"console_\" \"scripts\"", "(\"gui_scripts\")", "\"\"\"console_scripts\"\"\"",
                "\"console\\x5fscripts\"", "\"pytest11\"", "f\"console_scripts\"", "b\"gui_scripts\"", "CONSOLE",
                "\"Console_Scripts\"", "'console_scripts' if X else 'gui_scripts'"};
        private static final String[] PREFIXES = {"", "", "", "r", "u", "R", "U", "b", "f", "rb", "Br", "F"};
        private static final String[] QUOTES = {"\"", "'", "\"\"\"", "'''"};

        private final Random r;

        SetupGen(Random r) {
            this.r = r;
        }

        private String pick(String[] a) {
            return a[r.nextInt(a.length)];
        }

        private String name() {
            return "cmd" + r.nextInt(1000) + (r.nextBoolean() ? "-x" : "");
        }

        private String literal(String text) {
            String q = pick(QUOTES);
            return pick(PREFIXES) + q + text + q;
        }

        private String element() {
            String n = name();
            String t = "pkg.mod" + r.nextInt(9) + ":main";
            return switch (r.nextInt(20)) {
                case 0, 1, 2, 3, 4 -> literal(n + " = " + t);
                case 5 -> literal(n + "=" + t + " [extra]");
                case 6 -> "\"" + n + " \"  # a comment\n        '= " + t + "'";
                case 7 -> "(\"" + n + " = " + t + "\")";
                case 8 -> "(\"" + n + " = " + t + "\",)";
                case 9 -> "\"" + n + " \\x3d " + t + "\"";
                case 10 -> "\"" + n + "#hash = " + t + "  # ]}\"";
                case 11 -> literal(n);
                case 12 -> "\" = " + t + "\"";
                case 13 -> "NAME" + r.nextInt(3);
                case 14 -> "\"" + n + " = " + t + "\".strip()";
                case 15 -> "\"" + n + " = \" + \"" + t + "\"";
                case 16 -> "\"\"\"" + n + " =\n" + t + "\"\"\"";
                case 17 -> "\"" + n + " = \\\n" + t + "\"";
                case 18 -> "\"\\N{LATIN SMALL LETTER A}" + n + "\\u00a0=\\t" + t + "\"";
                default -> "f\"" + n + " = {T}\"";
            };
        }

        private String elements() {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(4); k >= 0; k--) {
                sb.append(element()).append(r.nextInt(4) == 0 ? ",  # [\n        " : ", ");
            }
            return sb.toString();
        }

        private String value(int depth) {
            return switch (r.nextInt(16)) {
                case 0, 1, 2, 3, 4 -> "[" + elements() + "]";
                case 5, 6 -> "(" + elements() + ")";
                case 7 -> "([" + elements() + "])";
                case 8 -> "(" + element() + ")";
                case 9 -> "[]";
                case 10 -> "SCRIPTS";
                case 11 -> "[s for s in [" + elements() + "]]";
                case 12 -> "[" + elements() + "] + EXTRA";
                case 13 -> "lambda: [" + elements() + "]";
                case 14 -> depth < 2 ? dict(depth + 1) : "{}";
                default -> "[" + elements() + "][0:]";
            };
        }

        private String dict(int depth) {
            StringBuilder sb = new StringBuilder("{");
            for (int k = r.nextInt(3); k >= 0; k--) {
                sb.append(r.nextInt(6) == 0 ? "**BASE" : pick(KEYS) + ": " + value(depth))
                        .append(r.nextBoolean() ? ",\n    " : ", ");
            }
            if (r.nextInt(12) == 0) {
                return "{" + pick(KEYS) + ": " + value(depth) + " for _ in range(1)}";
            }
            return sb.append("}").toString();
        }

        String file() {
            StringBuilder sb = new StringBuilder("\"\"\"Setup: {'console_scripts': ['doc = x:y']}.\"\"\"\n");
            sb.append("from setuptools import setup\n\n");
            for (int k = r.nextInt(4) + 1; k > 0; k--) {
                switch (r.nextInt(7)) {
                    case 0 -> sb.append("ENTRY_POINTS = ").append(dict(0)).append("\n");
                    case 1 -> sb.append("setup(\n    name='x',  # {'console_scripts': ['comment = x:y']}\n"
                            + "    entry_points=").append(dict(0)).append(",\n)\n");
                    case 2 -> sb.append("setup(entry_points=dict(console_scripts=[").append(elements()).append("]))\n");
                    case 3 -> sb.append("if True:\n    setup(entry_points=").append(dict(0)).append(")\n");
                    case 4 -> sb.append("def entry_points():\n    return ").append(dict(0)).append("\n");
                    case 5 -> sb.append("TEXT = '''{'console_scripts': ['in-string = x:y']}'''\n"
                            + "setup(entry_points=\"\"\"\n[console_scripts]\nini = x:y\n\"\"\")\n");
                    default -> sb.append("x = f(").append(dict(0)).append(", key=").append(dict(1)).append(")\n");
                }
            }
            return sb.toString();
        }
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
