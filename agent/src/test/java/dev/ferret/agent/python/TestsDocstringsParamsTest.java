package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static dev.ferret.agent.python.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code find_functions} with {@code docstring}, {@code min_params}, {@code test} and {@code skipped},
 * {@code find_classes} with {@code docstring}: the traps of each rule, expected answers written out by hand.
 */
class TestsDocstringsParamsTest {
    private static PythonIndex index;

    @BeforeAll
    static void setUp(@TempDir Path root) throws IOException {
        write(root, "pkg/__init__.py", "");
        write(root, "pkg/docs.py", """
                \"""The module's docstring.\"""
                import functools
                from builtins import staticmethod as static_alias


                def plain(a, b, /, c, *args, d, **kwargs):
                    \"""Doc.\"""
                    return a


                def fstring(x):
                    f\"""not a docstring {x}\"""


                def after_comment():
                    # a comment first
                    "still the docstring"


                def bytes_first():
                    b"bytes are no docstring"


                def joined():
                    "one" 'two'


                def empty():
                    ""


                def parenthesised():
                    ("in parentheses")


                def expression():
                    "text".strip()


                def same_line(): "on the header's line"


                def number_first():
                    1


                def raw_and_unicode():
                    r"raw" u"unicode"


                def then_more():
                    "first"; x = 1


                def broken_line():
                    "first" \\
                        "second"


                def no_body_docstring():
                    x = "second statement"
                    "not first"


                class Documented:
                    \"""Class doc.\"""

                    def method(self, a, b):
                        pass

                    @staticmethod
                    def static(a, b):
                        pass

                    @static_alias
                    def aliased_static(a):
                        pass

                    @classmethod
                    def klass(cls, a):
                        pass

                    @functools.wraps(print)
                    def wrapped(self):
                        "wrapped doc"

                    def star_only(*args):
                        pass


                class Undocumented:
                    x = "not first"


                class DecoratedFirst:
                    @property
                    def value(self):
                        return 1


                class OneLine: "doc"


                class FString:
                    f"no"


                class Empty:
                    def nothing():
                        pass
                """);
        write(root, "pkg/base.py", """
                import unittest


                class BaseCase(unittest.TestCase):
                    def helper(self):
                        pass

                    def test_in_base(self):
                        pass
                """);
        write(root, "pkg/middle.py", """
                from pkg.base import BaseCase as Base


                class Middle(Base):
                    pass
                """);
        write(root, "pkg/checks.py", """
                import unittest
                from pkg.middle import Middle


                class Checks(Middle):
                    def test_in_any_file(self):
                        def test_nested():
                            pass

                    def check_other(self):
                        pass


                def test_not_in_test_file():
                    pass


                class TestNotInTestFile:
                    def test_no(self):
                        pass


                @unittest.skipIf(True, "never here")
                class SkippedChecks(unittest.case.TestCase):
                    def test_skipped_anywhere(self):
                        pass


                class Async(unittest.IsolatedAsyncioTestCase):
                    async def test_async_case(self):
                        pass
                """);
        write(root, "tests/test_things.py", """
                import unittest
                import pytest
                from unittest import skip as sk
                from pkg.base import BaseCase


                def test_module_level():
                    def test_nested():
                        pass


                async def test_async():
                    pass


                def helper_test():
                    pass


                def testing_prefix():
                    pass


                def Test_capital():
                    pass


                if True:
                    def test_in_if():
                        pass


                class TestPlain:
                    def test_a(self):
                        pass

                    def helper(self):
                        pass

                    class TestNested:
                        def test_deep(self):
                            pass

                    class NotTest:
                        def test_not_collected(self):
                            pass


                class TestWithInit:
                    def __init__(self):
                        pass

                    def test_never(self):
                        pass


                class Helper:
                    def test_not_in_test_class(self):
                        pass


                class ThroughBase(BaseCase):
                    def test_through_base(self):
                        pass

                    @unittest.skip("broken")
                    def test_skipped_method(self):
                        pass


                @pytest.mark.skip(reason="later")
                class TestSkippedClass:
                    def test_inherits_skip(self):
                        pass


                @pytest.mark.skipif(True, reason="never")
                def test_skipif_called():
                    pass


                @sk("aliased")
                def test_aliased_skip():
                    pass


                @pytest.mark.xfail
                def test_xfail_not_skipped():
                    pass


                @pytest.mark.skip
                def helper_skipped_not_a_test():
                    pass


                @unittest.skipUnless(False, "x")
                class Outer:
                    class TestInner:
                        def test_inner(self):
                            pass
                """);
        write(root, "tests/thing_test.py", """
                import pytest

                pytestmark = pytest.mark.skip


                def test_suffix_file():
                    pytest.skip("inside the body")
                """);
        write(root, "tests/testing.py", "def test_not_a_test_file():\n    pass\n");
        write(root, "tests/test.py", "def test_plain_name():\n    pass\n");
        index = new PythonIndex(root);
    }

