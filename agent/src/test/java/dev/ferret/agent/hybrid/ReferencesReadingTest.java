package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ferret.agent.python.PythonIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
            Show me every place that references the ConjunctiveGraph class. | ConjunctiveGraph
            Where does the code use re.IGNORECASE?                | re.IGNORECASE
            who refs DefaultImpl                                  | DefaultImpl
            Where is the Symbol class used?                       | Symbol
            who uses Symbol                                       | Symbol
            Which functions reference the _MAX_INT constant?      | _MAX_INT
            Which helpers rely on the module-level _registry_lock variable? | _registry_lock
            Where is the retry_count attribute of a job read or assigned? | retry_count
            who reads or sets maxRetries                          | maxRetries
            Which functions read or assign the verbose_mode attribute? | verbose_mode
            Where is the undo_list attribute of History read or modified? | undo_list
            where is the TIMEOUT constant from settings used?     | TIMEOUT
            Where is the module-level registry object from step_registry referenced? | registry
            Where is the module-level symbol_table of the type hinting evaluator used? | symbol_table
            isolated_build_env - which files touch that attr      | isolated_build_env
            sys.version_info mentions pls, checking the py version gates | sys.version_info
            Show me every place that catches or raises InvocationError. | InvocationError
            where is ConfigError raised or caught                 | ConfigError
            which funcs depend on WITHIN_PROVISON... i mean WITHIN_PROVISION | WITHIN_PROVISION
            Find all references to the module-level variable string_types. | string_types
            find all references to the variable string_types      | string_types
            timeout_secs attr - where is it read, need it for a review | timeout_secs
            HandlerBase class: who uses it?                       | HandlerBase
            any code relyin on _schema_cache?                     | _schema_cache
            sys.stdout usages                                     | sys.stdout
            Who references the Transport base class?              | Transport
            List all references to the TokenStore class.          | TokenStore
            find all references to LRUCache                       | LRUCache
            PY3 usages                                            | PY3
            anything mentioning Variable in the code?             | Variable
            who touchs pending_writes                             | pending_writes
            refs to the caches dict                               | caches
            Where is the module-level _word_re regular expression used? | _word_re
            Transport base class, where is it refernced           | Transport
            OP_PING const referenced where?                       | OP_PING
            Where is the class PricingRule used across the shop package? | PricingRule
            pricing.DEFAULT_RULES - all the spots its read?       | DEFAULT_RULES
            every place where the instance attribute retry_count is assigned or read | retry_count
            who messes with sys.path in the tests                 | sys.path
            usages of `TOC` pls, planning a split                 | TOC
            every occurrence of the constant MAX_ITEMS from shop/cart.py | MAX_ITEMS
            shop.pricing.DEFAULT_RULES refs?                      | DEFAULT_RULES
            self._cache, every place plz                          | _cache
            every place re.UNICODE shows up?                      | re.UNICODE
            a list of the lines where os.SEEK_END appears         | os.SEEK_END
            List all occurrences of retryTimerCall, both where it is set and where it is checked. | retryTimerCall
            sys.version_info checks - where r they                | sys.version_info
            every place where the constant usmNoAuthProtocol appears outside its definition | usmNoAuthProtocol
            grep for NoSuchItemError uses incl the except clauses | NoSuchItemError
            socket.has_ipv6 - who checks it                       | socket.has_ipv6
            PYPY flag - where does it get checked                 | PYPY
            shop.PaymentKind usages? the card vs cash enum        | PaymentKind
            In which files is keyword.kwlist consulted?           | keyword.kwlist
            grep os.environ across the lib, want to see every env var lookup | os.environ
            before i refactor the Authenticator class in auth/base - where else does it get used | Authenticator
            attrsettr.AttributeSetter - every occurence outside its own file pls | AttributeSetter
            In which places does the code use the ETERM error constant? | ETERM
            Which modules make use of the module-level logger gen_log? | gen_log
            self.zap_socket accesses, all of them                 | zap_socket
            """)
    void usesOfANameThatIsNoFunctionOrModule(String question, String name) {
        assertEquals(new Intent.References(name), classifier.analyze(question).intent(), question);
    }

    @Test
    void aFileSaidWithTheNameIsItsHomeNotTheScope() {
        Classification home = classifier.analyze("every occurrence of the constant MAX_ITEMS from shop/cart.py");
        assertEquals(new Intent.References("MAX_ITEMS"), home.intent());
        assertEquals(null, home.path(), "where MAX_ITEMS is defined, not where to search");
        assertEquals(null, classifier.analyze("who uses PricingRule (shop/pricing.py)? need all refs").path());
        assertEquals("shop/cart.py", classifier.analyze("where is MAX_ITEMS used in shop/cart.py").path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            where is get_adapter used                             | Callers[function=get_adapter]
            who uses the logging module                           | Imports[module=logging]
            where is Session defined                              | Definitions[name=Session]
            which classes use Protocol                            | Subclasses[base=Protocol, indirect=false]
            make_fields_unique usages pls, refactoring TableHandler | Callers[function=make_fields_unique]
            find all references to parse_config                   | Callers[function=parse_config]
            Show me the callers of the flush method on Buffer.    | Callers[function=flush]
            which files pull in os (for the env var check)        | Imports[module=os]
            HandlerBase class - where is it defined               | Definitions[name=HandlerBase]
            classes w a commit method                             | ClassesWithMethod[method=commit]
            Show me all usages of the unchroot method.            | Callers[function=unchroot]
            find all references to the parse_config function      | Callers[function=parse_config]
            files using defusedxml.ElementTree                    | Imports[module=defusedxml.ElementTree]
            WebSocketProtocol.sendCloseFrame, which methods end up calling it | Callers[function=sendCloseFrame]
            the SecurityModuleMemory class, which fiel is it in   | Definitions[name=SecurityModuleMemory]
            DEFAULT_USER_AGENT - which file sets it               | Definitions[name=DEFAULT_USER_AGENT]
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
            explain RE_BINARY_DIFF regex pls, cant read it
            does encode mutate the payload dict
            template blows up on a missing var, how do i make it default to None
            what's the actual value of snmpEngineID when the engine starts on my machine
            """)
    void notAListing(String question) {
        assertNotEquals(Intent.Kind.REFERENCES, classifier.analyze(question).intent().kind(), question);
    }

    /** With the repository: names it writes in other letters' case, and variables first read as modules or functions. */
    @Test
    void withTheRepository(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("errors.py"), "class ConfigurationError(Exception):\n    pass\n");
        Files.writeString(repo.resolve("pools.py"), """
                from errors import ConfigurationError
                use_global_limit = True
                _pattern_cache = {}
                FACET_BUILDERS = {}

                def limit():
                    if use_global_limit:
                        raise ConfigurationError(_pattern_cache)
                """);
        Files.writeString(repo.resolve("multidict.py"), "class MultiDict(dict):\n    pass\n\nclass SPARQLError(Exception):\n    pass\n");
        Files.writeString(repo.resolve("views.py"), """
                from multidict import MultiDict, SPARQLError

                def view(q):
                    if not q:
                        raise SPARQLError("empty")
                    return MultiDict(q=q)
                """);
        PythonIndex index = new PythonIndex(repo);
        HybridAnswerer answerer = new HybridAnswerer();
        assertEquals(new Intent.References("ConfigurationError"), answerer.answer(index, "configurationerror usages").intent());
        assertEquals(new Intent.References("use_global_limit"), answerer.answer(index, "who relies on use_global_limit?").intent());
        assertEquals(new Intent.References("_pattern_cache"), answerer.answer(index, "_pattern_cache usages pls").intent());
        assertEquals(new Intent.Callers("limit"), answerer.answer(index, "usages of limit()").intent(), "a function's uses are its calls");
        HybridAnswer constant = answerer.answer(index, "facet_builders usages");
        assertEquals(new Intent.References("FACET_BUILDERS"), constant.intent(), "the constant written in capitals here");
        assertTrue(constant.text().contains("Read 'facet_builders' as 'FACET_BUILDERS'"), constant.text());
        assertEquals(new Intent.References("MultiDict"), answerer.answer(index, "Which files use MultiDict?").intent(),
                "the class written so, not the module multidict");
        assertEquals(new Intent.References("SPARQLError"),
                answerer.answer(index, "Find all references to SPARQLError across the project.").intent(),
                "a class, though raising it is a call");
        Files.writeString(repo.resolve("tz.py"), """
                class ResultCode:
                    pass

                UTC = object()
                key2attr = {"a": 1}
                Nobody = "nobody"
                sqlhub = ResultCode()

                def when(d=UTC):
                    return key2attr, Nobody, sqlhub, ResultCode
                """);
        index = new PythonIndex(repo);
        // names the reader cannot tell from an abbreviation or a word, which the repository defines as data or a class
        assertEquals(new Intent.References("UTC"), answerer.answer(index, "where do we use UTC, quick q").intent());
        assertEquals(new Intent.References("key2attr"), answerer.answer(index, "key2attr refs pls").intent());
        assertEquals(new Intent.References("Nobody"), answerer.answer(index, "files that mention Nobody").intent());
        assertEquals(new Intent.References("sqlhub"), answerer.answer(index, "Which functions touch sqlhub?").intent());
        assertEquals(new Intent.References("ResultCode"), answerer.answer(index, "result code class - where is it used").intent(),
                "a class said in words, then pointed back to");
        assertEquals(new Intent.References("ConfigurationError"), answerer.answer(index, "configurationerror referenced where??").intent());
        HybridAnswer a = answerer.answer(index, "Where is the ConfigurationError class used?");
        assertEquals(2, a.items().size(), a.text()); // the import and the raise; the class statement is no use
    }
}
