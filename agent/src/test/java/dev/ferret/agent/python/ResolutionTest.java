package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names reached through the project's own modules (issue 16.2): one small repository per idiom, and the answer each
 * tool must give, written out by hand.
 */
class ResolutionTest {

    @TempDir
    Path root;

    private void write(String path, String text) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> classes(String json) throws ToolException {
        return new FindClassesTool(new PythonIndex(root)).search(args(json)).stream()
                .map(h -> h.file() + ":" + h.line() + ":" + h.name()).toList();
    }

    private List<Hit> hits(PythonTool tool, String json) throws ToolException {
        return tool.search(args(json));
    }

    @Test
    void protocolFromTheProjectsCompatModuleWithATryExceptFallback() throws ToolException {
        write("lib/__init__.py", "");
        write("lib/compat.py", """
                try:
                    from typing import Protocol
                except ImportError:
                    from typing_extensions import Protocol
                """);
        write("lib/ports.py", """
                from .compat import Protocol
                from lib.compat import Protocol as P


                class Reader(Protocol):
                    def read(self) -> bytes: ...


                class Writer(P):
                    pass
                """);
        assertEquals(List.of("lib/ports.py:5:Reader", "lib/ports.py:9:Writer"), classes("{\"base\":\"Protocol\"}"));
        Hit reader = hits(new FindClassesTool(new PythonIndex(root)), "{\"base\":\"Protocol\"}").getFirst();
        assertEquals("Protocol via lib/compat.py", reader.note());
        assertEquals("lib/ports.py:5: class Reader(Protocol)  [Protocol via lib/compat.py]", reader.render());
    }

    @Test
    void initReExportsAreFollowedThroughSeveralFiles() throws ToolException {
        write("app/__init__.py", "from app._typing import Protocol, dataclass\n__all__ = ['Protocol', 'dataclass']\n");
        write("app/_typing.py", "import typing\nfrom dataclasses import dataclass\nProtocol = typing.Protocol\n");
        write("app/models.py", """
                from app import Protocol, dataclass


                @dataclass
                class Point:
                    x: int


                class Shape(Protocol):
                    pass
                """);
        assertEquals(List.of("app/models.py:9:Shape"), classes("{\"base\":\"Protocol\"}"));
        assertEquals(List.of("app/models.py:5:Point"), classes("{\"decorator\":\"dataclass\"}"));
        Hit shape = hits(new FindClassesTool(new PythonIndex(root)), "{\"base\":\"Protocol\"}").getFirst();
        assertEquals("Protocol via app/__init__.py, app/_typing.py", shape.note());
    }

    @Test
    void dataclassFromAProjectModuleNamedTyping() throws ToolException {
        write("mypkg/__init__.py", "");
        write("mypkg/typing.py", "from dataclasses import dataclass, field\n");
        write("mypkg/fake.py", "def dataclass(cls):\n    return cls\n");
        write("mypkg/models.py", """
                from mypkg.typing import dataclass
                from mypkg import fake


                @dataclass(frozen=True)
                class Money:
                    cents: int


                @fake.dataclass
                class NotOne:
                    pass
                """);
        assertEquals(List.of("mypkg/models.py:6:Money"), classes("{\"decorator\":\"dataclass\"}"));
    }

    @Test
    void aliasesOfModulesAndOfTheirNames() throws ToolException {
        write("pkg/__init__.py", "");
        write("pkg/compat.py", "from typing_extensions import Protocol\n");
        write("pkg/a.py", """
                import typing as t
                import pkg.compat as c
                from pkg import compat


                class One(t.Protocol):
                    pass


                class Two(c.Protocol):
                    pass


                class Three(compat.Protocol):
                    pass
                """);
        assertEquals(List.of("pkg/a.py:6:One", "pkg/a.py:10:Two", "pkg/a.py:14:Three"), classes("{\"base\":\"Protocol\"}"));
    }

    @Test
    void starImportsFollowAllOrPublicNames() throws ToolException {
        write("pkg/__init__.py", "");
        write("pkg/compat.py", "from typing import Protocol as Protocol\n__all__ = ['Protocol']\n");
        write("pkg/private.py", "from typing import Protocol as _Protocol\nfrom typing import Protocol\n");
        write("pkg/a.py", "from .compat import *\n\n\nclass A(Protocol):\n    pass\n");
        write("pkg/b.py", "from .private import *\n\n\nclass B(Protocol):\n    pass\n\n\nclass C(_Protocol):\n    pass\n");
        assertEquals(List.of("pkg/a.py:4:A", "pkg/b.py:4:B"), classes("{\"base\":\"Protocol\"}"));
    }

