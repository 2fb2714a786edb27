package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.SampleRepo;
import dev.ferret.agent.python.ShopExpectations;
import dev.ferret.agent.tools.ExecutedCall;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


class HybridAnswererTest {
    private static PythonIndex index;
    private final HybridAnswerer answerer = new HybridAnswerer();

    @BeforeAll
    static void setUp() {
        index = new PythonIndex(SampleRepo.shop());
    }

    private static List<String> keys(HybridAnswer a, boolean withName, boolean withLine) {
        return a.items().stream().map(f -> f.file() + (withLine ? ":" + f.line() : "") + (withName ? ":" + f.name() : ""))
                .toList();
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted(Comparator.comparing((String s) -> s.split(":")[0])
                .thenComparingInt(s -> Integer.parseInt(s.split(":")[1]))).toList();
    }

    @Test
    void theFiveStandardQuestionsOnTheSampleRepo() {
        HybridAnswer q1 = answerer.answer(index, "Which classes in this codebase subclass from Protocol?");
        assertEquals(Intent.Kind.PROTOCOL_CLASSES, q1.intent().kind());
        assertEquals(sorted(ShopExpectations.PROTOCOL_CLASSES), keys(q1, true, true));

        HybridAnswer q2 = answerer.answer(index, "Find all async functions in this codebase");
        assertEquals(sorted(ShopExpectations.ASYNC_FUNCTIONS), keys(q2, true, true));

        HybridAnswer q3 = answerer.answer(index, "What files import the requests library?");
        assertEquals(new Intent.Imports("requests"), q3.intent());
        assertEquals(sorted(ShopExpectations.REQUESTS_IMPORTS), keys(q3, false, true));

        HybridAnswer q4 = answerer.answer(index, "Show me all dataclasses");
        assertEquals(sorted(ShopExpectations.DATACLASSES), keys(q4, true, true));

        HybridAnswer q5 = answerer.answer(index, "List TODO comments in the source code");
        assertEquals(new Intent.Comments("TODO"), q5.intent());
        assertEquals(sorted(ShopExpectations.TODO_COMMENTS), keys(q5, false, true));

        for (HybridAnswer a : List.of(q1, q2, q3, q4, q5)) {
            assertTrue(a.handled(), a.question());
            assertEquals(1, a.calls().size());
            assertTrue(a.timings().totalNanos() >= a.timings().executeNanos());
        }
    }

