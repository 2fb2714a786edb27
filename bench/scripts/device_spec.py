#!/usr/bin/env python3
"""The `spec` step of bench/scripts/device_run.py: speculative decoding on the GPU (issue 12).

Runs bench/scripts/speculative.sh with PAIR_SET=gpu (a synthetic calibrated pair whose target has about a 7B model's
cost per token; the draft is the shipped small base) on the CUDA build, every layer of target and draft offloaded,
from the jars device-pack.sh shipped (no Maven on a device). The script itself rotates the sides each round and
reports the median of per-round speed-ups, Ferret's beside llama-speculative's and llama-lookup's.

Environment (set by device-run.sh): FERRET_DEVICE_JAVA, FERRET_DEVICE_CP, FERRET_DEVICE_LLAMA, FERRET_DEVICE_WORK,
FERRET_ROOT, DEVICE_OUT (where the results go). Optional: SPEC_PAIR_SET (gpu), SPEC_ROUNDS (3), SPEC_N (128).
Prints one JSON object: the speculative-<set>.json the script wrote, plus the command.
"""
import json
import os
import subprocess
import sys


def main():
    root = os.environ["FERRET_ROOT"]
    out = os.environ.get("DEVICE_OUT") or os.path.join(root, ".work", "device-out")
    llama = os.environ["FERRET_DEVICE_LLAMA"]
    work = os.environ.get("FERRET_DEVICE_WORK", "/tmp/ferret-device")
    pair_set = os.environ.get("SPEC_PAIR_SET", "gpu")
    env = dict(os.environ,
               PAIR_SET=pair_set,
               ROUNDS=os.environ.get("SPEC_ROUNDS", "3"),
               N=os.environ.get("SPEC_N", "128"),
               THREADS=str(min(8, os.cpu_count() or 2)),
               # every layer on the GPU, except for the seconds-long tiny set (a CPU smoke test) unless asked
               GPU_LAYERS=os.environ.get("SPEC_GPU_LAYERS", "0" if pair_set == "tiny" else "99"),
               LLAMA_DIR=llama,
               FERRET_LLAMA_LIBRARY=os.path.join(llama, "lib", "libllama.so"),
               PAIRS_DIR=os.path.join(work, "pairs"),
               RESULTS_DIR=out,
               FERRET_JAVA=os.environ["FERRET_DEVICE_JAVA"],
               FERRET_CP=os.environ["FERRET_DEVICE_CP"],
               # a lent machine is not shared: no waiting for quiet cores, but runs that others disturbed still repeat
               QUIET_IDLE=os.environ.get("QUIET_IDLE", "0"),
               QUIET_MAX_WAIT=os.environ.get("QUIET_MAX_WAIT", "0"))
    script = os.path.join(root, "bench", "scripts", "speculative.sh")
    p = subprocess.run(["bash", script], env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with open(os.path.join(out, "spec-steps.log"), "w") as f:
        f.write(p.stdout)
        f.write(p.stderr)
    if p.returncode != 0:
        raise SystemExit("speculative.sh failed (exit %d): %s" % (p.returncode, p.stderr[-2000:]))
    with open(os.path.join(out, "speculative-%s.json" % pair_set)) as f:
        result = json.load(f)
    print(json.dumps({"command": "PAIR_SET=%s GPU_LAYERS=%s bench/scripts/speculative.sh" % (pair_set, env["GPU_LAYERS"]),
                      "result": result}))


if __name__ == "__main__":
    sys.exit(main())
