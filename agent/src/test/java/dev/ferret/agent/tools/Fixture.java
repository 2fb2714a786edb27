package dev.ferret.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Python repository in a temporary folder, with a secret folder next to it (outside the root) and,
 * where the file system allows, links from inside the repository to the outside.
 */
final class Fixture {
    static final String SECRET = "TOP-SECRET-CONTENT-42";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path base;
    final Path root;
    final Path outside;
    final boolean links;
    final Sandbox sandbox;
    final Toolbox toolbox;

    Fixture(Path tmp) {
        try {
            base = tmp;
            root = Files.createDirectories(tmp.resolve("repo"));
            outside = Files.createDirectories(tmp.resolve("outside"));
            Files.writeString(outside.resolve("secret.txt"), "password = " + SECRET + "\n");
            Files.writeString(outside.resolve("secret.py"), "class Leak(Protocol):\n    key = '" + SECRET + "'\n");
            write("README.md", "# Demo\nA demo project. TODO: write docs\n");
            write("src/app.py", """
                    import requests
                    from typing import Protocol


                    class Greeter(Protocol):
                        def greet(self) -> str: ...


                    async def fetch(url):
                        # TODO: retry on failure
                        return requests.get(url)


                    def main():
                        print("hello")
                    """);
            write("src/models.py", """
                    from dataclasses import dataclass


                    @dataclass
                    class User:
                        name: str
                        age: int = 0


                    class Admin(User):
                        pass
                    """);
            write("src/util/helpers.py", """
                    import os
                    import requests as rq


                    async def download(path):
                        return rq.get(path)
                    """);
            write("tests/test_app.py", """
                    from src.app import main


                    def test_main():
                        main()  # TODO check output
                    """);
            write("node_modules/pkg/index.js", "// TODO in node_modules\n");
            write(".hidden/secret.py", "# TODO hidden\n");
            write("build/gen.py", "# TODO generated\n");
            Files.write(root.resolve("data.bin"), new byte[] {'T', 'O', 'D', 'O', 0, 1, 2, 3});
            boolean ok;
            try {
                Files.createSymbolicLink(root.resolve("link_file"), outside.resolve("secret.txt"));
                Files.createSymbolicLink(root.resolve("link_dir"), outside);
                Files.createSymbolicLink(root.resolve("src/link_py"), outside.resolve("secret.py"));
                Files.createSymbolicLink(root.resolve("inner_link.py"), root.resolve("src/app.py"));
                ok = true;
            } catch (IOException | UnsupportedOperationException e) {
                ok = false;
            }
            links = ok;
            sandbox = new Sandbox(root);
            toolbox = Toolbox.standard(sandbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ToolResult call(String tool, String argsJson) {
        return toolbox.call(tool, json(argsJson));
    }

    /** run_command with a command line (JSON-encoded here, so quotes in it need no care). */
    ToolResult run(String command) {
        return toolbox.call("run_command", JSON.createObjectNode().put("command", command));
    }

    static String q(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }
}
