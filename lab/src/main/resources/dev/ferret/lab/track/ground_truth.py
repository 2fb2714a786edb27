#!/usr/bin/env python3
"""Ferret's ground truth for the standard questions and the structural question kinds, from CPython's own ast and
tokenize modules. It is the referee of the Java scanner and tools: it shares their conventions (stated below), not
their code.

Usage: python3 ground_truth.py ROOT [--module requests] [--tag TODO] [--ask KIND[:ARG]]... [--stats]
       (or the script on stdin: python3 - ROOT ...)

Prints one JSON object on stdout:
  python     the interpreter version that parsed the files
  files      number of .py files looked at
  unparsed   [{file, error}]: files ast.parse or tokenize rejected; they contribute no items
  protocol   [{file, line, name}]  classes with typing's Protocol in their base list      (question 1)
  async      [{file, line, name}]  every async def                                        (question 2)
  imports    [{file, line, name}]  files importing the module, first import line, module  (question 3)
  dataclass  [{file, line, name}]  classes decorated with the stdlib dataclasses.dataclass (question 4)
  comments   [{file, line, text}]  comment tokens holding the tag as a word                (question 5)
  answers    {"KIND[:ARG]": [{file, line, name}]} for each --ask
  stats      with --stats: {table: [[value, count], ...]} of the names a question could take, most frequent first:
             bases, class_decorators, function_decorators, methods, classes, parameters, returns, raised, caught, called,
             modules, function_prefixes, tags (as written in the code; for choosing realistic question parameters)

Kinds for --ask (ARG where the kind takes one):
  protocol_classes, async_functions, dataclasses, imports:MODULE, comments:TAG (or TAG1|TAG2: any of them),
  subclasses:BASE, subclasses_indirect:BASE, classes_by_decorator:DECORATOR, classes_with_method:METHOD,
  classes_by_name:PATTERN, exception_classes, context_managers, functions_by_decorator:DECORATOR,
  functions_by_name:PATTERN, functions_with_parameter:NAME, functions_returning:NAME, methods_of_class:CLASS,
  properties, raises:EXCEPTION, exports, constants, callers:FUNCTION, definitions:NAME, references:NAME,
  import_statements, python_files, enums, abstract_classes,
  generators, third_party, entry_points, catches:EXCEPTION, bare_excepts, undocumented_functions,
  documented_functions, undocumented_classes, many_parameters:N, tests, skipped_tests

Conventions shared with the Java scanner (dev.ferret.agent.python):
  files      every *.py regular file under ROOT, not following links, skipping the folders in SKIPPED_DIRS and
             folders whose name starts with a dot (except .github); a file's own name is not checked
  line       1-based; a class or def is reported at its ClassDef/FunctionDef lineno (the class/def/async keyword,
             not a decorator); an import at its statement's lineno
  name       enclosing class and function names and the node's own name joined by dots (no <locals>)
  scope      the innermost def or class whose body holds a node (decorators, defaults, annotations and base lists
             belong to the scope around the definition); "<module>" outside any
  newlines   \\r\\n and a lone \\r are turned into \\n before parsing, so line numbers count all three the same way
  modules    a directory holding __init__.py is a package; a file is named by the chain of packages above it plus
             its own name (a package's __init__.py is the package); the chain stops at the first directory that is
             not a package; the root, when it holds __init__.py, is a package named after its folder; a file in no
             package is a module only at the root; a file in no module cannot resolve relative imports
  bindings   in a file: every Import/ImportFrom anywhere binds a name (`import a.b` binds a -> a, `import a.b as x`
             binds x -> a.b, `from m import n [as x]` binds n (x) -> m.n, a relative import made absolute from the
             file's package, kept with its dots when it leaves the top package); module-level class and def
             statements; module-level assignments whose value is a dotted name (`P = typing.Protocol`); star
             imports of project modules (the names the module exports: its __all__ entries when it assigns
             __all__, else its module-level names not starting with _). In a module (what `from m import x`
             reaches): the same with module-level imports only. A name bound several times denotes every target.
  resolution an absolute name is split at its longest prefix that is a project module and the rest is looked up in
             that module's names and followed on (a chain stops when it comes back to a name it is following, or
             after 24 steps); a name with no project module prefix is outside the project; a file's unbound name
             stands for itself. The project files whose names were followed are "via" files.
  protocol   a positional base, with one subscript removed (Protocol[T] -> Protocol), whose dotted name resolves
             to typing.Protocol or typing_extensions.Protocol
  dataclass  a decorator, with one call removed (dataclass(frozen=True) -> dataclass), whose dotted name resolves
             to dataclasses.dataclass
  by name    a base/decorator/raised name matches NAME when it resolves to NAME or to a name ending in .NAME, or is
             written with that last name (a dotted NAME: written exactly so); property means builtin property,
             functools.cached_property or abc.abstractproperty; typing.X means typing.X or typing_extensions.X
  indirect   a class has base B indirectly when a base matches B or resolves to a project class that has it; for
             B = Exception or BaseException every exception class has it
  exception  a base resolves to a project exception class, or to any other name whose last part ends in Error,
             Exception or Warning or is one of OTHER_BUILTIN_EXCEPTIONS (project functions and modules never)
  enums      a base resolves to one of ENUM_NAMES, directly or through project classes as for indirect
  abstract   a base resolves to abc.ABC, or the metaclass= keyword (one subscript removed, as a base) to abc.ABCMeta,
             or a def whose scope is the class has a decorator resolving to one of ABSTRACT_METHOD_NAMES; not
             inherited
  generators defs holding a Yield or YieldFrom whose scope is the def, a lambda's body counting as a scope of its
             own (so not in a nested def, class or lambda, nor in the def's own decorators, defaults or annotations)
  imports    an absolute Import of MODULE or MODULE.sub, or an absolute ImportFrom whose module is MODULE or
             MODULE.sub, or whose module plus imported name is (from p import MODULE when MODULE is p.MODULE);
             or an ImportFrom name (not *) that resolves, through at least one via file, to MODULE or MODULE.x;
             relative imports count only that second way
  comments   COMMENT tokens matching (?<!\\w)TAG(?!\\w), case-sensitive; text is the token with trailing space
             removed
  methods    defs whose scope is a class; a class's methods are those defs; context-manager classes define
             __enter__, __exit__, __aenter__ or __aexit__; context-manager functions have a decorator resolving to
             contextlib.contextmanager or contextlib.asynccontextmanager
  parameter  any parameter name (posonly, normal, *args, keyword-only, **kwargs)
  definitions classes and defs whose own name is NAME, and module constants so named, case-insensitively (for a
             NAME not written as a constant, any module-level variable so named); a dotted NAME is compared with the
             end of the qualified name (no constants then)
  third_party the top-level module of each absolute Import name and ImportFrom module (any depth) that is not
             __future__, not in sys.stdlib_module_names (with Python 3.11's modules other versions lack), not a
             project module, and not importable from the folder put on sys.path for the importing file (the nearest
             folder above it that is no package: a Python file's stem or a subfolder holding Python files there; a
             test importing its sibling helper module); the item is its first import: the first file in path order,
             its lowest line
  entry_points per file, its first If (not an elif) outside any def or class whose test is exactly a Compare of
             __name__ == "__main__" (either order), else line 1 when the file is __main__.py; the name is the path
             without .py, dots for slashes. Then the declared scripts of every pyproject.toml, setup.cfg and setup.py
             (found as the .py files are, by exact name), named by the command: the string values of
             the tables [project.scripts], [project.gui-scripts] and [tool.poetry.scripts] (tomllib; Python 3.10
             and older report each pyproject.toml under unparsed, as does a file tomllib rejects); a table that no
             header line of its own opens (written inline or with dotted keys) is not read. The lines of
             console_scripts and gui_scripts in [options.entry_points] of setup.cfg (configparser, keys in any
             case, no interpolation) holding "name = target" with both sides non-empty. tomllib and configparser
             give no lines, so the line is found by scanning: a script's line is the first line after its table's
             header (not inside a multi-line string), before the next header, whose key (bare, or quoted without
             escapes) is the name; in setup.cfg, the first line of the key's block (its own line, with "key =" left
             out, then the lines indented deeper) after the previous script's whose text before "=" is the name.
             In setup.py (ast, parsed as the .py files are; one that does not parse is reported under unparsed):
             every ast.Dict anywhere in the tree, each key that is a str Constant "console_scripts" or
             "gui_scripts" whose value is an ast.List or ast.Tuple: each element that is a str Constant (others
             skipped: f-strings, bytes, names, calls...) holding "name = target", split at the first "=", both sides
             stripped and non-empty, at the element's lineno. Not read: a value that is not a List or Tuple (a name,
             a comprehension, a concatenation), dict(console_scripts=[...]) calls, the INI-string form
             entry_points='''[console_scripts] ...''' (a str, not a Dict).
             The Java reader gets its lines from where it parses each declaration.
  returns    the unparsed return annotation holds the name as a whole word
  name pattern a glob (* and ?) or a substring, case-insensitive, on the simple name (the qualified name when the
             pattern has a dot)
  raises     Raise statements with an exception whose dotted name (one call removed) matches by name; item name is
             the scope
  catches    ExceptHandler nodes (of Try and, from Python 3.11, TryStar: except* too) whose type, or an element of
             its Tuple (nested tuples flattened), has a dotted name (nothing removed: a call or subscript has none)
             that matches by name; no superclass rule (except Exception does not catch ValueError here); line is the
             handler's (the except keyword), item name the scope
  bare_excepts ExceptHandler nodes without a type, as for catches
  callers    Call nodes whose function is a Name with the id or an Attribute with the attr; line of that name; item
             name is the scope; one item per line and scope
  references every place NAME is a token of code, one item per file and line, named by the scope: Name nodes
             with the id (any context), Attribute nodes with the attr (at the attr's line, end_lineno), Global and
             Nonlocal names, ExceptHandler, MatchAs and MatchStar names, MatchMapping rests, and in imports each
             part of an imported module's dotted name, each imported name and each as-name. Not: def and class
             names, parameters (arg nodes), keyword argument names, comments, strings. A dotted NAME (os.environ)
             keeps only the places whose dotted chain (dotted_name of the node; the name itself in imports) equals
             NAME or resolves to it through the file's import bindings (the scanner's: import a.b binds a to a,
             import a.b as x binds x to a.b, from m import n as x binds x to m.n, relative ones keep their dots)
  import_statements every Import and ImportFrom node at any depth, one item per file and line (the line of the
             statement), named by the module it names (the first, for import a, b; a relative one with its dots)
  python_files every file, one item each (line 1, named by its path)
  exports    module-level __all__ = / __all__: T = / __all__ += with list or tuple literals (joined by +), and
             __all__.append("x") / __all__.extend([...]) statements: each str constant element at its line
  constants  module-level assignment targets (names, names in tuples/lists) matching _*[A-Z][A-Z0-9_]* with at least
             two letters or digits, except a value calling TypeVar, ParamSpec, TypeVarTuple or NewType; first line
             per file and name
  docstrings a def or class has one when ast.get_docstring(node, clean=False) is not None: its body's first
             statement is an Expr whose value is a str Constant (implicitly joined literals and "" included; an
             f-string, a bytes literal or a string inside a larger expression not)
  parameters many_parameters:N is the defs with at least N parameters: posonly, normal, *args, keyword-only and
             **kwargs all count, except the first one of a def whose scope is a class, unless a decorator of that
             def resolves to one of STATICMETHOD_NAMES
  tests      defs (async too) whose name starts with "test" (names are case-sensitive) that are: outside any def or
             class, in a test file (its name matches one of TEST_FILE_PATTERNS); or with a class as scope, in a test
             file, every def or class around them being a class whose name starts with "Test" and among whose defs
             (scope the class) none is __init__; or with a class as scope that has a base resolving to one of
             TEST_CASE_NAMES, directly or through project classes as for indirect, in any file
  skipped    tests with a decorator resolving to one of SKIP_NAMES (one call removed), on the def or on any class
             around it; pytestmark assignments and pytest.skip() calls are not looked at
"""
import ast
import fnmatch
import io
import json
import os
import re
import sys
import tokenize

