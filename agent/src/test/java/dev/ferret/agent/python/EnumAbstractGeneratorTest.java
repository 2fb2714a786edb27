package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static dev.ferret.agent.python.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code find_classes} with {@code enum} and {@code abstract}, {@code find_functions} with {@code generator}: names
 * resolved through aliases, from-imports and a project compatibility module; expected answers written out by hand.
 */
class EnumAbstractGeneratorTest {
    private static PythonIndex index;

    @BeforeAll
    static void setUp(@TempDir Path root) throws IOException {
        write(root, "pkg/__init__.py", "");
        write(root, "pkg/compat.py", """
                from abc import ABC, ABCMeta, abstractmethod
                import enum as _enum
                Enum = _enum.Enum
                """);
        write(root, "pkg/fake.py", """
                class Enum:
                    pass


                class ABC:
                    pass


                class NotAnEnum(Enum):
                    pass


                class NotAbstract(ABC):
                    pass
                """);
        write(root, "pkg/kinds.py", """
                import abc
                import abc as a
                import enum
                from enum import IntEnum, Enum as E
                from abc import ABC
                from pkg.compat import ABC as CompatABC, Enum as CompatEnum, abstractmethod as am


                class Color(enum.Enum):
                    RED = 1


                class Level(IntEnum):
                    LOW = 1


                class Aliased(E):
                    X = 1


                class Base(Aliased):
                    pass


                class Deeper(Base):
                    pass


                class Compat(CompatEnum):
                    pass


                class Flags(enum.Flag, metaclass=abc.ABCMeta):
                    A = 1


                class Port(ABC):
                    pass


                class Port2(a.ABC):
                    pass


                class Meta(
                    object,
                    metaclass=abc.ABCMeta,
                ):
                    pass


                class Compat2(CompatABC):
                    pass


                class OnlyMethod:
                    @am
                    def run(self): ...

                    @a.abstractproperty
                    def size(self): ...


                class Concrete(Port):
                    def run(self):
                        return 1


                class Typed(metaclass=type):
                    pass


                class Nested:
                    def helper(self):
                        @abc.abstractmethod
                        def inner(): ...
                        return inner
                """);
        write(root, "pkg/gens.py", """
                def plain():
                    return "yield"  # yield


                def numbers(n):
                    for i in range(n):
                        yield i


                async def stream(source):
                    async for x in source:
                        yield await x


                async def waits(x):
                    return await x


                def outer():
                    def inner():
                        yield from numbers(2)
                    return inner, lambda: (yield)


                class Tree:
                    def __iter__(self):
                        yield self
                """);
        index = new PythonIndex(root);
    }

    private static List<String> keys(PythonTool tool, String json) throws ToolException {
        return tool.search(args(json)).stream().map(h -> h.file() + ":" + h.line() + ":" + h.name()).toList();
    }

    private static String note(PythonTool tool, String json, String name) throws ToolException {
        return tool.search(args(json)).stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().note();
    }

    @Test
    void enumClassesDirectlyAndThroughProjectClasses() throws ToolException {
        FindClassesTool classes = new FindClassesTool(index);
        assertEquals(List.of("pkg/kinds.py:9:Color", "pkg/kinds.py:13:Level", "pkg/kinds.py:17:Aliased",
                "pkg/kinds.py:21:Base", "pkg/kinds.py:25:Deeper", "pkg/kinds.py:29:Compat", "pkg/kinds.py:33:Flags"),
                keys(classes, "{\"enum\":true}"));
        assertEquals("", note(classes, "{\"enum\":true}", "Color"));
        assertEquals("Enum through Aliased", note(classes, "{\"enum\":true}", "Base"));
        assertEquals("Enum through Base, Aliased", note(classes, "{\"enum\":true}", "Deeper"));
        assertEquals("Enum via pkg/compat.py", note(classes, "{\"enum\":true}", "Compat"));
        assertEquals(List.of("pkg/kinds.py:21:Base"), keys(classes, "{\"enum\":true,\"name_pattern\":\"Base\"}"));
    }

    @Test
    void abstractClassesByBaseMetaclassOrAbstractMethod() throws ToolException {
        FindClassesTool classes = new FindClassesTool(index);
        assertEquals(List.of("pkg/kinds.py:33:Flags", "pkg/kinds.py:37:Port", "pkg/kinds.py:41:Port2",
                "pkg/kinds.py:45:Meta", "pkg/kinds.py:52:Compat2", "pkg/kinds.py:56:OnlyMethod"),
                keys(classes, "{\"abstract\":true}"));
        assertEquals("", note(classes, "{\"abstract\":true}", "Port"));
        assertEquals("metaclass ABCMeta", note(classes, "{\"abstract\":true}", "Meta"));
        assertEquals("ABC via pkg/compat.py", note(classes, "{\"abstract\":true}", "Compat2"));
        assertEquals("abstract methods: run, size", note(classes, "{\"abstract\":true}", "OnlyMethod"));
        assertEquals(List.of("pkg/kinds.py:33:Flags"), keys(classes, "{\"abstract\":true,\"enum\":true}"));
        assertEquals(List.of("pkg/kinds.py:37:Port", "pkg/kinds.py:41:Port2", "pkg/kinds.py:52:Compat2",
                "pkg/kinds.py:64:Concrete"), keys(classes, "{\"base\":\"ABC\",\"indirect\":true}")
                .stream().filter(k -> k.startsWith("pkg/kinds.py")).toList());
    }

    @Test
    void generatorFunctions() throws ToolException {
        FindFunctionsTool functions = new FindFunctionsTool(index);
        assertEquals(List.of("pkg/gens.py:5:numbers", "pkg/gens.py:10:stream", "pkg/gens.py:20:outer.inner",
                "pkg/gens.py:26:Tree.__iter__"), keys(functions, "{\"generator\":true}"));
        assertEquals(List.of("pkg/gens.py:10:stream"), keys(functions, "{\"generator\":true,\"async_only\":true}"));
        assertEquals(List.of("pkg/gens.py:26:Tree.__iter__"),
                keys(functions, "{\"generator\":true,\"class_name\":\"Tree\"}"));
    }

    @Test
    void theNewFlagsCountAsFilters() {
        ToolResult none = new FindClassesTool(index).call(args("{}"));
        assertTrue(none.error() && none.content().contains("context_manager, enum, abstract, name_pattern, docstring or path"),
                none.content());
        assertEquals(7, new FindClassesTool(index).call(args("{\"enum\":true}")).items());
        assertEquals(6, new FindClassesTool(index).call(args("{\"abstract\":true}")).items());
        ToolResult noFunctions = new FindFunctionsTool(index).call(args("{\"generator\":false}"));
        assertTrue(noFunctions.error() && noFunctions.content().contains("context_manager, generator, docstring"),
                noFunctions.content());
        assertEquals(4, new FindFunctionsTool(index).call(args("{\"generator\":true}")).items());
    }
}