    @Test
    void everyTagAQuestionNamesIsSearchedForAndACommentHoldingTwoIsOneItem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("m.py"), """
                x = 1  # TODO: one
                # FIXME: two
                # FIXME/TODO: three
                # XXX: four
                s = "# TODO not a comment"
                """);
        HybridAnswer a = answerer.answer(new PythonIndex(dir), "TODO and FIXME comments");
        assertEquals(new Intent.Comments(List.of("TODO", "FIXME")), a.intent());
        assertEquals("""
                Found 3 TODO or FIXME comments:
                - m.py:1: # TODO: one
                - m.py:2: # FIXME: two
                - m.py:3: # FIXME/TODO: three
                """, a.text());
        assertEquals(List.of("m.py:4"), keys(answerer.answer(new PythonIndex(dir), "XXX comments"), false, true));
    }

    @Test
    void theThirdPartyModulesImportedTheMostComeFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("a.py"), "import attr\nimport yaml\n");
        java.nio.file.Files.writeString(dir.resolve("b.py"), "import yaml\nimport os\n");
        java.nio.file.Files.writeString(dir.resolve("c.py"), "from yaml import safe_load\nimport zmq\n");
        java.nio.file.Files.writeString(dir.resolve("d.py"), "import zmq.asyncio\n");
        HybridAnswer a = answerer.answer(new PythonIndex(dir), "which third-party libraries are imported the most?");
        assertEquals(new Intent.ThirdParty(), a.intent());
        assertEquals("""
                Most imported: yaml (3 files).
                Found 3 third-party modules imported:
                - yaml (a.py:2), imported directly by 3 files
                - zmq (c.py:2), imported directly by 2 files
                - attr (a.py:1), imported directly by 1 file
                """, a.text());
        // asked without a ranking, the modules come in the order of their first import
        assertEquals(List.of("attr", "yaml", "zmq"), answerer.answer(new PythonIndex(dir), "third-party dependencies?")
                .items().stream().map(Finding::name).toList());
        java.nio.file.Files.writeString(dir.resolve("e.py"), "import attr\n");
        assertTrue(answerer.answer(new PythonIndex(dir), "most used packages").text()
                .startsWith("Most imported: yaml (3 files).\n"));
        java.nio.file.Files.writeString(dir.resolve("f.py"), "import attr\nimport zmq\n");
        String tied = answerer.answer(new PythonIndex(dir), "which external library is imported in the most files").text();
        assertTrue(tied.contains("Most imported: attr, yaml and zmq (3 files each).\nFound 3"), tied);
    }

    @Test
    void whereANameIsDefinedListsItsClassesFunctionsAndConstantsOfExactlyThatName() {
        HybridAnswer money = answerer.answer(index, "where is Money defined?");
        assertEquals(new Intent.Definitions("Money"), money.intent());
        assertEquals("Found 1 definition of Money:\n- shop/models.py:18: class Money\n", money.text());
        // a method: the name pattern also finds ship_*-like names; only ship itself is kept
        HybridAnswer ship = answerer.answer(index, "where's ship defined");
        assertEquals(List.of("shop/net/client.py:17:ShippingClient.ship"), keys(ship, true, true));
        // a constant, asked in lower case
        HybridAnswer agent = answerer.answer(index, "which file defines user_agent");
        assertEquals("Found 1 definition of user_agent:\n- shop/net/client.py:5: USER_AGENT = \"shop/0.3 (import requests "
                + "is not what we do here)\"\n", agent.text());
        // a dotted name is the qualified name's end
        assertEquals(List.of("shop/models.py:24:Money.__add__"),
                keys(answerer.answer(index, "where is Money.__add__ defined"), true, true));
        // a name only imported here is defined nowhere here
        assertEquals("No definitions of Session found.", answerer.answer(index, "where's the Session class").text());
    }

    @Test
    void everyClassOrFunctionOfAFileOrTheRepository() {
        HybridAnswer cli = answerer.answer(index, "what functions are in shop/cli.py?");
        assertEquals(new Intent.FunctionsByName(Intent.ALL), cli.intent());
        assertTrue(cli.text().startsWith("Found 3 functions:\n- build_parser (shop/cli.py:17)\n"), cli.text());
        HybridAnswer all = answerer.answer(index, "list all classes");
        assertEquals(new Intent.ClassesByName(Intent.ALL), all.intent());
        assertTrue(all.text().startsWith("Found " + all.items().size() + " classes:\n"), all.text());
        // every class the listings by kind find is among them
        HybridAnswer dataclasses = answerer.answer(index, "Show me all dataclasses");
        assertTrue(keys(all, true, true).containsAll(keys(dataclasses, true, true)));
        assertTrue(all.items().size() > dataclasses.items().size());
    }

    @Test
    void toolCallsAreRecorded() {
        HybridAnswer a = answerer.answer(index, "What files import the requests library?");
        ExecutedCall call = a.calls().getFirst();
        assertEquals("find_imports", call.name());
        assertEquals("{\"module\":\"requests\"}", call.arguments());
        assertEquals(8, call.resultSize()); // eight import statements in six files
        assertFalse(call.failed());
        assertTrue(call.millis() >= 0);
        HybridAnswer b = answerer.answer(index, "Show me all dataclasses");
        assertEquals("{\"decorator\":\"dataclass\"}", b.calls().getFirst().arguments());
    }

    @Test
    void formattedAnswers() {
        HybridAnswer a = answerer.answer(index, "What files import the requests library?");
        assertEquals("""
                Found 6 files that import requests:
                - shop/cli.py:8 (from requests import Session)
                - shop/integrations/webhooks.py:4 (import requests)
                - shop/net/http.py:4 (import requests)
                - shop/payments/gateway.py:18 (import requests)
                - shop/payments/wallet.py:3 (import requests as http)
                - tests/test_http.py:1 (import requests.exceptions)
                """, a.text());
        HybridAnswer b = answerer.answer(index, "Which classes extend BaseModel?");
        assertEquals("Found 1 class that subclasses BaseModel:\n- OrderIn (shop/validation.py:14)\n", b.text());
        HybridAnswer c = answerer.answer(index, "any FIXME comments?");
        assertEquals("Found 1 FIXME comment:\n- shop/reports.py:34: # FIXME/TODO: both tags, TODO counts\n", c.text());
        // two tags named: both are searched for, and a comment holding both is one item
        HybridAnswer both = answerer.answer(index, "any FIXMEs or TODOs left in the code?");
        assertEquals(new Intent.Comments(List.of("FIXME", "TODO")), both.intent());
        assertEquals(2, both.calls().size());
        assertEquals(sorted(ShopExpectations.TODO_COMMENTS), keys(both, false, true)); // the FIXME line holds a TODO too
        assertTrue(both.text().startsWith("Found " + ShopExpectations.TODO_COMMENTS.size() + " FIXME or TODO comments:\n"),
                both.text());
        HybridAnswer d = answerer.answer(index, "Which classes inherit from NoSuchBase?");
        assertTrue(d.handled());
        assertEquals("No classes that subclass NoSuchBase found.", d.text());
        assertTrue(answerer.answer(index, "Find all async functions in this codebase").text()
                .startsWith("Found 21 async functions:\n- ShippingClient.ship (shop/net/client.py:17)\n"));
    }

    @Test
    void unknownQuestionsNeedTheAgentLoop() {
        HybridAnswer a = answerer.answer(index, "How does the payment gateway retry failed charges?");
        assertFalse(a.handled());
        assertEquals(Intent.Kind.UNKNOWN, a.intent().kind());
        assertTrue(a.calls().isEmpty());
        assertTrue(a.items().isEmpty());
        assertTrue(a.text().contains("full agent loop"), a.text());
    }

    /** The question, the one tool it calls and the call's arguments. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            Which classes inherit from Exception, directly or indirectly? | find_classes   | {"base":"Exception","indirect":true}
            classes decorated with @runtime_checkable                     | find_classes   | {"decorator":"runtime_checkable"}
            which classes define __repr__?                                | find_classes   | {"method":"__repr__"}
            custom exceptions?                                            | find_classes   | {"exception":true}
            methods of Order                                              | find_functions | {"class_name":"Order"}
            functions with a timeout parameter                            | find_functions | {"parameter":"timeout"}
            which functions return bool?                                  | find_functions | {"returns":"bool"}
            @staticmethod functions                                       | find_functions | {"decorator":"staticmethod"}
            functions starting with test_                                 | find_functions | {"name_pattern":"test_*"}
            list the properties                                           | find_functions | {"decorator":"property"}
            where is ValueError raised?                                   | find_raises    | {"exception":"ValueError"}
            what's in __all__?                                            | find_exports   | {}
            module constants please                                       | find_constants | {}
            who calls charge()?                                           | find_callers   | {"function":"charge"}
            TODOs in shop/payments                                        | find_comments  | {"path":"shop/payments","tag":"TODO"}
            """)
    void structuralKindsMakeOnePreciseCallEach(String question, String tool, String arguments) {
        HybridAnswer a = answerer.answer(index, question);
        assertTrue(a.handled(), question + " -> " + a.intent());
        assertEquals(1, a.calls().size(), question);
        assertEquals(tool, a.calls().getFirst().name(), question);
        assertEquals(arguments, a.calls().getFirst().arguments(), question);
    }

    @Test
    void contextManagersAreSearchedAsClassesAndFunctions() {
        HybridAnswer cm = answerer.answer(index, "context managers?");
        assertEquals(List.of("find_classes", "find_functions"), cm.calls().stream().map(ExecutedCall::name).toList());
    }

    @Test
    void structuralAnswersListQualifiedNamesWithFileAndLine() {
        HybridAnswer raises = answerer.answer(index, "where is ValueError raised?");
        assertEquals("""
                Found 2 places that raise ValueError:
                - Money.__add__ (shop/models.py:26)
                - OrderIn.not_empty (shop/validation.py:21)
                """, raises.text());
        assertEquals(List.of("shop/models.py:26:Money.__add__", "shop/validation.py:21:OrderIn.not_empty"),
                AnswerItems.parse(raises.text()).stream().map(f -> f.file() + ":" + f.line() + ":" + f.name()).toList());
        HybridAnswer exports = answerer.answer(index, "what do we export?");
        assertEquals("Found 3 names exported in __all__:\n- Money (shop/__init__.py:6)\n- Order (shop/__init__.py:6)\n"
                + "- Product (shop/__init__.py:6)\n", exports.text());
    }

    @Test
    void anUncertainReadingIsStatedInTheAnswer() {
        HybridAnswer a = answerer.answer(index, "which clases subclass Protocl");
        assertTrue(a.handled());
        assertEquals(12, a.items().size());
        // the words read as others are named too
        assertTrue(a.text().startsWith("Reading the question as: classes that subclass Protocol. Read 'clases' as 'classes'. "
                + "Read 'Protocl' as 'protocol'.\nFound 12 classes"), a.text());
        HybridAnswer sure = answerer.answer(index, "Which classes subclass Protocol?");
        assertTrue(sure.text().startsWith("Found 12 classes"), sure.text());
    }

    @Test
    void aNameTakenFromTheQuestionsContextIsStatedInTheAnswer() {
        HybridAnswer a = answerer.answer(index, "I'm changing the signature of charge, who calls it?");
        assertTrue(a.handled(), a.text());
        assertEquals(List.of("find_callers"), a.calls().stream().map(ExecutedCall::name).toList());
        assertTrue(a.text().startsWith("Reading the question as: calls of charge(). Read 'it' as 'charge'.\n"), a.text());
        // a narrowing no search applies is named in the answer, not silently dropped
        HybridAnswer narrowed = answerer.answer(index, "Show me every place that raises ValueError, except in tests.");
        assertEquals(new Intent.Raises("ValueError"), narrowed.intent());
        assertTrue(narrowed.text().startsWith("Reading the question as: places that raise ValueError. Not applied: "
                + "'except in tests'.\n"), narrowed.text());
        HybridAnswer plain = answerer.answer(index, "who calls charge()?");
        assertFalse(plain.text().startsWith("Reading the question as"), plain.text());
    }

    @Test
    void aFolderTheRepositoryDoesNotHaveIsSearchedAsTheWholeRepository() {
        HybridAnswer all = answerer.answer(index, "Find all async functions in this codebase");
        HybridAnswer a = answerer.answer(index, "async defs under src/api");
        assertTrue(a.handled(), a.text());
        assertEquals(keys(all, true, true), keys(a, true, true));
        assertFalse(a.items().isEmpty());
        assertTrue(a.text().startsWith("No folder src/api here; searched the whole repository.\n"), a.text());
        assertEquals("{\"async_only\":true}", a.calls().getFirst().arguments());
        HybridAnswer file = answerer.answer(index, "TODO comments in shop/nowhere.py");
        assertTrue(file.text().startsWith("No file shop/nowhere.py here; searched the whole repository.\n"), file.text());
        // a folder it has still scopes the search, with no note
        HybridAnswer scoped = answerer.answer(index, "async defs under shop/net");
        assertTrue(scoped.handled(), scoped.text());
        assertTrue(scoped.items().size() < all.items().size(), scoped.text());
        assertTrue(scoped.items().stream().allMatch(f -> f.file().startsWith("shop/net/")), scoped.text());
        assertFalse(scoped.text().contains("searched the whole repository"), scoped.text());
    }

    @Test
    void aPlaceNamedWithoutAPathIsLookedForAnywhere() {
        HybridAnswer pkg = answerer.answer(index, "TODO comments in the payments package");
        assertEquals("shop/payments", pkg.scope());
        assertEquals("{\"path\":\"shop/payments\",\"tag\":\"TODO\"}", pkg.calls().getFirst().arguments());
        assertFalse(pkg.items().isEmpty());
        assertTrue(pkg.items().stream().allMatch(f -> f.file().startsWith("shop/payments/")), pkg.text());
        HybridAnswer module = answerer.answer(index, "which classes in the models module are dataclasses");
        assertEquals("shop/models.py", module.scope());
        assertTrue(module.items().stream().allMatch(f -> f.file().equals("shop/models.py")), module.text());
        assertEquals("shop/models.py", answerer.answer(index, "TODO comments in models.py").scope());
        assertEquals("shop/net", answerer.answer(index, "classes in the shop.net package").scope());
        // a dotted module name after "in" is a place, written as code or not, with no scope noun
        assertEquals("shop/net", answerer.answer(index, "classes in `shop.net`").scope());
        HybridAnswer dotted = answerer.answer(index, "which classes in shop.models are dataclasses?");
        assertEquals("shop/models.py", dotted.scope());
        assertEquals(new Intent.Dataclasses(), dotted.intent());
        assertTrue(answerer.answer(index, "async defs in shop.nowhere").text()
                .startsWith("No module, package or folder named shop.nowhere here; searched the whole repository.\n"));
        assertEquals("shop/pricing.py", answerer.answer(index, "list all classes in the pricing module").scope());
        // a name that is nowhere, or in several places: the whole repository, and the answer says why
        HybridAnswer nowhere = answerer.answer(index, "async defs in the billing package");
        assertNull(nowhere.scope());
        assertTrue(nowhere.text().startsWith("No module, package or folder named billing here; searched the whole "
                + "repository.\n"), nowhere.text());
        HybridAnswer several = answerer.answer(index, "TODO comments in __init__.py");
        assertNull(several.scope());
        assertTrue(several.text().startsWith("__init__.py names 4 places here (shop/__init__.py, shop/net/__init__.py, "),
                several.text());
        // a word before "module" that is no place: "the requests module" is what is imported
        HybridAnswer imports = answerer.answer(index, "which files import the requests module?");
        assertNull(imports.scope());
        assertEquals(new Intent.Imports("requests"), imports.intent());
    }

    @Test
    void aFolderWrittenWithATrailingSlashScopesTheSearch() {
        HybridAnswer all = answerer.answer(index, "List TODO comments");
        for (String q : List.of("TODO comments under tests/", "TODO comments under tests/?", "which TODOs are in tests/ ?")) {
            HybridAnswer a = answerer.answer(index, q);
            assertEquals("{\"path\":\"tests\",\"tag\":\"TODO\"}", a.calls().getFirst().arguments(), q);
            assertFalse(a.items().isEmpty(), q);
            assertTrue(a.items().size() < all.items().size(), a.text());
            assertTrue(a.items().stream().allMatch(f -> f.file().startsWith("tests/")), a.text());
        }
        HybridAnswer nested = answerer.answer(index, "async functions in shop/net/");
        assertTrue(nested.items().stream().allMatch(f -> f.file().startsWith("shop/net/")), nested.text());
        assertEquals(6, nested.items().size(), nested.text());
    }

    @Test
    void answersFromAPathToo() {
        HybridAnswer a = answerer.answer(SampleRepo.shop(), "list protocol classes");
        assertEquals(12, a.items().size());
    }
}