SKIPPED_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox", ".mypy_cache",
                ".pytest_cache", "target", "build", "dist", ".eggs"}
PROTOCOL_NAMES = {"typing.Protocol", "typing_extensions.Protocol"}
DATACLASS_NAMES = {"dataclasses.dataclass"}
PROPERTY_NAMES = {"property", "builtins.property", "functools.cached_property", "abc.abstractproperty"}
CONTEXT_NAMES = {"contextlib.contextmanager", "contextlib.asynccontextmanager"}
CONTEXT_METHODS = {"__enter__", "__exit__", "__aenter__", "__aexit__"}
ENUM_NAMES = {"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag", "enum.ReprEnum"}
ABC_NAMES = {"abc.ABC"}
ABCMETA_NAMES = {"abc.ABCMeta"}
ABSTRACT_METHOD_NAMES = {"abc.abstractmethod", "abc.abstractclassmethod", "abc.abstractstaticmethod",
                         "abc.abstractproperty"}
OTHER_BUILTIN_EXCEPTIONS = {"BaseExceptionGroup", "ExceptionGroup", "GeneratorExit", "KeyboardInterrupt",
                            "SystemExit", "StopIteration", "StopAsyncIteration"}
TYPE_FACTORIES = {"TypeVar", "ParamSpec", "TypeVarTuple", "NewType"}
STATICMETHOD_NAMES = {"staticmethod", "builtins.staticmethod"}
TEST_FILE_PATTERNS = ("test_*.py", "*_test.py")
TEST_CASE_NAMES = {"unittest.TestCase", "unittest.IsolatedAsyncioTestCase", "unittest.case.TestCase"}
SKIP_NAMES = {"pytest.mark.skip", "pytest.mark.skipif", "unittest.skip", "unittest.skipIf", "unittest.skipUnless"}
EXCEPTION_ROOTS = {"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"}
# standard-library modules of Python 3.11 that sys.stdlib_module_names of another version lacks (removed in 3.12 and
# 3.13, or new in 3.11), so that the answer does not depend on the interpreter that runs this script
STDLIB_OUTSIDE_SOME_VERSIONS = {"asynchat", "asyncore", "distutils", "imp", "smtpd", "aifc", "audioop", "cgi", "cgitb",
                                "chunk", "crypt", "imghdr", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev",
                                "pipes", "sndhdr", "spwd", "sunau", "telnetlib", "uu", "xdrlib", "lib2to3", "tomllib"}
CONSTANT_RE = re.compile(r"_*[A-Z][A-Z0-9_]*\Z")
MAX_STEPS = 24
MODULE_SCOPE = "<module>"
DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


