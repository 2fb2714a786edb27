#!/usr/bin/env python3
"""End-to-end check of the hybrid path's later kinds against CPython's own parser, on real codebases.

For each codebase DIR: the names to look up are taken from ground_truth.py's --stats tables (its three most used
classes, three most called plain functions and two most used methods); each is asked as "where is NAME defined?",
and "list all classes", "what functions are there?", "any TODOs or FIXMEs?", and the kinds added later the same day
(enum classes, abstract classes, generators, TypedDicts, named tuples, third-party modules, entry points) are asked
too, each through `./ferret ask --mode hybrid --json`. The items of each answer (file and line) are compared with
ground_truth.py's answer (definitions:NAME, classes_by_name:*, functions_by_name:*, comments:TODO|FIXME, enums,
abstract_classes, generators, subclasses:TypedDict, subclasses:NamedTuple, third_party, entry_points). Prints
every mismatch and, per kind, the questions answered exactly and the truth items listed; exit status 1 when any
question differs.

    FETCH_MANIFEST=scripts/later-kinds-codebases.tsv scripts/fetch-codebases.sh
    /usr/bin/python3 bench/scripts/later-kinds-check.py .work/codebases/{fastapi,black,pytest,asyncssh,tenacity,fsspec}
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GT = os.path.join(ROOT, "lab/src/main/resources/dev/ferret/lab/track/ground_truth.py")
FERRET = os.path.join(ROOT, "ferret")


def ground_truth(root, args):
    out = subprocess.run([sys.executable, GT, root] + args, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ask(root, question):
    out = subprocess.run([FERRET, "ask", "--repo", root, "--mode", "hybrid", "--json", question],
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def items(text, by_line):
    """(file, line) of each item line: "- file:line: text" (definitions, comments) or "- Name (file:line)"."""
    found = set()
    for line in text.splitlines():
        m = re.match(r"- (.+?):(\d+): ", line) if by_line else None
        if m is None:
            m = re.match(r"- .+ \((.+?):(\d+)\)", line)
        if m:
            found.add((m.group(1), int(m.group(2))))
    return found


def main(dirs):
    totals = {}
    differ = 0
    for root in dirs:
        stats = ground_truth(root, ["--stats"])["stats"]
        classes = [v.split(".")[-1] for v, _ in stats.get("classes", [])][:3]
        called = [v for v, _ in stats.get("called", []) if "." not in v][:3]
        methods = [v for v, _ in stats.get("methods", []) if not v.startswith("__")][:2]
        cases = [("definitions:" + n, "where is %s defined?" % n, True) for n in classes + called + methods]
        cases += [("classes_by_name:*", "list all classes", False),
                  ("functions_by_name:*", "what functions are there?", False),
                  ("comments:TODO|FIXME", "any TODOs or FIXMEs?", True),
                  ("enums", "which enums are defined?", False),
                  ("abstract_classes", "list the abstract base classes", False),
                  ("generators", "which functions are generators?", False),
                  ("subclasses:TypedDict", "any TypedDicts?", False),
                  ("subclasses:NamedTuple", "show me the named tuples", False),
                  ("third_party", "what third-party libraries does this depend on?", False),
                  ("entry_points", "where are the entry points?", False)]
        truth = ground_truth(root, sum([["--ask", a] for a, _, _ in cases], []))
        for a, question, by_line in cases:
            got = items(ask(root, question)["answer"], by_line)
            expected = {(i["file"], i["line"]) for i in truth["answers"][a]}
            t = totals.setdefault(a.split(":")[0], [0, 0, 0, 0])
            t[0] += 1
            t[1] += got == expected
            t[2] += len(got & expected)
            t[3] += len(expected)
            if got != expected:
                differ += 1
                print("differs: %s: %r: extra %s, missed %s" % (os.path.basename(root), question,
                                                             sorted(got - expected)[:3], sorted(expected - got)[:3]))
    for kind, (n, exact, listed, expected) in totals.items():
        print("%s: %d/%d questions exact; %d/%d truth items listed" % (kind, exact, n, listed, expected))
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
