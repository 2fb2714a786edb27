"""bench/results/summary.json: the headline numbers of every benchmark tool, in one file.

Each tool owns some top-level keys and merges them in; the keys of other tools stay as they were, so the
file always holds the latest result of each. Written by bench/scripts/reference.sh (decode/prefill ratios
vs llama-bench), bench/scripts/speculative.sh (the speculative list) and `ferret bench` (its own section,
written from Java with the same rule).
"""
import json
import os


def merge(path, updates):
    """Sets the top-level keys of `updates` in the JSON object at `path` (created if missing)."""
    doc = {}
    if os.path.exists(path):
        with open(path) as f:
            doc = json.load(f)
        if not isinstance(doc, dict):
            raise ValueError(f"{path} does not hold a JSON object")
    doc.update(updates)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)
    return doc