def walk_files(root, wanted):
    """The regular files under root whose name passes wanted, skipping SKIPPED_DIRS, dot folders and links."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames
                       if d not in SKIPPED_DIRS
                       and not (d.startswith(".") and len(d) > 1 and d != ".github")
                       and not os.path.islink(os.path.join(dirpath, d))]
        for f in filenames:
            full = os.path.join(dirpath, f)
            if wanted(f) and not os.path.islink(full) and os.path.isfile(full):
                out.append(os.path.relpath(full, root).replace(os.sep, "/"))
    out.sort()
    return out


def python_files(root):
    return walk_files(root, lambda f: f.endswith(".py"))


def dotted_name(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def within(candidate, module):
    return candidate == module or candidate.startswith(module + ".")


def last_part(name):
    return name.rsplit(".", 1)[-1]


# ---------------------------------------------------------------------------------------------------- one file


class Source:
    """What one parsed file holds, collected in one walk of its tree."""

    def __init__(self, rel, tree):
        self.rel = rel
        self.tree = tree
        self.is_init = rel == "__init__.py" or rel.endswith("/__init__.py")
        self.classes = []      # (qualname, node, scope-is-module)
        self.functions = []    # (qualname, node, owner class qualname or None)
        self.imports = []      # (node, module_level)
        self.calls = []        # (line, name, scope)
        self.raises = []       # (line, node, scope)
        self.handlers = []     # (line, ExceptHandler node, scope)
        self.module_assigns = []   # (line, name, alias or None, callee or None)
        self.exports = []      # (line, name)
        self.assigns_all = False
        self._walk(tree, "", None, True)
        self._module_statements(tree.body)

    def _walk(self, node, prefix, scope_node, module_level):
        """prefix: qualified prefix of the scope; scope_node: the innermost def/class node or None."""
        scope_name = prefix[:-1] if prefix else MODULE_SCOPE
        for child in ast.iter_child_nodes(node):
            if isinstance(child, DEFS):
                qual = prefix + child.name
                if isinstance(child, ast.ClassDef):
                    self.classes.append((qual, child))
                    outer = child.decorator_list + child.bases + [k.value for k in child.keywords]
                else:
                    owner = prefix[:-1] if isinstance(scope_node, ast.ClassDef) else None
                    self.functions.append((qual, child, owner))
                    a = child.args
                    outer = list(child.decorator_list) + [d for d in a.defaults] + [d for d in a.kw_defaults if d]
                    for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                        if arg is not None and arg.annotation is not None:
                            outer.append(arg.annotation)
                    if child.returns is not None:
                        outer.append(child.returns)
                for o in outer:
                    self._visit_expr_tree(o, scope_name)
                for stmt in child.body:
                    self._visit_stmt(stmt, qual + ".", child, False)
                continue
            self._visit_other(child, prefix, scope_node, module_level, scope_name)

    def _visit_stmt(self, stmt, prefix, scope_node, module_level):
        holder = ast.Module(body=[stmt], type_ignores=[])
        self._walk(holder, prefix, scope_node, module_level)

    def _visit_other(self, child, prefix, scope_node, module_level, scope_name):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            self.imports.append((child, module_level))
        elif isinstance(child, ast.Raise):
            self.raises.append((child.lineno, child, scope_name))
        elif isinstance(child, ast.ExceptHandler):
            self.handlers.append((child.lineno, child, scope_name))
        elif isinstance(child, ast.Call):
            self._call(child, scope_name)
        self._walk(child, prefix, scope_node, module_level)

    def _visit_expr_tree(self, expr, scope_name):
        for n in ast.walk(expr):
            if isinstance(n, ast.Call):
                self._call(n, scope_name)

    def _call(self, call, scope_name):
        f = call.func
        if isinstance(f, ast.Name):
            self.calls.append((f.lineno, f.id, scope_name))
        elif isinstance(f, ast.Attribute):
            self.calls.append((f.end_lineno, f.attr, scope_name))

    def _module_statements(self, body):
        """Module-level statements, through compound statements but not into def or class."""
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if isinstance(stmt, ast.Assign):
                alias = dotted_name(stmt.value)
                callee = call_name(stmt.value)
                for t in stmt.targets:
                    self._target(t, alias if isinstance(t, ast.Name) else None, callee)
                    if isinstance(t, ast.Name) and t.id == "__all__":
                        self._export_value(stmt.value)
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None and isinstance(stmt.target, ast.Name):
                self._target(stmt.target, dotted_name(stmt.value), call_name(stmt.value))
                if stmt.target.id == "__all__":
                    self._export_value(stmt.value)
            elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) \
                    and stmt.target.id == "__all__" and isinstance(stmt.op, ast.Add):
                self._export_value(stmt.value)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                f = stmt.value.func
                if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "__all__" \
                        and f.attr in ("append", "extend") and len(stmt.value.args) == 1 and not stmt.value.keywords:
                    arg = stmt.value.args[0]
                    if f.attr == "append":
                        self._export_element(arg)
                    else:
                        self._export_value(arg)
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(stmt, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    self._module_statements(inner)
            for h in getattr(stmt, "handlers", []) or []:
                self._module_statements(h.body)
            for c in getattr(stmt, "cases", []) or []:
                self._module_statements(c.body)

    def _target(self, t, alias, callee):
        if isinstance(t, ast.Name):
            if t.id == "__all__":
                self.assigns_all = True
            self.module_assigns.append((t.lineno, t.id, alias if alias != t.id else None, callee))
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                if isinstance(e, ast.Starred):
                    e = e.value
                self._target(e, None, callee)

    def _export_value(self, v):
        if isinstance(v, (ast.List, ast.Tuple)):
            for e in v.elts:
                self._export_element(e)
        elif isinstance(v, ast.BinOp) and isinstance(v.op, ast.Add):
            self._export_value(v.left)
            self._export_value(v.right)

    def _export_element(self, e):
        if isinstance(e, ast.Constant) and isinstance(e.value, str):
            self.exports.append((e.lineno, e.value))


def call_name(v):
    if isinstance(v, ast.Call):
        d = dotted_name(v.func)
        if d is not None:
            return last_part(d)
    return None


def caught_types(t):
    """The caught type expressions of a handler's type: a Tuple's elements, nested tuples flattened."""
    if isinstance(t, ast.Tuple):
        return [e for x in t.elts for e in caught_types(x)]
    return [t]


def base_ref(b):
    if isinstance(b, ast.Subscript):
        b = b.value
    return dotted_name(b)


def call_ref(d):
    if isinstance(d, ast.Call):
        d = d.func
    return dotted_name(d)


# ---------------------------------------------------------------------------------------------------- the project


class Target:
    __slots__ = ("kind", "name", "source", "node", "via")

    def __init__(self, kind, name, source=None, node=None, via=()):
        self.kind, self.name, self.source, self.node, self.via = kind, name, source, node, tuple(via)

    def passed(self, rel):
        if rel is None or (self.via and self.via[0] == rel):
            return self
        return Target(self.kind, self.name, self.source, self.node, (rel,) + self.via)


class Project:
    def __init__(self, sources, root_name):
        self.sources = sources                       # rel -> Source, in path order
        packages = {os.path.dirname(r) if "/" in r else "" for r, s in sources.items() if s.is_init}
        self.module_of = {}
        self.modules = {}
        for rel in sources:
            m = self._module_name(rel, packages, root_name)
            if m is not None:
                self.module_of[rel] = m
                self.modules.setdefault(m, []).append(sources[rel])
        self.class_index = {}
        for rel, s in sources.items():
            for qual, node in s.classes:
                self.class_index.setdefault(self.key(s) + "." + qual, (s, node))
        self._file_scopes = {}
        self._module_scopes = {}
        self._exports = {}
        self._memo = {}

    @staticmethod
    def _module_name(rel, packages, root_name):
        directory = os.path.dirname(rel) if "/" in rel else ""
        stem = rel.rsplit("/", 1)[-1][:-3]
        init = stem == "__init__"
        if directory not in packages:
            return stem if directory == "" and not init and stem.isidentifier() else None
        parts = []
        d = directory
        while d in packages:
            name = root_name if d == "" else d.rsplit("/", 1)[-1]
            if not name or not name.isidentifier():
                return None
            parts.insert(0, name)
            if d == "":
                break
            d = os.path.dirname(d) if "/" in d else ""
        if not init:
            if not stem.isidentifier():
                return None
            parts.append(stem)
        return ".".join(parts)

    def key(self, s):
        return self.module_of.get(s.rel, "<" + s.rel + ">")

    def package_of(self, s):
        m = self.module_of.get(s.rel)
        if m is None:
            return None
        if s.is_init:
            return m
        return m.rpartition(".")[0] or None

    def absolute_module(self, s, level, module):
        if level == 0:
            return module
        pkg = self.package_of(s)
        if pkg is None:
            return None
        parts = pkg.split(".")
        keep = len(parts) - (level - 1)
        if keep < 1:
            return None
        base = ".".join(parts[:keep])
        return base + "." + module if module else base

    def import_target(self, s, node, alias):
        """The absolute name an import binds, or the relative form with its dots when it cannot be made absolute."""
        if isinstance(node, ast.Import):
            return alias.name if alias.asname else alias.name.split(".")[0]
        base = self.absolute_module(s, node.level, node.module)
        if base is None:
            prefix = "." * node.level + (node.module or "")
            return prefix + alias.name if prefix.endswith(".") else prefix + "." + alias.name
        return base + "." + alias.name

    def _scope(self, sources, module_level_only):
        scope = {}
        stars = []
        for s in sources:
            for node, module_level in s.imports:
                if module_level_only and not module_level:
                    continue
                for a in node.names:
                    if isinstance(node, ast.ImportFrom) and a.name == "*":
                        m = self.absolute_module(s, node.level, node.module)
                        if m is not None and m in self.modules:
                            stars.append(m)
                        continue
                    bound = a.asname or (a.name if isinstance(node, ast.ImportFrom) else a.name.split(".")[0])
                    scope.setdefault(bound, []).append(("import", self.import_target(s, node, a), s))
            for qual, node in s.classes:
                if qual == node.name:
                    scope.setdefault(node.name, []).append(("class", node, s))
            for qual, node, owner in s.functions:
                if qual == node.name:
                    scope.setdefault(node.name, []).append(("function", node, s))
            for line, name, alias, callee in s.module_assigns:
                lst = scope.setdefault(name, [])
                if alias is not None:
                    lst.append(("alias", alias, s))
        return scope, stars

    def file_scope(self, s):
        if s.rel not in self._file_scopes:
            self._file_scopes[s.rel] = self._scope([s], False)
        return self._file_scopes[s.rel]

    def module_scope(self, m):
        if m not in self._module_scopes:
            self._module_scopes[m] = self._scope(self.modules[m], True)
        return self._module_scopes[m]

    def exports(self, m, seen=None):
        if m in self._exports:
            return self._exports[m]
        seen = set() if seen is None else seen
        if m in seen:
            return set()
        seen.add(m)
        files = self.modules[m]
        if any(s.assigns_all or s.exports for s in files):
            out = {name for s in files for _, name in s.exports}
        else:
            scope, stars = self.module_scope(m)
            out = {n for n in scope if not n.startswith("_")}
            for star in stars:
                out |= self.exports(star, seen)
        self._exports[m] = out
        return out

    def resolve(self, s, dotted):
        """Targets of a dotted name written in file s (memoised per file and name)."""
        if dotted is None:
            return []
        k = (s.rel, dotted)
        if k not in self._memo:
            self._memo[k] = self._resolve_in(s, dotted, 0, set())
        return self._memo[k]

    def resolve_absolute(self, name):
        return self._resolve_abs(name, 0, set())

    def _resolve_in(self, s, dotted, steps, following):
        head, dot, rest = dotted.partition(".")
        tail = dot + rest
        mark = ("file", s.rel, dotted)
        if steps > MAX_STEPS or mark in following:
            return [Target("UNRESOLVED", dotted)]
        following.add(mark)
        scope, stars = self.file_scope(s)
        entries = scope.get(head)
        out = []
        for e in entries or []:
            out += self._follow(e, head, tail, None, steps, following)
        if not entries:
            out += self._stars(stars, head, tail, None, steps, following)
        following.discard(mark)
        return unique(out or [Target("EXTERNAL", dotted)])

    def _resolve_abs(self, name, steps, following):
        mark = ("abs", name)
        if steps > MAX_STEPS or mark in following:
            return [Target("UNRESOLVED", name)]
        module = None
        candidate = name
        while True:
            if candidate in self.modules:
                module = candidate
                break
            if "." not in candidate:
                break
            candidate = candidate.rpartition(".")[0]
        if module is None:
            return [Target("EXTERNAL", name)]
        if module == name:
            return [Target("PROJECT_MODULE", name, self.modules[module][0])]
        following.add(mark)
        head, dot, rest = name[len(module) + 1:].partition(".")
        tail = dot + rest
        scope, stars = self.module_scope(module)
        here = self.modules[module][0].rel
        entries = scope.get(head)
        out = []
        for e in entries or []:
            out += self._follow(e, head, tail, here, steps, following)
        if not entries:
            out += self._stars(stars, head, tail, here, steps, following)
        following.discard(mark)
        return unique(out or [Target("PROJECT_NAME", name)])

    def _stars(self, stars, head, tail, here, steps, following):
        out = []
        for m in stars:
            if head in self.exports(m):
                out += [t.passed(here) for t in self._resolve_abs(m + "." + head + tail, steps + 1, following)]
        return out

    def _follow(self, entry, head, tail, here, steps, following):
        kind, value, s = entry
        if kind == "import":
            if value.startswith("."):
                return [Target("UNRESOLVED", value + tail)]
            return [t.passed(here) for t in self._resolve_abs(value + tail, steps + 1, following)]
        if kind == "alias":
            return [t.passed(here) for t in self._resolve_in(s, value + tail, steps + 1, following)]
        if kind == "class":
            qual = value.name + tail
            name = self.key(s) + "." + qual
            if not tail:
                return [Target("PROJECT_CLASS", name, s, value)]
            found = self.class_index.get(name)
            if found is not None and found[0] is s:
                return [Target("PROJECT_CLASS", name, s, found[1])]
            return [Target("PROJECT_NAME", name, s)]
        # a module-level def
        return [Target("PROJECT_FUNCTION" if not tail else "PROJECT_NAME", self.key(s) + "." + head + tail, s)]


def unique(targets):
    seen = set()
    out = []
    for t in targets:
        if (t.kind, t.name) not in seen:
            seen.add((t.kind, t.name))
            out.append(t)
    return out


# ---------------------------------------------------------------------------------------------------- matching


def strip_query(q):
    q = q.strip()
    cut = len(q)
    for c in "[(":
        i = q.find(c)
        if 0 < i < cut:
            cut = i
    return q[:cut].strip()


def exact_matcher(names):
    def match(written, targets):
        for t in targets:
            if t.kind == "EXTERNAL" and t.name in names:
                return t
        return None
    return match


def name_matcher(q):
    def match(written, targets):
        if not q:
            return None
        for t in targets:
            if t.name == q or t.name.endswith("." + q):
                return t
        if written is not None and (q == written if "." in q else q == last_part(written)):
            return targets[0] if targets else Target("EXTERNAL", written)
        return None
    return match


def base_matcher(query):
    q = strip_query(query)
    if q == "Protocol" or q in PROTOCOL_NAMES:
        return exact_matcher(PROTOCOL_NAMES)
    for prefix in ("typing.", "typing_extensions."):
        if q.startswith(prefix) and len(q) > len(prefix):
            rest = q[len(prefix):]
            return exact_matcher({"typing." + rest, "typing_extensions." + rest})
    return name_matcher(q)


def decorator_matcher(query):
    q = strip_query(query)
    if q.startswith("@"):
        q = strip_query(q[1:])
    if q in ("dataclass", "dataclasses.dataclass"):
        return exact_matcher(DATACLASS_NAMES)
    if q == "property" or q in PROPERTY_NAMES:
        return exact_matcher(PROPERTY_NAMES)
    return name_matcher(q)


def name_pattern(pattern):
    p = pattern.strip()
    qualified = "." in p
    if "*" in p or "?" in p:
        regex = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in p) + r"\Z",
                           re.IGNORECASE)
        return lambda simple, qual: regex.match(qual if qualified else simple) is not None
    low = p.lower()
    return lambda simple, qual: low in (qual if qualified else simple).lower()


class Facts:
    def __init__(self, project):
        self.project = project
        self._exception = {}

    def bases(self, s, node):
        return [(base_ref(b), self.project.resolve(s, base_ref(b))) for b in node.bases if not isinstance(b, ast.Starred)]

    def direct(self, s, node, matcher):
        for written, targets in self.bases(s, node):
            if written is None:
                continue
            t = matcher(written, targets)
            if t is not None:
                return t
        return None

    def indirect(self, s, node, matcher, seen=None):
        seen = set() if seen is None else seen
        if (s.rel, node.lineno) in seen:
            return None
        seen.add((s.rel, node.lineno))
        t = self.direct(s, node, matcher)
        if t is not None:
            return t
        for written, targets in self.bases(s, node):
            for target in targets:
                if target.kind == "PROJECT_CLASS":
                    t = self.indirect(target.source, target.node, matcher, seen)
                    if t is not None:
                        return t
        return None

    def is_exception(self, s, node, seen=None):
        k = (s.rel, node.lineno, node.name)
        if k in self._exception:
            return self._exception[k]
        seen = set() if seen is None else seen
        if k in seen:
            return False
        seen.add(k)
        result = False
        for written, targets in self.bases(s, node):
            for t in targets:
                if t.kind == "PROJECT_CLASS":
                    result = self.is_exception(t.source, t.node, seen)
                elif t.kind in ("EXTERNAL", "PROJECT_NAME", "UNRESOLVED"):
                    simple = last_part(t.name)
                    result = simple.endswith(("Error", "Exception", "Warning")) or simple in OTHER_BUILTIN_EXCEPTIONS
                if result:
                    break
            if result:
                break
        self._exception[k] = result
        return result


def decorated(project, s, node, matcher):
    for d in node.decorator_list:
        written = call_ref(d)
        if written is None:
            continue
        if matcher(written, project.resolve(s, written)) is not None:
            return True
    return False


def is_abstract(project, facts, s, qual, node):
    if facts.direct(s, node, exact_matcher(ABC_NAMES)) is not None:
        return True
    for k in node.keywords:
        if k.arg == "metaclass":
            written = base_ref(k.value)
            if written is not None and exact_matcher(ABCMETA_NAMES)(written, project.resolve(s, written)) is not None:
                return True
    return any(owner == qual and decorated(project, s, f, exact_matcher(ABSTRACT_METHOD_NAMES))
               for _, f, owner in s.functions)


def is_generator(node):
    """A Yield or YieldFrom in the def's own scope: what a nested def, lambda or class holds in its own scope is
    skipped, what belongs to the scope around it (decorators, defaults, annotations, bases) is not."""
    todo = list(node.body)
    while todo:
        n = todo.pop()
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            a = n.args
            todo += a.defaults + [d for d in a.kw_defaults if d is not None]
            if not isinstance(n, ast.Lambda):
                todo += n.decorator_list + [x.annotation for x in a.posonlyargs + a.args + a.kwonlyargs
                                            + [a.vararg, a.kwarg] if x is not None and x.annotation is not None]
                if n.returns is not None:
                    todo.append(n.returns)
        elif isinstance(n, ast.ClassDef):
            todo += n.decorator_list + n.bases + [k.value for k in n.keywords]
        else:
            todo += list(ast.iter_child_nodes(n))
    return False


def own_methods(s):
    out = {}
    for qual, node, owner in s.functions:
        if owner is not None:
            out.setdefault(owner, set()).add(node.name)
    return out


def imports_module_directly(node, alias, module):
    if isinstance(node, ast.Import):
        return within(alias.name, module)
    if node.level == 0 and node.module:
        return within(node.module, module) or (alias.name != "*" and within(node.module + "." + alias.name, module))
    return False


def import_lines(project, s, module):
    lines = []
    for node, module_level in s.imports:
        for a in node.names:
            if imports_module_directly(node, a, module):
                lines.append(node.lineno)
            elif isinstance(node, ast.ImportFrom) and a.name != "*":
                target = project.import_target(s, node, a)
                if target.startswith("."):
                    continue
                for t in project.resolve_absolute(target):
                    if t.kind == "EXTERNAL" and t.via and within(t.name, module):
                        lines.append(node.lineno)
                        break
    return lines


def item(s, line, name):
    return {"file": s.rel, "line": line, "name": name}


def answer_constants(s):
    """The module constants of one file: UPPER_CASE names assigned at module level, each at its first assignment."""
    first = {}
    for line, name, alias, callee in s.module_assigns:
        if CONSTANT_RE.match(name) and len(name.replace("_", "")) >= 2 and callee not in TYPE_FACTORIES:
            if name not in first or line < first[name]:
                first[name] = line
    return [item(s, line, name) for name, line in first.items()]


def answer_variables(s):
    """The module-level variables of one file, whatever their case, each at its first assignment."""
    first = {}
    for line, name, alias, callee in s.module_assigns:
        if name not in first or line < first[name]:
            first[name] = line
    return [item(s, line, name) for name, line in first.items()]


def local_names(files):
    """Per file, the names importable from the folder Python or pytest puts on sys.path for it: the nearest folder
    above it that is not a package (its own folder when it is in none); the stems of the Python files directly in
    that folder and the subfolders of it that hold Python files."""
    packages = {r.rsplit("/", 1)[0] if "/" in r else "" for r in files if r.split("/")[-1] == "__init__.py"}

    def base_of(rel):
        base = rel.rsplit("/", 1)[0] if "/" in rel else ""
        while base in packages and base != "":
            base = base.rsplit("/", 1)[0] if "/" in base else ""
        return base

    names = {}
    result = {}
    for rel in files:
        base = base_of(rel)
        if base not in names:
            prefix = base + "/" if base else ""
            out = set()
            for other in files:
                if other.startswith(prefix):
                    rest = other[len(prefix):]
                    first = rest.split("/")[0]
                    out.add(first[:-3] if first.endswith(".py") and "/" not in rest else first)
            names[base] = out
        result[rel] = names[base]
    return result


def answer_third_party(project):
    """Top-level modules of absolute imports that are not __future__, the standard library or project modules."""
    if not getattr(sys, "stdlib_module_names", None):
        raise SystemExit("ground_truth.py: third_party needs Python 3.10 or later (sys.stdlib_module_names)")
    stdlib = set(sys.stdlib_module_names) | STDLIB_OUTSIDE_SOME_VERSIONS
    first = {}
    for rel in sorted(project.sources):
        s = project.sources[rel]
        for node, _ in s.imports:
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif node.level == 0 and node.module:
                names = [node.module]
            else:
                names = []
            for m in names:
                top = m.split(".")[0]
                own = top in project.modules or top in project.local_names.get(rel, ())
                if top == "__future__" or top in stdlib or own:
                    continue
                if top not in first or (first[top][0] == rel and node.lineno < first[top][1]):
                    first[top] = (rel, node.lineno)
    return [item(project.sources[rel], line, top) for top, (rel, line) in first.items()]


def is_main_test(test):
    """__name__ == "__main__", either way round, and nothing else."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    pair = [test.left, test.comparators[0]]
    names = [x for x in pair if isinstance(x, ast.Name) and x.id == "__name__"]
    mains = [x for x in pair if isinstance(x, ast.Constant) and x.value == "__main__" and isinstance(x.value, str)]
    return len(names) == 1 and len(mains) == 1


