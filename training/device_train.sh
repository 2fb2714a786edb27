#!/usr/bin/env bash
# The `train` step of bench/scripts/device_run.py (issue 12 item 3): trains the call-only default model on the
# device's GPU from data prepared here, and leaves the checkpoint in OUT_DIR as tar parts a device run brings back.
#
# Prepare here (the data travel in the pack, the device has no network):
#   STAGES=call-data training/train_default.sh
#   EXTRA=.work/train/calls bench/scripts/device-pack.sh
# On the device (device-run.sh calls it):  training/device_train.sh OUT_DIR
# Back here:  mkdir -p .work/train/ckpt/calls-device && cat OUT_DIR/calls.tar.part-* | tar xf - -C .work/train/ckpt/calls-device
#             PROFILE=device STAGES=call-export training/train_default.sh
# Environment: TRAIN_BUDGET (seconds of training, default 300), FERRET_DEVICE_WORK (set by device-run.sh).
# Prints, as its last line, one JSON object: steps, the last logged losses, seconds, the parts written.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:?usage: training/device_train.sh OUT_DIR}
work=${FERRET_DEVICE_WORK:-/tmp/ferret-device}/train
packed="$root/.device/extra/calls.tar.xz"
[ -f "$packed" ] || { echo "no call data in $packed: pack it with EXTRA=.work/train/calls" >&2; exit 1; }
mkdir -p "$work" "$out"
rm -rf "$work/calls" && tar xJf "$packed" -C "$work"
[ -f "$work/calls/train.ids.i32" ] || { echo "$packed holds no calls/train.ids.i32" >&2; exit 1; }
t0=$(date +%s)
WORK="$work" PROFILE=device STAGES=calls PARTS="$out" TIME_BUDGET="${TRAIN_BUDGET:-300}" \
  "$root/training/train_default.sh" >"$out/train.log" 2>&1 || { tail -n 40 "$out/train.log" >&2; exit 1; }
secs=$(( $(date +%s) - t0 ))
log="$work/ckpt/calls-device/log.csv"
python3 - "$log" "$out" "$secs" <<'PY'
import csv, json, os, sys
log, out, secs = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = list(csv.DictReader(open(log))) if os.path.exists(log) else []
parts = sorted(p for p in os.listdir(out) if p.startswith("calls.tar.part-"))
print(json.dumps({"seconds": secs, "logged_steps": len(rows), "last": rows[-1] if rows else None,
                  "parts": parts, "command": "PROFILE=device STAGES=calls training/train_default.sh"}))
PY
