#!/usr/bin/env python3
"""Ferret's ground truth for the five standard questions, from CPython's own ast and tokenize modules.

Usage: python3 ground_truth.py ROOT [--module requests] [--tag TODO]   (or the script on stdin: python3 - ROOT ...)

Prints one JSON object on stdout:
  python     the interpreter version that parsed the files
  files      number of .py files looked at
  unparsed   [{file, error}]: files ast.parse or tokenize rejected; they contribute no items
  protocol   [{file, line, name}]  classes with typing's Protocol in their base list      (question 1)
  async      [{file, line, name}]  every async def                                        (question 2)
  imports    [{file, line, name}]  files importing the module, first import line, module  (question 3)
  dataclass  [{file, line, name}]  classes decorated with the stdlib dataclasses.dataclass (question 4)
  comments   [{file, line, text}]  comment tokens holding the tag as a word                (question 5)

Conventions shared with the Java scanner (dev.ferret.agent.python):
  files      every *.py regular file under ROOT, not following links, skipping the folders in SKIPPED_DIRS and
             folders whose name starts with a dot (except .github); a file's own name is not checked
  line       1-based; a class or def is reported at its ClassDef/FunctionDef lineno (the class/def/async keyword,
             not a decorator); an import at its statement's lineno
  name       enclosing class and function names and the node's own name joined by dots (no <locals>)
  newlines   \\r\\n and a lone \\r are turned into \\n before parsing, so line numbers count all three the same way
  bindings   every Import/ImportFrom anywhere in the file binds a name: `import a.b` binds a -> a,
             `import a.b as x` binds x -> a.b, `from m import n [as x]` binds n (x) -> m.n, a relative
             `from .m import n` binds n -> .m.n (dots kept); star imports bind nothing. A name bound several times
             denotes all its targets. A dotted name h.rest resolves to target.rest for each target of h, or to
             itself when h is not bound by an import.
  protocol   a positional base, with one subscript removed (Protocol[T] -> Protocol), whose dotted name resolves
             to typing.Protocol or typing_extensions.Protocol
  dataclass  a decorator, with one call removed (dataclass(frozen=True) -> dataclass), whose dotted name resolves
             to dataclasses.dataclass
  imports    an absolute Import of MODULE or MODULE.sub, or an absolute ImportFrom whose module is MODULE or
             MODULE.sub, or whose module plus imported name is (from p import MODULE when MODULE is p.MODULE);
             relative imports never count
  comments   COMMENT tokens matching (?<!\\w)TAG(?!\\w), case-sensitive; text is the token with trailing space
             removed
"""
import ast
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


def python_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames
                       if d not in SKIPPED_DIRS
                       and not (d.startswith(".") and len(d) > 1 and d != ".github")
                       and not os.path.islink(os.path.join(dirpath, d))]
        for f in filenames:
            full = os.path.join(dirpath, f)
            if f.endswith(".py") and not os.path.islink(full) and os.path.isfile(full):
                out.append(os.path.relpath(full, root).replace(os.sep, "/"))
    out.sort()
    return out


def dotted_name(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def import_bindings(tree):
    bindings = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    bindings.setdefault(a.asname, set()).add(a.name)
                else:
                    top = a.name.split(".")[0]
                    bindings.setdefault(top, set()).add(top)
        elif isinstance(node, ast.ImportFrom):
            prefix = "." * node.level + (node.module or "")
            for a in node.names:
                if a.name == "*":
                    continue
                target = prefix + a.name if (not prefix or prefix.endswith(".")) else prefix + "." + a.name
                bindings.setdefault(a.asname or a.name, set()).add(target)
    return bindings


def resolve(bindings, dotted):
    if dotted is None:
        return set()
    head, dot, rest = dotted.partition(".")
    targets = bindings.get(head)
    if not targets:
        return {dotted}
    return {t + dot + rest for t in targets}


def within(candidate, module):
    return candidate == module or candidate.startswith(module + ".")


def imports_module(node, module):
    if isinstance(node, ast.Import):
        return any(within(a.name, module) for a in node.names)
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if within(node.module, module):
            return True
        return any(a.name != "*" and within(node.module + "." + a.name, module) for a in node.names)
    return False


def scan_tree(rel, tree, module, result):
    bindings = import_bindings(tree)
    # explicit stack instead of recursion: (node, qualified prefix)
    todo = [(tree, "")]
    while todo:
        node, prefix = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                qual = prefix + child.name
                if isinstance(child, ast.ClassDef):
                    for b in child.bases:
                        if isinstance(b, ast.Subscript):
                            b = b.value
                        if resolve(bindings, dotted_name(b)) & PROTOCOL_NAMES:
                            result["protocol"].append({"file": rel, "line": child.lineno, "name": qual})
                            break
                    for d in child.decorator_list:
                        if isinstance(d, ast.Call):
                            d = d.func
                        if resolve(bindings, dotted_name(d)) & DATACLASS_NAMES:
                            result["dataclass"].append({"file": rel, "line": child.lineno, "name": qual})
                            break
                elif isinstance(child, ast.AsyncFunctionDef):
                    result["async"].append({"file": rel, "line": child.lineno, "name": qual})
                todo.append((child, qual + "."))
            else:
                todo.append((child, prefix))
    lines = [n.lineno for n in ast.walk(tree)
             if isinstance(n, (ast.Import, ast.ImportFrom)) and imports_module(n, module)]
    if lines:
        result["imports"].append({"file": rel, "line": min(lines), "name": module})


def scan_comments(rel, data, tag_re, result):
    found = []
    for tok in tokenize.tokenize(io.BytesIO(data).readline):
        if tok.type == tokenize.COMMENT and tag_re.search(tok.string):
            found.append({"file": rel, "line": tok.start[0], "text": tok.string.rstrip()})
    result["comments"].extend(found)


def main(argv):
    args = list(argv)
    module, tag = "requests", "TODO"
    if "--module" in args:
        i = args.index("--module")
        module = args[i + 1]
        del args[i:i + 2]
    if "--tag" in args:
        i = args.index("--tag")
        tag = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print("usage: ground_truth.py ROOT [--module M] [--tag T]", file=sys.stderr)
        return 2
    root = args[0]
    if sys.version_info < (3, 8):
        print("ground_truth.py needs Python 3.8 or newer (ast line numbers of decorated definitions)", file=sys.stderr)
        return 3
    if not os.path.isdir(root):
        print("not a directory: " + root, file=sys.stderr)
        return 2
    tag_re = re.compile(r"(?<!\w)" + re.escape(tag) + r"(?!\w)")
    files = python_files(root)
    result = {"python": sys.version.split()[0], "files": len(files), "unparsed": [],
              "protocol": [], "async": [], "imports": [], "dataclass": [], "comments": []}
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
            partial = {k: [] for k in ("protocol", "async", "imports", "dataclass", "comments")}
            scan_tree(rel, tree, module, partial)
            scan_comments(rel, data, tag_re, partial)
        except (SyntaxError, ValueError, UnicodeDecodeError, MemoryError, RecursionError,
                tokenize.TokenError) as e:
            result["unparsed"].append({"file": rel, "error": type(e).__name__ + ": " + str(e)})
            continue
        for k, v in partial.items():
            result[k].extend(v)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
