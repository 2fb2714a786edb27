package dev.ferret.agent.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.python.PythonIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A repository's names said as words ("who calls process payment") are read as those names. */
class SpokenNamesTest {
    @TempDir
    static Path repo;
    private static PythonIndex index;
    private final HybridAnswerer answerer = new HybridAnswerer();
    private final IntentClassifier classifier = new IntentClassifier();

    @BeforeAll
    static void setUp() throws IOException {
        Files.createDirectories(repo.resolve("payments"));
        Files.writeString(repo.resolve("payments/__init__.py"), "");
        Files.writeString(repo.resolve("payments/service.py"), """
                class BaseHandler:
                    pass


                class CardHandler(BaseHandler):
                    def get_item(self, key):
                        return key


                def process_payment(order, max_retries=3):
                    return order


                def build_request(order):
                    return order


                def show_all():
                    pass


                def too_many_arguments(context):
                    return _from_exception(context)


                def _from_exception(error):
                    return skipTests(error)


                def skipTests(error):
                    return error


                def buildUrl(host, path):
                    return host + path


                class UserRepository:
                    def find_by_email(self, email):
                        return email

                    def save(self, user):
                        return user
                """);
        Files.writeString(repo.resolve("api.py"), """
                from dataclasses import dataclass
                from http.client import HTTPConnection
                from payments.service import build_request, process_payment, buildUrl


                class PooledConnection(HTTPConnection):
                    pass


                def checkout(order):
                    build_request(order)
                    process_payment(order)
                    return buildUrl("h", "/p")


                @dataclass
                class Order:
                    total: int = 0


                TYPE_NONE = type(None)
                json_module = None
                _TYPEDDICT_TYPES = ()


                def render(login_form=None, accept_encoding=None, encoding=None):
                    return login_form
                """);
        Files.writeString(repo.resolve("views.py"), """
                class Form:
                    def visit(self, node):
                        visit_method = getattr(self, "visit_" + node)
                        return visit_method(node)


                class LoginForm(Form):
                    pass


                class WebSocketDisconnected(Exception):
                    pass


                class NonSquareMatrixError(ValueError):
                    pass


                class HTTPNotFound(Exception):
                    pass


                class Finder:
                    pass


                class ZipFinder(Finder):
                    def reportinfo(self):
                        return "zip"


                class Config:
                    pass


                class PolificationFailed(Exception):
                    pass


                def collect(nodeid):
                    import email.mime.text
                    import IPython
                    try:
                        raise PolificationFailed(nodeid)
                    except PolificationFailed:
                        return email.mime.text


                class ModelAdmin:
                    def changelist_view(self, request):
                        return request


                def filldedent(text):
                    from copy import deepcopy
                    return deepcopy(text)


                def to_container(value):
                    if not value:
                        raise NonSquareMatrixError(filldedent("no"))
                    return [value]


                class LoginView:
                    form_class = LoginForm

                    def get(self, timeout_param=None):
                        return self.form_class()
                """);
        Files.writeString(repo.resolve("extras.py"), """
                import functools
                import unicodedata
                from distributed.worker_state_machine import Task


                def report(issues_url):
                    return issues_url


                ISSUES_URL = "https://example.invalid/issues"


                class Record:
                    def _to_dict(self):
                        return {}


                class Snapshot:
                    def to_dict(self):
                        return self._to_dict()


                class LRUCache:
                    pass


                class IgnoreRequest(Exception):
                    pass


                class NotConfigured(Exception):
                    pass


                class Status:
                    pass


                def async_unsafe(message):
                    return lambda f: f


                @async_unsafe("no")
                def connect(self):
                    pass


                def not_implemented_for(kind):
                    return lambda f: f


                @functools.lru_cache(maxsize=56)
                @not_implemented_for("directed")
                def degree(graph):
                    try:
                        raise IgnoreRequest(graph)
                    except NotConfigured:
                        return LRUCache()
                """);
        Files.writeString(repo.resolve("blind89.py"), """
                import typing_extensions


                def action_method(wrapped):
                    return wrapped


                class Action:
                    @action_method
                    def action(self, values_only=False):
                        pass


                class NotTreeError(Exception):
                    pass


                def lookup(tree):
                    raise NotTreeError(tree)


                class Server:
                    def on_task_complete(self, task):
                        pass


                subprocess_imported = False
                import subprocess


                def argument_clinic(spec):
                    return lambda f: f


                class GreenSocket:
                    def recv_into(self, buffer):
                        pass
                """);
        Files.writeString(repo.resolve("blind101.py"), """
                import more_itertools
                import websocket
                import test.support

                DEFAULT_CHARSET = "utf-8"


                class Event:
                    pass


                class LoadFromTestCaseEvent(Event):
                    pass


                class MoreInputRequired(Exception):
                    pass


                class StoreError(Exception):
                    pass


                class NotFound(StoreError):
                    pass


                class SerializerClass:
                    pass


                class Edit:
                    def keypress(self, size, key):
                        pass


                class Autoreloader:
                    def start(self):
                        pass


                def classproperty(func):
                    return func


                class Config:
                    @classproperty
                    def defaults(cls):
                        return {}


                def connect_signal(obj, name, callback, weak_args=None):
                    raise MoreInputRequired()


                def session_export(session_export):
                    return session_export


                def create_api_error_from_http_exception(e):
                    return e
                """);
        Files.writeString(repo.resolve("blind107.py"), """
                from yaml import nodes


                class Node:
                    pass


                class ScalarNode(Node):
                    pass


                class Root:
                    pass


                class Document(Root):
                    pass


                def register_type(kind):
                    return lambda f: f


                @register_type("x")
                def convert(value, skip_ws=True):
                    return get_config_parameter("x")


                def get_config_parameter(name):
                    return name


                class Interpreters:
                    def getsupportedinterpreter(self, info):
                        return info


                class BaseUnicodeTest:
                    pass


                class TestFSAPIs(BaseUnicodeTest):
                    pass
                """);
        Files.writeString(repo.resolve("blind119.py"), """
                import logging

                import chardet
                import charset_normalizer
                from zope.interface import implementer


                def get_logger():
                    return logging.getLogger("x")


                def detwingle(data, smart_quotes_to=None):
                    return chardet.detect(data)


                def new_tag(name):
                    return name


                def make(name):
                    return new_tag(name)


                def iwait_on_objects(objects):
                    return objects


                def from_n3(s):
                    return s


                def serve(listener, handler_class=None):
                    return listener


                class AresSettingMixin:
                    pass


                class ResolverConfig(AresSettingMixin):
                    pass


                @implementer(object)
                class GreenletTree:
                    def format(self):
                        return ""


                class PDFDocument:
                    def save(self):
                        pass


                class TTFont:
                    pass


                class XsdType:
                    pass


                class XsdSimpleType(XsdType):
                    pass


                class XMLSchemaModelDepthError(Exception):
                    pass


                class SPARQLTypeError(Exception):
                    pass


                def check(depth):
                    if depth > 9:
                        raise XMLSchemaModelDepthError()
                    try:
                        return depth
                    except SPARQLTypeError:
                        return None


                class Describer:
                    def value(self):
                        pass


                class directional_link:
                    def link(self):
                        pass


                class HTMLTreeBuilderSmokeTest:
                    pass


                def signature_has_traits(cls):
                    return cls


                @signature_has_traits
                class HasTraits:
                    pass


                class LXMLTreeBuilderSmokeTest(HTMLTreeBuilderSmokeTest):
                    pass
                """);
        Files.writeString(repo.resolve("blind125.py"), """
                from subprocess import Popen


                def _lazyclassproperty(fn):
                    return fn


                def v_args(cls):
                    return cls


                def in_pending_state(fn):
                    return fn


                class rrulebase:
                    pass


                class rrule(rrulebase):
                    pass


                class tzrangebase:
                    pass


                class tzrange(tzrangebase):
                    pass


                class _timelex:
                    def split(self):
                        pass


                class searcher_re:
                    def search(self):
                        pass


                class isoparser:
                    def parse(self):
                        pass


                class parser:
                    def parse(self):
                        pass


                class spawn:
                    def isalive(self):
                        return True

                    def expect_async(self, pattern):
                        return pattern

                    @_lazyclassproperty
                    def codes(self):
                        return []

                    @in_pending_state
                    def start(self):
                        pass


                class pty_spawn(spawn):
                    pass


                class Connection:
                    pass


                class TIMEOUT(Exception):
                    pass


                class ExceptionFSM(Exception):
                    pass


                class LexError(Exception):
                    pass


                class UnexpectedChar(LexError):
                    pass


                class UnexpectedEOF(UnexpectedChar):
                    pass


                @v_args
                class Transformer:
                    pass


                def run(command, withexitstatus=False):
                    if not command:
                        raise TIMEOUT()
                    if command == "x":
                        raise ExceptionFSM()
                    return Popen(command)


                def open_pipe(command) -> Popen:
                    return Popen(command)


                def with_statement():
                    pass
                """);
        Files.writeString(repo.resolve("blind131.py"), """
                oct2int = ord


                def yaml_object(yml):
                    return yml


                class YAMLObject:
                    pass


                class SerialTimeout:
                    def time_left(self):
                        return oct2int("a")


                def wait_for(deadline):
                    return deadline.time_left()


                def emit_tag(tag_prefix, as_version=4):
                    return tag_prefix


                def output_from_msg(msg):
                    return msg


                class NoTerminal:
                    pass


                class NoControls(NoTerminal):
                    pass


                class SQLiteSignatureStore:
                    def store(self):
                        pass


                class _FeedURLHandler:
                    def http_error_301(self, req):
                        return req


                class _BaseHTMLProcessor:
                    def feed(self, data):
                        return data


                class _FeedParserMixin:
                    def _start_itunes_author(self, attrs):
                        pass

                    def _start_itunes_name(self, attrs):
                        pass


                class ABCInterfaceClass:
                    def getABC(self):
                        pass


                ABCInterface = ABCInterfaceClass()


                class ISequence(ABCInterface):
                    pass


                class ScalarNode:
                    @property
                    def value(self):
                        return 1

                    @value.setter
                    def value(self, v):
                        pass
                """);
        Files.writeString(repo.resolve("blind131_decoder.py"), """
                from blind131 import oct2int


                def decode_length(octets):
                    return oct2int(octets[0])
                """);
        Files.writeString(repo.resolve("blind137.py"), """
                import contextlib
                import unittest


                class NSBase:
                    pass


                class NS(NSBase):
                    pass


                class LRUCache:
                    def get(self, key):
                        return key


                class EDEOption:
                    pass


                class CyclicSendTaskABC:
                    pass


                class ModifiableCyclicTaskABC(CyclicSendTaskABC):
                    pass


                class curry:
                    def bind(self, *args):
                        return args

                    def _should_curry(self, args):
                        return args


                @curry
                def merge(*dicts):
                    return dicts


                @unittest.skipIf(True, "old")
                class OldTest(unittest.TestCase):
                    pass


                @contextlib.contextmanager
                def opened(path):
                    yield path


                def parse_message(data, raise_on_truncation=False):
                    return data
                """);
        Files.writeString(repo.resolve("blind143.py"), """
                import enum


                class MultipleExceptions(Exception):
                    pass


                class TestCase:
                    def run(self):
                        try:
                            self.wasSuccessful()
                        except MultipleExceptions:
                            raise

                    def wasSuccessful(self):
                        return True


                class TestResult:
                    pass


                class TestResultDecorator(TestResult):
                    pass


                class Registry:
                    async def async_add(self, item):
                        return item


                @enum.unique
                class State(enum.Enum):
                    READY = 1
                """);
        Files.writeString(repo.resolve("blind149.py"), """
                from bisect import insort

                from ply.lex import TOKEN


                class tqdm_notebook:
                    def display(self):
                        return None


                def tqdm_notebook_factory():
                    return tqdm_notebook()


                def swapbytes(data):
                    return data[::-1]


                class Lexer:
                    def token(self):
                        return None

                    @TOKEN(r"[0-9]+")
                    def t_NUMBER(self, t):
                        return t


                def add(items, item):
                    insort(items, swapbytes(item))
                """);
        Files.writeString(repo.resolve("blind155.py"), """
                import collections.abc


                class JMESPathError(ValueError):
                    pass


                class ArityError(JMESPathError):
                    pass


                class VariadicArityError(ArityError):
                    pass


                def validate(args):
                    if not isinstance(args, collections.abc.Sequence):
                        raise ArityError()
                """);
        Files.writeString(repo.resolve("blind161.py"), """
                import enum
                import re
                from datetime import tzinfo

                PYTHON_SHEBANG_REGEX = re.compile(r"^#!.*python")


                class ParseError(ValueError):
                    pass


                class UnexpectedCharError(ParseError):
                    pass


                class Checker:
                    def report(self):
                        return None

                    def handle_node(self, node):
                        return node


                class StringType(enum.Enum):
                    SLB = '"'

                    def select(self):
                        return self


                class Source:
                    def parse_error(self, kind):
                        return kind()

                    def peek(self):
                        raise self.parse_error(ParseError)


                def ends_with_whitespace(text):
                    return text.endswith(" ")


                def append_item(text):
                    return ends_with_whitespace(text)


                class Cursor:
                    def _do_get_result(self):
                        return None


                class Utc(tzinfo):
                    pass
                """);
        Files.writeString(repo.resolve("blind167.py"), """
                class NetrcParseError(Exception):
                    pass


                class ServerNotFoundError(Exception):
                    pass


                def get_netrc_auth(url):
                    try:
                        return url.netrc()
                    except NetrcParseError:
                        return None


                def open_socket(host):
                    raise ServerNotFoundError(host)


                def json_loads(text, parse_constant=None):
                    return text


                def assert_has_calls(calls, any_order=False):
                    return calls


                def _delegating_property(name):
                    return property(lambda self: name)


                def with_custom_patch(target):
                    return target


                @with_custom_patch
                class Patched:
                    pass


                def int2bytes(number):
                    return bytes(number)


                def rsa_encrypt(number):
                    return int2bytes(number)


                class Credentials:
                    pass


                class KeyCerts(Credentials):
                    pass


                class _patch_dict:
                    def stop(self):
                        return None


                def is_safe_uri(uri):
                    return uri


                def sanitize(uri):
                    return is_safe_uri(uri)


                class Period:
                    def start_of(self, unit):
                        return unit

                    def is_closing(self):
                        return False
                """);
        Files.writeString(repo.resolve("blind179.py"), """
                from decimal import InvalidOperation
                from hypothesis import given


                class Marker(object):
                    pass


                class Optional(Marker):
                    pass


                class Exclusive(Optional):
                    pass


                class Error(Exception):
                    pass


                class TooManyValid(Error):
                    pass


                class UIDGenerator(object):
                    def uid(self):
                        return 1


                class TypesFactory:
                    def for_property(self, name):
                        return name


                def coerce(value):
                    try:
                        return int(value)
                    except InvalidOperation:
                        raise TooManyValid()


                def _cmpkey(version):
                    return version


                class TimedSerializer:
                    pass


                class URLSafeTimedSerializer(TimedSerializer):
                    pass


                def is_text_serializer(serializer):
                    return serializer


                @given(1)
                def test_main(x):
                    return x
                """);
        Files.writeString(repo.resolve("validators.py"), """
                class Datetime(object):
                    pass


                class Date(Datetime):
                    pass
                """);
        Files.writeString(repo.resolve("blind185.py"), """
                from collections import namedtuple
                from enum import IntEnum
                import html5lib
                from html5lib._tokenizer import HTMLTokenizer

                try:
                    import PyICU
                except ImportError:
                    PyICU = None

                KILL_CURSOR_FREQUENCY = 1
                PAGE_RANGE_ALL = "::"

                _DefragResultBase = namedtuple("DefragResult", "url fragment")


                class DefragResult(_DefragResultBase):
                    pass


                class PasswordType(IntEnum):
                    NOT_DECRYPTED = 0


                class ComponentBehavior(object):
                    pass


                class VCalendar2_0(ComponentBehavior):
                    pass


                class LineParseError(Exception):
                    pass


                class NotMasterError(Exception):
                    pass


                def verify(password, _password_type=None, retryable_write=False, errors="strict"):
                    # BBB: kept for old callers
                    if password is None:
                        raise LineParseError()
                    try:
                        return PasswordType(0)
                    except NotMasterError:
                        return None
                """);
        Files.writeString(repo.resolve("blind191.py"), """
                import socket
                import unittest


                def _textcheck(name, value):
                    return value


                def _keywords_only(f):
                    return f


                class _PClassEvolver(object):
                    def set(self, key, value):
                        return self


                class HyperlinkTestCase(unittest.TestCase):
                    def check(self):
                        _textcheck("x", 1)


                def inet_pton(address):
                    try:
                        return socket.inet_pton(address)
                    except socket.error:
                        raise socket.error("bad address")
                """);
        Files.writeString(repo.resolve("blind197.py"), """
                import functools

                _MAXCACHE = 256
                _post_import_hooks = {}


                def serve(app):
                    return app


                def add_slash(environ):
                    return environ


                def when_imported(name):
                    return name


                def with_metaclass(meta, *bases):
                    return meta("NewBase", bases, {})


                class cached_property(object):
                    def __get__(self, inst, owner):
                        return self


                class Tracer(with_metaclass(type, object)):
                    def add_slash(self):
                        return add_slash({})


                real_date = object


                def _comparable(klass):
                    return klass


                class AbstractFunction(object):
                    pass


                class Node(object):
                    pass


                class Matcher(object):
                    pass


                class TextNode(Node):
                    pass


                class BanditTestSet(object):
                    def get_tests(self):
                        return []


                @_comparable
                class Version(object):
                    def __init__(self, package, raiseExceptions=True):
                        self.package = package


                class FakeDate(real_date):
                    pass
                """);
        Files.createDirectories(repo.resolve("authlib"));
        Files.writeString(repo.resolve("authlib/__init__.py"), "");
        Files.writeString(repo.resolve("authlib/consts.py"), "VERSION = '1.0'\n");
        Files.writeString(repo.resolve("blind227.py"), """
                import importlib.metadata as importlib_metadata
                import mmap
                import smmap
                from authlib.consts import VERSION
                from _pytest.compat import final

                IGNORED_EXCEPTIONS = (ValueError,)


                class Alert(object):
                    pass


                class SwitchTo(object):
                    def alert(self) -> Alert:
                        return Alert()


                class Wait(object):
                    def __init__(self, ignored_exceptions=None):
                        self._ignored_exceptions = ignored_exceptions or IGNORED_EXCEPTIONS

                    def until(self, method):
                        try:
                            return method()
                        except self._ignored_exceptions:
                            return None


                class ShouldRaise(object):
                    pass


                def should_raise(exception):
                    return ShouldRaise()


                @should_raise(ValueError)
                def check_raises():
                    pass


                class Fixture(object):
                    def make_test_instance(self):
                        return self


                def list_entry_points(group):
                    return importlib_metadata.entry_points()


                def names():
                    return list_entry_points("x")


                class SkipInode(Exception):
                    pass


                class eoffile(object):
                    pass


                class eofresponse(eoffile):
                    pass


                class Control(object):
                    def is_of_kind(self, kind):
                        return False


                def remove(path):
                    try:
                        return path
                    except SkipInode:
                        return None


                class BaseHeuristic(object):
                    pass


                class LastModified(BaseHeuristic):
                    pass


                class ImportOwner(object):
                    def getmod(self, name):
                        return name


                class AsyncSearchHandler(object):
                    def startSearch(self):
                        pass

                    def _makeOwner(self):
                        pass

                    def _makeRegexes(self):
                        pass


                class JBQ_UTF8_Test1(object):
                    pass


                def addModlist(entry):
                    return entry


                KNOWN_RESPONSE_CONTROLS = {}


                def removed_property(fn):
                    return fn


                class URI(object):
                    @removed_property
                    def value(self):
                        return 1


                class CacheMutex(object):
                    pass


                class _LockWrapper(CacheMutex):
                    pass


                class _SafeInserter(object):
                    def startTestRun(self):
                        pass


                class RegionAlreadyConfigured(Exception):
                    pass


                def configure(region):
                    raise RegionAlreadyConfigured()


                def escape_like(value):
                    return value


                def wasSuccessful(result):
                    return result


                def failing(result):
                    return wasSuccessful(result)


                def opt(name, sample_default=None):
                    return name


                class buttonpush(Exception):
                    pass


                class dialog(object):
                    def run(self):
                        try:
                            return 1
                        except buttonpush:
                            return 0


                class listdialog(dialog):
                    pass


                class bugreport(object):
                    def get_others(self):
                        return []


                from html.parser import HTMLParser


                class TableHandler(HTMLParser):
                    pass


                class Packet(object):
                    def guess_payload_class(self, payload):
                        return Packet


                class Node(object):
                    pass


                def parse_node(text) -> Optional[Node]:
                    return None


                def read_tag_database_file(path, is_private=False):
                    try:
                        return open(path)
                    except ValueError:
                        return None
                """);
        Files.writeString(repo.resolve("blind221.py"), """
                class PerMessageCompress(object):
                    pass


                class PerMessageSnappy(PerMessageCompress):
                    pass


                class Tagger(object):
                    pass


                class RegexTagger(Tagger):
                    pass


                class FnTagger(RegexTagger):
                    pass


                class HistoryItem(object):
                    def to_dict(self):
                        return {}
                """);
        Files.writeString(repo.resolve("blind149_api.py"), """
                def tqdm_notebook(*args):
                    return args
                """);
        index = new PythonIndex(repo);
    }