def main_guards(tree):
    """Lines of the If statements (not elif) outside any def or class whose test is the main test."""
    found = []

    def walk(stmts, parent_if=None):
        for st in stmts:
            if isinstance(st, DEFS):
                continue
            if isinstance(st, ast.If):
                elif_ = parent_if is not None and len(parent_if.orelse) == 1 and parent_if.orelse[0] is st \
                    and st.col_offset == parent_if.col_offset
                if is_main_test(st.test) and not elif_:
                    found.append(st.lineno)
                walk(st.body)
                walk(st.orelse, st)
                continue
            for field in ("body", "orelse", "finalbody"):
                walk(getattr(st, field, []) or [])
            for h in getattr(st, "handlers", []) or []:
                walk(h.body)
            for c in getattr(st, "cases", []) or []:
                walk(c.body)

    walk(tree.body)
    return found


def answer_entry_points(project):
    """Per file: its first main guard, else line 1 of a __main__.py; named by its path, dots for slashes. Then the
    console and GUI scripts of the packaging metadata files (see metadata_scripts)."""
    out = []
    for rel in sorted(project.sources):
        s = project.sources[rel]
        name = (rel[:-3] if rel.endswith(".py") else rel).replace("/", ".")
        lines = main_guards(s.tree)
        if lines:
            out.append(item(s, min(lines), name))
        elif rel == "__main__.py" or rel.endswith("/__main__.py"):
            out.append(item(s, 1, name))
    root = getattr(project, "root", None)
    if root is not None:
        for rel in metadata_files(root):
            out += metadata_scripts(root, rel, project.problems)
    return out


