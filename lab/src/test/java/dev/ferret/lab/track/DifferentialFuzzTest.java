package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferret.agent.hybrid.HybridAnswerer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates random but valid Python files full of the tricky forms (nested classes and functions, aliases, multi-line
 * headers and decorators, strings holding code, comments in brackets, one-line compound statements, CRLF, tabs) and
 * requires the hybrid path to agree exactly with CPython's ast/tokenize ground truth.
 */
@Tag("slow")
class DifferentialFuzzTest {

    @Test
    void hybridAgreesWithCPythonOnGeneratedFiles(@TempDir Path repo) throws IOException, GroundTruthUnavailableException {
        PythonAvailable.assume();
        Random r = new Random(20240501);
        for (int i = 0; i < 80; i++) {
            Path file = repo.resolve("pkg" + (i % 4)).resolve("m" + i + ".py");
            Files.createDirectories(file.getParent());
            Files.writeString(file, new PyGen(r).file(), StandardCharsets.UTF_8);
        }
        AccuracyReport.CodebaseReport report = AccuracyReport.evaluate("generated", repo, new HybridAnswerer(),
                new GroundTruth());
        assertEquals(List.of(), report.unparsed(), "the generator wrote invalid Python");
        assertEquals(List.of(), report.notes());
        for (Accuracy.Score s : report.scores()) {
            assertEquals(List.of(), s.falsePositives(), s.question().label());
            assertEquals(List.of(), s.falseNegatives(), s.question().label());
        }
        // the generator must actually produce every kind
        report.scores().forEach(s -> assertEquals(true, s.truth() > 5, s.question().label() + " " + s.truth()));
    }

    /** A random Python file generator; every file it writes is valid Python 3.8+. */
    static final class PyGen {
        private static final String[] IMPORTS = {
                "from typing import Protocol", "from typing import Protocol as P", "import typing",
                "import typing as t", "import typing_extensions", "from typing_extensions import Protocol as XP",
                "import asyncio", "from dataclasses import dataclass", "from dataclasses import dataclass as dc",
                "import dataclasses", "import dataclasses as dc", "from pydantic.dataclasses import dataclass as pdc",
                "from twisted.internet.protocol import Protocol as TP", "import functools",
                "import requests", "import requests.adapters", "from requests import Session", "import requests as rq",
                "from requests.auth import (\n    HTTPBasicAuth,  # TODO: digest\n    AuthBase,\n)",
                "from . import requests", "from .requests import thing", "from vendor.requests import get",
                "import requests_toolbelt", "import os, requests", "import json; import requests"};
        private static final String[] BASES = {
                "Protocol", "Protocol[T]", "typing.Protocol", "t.Protocol", "typing_extensions.Protocol", "P", "P[T]",
                "XP", "(Protocol)", "asyncio.Protocol", "TP", "ProtocolError", "Base", "Generic[T]", "object",
                "metaclass=Meta", "*mixins", "t.Generic[T]", "Protocol.sub", "make()", "typing.Protocol[T]"};
        private static final String[] DECORATORS = {
                "@dataclass", "@dataclass(frozen=True)", "@dataclasses.dataclass", "@dataclasses.dataclass(order=True)",
                "@dc", "@dc(eq=False)", "@dc.dataclass", "@pdc", "@functools.total_ordering", "@runtime_checkable",
                "@dataclass(\n%I    slots=True,  # TODO: py3.10+\n%I)", "@(dataclass)", "@registry[0]", "@property"};
        private static final String[] COMMENTS = {
                "# TODO: x", "#TODO y", "# TODO(bob): z", "# TODOs", "# todo lower", "# FIXME/TODO both",
                "# MYTODO", "# TODO_LIST", "# see TODO.md", "# plain comment", "# async def commented(): pass",
                "# import requests"};
        private static final String[] STRINGS = {
                "'''\n    class Fake(Protocol):\n        async def nope(self): pass\n    # TODO: in a string\n'''",
                "\"import requests  # TODO\"", "r'\\d+ # TODO'", "f\"{x!r} # TODO\"", "b'async def'",
                "rb'''\\'''' + '# TODO'", "\"\"\"@dataclass\nclass NotReal: pass\"\"\"", "'a' 'b'  # TODO: real one",
                "u'x'", "'''one\\\n    two'''"};

        private final Random r;
        private final StringBuilder sb = new StringBuilder();
        private final String unit;
        private final String nl;
        private int counter;

        PyGen(Random r) {
            this.r = r;
            this.unit = new String[] {"    ", "  ", "\t"}[r.nextInt(3)];
            this.nl = r.nextInt(4) == 0 ? "\r\n" : "\n";
        }