    /** A typing slip inside a name is read as the name; another letter, or another word's form, is not. */
    @org.junit.jupiter.api.Test
    void aTypoIsASwapOrADoubledLetterInside() {
        org.junit.jupiter.api.Assertions.assertTrue(SpokenNames.typo("Credentails", "Credentials"));
        org.junit.jupiter.api.Assertions.assertTrue(SpokenNames.typo("Adress", "Address"));
        org.junit.jupiter.api.Assertions.assertTrue(SpokenNames.typo("Recieverr", "Reciever"));
        org.junit.jupiter.api.Assertions.assertFalse(SpokenNames.typo("AuthBackend", "AutoBackend"));
        org.junit.jupiter.api.Assertions.assertFalse(SpokenNames.typo("Handle", "Handler"));
        org.junit.jupiter.api.Assertions.assertFalse(SpokenNames.typo("Serializers", "Serializer"));
        org.junit.jupiter.api.Assertions.assertFalse(SpokenNames.typo("BaseCommand", "BadCommand"));
        org.junit.jupiter.api.Assertions.assertTrue(SpokenNames.typo("TimedSerialzer", "TimedSerializer"));
        org.junit.jupiter.api.Assertions.assertFalse(SpokenNames.typo("Handlr", "Handler")); // under ten letters
        org.junit.jupiter.api.Assertions.assertFalse(SpokenNames.typo("TimedSerializer", "TimedSerialzer"));
    }