METADATA_NAMES = ("pyproject.toml", "setup.cfg", "setup.py")
PYPROJECT_TABLES = (("project", "scripts"), ("project", "gui-scripts"), ("tool", "poetry", "scripts"))
CFG_SECTION = "options.entry_points"
CFG_KEYS = ("console_scripts", "gui_scripts")


def metadata_files(root):
    """The pyproject.toml, setup.cfg and setup.py files under root, walked as python_files walks."""
    return walk_files(root, lambda f: f in METADATA_NAMES)


def metadata_scripts(root, rel, problems):
    """The scripts one metadata file declares, as items {file, line, name}; a file that cannot be read or parsed
    adds {file, error} to problems (reported under unparsed) and gives none."""
    try:
        with open(os.path.join(root, rel), "rb") as f:
            data = f.read()
        if b"\0" in data[:8192]:
            return []
        if os.path.basename(rel) == "setup.py":
            return setup_py_items(rel, data, problems)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        problems.append({"file": rel, "error": type(e).__name__ + ": " + str(e)})
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        if rel.endswith("pyproject.toml"):
            return [{"file": rel, "line": n, "name": k} for n, k in pyproject_scripts(text, lines)]
        return [{"file": rel, "line": n, "name": k} for n, k in setup_cfg_scripts(text, lines)]
    except ImportError:
        problems.append({"file": rel, "error": "tomllib missing (Python 3.11 or newer reads pyproject.toml)"})
    except Exception as e:  # tomllib.TOMLDecodeError, configparser.Error
        problems.append({"file": rel, "error": type(e).__name__ + ": " + str(e)})
    return []


