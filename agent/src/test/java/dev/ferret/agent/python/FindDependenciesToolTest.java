package dev.ferret.agent.python;

import static dev.ferret.agent.python.TestArgs.args;
import static dev.ferret.agent.python.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.tools.Sandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * find_dependencies: the third-party top-level modules of absolute imports, at their first import; the standard
 * library, __future__, the project's own modules and relative imports are left out.
 */
class FindDependenciesToolTest {

    @Test
    void onlyThirdPartyTopLevelModulesEachAtItsFirstImport(@TempDir Path repo) throws Exception {
        write(repo, "app/__init__.py", "from .core import run\n");
        write(repo, "app/core.py", """
                from __future__ import annotations
                import os, sys
                import json as j
                from collections.abc import Mapping
                from . import util
                from .util import helper
                from app.util import helper as h2
                import yaml.loader
                try:
                    import simplejson
                except ImportError:
                    simplejson = None

                def run():
                    import requests
                    from requests.adapters import HTTPAdapter
                    return requests
                """);
        write(repo, "app/util.py", "import requests\nimport distutils.core\nimport tomllib\n\ndef helper(): pass\n");
        write(repo, "tools/build.py", "import app\nimport yaml\nfrom attr import define\n");
        // a test importing a sibling helper module (tests/ is no package): the repository's own code
        write(repo, "tests/helpers.py", "def make(): pass\n");
        write(repo, "tests/test_core.py", "import helpers\nfrom helpers import make\nimport pytest\n");
        FindDependenciesTool tool = new FindDependenciesTool(new PythonIndex(new Sandbox(repo)));
        List<String> found = tool.search(args("{}")).stream().map(h -> h.name() + "@" + h.file() + ":" + h.line())
                .toList();
        // "tools" holds no __init__.py, so tools/build.py is no module and "app" is the project's package
        assertEquals(List.of("yaml@app/core.py:8", "simplejson@app/core.py:10", "requests@app/core.py:15",
                "pytest@tests/test_core.py:3", "attr@tools/build.py:3"), found);
        String text = tool.search(args("{}")).stream().filter(h -> h.name().equals("requests")).findFirst()
                .orElseThrow().text();
        assertTrue(text.startsWith("requests (2 files): "), text);
        // a path limits the files looked at
        assertEquals(List.of("yaml", "attr"), tool.search(args("{\"path\": \"tools\"}")).stream().map(Hit::name).toList());
    }

    @Test
    void theStandardLibraryListHasTheUsualModules() {
        for (String m : List.of("os", "sys", "typing", "asyncio", "collections", "__future__", "_thread", "distutils",
                "tomllib", "zoneinfo")) {
            assertTrue(FindDependenciesTool.STDLIB.contains(m), m);
        }
        for (String m : List.of("requests", "yaml", "attr", "typing_extensions", "six", "pkg_resources")) {
            assertTrue(!FindDependenciesTool.STDLIB.contains(m), m);
        }
    }
}