        String file() {
            int n = 2 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                line(0, IMPORTS[r.nextInt(IMPORTS.length)]);
            }
            block(0, 0, false, 3 + r.nextInt(6));
            return sb.toString();
        }

        private String indent(int level) {
            return unit.repeat(level);
        }

        private void line(int level, String text) {
            for (String l : text.replace("%I", indent(level)).split("\n", -1)) {
                sb.append(l.isEmpty() ? "" : indent(level)).append(l.startsWith(indent(level)) && level > 0 ? l.substring(indent(level).length()) : l).append(nl);
            }
        }

        /** Writes n statements; returns how many were more than a comment. */
        private int block(int level, int depth, boolean inAsync, int n) {
            int real = 0;
            for (int i = 0; i < n; i++) {
                real += statement(level, depth, inAsync) ? 1 : 0;
            }
            return real;
        }

        private boolean statement(int level, int depth, boolean inAsync) {
            int kind = r.nextInt(depth >= 3 ? 6 : 10);
            if (kind == 1) {
                line(level, COMMENTS[r.nextInt(COMMENTS.length)]);
                return false;
            }
            switch (kind) {
                case 0 -> line(level, "x" + (counter++) + " = " + STRINGS[r.nextInt(STRINGS.length)]);
                case 2 -> line(level, "y = call(\n    a,  " + COMMENTS[r.nextInt(COMMENTS.length)] + "\n    b,\n) + \\\n    1");
                case 3 -> line(level, IMPORTS[r.nextInt(IMPORTS.length)]);
                case 4 -> {
                    line(level, "if cond: import requests" + (r.nextBoolean() ? "  # TODO: lazy" : ""));
                    line(level, "try: import requests as r2");
                    line(level, "except ImportError: r2 = None");
                }
                case 5 -> line(level, inAsync && r.nextBoolean() ? "await thing()  # TODO await" : "pass");
                case 6, 7 -> classDef(level, depth);
                case 8, 9 -> functionDef(level, depth);
                default -> line(level, "pass");
            }
            return true;
        }

        private void classDef(int level, int depth) {
            for (int i = r.nextInt(3); i > 0; i--) {
                line(level, DECORATORS[r.nextInt(DECORATORS.length)]);
            }
            if (r.nextInt(5) == 0) {
                line(level, "# a comment between the decorators and the class");
            }
            String name = "C" + (counter++);
            int nb = r.nextInt(4);
            List<String> bases = new java.util.ArrayList<>();
            for (int i = 0; i < nb; i++) {
                String b = BASES[r.nextInt(BASES.length)];
                if (!bases.contains(b) && bases.stream().noneMatch(x -> x.startsWith("*") || x.contains("="))) {
                    bases.add(b);
                }
            }
            bases.sort((a, b) -> Boolean.compare(a.contains("=") || a.startsWith("*"), b.contains("=") || b.startsWith("*")));
            if (bases.isEmpty()) {
                line(level, "class " + name + (r.nextBoolean() ? "()" : "") + ":");
            } else if (r.nextBoolean()) {
                line(level, "class " + name + "(" + String.join(", ", bases) + "):");
            } else {
                StringBuilder h = new StringBuilder("class " + name + "(\n");
                for (String b : bases) {
                    h.append(unit).append(b).append(",").append(r.nextBoolean() ? "  # base" : "").append("\n");
                }
                line(level, h.append("):").toString());
            }
            bodyOf(level, depth, false);
        }

        private void functionDef(int level, int depth) {
            for (int i = r.nextInt(3); i > 0; i--) {
                line(level, DECORATORS[r.nextInt(DECORATORS.length)]);
            }
            boolean async = r.nextInt(3) > 0;
            String name = "f" + (counter++);
            String params = r.nextBoolean() ? "(self, a=1, *args, **kw)" : "(\n" + unit + "x,  # TODO: type\n" + unit + "y=')',\n)";
            String header = (async ? (r.nextInt(5) == 0 ? "async  def " : "async def ") : "def ") + name + params
                    + (r.nextBoolean() ? " -> 'T':" : ":");
            if (r.nextInt(6) == 0) {
                line(level, header + " return 1");
                return;
            }
            line(level, header);
            if (r.nextBoolean()) {
                line(level + 1, "\"\"\"Docstring.\n\n" + indent(level + 1) + "async def in_docstring(): pass\n"
                        + indent(level + 1) + "TODO: not a comment\n" + indent(level + 1) + "\"\"\"");
            }
            bodyOf(level, depth, async);
        }

        private void bodyOf(int level, int depth, boolean async) {
            if (block(level + 1, depth + 1, async, 1 + r.nextInt(4)) == 0) {
                line(level + 1, "pass");
            }
        }
    }
}
