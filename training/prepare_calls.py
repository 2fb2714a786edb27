#!/usr/bin/python3
"""Turns the question -> call pairs of `ferret call-data` (calls-<split>.jsonl) into segments for TokenizerExport.

Each pair becomes two segments: the prompt (mask 0: the call-only model's whole prompt, already rendered by the
engine's own code, AgentPrompt.callOnlyPrompt) and the completion (mask 1: the call the model must write,
<tool_call>...</tool_call>, then <|im_end|>). No rendering happens here, so nothing duplicates the engine.

Output layout: segments.py (read by TokenizerExport).

    /usr/bin/python3 training/prepare_calls.py --data .work/call-data --out .work/train/calls
"""

import segments

IM_END = "<|im_end|>"


def main():
    segments.convert_splits_main(__doc__, ".work/call-data", ".work/train/calls", "calls-",
                                 lambda ex: [(0, ex["prompt"]), (1, ex["completion"] + IM_END)], "pairs")


if __name__ == "__main__":
    main()
