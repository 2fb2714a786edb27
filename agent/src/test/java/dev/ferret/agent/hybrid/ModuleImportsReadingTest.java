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
            """)
    void whatAPlaceImports(String question, String place) {
        assertEquals(new Intent.ModuleImports(place), classifier.analyze(question).intent(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            which files import billing                            | Imports[module=billing]
            what does billing.py import from decimal              | Imports[module=decimal]
            who imports requests                                  | Imports[module=requests]
            """)
    void theFilesThatImportAModuleStayImports(String question, String reading) {
        assertEquals(reading, classifier.analyze(question).intent().toString(), question);
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
    }
}