    /** The question, then the reading it gets with the repository at hand. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            who calls process payment?                           | Callers[function=process_payment]
            where is build url used                              | Callers[function=buildUrl]
            where is build request used                          | Callers[function=build_request]
            subclasses of base handler                           | Subclasses[base=BaseHandler, indirect=false]
            functions with a parameter called max retries        | FunctionsWithParameter[parameter=max_retries]
            methods of the user repository class                 | MethodsOfClass[className=UserRepository]
            where is the process payment function defined        | Definitions[name=process_payment]
            which classes implement get item                     | ClassesWithMethod[method=get_item]
            who calls Process Payment                            | Callers[function=process_payment]
            where does the user repository class live?           | Definitions[name=UserRepository]
            subclasses of http connection                        | Subclasses[base=HTTPConnection, indirect=false]
            what extends base handler directly                   | Subclasses[base=BaseHandler, indirect=false]
            what extends login form                              | Subclasses[base=LoginForm, indirect=false]
            which functions take a login form parameter          | FunctionsWithParameter[parameter=login_form]
            what extends websocket disconnected?                 | Subclasses[base=WebSocketDisconnected, indirect=false]
            Show the places that throw a non-square matrix error. | Raises[exception=NonSquareMatrixError]
            whole tree under http not found                      | Subclasses[base=HTTPNotFound, indirect=true]
            who uses to container                                | Callers[function=to_container]
            who imports payments service                         | Imports[module=payments.service]
            usages of filldedent                                 | Callers[function=filldedent]
            filldedent usages pls                                | Callers[function=filldedent]
            deepcopy usages pls                                  | Callers[function=deepcopy]
            subclasses of the finder base class                  | Subclasses[base=Finder, indirect=false]
            Where is the polification failed exception caught?   | Catches[exception=PolificationFailed]
            which classes have a report info method              | ClassesWithMethod[method=reportinfo]
            functions that accept a node id argument             | FunctionsWithParameter[parameter=nodeid]
            who imports the mime text module                     | Imports[module=email.mime.text]
            who pulls in ipython                                 | Imports[module=IPython]
            modeladmin methods                                   | MethodsOfClass[className=ModelAdmin]
            every class that defines a to dict method            | ClassesWithMethod[method=to_dict]
            lru cache decorated functions                        | FunctionsByDecorator[decorator=lru_cache]
            Where is the ignore request exception raised?        | Raises[exception=IgnoreRequest]
            Where is the not configured exception caught?        | Catches[exception=NotConfigured]
            Which functions use the not implemented for decorator? | FunctionsByDecorator[decorator=not_implemented_for]
            find the status enum definition                      | Definitions[name=Status]
            which files pull in the unicode data module?         | Imports[module=unicodedata]
            where do we define the build request helper          | Definitions[name=build_request]
            classes with reportinfo                              | ClassesWithMethod[method=reportinfo]
            stuff wrapped in functools lru cache                 | FunctionsByDecorator[decorator=functools.lru_cache]
            classes deriving straight from the base handler pls  | Subclasses[base=BaseHandler, indirect=false]
            Show me the classes that override get item.          | ClassesWithMethod[method=get_item]
            where is the issues url constant defined             | Definitions[name=ISSUES_URL]
            Which functions carry the async unsafe decorator?    | FunctionsByDecorator[decorator=async_unsafe]
            who imports the worker state machine module          | Imports[module=distributed.worker_state_machine]
            Which functions are decorated with the action method decorator? | FunctionsByDecorator[decorator=action_method]
            List the functions that have a values only argument. | FunctionsWithParameter[parameter=values_only]
            where do we throw not tree error                     | Raises[exception=NotTreeError]
            Which files import typing extensions?                | Imports[module=typing_extensions]
            on task complete - which classes define it           | ClassesWithMethod[method=on_task_complete]
            Where is subprocess imported?                        | Imports[module=subprocess]
            Which functions use the argument clinic decorator?   | FunctionsByDecorator[decorator=argument_clinic]
            which classes have recv into                         | ClassesWithMethod[method=recv_into]
            classes based on load from test case event, immediate children | Subclasses[base=LoadFromTestCaseEvent, indirect=false]
            Which functions accept a session export argument?    | FunctionsWithParameter[parameter=session_export]
            def of create api error from http exception?         | Definitions[name=create_api_error_from_http_exception]
            who imports more itertools                           | Imports[module=more_itertools]
            default charset constant - where does it live        | Definitions[name=DEFAULT_CHARSET]
            Where is the more input required exception raised?   | Raises[exception=MoreInputRequired]
            what accepts weak args                               | FunctionsWithParameter[parameter=weak_args]
            anything inheriting storeerror transitively          | Subclasses[base=StoreError, indirect=true]
            who imports websocket                                | Imports[module=websocket]
            funcs using the class property deco                  | FunctionsByDecorator[decorator=classproperty]
            Edit methods?                                        | MethodsOfClass[className=Edit]
            what can autoreloader do - list its methods          | MethodsOfClass[className=Autoreloader]
            all descendants of the yaml node class, any depth    | Subclasses[base=Node, indirect=true]
            whole tree of subclasses of root, transitive         | Subclasses[base=Root, indirect=true]
            what gets decorated with register type               | FunctionsByDecorator[decorator=register_type]
            Which functions have a parameter called skip ws?     | FunctionsWithParameter[parameter=skip_ws]
            Where is the get config parameter function called?   | Callers[function=get_config_parameter]
            classes with get supported interpreter               | ClassesWithMethod[method=getsupportedinterpreter]
            everything under base unicode test, whole hierarchy  | Subclasses[base=BaseUnicodeTest, indirect=true]
            what takes smart quotes to as an arg                 | FunctionsWithParameter[parameter=smart_quotes_to]
            where do we pull in charset normalizer               | Imports[module=charset_normalizer]
            refactoring the ares config - what inherits ares setting mixin directly | Subclasses[base=AresSettingMixin, indirect=false]
            whats decorated with implementer (classes only)      | ClassesByDecorator[decorator=implementer]
            def of iwait on objects?                             | Definitions[name=iwait_on_objects]
            greenlet tree class - methods?                       | MethodsOfClass[className=GreenletTree]
            pdf document class methods pls                       | MethodsOfClass[className=PDFDocument]
            tt font class, which file                            | Definitions[name=TTFont]
            all subclasses of xsd type incl indirect ones        | Subclasses[base=XsdType, indirect=true]
            Where does the code raise the model depth error?     | Raises[exception=XMLSchemaModelDepthError]
            jump to definition: from n3                          | Definitions[name=from_n3]
            describer class methods?                             | MethodsOfClass[className=Describer]
            who calls get logger                                 | Callers[function=get_logger]
            catch sites for sparql type error                    | Catches[exception=SPARQLTypeError]
            html tree builder smoke test - every class below it in the hierarchy, any depth | Subclasses[base=HTMLTreeBuilderSmokeTest, indirect=true]
            changing the signature of new tag, who calls it      | Callers[function=new_tag]
            which classes get decorated by signature has traits  | ClassesByDecorator[decorator=signature_has_traits]
            handler class kwarg - which funcs                    | FunctionsWithParameter[parameter=handler_class]
            Which classes directly subclass rrulebase?           | Subclasses[base=rrulebase, indirect=false]
            Show the direct subclasses of the tz range base class. | Subclasses[base=tzrangebase, indirect=false]
            methods of _timelex                                  | MethodsOfClass[className=_timelex]
            list searcher re methods                             | MethodsOfClass[className=searcher_re]
            Show me all methods of the ISO parser class.         | MethodsOfClass[className=isoparser]
            Which classes are derived directly from spawn?       | Subclasses[base=spawn, indirect=false]
            Show me every place that raises the TIMEOUT exception. | Raises[exception=TIMEOUT]
            refactoring is alive - what uses it                  | Callers[function=isalive]
            where does expect async live                         | Definitions[name=expect_async]
            which functions accept with exit status              | FunctionsWithParameter[parameter=withexitstatus]
            methods decorated with lazy class property           | FunctionsByDecorator[decorator=_lazyclassproperty]
            which ones return a popen                            | FunctionsReturning[type=Popen]
            lex error - full list of subclasses, grandkids too   | Subclasses[base=LexError, indirect=true]
            v args decorated classes                             | ClassesByDecorator[decorator=v_args]
            methods wrapped in the in pending state decorator?   | FunctionsByDecorator[decorator=in_pending_state]
            what throws exception fsm                            | Raises[exception=ExceptionFSM]
            usages of time left()                                | Callers[function=time_left]
            usages of oct2int? want to drop the py2 shim         | Callers[function=oct2int]
            Which classes are decorated with the yaml object decorator? | ClassesByDecorator[decorator=yaml_object]
            subclasses of yaml object                            | Subclasses[base=YAMLObject, indirect=false]
            methods under the value setter decorator?            | FunctionsByDecorator[decorator=value.setter]
            tag prefix param where                               | FunctionsWithParameter[parameter=tag_prefix]
            as version param - which functions have it          | FunctionsWithParameter[parameter=as_version]
            output from msg - which file                         | Definitions[name=output_from_msg]
            everything under no terminal in the class tree, any level | Subclasses[base=NoTerminal, indirect=true]
            Which methods are defined on the SQLite signature store? | MethodsOfClass[className=SQLiteSignatureStore]
            which class has http error 301                       | ClassesWithMethod[method=http_error_301]
            list meths on base html processor                    | MethodsOfClass[className=_BaseHTMLProcessor]
            all the _start_itunes_ handlers                      | FunctionsByName[pattern=_start_itunes_*]
            who calls _start_itunes_                             | Callers[function=_start_itunes_]
            methods of abc interface class pls                   | MethodsOfClass[className=ABCInterfaceClass]
            ns base - every subclass, indirect too               | Subclasses[base=NSBase, indirect=true]
            whats on the lru cache class                         | MethodsOfClass[className=LRUCache]
            everything accepting raise on truncation             | FunctionsWithParameter[parameter=raise_on_truncation]
            jump to the ede option class                         | Definitions[name=EDEOption]
            classes decorated unittest.skipif                    | ClassesByDecorator[decorator=unittest.skipIf]
            Which functions are decorated with the contextlib context manager decorator? | FunctionsByDecorator[decorator=contextlib.contextmanager]
            full tree of classes below cyclic send task abc, not just direct kids | Subclasses[base=CyclicSendTaskABC, indirect=true]
            What methods does the curry class define?            | MethodsOfClass[className=curry]
            which class has a should curry method                | ClassesWithMethod[method=_should_curry]
            Show me all handlers of TIMEOUT.                     | Catches[exception=TIMEOUT]
            handlers of TIMEOUT, pls                             | Catches[exception=TIMEOUT]
            What methods does TestCase define?                   | MethodsOfClass[className=TestCase]
            methods of TestCase                                  | MethodsOfClass[className=TestCase]
            Show me the places that catch the multiple exceptions error. | Catches[exception=MultipleExceptions]
            who catches MultipleExceptions                       | Catches[exception=MultipleExceptions]
            who raises MultipleExceptions?                       | Raises[exception=MultipleExceptions]
            List all descendants of the test result decorator class, not only its direct children. | Subclasses[base=TestResultDecorator, indirect=true]
            Which classes have a was successful method?          | ClassesWithMethod[method=wasSuccessful]
            classes defining async add                           | ClassesWithMethod[method=async_add]
            who calls async add                                  | Callers[function=async_add]
            wheres enum unique used as a class decorator         | ClassesByDecorator[decorator=enum.unique]
            What methods does tqdm_notebook define?              | MethodsOfClass[className=tqdm_notebook]
            where do we use insort                               | Callers[function=insort]
            where do we use swapbytes, thinking of inlining it   | Callers[function=swapbytes]
            funcs with the token decorator pls                   | FunctionsByDecorator[decorator=TOKEN]
            Show all functions carrying the TOKEN decorator from ply.lex. | FunctionsByDecorator[decorator=TOKEN]
            arityerror thrown where?                             | Raises[exception=ArityError]
            all classes below arity error in the hierarchy (transitively) | Subclasses[base=ArityError, indirect=true]
            whats using collections abc                          | Imports[module=collections.abc]
            List the direct subclasses of tzinfo here.           | Subclasses[base=tzinfo, indirect=false]
            checker class methods list, its huge                 | MethodsOfClass[className=Checker]
            things inheriting parse error                        | Subclasses[base=ParseError, indirect=false]
            who calls parse error                                | Callers[function=parse_error]
            who calls ends with whitespace                       | Callers[function=ends_with_whitespace]
            who implements do get result                         | ClassesWithMethod[method=_do_get_result]
            string type enum - list its methods                  | MethodsOfClass[className=StringType]
            where is the python shebang regex constant           | Definitions[name=PYTHON_SHEBANG_REGEX]
            where do we swallow netrc parse errors               | Catches[exception=NetrcParseError]
            what takes parse constant                            | FunctionsWithParameter[parameter=parse_constant]
            what takes any order                                 | FunctionsWithParameter[parameter=any_order]
            def of delegating property?                          | Definitions[name=_delegating_property]
            classes decorated w/ with custom patch               | ClassesByDecorator[decorator=with_custom_patch]
            who uses int to bytes                                | Callers[function=int2bytes]
            who inherits from Credentails (indirectly too)       | Subclasses[base=Credentials, indirect=true]
            methods on patch dict class                          | MethodsOfClass[className=_patch_dict]
            server not found error.. raised from where?          | Raises[exception=ServerNotFoundError]
            where is is safe uri used                            | Callers[function=is_safe_uri]
            classes implementing start of - need all the overrides | ClassesWithMethod[method=start_of]
            which classes got is closing                         | ClassesWithMethod[method=is_closing]
            direct children of the datetime validator class      | Subclasses[base=Datetime, indirect=false]
            List all transitive subclasses of the optional marker. | Subclasses[base=Optional, indirect=true]
            Where does the code catch the decimal invalid operation error? | Catches[exception=InvalidOperation]
            classes extending the error base class directly?     | Subclasses[base=Error, indirect=false]
            where do we throw too many valid                     | Raises[exception=TooManyValid]
            everything under tzinfo transitively                 | Subclasses[base=tzinfo, indirect=true]
            which classes have for property                      | ClassesWithMethod[method=for_property]
            funcs under the given decorator                      | FunctionsByDecorator[decorator=given]
            uid generator - is it unique enough across hosts     | Unknown[reason=no search the hybrid path knows]
            where does cmpkey live                               | Definitions[name=_cmpkey]
            who extends TimedSerialzer (just one level)          | Subclasses[base=TimedSerializer, indirect=false]
            jump to is text serializer definition                | Definitions[name=is_text_serializer]
            where do we pull in PyICU                            | Imports[module=PyICU]
            files using html5lib._tokenizer pls                  | Imports[module=html5lib._tokenizer]
            files using html5lib pls                             | Imports[module=html5lib]
            bbb markers pls                                      | Comments[tags=[BBB]]
            who raises LineParseErorr                            | Raises[exception=LineParseError]
            functions that get a retryable write flag passed in  | FunctionsWithParameter[parameter=retryable_write]
            who handles not master error                         | Catches[exception=NotMasterError]
            anything returning password type                     | FunctionsReturning[type=PasswordType]
            Where is the vcalendar 2.0 behavior declared?        | Definitions[name=VCalendar2_0]
            Which classes derive from the defrag result base namedtuple? | Subclasses[base=_DefragResultBase, indirect=false]
            where is the kill cursor frequency constant set      | Definitions[name=KILL_CURSOR_FREQUENCY]
            Where is the page range all constant defined?        | Definitions[name=PAGE_RANGE_ALL]
            funcs taking errors?                                 | FunctionsWithParameter[parameter=errors]
            who calls textcheck                                  | Callers[function=_textcheck]
            where does the keywords only thing live              | Definitions[name=_keywords_only]
            List the methods of the PClass evolver class.        | MethodsOfClass[className=_PClassEvolver]
            direct subclasses of unittest testcase?              | Subclasses[base=TestCase, indirect=false]
            where do we throw socket error                       | Raises[exception=socket.error]
            where do we define serve                             | Definitions[name=serve]
            add slash method - which classes                     | ClassesWithMethod[method=add_slash]
            classes marked with when imported                    | ClassesByDecorator[decorator=when_imported]
            where do we define the when imported decorator       | Definitions[name=when_imported]
            where is with metaclass used                         | Callers[function=with_metaclass]
            where is to container defined                        | Definitions[name=to_container]
            Where is the max cache constant defined?             | Definitions[name=_MAXCACHE]
            where's the post import hooks dict defined           | Definitions[name=_post_import_hooks]
            Which methods are defined on cached_property?        | MethodsOfClass[className=cached_property]
            wat ends up extending real date somewhere down the chain | Subclasses[base=real_date, indirect=true]
            Which classes use the comparable class decorator?    | ClassesByDecorator[decorator=_comparable]
            Which functions take the raise exceptions flag as a parameter? | FunctionsWithParameter[parameter=raiseExceptions]
            anything deriving from abstract function even indirectly? | Subclasses[base=AbstractFunction, indirect=true]
            classes w/ a get tests method                        | ClassesWithMethod[method=get_tests]
            List all descendants of the base node class, however deep they are. | Subclasses[base=Node, indirect=true]
            need the full hierarchy below the matcher interface, recursive | Subclasses[base=Matcher, indirect=true]
            reviewing the compression ext code - who subclasses per message compress | Subclasses[base=PerMessageCompress, indirect=false]
            where is per message snappy                          | Definitions[name=PerMessageSnappy]
            Tagger subclasses recursively pls                    | Subclasses[base=Tagger, indirect=true]
            Which classes define a method called to dict?        | ClassesWithMethod[method=to_dict]
            Which files import authlib's consts module?          | Imports[module=authlib.consts]
            which methods give back an alert                     | FunctionsReturning[type=Alert]
            wheres ignored exceptions defined                    | Definitions[name=IGNORED_EXCEPTIONS]
            classes using the should raise decorator             | ClassesByDecorator[decorator=should_raise]
            places catching ValueEror pls                        | Catches[exception=ValueError]
            all the raise ValueErorr spots                       | Raises[exception=ValueError]
            which classes have make test instance                | ClassesWithMethod[method=make_test_instance]
            who uses list entry points                           | Callers[function=list_entry_points]
            files importing importlib metadata?                  | Imports[module=importlib.metadata]
            Show all functions whose names begin with read tag database. | FunctionsByName[pattern=read_tag_database*]
            which functions have an is private flag              | FunctionsWithParameter[parameter=is_private]
            Show the files that pull in pytest's compat module.  | Imports[module=_pytest.compat]
            handlers for skip inode                              | Catches[exception=SkipInode]
            eof file class - every subclass recursively pls      | Subclasses[base=eoffile, indirect=true]
            What classes define their own is of kind method?     | ClassesWithMethod[method=is_of_kind]
            classes w/ getmod                                    | ClassesWithMethod[method=getmod]
            all the _make methods, the ones building the regexes | FunctionsByName[pattern=_make*]
            whats matching JBQ_* , the unicode tests i think     | ClassesByName[pattern=JBQ_*]
            anything named *Modlist                              | FunctionsByName[pattern=*Modlist]
            what's on the async search handler, method list      | MethodsOfClass[className=AsyncSearchHandler]
            Where is the known response controls dict defined?   | Definitions[name=KNOWN_RESPONSE_CONTROLS]
            who extends basehueristic, want to add my own heuristic | Subclasses[base=BaseHeuristic, indirect=false]
            funcs using removed_property                         | FunctionsByDecorator[decorator=removed_property]
            who extends the cache mutex abc                      | Subclasses[base=CacheMutex, indirect=false]
            what does _SafeInserter have on it                   | MethodsOfClass[className=_SafeInserter]
            region already configured - where do we raise that   | Raises[exception=RegionAlreadyConfigured]
            jump to escape like definition                       | Definitions[name=escape_like]
            changing the signature of wasSuccesful - what calls it | Callers[function=wasSuccessful]
            fns with a sample default param, touching the generator output | FunctionsWithParameter[parameter=sample_default]
            where do we catch buttonpush                         | Catches[exception=buttonpush]
            Where is smmap imported?                             | Imports[module=smmap]
            subclases of htmlparser pls                          | Subclasses[base=HTMLParser, indirect=false]
            classes with a guess payload class method            | ClassesWithMethod[method=guess_payload_class]
            what returns optional node (type hint)               | FunctionsReturning[type=Optional[Node]]
            need every descendant of dialog (urwid one), any depth | Subclasses[base=dialog, indirect=true]
            what does the bugreport class define, methods only   | MethodsOfClass[className=bugreport]
            """)
    void readsARunOfWordsAsTheNameItSpells(String question, String reading) {
        assertEquals(reading, answerer.answer(index, question).intent().toString(), question);
    }

    /** A name of the question read as another of the repository's is said in the answer's first line. */
    @org.junit.jupiter.api.Test
    void aNameReadAsAnotherIsStatedInTheAnswer() {
        assertEquals("Reading the question as: classes named like JBQ_*. Read 'JBQ_*' as 'JBQ_*' in class names: no function "
                + "here is named so, 1 classes are.", answerer.answer(index, "whats matching JBQ_* , the unicode tests i think")
                .text().lines().findFirst().orElseThrow());
        assertEquals("Reading the question as: calls of _textcheck(). Read 'textcheck' as '_textcheck', the only function "
                + "here of those letters.", answerer.answer(index, "who calls textcheck").text().lines().findFirst().orElseThrow());
        assertEquals("Reading the question as: classes that subclass Node. Read 'base node' as 'Node', the class here of "
                + "those words (there is no BaseNode).", answerer.answer(index, "subclasses of the base node class").text()
                .lines().findFirst().orElseThrow());
    }