    private static List<String> names(PythonTool tool, String json) throws ToolException {
        return tool.search(args(json)).stream().map(h -> h.file() + ":" + h.name()).toList();
    }

    private static List<String> names(PythonTool tool, String json, String path) throws ToolException {
        return names(tool, json).stream().filter(n -> n.startsWith(path + ":"))
                .map(n -> n.substring(path.length() + 1)).toList();
    }

    private static String note(PythonTool tool, String json, String name) throws ToolException {
        return tool.search(args(json)).stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().note();
    }

    @Test
    void functionDocstringsAreThoseCPythonSees() throws ToolException {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        assertEquals(List.of("plain", "after_comment", "joined", "empty", "parenthesised", "same_line",
                "raw_and_unicode", "then_more", "broken_line", "Documented.wrapped"),
                names(functions, "{\"docstring\":true}", "pkg/docs.py"));
        assertEquals(List.of("fstring", "bytes_first", "expression", "number_first", "no_body_docstring",
                "Documented.method", "Documented.static", "Documented.aliased_static", "Documented.klass",
                "Documented.star_only", "DecoratedFirst.value", "Empty.nothing"),
                names(functions, "{\"docstring\":false}", "pkg/docs.py"));
        assertEquals(List.of("pkg/docs.py:plain"), names(functions, "{\"docstring\":true,\"min_params\":3}"));
    }

    @Test
    void classDocstrings() throws ToolException {
        FindClassesTool classes = new FindClassesTool(index);
        assertEquals(List.of("Documented", "OneLine"), names(classes, "{\"docstring\":true}", "pkg/docs.py"));
        assertEquals(List.of("Undocumented", "DecoratedFirst", "FString", "Empty"),
                names(classes, "{\"docstring\":false}", "pkg/docs.py"));
        assertEquals(List.of("pkg/docs.py:Documented"),
                names(classes, "{\"docstring\":\"yes\",\"name_pattern\":\"Doc*\"}"));
    }

    @Test
    void parameterCountsLeaveOutSelfAndClsButNotAStaticMethodsFirst() throws ToolException {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        // plain: a, b, c, *args, d, **kwargs; method: a, b (self left out); static: a, b (staticmethod keeps all)
        assertEquals(List.of("plain", "Documented.method", "Documented.static"),
                names(functions, "{\"min_params\":2}", "pkg/docs.py"));
        assertEquals(List.of("plain"), names(functions, "{\"min_params\":6}", "pkg/docs.py"));
        assertEquals(List.of(), names(functions, "{\"min_params\":7}", "pkg/docs.py"));
        // klass: cls left out, a counted; aliased_static: a staticmethod by another name; star_only: *args is first
        assertEquals(List.of("plain", "fstring", "Documented.method", "Documented.static",
                "Documented.aliased_static", "Documented.klass"), names(functions, "{\"min_params\":1}", "pkg/docs.py"));
        assertEquals(names(functions, "{\"path\":\"pkg/docs.py\"}"), names(functions, "{\"min_params\":\"0\"}")
                .stream().filter(n -> n.startsWith("pkg/docs.py:")).toList());
    }

    @Test
    void minParamsMustBeAWholeNumberOfAtLeastZero() {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        for (String bad : List.of("-1", "2.5", "\"many\"", "true", "[2]")) {
            ToolException e = assertThrows(ToolException.class, () -> functions.search(args("{\"min_params\":" + bad
                    + "}")), bad);
            assertTrue(e.getMessage().startsWith("min_params must be"), e.getMessage());
        }
        ToolResult r = functions.call(args("{\"min_params\":-3}"));
        assertTrue(r.error() && r.content().contains("min_params must be at least 0, got -3"), r.content());
    }

    @Test
    void minParamsTakesAWholeNumberWrittenAsTextOrWithAZeroFraction() throws ToolException {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        assertEquals(List.of("pkg/docs.py:plain"), names(functions, "{\"min_params\":6.0}"));
        assertEquals(List.of("pkg/docs.py:plain"), names(functions, "{\"min_params\":\" 6 \"}"));
    }

