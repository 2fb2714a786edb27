#!/usr/bin/python3
"""Early check of what the fine-tuning teaches, before exporting: for N examples spread evenly over a split, decode the
first assistant turn greedily (PyTorch, from a train.py checkpoint) and compare it with the recorded one. Reports
how often the turn opens a tool call, names the recorded tool, and reproduces the recorded call exactly (name and
arguments as the tokens were written), plus the first few outputs. Unconstrained decoding: the engine's grammar is
not applied here, so this is a lower bound on well-formed calls.

    /usr/bin/python3 training/eval_calls.py --base .work/train/ckpt/base-code --lora .work/train/ckpt/lora-conv -n 40
"""
import argparse
import json
import os
import re
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402


@torch.no_grad()
def greedy(model, past, start, first_ids, n, stop_ids):
    """Continues from per-layer (k, v) of positions 0..start-1: feeds first_ids, then n greedy tokens."""
    kv = [(k.clone(), v.clone()) for k, v in past]
    ids = torch.tensor([first_ids])
    out = []
    pos = start
    for _ in range(n):
        logits, own = model(ids, start=pos, past=kv, keep=True)
        kv = [(torch.cat([k, ok], 2), torch.cat([v, ov], 2)) for (k, v), (ok, ov) in zip(kv, own)]
        pos += ids.shape[1]
        nxt = int(torch.argmax(logits[0, -1]))
        out.append(nxt)
        if nxt in stop_ids:
            break
        ids = torch.tensor([[nxt]])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True)
    ap.add_argument("--lora")
    ap.add_argument("--data", default=".work/train/data")
    ap.add_argument("--split", default="valid")
    ap.add_argument("-n", type=int, default=40, help="examples")
    ap.add_argument("--tokens", type=int, default=48)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.data, "tokenizer.json")) as f:
        tok = json.load(f)
    conv = T.Conversations(args.data, args.split, 10 ** 9)
    model = T.load_for_inference(args.base, args.lora)
    _, past = model(conv.prefix, keep=True)
    im_end = tok["tokens"].index("<|im_end|>")
    stops = {im_end, tok["eos_token_id"]}
    opened = named = exact = 0
    n = min(args.n, len(conv.starts))
    picks = np.linspace(0, len(conv.starts) - 1, n).round().astype(int)  # spread over codebases and tasks
    for shown, i in enumerate(picks):
        a, e = int(conv.starts[i]) + conv.p, int(conv.ends[i])
        ids, mask = conv.ids[a:e], conv.mask[a:e]
        first = int(np.flatnonzero(mask)[0])
        end = first + int(np.argmax(mask[first:] == 0)) if (mask[first:] == 0).any() else len(mask)
        want = T.decode(tok, [int(t) for t in ids[first:end]])
        got_ids = greedy(model, past, conv.p, [int(t) for t in ids[:first]], args.tokens, stops)
        got = T.decode(tok, got_ids)
        want_name = re.search(r'"name": "([^"]+)"', want)
        got_name = re.search(r'"name": "([^"]+)"', got)
        opened += got.lstrip().startswith("<tool_call>")
        named += bool(want_name and got_name and want_name.group(1) == got_name.group(1))
        exact += got.strip() == want.strip()
        if shown < args.show:
            q = T.decode(tok, [int(t) for t in ids[:first]]).split("<|im_start|>user\n")[-1].split("<|im_end|>")[0]
            print(f"[{i}] question: {q!r}\n    want: {want!r}\n    got:  {got!r}")
    print(f"{args.split}, {n} examples: opens a tool call {opened}/{n}, names the recorded tool {named}/{n}, "
          f"exact first turn {exact}/{n}")


if __name__ == "__main__":
    main()