def setup_py_items(rel, data, problems):
    """The scripts of a setup.py as items; parsed as main() parses the .py files (newlines made \\n, the bytes given
    to ast.parse), so a file that does not parse is reported with the same {file, error} as there."""
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        tree = ast.parse(data, filename=rel)
    except (SyntaxError, ValueError, UnicodeDecodeError, MemoryError, RecursionError) as e:
        problems.append({"file": rel, "error": type(e).__name__ + ": " + str(e)})
        return []
    return [{"file": rel, "line": n, "name": k} for n, k in setup_py_scripts(tree)]


def setup_py_scripts(tree):
    """(line, name) of each console or GUI script of a parsed setup.py: the list or tuple displays of str constants
    under the "console_scripts" and "gui_scripts" keys of every dict display."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value in CFG_KEYS):
                continue
            if not isinstance(value, (ast.List, ast.Tuple)):
                continue
            for e in value.elts:
                if isinstance(e, ast.Constant) and isinstance(e.value, str) and "=" in e.value:
                    name, target = e.value.split("=", 1)
                    if name.strip() and target.strip():
                        found.append((e.lineno, name.strip()))
    return found


def toml_header(line):
    """The table a header line opens, as a tuple of keys (quotes removed), or None (not a header, or [[array]])."""
    m = re.match(r"\s*\[(?!\[)\s*(.*?)\s*\]\s*(#.*)?$", line)
    if not m:
        return None
    return tuple(p.strip().strip("\"'") for p in m.group(1).split("."))


def toml_code_lines(lines):
    """The indices of the lines that do not start inside a multi-line string (an odd number of triple quotes on a
    line opens or closes one)."""
    out = []
    open_delim = None
    for i, ln in enumerate(lines):
        if open_delim is None:
            out.append(i)
            hits = [(ln.find(d), d) for d in ('"""', "'''") if ln.find(d) >= 0]
            if hits:
                d = min(hits)[1]
                if ln.count(d) % 2 == 1:
                    open_delim = d
        elif ln.count(open_delim) % 2 == 1:
            open_delim = None
    return out


def pyproject_scripts(text, lines):
    """(line, name) of each string value of the script tables, from tomllib; the line is found by scanning."""
    import tomllib
    doc = tomllib.loads(text)
    found = []
    for path in PYPROJECT_TABLES:
        table = doc
        for k in path:
            table = table.get(k) if isinstance(table, dict) else None
        if not isinstance(table, dict):
            continue
        code = toml_code_lines(lines)
        start = next((i for i in code if toml_header(lines[i]) == path), None)
        if start is None:
            continue  # written inline or by dotted keys: not read
        end = next((i for i in code if i > start and lines[i].lstrip().startswith("[")), len(lines))
        for name, value in table.items():
            if not isinstance(value, str):
                continue
            for i in range(start + 1, end):
                m = re.match(r"\s*(?:\"([^\"\\]*)\"|'([^']*)'|([A-Za-z0-9_-]+))\s*=", lines[i])
                if m and next(g for g in m.groups() if g is not None) == name:
                    found.append((i + 1, name))
                    break
    return found


def setup_cfg_scripts(text, lines):
    """(line, name) of each console or GUI script of setup.cfg, from configparser; lines found by scanning."""
    import configparser
    cp = configparser.RawConfigParser()
    cp.read_string(text)
    if not cp.has_section(CFG_SECTION):
        return []
    start = next(i for i, ln in enumerate(lines) if ln.strip().startswith("[" + CFG_SECTION + "]"))
    found = []
    for key in CFG_KEYS:
        if not cp.has_option(CFG_SECTION, key):
            continue
        names = [v.split("=", 1)[0].strip() for v in cp.get(CFG_SECTION, key).split("\n")
                 if "=" in v and v.split("=", 1)[0].strip() and v.split("=", 1)[1].strip()]
        # the key's block: its own line, then the lines indented deeper than it
        block = []
        i = start + 1
        while i < len(lines) and not lines[i].lstrip().startswith("["):
            m = re.match(r"(\s*)([^=:]+?)\s*[=:]\s*(.*)$", lines[i])
            if m and m.group(2).lower() == key and not lines[i].strip().startswith(("#", ";")):
                indent = len(m.group(1))
                block.append((i, m.group(3)))
                i += 1
                while i < len(lines) and (not lines[i].strip() or lines[i].strip().startswith(("#", ";"))
                                          or len(lines[i]) - len(lines[i].lstrip()) > indent):
                    block.append((i, lines[i].strip()))
                    i += 1
                break
            i += 1
        cursor = 0
        for name in names:
            for j in range(cursor, len(block)):
                n, t = block[j]
                if "=" in t and t.split("=", 1)[0].strip() == name and not t.startswith(("#", ";")):
                    found.append((n + 1, name))
                    cursor = j + 1
                    break
    return found


def definitions_around(tree):
    """Every def and class node (by id) to the def and class nodes around it, outermost first."""
    around = {}

    def walk(node, outer):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, DEFS):
                around[id(child)] = outer
                walk(child, outer + (child,))
            else:
                walk(child, outer)

    walk(tree, ())
    return around


def defines_init(cls):
    """Whether a def named __init__ has the class as its scope (through if, try and other blocks of its body)."""
    todo = list(cls.body)
    while todo:
        n = todo.pop()
        if isinstance(n, FUNCS):
            if n.name == "__init__":
                return True
        elif not isinstance(n, ast.ClassDef):
            todo += list(ast.iter_child_nodes(n))
    return False


def is_test(facts, s, node, outer):
    if not node.name.startswith("test"):
        return False
    test_file = any(fnmatch.fnmatchcase(s.rel.rsplit("/", 1)[-1], p) for p in TEST_FILE_PATTERNS)
    if not outer:
        return test_file
    cls = outer[-1]
    if not isinstance(cls, ast.ClassDef):
        return False
    if test_file and all(isinstance(c, ast.ClassDef) and c.name.startswith("Test") and not defines_init(c)
                         for c in outer):
        return True
    return facts.indirect(s, cls, exact_matcher(TEST_CASE_NAMES)) is not None


def parameter_count(project, s, node, owner):
    a = node.args
    n = len(a.posonlyargs) + len(a.args) + len(a.kwonlyargs) + (a.vararg is not None) + (a.kwarg is not None)
    if n and owner is not None and not decorated(project, s, node, exact_matcher(STATICMETHOD_NAMES)):
        n -= 1
    return n


