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
                new Intent.ManyParameters(Intent.ManyParameters.DEFAULT_MIN), new Intent.BareExcepts()));
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
        // app-admin, app-gui and poet; tools/setup.cfg's run-tools, check-tools and tools-gui
        assertEquals(3 + 4 + 3, sizes.get("entry_points"));
        // test_run.py's test_make; Base.test_base, TestPlain.test_one, test_two, TestNested.test_deep,
        // TestSkipped.test_a, Derived.test_derived, test_free, test_async
        assertEquals(9, sizes.get("tests"));
        // TestPlain.test_two (skipif), TestSkipped.test_a (its class), Derived.test_derived (unittest.skip as sk)
        assertEquals(3, sizes.get("skipped_tests"));
        // requests, typing_extensions, yaml, attr at least (the fuzzed files may import more)
        assertTrue(sizes.get("third_party") >= 4, "third_party: " + sizes.get("third_party"));
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
