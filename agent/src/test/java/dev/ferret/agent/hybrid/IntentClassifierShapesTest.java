package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The general failure patterns of the classifier (issue 16, after the blind phrasing set): an ordinary English word
 * never becomes the parameter, questions that ask for advice, a comparison or a judgement are not searches, wording
 * for the whole subclass tree means indirect, a pronoun with two possible antecedents is not guessed, and common
 * synonyms of the cue words are read. The examples are written for this test, not taken from a phrasing file.
 */
class IntentClassifierShapesTest {
    private final IntentClassifier classifier = new IntentClassifier();

    /** Expected kind, then the parameter ({@code -} for none); {@code ~} before the parameter: indirect subclasses. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # English words next to a cue are skipped, the name after them is taken
            are there classes anywhere that use Mapping as their base          | SUBCLASSES             | Mapping
            classes built somewhere on top of Widget                           | SUBCLASSES             | Widget
            functions with names like fetch_*                                  | FUNCTIONS_BY_NAME      | fetch_*
            # module, parameter, method and class names in a few more shapes
            list the async generator functions                                 | GENERATORS             | -
            async functions in the client class                                | ASYNC_FUNCTIONS        | -
            gimme all classes deriving from Tree directly or indirectly         | SUBCLASSES             | ~Tree
            everything deriving from Exception directly or not                 | SUBCLASSES             | ~Exception
            PollZMQTestCase subclasses incl grandchildren                      | SUBCLASSES             | ~PollZMQTestCase
            methods on _Outputter                                              | METHODS_OF_CLASS       | _Outputter
            Stopwatch api?                                                     | METHODS_OF_CLASS       | Stopwatch
            Frame class definition?                                            | DEFINITIONS            | Frame
            Show me the code that catches keyboard interrupts.                 | CATCHES                | KeyboardInterrupt
            timeout error raises                                               | RAISES                 | TimeoutError
            who accepts a raises kwarg                                         | FUNCTIONS_WITH_PARAMETER | raises
            List every attrs class, meaning the ones using attr.s.             | CLASSES_BY_DECORATOR   | attr.s
            Show the classes whose names start with Compare.                   | CLASSES_BY_NAME        | Compare*
            compare the two dataclasses                                        | UNKNOWN                | -
            funcs returning Value                                              | FUNCTIONS_RETURNING    | Value
            functions whose return value is used                               | UNKNOWN                | -
            const_factory def?                                                 | DEFINITIONS            | const_factory
            subclases of the groupby base _GroupBy?                            | SUBCLASSES             | _GroupBy
            stuff wrapped in functools.lru_cache                               | FUNCTIONS_BY_DECORATOR | functools.lru_cache
            find the AssertionRewritingHook class                              | DEFINITIONS            | AssertionRewritingHook
            open the parse_args function                                       | DEFINITIONS            | parse_args
            where's cached_property used as a decorator                        | FUNCTIONS_BY_DECORATOR | cached_property
            Which methods are decorated as a cached property?                  | FUNCTIONS_BY_DECORATOR | cached_property
            Enumerate the properties, including cached properties.             | PROPERTIES             | -
            NoReturn functions                                                 | FUNCTIONS_RETURNING    | NoReturn
            attr.s classes                                                     | CLASSES_BY_DECORATOR   | attr.s
            which classes does attr s decorate                                 | CLASSES_BY_DECORATOR   | attr.s
            any classes decorated with attrs                                   | CLASSES_BY_DECORATOR   | attrs
            who imports attrs                                                  | IMPORTS                | attrs
            notes people left in comments                                      | COMMENTS               | NOTE
            which of our classes extend traitlets Configurable?                | SUBCLASSES             | Configurable
            Which functions take a using parameter?                            | FUNCTIONS_WITH_PARAMETER | using
            functions taking a single parameter                                | UNKNOWN                | -
            feed exporter methods                                              | UNKNOWN                | -
            Which file defines the CONCURRENT_REQUESTS constant?               | DEFINITIONS            | CONCURRENT_REQUESTS
            Find every UPPER_CASE constant.                                    | CONSTANTS              | -
            anything that subclasses the builtin dict?                         | SUBCLASSES             | dict
            dict subclasses transitively pls                                   | SUBCLASSES             | ~dict
            full type hierarchy of Shape                                       | SUBCLASSES             | ~Shape
            find the status enum definition                                    | UNKNOWN                | -
            gen_test decorated tests                                           | FUNCTIONS_BY_DECORATOR | gen_test
            who accepts asynchronous=                                          | FUNCTIONS_WITH_PARAMETER | asynchronous
            Which third-party libraries does docutils import?                  | THIRD_PARTY            | -
            which files depend on requests                                     | IMPORTS                | requests
            which class has provider on top of it                              | CLASSES_BY_DECORATOR   | provider
            do we put pytest.mark.xfail on any whole class                     | CLASSES_BY_DECORATOR   | pytest.mark.xfail
            Where is the pluggy module imported?                               | IMPORTS                | pluggy
            finding every call to fullyQualifiedName before i touch it         | CALLERS                | fullyQualifiedName
            where is max_bytes a param                                         | FUNCTIONS_WITH_PARAMETER | max_bytes
            List all functions with a parameter named a.                       | FUNCTIONS_WITH_PARAMETER | a
            persist_file implementations                                       | CLASSES_WITH_METHOD    | persist_file
            make_connection defined on which classes?                          | CLASSES_WITH_METHOD    | make_connection
            gimme the api of Lock                                              | METHODS_OF_CLASS       | Lock
            TerminalInteractiveShell api, all methods                          | METHODS_OF_CLASS       | TerminalInteractiveShell
            whats on TypeInfo                                                  | METHODS_OF_CLASS       | TypeInfo
            whats on Monday                                                    | UNKNOWN                | -
            the requests api                                                   | UNKNOWN                | -
            how do i run it, main entrypoints                                  | ENTRY_POINTS           | -
            how does the entry point work                                      | UNKNOWN                | -
            all subclasses of ProtocolError incl nested ones                   | SUBCLASSES             | ~ProtocolError
            anything decorated add_metaclass?                                  | CLASSES_BY_DECORATOR   | add_metaclass
            # a keyword or an open beginning as a part of a name
            List the classes whose names start with Async.                     | CLASSES_BY_NAME        | Async*
            classes starting with Async                                        | CLASSES_BY_NAME        | Async*
            every function definition that starts with the async keyword       | ASYNC_FUNCTIONS        | -
            Show every function whose definition begins with async def.        | ASYNC_FUNCTIONS        | -
            which file contains the most coroutines?                           | ASYNC_FUNCTIONS        | -
            is_ something predicates                                           | FUNCTIONS_BY_NAME      | is_*
            List all the irc_ handler methods.                                 | FUNCTIONS_BY_NAME      | irc_*
            where is the json module imported                                  | IMPORTS                | json
            in which files does the socket package get imported                | IMPORTS                | socket
            show me import sites for yaml                                      | IMPORTS                | yaml
            I saw TimeoutError in a stack trace, where is it raised            | RAISES                 | TimeoutError
            who is pulling the strings in the scheduler                        | UNKNOWN                | -
            # questions that ask for advice, a comparison or a judgement
            When would I reach for asyncio.Queue over a plain list?            | UNKNOWN                | -
            What does the @functools.wraps decorator copy over?                | UNKNOWN                | -
            namedtuple versus dataclass for small records?                     | UNKNOWN                | -
            Protocol or ABC - which one is preferable here                     | UNKNOWN                | -
            are our async handlers efficient                                   | UNKNOWN                | -
            should the config loader be async                                  | UNKNOWN                | -
            Where do the comments mention FIXME?                               | COMMENTS               | FIXME
            are there bugs in the retry logic                                  | UNKNOWN                | -
            do our coroutines ever stall?                                      | UNKNOWN                | -
            which is slower, the dataclass or the namedtuple version           | UNKNOWN                | -
            what happens if a Protocol method is missing                       | UNKNOWN                | -
            What is functools.partial?                                         | UNKNOWN                | -
            what's the Protocol for releasing a version                        | UNKNOWN                | -
            who introduced the async helpers?                                  | UNKNOWN                | -
            which Python version do Protocols need                             | UNKNOWN                | -
            do dataclasses allow slots                                         | UNKNOWN                | -
            the imports are tangled, any suggestions?                          | UNKNOWN                | -
            what's the public API of this package?                             | EXPORTS                | -
            what is the number of async functions                              | ASYNC_FUNCTIONS        | -
            # a parameter that is an adjective, a participle or part of a noun phrase is not a name
            which classes extend something from the stdlib                     | UNKNOWN                | -
            functions that take the usual arguments                            | UNKNOWN                | -
            who calls into the storage layer                                   | UNKNOWN                | -
            which decorators are used the most                                 | UNKNOWN                | -
            any classes deriving from list?                                    | SUBCLASSES             | list
            # words that judge or ask for motives are still names where a name is expected
            functions taking a reason argument                                 | FUNCTIONS_WITH_PARAMETER | reason
            what calls lower                                                   | CALLERS                | lower
            helpers that carry the contextmanager decorator                    | FUNCTIONS_BY_DECORATOR | contextmanager
            where is staticmethod used as a decorator                          | FUNCTIONS_BY_DECORATOR | staticmethod
            the falcon.before hook as a decorator, where                       | FUNCTIONS_BY_DECORATOR | falcon.before
            functions registered through normalize_token.register              | FUNCTIONS_BY_DECORATOR | normalize_token.register
            which functions are registered with specialize_function?           | FUNCTIONS_BY_DECORATOR | specialize_function
            sizeof.register implementations                                    | FUNCTIONS_BY_DECORATOR | sizeof.register
            every register.tag function                                        | FUNCTIONS_BY_DECORATOR | register.tag
            who calls sizeof.register                                          | CALLERS                | sizeof.register
            which handlers are registered in the app?                          | UNKNOWN                | -
            is there a reason the parser raises KeyError                       | UNKNOWN                | -
            # the whole subclass tree
            every descendant class of Plugin, grandchildren too                | SUBCLASSES             | ~Plugin
            subclasses of Node and their subclasses, recursively               | SUBCLASSES             | ~Node
            subclasses of Node, not just the direct ones                       | SUBCLASSES             | ~Node
            the full class tree below Transport                                | SUBCLASSES             | ~Transport
            classes inheriting from Shape at any depth                         | SUBCLASSES             | ~Shape
            direct subclasses of Shape                                         | SUBCLASSES             | Shape
            # pronouns and competing readings
            we are replacing urllib3 with httpx; who imports it now?           | IMPORTS                | urllib3
            we use urllib3 and httpx; who imports it?                          | UNKNOWN                | -
            we rely on yaml; which files import it?                            | IMPORTS                | yaml
            who imports sqlalchemy.orm or anything else from sqlalchemy        | IMPORTS                | sqlalchemy
            # synonyms
            usages of build_request                                            | CALLERS                | build_request
            find usages of json                                                | IMPORTS                | json
            which functions receive a session parameter                        | FUNCTIONS_WITH_PARAMETER | session
            the public symbols of the package                                  | EXPORTS                | -
            where is render() being used                                       | CALLERS                | render
            is numpy a dependency of this project                              | IMPORTS                | numpy
            which parts of the code talk to boto3                              | IMPORTS                | boto3
            which defs return Optional[int]                                    | FUNCTIONS_RETURNING    | Optional[int]
            functions that claim to return Any                                 | FUNCTIONS_RETURNING    | Any
            list the module-level ALL_CAPS names                               | CONSTANTS              | -
            what global variables are there                                    | CONSTANTS              | -
            staticmethods please                                               | FUNCTIONS_BY_DECORATOR | staticmethod
            any abstractmethods in here?                                       | FUNCTIONS_BY_DECORATOR | abstractmethod
            offspring of BaseHandler                                           | SUBCLASSES             | BaseHandler
            classes w/ an __iter__                                             | CLASSES_WITH_METHOD    | __iter__
            functions that accept `timeout` as an argument                     | FUNCTIONS_WITH_PARAMETER | timeout
            what can be used in a "with" block                                 | CONTEXT_MANAGERS       | -
            classes with __aenter__/__aexit__ plus @asynccontextmanager functions | CONTEXT_MANAGERS    | -
            FIXEM comments                                                     | COMMENTS               | FIXME
            """)
    void generalShapes(String question, Intent.Kind kind, String parameter) {
        Intent intent = classifier.classify(question);
        assertEquals(kind, intent.kind(), question + " -> " + intent);
        String actual = intent instanceof Intent.Unknown || intent.argument().isEmpty() ? "-"
                : (intent instanceof Intent.Subclasses s && s.indirect() ? "~" : "") + intent.argument();
        assertEquals(parameter, actual, question + " -> " + intent);
    }

    /** Every tag a comments question names is searched for; that is no guess, so nothing is stated. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            list the XXX and HACK markers         | XXX HACK
            any FIXMEs or TODOs left in the code? | FIXME TODO
            TODO/FIXME comments under shop/       | TODO FIXME
            todo comments                         | TODO
            """)
    void everyTagNamedIsSearchedFor(String question, String tags) {
        Classification c = classifier.analyze(question);
        assertEquals(new Intent.Comments(java.util.List.of(tags.split(" "))), c.intent(), question + " -> " + c);
        assertFalse(c.uncertain(), question + " -> " + c);
    }

    /**
     * Where a name is defined, and every class or function: read when the question asks only that; a name that is
     * another relation's parameter, a kind ("Protocol definitions") or a listing ("every ... definition") is not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            where is Money defined?                                  | DEFINITIONS        | Money
            Where is the `Money` class defined                       | DEFINITIONS        | Money
            which file defines parse_args                            | DEFINITIONS        | parse_args
            in which module is Session declared?                     | DEFINITIONS        | Session
            show me the definition of load_config()                  | DEFINITIONS        | load_config
            the ShippingClient class definition                      | DEFINITIONS        | ShippingClient
            where's make_client?                                     | DEFINITIONS        | make_client
            where is the Money class                                 | DEFINITIONS        | Money
            where is DEFAULT_TIMEOUT defined in shop/                | DEFINITIONS        | DEFAULT_TIMEOUT
            where is Money.__add__ defined                           | DEFINITIONS        | Money.__add__
            go to definition Money                                   | DEFINITIONS        | Money
            goto def load_config                                     | DEFINITIONS        | load_config
            def of Order pls                                         | DEFINITIONS        | Order
            what file is Money in                                    | DEFINITIONS        | Money
            Which module defines Money?                              | DEFINITIONS        | Money
            what file defines load_config                            | DEFINITIONS        | load_config
            where do we define make_client                           | DEFINITIONS        | make_client
            ShippingClient - where does it live                      | DEFINITIONS        | ShippingClient
            wher is Money defiend                                    | DEFINITIONS        | Money
            in which source file is `Money` declared?                | DEFINITIONS        | Money
            Which functions have an argument called name?            | FUNCTIONS_WITH_PARAMETER | name
            functions with a parameter named id                      | FUNCTIONS_WITH_PARAMETER | id
            functions whose name contains name                       | FUNCTIONS_BY_NAME  | name
            where is get defined                                     | DEFINITIONS        | get
            where is the retry decorator defined                     | DEFINITIONS        | retry
            where is the ProtocolError exception defined             | DEFINITIONS        | ProtocolError
            where are functions decorated with @retry defined        | FUNCTIONS_BY_DECORATOR | retry
            which module defines Line                                | DEFINITIONS        | Line
            where are exceptions defined                             | EXCEPTION_CLASSES  | -
            where are the constants defined                          | CONSTANTS          | -
            where is it defined                                      | UNKNOWN            | -
            list every function and method in cli.py                 | FUNCTIONS_BY_NAME  | *
            list all the clases                                      | CLASSES_BY_NAME    | *
            list all methods                                         | UNKNOWN            | -
            which functions are called                               | UNKNOWN            | -
            which module defines too many things                     | UNKNOWN            | -
            which classes are used here                              | UNKNOWN            | -
            list every class defined in the utils package            | CLASSES_BY_NAME    | *
            where do we implement retries                            | UNKNOWN            | -
            there is Money defined                                   | UNKNOWN            | -
            list all classes                                         | CLASSES_BY_NAME    | *
            what classes are in shop/models.py?                      | CLASSES_BY_NAME    | *
            how many classes are there                               | CLASSES_BY_NAME    | *
            show me every function in cli.py                         | FUNCTIONS_BY_NAME  | *
            list the defs under shop/net/                            | FUNCTIONS_BY_NAME  | *
            Where are subclasses of TypedDict defined?               | SUBCLASSES         | TypedDict
            where's a function named setup defined                   | FUNCTIONS_BY_NAME  | setup
            where are dataclasses defined                            | DATACLASSES        | -
            List the Protocol definitions in this codebase.          | PROTOCOL_CLASSES   | Protocol
            Find every Protocol class definition in this repository. | PROTOCOL_CLASSES   | Protocol
            which functions are slow?                                | UNKNOWN            | -
            why is Money defined as a dataclass?                     | UNKNOWN            | -
            list all classes and functions                           | UNKNOWN            | -
            where is the retry policy configured?                    | UNKNOWN            | -
            """)
    void definitionsAndEverything(String question, Intent.Kind kind, String parameter) {
        Intent intent = classifier.classify(question);
        assertEquals(kind, intent.kind(), question + " -> " + intent);
        String actual = intent instanceof Intent.Unknown || intent.argument().isEmpty() ? "-" : intent.argument();
        assertEquals(parameter, actual, question + " -> " + intent);
    }

    /** A reading picked with a pronoun or a typo'd parameter is stated in the answer, never silent. */
    /**
     * Families of classes and functions with no parameter (enum classes, abstract classes, generators) and the typing
     * families named by a noun (named tuples, typed dicts); the base written in a subclass question stays literal, and
     * the same words in a question about one thing, a module, an annotation or a change are not these searches.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            which enum types exist in the config package                       | ENUMS                  | -
            do we have any enumerations?                                       | ENUMS                  | -
            every IntEnum in the code                                          | ENUMS                  | -
            classes that inherit from Enum                                     | ENUMS                  | -
            direct subclasses of Enum                                          | SUBCLASSES             | Enum
            classes that inherit directly from enum.Enum                       | SUBCLASSES             | enum.Enum
            what inherits from IntEnum                                         | SUBCLASSES             | IntEnum
            which modules import enum                                          | IMPORTS                | enum
            what values does the Status enum have                              | UNKNOWN                | -
            which functions return an enum                                     | FUNCTIONS_RETURNING    | enum
            abstract base classes, please                                      | ABSTRACT_CLASSES       | -
            which classes are still abstract                                   | ABSTRACT_CLASSES       | -
            classes declared with metaclass ABCMeta                            | ABSTRACT_CLASSES       | -
            show me the abstract methods                                       | FUNCTIONS_BY_DECORATOR | abstractmethod
            classes whose base is ABC                                          | SUBCLASSES             | ABC
            where do we build the abstract syntax tree                         | UNKNOWN                | -
            any generator functions in the parser?                             | GENERATORS             | -
            methods that yield from another iterator                           | GENERATORS             | -
            async generators                                                   | GENERATORS             | -
            functions annotated to return Generator                            | FUNCTIONS_RETURNING    | Generator
            are there generator expressions in the loop                        | UNKNOWN                | -
            is it worth turning read_rows into a generator                     | UNKNOWN                | -
            named tuples defined in models.py                                  | SUBCLASSES             | NamedTuple
            list the TypedDicts                                                | SUBCLASSES             | TypedDict
            typed dictionaries for the API payloads                            | SUBCLASSES             | TypedDict
            who calls namedtuple()                                             | CALLERS                | namedtuple
            files that import NamedTuple                                       | UNKNOWN                | -
            what third party packages do we need                               | THIRD_PARTY            | -
            which external libraries are imported in the api package           | THIRD_PARTY            | -
            list the dependencies                                              | THIRD_PARTY            | -
            which modules depend on yaml                                       | IMPORTS                | yaml
            any circular dependencies between the modules?                     | UNKNOWN                | -
            how do we wire the dependency injection                            | UNKNOWN                | -
            what would I need to pip install first                             | THIRD_PARTY            | -
            imports that are neither stdlib nor ours                           | THIRD_PARTY            | -
            which files are meant to be run as scripts                         | ENTRY_POINTS           | -
            where does the program kick off                                    | ENTRY_POINTS           | -
            modules with a name == main check                                  | ENTRY_POINTS           | -
            what is the entry point of the server?                             | ENTRY_POINTS           | -
            where is the main function defined                                 | DEFINITIONS            | main
            list the asynchronous entry points                                 | ASYNC_FUNCTIONS        | -
            what are the main modules and what do they do                     | UNKNOWN                | -
            my generator stops after one item, why?                            | UNKNOWN                | -
            what would we have to pip install to run the tests                 | THIRD_PARTY            | -
            what do we have to change for python 3.12                          | UNKNOWN                | -
            functions with a parameter named dependencies                      | FUNCTIONS_WITH_PARAMETER | dependencies
            where is the Depends function?                                     | DEFINITIONS            | Depends
            which pytest fixtures are there                                    | FUNCTIONS_BY_DECORATOR | pytest.fixture
            show me the fixtures in conftest.py                                | FUNCTIONS_BY_DECORATOR | fixture
            # a dotted function of a well-known module is called; a dunder attribute is no method
            find all usages of logging.getLogger                               | CALLERS                | logging.getLogger
            where is os.path used                                              | IMPORTS                | os.path
            classes that use __slots__                                         | UNKNOWN                | -
            """)
    void familiesOfClassesAndFunctions(String question, Intent.Kind kind, String parameter) {
        Intent intent = classifier.classify(question);
        assertEquals(kind, intent.kind(), question + " -> " + intent);
        String actual = intent instanceof Intent.Unknown || intent.argument().isEmpty() ? "-" : intent.argument();
        assertEquals(parameter, actual, question + " -> " + intent);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # tests: a listing of them, skipped ones; not the tests of one thing, a state, a modifier or a name pattern
            list every test function                                           | TESTS                  | -
            what unit tests do we have                                         | TESTS                  | -
            which tests are skipped                                            | SKIPPED_TESTS          | -
            any disabled tests?                                                | SKIPPED_TESTS          | -
            functions marked with pytest.mark.skip                             | SKIPPED_TESTS          | -
            what tests exist for the parser                                    | TESTS                  | -
            what tests do we have for the cli                                  | TESTS                  | -
            which tests are flaky                                              | UNKNOWN                | -
            show me the test files                                             | UNKNOWN                | -
            methods named test                                                 | FUNCTIONS_BY_NAME      | test
            is test_login skipped?                                             | UNKNOWN                | -
            # docstrings: the ones lacking them, functions unless classes come first
            which functions have no docstring                                  | UNDOCUMENTED_FUNCTIONS | -
            methods w/o docstrings                                             | UNDOCUMENTED_FUNCTIONS | -
            classes missing docstrings                                         | UNDOCUMENTED_CLASSES   | -
            which classes are undocumented                                     | UNDOCUMENTED_CLASSES   | -
            what does the docstring of parse say                               | UNKNOWN                | -
            which functions have a docstring                                   | UNKNOWN                | -
            # many parameters: a lower bound, the default when none is named; not an exact count or an upper bound
            functions with more than 5 parameters                              | MANY_PARAMETERS        | 6
            defs taking at least four args                                     | MANY_PARAMETERS        | 4
            methods with 7+ params                                             | MANY_PARAMETERS        | 7
            Are there functions with a dozen or more parameters?               | MANY_PARAMETERS        | 12
            monster signatures, 20 params or more                              | MANY_PARAMETERS        | 20
            functions with too many arguments                                  | MANY_PARAMETERS        | 6
            functions with 3 parameters                                        | UNKNOWN                | -
            functions with fewer than 3 parameters                             | UNKNOWN                | -
            which function has the most parameters                             | UNKNOWN                | -
            # except clauses: a named exception caught, bare ones; not raising, not exceptions caught in general
            where is ValueError caught                                         | CATCHES                | ValueError
            # Python's exceptions said as words, in the plural too; other plural errors are errors of a sort
            where do we swallow key errors                                     | CATCHES                | KeyError
            Where are unicode encode errors caught?                            | CATCHES                | UnicodeEncodeError
            unicode decode error handlers                                      | CATCHES                | UnicodeDecodeError
            type error raise sites                                             | RAISES                 | TypeError
            lexer error raise sites                                            | RAISES                 | LexerError
            where do we catch network errors                                   | UNKNOWN                | -
            our own exceptions, the ones the DRF exception handler maps        | EXCEPTION_CLASSES      | -
            OSError caught where?                                              | CATCHES                | OSError
            Exception caught where?                                            | CATCHES                | Exception
            who handles requests.Timeout                                       | CATCHES                | requests.Timeout
            find bare excepts                                                  | BARE_EXCEPTS           | -
            except clauses without an exception type                           | BARE_EXCEPTS           | -
            where is ValueError raised or caught                               | REFERENCES             | ValueError
            where are exceptions caught                                        | UNKNOWN                | -
            which exceptions does it declare, so I know what to catch          | EXCEPTION_CLASSES      | -
            # static and class methods; not the methods of one class
            list the static methods                                            | FUNCTIONS_BY_DECORATOR | staticmethod
            which methods are static                                           | FUNCTIONS_BY_DECORATOR | staticmethod
            all class methods                                                  | FUNCTIONS_BY_DECORATOR | classmethod
            the Router class methods                                           | METHODS_OF_CLASS       | Router
            non-static methods                                                 | UNKNOWN                | -
            # the wording phrasing-blind9's first measurement missed, as rules: "still need", "switched off", "eat",
            # an except keyword written as code, "does not specify", "long parameter lists"
            which functions still need docstrings                              | UNDOCUMENTED_FUNCTIONS | -
            functions whose body does not start with a docstring               | UNDOCUMENTED_FUNCTIONS | -
            need list of the dataclasses for docs                              | DATACLASSES            | -
            which tests are switched off                                       | SKIPPED_TESTS          | -
            tests that never run because of a skip marker                      | SKIPPED_TESTS          | -
            where do we eat ConnectionError                                    | CATCHES                | ConnectionError
            where is a `except:` with no exception type                        | BARE_EXCEPTS           | -
            except clauses that do not specify an exception                    | BARE_EXCEPTS           | -
            exceptoin classes                                                  | EXCEPTION_CLASSES      | -
            functions with a long parameter list                               | MANY_PARAMETERS        | 6
            how many params is too many for a function                         | UNKNOWN                | -
            coverage report for the tests                                      | UNKNOWN                | -
            turn this classmethod into a normal method                         | UNKNOWN                | -
            # and what phrasing-blind10's first measurement missed: a misspelt "undocumented", "cls", "not been given a
            # docstring", "inputs", "names no exception", "bar excepts"; a skip decorator without a test word
            undocumnted functions                                              | UNDOCUMENTED_FUNCTIONS | -
            which functions are documented                                     | UNKNOWN                | -
            cls missing docstrings                                             | UNDOCUMENTED_CLASSES   | -
            which methods have not been given a docstring yet                  | UNDOCUMENTED_FUNCTIONS | -
            functions that take at least 6 inputs                              | MANY_PARAMETERS        | 6
            every exception handler that names no exception                    | BARE_EXCEPTS           | -
            bar excepts anywhere                                               | BARE_EXCEPTS           | -
            all @skipIf functions                                              | FUNCTIONS_BY_DECORATOR | skipIf
            # what one thing raises is no search; an adjective is no parameter name
            what exception does load_user raise when the user isnt found       | UNKNOWN                | -
            which errors can parse throw                                       | UNKNOWN                | -
            what exceptions can this lib throw                                 | EXCEPTION_CLASSES      | -
            functions with default mutable arguments                           | UNKNOWN                | -
            # a grammar word ending the question after a naming cue is the name
            which methods start with before                                    | FUNCTIONS_BY_NAME      | before*
            Which methods are named after?                                     | FUNCTIONS_BY_NAME      | after
            what is this function named after                                  | UNKNOWN                | -
            which methods take other                                           | FUNCTIONS_WITH_PARAMETER | other
            fucntions with param other                                         | FUNCTIONS_WITH_PARAMETER | other
            which functions take a while                                       | UNKNOWN                | -
            anything calling exception                                         | CALLERS                | exception
            # a base named with a relation word is that base, not the abstract-class search (Enum, but for "direct", is the enums)
            all ABC descendants                                                | SUBCLASSES             | ABC
            classes with enum.Enum as a base class                             | ENUMS                  | -
            every Enum defined in the code base                                | ENUMS                  | -
            # builtins' calls named with a noun
            find all print statements                                          | CALLERS                | print
            show all uses of eval                                              | CALLERS                | eval
            # what a class has that is no method; what has no tests; the scripts a package installs
            what classes have a metaclass?                                     | UNKNOWN                | -
            which classes have a custom metaclass                              | UNKNOWN                | -
            which classes define fields                                        | UNKNOWN                | -
            which classes define a constructor                                 | CLASSES_WITH_METHOD    | __init__
            classes that implement close                                       | CLASSES_WITH_METHOD    | close
            which modules have no tests?                                       | UNKNOWN                | -
            packages without any tests                                         | UNKNOWN                | -
            show the console scripts                                           | ENTRY_POINTS           | -
            what command line tools does this package install?                 | ENTRY_POINTS           | -
            list console_scripts                                               | ENTRY_POINTS           | -
            # what phrasing-blind11's and 12's first measurements missed: clauses about the asker's work before or
            # after the question, a dotted module as the place, "subclasses of subclasses", "meaning ...", passive
            # "get raised", a bare `except:` written as code, an arrow in backticks, misspelt question words
            While we migrate to pydantic, which classes inherit from BaseSettings?  | SUBCLASSES      | BaseSettings
            Before I delete parse_header, could you show me every place that calls it? | CALLERS       | parse_header
            auditing the Node API - could you list its whole class tree, subclasses of subclasses too? | SUBCLASSES | Node
            which functions take a retries parameter, for the code review      | FUNCTIONS_WITH_PARAMETER | retries
            any dataclasses in the app? planning to move them to attrs         | DATACLASSES            | -
            I'm new here and would like an overview of the functions in src/jobs/ | FUNCTIONS_BY_NAME  | *
            enum classes in `payments.models`                                  | ENUMS                  | -
            generators under core.streams                                      | GENERATORS             | -
            which files pull in urllib.parse                                   | IMPORTS                | urllib.parse
            subclasses of subclasses of Widget                                 | SUBCLASSES             | Widget
            the helpers, meaning the functions decorated with @register        | FUNCTIONS_BY_DECORATOR | register
            what is the meaning of the Sentinel class                          | UNKNOWN                | -
            where does QuotaExceeded get raised                                | RAISES                 | QuotaExceeded
            any `except:` left in the cli                                      | BARE_EXCEPTS           | -
            functions declaring `-> bytes`                                     | FUNCTIONS_RETURNING    | bytes
            return annotation str, where?                                      | FUNCTIONS_RETURNING    | str
            wich module defines `load_plugins`?                                | DEFINITIONS            | load_plugins
            classes inheriting straight from Base                              | SUBCLASSES             | Base
            functions decorated @cached_property                               | FUNCTIONS_BY_DECORATOR | cached_property
            any cached_property stuff                                          | PROPERTIES             | -
            who uses the render_page function                                  | CALLERS                | render_page
            usages `close_session`                                             | CALLERS                | close_session
            which libraries from pypi do we use                                | THIRD_PARTY            | -
            home-grown exceptions in the api                                   | EXCEPTION_CLASSES      | -
            the pytest fixtures under tests/                                   | FUNCTIONS_BY_DECORATOR | pytest.fixture
            which class miss a docstring                                       | UNDOCUMENTED_CLASSES   | -
            functions with too much parameters                                 | MANY_PARAMETERS        | 6
            # what sets 13 and 14 found first: spoken fillers, a background sentence before the question, "list them"
            # after a yes/no question, ", like ..." and ", going to ..." at the end, Java and C# words, a place first
            uh so basically can you like list every dataclass, you know the config ones | DATACLASSES | -
            We are splitting the monolith. Which files import celery?          | IMPORTS                | celery
            We are splitting the monolith in services/. Which files import celery? | IMPORTS             | celery
            does anything subclass Widget even indirectly? show them           | SUBCLASSES             | Widget
            list the enums, like the Color ones in models                      | ENUMS                  | -
            the TypedDict subclasses, going to replace them with pydantic      | SUBCLASSES             | TypedDict
            which functions are like the old ones                              | UNKNOWN                | -
            what's the diff between a mixin and a base class                   | UNKNOWN                | -
            Where is the main method?                                          | ENTRY_POINTS           | -
            where is the main function defined                                 | DEFINITIONS            | main
            ignored tests                                                      | SKIPPED_TESTS          | -
            In the unit tests folder, which tests are skipped?                 | SKIPPED_TESTS          | -
            members of SessionStore                                            | METHODS_OF_CLASS       | SessionStore
            the public API of the Cache class, its methods                     | METHODS_OF_CLASS       | Cache
            typing.Protocol defs                                               | PROTOCOL_CLASSES       | Protocol
            __len__ implementers                                               | CLASSES_WITH_METHOD    | __len__
            raise sites for KeyError                                           | RAISES                 | KeyError
            In the web package, what uses render_form?                         | CALLERS                | render_form
            source of build_index?                                             | DEFINITIONS            | build_index
            enum defs in core                                                  | ENUMS                  | -
            pip deps?                                                          | THIRD_PARTY            | -
            nodoc functions                                                    | UNDOCUMENTED_FUNCTIONS | -
            methods marked as staticmethods                                    | FUNCTIONS_BY_DECORATOR | staticmethod
            functions that declare bool as their return type                   | FUNCTIONS_RETURNING    | bool
            descendants of Node, three levels deep                             | SUBCLASSES             | Node
            custom errs                                                        | EXCEPTION_CLASSES      | -
            the getter functions, the ones named get_*                         | FUNCTIONS_BY_NAME      | get_*
            um can you like grab the HACK comments                             | COMMENTS               | HACK
            do you like the enums                                              | UNKNOWN                | -
            # what sets 15 and 16 found first: framework words, narrowing and widening clauses, the name first, what
            # no search of the source answers (negations, rankings, runtime, history, other languages)
            Which SQLAlchemy models define a __repr__ method?                  | CLASSES_WITH_METHOD    | __repr__
            List all classes in the Flask project.                             | CLASSES_BY_NAME        | *
            Which pydantic models have no docstring?                           | UNDOCUMENTED_CLASSES   | -
            Which Django apps import redis?                                    | IMPORTS                | redis
            3rd party packages imported in the django app                      | THIRD_PARTY            | -
            the click groups in cli.py                                         | FUNCTIONS_BY_DECORATOR | click.group
            serializers that override validate                                 | CLASSES_WITH_METHOD    | validate
            Which classes implement __iter__ so they can be looped over?       | CLASSES_WITH_METHOD    | __iter__
            which record types are enums rather than dataclasses               | ENUMS                  | -
            where is the send_digest task invoked?                             | CALLERS                | send_digest
            Where is the AppConfig singleton declared?                         | DEFINITIONS            | AppConfig
            classes with Mixin at the end of their name                        | CLASSES_BY_NAME        | *Mixin
            `parse_args`: which places call it?                                | CALLERS                | parse_args
            OSError - where do we catch it?                                    | CATCHES                | OSError
            Since the docs are thin, I want to see every class without a docstring. | UNDOCUMENTED_CLASSES | -
            For the security audit, I need to know which third-party packages we import. | THIRD_PARTY | -
            every class in the api package, just the names                     | CLASSES_BY_NAME        | *
            subclasses of Base, grandchildren included                         | SUBCLASSES             | Base
            Show every place that raises KeyError, except in tests.            | RAISES                 | KeyError
            classes w/ Node as immediate parent                                | SUBCLASSES             | Node
            which base classes cannot be instantiated                          | ABSTRACT_CLASSES       | -
            Which classes are not enums?                                       | UNKNOWN                | -
            functions that are never used                                      | UNKNOWN                | -
            which module has the most classes                                  | CLASSES_BY_NAME        | *
            functions with at least 4 parameters                               | MANY_PARAMETERS        | 4
            Which TypeScript files import axios?                               | UNKNOWN                | -
            list the enums, like Java enums                                    | ENUMS                  | -
            which coroutines are slow in production                            | UNKNOWN                | -
            git blame for the TODO in app.py                                   | UNKNOWN                | -
            are there more enums than dataclasses                              | UNKNOWN                | -
            functions with more than 5 parameters                              | MANY_PARAMETERS        | 6
            what classes have @dataclass on top                                | DATACLASSES            | -
            which click commands take a verbose parameter                      | FUNCTIONS_WITH_PARAMETER | verbose
            the click group classes that subclass Group                        | SUBCLASSES             | Group
            exception classes in the flask api package                         | EXCEPTION_CLASSES      | -
            which errors does the project declare                              | EXCEPTION_CLASSES      | -
            # what sets 17 and 18 found first: politeness before the verb, a second sentence after the question,
            # chat abbreviations, structural typing, class-only decorators, a trailing hunt
            Would you mind showing me all the enums in the billing package? I'd like to check their values. | ENUMS | -
            Could you please find every function that accepts a retries argument? | FUNCTIONS_WITH_PARAMETER | retries
            Would it be possible to list the classes that implement __len__?   | CLASSES_WITH_METHOD    | __len__
            Hi, when you have a moment could you list the TODO comments?       | COMMENTS               | TODO
            I'd really appreciate it if you could list all dataclasses         | DATACLASSES            | -
            could you explain the retry decorator                              | UNKNOWN                | -
            I want to rename parse_row; can you find all of its call sites?    | CALLERS                | parse_row
            we want to drop requests for httpx; which files import it?         | UNKNOWN                | -
            all cls in the models package                                      | CLASSES_BY_NAME        | *
            cls w/o docstrings                                                 | UNDOCUMENTED_CLASSES   | -
            what does the cls argument do                                      | UNKNOWN                | -
            cls that impl __eq__                                               | CLASSES_WITH_METHOD    | __eq__
            structural typing interfaces in core/                              | PROTOCOL_CLASSES       | Protocol
            anything decorated @total_ordering                                 | CLASSES_BY_DECORATOR   | total_ordering
            functions with over 7 parameters, code smell hunting               | MANY_PARAMETERS        | 8
            bare excpet blocks                                                 | BARE_EXCEPTS           | -
            whole subtree under Node pls                                       | SUBCLASSES             | Node
            Locate every subclass of Protocol in the source tree.              | PROTOCOL_CLASSES       | Protocol
            subclasses of TestCase                                             | SUBCLASSES             | TestCase
            the unittest TestCase methods                                      | TESTS                  | -
            every except clause that handles requests.exceptions.Timeout       | CATCHES                | requests.exceptions.Timeout
            equivalent of context managers in java?                            | UNKNOWN                | -
            # what sets 19 and 20 found first
            While fixing the importer I need every class whose immediate parent is Loader. | SUBCLASSES | Loader
            what derives straight off JobBase                                  | SUBCLASSES             | JobBase
            dataclasses? onboarding, trying to see what's stored               | DATACLASSES            | -
            I'm renaming `load_rows`; which call sites will I need to update?  | CALLERS                | load_rows
            I'm debugging a cache-invalidation bug; show me the context managers | CONTEXT_MANAGERS     | -
            third-party imports list for the security review                   | THIRD_PARTY            | -
            is requests worth keeping                                          | UNKNOWN                | -
            whats the perf cost of the retry decorator                         | UNKNOWN                | -
            built straight on top of Widget, only one level down               | SUBCLASSES             | Widget
            Before we delete send_mail, I need to see everywhere it gets used. | CALLERS                | send_mail
            To plan the upgrade, can you show me every file that imports attrs? | IMPORTS               | attrs
            classes that live in the core folder                               | CLASSES_BY_NAME        | *
            classes with names finishing with Error                            | CLASSES_BY_NAME        | *Error
            libraries installed with pip that we import                        | THIRD_PARTY            | -
            where does the code start                                          | ENTRY_POINTS           | -
            enums, quick list for QA                                           | ENUMS                  | -
            functions nobody wrote a description for                           | UNDOCUMENTED_FUNCTIONS | -
            functions with a really long list of inputs                        | MANY_PARAMETERS        | 6
            where have we catched KeyError                                     | CATCHES                | KeyError
            the try blocks that catch everything                               | BARE_EXCEPTS           | -
            every place we catch errors without naming which ones              | BARE_EXCEPTS           | -
            Can I see the list of enums we have, to judge the cleanup?         | ENUMS                  | -
            the places where the code raises KeyError on purpose               | RAISES                 | KeyError
            # counts by file or folder are the listing with a tally; rankings of other things stay beyond search
            how many enum classes does each package define                     | ENUMS                  | -
            which module defines the most dataclasses                          | DATACLASSES            | -
            FIXME comments, broken down by folder                              | COMMENTS               | FIXME
            which test module has the most tests                               | TESTS                  | -
            skipped tests broken out by folder                                 | SKIPPED_TESTS          | -
            number of functions per python file                                | FUNCTIONS_BY_NAME      | *
            which files raise the most PermissionErrors                        | RAISES                 | PermissionError
            where do we catch ConnectionErrors                                 | CATCHES                | ConnectionError
            the class with the most methods                                    | UNKNOWN                | -
            which file has the fewest TODOs                                    | UNKNOWN                | -
            which module has the most imports                                  | UNKNOWN                | -
            # what sets 23 and 24 found first: who asks, described kinds, other ecosystems' words
            intern here - what functions does the api folder define?           | FUNCTIONS_BY_NAME      | *
            As a release manager, which files import boto3?                    | IMPORTS                | boto3
            which modules load the lxml library                                | IMPORTS                | lxml
            @router.post handlers                                              | FUNCTIONS_BY_DECORATOR | router.post
            classes decorated with cacheable                                   | CLASSES_BY_DECORATOR   | cacheable
            the enum classes carrying @verify                                  | CLASSES_BY_DECORATOR   | verify
            functions where one input is called retries                        | FUNCTIONS_WITH_PARAMETER | retries
            functions that let you pass in a tracer                            | FUNCTIONS_WITH_PARAMETER | tracer
            functions declared to output a DataFrame                           | FUNCTIONS_RETURNING    | DataFrame
            where do we yield batches                                          | GENERATORS             | -
            where does the worker yield control to the loop                    | UNKNOWN                | -
            the non-stdlib packages we pull in                                 | THIRD_PARTY            | -
            main function, i.e. the __main__ guard                             | ENTRY_POINTS           | -
            where is the main function                                         | DEFINITIONS            | main
            the method set of `Ledger`                                         | METHODS_OF_CLASS       | Ledger
            everything the Ledger class can do                                 | METHODS_OF_CLASS       | Ledger
            is there anything the Ledger can do about rounding                 | UNKNOWN                | -
            which classes merely describe the shape of a request, the TypedDict ones | SUBCLASSES       | TypedDict
            tuple types with field names                                       | SUBCLASSES             | NamedTuple
            classes whose __init__ and __repr__ get generated                  | DATACLASSES            | -
            types that define a fixed set of named values                      | ENUMS                  | -
            hard-coded numbers at module level                                 | CONSTANTS              | -
            functions with the word retry in their name                        | FUNCTIONS_BY_NAME      | retry
            where do we recover from a TimeoutError                            | CATCHES                | TimeoutError
            error handlers that swallow everything                             | BARE_EXCEPTS           | -
            tests that never run (skipped/xfail)                               | SKIPPED_TESTS          | -
            I need every test marked skip                                      | SKIPPED_TESTS          | -
            which modules need more tests                                      | UNKNOWN                | -
            the comments where someone wrote that a thing is broken, tagged HACK | COMMENTS             | HACK
            are there bugs near the TODO comments                              | UNKNOWN                | -
            which test cases are defined, that is the test functions           | TESTS                  | -
            who calls wrap_db_call - want to convert it to a context manager   | CALLERS                | wrap_db_call
            # what sets 25 and 26 found first: pasted tickets, dictated and autocorrected code
            BILL-311: we are renaming `charge`; please list every place it is called | CALLERS          | charge
            #77 which files import yaml? the loader looks odd                  | IMPORTS                | yaml
            Follow-up from the design review: which classes extend `Plugin` directly? | SUBCLASSES      | Plugin
            the audit flagged swallowed errors - can you find the bare excepts | BARE_EXCEPTS           | -
            we saw odd ordering in reports, so which classes define __lt__     | CLASSES_WITH_METHOD    | __lt__
            for the deprecation guide we need a list of all constants          | CONSTANTS              | -
            BILL-9: add a test for refund_order                                | UNKNOWN                | -
            gimme the callers of refund_order                                  | CALLERS                | refund_order
            classes that implement dunder eq                                   | CLASSES_WITH_METHOD    | __eq__
            who overrides under under str under under                          | CLASSES_WITH_METHOD    | __str__
            functions named fetch underscore something                         | FUNCTIONS_BY_NAME      | fetch_*
            where is the celery dot task decorator used                        | FUNCTIONS_BY_DECORATOR | celery.task
            a sink def functions in the worker                                 | ASYNC_FUNCTIONS        | -
            which files import pie test                                        | IMPORTS                | pytest
            where do we raise key error                                        | RAISES                 | KeyError
            who catches Connection Error                                       | CATCHES                | ConnectionError
            direct subclasses of Base Handler                                  | SUBCLASSES             | BaseHandler
            the to do comments                                                 | COMMENTS               | TODO
            functions marked at lru cache                                      | FUNCTIONS_BY_DECORATOR | lru_cache
            where do we look at app startup                                    | UNKNOWN                | -
            List the HACK comments. Show me the XXX ones too.                  | COMMENTS               | HACK or XXX
            We vendored attrs last year. Please show which files import it.    | IMPORTS                | attrs
            # class names said in lower case after a subclass or methods cue; words out of order; exceptions, passive
            which classes inherit directly from base repository               | SUBCLASSES             | BaseRepository
            every descendant of abstract exporter, grandkids included          | SUBCLASSES             | AbstractExporter
            what extends HTTP adapter in transports                            | SUBCLASSES             | HTTPAdapter
            subclasses of the base class                                       | UNKNOWN                | -
            classes that subclass dict                                         | SUBCLASSES             | dict
            all subclasses of Visitor incl. grandchildren                      | SUBCLASSES             | Visitor
            the methods of the order builder class                             | METHODS_OF_CLASS       | OrderBuilder
            methods on token cache pls                                         | METHODS_OF_CLASS       | TokenCache
            where is called render_page                                        | CALLERS                | render_page
            where used fetch_rows                                              | CALLERS                | fetch_rows
            Where is defined SessionFactory?                                   | DEFINITIONS            | SessionFactory
            where is getUserName used                                          | CALLERS                | getUserName
            where is file not found error raised                               | RAISES                 | FileNotFoundError
            which handlers swallow timeout error                               | CATCHES                | TimeoutError
            classes overriding dunder set item                                 | CLASSES_WITH_METHOD    | __setitem__
            # counts by place said as a ranking of places
            which package is the heaviest on dataclasses                       | DATACLASSES            | -
            biggest module for TODO comments                                   | COMMENTS               | TODO
            enums per file, largest first                                      | ENUMS                  | -
            the longest function per file                                      | UNKNOWN                | -
            which package has the largest number of enums                      | ENUMS                  | -
            # more wording from other phrasing sets, in our own words
            how many times is render_page called                               | CALLERS                | render_page
            how many modules import yaml                                       | IMPORTS                | yaml
            how many functions accept a locale parameter                       | FUNCTIONS_WITH_PARAMETER | locale
            where is the constant PAGE_SIZE defined                            | DEFINITIONS            | PAGE_SIZE
            who defines RETRY_LIMIT                                            | DEFINITIONS            | RETRY_LIMIT
            which classes begin with Json                                      | CLASSES_BY_NAME        | Json*
            files that import a module named yaml                              | IMPORTS                | yaml
            list the errors of the project, not the builtin ones               | EXCEPTION_CLASSES      | -
            functions with "cache" inside the name                             | FUNCTIONS_BY_NAME      | cache
            which methods are implemented in TokenStore?                       | METHODS_OF_CLASS       | TokenStore
            dir(TokenStore)                                                    | METHODS_OF_CLASS       | TokenStore
            where is max_size accepted as a parameter                          | FUNCTIONS_WITH_PARAMETER | max_size
            show me the skips                                                  | SKIPPED_TESTS          | -
            docstring-less functions                                           | UNDOCUMENTED_FUNCTIONS | -
            gen funcs in utils                                                 | GENERATORS             | -
            the pytest fixtures please                                         | FUNCTIONS_BY_DECORATOR | pytest.fixture
            any @pytest.mark.skip left?                                        | SKIPPED_TESTS          | -
            # mail and chat: greetings, sign-offs, mentions, a request after what led to it, places left out
            Hi team, we are retiring the old cache. Which modules import memcache? Thanks, Ana | IMPORTS | memcache
            Dear all, could you list the enum classes? Best regards, Tom       | ENUMS                  | -
            @lena says there are none - any dataclasses in billing/?           | DATACLASSES            | -
            hey, the deploy is broken again, where's RegionConfig defined?     | DEFINITIONS            | RegionConfig
            callers of flush_all outside tests                                 | CALLERS                | flush_all
            how many enums each module defines                                 | ENUMS                  | -
            which module has more dataclasses than any other?                  | DATACLASSES            | -
            which file is home to the most generators?                         | GENERATORS             | -
            the three files that define the most classes                       | CLASSES_BY_NAME        | *
            which subclasses of Node (direct only, not transitive) are there   | SUBCLASSES             | Node
            which functions return str (as declared, not inferred)?            | FUNCTIONS_RETURNING    | str
            callers of build_index pls so i dont break it                      | CALLERS                | build_index
            new joiner here, where are the tests?                              | TESTS                  | -
            sorry to bug you, im new here. who subclasses BaseView?           | SUBCLASSES             | BaseView
            The log mentions RateLimiter and I cannot find it. Could you tell me where it is defined? | DEFINITIONS | RateLimiter
            ci looks too green lol, any skipped tests?                         | SKIPPED_TESTS          | -
            can someone list the enums for me?                                 | ENUMS                  | -
            classes with a to underscore json method                           | CLASSES_WITH_METHOD    | to_json
            whats in underscore underscore all underscore underscore           | EXPORTS                | -
            the skip ifs in tests/api                                          | SKIPPED_TESTS          | -
            proto call classes please                                          | PROTOCOL_CLASSES       | Protocol
            PAGE_SIZE defined where?                                           | DEFINITIONS            | PAGE_SIZE
            quick one for review: list the dataclasses, i think some are unused | DATACLASSES           | -
            gimme except: blocks                                               | BARE_EXCEPTS           | -
            where are the dataclasses, i am new here                           | DATACLASSES            | -
            which handlers catch value error cause i think they hide bugs      | CATCHES                | ValueError
            do we even have any enums?                                         | ENUMS                  | -
            do we even need enums?                                             | UNKNOWN                | -
            a good name for this exception class?                              | UNKNOWN                | -
            who implement __len__                                              | CLASSES_WITH_METHOD    | __len__
            methods returning a data frame                                     | FUNCTIONS_RETURNING    | DataFrame
            functions with arrow none                                          | FUNCTIONS_RETURNING    | None
            the to dos in utils dot py                                         | COMMENTS               | TODO
            who catches json decode error                                      | CATCHES                | JSONDecodeError
            Where is the order repository class defined?                       | DEFINITIONS            | OrderRepository
            # a request that points back to a name before it; a wildcard said as 'something'
            we want to deprecate load_fixture. Which modules still use that function? | CALLERS         | load_fixture
            the PR imports TaskQueue from two places, where is it actually defined? | DEFINITIONS       | TaskQueue
            killing off simplejson this sprint, who still imports it?          | IMPORTS                | simplejson
            the build broke again, where is it defined?                        | UNKNOWN                | -
            we dropped load_fixture, what did it do?                           | UNKNOWN                | -
            rewriting the query builder, callers of build_query pls            | CALLERS                | build_query
            any functions named something_callback?                            | FUNCTIONS_BY_NAME      | *_callback
            which classes are named something-Manager?                         | CLASSES_BY_NAME        | *Manager
            which modules need to know about the config?                       | UNKNOWN                | -
            # a clause that states what led to the question is set aside; a clause that asks is not
            what code raises SignatureExpired, getting it in prod              | RAISES                 | SignatureExpired
            Which enums are in orders/? A status value in prod matched no member. | ENUMS               | -
            fixtures with @lru_cache? The PR adds one and I want to compare.   | FUNCTIONS_BY_DECORATOR | lru_cache
            a count of HACK comments per file; can you produce it?             | COMMENTS               | HACK
            Dataclasses are slow in prod. Should we switch to attrs?           | UNKNOWN                | -
            which coroutines are slow in prod                                  | UNKNOWN                | -
            # hurried and learners' spellings, other languages' words (sets 39-44)
            every test_ fn in tests/api                                        | TESTS                  | -
            package w/ the most custom exceptions?                             | EXCEPTION_CLASSES      | -
            which pkgs do we pull in from pip                                  | THIRD_PARTY            | -
            what inherits frm BaseSpider                                       | SUBCLASSES             | BaseSpider
            abstract clases in storage/                                        | ABSTRACT_CLASSES       | -
            contex managers pls                                                | CONTEXT_MANAGERS       | -
            any note comments in cli.py                                        | COMMENTS               | NOTE
            classes named Fake-something                                       | CLASSES_BY_NAME        | Fake*
            does python really have generators?                                | UNKNOWN                | -
            lab exercise: why is a mutable default argument bad                | UNKNOWN                | -
            except w/o type in the workers                                     | BARE_EXCEPTS           | -
            handlers that don't name any exception type                        | BARE_EXCEPTS           | -
            Enum classes under billing/                                        | ENUMS                  | -
            what derives from attr's Factory here                              | SUBCLASSES             | Factory
            which test cases inherit from LiveServerTestCase                   | SUBCLASSES             | LiveServerTestCase
            functions annotated to return None, the void methods in C# terms   | FUNCTIONS_RETURNING    | None
            Would it be possible to see the classmethods in geometry/?         | FUNCTIONS_BY_DECORATOR | classmethod
            I need a list of all classes in the project before I can approve this PR. | CLASSES_BY_NAME  | *
            every dataclass in the project, need the inventory for OPS-12      | DATACLASSES            | -
            For a lecture on signatures, list the functions that accept a timeout argument. | FUNCTIONS_WITH_PARAMETER | timeout
            The PR adds MAX_RETRIES; where is that constant defined?           | DEFINITIONS            | MAX_RETRIES
            the methods with the @ thing above them that says lru_cache        | FUNCTIONS_BY_DECORATOR | lru_cache
            where are the variables written in all caps?                       | CONSTANTS              | -
            the classes with fixed options like Status.DONE                    | ENUMS                  | -
            functions that yield values instead of returning                   | GENERATORS             | -
            which functions did no one document                                | UNDOCUMENTED_FUNCTIONS | -
            the public api of RateLimiter                                      | METHODS_OF_CLASS       | RateLimiter
            what's on RetryPolicy api-wise                                     | METHODS_OF_CLASS       | RetryPolicy
            whats inside class LruCache                                        | METHODS_OF_CLASS       | LruCache
            we talked about the Invoice class, what methods does it have       | METHODS_OF_CLASS       | Invoice
            Where do we define Protocol subclasses?                            | PROTOCOL_CLASSES       | Protocol
            whats disabled in the test suite                                   | SKIPPED_TESTS          | -
            all that ends up inheriting from Node, thru other classes too      | SUBCLASSES             | Node
            Show me the generators, the ones that would be iterators in Java?  | GENERATORS             | -
            properties (like getters in C#)                                    | PROPERTIES             | -
            # existence checks and tag questions (set 47)
            Does OrderService have any methods besides __init__?               | METHODS_OF_CLASS       | OrderService
            Is BackoffPolicy defined anywhere in this repo?                    | DEFINITIONS            | BackoffPolicy
            do we have a parse_args function defined somewhere                 | DEFINITIONS            | parse_args
            Does the codebase define a class called LeaseManager?              | DEFINITIONS            | LeaseManager
            Could you check whether any classes define __hash__?               | CLASSES_WITH_METHOD    | __hash__
            please check if toml is imported in cli/                           | IMPORTS                | toml
            we never catch TimeoutError, do we?                                | CATCHES                | TimeoutError
            no FIXMEs left in auth/, right?                                    | COMMENTS               | FIXME
            all methods have docstrings, right?                                | UNDOCUMENTED_FUNCTIONS | -
            is our use of async correct?                                       | UNKNOWN                | -
            is there a model that overrides save?                              | CLASSES_WITH_METHOD    | save
            Does enums.py contain an enum?                                     | ENUMS                  | -
            Is Money a dataclass?                                              | UNKNOWN                | -
            # frameworks, editors, bilingual chat (sets 45-50)
            which forms override clean?                                        | CLASSES_WITH_METHOD    | clean
            Which models derive from BaseModel, directly or through another model? | SUBCLASSES         | BaseModel
            subclasses of Handler, just first level, not the grandkids         | SUBCLASSES             | Handler
            how many times do we raise KeyError per file                       | RAISES                 | KeyError
            In which file is the CACHES setting defined?                       | DEFINITIONS            | CACHES
            BillingAdmin class location                                        | DEFINITIONS            | BillingAdmin
            validate_ methods on the serializers                               | FUNCTIONS_BY_NAME      | validate_*
            Which tests receive the tmp_path fixture as an argument?           | FUNCTIONS_WITH_PARAMETER | tmp_path
            our own `with`-able things                                         | CONTEXT_MANAGERS       | -
            functions whose argument lists are too long                        | MANY_PARAMETERS        | 6
            Where does API_VERSION get defined?                                | DEFINITIONS            | API_VERSION
            anything named ...Adapter                                          | CLASSES_BY_NAME        | *Adapter
            TypeError can't instantiate abstract class... which classes are abstract? | ABSTRACT_CLASSES | -
            bhai all dataclasses under src/ na                                 | DATACLASSES            | -
            bitte, can you refactor the enums?                                 | UNKNOWN                | -
            Show call hierarchy for charge_card.                               | CALLERS                | charge_card
            f12 on LedgerEntry                                                 | DEFINITIONS            | LedgerEntry
            Outline of ReportBuilder.                                          | METHODS_OF_CLASS       | ReportBuilder
            whats on the Mailer class                                          | METHODS_OF_CLASS       | Mailer
            async functions in the FastAPI routers                            | ASYNC_FUNCTIONS        | -
            methods of Config pls                                              | METHODS_OF_CLASS       | Config
            Break down the TODOs by folder, with counts.                       | COMMENTS               | TODO
            gens in io/                                                        | GENERATORS             | -
            the imports that arent stdlib                                      | THIRD_PARTY            | -
            subclasses of Plugin across the tests                              | SUBCLASSES             | Plugin
            gimme the constants, need them for docs                            | CONSTANTS              | -
            any fixmes people left in comments                                 | COMMENTS               | FIXME
            our own Exception subclasses                                       | EXCEPTION_CLASSES      | -
            Which classes inherit from Exception?                              | SUBCLASSES             | Exception
            # a grep or ripgrep pattern, put in words (CodePattern)
            rg '^\\s*async def' under api/                                     | ASYNC_FUNCTIONS        | -
            rg '^def build_'                                                   | FUNCTIONS_BY_NAME      | build_*
            `def .*\\(.*verbose`                                               | FUNCTIONS_WITH_PARAMETER | verbose
            rg 'render_page\\(' , the call sites                                | CALLERS                | render_page
            rg 'TypedDict\\):'                                                  | SUBCLASSES             | TypedDict
            What would rg 'except .*OperationalError' find?                    | CATCHES                | OperationalError
            grep -rn 'import msgpack'                                          | IMPORTS                | msgpack
            rg 'raise LookupError'                                             | RAISES                 | LookupError
            rg 'def __len__' but only the classes that have it                 | CLASSES_WITH_METHOD    | __len__
            grep '@total_ordering' on classes                                  | CLASSES_BY_DECORATOR   | total_ordering
            rg 'def load_config'                                               | DEFINITIONS            | load_config
            # conditions, layouts and machine-made queries (sets 51-56)
            constants but skip vendored code, names only                       | CONSTANTS              | -
            functions with a retries arg, but skip the vendored libs           | FUNCTIONS_WITH_PARAMETER | retries
            Excluding tests and vendored code, what classes define to_dict?    | CLASSES_WITH_METHOD    | to_dict
            todos outside vendored code, as a table                            | COMMENTS               | TODO
            funcs that yield, excluding pytest fixtures                        | GENERATORS             | -
            Where is send_email called? List just the file names, sorted.      | CALLERS                | send_email
            Return a list of every function taking a user argument, with file paths. | FUNCTIONS_WITH_PARAMETER | user
            Every dataclass declared in the project should be listed, please.  | DATACLASSES            | -
            Could the async functions be listed file by file?                  | ASYNC_FUNCTIONS        | -
            where do we declare PEP 544 protocols                              | PROTOCOL_CLASSES       | Protocol
            How widely is requests imported across the repository?             | IMPORTS                | requests
            How are the TODO comments distributed across the files?            | COMMENTS               | TODO
            Where do we bring the yaml module into scope?                      | IMPORTS                | yaml
            what existing Protocol classes should I look at?                   | PROTOCOL_CLASSES       | Protocol
            Provide a comprehensive list of all classes defined in this repository. | CLASSES_BY_NAME   | *
            QUERY methods of HttpClient                                        | METHODS_OF_CLASS       | HttpClient
            __len__ impls                                                      | CLASSES_WITH_METHOD    | __len__
            decl of make_app                                                   | DEFINITIONS            | make_app
            most async functions in which file                                 | ASYNC_FUNCTIONS        | -
            folder w/ most entry points                                        | ENTRY_POINTS           | -
            which file has the most functions with too many args               | MANY_PARAMETERS        | 6
            what even is a dataclass in python                                 | UNKNOWN                | -
            enum naming style guide?                                           | UNKNOWN                | -
            Locate all functions that use the async def syntax.                | ASYNC_FUNCTIONS        | -
            I plan to replace requests with httpx; which files import it?      | IMPORTS                | requests
            Before we remove yaml from requirements.txt, who imports it?       | IMPORTS                | yaml
            Has anyone declared a typing.Protocol subclass in ingest/?         | PROTOCOL_CLASSES       | typing.Protocol
            Direct subclasses of BaseModel.                                    | SUBCLASSES             | BaseModel
            Every test decorated with skip or skipif                           | SKIPPED_TESTS          | -
            Enumerate the methods that the class OrderService implements.     | METHODS_OF_CLASS       | OrderService
            TokenValidator funcs                                               | METHODS_OF_CLASS       | TokenValidator
            `-> DataFrame` functions                                           | FUNCTIONS_RETURNING    | DataFrame
            find the usages of the function load_config                        | CALLERS                | load_config
            Where is the normalize_url function used?                          | CALLERS                | normalize_url
            login_required views                                               | FUNCTIONS_BY_DECORATOR | login_required
            getting a weird AuthenticationFailed in prod, where does the code raise it? | RAISES        | AuthenticationFailed
            How many classes extend typing.Protocol, and in which files do they live? | PROTOCOL_CLASSES | typing.Protocol
            # after sets 57-60
            which enums do we have, new to the repo                            | ENUMS                  | -
            find the typed dicts, might turn them into dataclasses later       | SUBCLASSES             | TypedDict
            do we ever raise NotImplementedError manually                      | RAISES                 | NotImplementedError
            how many classes sit anywhere beneath Widget in the class tree     | SUBCLASSES             | Widget
            What is the file with the largest number of enums?                 | ENUMS                  | -
            whats the most todo-heavy file                                     | COMMENTS               | TODO
            Open a GitHub issue for each FIXME comment.                        | UNKNOWN                | -
            help me understand dataclasses in python                           | UNKNOWN                | -
            lru_cache on methods, what does it do                              | UNKNOWN                | -
            What async methods exist in the HTTP server package?               | ASYNC_FUNCTIONS        | -
            In the exporter package, what files depend on yaml?                | IMPORTS                | yaml
            Please check whether the plugins package defines any typing protocols. | PROTOCOL_CLASSES    | Protocol
            Show the static duck-typing protocols defined in this project.     | PROTOCOL_CLASSES       | Protocol
            dataclass subclasses per file                                      | DATACLASSES            | -
            # after sets 61-64
            gimme the method list for PaymentGateway pls                       | METHODS_OF_CLASS       | PaymentGateway
            where's RETRY_LIMIT set                                            | DEFINITIONS            | RETRY_LIMIT
            FIXME comments in core/, should read them before touching anything | COMMENTS               | FIXME
            does caching actually help for this workload?                      | UNKNOWN                | -
            Locate the class OrderBook.                                        | DEFINITIONS            | OrderBook
            the protocol classes we rely on for static duck typing             | PROTOCOL_CLASSES       | Protocol
            biggest todo offender file                                         | COMMENTS               | TODO
            tood comments?                                                     | COMMENTS               | TODO
            file w/ the biggest number of dataclasses?                         | DATACLASSES            | -
            dataclass field ordering how does it work                          | UNKNOWN                | -
            are there generators in this repo or not                           | GENERATORS             | -
            Could you tally the dataclasses for each file?                     | DATACLASSES            | -
            whats the fixme-heaviest module                                    | COMMENTS               | FIXME
            how many enums r there                                             | ENUMS                  | -
            # described actions (set 32)
            Which parts of the code run rebuild_index?                         | CALLERS                | rebuild_index
            where does anything trigger reset_state()                          | CALLERS                | reset_state
            where does it deliberately blow up with a ValueError               | RAISES                 | ValueError
            places that deal with a KeyboardInterrupt                          | CATCHES                | KeyboardInterrupt
            which file actually has the code for class EventBus                | DEFINITIONS            | EventBus
            Where does the constant MAX_SIZE get its value assigned?           | DEFINITIONS            | MAX_SIZE
            files that load numpy in                                           | IMPORTS                | numpy
            3rd party dependancies                                             | THIRD_PARTY            | -
            which tests run fast                                               | UNKNOWN                | -
            What functions are called cons?                                    | FUNCTIONS_BY_NAME      | cons
            which methods start with cons                                      | FUNCTIONS_BY_NAME      | cons*
            pros and cons of the cache layer                                   | UNKNOWN                | -
            functions w/ from in the name                                      | FUNCTIONS_BY_NAME      | from
            list function names beginning from                                 | FUNCTIONS_BY_NAME      | from*
            class names ending in to                                           | CLASSES_BY_NAME        | *to
            what is this function named after                                  | UNKNOWN                | -
            where do we use abc                                                | IMPORTS                | abc
            where is abc used                                                  | IMPORTS                | abc
            classes that use abc                                               | ABSTRACT_CLASSES       | -
            functions w/ other argument                                        | FUNCTIONS_WITH_PARAMETER | other
            functions with other arguments                                     | UNKNOWN                | -
            What methods have other in their signature?                        | FUNCTIONS_WITH_PARAMETER | other
            who accepts other                                                  | FUNCTIONS_WITH_PARAMETER | other
            list defs that have a other kwarg                                  | FUNCTIONS_WITH_PARAMETER | other
            functions having more than fourteen parameters                     | MANY_PARAMETERS        | 15
            Find the functions named read_ something.                          | FUNCTIONS_BY_NAME      | read_*
            funcs named parse_<something>                                      | FUNCTIONS_BY_NAME      | parse_*
            functions named __init__                                           | FUNCTIONS_BY_NAME      | __init__
            do we have any typing.Protocol subclasses or is it all abc based   | PROTOCOL_CLASSES       | typing.Protocol
            What is the default value of the retry_after argument on HTTPServiceUnavailable? | UNKNOWN | -
            Show me functions with a meta keyword.                             | FUNCTIONS_WITH_PARAMETER | meta
            functions that take keyword arguments                              | UNKNOWN                | -
            Which functions are annotated to return a boolean?                 | FUNCTIONS_RETURNING    | bool
            functions returning an integer                                     | FUNCTIONS_RETURNING    | int
            functions wrapped with the context manager decorator               | FUNCTIONS_BY_DECORATOR | contextmanager
            do we ever throw a ValueError                                      | RAISES                 | ValueError
            signatures containing auto_decompress                              | FUNCTIONS_WITH_PARAMETER | auto_decompress
            classes with requestAvatar                                         | CLASSES_WITH_METHOD    | requestAvatar
            classes with a setUp                                               | CLASSES_WITH_METHOD    | setUp
            List all functions that use the contextlib.contextmanager decorator. | FUNCTIONS_BY_DECORATOR | contextlib.contextmanager
            """)
    void testsDocstringsSignaturesHandlers(String question, Intent.Kind kind, String parameter) {
        Intent intent = classifier.classify(question);
        assertEquals(kind, intent.kind(), question + " -> " + intent);
        String actual = intent instanceof Intent.Unknown || intent.argument().isEmpty() ? "-" : intent.argument();
        assertEquals(parameter, actual, question + " -> " + intent);
    }

    /**
     * Shapes found by blind sets 89 to 100 and by the generated questions on their codebases (pyramid, GitPython,
     * pylint, openpyxl, uvicorn, dulwich, gunicorn, eventlet, jedi, coverage, oauthlib, kazoo); and near misses.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            Where is NotGitRepository caught and handled?                        # CATCHES                # NotGitRepository
            where is Timeout caught                                              # CATCHES                # Timeout
            Which comments are tagged PERFORMANCE?                               # COMMENTS               # PERFORMANCE
            show PERF comments                                                   # COMMENTS               # PERF
            which coroutines are slow in prod                                    # UNKNOWN                # -
            Which functions in git are declared with async def?                  # ASYNC_FUNCTIONS        # -
            Which module-level constants does git define?                        # CONSTANTS              # -
            List the classes whose names start with Git.                         # CLASSES_BY_NAME        # Git*
            git log for the FIXME                                                # UNKNOWN                # -
            who wrote this, git blame pls                                        # UNKNOWN                # -
            Where is the Repo class defined?                                     # DEFINITIONS            # Repo
            methods of the Project class                                         # METHODS_OF_CLASS       # Project
            anything decorated w functools.wraps                                 # FUNCTIONS_BY_DECORATOR # functools.wraps
            which functions take a w param                                       # FUNCTIONS_WITH_PARAMETER # w
            Show the functions whose return type is annotated as Optional[str].  # FUNCTIONS_RETURNING    # Optional[str]
            Which functions are declared as returning str | None?                # FUNCTIONS_RETURNING    # str | None
            functions returning int|float|None                                   # FUNCTIONS_RETURNING    # int | float | None
            Who invokes the private helper _share_socket?                        # CALLERS                # _share_socket
            files pulling in translationstring                                   # IMPORTS                # translationstring
            files using defusedxml.ElementTree                                   # IMPORTS                # defusedxml.ElementTree
            everything that inherits from Docstring anywhere down the tree       # SUBCLASSES             # Docstring
            any class names w/ Docstring at the end                              # CLASSES_BY_NAME        # *Docstring
            long signatures, like 9 params or more                               # MANY_PARAMETERS        # 9
            Show me the functions with more than thirty arguments.               # MANY_PARAMETERS        # 31
            Find all functions with "_to_" in their name, like the unit converters. # FUNCTIONS_BY_NAME   # _to_
            List the printer methods named _print_ followed by something.        # FUNCTIONS_BY_NAME      # _print_*
            fns like get_transport... something                                  # FUNCTIONS_BY_NAME      # get_transport*
            List the classes that carry a skipIf decorator.                      # CLASSES_BY_DECORATOR   # skipIf
            skipUnless decorated functions?                                      # FUNCTIONS_BY_DECORATOR # skipUnless
            functions marked with pytest.mark.skip                               # SKIPPED_TESTS          # -
            Which tests are decorated with skipIf?                               # SKIPPED_TESTS          # -
            List the classes that use the functools.total_ordering class decorator. # CLASSES_BY_DECORATOR # functools.total_ordering
            about to change quote_path_segment's signature, where's it invoked   # CALLERS                # quote_path_segment
            changing the signature of _get_status_phrase - what calls it         # CALLERS                # _get_status_phrase
            handlers for import error, looking at the optional deps              # CATCHES                # ImportError
            protocol cls list pls, looking at storage/backends.py                # PROTOCOL_CLASSES       # Protocol
            Which classes inherit directly from the gunicorn Worker class?       # SUBCLASSES             # Worker
            which classes define it                                              # UNKNOWN                # -
            wanna know if we use @dataclass anywhere - list the classes          # DATACLASSES            # -
            number of functions in each file (skip tests)                        # FUNCTIONS_BY_NAME      # *
            functions that return optional str                                   # FUNCTIONS_RETURNING    # Optional[str]
            fns w/ return type dict                                              # FUNCTIONS_RETURNING    # dict
            What functions have a return type hint of str?                       # FUNCTIONS_RETURNING    # str
            all the _complete_ something methods                                 # FUNCTIONS_BY_NAME      # _complete_*
            List the classes that implement _repr_html_.                         # CLASSES_WITH_METHOD    # _repr_html_
            Which class names end with the word Signature?                       # CLASSES_BY_NAME        # *Signature
            Show the functions whose parameter count is 8 or higher.             # MANY_PARAMETERS        # 8
            catch sites for _ExceptionDuringRun pls                              # CATCHES                # _ExceptionDuringRun
            What would break if MAX_PARAM_SEARCHES were raised to 100?           # UNKNOWN                # -
            direct children of Exception in jedi? need to see the custom errors  # SUBCLASSES             # Exception
            our custom exceptions deriving from Exception                        # EXCEPTION_CLASSES      # -
            line_for_node usages - about to change its signature                 # CALLERS                # line_for_node
            Does the package have any if __name__ == "__main__" blocks or console scripts? # ENTRY_POINTS # -
            do our async functions ever block?                                   # UNKNOWN                # -
            List the functions that use the lru_cache decorator from functools.  # FUNCTIONS_BY_DECORATOR # functools.lru_cache
            which classes r abstract (abstractmethod stuff)                      # ABSTRACT_CLASSES       # -
            functions decorated with abstractmethod                              # FUNCTIONS_BY_DECORATOR # abstractmethod
            Who calls wait?                                                      # CALLERS                # wait
            Which classes define a wait method?                                  # CLASSES_WITH_METHOD    # wait
            wait do we even have Protocol classes? list em                       # PROTOCOL_CLASSES       # Protocol
            which functions await stuff                                          # ASYNC_FUNCTIONS        # -
            Which functions in CherryPy are declared with async def?             # ASYNC_FUNCTIONS        # -
            Which coroutines use both async def and yield?                       # GENERATORS             # -
            What classes are named with the CP prefix?                           # CLASSES_BY_NAME        # CP*
            What classes have the prefix CP?                                     # CLASSES_BY_NAME        # CP*
            classes ending in error                                              # CLASSES_BY_NAME        # *error
            classes ending in event loop                                         # CLASSES_BY_NAME        # *eventloop
            functions ending in event loop                                       # FUNCTIONS_BY_NAME      # *event_loop
            does to_compact pick the prefix by log10 or what                     # UNKNOWN                # -
            long param lists, say >= 7                                           # MANY_PARAMETERS        # 7
            too many params, like over 8                                         # MANY_PARAMETERS        # 9
            Who invokes the prepare_model method?                                # CALLERS                # prepare_model
            which classes have a run method                                      # CLASSES_WITH_METHOD    # run
            does reload() on a Model do a network call every time??              # UNKNOWN                # -
            where do we make a call to parse_args                                # CALLERS                # parse_args
            where is backports.ssl_match_hostname imported, can we drop it       # IMPORTS                # backports.ssl_match_hostname
            non-stdlib imports? (tornado twisted trio etc)                       # THIRD_PARTY            # -
            which classes define makefile, socket wrappers i guess               # CLASSES_WITH_METHOD    # makefile
            what targets does the makefile have                                  # UNKNOWN                # -
            classes with _new_conn                                               # CLASSES_WITH_METHOD    # _new_conn
            whats in _WritelnDecorator                                           # METHODS_OF_CLASS       # _WritelnDecorator
            valueerror raised where?                                             # RAISES                 # ValueError
            app response class, methods?                                         # UNKNOWN                # -
            list class methods                                                   # FUNCTIONS_BY_DECORATOR # classmethod
            which classes get functools.total_ordering applied                   # CLASSES_BY_DECORATOR   # functools.total_ordering
            where is the fix applied                                             # UNKNOWN                # -
            funcs using the classproperty deco                                   # FUNCTIONS_BY_DECORATOR # classproperty
            every func in the project pls, making a call graph                   # FUNCTIONS_BY_NAME      # *
            functions decorated abc.abstractmethod?                              # FUNCTIONS_BY_DECORATOR # abc.abstractmethod
            callers of raises?                                                   # CALLERS                # raises
            Which classes override test?                                         # UNKNOWN                # -
            py2 cleanup - which classes still inherit explicitly from object     # SUBCLASSES             # object
            Which classes derive directly from the built-in tuple?               # SUBCLASSES             # tuple
            what exceptions can tox throw, the custom ones, writing docs         # EXCEPTION_CLASSES      # -
            what exception does load_user raise when the user isnt found         # UNKNOWN                # -
            who imports tox.util.lock                                            # IMPORTS                # tox.util.lock
            Where is the plugin manager getter, get_plugin_manager, defined?     # DEFINITIONS            # get_plugin_manager
            getters declared as property in account.py?                          # PROPERTIES             # -
            mako's own exception types                                           # EXCEPTION_CLASSES      # -
            Are there any classes declared abstract in this codebase?            # ABSTRACT_CLASSES       # -
            funcs mising docstrings                                              # UNDOCUMENTED_FUNCTIONS # -
            classes that define __init__ - checking filter ctor args             # CLASSES_WITH_METHOD    # __init__
            what does Linter have in it, method-wise                             # METHODS_OF_CLASS       # Linter
            places catching plain Exception - want to narrow them                # CATCHES                # Exception
            except base exception spots                                          # CATCHES                # BaseException
            functions accepting filter_                                          # FUNCTIONS_WITH_PARAMETER # filter_
            anything with Table in the function name?                            # FUNCTIONS_BY_NAME      # Table
            how do i run this - any main / cli entry                             # ENTRY_POINTS           # -
            which classes have an anythingElse method                            # CLASSES_WITH_METHOD    # anythingElse
            classes named whateverHandler                                        # CLASSES_BY_NAME        # *Handler
            Which classes carry the python 2 unicode compatible decorator?       # CLASSES_BY_DECORATOR   # python_2_unicode_compatible
            which classes get the add metaclass decorator, py2 leftovers         # CLASSES_BY_DECORATOR   # add_metaclass
            where's @util.memoized_property used, might swap to cached_property  # FUNCTIONS_BY_DECORATOR # util.memoized_property
            How does the StatementSplitter decide where one statement ends inside a BEGIN ... END block? # UNKNOWN # -
            Where is functools.wraps applied as a decorator?                     # FUNCTIONS_BY_DECORATOR # functools.wraps
            What methods does the Arrow class define?                            # METHODS_OF_CLASS       # Arrow
            anything whose annotation after the arrow is Path                    # FUNCTIONS_RETURNING    # Path
            classes that end with Leaks pls                                      # CLASSES_BY_NAME        # *Leaks
            are there leaks in the pool                                          # UNKNOWN                # -
            what ends up inheriting Worksheet, even indirectly                   # SUBCLASSES             # Worksheet
            anything w/ Handler at the end of the class name?                    # CLASSES_BY_NAME        # *Handler
            Which classes implement a describe method?                           # CLASSES_WITH_METHOD    # describe
            What would break if Chart stopped inheriting from XMLwriter?         # UNKNOWN                # -
            Which files would break if requests were uninstalled?                # IMPORTS                # requests
            show module level CAPS vars, looking for config knobs                # CONSTANTS              # -
            List the callers of describe.                                        # CALLERS                # describe
            Which classes override describe?                                     # CLASSES_WITH_METHOD    # describe
            """)
    void blindSets89To118(String question, Intent.Kind kind, String parameter) {
        Intent intent = classifier.classify(question);
        assertEquals(kind, intent.kind(), question + " -> " + intent);
        String actual = intent instanceof Intent.Unknown || intent.argument().isEmpty() ? "-" : intent.argument();
        assertEquals(parameter, actual, question + " -> " + intent);
    }

    /** Shapes found by the blind sets of 119 to 124 (and left from earlier rounds), one row each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            long param lists? say over 6                                         # MANY_PARAMETERS        # 7
            functions with too many args? 8 or more                              # MANY_PARAMETERS        # 8
            any disabled tests in test_api.py? CI looks suspiciously green       # SKIPPED_TESTS          # -
            What classes are annotated with pytest.mark.skipif at class level?   # CLASSES_BY_DECORATOR   # pytest.mark.skipif
            Show me every class annotated with signature_has_traits.             # CLASSES_BY_DECORATOR   # signature_has_traits
            where is signature_has_traits put on a class                         # CLASSES_BY_DECORATOR   # signature_has_traits
            which functions are annotated with typing.overload                   # FUNCTIONS_BY_DECORATOR # typing.overload
            funcs starting with assert                                           # FUNCTIONS_BY_NAME      # assert*
            classes ending in string?                                            # CLASSES_BY_NAME        # *string
            names starting with with                                             # FUNCTIONS_BY_NAME      # with*
            which classes get decorated by signature_has_traits                  # CLASSES_BY_DECORATOR   # signature_has_traits
            any try/except catching name error?                                  # CATCHES                # NameError
            Where is the Undefined sentinel defined?                             # DEFINITIONS            # Undefined
            where is the registry defined                                        # DEFINITIONS            # registry
            whats decorated with implementer (classes only)                      # CLASSES_BY_DECORATOR   # implementer
            TTFont class, which file                                             # DEFINITIONS            # TTFont
            the parse_args function - what module                                # DEFINITIONS            # parse_args
            find naked except: blocks, they swallow KeyboardInterrupt            # BARE_EXCEPTS           # -
            columnar vs unordered converter - which one for json export?         # UNKNOWN                # -
            any metaclasses? the ones named *Meta                                # CLASSES_BY_NAME        # *Meta
            catching the namespace error anywhere? XMLSchemaNamespaceError       # CATCHES                # XMLSchemaNamespaceError
            the etree_ helper functions, which are there                         # FUNCTIONS_BY_NAME      # etree_*
            anything returning an iterable of node                               # FUNCTIONS_RETURNING    # Iterable[Node]
            functions returning a list of strings                                # FUNCTIONS_RETURNING    # List[str]
            What does the public API consist of according to the __all__ lists?  # EXPORTS                # -
            catch sites for ValueError                                           # CATCHES                # ValueError
            raise sites of the value error                                       # RAISES                 # ValueError
            lines that raise valueerorr                                          # RAISES                 # ValueError
            where do we catch keyerror                                           # CATCHES                # KeyError
            callers of cls?                                                      # CALLERS                # cls
            all cls in core.models                                               # CLASSES_BY_NAME        # *
            raise gaierror where                                                 # RAISES                 # gaierror
            whats the whole subtree of _PositiveValueMixin                       # SUBCLASSES             # _PositiveValueMixin
            which classes end with path, the property path ones                  # CLASSES_BY_NAME        # *path
            property methods in models.py                                        # PROPERTIES             # -
            who defines run()                                                    # CLASSES_WITH_METHOD    # run
            who defines _eval_evalf                                              # CLASSES_WITH_METHOD    # _eval_evalf
            who defines the Money class                                          # DEFINITIONS            # Money
            who defines utils.helper                                             # DEFINITIONS            # utils.helper
            the ...dayset functions, all of them                                 # FUNCTIONS_BY_NAME      # *dayset
            context managrs                                                      # CONTEXT_MANAGERS       # -
            where does EPOCHORDINAL come from                                    # DEFINITIONS            # EPOCHORDINAL
            Which modules import jupyter_core.paths?                             # IMPORTS                # jupyter_core.paths
            every _load_ips_ variant pls                                         # FUNCTIONS_BY_NAME      # _load_ips_*
            Show me the classes that total_ordering is applied to.               # CLASSES_BY_DECORATOR   # total_ordering
            what returns Version                                                 # FUNCTIONS_RETURNING    # Version
            how do i run this thing, any main?                                   # ENTRY_POINTS           # -
            which ones r abstract                                                # ABSTRACT_CLASSES       # -
            who catches file not found                                           # CATCHES                # FileNotFoundError
            who catches connection reset anywhere                                # CATCHES                # ConnectionResetError
            classes mixing in RecordCallMixin (immediate ones only)              # SUBCLASSES             # RecordCallMixin
            wheres visit error thrown                                            # RAISES                 # VisitError
            Find the try/except blocks that catch TIMEOUT.                       # CATCHES                # TIMEOUT
            """)
    void blindSets119To124(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 131 to 136, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            does subtype() copy the constraints or share them                    # UNKNOWN                # -
            What methods does NamedTypes define?                                 # METHODS_OF_CLASS       # NamedTypes
            anything yielding instead of returning a list                        # GENERATORS             # -
            Reviewer here — why does the cache layer use a Protocol instead of an ABC? # UNKNOWN          # -
            anyone overriding reset()?                                           # CLASSES_WITH_METHOD    # reset
            list meths on BaseHTMLProcessor                                      # METHODS_OF_CLASS       # BaseHTMLProcessor
            grep class names for EndBracket                                      # CLASSES_BY_NAME        # EndBracket
            anything with Sequence in its class name?                            # CLASSES_BY_NAME        # Sequence
            What is the full hierarchy of interfaces below IException, including transitive subclasses? # SUBCLASSES # IException
            where is validateInvariants implemented (which classes)              # CLASSES_WITH_METHOD    # validateInvariants
            Which functions are named with the upgrade prefix?                   # FUNCTIONS_BY_NAME      # upgrade*
            functions with the same prefix                                       # UNKNOWN                # -
            What functions return a tuple of Any and int, according to their annotation? # FUNCTIONS_RETURNING # Tuple[Any, int]
            Sentinel - what methods                                              # METHODS_OF_CLASS       # Sentinel
            where is zlib imported, gzip handling                                # IMPORTS                # zlib
            any "note:" comments i should read before touching the constructor   # COMMENTS               # NOTE
            Which files import the C extension module _ruamel_yaml?              # IMPORTS                # _ruamel_yaml
            who imports the module foo_bar                                       # IMPORTS                # foo_bar
            output_from_msg - which file                                         # DEFINITIONS            # output_from_msg
            functions that pause while waiting on the network and let other stuff run meanwhile # ASYNC_FUNCTIONS # -
            abstract bases in core/                                              # ABSTRACT_CLASSES       # -
            """)
    void blindSets131To136(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 137 to 142, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            is observe used as a class decorator anywhere                        # CLASSES_BY_DECORATOR   # observe
            functions using functools.wraps as decorator                         # FUNCTIONS_BY_DECORATOR # functools.wraps
            which classes end in Error, doing a review of our exceptions         # CLASSES_BY_NAME        # *Error
            classes that extend Middleware, doing a review of the middleware/ dir # SUBCLASSES            # Middleware
            where are the tests for this                                         # TESTS                  # -
            List every class that derives from FormError, including subclasses of its subclasses. # SUBCLASSES # FormError
            all subclasses (any level) of the BaseRotatingLogger                 # SUBCLASSES             # BaseRotatingLogger
            NSBase - every subclass, indirect too                                # SUBCLASSES             # NSBase
            which classes still inherit from object explicitly? py2 leftover cleanup # SUBCLASSES         # object
            What classes have a Clone method?                                    # CLASSES_WITH_METHOD    # Clone
            Which classes define a Visit_funcdef method?                         # CLASSES_WITH_METHOD    # Visit_funcdef
            all the Get* helpers                                                 # FUNCTIONS_BY_NAME      # Get*
            everything that accepts `exclude`                                    # FUNCTIONS_WITH_PARAMETER # exclude
            everything taking channel                                            # FUNCTIONS_WITH_PARAMETER # channel
            List the classes whose immediate base class is property.             # SUBCLASSES             # property
            all subclasses of property incl nested ones                          # SUBCLASSES             # property
            which classes end with property                                      # CLASSES_BY_NAME        # *property
            list properties                                                      # PROPERTIES             # -
            which functions take default as an argument                          # FUNCTIONS_WITH_PARAMETER # default
            Where does VALID_INTERFACES come from?                               # DEFINITIONS            # VALID_INTERFACES
            classes named something Writer                                       # CLASSES_BY_NAME        # *Writer
            how do the cli tools start, where are the mains                      # ENTRY_POINTS           # -
            jump to the EDEOption class                                          # DEFINITIONS            # EDEOption
            Which classes descend from object, transitively, including subclasses of subclasses? # SUBCLASSES # object
            all subclasses (any level) of the base rotating logger               # SUBCLASSES             # BaseRotatingLogger
            all classes inheriting from object directly or thru a parent         # SUBCLASSES             # object
            Show every function whose name contains default.                     # FUNCTIONS_BY_NAME      # default
            funcs starting with default                                          # FUNCTIONS_BY_NAME      # default*
            Show every function whose name contains from.                        # FUNCTIONS_BY_NAME      # from
            classes with a Clone method?                                         # CLASSES_WITH_METHOD    # Clone
            """)
    void blindSets137To142(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 143 to 148, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            where does the cli start                                             # ENTRY_POINTS           # -
            which fns take a file handle param (fh)                              # FUNCTIONS_WITH_PARAMETER # fh
            which classes subclass the base handler (BaseHandler)                # SUBCLASSES             # BaseHandler
            who catches the timeout error (TimeoutError)                         # CATCHES                # TimeoutError
            funcs with a ctx param (click)                                       # FUNCTIONS_WITH_PARAMETER # ctx
            Which classes implement describe?                                    # CLASSES_WITH_METHOD    # describe
            who implements explain()                                             # CLASSES_WITH_METHOD    # explain
            all subclasses of Sequence recursivly                                # SUBCLASSES             # Sequence
            class names w/ Service in them                                       # CLASSES_BY_NAME        # Service
            wheres enum.unique used as a class decorator                         # CLASSES_BY_DECORATOR   # enum.unique
            """)
    void blindSets143To148(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 149 to 154, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            long signatures, like more than fifteen args                         # MANY_PARAMETERS        # 16
            fns taking atleast 4 args                                            # MANY_PARAMETERS        # 4
            where are the tests for this thing                                   # TESTS                  # -
            Are there any classes built on ABC or declaring abstract methods?    # ABSTRACT_CLASSES       # -
            Which classes are named something ending in Generator?               # CLASSES_BY_NAME        # *Generator
            Which classes end in Generator?                                      # CLASSES_BY_NAME        # *Generator
            anything decorated with template? classwise                          # CLASSES_BY_DECORATOR   # template
            List every comment that starts with a Note: marker.                  # COMMENTS               # NOTE
            tech debt review: where are the FIXME comments?                      # COMMENTS               # FIXME
            whch classes have node as their immediate parent                     # SUBCLASSES             # Node
            everything under node in the hierarchy, all levels                   # SUBCLASSES             # Node
            Which functions have "2bytes" in their name?                         # FUNCTIONS_BY_NAME      # 2bytes
            Which functions take a whence parameter?                             # FUNCTIONS_WITH_PARAMETER # whence
            Which modules import ruamel.yaml?                                    # IMPORTS                # ruamel.yaml
            what exceptions does pyjwt have, writing the error docs              # EXCEPTION_CLASSES      # -
            whats on RSAPSSAlgorithm                                             # METHODS_OF_CLASS       # RSAPSSAlgorithm
            fns with difference in the name                                      # FUNCTIONS_BY_NAME      # difference
            Show me the classes whose immediate base class is the ECDH test case. # SUBCLASSES            # ECDH
            which test cases subclass BaseTest                                   # SUBCLASSES             # BaseTest
            subclasses of the Parser test case                                   # SUBCLASSES             # Parser
            Which classes define a children method?                              # CLASSES_WITH_METHOD    # children
            classes with a parent method                                         # CLASSES_WITH_METHOD    # parent
            which classes have an abstract method                                # ABSTRACT_CLASSES       # -
            """)
    void blindSets149To154(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 155 to 160, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            Which classes ultimately derive from object, through any number of levels? # SUBCLASSES       # object
            everything under object in the class tree, all levels                # SUBCLASSES             # object
            anything that derives from exception even thru another class         # SUBCLASSES             # Exception
            methods on Functions                                                 # METHODS_OF_CLASS       # Functions
            Which files import cPickle?                                          # IMPORTS                # cPickle
            Show all classes with Production anywhere in their name.             # CLASSES_BY_NAME        # Production
            What are all the subclasses of Describe, including transitive ones?  # SUBCLASSES             # Describe
            Show the full class hierarchy below Describe.                        # SUBCLASSES             # Describe
            Which methods carry the abstractproperty decorator from abc?         # FUNCTIONS_BY_DECORATOR # abc.abstractproperty
            which coroutines are slow in production                              # UNKNOWN                # -
            """)
    void blindSets155To160(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 161 to 166, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            Which classes have names ending in Params?                           # CLASSES_BY_NAME        # *Params
            wheres OutOfOrderTableProxy                                          # DEFINITIONS            # OutOfOrderTableProxy
            where do we import PyQt5                                             # IMPORTS                # PyQt5
            Which comments start with Note?                                      # COMMENTS               # NOTE
            classes w/ a setdefault override                                     # CLASSES_WITH_METHOD    # setdefault
            anything named check something? like check path and friends         # FUNCTIONS_BY_NAME      # check*
            what returns an iterator (annotated)                                 # FUNCTIONS_RETURNING    # Iterator
            where is the MAX_SIZE constant                                       # DEFINITIONS            # MAX_SIZE
            Which files import the compat module, tomlkit._compat?               # IMPORTS                # tomlkit._compat
            which classes have unittest.skipIf on them                           # CLASSES_BY_DECORATOR   # unittest.skipIf
            skipIf on a class anywhere?                                          # CLASSES_BY_DECORATOR   # skipIf
            whole subclass tree of TestCase pls                                  # SUBCLASSES             # TestCase
            any async defs in fixtures                                           # ASYNC_FUNCTIONS        # -
            What tests exist in the fixtures codebase?                           # TESTS                  # -
            Find functions whose return annotation is Fixture.                   # FUNCTIONS_RETURNING    # Fixture
            Which classes inherit from Fixture, directly or indirectly?          # SUBCLASSES             # Fixture
            What depends on fixtures?                                            # IMPORTS                # fixtures
            what are the fixtures?                                               # FUNCTIONS_BY_DECORATOR # fixture
            which fixture returns a client                                       # FUNCTIONS_BY_DECORATOR # fixture
            """)
    void blindSets161To166(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 167 to 172, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            classes that define set item, the dunder one                         # CLASSES_WITH_METHOD    # __setitem__
            classes defining get item dunder                                     # CLASSES_WITH_METHOD    # __getitem__
            Which functions are named starting with iter_?                       # FUNCTIONS_BY_NAME      # iter_*
            Which classes are named with the prefix Misbehaving?                 # CLASSES_BY_NAME        # Misbehaving*
            classes ending in Subtype                                            # CLASSES_BY_NAME        # *Subtype
            where r type errors caught                                           # CATCHES                # TypeError
            jump to AUTH_SCHEME_CLASSES definiton                                # DEFINITIONS            # AUTH_SCHEME_CLASSES
            methods on _patch_dict class                                         # METHODS_OF_CLASS       # _patch_dict
            ServerNotFoundError.. raised from where?                             # RAISES                 # ServerNotFoundError
            which methods r class methods                                        # FUNCTIONS_BY_DECORATOR # classmethod
            """)
    void blindSets167To172(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 173 to 178 and the generated questions on mock, one row each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            need every classmethod-decorated func, doing a tbutils refactor      # FUNCTIONS_BY_DECORATOR # classmethod
            which classes got in_words                                           # CLASSES_WITH_METHOD    # in_words
            every class named somthing Connection (suffix)                       # CLASSES_BY_NAME        # *Connection
            jump to extract_from_code definition pls                             # DEFINITIONS            # extract_from_code
            schema.setter usages? the setter for the schema prop                 # FUNCTIONS_BY_DECORATOR # schema.setter
            funcs starting with async                                            # FUNCTIONS_BY_NAME      # async*
            functions that begin with async def                                  # ASYNC_FUNCTIONS        # -
            which classes have a lot of methods                                  # UNKNOWN                # -
            which classes have a load method                                     # CLASSES_WITH_METHOD    # load
            """)
    void blindSets173To178(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 179 to 184, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            anything inheriting from Datetime at any levle                       # SUBCLASSES             # Datetime
            NamedTuple subclasses incl indirect ones                             # SUBCLASSES             # NamedTuple
            intenum subclases pls                                                # SUBCLASSES             # IntEnum
            cleaning up error types - who derives from valueerror directly       # SUBCLASSES             # ValueError
            any class decorated python 2 unicode compatible                      # CLASSES_BY_DECORATOR   # python_2_unicode_compatible
            classes decorated with add metaclass                                 # CLASSES_BY_DECORATOR   # add_metaclass
            provides.setter usages - which funcs                                 # FUNCTIONS_BY_DECORATOR # provides.setter
            List all classes whose name starts with a lower-case v.              # CLASSES_BY_NAME        # v*
            class names w/ Timezone anywhere in them, LocalTimezone etc          # CLASSES_BY_NAME        # Timezone
            Which class names end with the suffix Valid?                         # CLASSES_BY_NAME        # *Valid
            What functions end with the word signature?                          # FUNCTIONS_BY_NAME      # *signature
            what takes `executable` as an arg                                    # FUNCTIONS_WITH_PARAMETER # executable
            Where is the Maybe function defined?                                 # DEFINITIONS            # Maybe
            typing overload'd functions?                                         # FUNCTIONS_BY_DECORATOR # typing.overload
            @overload'd funcs                                                    # FUNCTIONS_BY_DECORATOR # overload
            undoc'd functions pls                                                # UNDOCUMENTED_FUNCTIONS # -
            where is _base64_alphabet set                                        # DEFINITIONS            # _base64_alphabet
            where are the unit tests, all of em                                  # TESTS                  # -
            """)
    void blindSets179To184(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 185 to 196, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            What methods does the Cleaner class define?                          # METHODS_OF_CLASS       # Cleaner
            Where is the Cleaner defined?                                        # DEFINITIONS            # Cleaner
            where is Cleaner                                                     # DEFINITIONS            # Cleaner
            Is Flask Better Than Django For This?                                # UNKNOWN                # -
            Which files import the vendored parse module, bleach._vendor.parse?  # IMPORTS                # bleach._vendor.parse
            which files import the vendored six                                  # IMPORTS                # six
            which files import vendored code                                     # THIRD_PARTY            # -
            which third party libs are imported in setup.py                      # THIRD_PARTY            # -
            whats got cook in its name (functions)                               # FUNCTIONS_BY_NAME      # cook
            which functions have got cook in their name                          # FUNCTIONS_BY_NAME      # cook
            anything with pickle by value in the function name?                  # FUNCTIONS_BY_NAME      # pickle_by_value
            functions with make cell anywhere in the name                        # FUNCTIONS_BY_NAME      # make_cell
            anything ocsp related by function name                               # FUNCTIONS_BY_NAME      # ocsp
            Which classes extend Pickler directly, without any intermediate class? # SUBCLASSES           # Pickler
            which ones implement decode? adding a charset arg                    # CLASSES_WITH_METHOD    # decode
            fns annotated -> type                                                # FUNCTIONS_RETURNING    # type
            which functions get a session passed in                              # FUNCTIONS_WITH_PARAMETER # session
            anything decorated functools total ordering at class level           # CLASSES_BY_DECORATOR   # functools.total_ordering
            functions decorated with functools wraps                             # FUNCTIONS_BY_DECORATOR # functools.wraps
            Show every function whose name contains assign.                      # FUNCTIONS_BY_NAME      # assign
            funcs starting with assign                                           # FUNCTIONS_BY_NAME      # assign*
            assign the TODOs to owners                                           # UNKNOWN                # -
            which class defines the nonzero dunder                               # CLASSES_WITH_METHOD    # __nonzero__
            automat._methodical importers?                                       # IMPORTS                # automat._methodical
            direct subclasses of ABCMeta?                                        # SUBCLASSES             # ABCMeta
            subclasses of ABCMeta                                                # ABSTRACT_CLASSES       # -
            whats the class ending in Middleware                                 # CLASSES_BY_NAME        # *Middleware
            what is the purpose of the class named Handler                       # UNKNOWN                # -
            """)
    void blindSets185To190(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes found by the blind sets of 197 to 220, one row each (read without a repository). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            Where is the USPostalCode validator defined?                         # DEFINITIONS            # USPostalCode
            where is the Undefined sentinel defined                              # DEFINITIONS            # Undefined
            who extends Recursive                                                # SUBCLASSES             # Recursive
            fns annotated w/ Optional[str] return                                # FUNCTIONS_RETURNING    # Optional[str]
            anything with a bool return                                          # FUNCTIONS_RETURNING    # bool
            does wrapt play nice with asyncio coroutines?                        # UNKNOWN                # -
            is it compatible with gevent                                         # UNKNOWN                # -
            anything inheriting from type at any level? hunting metaclasses      # SUBCLASSES             # type
            Show every class that has type among its ancestors, at any depth.    # SUBCLASSES             # type
            What classes directly extend the cached property descriptor class?   # SUBCLASSES             # cached_property
            What are all the transitive subclasses of cached_property?           # SUBCLASSES             # cached_property
            Find the classes with "property" anywhere in their name.             # CLASSES_BY_NAME        # property
            which functions are decorated with cached_property                   # FUNCTIONS_BY_DECORATOR # cached_property
            How does freezegun patch modules that imported datetime before the freeze started? # UNKNOWN # -
            which files can be launched                                          # ENTRY_POINTS           # -
            Which modules import the tz submodule of dateutil?                   # IMPORTS                # dateutil.tz
            who imports the parser module of dateutil                            # IMPORTS                # dateutil.parser
            what ends up extending Foo somewhere down the chain                  # SUBCLASSES             # Foo
            Where is the profile decorator applied?                              # FUNCTIONS_BY_DECORATOR # profile
            which coroutines are slow in prod                                    # UNKNOWN                # -
            type subclasses                                                      # SUBCLASSES             # type
            does csscombine keep the media of imported sheets?                   # UNKNOWN                # -
            Which functions contain the word Property in their name?             # FUNCTIONS_BY_NAME      # Property
            all the _set* setters                                                # FUNCTIONS_BY_NAME      # _set*
            fns annotated Optional[str] return                                   # FUNCTIONS_RETURNING    # Optional[str]
            _FilteredFilesCompleter - what methods has it got                    # METHODS_OF_CLASS       # _FilteredFilesCompleter
            Unit - list its methods pls                                          # METHODS_OF_CLASS       # Unit
            fucntions w/ a prefix param                                          # FUNCTIONS_WITH_PARAMETER # prefix
            functions whose names have the prefix param                          # FUNCTIONS_BY_NAME      # param*
            where's contextlib2 pulled in                                        # IMPORTS                # contextlib2
            Which functions take a klass parameter?                              # FUNCTIONS_WITH_PARAMETER # klass
            wheres underscore cmp called                                         # CALLERS                # _cmp
            which functions take the raiseExceptions flag                        # FUNCTIONS_WITH_PARAMETER # raiseExceptions
            does anything import yaml                                            # IMPORTS                # yaml
            anything using typing.final as a class decorator                     # CLASSES_BY_DECORATOR   # typing.final
            Which classes provide their own _Popen method?                       # CLASSES_WITH_METHOD    # _Popen
            which classes have accept() - listeners i guess                      # CLASSES_WITH_METHOD    # accept
            which classes got a then method, looking at the promise stuff        # CLASSES_WITH_METHOD    # then
            lru cached funcs? worried about memory w/ maxsize                    # FUNCTIONS_BY_DECORATOR # lru_cache
            Which functions accept an argv argument?                             # FUNCTIONS_WITH_PARAMETER # argv
            anything inheriting from exception even thru a middle class?         # SUBCLASSES             # Exception
            Which classes directly extend the built-in dictionary type?          # SUBCLASSES             # dict
            what extends plain object (direct only)                              # SUBCLASSES             # object
            whats directly under LibraryNotFoundException                        # SUBCLASSES             # LibraryNotFoundException
            who pulls in arg parse                                               # IMPORTS                # argparse
            funcs starting with block                                            # FUNCTIONS_BY_NAME      # block*
            Which files import dataclasses?                                      # IMPORTS                # dataclasses
            Which classes directly subclass ContextManager?                      # SUBCLASSES             # ContextManager
            what tests do we have, before i touch the tokenizer                  # TESTS                  # -
            any triple x comments left in the tests or elsewhere                 # COMMENTS               # XXX
            Which functions have names starting with describe?                   # FUNCTIONS_BY_NAME      # describe*
            which classes can be used in a with block                            # CONTEXT_MANAGERS       # -
            """)
    void blindSets197To220(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Shapes of blind sets 221 to 232 (first read blind, then mended), read without a repository. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            everything that ends up inheriting WebSocketAdapterProtocol, even via other classes # SUBCLASSES # WebSocketAdapterProtocol
            List the classes that use the @enum decorator.                       # CLASSES_BY_DECORATOR   # enum
            enum decorated classes? need the picture type one                    # CLASSES_BY_DECORATOR   # enum
            which classes are enums                                              # ENUMS                  # -
            where is _DEFAULT_BUFFER_SIZE set                                    # DEFINITIONS            # _DEFAULT_BUFFER_SIZE
            where is the timeout set                                             # UNKNOWN                # -
            Does the behave package define any Protocol classes for structural typing? # PROTOCOL_CLASSES # Protocol
            Does behave define any dataclasses?                                  # DATACLASSES            # -
            does the parser crash on empty input                                 # UNKNOWN                # -
            comments saying REQUIRES                                             # COMMENTS               # REQUIRES
            comments saying HTTP is slow                                         # UNKNOWN                # -
            Show me the conversion functions with _to_ in the middle of their name. # FUNCTIONS_BY_NAME   # _to_
            where is the refresh method called                                   # CALLERS                # refresh
            which classes get the no type check decorator                        # CLASSES_BY_DECORATOR   # no_type_check
            classes using six python 2 unicode compatible decorator              # CLASSES_BY_DECORATOR   # six.python_2_unicode_compatible
            writing a try/except around DriverManager, what errors does the lib define # EXCEPTION_CLASSES # -
            which functions have an is_private flag                              # FUNCTIONS_WITH_PARAMETER # is_private
            which functions have a global setting                                # UNKNOWN                # -
            who imports flask's json module                                      # IMPORTS                # flask.json
            which files import the consts module                                 # IMPORTS                # consts
            Where is InvalidSignature from cryptography caught?                  # CATCHES                # InvalidSignature
            Where is the DEFAULT constant defined?                               # DEFINITIONS            # DEFAULT
            test_replace_* tests, need the list                                  # FUNCTIONS_BY_NAME      # test_replace_*
            whats being skipped in the suite                                     # SKIPPED_TESTS          # -
            what does the compat mimetype header do, seeing weird accept headers # UNKNOWN                # -
            anything that inherits from serializer even nested? recursive       # SUBCLASSES             # Serializer
            classes having _get_sniff_data? sync and async both i think          # CLASSES_WITH_METHOD    # _get_sniff_data
            all the query_params decorated api methods pls                       # FUNCTIONS_BY_DECORATOR # query_params
            where do we resurrect() connections                                  # CALLERS                # resurrect
            which funcs are asyncio coroutine decorated, the old pre async def style # FUNCTIONS_BY_DECORATOR # asyncio.coroutine
            any asyncio coroutine stuff in here? im new                          # ASYNC_FUNCTIONS        # -
            What classes have names ending with the PDU suffix?                  # CLASSES_BY_NAME        # *PDU
            what supports with ... as - enter/exit classes                       # CONTEXT_MANAGERS       # -
            What are all the descendants of object in paho, at any depth?        # SUBCLASSES             # object
            methods on Properties?                                               # METHODS_OF_CLASS       # Properties
            functions with a properties param, adding v5 stuff                   # FUNCTIONS_WITH_PARAMETER # properties
            what returns Properties (annotated)                                  # FUNCTIONS_RETURNING    # Properties
            list all properties                                                  # PROPERTIES             # -
            EofFile class - every subclass recursively                           # SUBCLASSES             # EofFile
            classes starting Abstract..                                          # CLASSES_BY_NAME        # Abstract*
            find the XXX markers, someone disabled tests with them               # COMMENTS               # XXX
            where is @patch used as a decorator                                  # FUNCTIONS_BY_DECORATOR # patch
            What is the full inheritance tree below the Constant class, including grandchildren? # SUBCLASSES # Constant
            list the constants                                                   # CONSTANTS              # -
            any xxx's left in the code                                           # COMMENTS               # XXX
            non-stdlib imports? pyasn1 and what else                             # THIRD_PARTY            # -
            whats a direct child of Program, need it for a review                # SUBCLASSES             # Program
            what is a subclass                                                   # UNKNOWN                # -
            whats wrapped in @decorator (the vendored lib one)                   # FUNCTIONS_BY_DECORATOR # decorator
            subclasses of Foo (direct only)                                      # SUBCLASSES             # Foo
            functions returning str per the annotations                          # FUNCTIONS_RETURNING    # str
            who imports invoke??                                                 # IMPORTS                # invoke
            who imports it                                                       # UNKNOWN                # -
            Which functions are named _loads_v followed by a version number?     # FUNCTIONS_BY_NAME      # _loads_v*
            all the notes in comments                                            # COMMENTS               # NOTE
            deprecated notes in comments?                                        # COMMENTS               # DEPRECATED
            long param lists, say 4 at least                                     # MANY_PARAMETERS        # 4
            functions with 5 params at least                                     # MANY_PARAMETERS        # 5
            invoke() defined in which classes                                    # CLASSES_WITH_METHOD    # invoke
            PecanExtensionImporter - list its funcs                              # METHODS_OF_CLASS       # PecanExtensionImporter
            custom exc classes pls                                               # EXCEPTION_CLASSES      # -
            where is exc raised                                                  # RAISES                 # exc
            threading import anywhere?                                           # IMPORTS                # threading
            where do we defnie Timestamp                                         # DEFINITIONS            # Timestamp
            Show every class that descends from DateTimeField, including grandchildren. # SUBCLASSES    # DateTimeField
            RegionAlreadyConfigured - where do we raise that                     # RAISES                 # RegionAlreadyConfigured
            who uses add metaclass as a class decorator                          # CLASSES_BY_DECORATOR   # add_metaclass
            classes w/ Default prefix pls                                        # CLASSES_BY_NAME        # Default*
            who extends the CacheMutex abc                                       # SUBCLASSES             # CacheMutex
            Show the classes that derive directly from Sphinx's BuildDoc command. # SUBCLASSES            # BuildDoc
            What classes inherit from Flask's FlaskClient?                       # SUBCLASSES             # FlaskClient
            subclasses of Flask                                                  # SUBCLASSES             # Flask
            too many args? anything over 2 params                                # MANY_PARAMETERS        # 3
            How does reportbug decide which mail user agent to launch?           # UNKNOWN                # -
            how do i run it, main entrypoints                                    # ENTRY_POINTS           # -
            Show me every class whose name contains Bug.                         # CLASSES_BY_NAME        # Bug
            remove setup_app and header_loader for 0.7, go ahead                 # UNKNOWN                # -
            go to parse_args                                                     # DEFINITIONS            # parse_args
            Show me the methods of the chunked Decoder class.                    # METHODS_OF_CLASS       # Decoder
            classes decoratd by _register_lltd_specific_class?                   # CLASSES_BY_DECORATOR   # _register_lltd_specific_class
            i2repr defined in which classes?                                     # CLASSES_WITH_METHOD    # i2repr
            List the functions whose names end in 2str.                          # FUNCTIONS_BY_NAME      # *2str
            classes using attrs define decorator                                 # CLASSES_BY_DECORATOR   # attrs.define
            functions w/ exc_class param                                         # FUNCTIONS_WITH_PARAMETER # exc_class
            def of Not?                                                          # DEFINITIONS            # Not
            what's on Themes, any methods at all?                                # METHODS_OF_CLASS       # Themes
            whats in _Identifiers, method list                                   # METHODS_OF_CLASS       # _Identifiers
            which classes get total ordering from functools as a decorator       # CLASSES_BY_DECORATOR   # functools.total_ordering
            which classes have the private __update method                       # CLASSES_WITH_METHOD    # __update
            what does _Link have as methods                                      # METHODS_OF_CLASS       # _Link
            What does the code still flag with FIXME notes?                      # COMMENTS               # FIXME
            what does the verbose flag do                                        # UNKNOWN                # -
            In which file is the VERSION constant defined?                       # DEFINITIONS            # VERSION
            Show every function whose name contains has.                         # FUNCTIONS_BY_NAME      # has
            Show all methods of the Properties class.                            # METHODS_OF_CLASS       # Properties
            Which files import invoke?                                           # IMPORTS                # invoke
            What depends on invoke?                                              # IMPORTS                # invoke
            Which classes override Init?                                         # CLASSES_WITH_METHOD    # Init
            Which classes override InvokeMethod?                                 # CLASSES_WITH_METHOD    # InvokeMethod
            load_commands overridden where? classes pls                          # CLASSES_WITH_METHOD    # load_commands
            where is get_parser overridden?                                      # CLASSES_WITH_METHOD    # get_parser
            wheres max_bytes a param                                             # FUNCTIONS_WITH_PARAMETER # max_bytes
            non-stdlib imports, doing a license check                            # THIRD_PARTY            # -
            Unauthorized - where is it cought                                    # CATCHES                # Unauthorized
            what can Runtime do - list its methods                               # METHODS_OF_CLASS       # Runtime
            abc.abstractproperty usages (decorated methods)                      # FUNCTIONS_BY_DECORATOR # abc.abstractproperty
            which methods have the cache decorator, type manager stuff is slow   # FUNCTIONS_BY_DECORATOR # cache
            every make... function pls                                           # FUNCTIONS_BY_NAME      # make*
            Show functions whose return type is an optional str                  # FUNCTIONS_RETURNING    # Optional[str]
            any class still using six add metaclass? py2 leftovers               # CLASSES_BY_DECORATOR   # six.add_metaclass
            Is testtools.skipIf used to decorate any class?                      # CLASSES_BY_DECORATOR   # testtools.skipIf
            Are there any bare except clauses in oslo_db?                        # BARE_EXCEPTS           # -
            clases ending in Impl pls                                            # CLASSES_BY_NAME        # *Impl
            which classes impl __iter__                                          # CLASSES_WITH_METHOD    # __iter__
            what methods does FakeHTTPResponse stub                              # METHODS_OF_CLASS       # FakeHTTPResponse
            Which methods accept block_migration as an argument?                 # FUNCTIONS_WITH_PARAMETER# block_migration
            long signatures, 4 args and up                                       # MANY_PARAMETERS        # 4
            places swallowing a generic exception (except Exception)             # CATCHES                # Exception
            does set_many actually pipeline the commands or send them one by one # UNKNOWN                # -
            anything taking over twenty-five params lol                          # MANY_PARAMETERS        # 26
            things that accepts poll_period                                      # FUNCTIONS_WITH_PARAMETER# poll_period
            classes still wearing six.python_2_unicode_compatible?               # CLASSES_BY_DECORATOR   # six.python_2_unicode_compatible
            ddt.ddt classes                                                      # CLASSES_BY_DECORATOR   # ddt.ddt
            Show me every class marked with type check only.                     # CLASSES_BY_DECORATOR   # type_check_only
            who implements dunder enter                                          # CLASSES_WITH_METHOD    # __enter__
            where is Empty swallowed, callback_iter hangs sometimes              # CATCHES                # Empty
            try/excpet AttributeError anywhere?                                  # CATCHES                # AttributeError
            which handlers have the login required decorator                     # FUNCTIONS_BY_DECORATOR # login_required
            Which functions are decorated with @raises?                          # FUNCTIONS_BY_DECORATOR # raises
            escape_cdata calls - touching the xml escaping                       # CALLERS                # escape_cdata
            Which classes in Django subclass typing.Protocol?                    # PROTOCOL_CLASSES       # typing.Protocol
            who inherits from python's built in exception class directly         # SUBCLASSES             # Exception
            List all functions whose name begins with is underscore.             # FUNCTIONS_BY_NAME      # is_*
            whats on TypeInfo                                                    # METHODS_OF_CLASS       # TypeInfo
            Find all async functions in Django                                   # ASYNC_FUNCTIONS        # -
            Are there async functions in FastAPI?                                # ASYNC_FUNCTIONS        # -
            What files in Flask import the requests library?                     # IMPORTS                # requests
            files in Django importing yaml                                       # IMPORTS                # yaml
            find all functions in Django                                         # METHODS_OF_CLASS       # Django
            """)
    void blindSets221To232(String question, Intent.Kind kind, String parameter) {
        blindSets89To118(question, kind, parameter);
    }

    /** Wording of any depth: "ends up inheriting", "via other classes". */
    @org.junit.jupiter.api.Test
    void endsUpInheritingIsAnyDepth() {
        assertEquals(new Intent.Subclasses("WebSocketAdapterProtocol", true),
                classifier.classify("everything that ends up inheriting WebSocketAdapterProtocol, even via other classes"));
        assertEquals(new Intent.Subclasses("Frame", true), classifier.classify("subclasses of Frame via other classes too"));
        assertEquals(new Intent.Subclasses("DateTimeField", true),
                classifier.classify("Show every class that descends from DateTimeField, including grandchildren."));
        assertEquals(new Intent.Subclasses("Serializer", true),
                classifier.classify("anything that inherits from serializer even nested? recursive"));
        // the depth in brackets after a name said as words ("(any level)" is read after the name is)
        assertEquals(new Intent.Subclasses("FederationBaseAuth", true),
                classifier.classify("all classes that end up extending federation base auth (any level)"));
        assertEquals(new Intent.Subclasses("Auth", true), classifier.classify("classes extending auth (any level)"));
        // the depth in a clause between the verb and its preposition
        assertEquals(new Intent.Subclasses("ContextSuite", true), classifier.classify(
                "Which classes are derived, directly or through intermediate classes, from ContextSuite?"));
    }