    @Test
    void requestsThroughAWrapperModule() throws ToolException {
        write("shop/__init__.py", "");
        write("shop/http.py", """
                import requests
                from requests import Session


                def get(url):
                    return requests.get(url, timeout=5)
                """);
        write("shop/orders.py", "from shop.http import Session\n");
        write("shop/compat.py", "from .http import requests as rq\n");
        write("shop/report.py", "from shop.http import get\nfrom shop import http\n");
        write("shop/direct.py", "import requests as r\n");
        List<Hit> found = hits(new FindImportsTool(new PythonIndex(root)), "{\"module\":\"requests\"}");
        assertEquals(List.of(
                "shop/compat.py:1: from .http import requests as rq  [requests via shop/http.py]",
                "shop/direct.py:1: import requests as r",
                "shop/http.py:1: import requests",
                "shop/http.py:2: from requests import Session",
                "shop/orders.py:1: from shop.http import Session  [requests via shop/http.py]"),
                found.stream().map(Hit::render).toList());
    }

    @Test
    void baseClassesFromOtherModulesDirectAndIndirect() throws ToolException {
        write("app/__init__.py", "from .errors import AppError\n");
        write("app/errors.py", """
                class AppError(Exception):
                    pass


                class NotFound(AppError):
                    pass
                """);
        write("app/base.py", "class Handler:\n    def handle(self): ...\n");
        write("app/views.py", """
                from app import AppError
                from app.errors import NotFound as Missing
                from .base import Handler


                class Gone(Missing):
                    pass


                class Boom(AppError):
                    pass


                class Index(Handler):
                    def handle(self): ...


                class Weird(socket_error):
                    pass
                """);
        assertEquals(List.of("app/errors.py:5:NotFound", "app/views.py:10:Boom"), classes("{\"base\":\"AppError\"}"));
        assertEquals(List.of("app/errors.py:5:NotFound", "app/views.py:6:Gone", "app/views.py:10:Boom"),
                classes("{\"base\":\"AppError\",\"indirect\":true}"));
        assertEquals(List.of("app/views.py:6:Gone"), classes("{\"base\":\"NotFound\"}"));
        assertEquals(List.of("app/views.py:14:Index"), classes("{\"base\":\"Handler\"}"));
        assertEquals(List.of("app/errors.py:1:AppError"), classes("{\"base\":\"Exception\"}"));
        assertEquals(List.of("app/errors.py:1:AppError", "app/errors.py:5:NotFound", "app/views.py:6:Gone",
                "app/views.py:10:Boom"), classes("{\"base\":\"Exception\",\"indirect\":true}"));
        Hit gone = hits(new FindClassesTool(new PythonIndex(root)), "{\"base\":\"Exception\",\"indirect\":true}").get(2);
        assertEquals("Exception through NotFound, AppError", gone.note());
        assertEquals(List.of("app/errors.py:1:AppError", "app/errors.py:5:NotFound", "app/views.py:6:Gone",
                "app/views.py:10:Boom"), classes("{\"exception\":true}"));
        assertEquals(List.of("app/base.py:1:Handler", "app/views.py:14:Index"), classes("{\"method\":\"handle\"}"));
    }

    @Test
    void cyclesAndRelativeImportsPastTheTopEndQuietly() throws ToolException {
        write("p/__init__.py", "");
        write("p/a.py", "from p.b import X\nfrom ...outside import Y\n\n\nclass A(X, Y):\n    pass\n");
        write("p/b.py", "from p.a import X\n");
        write("loose/c.py", "from .sibling import Z\n\n\nclass C(Z):\n    pass\n");
        assertEquals(List.of(), classes("{\"base\":\"Protocol\"}"));
        assertEquals(List.of("p/a.py:5:A"), classes("{\"base\":\"X\"}"));
        assertEquals(List.of("loose/c.py:4:C"), classes("{\"base\":\"Z\"}"));
        Project project = new PythonIndex(root).project();
        assertEquals("p.a", project.moduleName(project.file("p/a.py")));
        assertEquals(null, project.moduleName(project.file("loose/c.py")));
        assertTrue(project.resolve(project.file("p/a.py"), "X").stream()
                .allMatch(t -> t.kind() == Target.Kind.UNRESOLVED), project.resolve(project.file("p/a.py"), "X").toString());
    }

    @Test
    void homeMadeProtocolsAndOtherLibrariesProtocolsStayOut() throws ToolException {
        write("net/__init__.py", "");
        write("net/wire.py", "class Protocol:\n    pass\n");
        write("net/proto.py", """
                import asyncio
                from .wire import Protocol


                class Line(Protocol):
                    pass


                class Datagram(asyncio.Protocol):
                    pass
                """);
        assertEquals(List.of(), classes("{\"base\":\"Protocol\"}"));
        assertEquals(List.of("net/proto.py:5:Line"), classes("{\"base\":\"net.wire.Protocol\"}"));
    }
}
