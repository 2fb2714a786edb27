package dev.ferret.agent.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PythonScannerTest {

    private static PythonFile scan(String src) {
        return PythonScanner.scanStrict("t.py", src);
    }

    private static List<String> classes(PythonFile f) {
        return f.classes().stream().map(c -> c.line() + ":" + c.qualifiedName()).toList();
    }

    private static List<String> asyncFunctions(PythonFile f) {
        return f.functions().stream().filter(PyFunction::async).map(c -> c.line() + ":" + c.qualifiedName()).toList();
    }

    private static List<Integer> commentLines(PythonFile f) {
        return f.comments().stream().map(PyComment::line).toList();
    }

    @Test
    void stringsOfEveryKindHideTheirContent() {
        String src = """
                a = 'class A(Protocol): pass'
                b = "async def f(): # not a comment"
                c = '''
                class B:
                    async def g(self): pass
                '''
                d = rb\"\"\"class C: # no\"\"\"
                e = f"{x!r:>{width}} # no"
                g = Rb'\\'' ; h = BR"\\"" ; i = fr'{a}' ; j = u"x" ; k = rf"y" ; l = b'z'  # comment at 9
                m = r'\\\\'  # comment at 10
                class Real:  # comment at 11
                    pass
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("11:Real"), classes(f));
        assertEquals(List.of(), asyncFunctions(f));
        assertEquals(List.of(9, 10, 11), commentLines(f));
        assertEquals("# comment at 9", f.comments().getFirst().text());
    }

    @Test
    void escapedNewlinesAndContinuationsKeepLineNumbers() {
        String src = "x = 'one \\\ntwo'\ny = 1 + \\\n    2\nclass A:\n    pass\n";
        PythonFile f = scan(src);
        assertEquals(List.of("5:A"), classes(f));
    }

    @Test
    void crlfAndLoneCrCountAsLineBreaks() {
        PythonFile f = scan("import os\r\n# c2\r\rclass A:\r    async def m(self):\r\n        pass\r\n");
        assertEquals(List.of("4:A"), classes(f));
        assertEquals(List.of("5:A.m"), asyncFunctions(f));
        assertEquals(List.of(2), commentLines(f));
    }

    @Test
    void qualifiedNamesFollowIndentation() {
        String src = """
                class Outer:
                    class Inner:
                        async def method(self):
                            async def nested():
                                pass
                            return nested
                    if True:
                        async def conditional(self): ...
                    x = [
                1, 2]
                    async def after_bracket(self): ...
                async def top(): ...
                def outer():
                \tasync def tabbed(): pass
                \tclass Local:
                \t\tasync def m(self): pass
                async def one_liner(): return 1
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("3:Outer.Inner.method", "4:Outer.Inner.method.nested", "8:Outer.conditional",
                "11:Outer.after_bracket", "12:top", "14:outer.tabbed", "16:outer.Local.m", "17:one_liner"),
                asyncFunctions(f));
        assertEquals(List.of("1:Outer", "2:Outer.Inner", "15:outer.Local"), classes(f));
    }

    @Test
    void asyncKeywordLineAndDecorators() {
        String src = """
                @retry(
                    times=3,
                )
                @functools.wraps(fn)
                async  def job():
                    pass
                async def plain(): pass
                """;
        PythonFile f = scan(src);
        PyFunction job = f.functions().getFirst();
        assertEquals(5, job.line());
        assertTrue(job.async());
        assertEquals(List.of("retry", "functools.wraps"), job.decorators().stream().map(PyReference::dotted).toList());
        assertEquals("retry(times=3, )", job.decorators().getFirst().text());
        assertTrue(f.functions().get(1).decorators().isEmpty());
    }

    @Test
    void multiLineClassHeadersAndBaseLists() {
        String src = """
                from typing import Protocol as P, Generic
                import typing as t
                class A(
                    Base,  # a comment ) inside
                    P[T],
                    metaclass=Meta,
                    *extra,
                    **kw,
                ):
                    pass
                class B[T: int](t.Protocol, (Generic)[T], make_base(), x.y[0].z): pass
                class C: pass
                """;
        PythonFile f = scan(src);
        PyClass a = f.classes().get(0);
        assertEquals(3, a.line());
        assertEquals(List.of("Base", "P"), a.bases().stream().map(PyReference::dotted).toList());
        assertEquals(List.of("typing.Protocol"), a.bases().get(1).resolved());
        assertEquals("P[T]", a.bases().get(1).text());
        PyClass b = f.classes().get(1);
        assertEquals(List.of("typing.Protocol"), b.bases().get(0).resolved());
        assertEquals("Generic", b.bases().get(1).dotted());
        assertEquals("(Generic)[T]", b.bases().get(1).text());
        assertNull(b.bases().get(2).dotted());
        assertNull(b.bases().get(3).dotted());
        assertTrue(f.classes().get(2).bases().isEmpty());
    }

    @Test
    void decoratorsResolveThroughImports() {
        String src = """
                import dataclasses as dc
                from dataclasses import dataclass as D
                from pydantic.dataclasses import dataclass
                @dc.dataclass(frozen=True)
                class A: ...
                @D
                # comment between
                class B: ...
                @dataclass
                class C: ...
                @(D)
                class E: ...
                @D()()
                class F: ...
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("dataclasses.dataclass"), f.classes().get(0).decorators().getFirst().resolved());
        assertEquals(List.of("dataclasses.dataclass"), f.classes().get(1).decorators().getFirst().resolved());
        assertEquals(List.of("pydantic.dataclasses.dataclass"), f.classes().get(2).decorators().getFirst().resolved());
        assertEquals(List.of("dataclasses.dataclass"), f.classes().get(3).decorators().getFirst().resolved());
        assertNull(f.classes().get(4).decorators().getFirst().dotted());
    }

    @Test
    void importForms() {
        String src = """
                import os, requests.adapters as ra
                import a.b.c
                from . import requests
                from ..pkg.requests import get as g
                from requests import (
                    Session,  # comment
                    Response as R,
                )
                from x import *
                try: import requests
                except ImportError: requests = None
                if TYPE_CHECKING: from requests.auth import HTTPBasicAuth
                x = 1; import json; from requests_toolbelt import y
                def f(): import requests as r2
                yield_from = 1
                \"\"\"
                import requests
                \"\"\"
                # import requests
                """;
        PythonFile f = scan(src);
        List<String> rendered = f.imports().stream().map(i -> i.line() + ":" + i.render()).toList();
        assertEquals(List.of("1:import os", "1:import requests.adapters as ra", "2:import a.b.c",
                "3:from . import requests", "4:from ..pkg.requests import get as g", "5:from requests import Session",
                "5:from requests import Response as R", "9:from x import *", "10:import requests",
                "12:from requests.auth import HTTPBasicAuth", "13:import json", "13:from requests_toolbelt import y",
                "14:import requests as r2"), rendered);
        List<Integer> requestLines = f.imports().stream().filter(i -> i.importsModule("requests"))
                .map(PyImport::line).toList();
        assertEquals(List.of(1, 5, 5, 10, 12, 14), requestLines);
        assertEquals(1, f.firstImportLine("requests"));
        assertEquals(2, f.imports().get(4).level());
        assertEquals(List.of("a"), f.resolve("a"));
        assertEquals(List.of("requests.adapters.HTTPAdapter"), f.resolve("ra.HTTPAdapter"));
        assertEquals(List.of("..pkg.requests.get"), f.resolve("g"));
        assertEquals(List.of(".requests", "requests"), f.resolve("requests"));
    }

    @Test
    void fromImportOfSubmoduleCountsAsImportingIt() {
        PythonFile f = scan("from pip._vendor import requests\nfrom requests import adapters\n");
        assertFalse(f.imports().get(0).importsModule("requests"));
        assertTrue(f.imports().get(0).importsModule("pip._vendor.requests"));
        assertTrue(f.imports().get(1).importsModule("requests.adapters"));
    }

    @Test
    void commentsInsideBracketsAndAfterCode() {
        String src = """
                call(
                    a,  # TODO: first
                    "# not",
                )
                x = '#'  # second
                #!shebang-like
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("# TODO: first", "# second", "#!shebang-like"),
                f.comments().stream().map(PyComment::text).toList());
        assertEquals(List.of(2, 5, 6), commentLines(f));
    }

    @Test
    void unclosedBracketDoesNotSwallowLaterDefinitions() {
        String src = "x = foo(\n\ndef after():\n    pass\nclass K:\n    async def m(self): ...\n";
        PythonFile f = scan(src);
        assertEquals(List.of("3:after"), f.functions().stream().filter(fn -> !fn.async())
                .map(fn -> fn.line() + ":" + fn.qualifiedName()).toList());
        assertEquals(List.of("6:K.m"), asyncFunctions(f));
    }

    @Test
    void unterminatedStringsAndOddCharacters() {
        PythonFile f = scan("x = 'abc\nclass A: pass\ny = '''never closed\nclass B: pass\n");
        assertEquals(List.of("2:A"), classes(f));
        PythonFile g = scan("\uFEFF$ ? ` \u0000 class \u00e9t\u00e9(Base): pass\nclass Caf\u00e9: pass\n");
        assertEquals(List.of("1:\u00e9t\u00e9", "2:Caf\u00e9"), classes(g));
        assertEquals(0, scan("").lineCount());
        assertEquals(2, scan("a\nb").lineCount());
        assertEquals(2, scan("a\nb\n").lineCount());
    }

    @Test
    void formFeedAndTabsInIndentation() {
        String src = "class A:\n\f    def m(self): pass\n    async def n(self): pass\nclass B:\n\tasync def o(self):\n\t\tpass\n";
        assertEquals(List.of("3:A.n", "5:B.o"), asyncFunctions(scan(src)));
    }

    @Test
    void latin1BytesKeepStructure() {
        byte[] bytes = "# -*- coding: latin-1 -*-\ns = 'caf\u00e9'\nclass A: pass\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        PythonFile f = PythonScanner.scan("l.py", bytes);
        assertEquals(List.of("3:A"), classes(f));
    }

    @Test
    void codingCookieDecodesLikePython() {
        // in Shift_JIS the kanji U+8868 is 0x95 0x5C; read as UTF-8, 0x5C is a backslash escaping the closing quote
        String src = "#!/usr/bin/env python\n# -*- coding: shift_jis -*-\nDOC = \"\"\"\u8868\"\"\"\nclass A: pass\n";
        byte[] sjis = src.getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        assertEquals(List.of("4:A"), classes(PythonScanner.scan("s.py", sjis)));
        byte[] noCookie = src.replace("coding: shift_jis", "no cookie").getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        assertEquals(List.of(), classes(PythonScanner.scan("s.py", noCookie)));
        assertEquals("x = '\u00e9'\n", PythonScanner.decode("# coding=latin-1\nx = '\u00e9'\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).lines().skip(1).findFirst().orElseThrow() + "\n");
        assertEquals("\uFFFD", PythonScanner.decode(new byte[] {(byte) 0xE9}));
        assertEquals("x = 1\n# coding: latin-1\n\uFFFD", PythonScanner.decode(
                "x = 1\n# coding: latin-1\n\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Test
    void renderedImportsAndTargets() {
        PythonFile f = scan("from .util import helper\nfrom . import mod as m\nimport a.b\n");
        assertEquals(".util.helper", f.imports().get(0).target());
        assertEquals(".mod", f.imports().get(1).target());
        assertEquals("m", f.imports().get(1).boundName());
        assertEquals("a", f.imports().get(2).target());
        assertEquals(f.imports().stream().map(PyImport::render).collect(Collectors.joining("|")),
                "from .util import helper|from . import mod as m|import a.b");
    }

    private static List<String> generators(PythonFile f) {
        return f.functions().stream().filter(PyFunction::generator).map(c -> c.line() + ":" + c.qualifiedName()).toList();
    }

    @Test
    void generatorsAreDefsWithYieldInTheirOwnBody() {
        String src = """
                def plain():
                    s = "yield 1"  # yield in a comment
                    return '''
                    yield 2
                    '''

                def gen(items):
                    for x in items:
                        if x: yield x

                def delegating():
                    result = yield from gen([1])
                    return result

                def outer():
                    def inner():
                        yield 1
                    class Local:
                        def method(self):
                            yield 2
                    f = lambda: (yield)
                    g = [lambda: (yield) for _ in range(2)]
                    h = call(lambda x=0: x, key=(lambda: (yield 3)))
                    return inner, Local, f, g, h

                def lambda_then_yield():
                    return (lambda: 1, (yield))

                def same_line(): yield 1

                def default_belongs_outside(x=(yield)): pass

                async def waits():
                    await thing()

                async def agen():
                    async for x in source():
                        yield await x

                class Holder:
                    @staticmethod
                    def values(
                        a,
                        b,
                    ) -> Iterator[int]:
                        yield (
                            a
                        )
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("7:gen", "11:delegating", "16:outer.inner", "19:outer.Local.method", "26:lambda_then_yield",
                "29:same_line", "36:agen", "42:Holder.values"), generators(f));
    }

    @Test
    void docstringsAreTheFirstStatementOfTheBodyWhenItIsAPlainString() {
        String src = """
                class Documented:
                    # a comment and a blank line first

                    \"""Doc.\"""

                    def multi_line_header(
                        self,
                        a: "annotation, no docstring" = "default",
                    ) -> "Return":
                        'doc'

                    @property
                    def decorated(self): ("doc")

                    def no_doc(self):
                        x = 1
                        "second statement"


                class DecoratorFirst:
                    @staticmethod
                    def inner():
                        f"no"


                def outer():
                    "outer doc"
                    def nested():
                        b"bytes"
                    class Local: "local doc"
                    return nested


                def one_line(): pass
                "a module-level string, nobody's docstring"


                class OneLine: x = 1
                "nor this"


                def call(): "text".upper()


                def crlf():\r\n\t"tab-indented doc"\r\n
                def joined():
                    "a" \\
                    "b" f"c"
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("Documented.multi_line_header", "Documented.decorated", "outer", "crlf"),
                f.functions().stream().filter(PyFunction::docstring).map(PyFunction::qualifiedName).toList());
        assertEquals(List.of("Documented", "outer.Local"),
                f.classes().stream().filter(PyClass::docstring).map(PyClass::qualifiedName).toList());
    }

    @Test
    void metaclassKeywordEntry() {
        String src = """
                import abc
                from abc import ABCMeta as Meta


                class A(Base, metaclass=abc.ABCMeta):
                    pass


                class B(
                    Base,  # comment
                    total=False,
                    metaclass=Meta,
                ):
                    pass


                class C(metaclass=make_meta()):
                    pass


                class D(Base):
                    pass
                """;
        PythonFile f = scan(src);
        PyClass a = f.classes().get(0);
        assertEquals(List.of("Base"), a.bases().stream().map(PyReference::text).toList());
        assertEquals("abc.ABCMeta", a.metaclass().dotted());
        assertEquals(List.of("abc.ABCMeta"), a.metaclass().resolved());
        PyClass b = f.classes().get(1);
        assertEquals(9, b.line());
        assertEquals(List.of("Base"), b.bases().stream().map(PyReference::text).toList());
        assertEquals("Meta", b.metaclass().text());
        assertEquals(List.of("abc.ABCMeta"), b.metaclass().resolved());
        PyClass c = f.classes().get(2);
        assertEquals("make_meta()", c.metaclass().text());
        assertNull(c.metaclass().dotted());
        assertNull(f.classes().get(3).metaclass());
    }

    /** line:scope: text [dotted names of the caught types, ? for one that has none]. */
    private static List<String> handlers(PythonFile f) {
        return f.handlers().stream().map(h -> h.line() + ":" + h.scope() + ": " + h.text() + " " + h.types().stream()
                .map(t -> t.dotted() == null ? "?" : t.dotted()).toList()).toList();
    }

    @Test
    void exceptClausesWithTheirCaughtTypes() {
        String src = """
                try:
                    import simplejson as json
                except ImportError:
                    json = None
                except (ValueError, (KeyError, os.error), ) as err: pass
                except (  # a comment
                        LookupError
                ) as e:
                    raise
                except:
                    pass
                s = "try:\\n    x\\nexcept KeyError:\\n    pass"
                # except KeyError:


                class Cache:
                    def get(self, key):
                        try:
                            return self.data[key]
                        except* ( TimeoutError ):
                            def retry():
                                try: pass
                                except errors(): pass
                        except *ERRORS[0]: pass
                        try:
                            pass
                        except ():
                            pass
                        except (*OTHERS, Fatal) as failure:
                            pass
                        finally:
                            pass
                """;
        PythonFile f = scan(src);
        assertEquals(List.of("3:<module>: except ImportError [ImportError]",
                "5:<module>: except (ValueError, (KeyError, os.error), ) as err [ValueError, KeyError, os.error]",
                "6:<module>: except (LookupError) as e [LookupError]", "10:<module>: except []",
                "20:Cache.get: except* (TimeoutError) [TimeoutError]", "23:Cache.get.retry: except errors() [?]",
                "24:Cache.get: except* ERRORS[0] [?]", "27:Cache.get: except () [?]",
                "29:Cache.get: except (*OTHERS, Fatal) as failure [?, Fatal]"), handlers(f));
        assertTrue(f.handlers().get(3).bare());
        assertFalse(f.handlers().get(7).bare());
        assertEquals(List.of("os.error"), f.handlers().get(1).types().get(2).resolved());
    }

    private static List<String> calls(String src) {
        return scan(src).calls().stream().map(c -> c.line() + ":" + c.name() + "@" + c.scope()).toList();
    }

    @Test
    void fStringFieldCallsAreRecorded() {
        assertEquals(List.of("1:join@<module>", "1:sorted@<module>"),
                calls("x = f\" of known python-magics ({', '.join(sorted(MAGICS))}).\"\n"));
        assertEquals(List.of("3:result@RetryCallState.__repr__"), calls("""
                class RetryCallState:
                    def __repr__(self):
                        return f"<{self.result()}>"
                """));
    }

    @Test
    void fStringPrefixesAndQuotes() {
        assertEquals(List.of("1:a@<module>", "2:b@<module>", "3:c@<module>", "4:d@<module>", "5:e@<module>",
                        "6:g@<module>", "7:h@<module>"),
                calls("""
                        x = f'{a()}'
                        x = F"{b()}"
                        x = rf'{c()}'
                        x = fR"{d()}"
                        x = Rf'''{e()}'''
                        x = FR\"""{g()}\"""
                        x = f"\\\\{h()}"
                        """));
    }

    @Test
    void multiLineFStringCallsGetTheLineOfTheirName() {
        // CPython 3.11's ast: the line the called name is on (the attribute's line for a dotted call)
        assertEquals(List.of("2:g@<module>", "3:h@<module>", "5:m@<module>", "6:k@<module>", "7:p@<module>"),
                calls("""
                        x = f\"""a
                        b {g()}
                        c {h(
                        1)} {o.
                        m()}\""" + f"\\
                        {k()}" + f'''{
                          p
                          ()}'''
                        """));
        assertEquals(List.of("4:b@<module>"), calls("x = (\"\"\"\n\n\"\"\"\n f\"{b()}\")\n"));
    }

    @Test
    void doubledBracesAreLiteral() {
        assertEquals(List.of(), calls("x = f\"{{g()}}\"\n"));
        assertEquals(List.of("1:g@<module>"), calls("x = f\"{{{g()}}}\"\n"));
        assertEquals(List.of("1:h@<module>"), calls("x = f\"}}{{ {h()} }}{{\"\n"));
    }

    @Test
    void nestedFStringsFormatSpecsConversionsAndDebug() {
        assertEquals(List.of("1:q@<module>"), calls("x = f\"{f'{q()}'}\"\n"));
        assertEquals(List.of("2:q@<module>"), calls("x = f'''\n{f\"{q()}\"}'''\n"));
        assertEquals(List.of("1:w@<module>"), calls("x = f\"{a:{w()}}\"\n"));
        assertEquals(List.of("1:w@<module>"), calls("x = f\"{a!r:>{w()}}\"\n"));
        assertEquals(List.of("1:w@<module>"), calls("x = f\"{a:%Y{w()}x}\"\n"));
        assertEquals(List.of("1:y@<module>", "1:z@<module>"), calls("x = f\"{x!r} {y()=} {z()=!r:>10}\"\n"));
        assertEquals(List.of("1:g@<module>"), calls("x = f\"{a != g()}\"\n"));
        // the format spec is text, not code
        assertEquals(List.of(), calls("x = f\"{a:g(x)}\"\n"));
    }

    @Test
    void stringsBracketsAndLambdasInsideFields() {
        assertEquals(List.of("1:f@<module>"), calls("x = f\"{ {'a': f(x)}['a'] }\"\n"));
        assertEquals(List.of("1:k@<module>"), calls("x = f\"{(lambda y: k(y))(1)}\"\n"));
        assertEquals(List.of("1:b@<module>", "1:c@<module>"), calls("x = f\"{'a:}' if b() else c()}\"\n"));
        assertEquals(List.of("1:g@<module>"), calls("x = f\"{d['k'](1)} {g(':')}\"\n"));
        // separate fields are separate expressions: {a}{(b)} calls nothing
        assertEquals(List.of(), calls("x = f\"{a}{(b)}\"\n"));
    }

    @Test
    void nonFStringsAreUnchanged() {
        assertEquals(List.of(), calls("x = b\"{g()}\" + r\"{h()}\" + \"{i()}\" + br'{j()}' + u'{k()}'\n"));
        assertEquals(List.of("2:after@<module>"), calls("x = '''{g()}\n''' + after()\n"));
    }

    @Test
    void fStringCallsTakeTheScopeAroundThem() {
        assertEquals(List.of("1:deco@<module>", "1:d@<module>", "2:e@<module>", "3:p@<module>", "4:q@C.m"), calls("""
                @deco(f"{d()}")
                def f(a=f"{e()}"): pass
                class C(f"{p()}"):
                    def m(self): return f"{q()}"
                """));
    }
}