    /** "without any intermediate class" says direct; "through intermediate classes too" any depth. */
    @org.junit.jupiter.api.Test
    void aNegatedIntermediateIsDirect() {
        assertEquals(new Intent.Subclasses("Pickler", false), classifier.classify("which classes extend Pickler with no intermediary"));
        assertEquals(new Intent.Subclasses("Pickler", true), classifier.classify("classes under Pickler, through intermediate classes too"));
    }

    /** The depth said with a slip or an abbreviation; "all of em" is no subject of the tests. */
    @org.junit.jupiter.api.Test
    void depthWithASlipAndTestsOfEm() {
        assertEquals(new Intent.Subclasses("Datetime", true), classifier.classify("anything inheriting from Datetime at any levle"));
        assertEquals(new Intent.Subclasses("NamedTuple", true), classifier.classify("NamedTuple subclasses incl indirect ones"));
        assertEquals(java.util.List.of(), classifier.analyze("where are the unit tests, all of em").notes());
    }

    /** "direct" decides the depth where a word of trees only says where to look; a negated "immediate" does not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            direct childs of Error pls, going thru the exception hierarchy       # false
            immediate children of Error in the tree                              # false
            List all descendants of Error, not just its immediate children.      # true
            classes inheriting from Error directly or indirectly                 # true
            refactoring the errors - full list of things inheriting Error, nested too # true
            """)
    void directDecidesTheDepth(String question, boolean indirect) {
        assertEquals(new Intent.Subclasses("Error", indirect), classifier.classify(question), question);
    }

    @org.junit.jupiter.api.Test
    void aRemarkOrAFileInParenthesesIsNoName() {
        assertEquals(new Intent.Subclasses("Content", false), classifier.classify("direct subclasses of the content class (content.py)"));
        assertEquals(Intent.Kind.UNKNOWN, classifier.classify("who calls the helper (optional)").kind());
    }

    /** The depth of a subclass question said in parentheses inside it, after the base, or as "its subclasses' subclasses". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            all subclasses (any level) of the base rotating logger               # BaseRotatingLogger
            List every class that derives from FormError, including subclasses of its subclasses. # FormError
            Which classes descend from object, transitively, including subclasses of subclasses? # object
            all classes inheriting from object directly or thru a parent         # object
            NSBase - every subclass, indirect too                                # NSBase
            all subclasses of Sequence recursivly                                # Sequence
            everything under node in the hierarchy, all levels                   # Node
            """)
    void theDepthIsReadWhereverItIsSaid(String question, String base) {
        assertEquals(new Intent.Subclasses(base, true), classifier.classify(question), question);
    }

    @org.junit.jupiter.api.Test
    void anywhereDownTheTreeIsAtAnyDepth() {
        assertEquals(new Intent.Subclasses("Docstring", true),
                classifier.classify("everything that inherits from Docstring anywhere down the tree"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I saw TimeoutError in a stack trace, where is it raised
            FIXEM comments
            which files import numpy and pandas
            uses of load_config
            we want to deprecate load_fixture. Which modules still use that function?
            """)
    void guessesAreStated(String question) {
        Classification c = classifier.analyze(question);
        assertTrue(c.uncertain(), question + " -> " + c);
    }
}
