package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a name is used (References), and the questions next to it that ask for something else. */
class ReferencesReadingTest {
    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Where is the Session class used?                      | Session
            Who uses CaseInsensitiveDict?                         | CaseInsensitiveDict
            Which files reference PreparedRequest?                | PreparedRequest
            who references Session                                | Session
            Session usages                                        | Session
            where is DEFAULT_TIMEOUT used                         | DEFAULT_TIMEOUT
            Which functions use DEFAULT_REDIRECT_LIMIT?           | DEFAULT_REDIRECT_LIMIT
            Which files use os.environ?                           | os.environ
            who reads sys.argv                                    | sys.argv
            List all usages of the failover_strategies dictionary | failover_strategies
            Where is the Locale class used across the codebase?   | Locale
            """)
    void usesOfANameThatIsNoFunctionOrModule(String question, String name) {
        assertEquals(new Intent.References(name), classifier.analyze(question).intent(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            where is get_adapter used                             | Callers[function=get_adapter]
            who uses the logging module                           | Imports[module=logging]
            where is Session defined                              | Definitions[name=Session]
            which classes use Protocol                            | Subclasses[base=Protocol, indirect=false]
            make_fields_unique usages pls, refactoring TableHandler | Callers[function=make_fields_unique]
            """)
    void nearMissesKeepTheirReading(String question, String reading) {
        assertEquals(reading, classifier.analyze(question).intent().toString(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            memory usage of TTLCache with a million entries
            is the LdifProducerStrategy ever used in practice?
            why is Session used here
            Rename Session and update all usages
            """)
    void notAListing(String question) {
        assertNotEquals(Intent.Kind.REFERENCES, classifier.analyze(question).intent().kind(), question);
    }
}