def answer_docs_params_tests(project, kind, arg):
    """undocumented_functions, documented_functions, undocumented_classes, many_parameters:N, tests, skipped_tests."""
    if kind == "many_parameters" and not (arg or "").isdigit():
        raise SystemExit("ground_truth.py: many_parameters takes a whole number, got " + repr(arg))
    facts = Facts(project)
    skip = exact_matcher(SKIP_NAMES)
    out = []
    for s in project.sources.values():
        if kind == "undocumented_classes":
            out += [item(s, node.lineno, qual) for qual, node in s.classes if ast.get_docstring(node, False) is None]
            continue
        around = definitions_around(s.tree) if kind in ("tests", "skipped_tests") else None
        for qual, node, owner in s.functions:
            if kind in ("undocumented_functions", "documented_functions"):
                ok = (ast.get_docstring(node, False) is None) == (kind == "undocumented_functions")
            elif kind == "many_parameters":
                ok = parameter_count(project, s, node, owner) >= int(arg)
            else:
                outer = around[id(node)]
                ok = is_test(facts, s, node, outer) and (kind == "tests" or decorated(project, s, node, skip) or any(
                    isinstance(c, ast.ClassDef) and decorated(project, s, c, skip) for c in outer))
            if ok:
                out.append(item(s, node.lineno, qual))
    return out


def answer_references(project, arg):
    """references:NAME, one item per file and line (see the docstring)."""
    name = re.sub(r"\(\s*\)$", "", re.sub(r"^(def|class)\s+", "", arg.strip()).lstrip("@")).strip()
    last = name.rsplit(".", 1)[-1]
    dotted = "." in name
    out = []
    for s in project.sources.values():
        binds = {}  # the scanner's bindings (imports only, relative ones kept with their dots), not file_scope's
        for node, _ in s.imports:
            if isinstance(node, ast.Import):
                for a in node.names:
                    bound = a.asname or a.name.split(".")[0]
                    binds.setdefault(bound, set()).add(a.name if a.asname else bound)
            elif isinstance(node, ast.ImportFrom):
                base = "." * node.level + (node.module or "")
                for a in node.names:
                    if a.name != "*":
                        binds.setdefault(a.asname or a.name, set()).add(
                            base + a.name if not base or base.endswith(".") else base + "." + a.name)

        def resolve(chain):
            head, dot, rest = chain.partition(".")
            return [t + dot + rest for t in binds[head]] if binds.get(head) else [chain]

        lines = {}

        def hit(line, chain, scope):
            if dotted and (chain is None or (chain != name and name not in resolve(chain))):
                return
            lines.setdefault(line, scope)

        for node, scope in nodes_with_scope(s.tree):
            if isinstance(node, ast.Name) and node.id == last:
                hit(node.lineno, node.id, scope)
            elif isinstance(node, ast.Attribute) and node.attr == last:
                hit(node.end_lineno, dotted_name(node), scope)
            elif isinstance(node, (ast.Global, ast.Nonlocal)) and last in node.names:
                hit(node.lineno, last, scope)
            elif isinstance(node, ast.ExceptHandler) and node.name == last:
                hit(node.lineno, last, scope)
            elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name == last:
                hit(node.lineno, last, scope)
            elif isinstance(node, ast.MatchMapping) and node.rest == last:
                hit(node.lineno, last, scope)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                if isinstance(node, ast.ImportFrom) and node.module:
                    parts = node.module.split(".")
                    for k, part in enumerate(parts):
                        if part == last:
                            hit(node.lineno, None if node.level else ".".join(parts[:k + 1]), scope)
                for a in node.names:
                    line = getattr(a, "lineno", node.lineno)
                    parts = a.name.split(".")
                    for k, part in enumerate(parts):
                        if part == last:
                            hit(line, ".".join(parts[:k + 1]) if isinstance(node, ast.Import) else a.name, scope)
                    if a.asname == last:
                        hit(line, a.asname, scope)
        out += [item(s, line, scope) for line, scope in sorted(lines.items())]
    return out


def nodes_with_scope(tree):
    """Every node with the qualified name of the innermost def or class whose body holds it (as scope is above)."""
    stack = [(tree, "<module>", "")]
    while stack:
        node, scope, prefix = stack.pop()
        yield node, scope
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = prefix + node.name
            around = [*node.decorator_list, *getattr(node, "bases", []), *getattr(node, "keywords", [])]
            if not isinstance(node, ast.ClassDef):
                around += [node.args, *([node.returns] if node.returns else [])]
            for child in around:
                stack.append((child, scope, prefix))
            for child in node.body:
                stack.append((child, inner, inner + "."))
        else:
            for child in ast.iter_child_nodes(node):
                stack.append((child, scope, prefix))


def answer(project, kind, arg):
    """The items of one question kind over the whole project."""
    if kind == "third_party":
        return answer_third_party(project)
    if kind in ("undocumented_functions", "documented_functions", "undocumented_classes", "many_parameters", "tests",
                "skipped_tests"):
        return answer_docs_params_tests(project, kind, arg)
    if kind == "entry_points":
        return answer_entry_points(project)
    if kind == "references":
        return answer_references(project, arg)
    if kind == "python_files":
        return [item(s, 1, s.rel) for s in project.sources.values()]
    if kind == "import_statements":
        # every Import and ImportFrom node at any depth, one item per file and line, named by the module it names
        # (a relative one with its dots); the question's place keeps its own files
        out = []
        for s in project.sources.values():
            seen = set()
            for node, _ in sorted(s.imports, key=lambda t: t[0].lineno):
                if node.lineno in seen:
                    continue
                seen.add(node.lineno)
                name = node.names[0].name if isinstance(node, ast.Import) else "." * node.level + (node.module or "")
                out.append(item(s, node.lineno, name))
        return out
    out = []
    facts = Facts(project)
    for s in project.sources.values():
        if kind in ("protocol_classes", "subclasses", "subclasses_indirect", "classes_by_decorator",
                    "classes_with_method", "classes_by_name", "exception_classes", "context_managers",
                    "dataclasses", "enums", "abstract_classes"):
            methods = own_methods(s)
            for qual, node in s.classes:
                ok = False
                if kind == "protocol_classes":
                    ok = facts.direct(s, node, base_matcher("Protocol")) is not None
                elif kind == "subclasses":
                    ok = facts.direct(s, node, base_matcher(arg)) is not None
                elif kind == "subclasses_indirect":
                    ok = facts.indirect(s, node, base_matcher(arg)) is not None or (
                        strip_query(arg) in EXCEPTION_ROOTS and facts.is_exception(s, node))
                elif kind == "classes_by_decorator":
                    ok = decorated(project, s, node, decorator_matcher(arg))
                elif kind == "dataclasses":
                    ok = decorated(project, s, node, decorator_matcher("dataclass"))
                elif kind == "classes_with_method":
                    ok = arg in methods.get(qual, ())
                elif kind == "classes_by_name":
                    ok = name_pattern(arg)(node.name, qual)
                elif kind == "exception_classes":
                    ok = facts.is_exception(s, node)
                elif kind == "context_managers":
                    ok = bool(methods.get(qual, set()) & CONTEXT_METHODS)
                elif kind == "enums":
                    ok = facts.indirect(s, node, exact_matcher(ENUM_NAMES)) is not None
                elif kind == "abstract_classes":
                    ok = is_abstract(project, facts, s, qual, node)
                if ok:
                    out.append(item(s, node.lineno, qual))
        if kind in ("async_functions", "functions_by_decorator", "functions_by_name", "functions_with_parameter",
                    "functions_returning", "methods_of_class", "properties", "context_managers", "generators"):
            for qual, node, owner in s.functions:
                ok = False
                if kind == "async_functions":
                    ok = isinstance(node, ast.AsyncFunctionDef)
                elif kind == "functions_by_decorator":
                    ok = decorated(project, s, node, decorator_matcher(arg))
                elif kind == "properties":
                    ok = decorated(project, s, node, decorator_matcher("property"))
                elif kind == "context_managers":
                    ok = decorated(project, s, node, exact_matcher(CONTEXT_NAMES))
                elif kind == "functions_by_name":
                    ok = name_pattern(arg)(node.name, qual)
                elif kind == "functions_with_parameter":
                    a = node.args
                    names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg] if x]
                    ok = arg.lstrip("*") in names
                elif kind == "functions_returning":
                    q = re.sub(r"^->\s*", "", arg.strip())
                    ok = node.returns is not None and re.search(r"(?<!\w)" + re.escape(q) + r"(?!\w)",
                                                                ast.unparse(node.returns)) is not None
                elif kind == "methods_of_class":
                    ok = owner is not None and (owner == arg or owner.endswith("." + arg))
                elif kind == "generators":
                    ok = is_generator(node)
                if ok:
                    out.append(item(s, node.lineno, qual))
        if kind == "definitions":
            # classes and functions whose own name is ARG, module constants so named; case aside; a dotted ARG is
            # compared with the qualified name's end
            want = arg.strip().lower()

            def named(qual):
                q = qual.lower()
                return q == want or q.endswith("." + want) if "." in want else q.rsplit(".", 1)[-1] == want

            for qual, node in s.classes:
                if named(qual):
                    out.append(item(s, node.lineno, qual))
            for qual, node, owner in s.functions:
                if named(qual):
                    out.append(item(s, node.lineno, qual))
            if "." not in want and CONSTANT_RE.match(arg.strip()) and len(arg.strip().replace("_", "")) >= 2:
                out += [c for c in answer_constants(s) if c["name"].lower() == want]
            elif "." not in want:
                out += [c for c in answer_variables(s) if c["name"].lower() == want]
        if kind == "raises":
            matcher = name_matcher(strip_query(arg))
            for line, node, scope in s.raises:
                if node.exc is None:
                    continue
                written = call_ref(node.exc)
                if written is not None and matcher(written, project.resolve(s, written)) is not None:
                    out.append(item(s, line, scope))
        elif kind in ("catches", "bare_excepts"):
            matcher = name_matcher(strip_query(re.sub(r"^except\b\*?\s*", "", arg.strip()))) if arg else None
            for line, node, scope in s.handlers:
                if node.type is None:
                    ok = kind == "bare_excepts"
                else:
                    ok = kind == "catches" and any(
                        w is not None and matcher(w, project.resolve(s, w)) is not None
                        for w in map(dotted_name, caught_types(node.type)))
                if ok:
                    out.append(item(s, line, scope))
        elif kind == "callers":
            name = arg.strip()
            name = re.sub(r"\(.*\)$", "", name).strip().rsplit(".", 1)[-1]
            seen = set()
            for line, called, scope in s.calls:
                if called == name and (line, scope) not in seen:
                    seen.add((line, scope))
                    out.append(item(s, line, scope))
        elif kind == "exports":
            for line, name in s.exports:
                out.append(item(s, line, name))
        elif kind == "constants":
            out += answer_constants(s)
        elif kind == "imports":
            lines = import_lines(project, s, arg)
            if lines:
                out.append(item(s, min(lines), arg))
    return out


