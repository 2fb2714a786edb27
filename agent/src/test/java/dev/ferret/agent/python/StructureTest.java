package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The structural kinds of issue 13.3 on one small file, expected answers written out by hand. */
class StructureTest {
    private static PythonIndex index;

    private static final String SOURCE = """
            import contextlib
            from contextlib import contextmanager as cm
            from functools import cached_property
            from typing import TypeVar

            __all__ = ["Store", 'open_store'] + ["VERSION"]
            __all__ += ("helper",)
            __all__.append("extra")

            VERSION = "1.0"
            _DEFAULT_TIMEOUT: float = 2.5
            T = TypeVar("T")
            KT = TypeVar("KT")
            MAX_A = MAX_B = 3
            (LEFT, RIGHT) = 1, 2
            lower_case = 1
            X = 1
            if True:
                FLAG = True
            VERSION = "2.0"


            class StoreError(Exception):
                pass


            class Store:
                def __init__(self, path, *, timeout=None, **options) -> None:
                    self.path = path
                    self.check(path)

                def __enter__(self) -> "Store":
                    return self

                def __exit__(self, *exc_info) -> bool:
                    self.close()
                    return False

                @property
                def size(self) -> int:
                    return len(self.path)

                @cached_property
                def name(self) -> Optional[str]:
                    return None

                def close(self):
                    if not self.path:
                        raise StoreError("closed")
                    raise

                def check(self, path, /, strict=lambda a, b: a):
                    if path is None:
                        raise ValueError(f"bad {path}") from None
                    helper(path); helper(
                        path)


            @cm
            def open_store(path: str, timeout: float = 1.0):
                s = Store(path)
                try:
                    yield s
                finally:
                    s.close()


            @contextlib.asynccontextmanager
            async def session():
                yield None


            def helper(path) -> bool:
                raise StoreError
            """;