    @Test
    void testFunctionsByPytestAndUnittestRules() throws ToolException {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        String tests = "{\"test\":true}";
        // module level in a test file (async, in an if, any name starting with test); classes named Test* without
        // __init__, nested only in such classes; TestCase subclasses through a project base in another file
        assertEquals(List.of("test_module_level", "test_async", "testing_prefix", "test_in_if", "TestPlain.test_a",
                "TestPlain.TestNested.test_deep", "ThroughBase.test_through_base", "ThroughBase.test_skipped_method",
                "TestSkippedClass.test_inherits_skip", "test_skipif_called", "test_aliased_skip",
                "test_xfail_not_skipped"), names(functions, tests, "tests/test_things.py"));
        assertEquals(List.of("test_suffix_file"), names(functions, tests, "tests/thing_test.py"));
        assertEquals(List.of(), names(functions, tests, "tests/testing.py"));
        assertEquals(List.of(), names(functions, tests, "tests/test.py"));
        // in any file: TestCase subclasses only, at any depth of project classes, the async case and unittest.case's
        assertEquals(List.of("Checks.test_in_any_file", "SkippedChecks.test_skipped_anywhere",
                "Async.test_async_case"), names(functions, tests, "pkg/checks.py"));
        assertEquals(List.of("BaseCase.test_in_base"), names(functions, tests, "pkg/base.py"));
        assertEquals("TestCase through Middle, BaseCase", note(functions, tests, "Checks.test_in_any_file"));
        assertEquals("TestCase through BaseCase", note(functions, tests, "ThroughBase.test_through_base"));
        assertEquals("", note(functions, tests, "TestPlain.test_a"));
        assertEquals(List.of("pkg/checks.py:Async.test_async_case", "tests/test_things.py:test_async"),
                names(functions, "{\"test\":true,\"async_only\":true}"));
    }

    @Test
    void skippedTestsBySkipDecoratorsOnTheDefOrAnEnclosingClass() throws ToolException {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        String skipped = "{\"skipped\":true}";
        assertEquals(List.of("pkg/checks.py:SkippedChecks.test_skipped_anywhere",
                "tests/test_things.py:ThroughBase.test_skipped_method",
                "tests/test_things.py:TestSkippedClass.test_inherits_skip",
                "tests/test_things.py:test_skipif_called", "tests/test_things.py:test_aliased_skip"),
                names(functions, skipped));
        assertEquals("skipIf on SkippedChecks", note(functions, skipped, "SkippedChecks.test_skipped_anywhere"));
        assertEquals("skip on TestSkippedClass", note(functions, skipped, "TestSkippedClass.test_inherits_skip"));
        assertEquals("TestCase through BaseCase", note(functions, skipped, "ThroughBase.test_skipped_method"));
        String shown = functions.call(args(skipped)).content();
        assertTrue(shown.contains("tests/test_things.py:78: @pytest.mark.skipif(True, reason=\"never\") def "
                + "test_skipif_called()"), shown);
        assertTrue(shown.contains("@sk(\"aliased\") def test_aliased_skip()"), shown);
        // skipped implies test: the skipped helper and the class-skipped non-test are not listed
        assertFalse(shown.contains("helper_skipped_not_a_test") || shown.contains("test_inner"), shown);
        assertEquals(names(functions, skipped), names(functions, "{\"skipped\":true,\"test\":false}"));
    }

    @Test
    void theNewFiltersCountAsFilters() {
        ToolResult functions = new FindFunctionsTool(index).call(args("{\"test\":false}"));
        assertTrue(functions.error() && functions.content().contains(
                "generator, docstring, min_params, test, skipped or path"), functions.content());
        ToolResult classes = new FindClassesTool(index).call(args("{}"));
        assertTrue(classes.error() && classes.content().contains("name_pattern, docstring or path"),
                classes.content());
        assertTrue(new FindFunctionsTool(index).call(args("{\"docstring\":false}")).items() > 0);
        assertTrue(new FindFunctionsTool(index).call(args("{\"min_params\":0}")).items() > 0);
        assertTrue(new FindFunctionsTool(index).call(args("{\"skipped\":true}")).items() > 0);
        assertTrue(new FindClassesTool(index).call(args("{\"docstring\":true}")).items() > 0);
    }
}