def stats(project, comment_tags_found):
    from collections import Counter
    t = {k: Counter() for k in ("bases", "class_decorators", "function_decorators", "methods", "classes",
                                "parameters", "returns", "raised", "caught", "called", "modules",
                                "function_prefixes")}
    for s in project.sources.values():
        for qual, node in s.classes:
            t["classes"][node.name] += 0
            for b in node.bases:
                if not isinstance(b, ast.Starred) and base_ref(b):
                    t["bases"][base_ref(b)] += 1
            for d in node.decorator_list:
                if call_ref(d):
                    t["class_decorators"][call_ref(d)] += 1
        for qual, node, owner in s.functions:
            if "_" in node.name.strip("_") and not node.name.startswith("_"):
                t["function_prefixes"][node.name.split("_")[0]] += 1
            if owner is not None:
                t["methods"][node.name] += 1
                t["classes"][owner.rsplit(".", 1)[-1]] += 1
            for d in node.decorator_list:
                if call_ref(d):
                    t["function_decorators"][call_ref(d)] += 1
            a = node.args
            for x in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                if x is not None:
                    t["parameters"][x.arg] += 1
            if node.returns is not None:
                for name in set(re.findall(r"[A-Za-z_]\w*", ast.unparse(node.returns))):
                    t["returns"][name] += 1
        for line, node, scope in s.raises:
            if node.exc is not None and call_ref(node.exc):
                t["raised"][call_ref(node.exc)] += 1
        for line, node, scope in s.handlers:
            if node.type is not None:
                for w in map(dotted_name, caught_types(node.type)):
                    if w is not None:
                        t["caught"][w] += 1
        for line, called, scope in s.calls:
            t["called"][called] += 1
        for node, module_level in s.imports:
            if isinstance(node, ast.Import):
                for a in node.names:
                    t["modules"][a.name.split(".")[0]] += 1
            elif node.level == 0 and node.module:
                t["modules"][node.module.split(".")[0]] += 1
    out = {k: [[v, c] for v, c in sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0])) if c > 0]
           for k, cnt in t.items()}
    out["tags"] = [[k, v] for k, v in sorted(comment_tags_found.items(), key=lambda kv: (-kv[1], kv[0]))]
    return out


def scan_comments(rel, data, tag_re):
    found = []
    for tok in tokenize.tokenize(io.BytesIO(data).readline):
        if tok.type == tokenize.COMMENT and tag_re.search(tok.string):
            found.append({"file": rel, "line": tok.start[0], "text": tok.string.rstrip()})
    return found


def main(argv):
    args = list(argv)
    module, tag, asks = "requests", "TODO", []
    want_stats = "--stats" in args
    if want_stats:
        args.remove("--stats")
    while "--ask" in args:
        i = args.index("--ask")
        asks.append(args[i + 1])
        del args[i:i + 2]
    if "--module" in args:
        i = args.index("--module")
        module = args[i + 1]
        del args[i:i + 2]
    if "--tag" in args:
        i = args.index("--tag")
        tag = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print("usage: ground_truth.py ROOT [--module M] [--tag T] [--ask KIND[:ARG]]...", file=sys.stderr)
        return 2
    root = args[0]
    if sys.version_info < (3, 9):
        print("ground_truth.py needs Python 3.9 or newer (ast.unparse, end line numbers)", file=sys.stderr)
        return 3
    if not os.path.isdir(root):
        print("not a directory: " + root, file=sys.stderr)
        return 2
    tag_re = re.compile(r"(?<!\w)" + re.escape(tag) + r"(?!\w)")
    files = python_files(root)
    result = {"python": sys.version.split()[0], "files": len(files), "unparsed": [],
              "protocol": [], "async": [], "imports": [], "dataclass": [], "comments": [], "answers": {}}
    sources = {}
    comment_tags = {tag} | {t for a in asks if a.startswith("comments:") for t in a.partition(":")[2].split("|")}
    if want_stats:
        comment_tags |= {"TODO", "FIXME", "XXX", "HACK", "NOTE"}
    comments = {t: [] for t in comment_tags}
    for rel in files:
        try:
            with open(os.path.join(root, rel), "rb") as f:
                data = f.read()
        except OSError as e:
            result["unparsed"].append({"file": rel, "error": type(e).__name__ + ": " + str(e)})
            continue
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        try:
            tree = ast.parse(data, filename=rel)
            found = {t: scan_comments(rel, data, re.compile(r"(?<!\w)" + re.escape(t) + r"(?!\w)"))
                     for t in comment_tags}
            source = Source(rel, tree)
        except (SyntaxError, ValueError, UnicodeDecodeError, MemoryError, RecursionError,
                tokenize.TokenError) as e:
            result["unparsed"].append({"file": rel, "error": type(e).__name__ + ": " + str(e)})
            continue
        sources[rel] = source
        for t, items in found.items():
            comments[t] += items
    project = Project(sources, os.path.basename(os.path.abspath(root)))
    project.local_names = local_names(files)
    project.root = root
    project.problems = []
    result["protocol"] = answer(project, "protocol_classes", None)
    result["async"] = answer(project, "async_functions", None)
    result["imports"] = answer(project, "imports", module)
    result["dataclass"] = answer(project, "dataclasses", None)
    result["comments"] = comments[tag]
    for a in asks:
        kind, _, arg = a.partition(":")
        if kind == "comments":
            # TAG1|TAG2: comments holding any of them, one item per comment
            lines = {}
            for t in arg.split("|"):
                for c in comments[t]:
                    lines.setdefault((c["file"], c["line"]), t)
            result["answers"][a] = [{"file": f, "line": n, "name": t} for (f, n), t in sorted(lines.items())]
        else:
            result["answers"][a] = answer(project, kind, arg or None)
    result["unparsed"] += [p for p in project.problems if p not in result["unparsed"]]
    if want_stats:
        result["stats"] = stats(project, {t: len(c) for t, c in comments.items() if c})
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
