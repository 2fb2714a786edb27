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
import java.util.Random;
import java.util.Set;
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
                new Intent.Comments(List.of("TODO", "FIXME")), new Intent.Comments(List.of("FIXME", "XXX", "HACK"))));
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

    private static void agree(Path repo, int minimumNonEmpty) throws Exception {
        PythonAvailable.assume();
        GroundTruth gt = new GroundTruth();
        GroundTruth.Answers stats = gt.ask(repo, List.of(), true);
        List<Intent> intents = intents(stats);
        List<String> asks = intents.stream().map(GroundTruthQuery::of).distinct().toList();
        GroundTruth.Answers truth = gt.ask(repo, asks, false);
        Planner planner = new Planner(new PythonIndex(repo));
        int nonEmpty = 0;
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
        }
        assertEquals(List.of(), problems);
        assertTrue(nonEmpty >= minimumNonEmpty, "only " + nonEmpty + " of " + intents.size() + " questions had items");
    }

    @Test
    void sampleRepository() throws Exception {
        agree(Path.of("..", "examples", "shop").toAbsolutePath().normalize(), 25);
    }

    /**
     * Generated packages that use the idioms: a compatibility module with try/except ImportError, __init__ star
     * re-exports with and without __all__, aliases, relative imports at two levels, raises, calls, constants.
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
        for (int p = 0; p < 3; p++) {
            write(repo, "app/pkg" + p + "/__init__.py", "from .. import *\nfrom ..errors import NotFound\n");
            for (int i = 0; i < 8; i++) {
                StringBuilder src = new StringBuilder();
                src.append("from app import Protocol, dataclass, AppError\n");
                src.append("from ..compat import Session\n");
                src.append("from . import NotFound as Missing\n");
                src.append("MAX_RETRIES = ").append(i).append(i % 3 == 0 ? "  # FIXME: tune\n"
                        : i % 3 == 1 ? "  # FIXME/TODO: both tags, one comment\n" : "  # XXX HACK\n");
                src.append("__all__ = ['Handler").append(i).append("']\n\n\n");
                src.append("@dataclass\nclass Record").append(i).append(":\n    size: int = 0\n\n\n");
                src.append("class Handler").append(i).append("(Protocol):\n    def handle(self, request, timeout=None) -> bool: ...\n\n\n");
                src.append("class Failure").append(i).append("(Missing):\n    pass\n\n\n");
                src.append("def fetch_").append(i).append("(session: Session, timeout: float = 1.0) -> Session:\n")
                        .append("    if not session:\n        raise AppError('no session')\n")
                        .append("    helper(session)\n    return session\n\n\n");
                src.append(new DifferentialFuzzTest.PyGen(r).file());
                write(repo, "app/pkg" + p + "/m" + i + ".py", src.toString());
            }
        }
        agree(repo, 25);
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
