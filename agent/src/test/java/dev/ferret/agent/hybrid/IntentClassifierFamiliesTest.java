package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failure families of the second blind phrasing set (bench/results/phrasings-blind2.md), each with phrasings
 * written for this test (not taken from a phrasing file): a library named by what the code does with it (HTTP via
 * requests, breaking without it), context clauses around the question ("new here", "I'm changing X, who calls
 * it?"), code-shaped base lists, methods of a class without the word "method", call sites, context-manager
 * abbreviations, names that contain a word; and on the other side yes/no questions about one named thing, change
 * requests behind a filler, jokes and "how many X does Y make", which must come back unknown. The last section holds
 * the families of the third blind set: contrasts with the plain kind ("rather than regular functions"), what the
 * caller must await, an async scope put first, a second request after "and", "... i mean", methods of a class in
 * other words, and on the other side opinions, interjections, requests to write code and choices between build tools.
 */
class IntentClassifierFamiliesTest {
    private final IntentClassifier classifier = new IntentClassifier();

    /** Expected kind, then the parameter ({@code -} for none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # a library named by what the code does with it
            which modules send HTTP requests through requests                  | IMPORTS                | requests
            do we fetch urls using httpx anywhere                              | IMPORTS                | httpx
            where do we do http calls with requests                            | IMPORTS                | requests
            what would stop working if yaml were uninstalled                   | IMPORTS                | yaml
            which files break without numpy                                    | IMPORTS                | numpy
            uses of python-dateutil                                            | IMPORTS                | dateutil
            httpx: which files?                                                | IMPORTS                | httpx
            yaml - where?                                                      | IMPORTS                | yaml
            # context around the question
            new to this repo - list the dataclasses please                     | DATACLASSES            | -
            I'm new here, which files import asyncio?                          | IMPORTS                | asyncio
            first week on the team: any FIXME notes I ought to look at?        | COMMENTS               | FIXME
            I'm renaming parse_header, where is it called?                     | CALLERS                | parse_header
            I'm extending Session, what methods does it define?                | METHODS_OF_CLASS       | Session
            show the async functions, I'm hunting a deadlock in the pool       | ASYNC_FUNCTIONS        | -
            # code-shaped base lists and base wording
            classes declared as `class Foo(Protocol)`                          | PROTOCOL_CLASSES       | Protocol
            list every `Name(Enum)` class                                      | ENUMS                  | -
            classes whose parent is BaseModel                                  | SUBCLASSES             | BaseModel
            # methods of a class without the word method
            what can a Session do                                              | METHODS_OF_CLASS       | Session
            all the defs inside Router                                         | METHODS_OF_CLASS       | Router
            what's defined in Pool                                             | METHODS_OF_CLASS       | Pool
            # callers
            call sites for flush                                               | CALLERS                | flush
            callsites of flush()                                               | CALLERS                | flush
            where do we invoke close in the import hooks                       | CALLERS                | close
            # context managers
            stuff usable in a with-block                                       | CONTEXT_MANAGERS       | -
            show ctx mgrs                                                      | CONTEXT_MANAGERS       | -
            # names containing a word
            functions with retry in the name                                   | FUNCTIONS_BY_NAME      | retry
            which functions have cache in their names                          | FUNCTIONS_BY_NAME      | cache
            # parameters, returns, exports, comments
            functions with a verbose flag argument                             | FUNCTIONS_WITH_PARAMETER | verbose
            which functions hand back a Response                               | FUNCTIONS_RETURNING    | Response
            anything that returns Coroutine                                    | FUNCTIONS_RETURNING    | Coroutine
            what does `from mypkg import *` give me                            | EXPORTS                | -
            todo comments in the cli, pls                                      | COMMENTS               | TODO
            hack markers in the parser                                         | COMMENTS               | HACK
            classes with a from_dict classmethod                               | CLASSES_WITH_METHOD    | from_dict
            # not a listing
            is load_config in settings.py async?                               | UNKNOWN                | -
            is the cache layer async or not                                    | UNKNOWN                | -
            is Order a dataclass?                                              | UNKNOWN                | -
            does parse_args raise ValueError?                                  | UNKNOWN                | -
            please rename fetch() to get()                                     | UNKNOWN                | -
            hey, convert the Config class to a dataclass                       | UNKNOWN                | -
            write me a poem about dataclasses                                  | UNKNOWN                | -
            how many queries does the report page send                         | UNKNOWN                | -
            is this FIXME still accurate?                                      | UNKNOWN                | -
            where should I begin reading                                       | UNKNOWN                | -
            is the sync client thread-safe                                     | UNKNOWN                | -
            # written after the fixes above and run once before any change for them (43 of 48 right then)
            which parts of the app make web calls through httpx                | IMPORTS                | httpx
            anything hitting the network via aiohttp?                          | IMPORTS                | aiohttp
            if we pip uninstall requests what breaks                           | IMPORTS                | requests
            modules that would fail without yaml installed                     | IMPORTS                | yaml
            py-yaml usage                                                      | IMPORTS                | yaml
            numpy - which modules?                                             | IMPORTS                | numpy
            who talks to redis                                                 | IMPORTS                | redis
            hi! new to this project. where are the dataclasses?                | DATACLASSES            | -
            i'm new - show me protocols                                        | PROTOCOL_CLASSES       | Protocol
            newbie here: any async functions?                                  | ASYNC_FUNCTIONS        | -
            I'm reviewing the auth code, which TODOs are there?                | COMMENTS               | TODO
            I'm deprecating load_all - who calls it?                           | CALLERS                | load_all
            I'm porting Widget to attrs; what methods does it have?            | METHODS_OF_CLASS       | Widget
            list the FIXMEs, I'm cleaning up before the release                | COMMENTS               | FIXME
            classes written as `class Foo(ABC)`                                | SUBCLASSES             | ABC
            things like `Bar(typing.Protocol)`                                 | PROTOCOL_CLASSES       | typing.Protocol
            any class whose base class is Exception                            | SUBCLASSES             | Exception
            what does a Transport instance offer                               | METHODS_OF_CLASS       | Transport
            which defs live in Client                                          | METHODS_OF_CLASS       | Client
            everything defined inside the Parser class                         | METHODS_OF_CLASS       | Parser
            call-sites of emit                                                 | CALLERS                | emit
            show me every call site for dispatch()                             | CALLERS                | dispatch
            who calls send_message                                             | CALLERS                | send_message
            what can I use in a with statement                                 | CONTEXT_MANAGERS       | -
            with-block compatible classes                                      | CONTEXT_MANAGERS       | -
            context-mgrs?                                                      | CONTEXT_MANAGERS       | -
            funcs with json in their name                                      | FUNCTIONS_BY_NAME      | json
            classes that have Error in the name                                | CLASSES_BY_NAME        | Error
            functions that hand back bytes                                     | FUNCTIONS_RETURNING    | bytes
            functions w/ a strict bool param                                   | FUNCTIONS_WITH_PARAMETER | strict
            what would `import *` from utils pull in                           | EXPORTS                | -
            fixme comments in the cli                                          | COMMENTS               | FIXME
            xxx markers please                                                 | COMMENTS               | XXX
            classes with an async from_url classmethod                         | CLASSES_WITH_METHOD    | from_url
            is parse_date async                                                | UNKNOWN                | -
            is the Session class a dataclass                                   | UNKNOWN                | -
            does Client subclass Protocol?                                     | UNKNOWN                | -
            is retry() decorated with lru_cache?                               | UNKNOWN                | -
            pls make fetch async                                               | UNKNOWN                | -
            kindly remove the TODOs                                            | UNKNOWN                | -
            tell me a story about dataclasses                                  | UNKNOWN                | -
            how many rows does the import job write                            | UNKNOWN                | -
            are the FIXMEs in the parser still valid?                          | UNKNOWN                | -
            is the http client sync or async?                                  | UNKNOWN                | -
            are there any dataclasses?                                         | DATACLASSES            | -
            do we have async functions in the client?                          | ASYNC_FUNCTIONS        | -
            is numpy used anywhere?                                            | IMPORTS                | numpy
            are any classes Protocols?                                         | PROTOCOL_CLASSES       | Protocol
            # a third set, written after both rounds of fixes and run once before the last change (34 of 35 right)
            hey quick q - got any typing protocols in here?                    | PROTOCOL_CLASSES       | Protocol
            protcols defined in the repo?                                      | PROTOCOL_CLASSES       | Protocol
            structural interfaces (Protocol subclasses) pls                    | PROTOCOL_CLASSES       | Protocol
            I'm onboarding this week; list the Protocol classes                | PROTOCOL_CLASSES       | Protocol
            anything of the form class Foo(Protocol)?                          | PROTOCOL_CLASSES       | Protocol
            async defs, all of them                                            | ASYNC_FUNCTIONS        | -
            new to the repo, where are the coroutines?                         | ASYNC_FUNCTIONS        | -
            which handlers are asynchronus                                     | ASYNC_FUNCTIONS        | -
            what's awaitable around here                                       | ASYNC_FUNCTIONS        | -
            every async def in the networking bits                             | ASYNC_FUNCTIONS        | -
            where does the code pull in requests                               | IMPORTS                | requests
            requests lib - who uses it?                                        | IMPORTS                | requests
            grep for requests imports                                          | IMPORTS                | requests
            are we still on requests somewhere?                                | IMPORTS                | requests
            which scripts make network calls using requests                    | IMPORTS                | requests
            what depends on requests                                           | IMPORTS                | requests
            dataclasses plz                                                    | DATACLASSES            | -
            I'm mapping the data model: which classes are @dataclass?          | DATACLASSES            | -
            show the dataclass-decorated types                                 | DATACLASSES            | -
            where do we use @dataclass                                         | DATACLASSES            | -
            TODOs in the repo?                                                 | COMMENTS               | TODO
            new here - any TODO comments to be aware of?                       | COMMENTS               | TODO
            todo list from the code comments                                   | COMMENTS               | TODO
            what's left to do according to the comments (TODO)                 | COMMENTS               | TODO
            is the scheduler a Protocol?                                       | UNKNOWN                | -
            is handle_request async or sync?                                   | UNKNOWN                | -
            does the Config dataclass freeze its fields?                       | UNKNOWN                | -
            plz convert Config to a dataclass                                  | UNKNOWN                | -
            make every function async                                          | UNKNOWN                | -
            give me a limerick about TODO comments                             | UNKNOWN                | -
            how many retries does the client do                                | UNKNOWN                | -
            is requests thread-safe?                                           | UNKNOWN                | -
            why do we import requests twice                                    | UNKNOWN                | -
            was the TODO in models.py fixed?                                   | UNKNOWN                | -
            I'm new here, what does this project do?                           | UNKNOWN                | -
            # a fourth set on the five standard questions and the no-intent side (38 of 42 right before its fixes)
            where r the protocol classes                                       | PROTOCOL_CLASSES       | Protocol
            Protocol-based classes in src/?                                    | PROTOCOL_CLASSES       | Protocol
            typing.Protocol implementers                                       | PROTOCOL_CLASSES       | Protocol
            quick one: protocols?                                              | PROTOCOL_CLASSES       | Protocol
            enumerate classes that inherit Protocol, thanks                    | PROTOCOL_CLASSES       | Protocol
            I need every Protocol in the codebase for a diagram                | PROTOCOL_CLASSES       | Protocol
            show asyn functions                                                | ASYNC_FUNCTIONS        | -
            list coroutine functions (async def)                               | ASYNC_FUNCTIONS        | -
            which methods are declared with async                              | ASYNC_FUNCTIONS        | -
            anything awaitable defined in the server module?                   | ASYNC_FUNCTIONS        | -
            count the async functions, I'm estimating a port to trio           | ASYNC_FUNCTIONS        | -
            sites that import requests                                         | IMPORTS                | requests
            import requests - where?                                           | IMPORTS                | requests
            who still needs the requests package                               | IMPORTS                | requests
            requests usage across modules                                      | IMPORTS                | requests
            modules that do `import requests` or `from requests import`        | IMPORTS                | requests
            which code sends http through the requests lib                     | IMPORTS                | requests
            are we using reqeusts anywhere                                     | IMPORTS                | requests
            all @dataclass classes                                             | DATACLASSES            | -
            dataclass definitions in models/                                   | DATACLASSES            | -
            what are our data classes                                          | DATACLASSES            | -
            which records use the dataclass decorator                          | DATACLASSES            | -
            datclasses?                                                        | DATACLASSES            | -
            show every TODO                                                    | COMMENTS               | TODO
            todo's left in the code                                            | COMMENTS               | TODO
            unfinished work marked TODO                                        | COMMENTS               | TODO
            any TODO: lines?                                                   | COMMENTS               | TODO
            I'm planning the sprint - what TODOs do we have?                   | COMMENTS               | TODO
            what is a coroutine                                                | UNKNOWN                | -
            should Config be a dataclass                                       | UNKNOWN                | -
            explain the Protocol in transport.py                               | UNKNOWN                | -
            can you rewrite the TODOs as issues                                | UNKNOWN                | -
            what does requests.get return                                      | UNKNOWN                | -
            is requests faster than httpx                                      | UNKNOWN                | -
            is fetch() a coroutine?                                            | UNKNOWN                | -
            does Order inherit from Protocol                                   | UNKNOWN                | -
            lol write a haiku about coroutines                                 | UNKNOWN                | -
            who added the TODO in cli.py                                       | UNKNOWN                | -
            how many seconds does the async test suite take                    | UNKNOWN                | -
            are dataclasses slower than namedtuples                            | UNKNOWN                | -
            delete all the FIXME comments pls                                  | UNKNOWN                | -
            hey, is the parser async?                                          | UNKNOWN                | -
            # a fifth set on the structural kinds (26 of 29 right before its fixes)
            kids of BaseCommand                                                | SUBCLASSES             | BaseCommand
            what derives from Plugin, at any level                             | SUBCLASSES             | Plugin
            all the classes under Node in the hierarchy, recursively           | SUBCLASSES             | Node
            @attr.s classes                                                    | CLASSES_BY_DECORATOR   | attr.s
            classes wrapped in @total_ordering                                 | CLASSES_BY_DECORATOR   | total_ordering
            which classes have a __call__                                      | CLASSES_WITH_METHOD    | __call__
            classes that implement close()                                     | CLASSES_WITH_METHOD    | close
            what does Session define                                           | METHODS_OF_CLASS       | Session
            methods on the Router class                                        | METHODS_OF_CLASS       | Router
            Router's methods?                                                  | METHODS_OF_CLASS       | Router
            functions decorated by @pytest.fixture                             | FUNCTIONS_BY_DECORATOR | pytest.fixture
            every @cached_property                                             | FUNCTIONS_BY_DECORATOR | cached_property
            funcs named test_*                                                 | FUNCTIONS_BY_NAME      | test_*
            functions whose name ends in _async                                | FUNCTIONS_BY_NAME      | *_async
            which functions accept a loop argument                             | FUNCTIONS_WITH_PARAMETER | loop
            defs with **kwargs                                                 | FUNCTIONS_WITH_PARAMETER | kwargs
            functions annotated -> None                                        | FUNCTIONS_RETURNING    | None
            what returns a dict                                                | FUNCTIONS_RETURNING    | dict
            where do we throw ValueError                                       | RAISES                 | ValueError
            places raising KeyError                                            | RAISES                 | KeyError
            our own exception types                                            | EXCEPTION_CLASSES      | -
            with-able objects                                                  | CONTEXT_MANAGERS       | -
            getters defined with @property                                     | PROPERTIES             | -
            what's in the public api                                           | EXPORTS                | -
            module-level constants                                             | CONSTANTS              | -
            who invokes validate()                                             | CALLERS                | validate
            where is flush called from                                         | CALLERS                | flush
            which modules import from os.path                                  | IMPORTS                | os.path
            XXX markers                                                        | COMMENTS               | XXX
            # the families of the third blind set (bench/results/phrasings-blind3.md), written for this test and run
            # once before their fixes (14 of 40 right then); the last six keep the fixes apart from what they resemble
            # contrast clauses
            which defs are coroutines rather than plain functions              | ASYNC_FUNCTIONS        | -
            list the classes that are dataclasses as opposed to normal classes | DATACLASSES            | -
            functions that are async, not regular sync ones                    | ASYNC_FUNCTIONS        | -
            protocols rather than concrete classes, which are there            | PROTOCOL_CLASSES       | Protocol
            # what the caller must await
            what do I have to await in this codebase                           | ASYNC_FUNCTIONS        | -
            functions you must await                                           | ASYNC_FUNCTIONS        | -
            which calls need awaiting                                          | ASYNC_FUNCTIONS        | -
            async/await code - which functions                                 | ASYNC_FUNCTIONS        | -
            show me the async / await functions                                | ASYNC_FUNCTIONS        | -
            # an async scope put first
            in the async part of the code, which defs exist?                   | ASYNC_FUNCTIONS        | -
            within the async layer, what functions do we have                  | ASYNC_FUNCTIONS        | -
            # a second request after "and"
            which modules have FIXME notes, and what do they say?              | COMMENTS               | FIXME
            list the dataclasses and tell me what fields they have             | DATACLASSES            | -
            where are the TODOs and what are they about                        | COMMENTS               | TODO
            # "... i mean"
            find the dataclasses, the @dataclass ones i mean                   | DATACLASSES            | -
            search for protocols, the typing kind i mean                       | PROTOCOL_CLASSES       | Protocol
            # structural kinds
            what does the Session class offer in terms of methods              | METHODS_OF_CLASS       | Session
            which methods does the class Pool have                             | METHODS_OF_CLASS       | Pool
            which methods has the class Parser                                 | METHODS_OF_CLASS       | Parser
            what can I call on a Connection object                             | METHODS_OF_CLASS       | Connection
            what methods can I call on a Cursor instance                       | METHODS_OF_CLASS       | Cursor
            who is calling the function flush_all                              | CALLERS                | flush_all
            who's calling send_request                                         | CALLERS                | send_request
            functions whose names begin with an underscore                     | FUNCTIONS_BY_NAME      | _*
            defs starting with a double underscore                             | FUNCTIONS_BY_NAME      | __*
            classes implementing __enter__ and __exit__                        | CONTEXT_MANAGERS       | -
            which classes define both __enter__ and __exit__                   | CONTEXT_MANAGERS       | -
            classes with Mixin somewhere up the inheritance chain              | SUBCLASSES             | Mixin
            classes that have BaseHandler anywhere up the chain                | SUBCLASSES             | BaseHandler
            give me classes that have the method to_dict                       | CLASSES_WITH_METHOD    | to_dict
            classes which have a method called close                           | CLASSES_WITH_METHOD    | close
            # not a listing
            thoughts on replacing the TODO tracker with issues?                | UNKNOWN                | -
            any thoughts on moving the dataclasses to pydantic                 | UNKNOWN                | -
            lol so many FIXMEs in here                                         | UNKNOWN                | -
            haha why is everything async                                       | UNKNOWN                | -
            help me write a dataclass for the config                           | UNKNOWN                | -
            can you write a Protocol for the cache backend                     | UNKNOWN                | -
            write an async function that fetches urls                          | UNKNOWN                | -
            is this project using setuptools or hatch                          | UNKNOWN                | -
            does this repo use poetry or pipenv                                | UNKNOWN                | -
            # the same families kept apart: still read as before
            What methods have a None return annotation?                        | FUNCTIONS_RETURNING    | None
            which files import pip or setuptools                               | IMPORTS                | pip
            lol where are the TODOs                                            | COMMENTS               | TODO
            is requests better rather than httpx                               | UNKNOWN                | -
            who calls fetch instead of get                                     | UNKNOWN                | -
            what do you mean by dataclass                                      | UNKNOWN                | -
            """)
    void families(String question, Intent.Kind kind, String parameter) {
        Intent intent = classifier.classify(question);
        assertEquals(kind, intent.kind(), question + " -> " + intent);
        String actual = intent instanceof Intent.Unknown || intent.argument().isEmpty() ? "-" : intent.argument();
        assertEquals(parameter, actual, question + " -> " + intent);
    }

    /** A name taken from a context clause for a pronoun is a guess, and the answer says what it assumed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I'm renaming parse_header, where is it called?
            I'm extending Session, what methods does it define?
            """)
    void aNameTakenFromTheContextIsStated(String question) {
        Classification c = classifier.analyze(question);
        assertTrue(c.uncertain(), question + " -> " + c);
        assertTrue(c.assumption().startsWith("Reading the question as: "), c.assumption());
    }

    /** A second request after the listing is not answered, and the answer says so. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            which files have TODO comments, and what do they say?
            list the dataclasses and explain why they are frozen
            """)
    void aSecondRequestIsNamedAsNotAnswered(String question) {
        Classification c = classifier.analyze(question);
        assertTrue(c.uncertain(), question + " -> " + c);
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("only the listing is answered")), c.notes().toString());
    }
}
