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

/** What a file, module or folder imports (ModuleImports), and the import questions next to it. */
class ModuleImportsReadingTest {
    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what does billing.py import?                          | billing.py
            What does shop/billing.py import?                     | shop/billing.py
            which modules does billing.py depend on               | billing.py
            what does the billing module import                   | billing
            what does billing import                              | billing
            what is imported in the payments package              | payments
            list the imports in shop/billing.py                   | shop/billing.py
            import statements of the billing module               | billing
            what does shop.billing import                         | shop.billing
            billing.py's imports                                  | billing.py
            what packages does the shop package pull in           | shop
            Which modules are imported by shop.billing?           | shop.billing
            could you list everything that shop/net/http.py imports? | shop/net/http.py
            Which packages and modules does the net package pull in? | net
            touching shop.net.wire in a PR; what does that module import? | shop.net.wire
            deps of shop.billing?                                 | shop.billing
            wat does the pricing module import                    | pricing
            list imprts for shop/net                              | shop/net
            show me shop/net/wire.py imports                      | shop/net/wire.py
            need the import list of shop.net.wire before i refactor it | shop.net.wire
            Show me every import in shop/cli.py, try blocks included. | shop/cli.py
            Give me the list of modules imported by cli.py.       | cli.py
            Before I split shop.reports up, could you list what it imports? | shop.reports
            What does shop/net/http.py pull in, from the standard library and from the project? | shop/net/http.py
            Which imports appear in the lib folder?               | lib
            reports.py deps                                       | reports.py
            shop/__init__.py imports - need them for a diagram    | shop/__init__.py
            Which import statements does shop/net/http.py contain? | shop/net/http.py
            wat does shop/net/http.py imoprt                      | shop/net/http.py
            Which modules is the pricing module importing?        | pricing
            what do the files in shop/net import?                 | shop/net
            list imports for the pricing module                   | pricing
            Which modules are imported across the shop/net folder? | shop/net
            What does the folder shop/net import?                 | shop/net
            imports in price_rules?                               | price_rules
            what modules does shop/cli.py depnd on? moving it     | shop/cli.py
            _pricing module's imports?                            | _pricing
            what does everything under shop/ import, whole folder | shop
            What are the imports of shop.billing?                 | shop.billing
            lst the imports of shop.net.wire                      | shop.net.wire
            list imports shop.net.wire                            | shop.net.wire
            show me shop.net.wire imports                         | shop.net.wire
            Give me the list of imports across the net package.   | net
            Which modules are imported by the files in the shop/net folder? | shop/net
            Which other modules does shop/cli.py rely on through its import statements? | shop/cli.py
            what's billing.py depend on                           | billing.py
            whats shop/cli.py importing, reviewing a pr           | shop/cli.py
            Which modules does the test helper at tests/helper.py import? | tests/helper.py
            _core's imports pls                                   | _core
            refactoring shop/net/wire.py - what does it improt rn | shop/net/wire.py
            list the import statements in the files of the shop/net folder | shop/net
            For shop/cart.py, what are its import statements?     | shop/cart.py
            In cart.py, which modules are imported?               | cart.py
            which modules shop.net.client pulls in                | shop.net.client
            list imports of _cart_helpers pls                     | _cart_helpers
            modules shop.net.client depends on??                  | shop.net.client
            what's _cart_helpers importing                        | _cart_helpers
            imports of the net folder, all files                  | net
            the full set of imports declared by the shop.net package | shop.net
            pricing module - its imports?                         | pricing
            cart.py import lst plz                                | cart.py
            shop/cart.py imports what exactly                     | shop/cart.py
            pricing deps, what does it import                     | pricing
            Could you list the import statements found in the shop/net folder? | shop/net
            what dose `shop/net/wire.py` import                   | shop/net/wire.py
            _plugins dir imports, all files in it                 | _plugins
            adding a new lint rule, checks.py's imports atm?      | checks.py
            tz folder imports, need them for a dependancy diagram | tz
            Find the import statements at the top of shop/net/wire.py. | shop/net/wire.py
            i18n imports what exactly                             | i18n
            cart.py depends on wich modules                       | cart.py
            quick q: whats imported at the top of shop/tests/test_cart.py | shop/tests/test_cart.py
            before i refactor cart.py - which moduels does it pull in? | cart.py
            errorhandler import list                              | errorhandler
            Could you tell me which modules the test helper file shop/tests/base.py pulls in? | shop/tests/base.py
            for the review - _codec3.py what gets imported there  | _codec3.py
            """)
    void whatAPlaceImports(String question, String place) {
        assertEquals(new Intent.ModuleImports(place), classifier.analyze(question).intent(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            which files import billing                            | Imports[module=billing]
            what does billing.py import from decimal              | Imports[module=decimal]
            who imports requests                                  | Imports[module=requests]
            cli.py imports requests?                              | Imports[module=requests]
            shop.billing imports?                                 | Imports[module=shop.billing]
            imports of the pricing module?                        | Imports[module=pricing]
            Which external libraries are imported by the net folder? | ThirdParty[]
            non-stdlib imports, for the requirements file         | ThirdParty[]
            where is requests imported                            | Imports[module=requests]
            Where is setproctitle imported in the codebase?       | Imports[module=setproctitle]
            grep imports of shop.billing                          | Imports[module=shop.billing]
            Show all imports of requests.                         | Imports[module=requests]
            non-stdlib imports across the tests                   | ThirdParty[]
            list imports of requests plz                          | Imports[module=requests]
            shop/cart.py - which modules import it                | Imports[module=shop.cart]
            who imports shop/cart.py                              | Imports[module=shop.cart]
            which modules pull in shop.constants, before i rename a constant | Imports[module=shop.constants]
            non-stdlib libs the shop imports, for the licence check | ThirdParty[]
            imports of the networkx algorithms flow package       | Imports[module=flow]
            files that pull in shop/util/sync.py                  | Imports[module=shop.util.sync]
            """)
    void theFilesThatImportAModuleStayImports(String question, String reading) {
        // "X imports?" and "imports of X" with X a module's name: the files importing X, as the earlier blind sets
        // (about 50 rows) read them; a path or "import statements of" says whose imports
        assertEquals(reading, classifier.analyze(question).intent().toString(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sort the imports in wait.py pls
            Which of the imports in shop/__init__.py makes start-up slow?
            Is there a circular import between shop.net and shop.cli?
            Please sort the imports in shop/cli.py alphabetically.
            Which import in shop.cli makes startup slow?
            can we drop the unused imports in cli.py
            swap the requests imports in cart.py for httpx pls
            did cart.py always import requests? history pls
            unused imports in shop/utils.py? want to clean up before merge
            Which imports in shop/util.py are unused and could be removed?
            """)
    void changesAndJudgementsOfImportsAreNoListing(String question) {
        assertNotEquals(Intent.Kind.MODULE_IMPORTS, classifier.analyze(question).intent().kind(), question);
        assertNotEquals(Intent.Kind.IMPORTS, classifier.analyze(question).intent().kind(), question);
    }

    @Test
    void aPronounOrAClassIsNoPlace() {
        assertNotEquals(Intent.Kind.MODULE_IMPORTS, classifier.analyze("what does it import").intent().kind());
        assertNotEquals(Intent.Kind.MODULE_IMPORTS, classifier.analyze("what does Session import").intent().kind());
    }

    @Test
    void withTheRepositoryThePlaceIsTheScope(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("shop"));
        Files.writeString(repo.resolve("shop/__init__.py"), "from .billing import charge\n");
        Files.writeString(repo.resolve("shop/billing.py"), "import decimal\nfrom .models import Money\n");
        Files.writeString(repo.resolve("shop/models.py"), "import dataclasses\n");
        PythonIndex index = new PythonIndex(repo);
        HybridAnswerer answerer = new HybridAnswerer();
        HybridAnswer a = answerer.answer(index, "what does billing.py import?");
        assertEquals("shop/billing.py", a.scope());
        assertEquals(2, a.items().size(), a.text());
        assertTrue(a.text().contains("shop/billing.py:2: from .models import Money"), a.text());
        HybridAnswer none = answerer.answer(index, "what does the checkout module import");
        assertTrue(none.handled() && none.items().isEmpty(), none.text());
        assertTrue(none.text().startsWith("No module, package or folder named checkout here."), none.text());
        assertEquals(4, answerer.answer(index, "what does the shop package import").items().size(), "a folder: every file's");
        HybridAnswer own = answerer.answer(index, "show me billing.py imports");
        assertEquals(new Intent.ModuleImports("billing.py"), own.intent());
        assertEquals(2, own.items().size(), own.text());
        assertEquals(Intent.Kind.IMPORTS, answerer.answer(index, "which files import billing").intent().kind());
    }
}
