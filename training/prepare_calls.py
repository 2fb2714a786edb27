#!/usr/bin/python3
"""Turns the question -> call pairs of `ferret call-data` (calls-<split>.jsonl) into segments for TokenizerExport.

Each pair becomes two segments: the prompt (mask 0: the call-only model's whole prompt, already rendered by the
engine's own code, AgentPrompt.callOnlyPrompt) and the completion (mask 1: the call the model must write,
<tool_call>...</tool_call>, then <|im_end|>). No rendering happens here, so nothing duplicates the engine.

Output layout (big-endian, read by TokenizerExport): per example int32 segment count, then per segment one mask
byte, int32 byte length, UTF-8 bytes.

    /usr/bin/python3 training/prepare_calls.py --data .work/call-data --out .work/train/calls
"""
import argparse
import json
import os
import struct

IM_END = "<|im_end|>"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=".work/call-data")
    ap.add_argument("--out", default=".work/train/calls")
    ap.add_argument("--splits", default="train,valid,test")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for split in args.splits.split(","):
        src = os.path.join(args.data, "calls-" + split + ".jsonl")
        dst = os.path.join(args.out, split + ".seg")
        n = 0
        with open(src, encoding="utf-8") as f, open(dst, "wb") as out:
            for line in f:
                if not line.strip():
                    continue
                ex = json.loads(line)
                segs = [(0, ex["prompt"]), (1, ex["completion"] + IM_END)]
                out.write(struct.pack(">i", len(segs)))
                for mask, text in segs:
                    b = text.encode("utf-8")
                    out.write(struct.pack(">Bi", mask, len(b)))
                    out.write(b)
                n += 1
        print(f"{split}: {n} pairs -> {dst}")


if __name__ == "__main__":
    main()
