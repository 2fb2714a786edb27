#!/usr/bin/python3
"""Writes a `ferret call-eval` question file from the phrasing sets of the five standard questions.

The phrasing sets (lab/src/main/resources/dev/ferret/lab/track/phrasings*/standard-*.tsv) were written for the intent
classifier, by people other than the author of the call-only model's training phrasings (CallKind); none of their
questions is in the training data (this script counts exact matches after lower-casing and dropping punctuation, and
leaves them out). Each phrasing is asked once, on one of the held-out codebases in turn, with the call the standard
question needs: Protocol classes -> find_classes(base=Protocol), async -> find_functions(async_only=true), imports ->
find_imports(module=...), dataclasses -> find_classes(decorator=dataclass), comments -> find_comments(tag=...).

  /usr/bin/python3 training/phrasing_calls.py --out .work/call-data/standard-phrasings.jsonl
  ./ferret call-eval --data .work/call-data/standard-phrasings.jsonl --name call-eval-standard-phrasings

With --only phrasings-blind5 it writes one set alone (the set written after the model shipped, never looked at while
training or tuning it): `--out .work/call-data/blind5-phrasings.jsonl`.
"""
import argparse
import glob
import json
import os
import re

HELD_OUT = ["pip", "twisted", "aiohttp", "httpie", "mypy", "requests-toolbelt", "anyio", "structlog"]
KINDS = {
    "standard-protocol.tsv": ("protocol_classes", "find_classes", lambda p: {"base": "Protocol"}),
    "standard-async.tsv": ("async_functions", "find_functions", lambda p: {"async_only": True}),
    "standard-imports.tsv": ("imports", "find_imports", lambda p: {"module": p["module"]}),
    "standard-dataclasses.tsv": ("dataclasses", "find_classes", lambda p: {"decorator": "dataclass"}),
    "standard-comments.tsv": ("comments", "find_comments", lambda p: {"tag": p["tag"]}),
}


def norm(q):
    return re.sub(r"[^a-z0-9 ]+", "", q.lower()).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="lab/src/main/resources/dev/ferret/lab/track")
    ap.add_argument("--train", default=".work/call-data/calls-train.jsonl")
    ap.add_argument("--out", required=True)
    ap.add_argument("--every-codebase", action="store_true", help="ask each phrasing on all 8 codebases (default: one each, in turn)")
    ap.add_argument("--exclude", default="phrasings-blind5", help="a set left out of the default glob (default: phrasings-blind5, measured on its own)")
    ap.add_argument("--only", help="one phrasing set (a folder name, e.g. phrasings-blind5); default: every set")
    a = ap.parse_args()
    seen = set()
    with open(a.train) as f:
        for line in f:
            seen.add(norm(json.loads(line)["question"]))
    out, skipped, n = [], 0, 0
    for d in sorted(glob.glob(os.path.join(a.sets, a.only or "phrasings*"))):
        if not a.only and os.path.basename(d) == a.exclude:
            continue
        for file, (kind, tool, args) in KINDS.items():
            p = os.path.join(d, file)
            if not os.path.exists(p):
                continue
            for i, line in enumerate(open(p)):
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                q = cols[1]
                params = dict(kv.split("=", 1) for kv in cols[2].split(",")) if len(cols) > 2 and cols[2] else {}
                if norm(q) in seen or set(params) - {"module", "tag"}:
                    skipped += 1
                    continue
                for cb in (HELD_OUT if a.every_codebase else [HELD_OUT[n % len(HELD_OUT)]]):
                    out.append({"question": q, "tool": tool, "arguments": args(params), "codebase": cb,
                                "split": "test", "kind": kind, "phrasing": i, "held_out_phrasing": True,
                                "set": os.path.basename(d)})
                n += 1
    with open(a.out, "w") as f:
        for o in out:
            f.write(json.dumps(o) + "\n")
    print(f"{len(out)} questions written to {a.out}; {skipped} left out (in the training data, or other parameters)")


if __name__ == "__main__":
    main()
