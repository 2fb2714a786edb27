#!/usr/bin/python3
"""Collects the base model's pretraining text: the Python sources (and any .rst/.md/.txt docs) of the train-split
codebases, and the same of the valid-split codebases for the validation loss. The held-out test codebases are never
read. Files are taken in sorted path order, each one an example of a single segment with mask 1 (every token is
trained), in the segments layout TokenizerExport reads (see prepare_data.py).

    /usr/bin/python3 training/prepare_code.py --codebases .work/codebases --out .work/train/data

writes code-train.seg and code-valid.seg; --max-bytes caps each split (deterministically: whole files in order,
round-robin over the codebases so that every codebase contributes).
"""
import argparse
import os

import segments

SUFFIXES = (".py", ".rst", ".md", ".txt")


def manifest(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            out[cols[0]] = cols[-1].strip()
    return out


def files_of(root):
    found = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(SUFFIXES):
                found.append(os.path.join(d, name))
    return found


def write_split(names, codebases, out_path, max_bytes):
    queues = [files_of(os.path.join(codebases, n)) for n in names]
    for n, q in zip(names, queues):
        if not q:
            raise SystemExit(f"codebase {n} has no sources under {codebases}: run scripts/fetch-training-codebases.sh")
    total, count = 0, 0
    with open(out_path, "wb") as out:
        while any(queues) and total < max_bytes:
            for q in queues:
                if not q or total >= max_bytes:
                    continue
                path = q.pop(0)
                with open(path, "rb") as f:
                    data = f.read()
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if not data.strip():
                    continue
                segments.write_example(out, [(1, data)])
                total += len(data)
                count += 1
    print(f"{out_path}: {count} files, {total:,} bytes from {len(names)} codebases")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--codebases", default=".work/codebases")
    ap.add_argument("--manifest", default="scripts/training-codebases.tsv")
    ap.add_argument("--out", default=".work/train/data")
    ap.add_argument("--max-bytes", type=int, default=12_000_000, help="cap for the train split")
    ap.add_argument("--max-valid-bytes", type=int, default=1_000_000)
    args = ap.parse_args()
    splits = manifest(args.manifest)
    os.makedirs(args.out, exist_ok=True)
    for split, cap in (("train", args.max_bytes), ("valid", args.max_valid_bytes)):
        names = [n for n, s in splits.items() if s == split]
        write_split(names, args.codebases, os.path.join(args.out, f"code-{split}.seg"), cap)


if __name__ == "__main__":
    main()