    /**
     * A class word in small letters is read as the repository's class only where it ends the name ("subclases of
     * htmlparser pls"), not as the first word of a longer one ("the generic memcached backend", with a class Generic
     * here); a misspelt class noun still says classes.
     */
    @org.junit.jupiter.api.Test
    void aClassWordEndsTheName(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("m.py"), """
                class Generic(object):
                    pass


                class Sub(Generic):
                    pass


                def make_backend():
                    pass
                """);
        PythonIndex ix = new PythonIndex(other);
        assertEquals("Unknown[reason=no search the hybrid path knows]",
                answerer.answer(ix, "What are all the transitive subclasses of the generic memcached backend?").intent().toString());
        assertEquals("Subclasses[base=Generic, indirect=false]", answerer.answer(ix, "subclases of generic pls").intent().toString());
        assertEquals("ClassesByName[pattern=*backend]", answerer.answer(ix, "clases ending in backend?").intent().toString());
        assertEquals("FunctionsByName[pattern=*backend]", answerer.answer(ix, "anything named *backend").intent().toString());
    }

    /**
     * A function written with capitals (pyVmomi's SmartConnect, its method InvokeAccessor) is a function, not a class, as
     * the repository defines it; a dotted decorator is read as what it decorates here, classes or functions.
     */
    @org.junit.jupiter.api.Test
    void capitalisedFunctionsAndDecoratorsAsTheRepositoryUsesThem(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("connect.py"), """
                import ddt


                def SmartConnect(host):
                    return host


                def connect():
                    return SmartConnect("h")


                class Stub(object):
                    def InvokeAccessor(self, mo, info):
                        return None

                    def call(self):
                        return self.InvokeAccessor(1, 2)


                class OtherStub(Stub):
                    def InvokeAccessor(self, mo, info):
                        return 1

                    def _GetPropertyList(self):
                        return []


                @ddt.ddt
                class TestConnect(object):
                    @ddt.data(1, 2)
                    def test_connect(self, value):
                        pass
                """);
        PythonIndex ix = new PythonIndex(other);
        assertEquals("Callers[function=SmartConnect]", answerer.answer(ix, "smartconnect usages in the lib").intent().toString());
        assertEquals("Callers[function=SmartConnect]", answerer.answer(ix, "SmartConnect usages").intent().toString());
        assertEquals("Callers[function=SmartConnect]", answerer.answer(ix, "where is smartconnect called").intent().toString());
        assertEquals("ClassesWithMethod[method=InvokeAccessor]", answerer.answer(ix, "who implements invoke accessor").intent().toString());
        assertEquals("ClassesWithMethod[method=InvokeAccessor]", answerer.answer(ix, "who implements InvokeAccessor").intent().toString());
        assertEquals("ClassesWithMethod[method=_GetPropertyList]",
                answerer.answer(ix, "which classes define the private get property list method").intent().toString());
        assertEquals("ClassesByDecorator[decorator=ddt.ddt]", answerer.answer(ix, "which testcases are ddt.ddt decorated").intent().toString());
        assertEquals("FunctionsByDecorator[decorator=ddt.data]", answerer.answer(ix, "which tests use ddt.data").intent().toString());
        assertEquals("Imports[module=ddt.data]", answerer.answer(ix, "which tests import ddt.data").intent().toString());
    }

    /**
     * Names said in parts: a submodule after its package ("keystoneclient v2_0"), a class after its package's name ("the
     * transport request class"), "dot" inside a class's name (ResourceDotInfo), a private class said as words.
     */
    @org.junit.jupiter.api.Test
    void namesSaidInParts(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("auth/transport"));
        Files.writeString(other.resolve("auth/transport/__init__.py"), """
                class Request(object):
                    def __call__(self, url):
                        raise NotImplementedError
                """);
        Files.writeString(other.resolve("auth/transport/urllib3.py"), """
                from auth import transport


                class Request(transport.Request):
                    pass
                """);
        Files.writeString(other.resolve("auth/client.py"), """
                from keystoneclient.v2_0 import client as ksclient_v2
                from keystoneclient import exceptions


                class ResourceDotInfo(object):
                    pass


                class _ObjectBody(object):
                    def read(self, size):
                        return b""


                class UnknownNode(Exception):
                    pass


                def dummy_decorator(f):
                    return f


                @dummy_decorator
                def remove_node(node):
                    raise UnknownNode(node)
                """);
        Files.writeString(other.resolve("auth/more.py"), """
                import testtools
                from queue import Empty, Queue
                from debtcollector import removals
                from keystoneauth1 import exceptions as ks_exc
                import keystoneauth1.exceptions


                def pad_none(iterable):
                    return iterable


                padnone = pad_none


                def is_64_bit():
                    return True


                def poll_for_status(poll_period=5):
                    return poll_period


                class numeric_range(object):
                    def __len__(self):
                        return 0


                @testtools.skipIf(True, "slow")
                class SlowTest(object):
                    pass


                def reader(q):
                    try:
                        return q.get()
                    except Empty:
                        return None
                """);
        Files.writeString(other.resolve("auth/yamlish.py"), """
                import debtcollector.renames


                def dump_all(documents):
                    return documents


                def dump(data):
                    return dump_all([data])


                class OAuth2Decorator(object):
                    pass


                class OAuth2DecoratorFromClientSecrets(OAuth2Decorator):
                    pass


                class TestAddress(object):
                    pass


                def test_address(name):
                    return TestAddress()


                @debtcollector.renames.renamed_kwarg("tenant_id", "project_id")
                def create(tenant_id=None):
                    return tenant_id


                class Simerror(Exception):
                    pass


                def simulate():
                    try:
                        return create()
                    except Simerror:
                        return None
                """);
        PythonIndex ix = new PythonIndex(other);
        assertEquals("Imports[module=keystoneclient.v2_0]", answerer.answer(ix, "files using keystoneclient v2_0").intent().toString());
        assertEquals("Imports[module=keystoneclient]", answerer.answer(ix, "files importing keystoneclient").intent().toString());
        assertEquals("Subclasses[base=Request, indirect=false]",
                answerer.answer(ix, "who subclasses the transport request class").intent().toString());
        assertEquals("Definitions[name=ResourceDotInfo]",
                answerer.answer(ix, "Where is the resource dot info class declared?").intent().toString());
        assertEquals("MethodsOfClass[className=_ObjectBody]",
                answerer.answer(ix, "what does the object body class have, method-wise").intent().toString());
        assertEquals("Raises[exception=UnknownNode]", answerer.answer(ix, "where r unknown node errors raised").intent().toString());
        assertEquals("FunctionsByDecorator[decorator=dummy_decorator]",
                answerer.answer(ix, "which fns get the dummy decorator").intent().toString());
        assertEquals("Imports[module=debtcollector]", answerer.answer(ix, "files using debt collector").intent().toString());
        assertEquals("ClassesByDecorator[decorator=testtools.skipIf]",
                answerer.answer(ix, "testtools skip if on a class - where").intent().toString());
        assertEquals("MethodsOfClass[className=numeric_range]", answerer.answer(ix, "List the methods of numeric_range.").intent().toString());
        assertEquals("Definitions[name=padnone]", answerer.answer(ix, "padnone def?").intent().toString());
        assertEquals("Definitions[name=is_64_bit]", answerer.answer(ix, "where's is 64 bit defined").intent().toString());
        assertEquals("Catches[exception=Empty]", answerer.answer(ix, "Where do we handle the queue Empty exception?").intent().toString());
        assertEquals("Imports[module=keystoneauth1.exceptions]",
                answerer.answer(ix, "Which modules import keystone auth exceptions (keystoneauth1.exceptions)?").intent().toString());
        assertEquals("FunctionsWithParameter[parameter=poll_period]",
                answerer.answer(ix, "things that accept poll period").intent().toString());
        assertEquals("Callers[function=dump_all]", answerer.answer(ix, "where do we call dump all from").intent().toString());
        assertEquals("Subclasses[base=OAuth2Decorator, indirect=false]",
                answerer.answer(ix, "direct children of oauth2 decorator?").intent().toString());
        assertEquals("FunctionsReturning[type=TestAddress]",
                answerer.answer(ix, "fns with return type test address").intent().toString());
        assertEquals("Catches[exception=Simerror]", answerer.answer(ix, "sim error get caught anywhere?").intent().toString());
        assertEquals("Imports[module=debtcollector.renames]", answerer.answer(ix, "What depends on debtcollector.renames?").intent().toString());
        assertEquals("FunctionsByDecorator[decorator=debtcollector.renames.renamed_kwarg]",
                answerer.answer(ix, "anything using the renamed kwarg decorator from debtcollector renames").intent().toString());
    }

    /** Words that spell a name here, where the question does not use them as its parameter, change nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            show all the dataclasses
            who calls process
            who calls refund payment
            list the TODO comments
            where is process_payment called
            what does process payment do
            methods of UserRepository that call process payment
            which functions take too many arguments?
            which classes inherit from Exception, directly or indirectly?
            find @skip tests
            subclasses of the Form class
            which classes define a visit method?
            classes with a visit method
            defs with return type None
            which files import the json module
            how many function accept encoding parameter per file
            where are the TypedDict types declared
            who throws ConfigError
            subclasses of FinderBase
            which of these is the last one
            what does the form do
            Which classes extend the Serializer class directly?
            which files import pie test
            List all modules that import yaml.
            what can it do - list its methods
            I need all the descendants of base handler, not only its direct children.
            Where do we declare named tuple types in the models module?
            which classes have a directional_link method
            who raises the type error
            methods of Parser?
            Find all raise statements for ConnectionError.
            Show me the things you can use in a with statement, the ones that set something up and clean it up after.
            funcs throwing ProtocolError
            what handles Connection
            TestCase methods
            who calls tqdm_notebook
            who catches ValueErrors
            subclasses of test result
            who catches json decode error
            any generators in the uid code
            where is parse defined
            """)
    void otherwiseTheReadingOfTheTextStands(String question) {
        assertEquals(classifier.analyze(question).intent(), answerer.answer(index, question).intent(), question);
    }

    @Test
    void theAnswerIsAboutTheNamedFunction() {
        HybridAnswer a = answerer.answer(index, "who calls process payment");
        assertTrue(a.text().contains("api.py"), a.text());
    }

    @Test
    void aNameSplitsAtUnderscoresAndCaseChanges() {
        assertEquals("process payment", SpokenNames.words("process_payment"));
        assertEquals("build url", SpokenNames.words("buildUrl"));
        assertEquals("http server error", SpokenNames.words("HTTPServerError"));
        assertEquals("max retries", SpokenNames.words("_max_retries"));
        assertEquals("base64 encode", SpokenNames.words("base64Encode"));
        assertNull(SpokenNames.words("save"));
        assertNull(SpokenNames.words("__get_item__"));
        assertNull(SpokenNames.words("a.b"));
    }
}