    @BeforeAll
    static void setUp(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("store.py"), SOURCE);
        index = new PythonIndex(root);
    }

    private static List<String> keys(PythonTool tool, String json) throws ToolException {
        return tool.search(args(json)).stream().map(h -> h.line() + ":" + h.name()).toList();
    }

    @Test
    void scannerRecordsSignatures() {
        PythonFile f = index.project().file("store.py");
        PyFunction init = f.functions().getFirst();
        assertEquals("Store.__init__", init.qualifiedName());
        assertEquals(List.of("self", "path", "timeout", "options"), init.params().stream().map(PyParam::name).toList());
        assertEquals("None", init.returns());
        assertEquals("Store", init.ownerClass());
        PyFunction check = f.functions().stream().filter(fn -> fn.name().equals("check")).findFirst().orElseThrow();
        assertEquals(List.of("self", "path", "strict"), check.params().stream().map(PyParam::name).toList());
        PyFunction open = f.functions().stream().filter(fn -> fn.name().equals("open_store")).findFirst().orElseThrow();
        assertEquals("str", open.params().getFirst().annotation());
        assertEquals(null, open.ownerClass());
    }

    @Test
    void exportsConstantsRaisesCallers() throws ToolException {
        assertEquals(List.of("6:Store", "6:VERSION", "6:open_store", "7:helper", "8:extra"),
                keys(new FindExportsTool(index), "{}"));
        assertEquals(List.of("10:VERSION", "11:_DEFAULT_TIMEOUT", "14:MAX_A", "14:MAX_B", "15:LEFT", "15:RIGHT",
                "19:FLAG"), keys(new FindConstantsTool(index), "{}"));
        // every module-level variable, whatever its case, at its first assignment (a TypeVar too)
        assertEquals(List.of(), keys(new FindConstantsTool(index), "{\"name_pattern\": \"lower\"}"));
        assertEquals(List.of("16:lower_case"), keys(new FindConstantsTool(index), "{\"variables\": true, \"name_pattern\": \"lower\"}"));
        assertEquals(List.of("13:KT"), keys(new FindConstantsTool(index), "{\"variables\": true, \"name_pattern\": \"kt\"}"));
        assertEquals(List.of("49:Store.close", "74:helper"), keys(new FindRaisesTool(index), "{\"exception\":\"StoreError\"}"));
        assertEquals(List.of("54:Store.check"), keys(new FindRaisesTool(index), "{\"exception\":\"ValueError\"}"));
        assertEquals(List.of("55:Store.check"), keys(new FindCallersTool(index), "{\"function\":\"helper\"}"));
        assertEquals(List.of("30:Store.__init__"), keys(new FindCallersTool(index), "{\"function\":\"Store.check()\"}"));
        assertEquals(List.of("36:Store.__exit__", "65:open_store"), keys(new FindCallersTool(index), "{\"function\":\"close\"}"));
        assertEquals(List.of("61:open_store"), keys(new FindCallersTool(index), "{\"function\":\"Store\"}"));
        assertEquals(List.of(), keys(new FindCallersTool(index), "{\"function\":\"cm\"}"));
    }

    @Test
    void functionsAndClassesByStructure() throws ToolException {
        FindFunctionsTool fns = new FindFunctionsTool(index);
        FindClassesTool cls = new FindClassesTool(index);
        assertEquals(List.of("28:Store.__init__", "52:Store.check", "60:open_store", "73:helper"),
                keys(fns, "{\"parameter\":\"path\"}"));
        assertEquals(List.of("28:Store.__init__", "60:open_store"), keys(fns, "{\"parameter\":\"timeout\"}"));
        assertEquals(List.of("35:Store.__exit__", "73:helper"), keys(fns, "{\"returns\":\"bool\"}"));
        assertEquals(List.of("44:Store.name"), keys(fns, "{\"returns\":\"str\"}"));
        assertEquals(List.of("32:Store.__enter__"), keys(fns, "{\"returns\":\"Store\"}"));
        assertEquals(List.of("40:Store.size", "44:Store.name"), keys(fns, "{\"decorator\":\"property\"}"));
        assertEquals(List.of("60:open_store", "69:session"), keys(fns, "{\"context_manager\":true}"));
        assertEquals(List.of("28:Store.__init__", "32:Store.__enter__", "35:Store.__exit__", "40:Store.size",
                "44:Store.name", "47:Store.close", "52:Store.check"), keys(fns, "{\"class_name\":\"Store\"}"));
        assertEquals(List.of("27:Store"), keys(cls, "{\"context_manager\":true}"));
        assertEquals(List.of("23:StoreError"), keys(cls, "{\"exception\":true}"));
        assertEquals(List.of("27:Store"), keys(cls, "{\"method\":\"close\"}"));
        assertEquals(List.of("47:Store.close"), keys(fns, "{\"name_pattern\":\"clo*\"}"));
        assertEquals(List.of("47:Store.close"), keys(fns, "{\"name_pattern\":\"Store.clo*\"}"));
        assertEquals(List.of("60:open_store"), keys(fns, "{\"name_pattern\":\"store\"}"));
    }

    @Test
    void aUnionReturnTypeMatchesWithOrWithoutSpaces() {
        // the scanner writes an annotation's operators without spaces (str|None); a question writes "str | None"
        assertTrue(FindFunctionsTool.returnsPattern("str | None").matcher("str|None").find());
        assertTrue(FindFunctionsTool.returnsPattern("str|None").matcher("str | None").find());
        assertTrue(FindFunctionsTool.returnsPattern("nodes.Module | None").matcher("nodes.Module|None").find());
        assertFalse(FindFunctionsTool.returnsPattern("str | None").matcher("str").find());
        assertFalse(FindFunctionsTool.returnsPattern("str | None").matcher("bytes|None").find());
    }

    @Test
    void aBuiltinContainerMatchesInEitherCase() {
        // "a list of str" is read as List[str]; the code may write typing's List[str] or the builtin list[str]
        assertTrue(FindFunctionsTool.returnsPattern("List[str]").matcher("list[str]").find());
        assertTrue(FindFunctionsTool.returnsPattern("list[str]").matcher("t.List[str]").find());
        assertTrue(FindFunctionsTool.returnsPattern("Dict[str, int]").matcher("Optional[dict[str, int]]").find());
        assertFalse(FindFunctionsTool.returnsPattern("List[str]").matcher("List[int]").find());
        assertFalse(FindFunctionsTool.returnsPattern("Iterable[Node]").matcher("iterable[Node]").find());
    }
}
