"""The segments layout TokenizerExport reads, written by prepare_data.py, prepare_calls.py and prepare_code.py.

Big-endian: per example an int32 segment count, then per segment one mask byte (1 = the model learns to write
it), an int32 byte length and the UTF-8 bytes.
"""
import argparse
import json
import os
import struct


def write_example(out, segs):
    """Writes one example: segs is a list of (mask, text or bytes)."""
    out.write(struct.pack(">i", len(segs)))
    for mask, text in segs:
        b = text if isinstance(text, bytes) else text.encode("utf-8")
        out.write(struct.pack(">Bi", mask, len(b)))
        out.write(b)


def convert_jsonl(src, dst, to_segments):
    """Writes every non-blank JSON line of src as the segments to_segments(example) gives; returns the count."""
    n = 0
    with open(src, encoding="utf-8") as f, open(dst, "wb") as out:
        for line in f:
            if not line.strip():
                continue
            write_example(out, to_segments(json.loads(line)))
            n += 1
    return n


def convert_splits_main(doc, data, out, prefix, to_segments, noun):
    """The command line of prepare_data.py and prepare_calls.py: --data DIR/<prefix><split>.jsonl -> --out DIR/<split>.seg."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=data)
    ap.add_argument("--out", default=out)
    ap.add_argument("--splits", default="train,valid,test")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for split in args.splits.split(","):
        src = os.path.join(args.data, prefix + split + ".jsonl")
        dst = os.path.join(args.out, split + ".seg")
        n = convert_jsonl(src, dst, to_segments)
        print(f"{split}: {n} {noun} -> {dst}")
