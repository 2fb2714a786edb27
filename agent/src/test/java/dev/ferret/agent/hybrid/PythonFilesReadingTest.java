package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.PythonIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Python files of the repository or of a folder (PythonFiles), and the file questions other searches answer. */
class PythonFilesReadingTest {
    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            list all python files                                 | *
            How many Python files are there?                      | *
            how many *.py files are there?                        | *
            list all .py files                                    | *
            which modules are there                               | *
            new here: list all python files                       | *
            which files are in the tests folder                   | tests
            list the files under shop/                            | shop
            what modules does the shop package have               | shop
            what's in the shop/net/ folder                        | shop/net
            python files in shop?                                 | shop
            show me the modules of the shop package, need them for a diagram | shop
            ls shop/net                                           | shop/net
            Which modules make up the billing package?            | billing
            Can you list every Python module in the project, along with its line count? | *
            How many source files does the shop/net directory hold? | shop/net
            fiels under the net dir?                              | net
            quick q: pyhton files in the net directory? counting them for a review | net
            which py files make up shop.net, need it for a diagram | shop.net
            How many Python files are under shop/, counting the tests? | shop
            latex2e package - what files does it have             | latex2e
            new here, what python modules does the project even have | *
            Which source files does the shop.net package consist of? | shop.net
            Can you enumerate every .py file in the codebase along with how many classes and functions each one defines? | *
            quick q - how many .py files in the whole repo incl tests | *
            I'm new to the repo - what Python files does the chat folder contain? | chat
            How many source files does the parse package consist of, and how many classes and functions does each one have? | parse
            how many modules in the tag pakage?                   | tag
            List every Python module in the project together with its number of lines, classes and functions. | *
            How many modules does the samples folder contain, and what are they called? | samples
            ls *.py whole repo                                    | *
            widgets folder - list the .py files in it             | widgets
            Which test files does shop/tests contain?             | shop/tests
            list every python modul in the codebase, need it for a diagram | *
            gimme a list of every .py file in the project         | *
            what files does comments have? the comments package i mean | comments
            reviewing shop/net - which python files does it have  | shop/net
            list every python module in the repo with its size in bytes | *
            I'd like an overview of all python source files in the project, grouped by folder | *
            before I split shop/net - how many modules are in there | shop/net
            hw many python fils under net                         | net
            need a full lsit of every .py file w/ sizes           | *
            Could you list every Python module in this project together with its size? | *
            could you tell me which .py files live in the net folder? | net
            What does the shop.net package consist of, module by module? | shop.net
            Find all Python files in shop/net and report how many there are. | shop/net
            Which Python source files does the shop codebase contain? | *
            I need a complete inventory of the Python files across the entire codebase. | *
            before I refactor the activators, wich .py files live in the activation folder | activation
            num of python files in net dir                        | net
            Please show me what is in the shop.net package.       | shop/net
            listing of the net folder, python only. thx           | net
            Show the Python files contained in the net folder along with their sizes. | net
            `net_utils` contents? just the .py ones               | net_utils
            how many modules has net got                          | net
            How many Python files does the adv-svcs folder hold?  | adv-svcs
            dynamic routing stuff: shop/net/routing - list the files w/ sizes | shop/net/routing
            """)
    void theFilesOfAPlace(String question, String place) {
        assertEquals(new Intent.PythonFiles(place), classifier.analyze(question).intent(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            which files import yaml                               | IMPORTS
            files with TODO comments                              | COMMENTS
            which files define Session                            | DEFINITIONS
            how many files use requests                           | IMPORTS
            file with the Daemonizer class?                       | DEFINITIONS
            file w/ SSHTransportBase in it?                       | DEFINITIONS
            which file is class TOTP in                           | DEFINITIONS
            httpx: which files?                                   | IMPORTS
            whats in MultiDict, methods only                      | METHODS_OF_CLASS
            whats in __all__                                      | EXPORTS
            what does shop/cli.py import                          | MODULE_IMPORTS
            """)
    void filesAskedForSomethingElse(String question, Intent.Kind kind) {
        assertEquals(kind, classifier.analyze(question).intent().kind(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            list the test files
            list the test files in the net folder
            list the .so files
            list pyi files
            what are the largest files
            list all yaml files
            which files changed last week
            what is in it
            json files in the repo?
            rename _cached_route to _route_cache pls, across all files
            """)
    void notTheListingOfPythonFiles(String question) {
        assertNotEquals(Intent.Kind.PYTHON_FILES, classifier.analyze(question).intent().kind(), question);
    }

    @Test
    void withTheRepositoryThePlaceIsTheScope(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("shop/net"));
        Files.writeString(repo.resolve("shop/__init__.py"), "");
        Files.writeString(repo.resolve("shop/net/__init__.py"), "");
        Files.writeString(repo.resolve("shop/net/http.py"), "class Client:\n    def get(self):\n        pass\n");
        Files.writeString(repo.resolve("setup.py"), "import setuptools\n");
        Files.writeString(repo.resolve("README.md"), "# not Python\n");
        PythonIndex index = new PythonIndex(repo);
        HybridAnswerer answerer = new HybridAnswerer();
        HybridAnswer all = answerer.answer(index, "how many python files are there?");
        assertEquals(4, all.items().size(), all.text());
        assertTrue(all.text().startsWith("Found 4 Python files:"), all.text());
        HybridAnswer net = answerer.answer(index, "which files are in the net package");
        assertEquals("shop/net", net.scope());
        assertEquals(2, net.items().size(), net.text());
        assertTrue(net.text().contains("shop/net/http.py (3 lines, 1 class, 1 function)"), net.text());
        assertTrue(net.text().startsWith("Found 2 Python files in shop/net:"), "the place as found: " + net.text());
        Files.writeString(repo.resolve("shop/net.py"), "import os\n"); // a module named like the folder
        index.refresh();
        assertEquals("shop/net", answerer.answer(index, "which files are in the net package").scope(),
                "the folder, not the module net.py");
        HybridAnswer none = answerer.answer(index, "list the python files in the billing folder");
        assertTrue(none.handled() && none.items().isEmpty(), none.text());
        assertTrue(none.text().startsWith("No module, package or folder named billing here."), none.text());
    }
}
