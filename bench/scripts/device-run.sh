#!/usr/bin/env bash
# Ferret's GPU checks, as one command on a machine with an NVIDIA GPU and no network (issue 12). Needs what
# bench/scripts/device-pack.sh put into <repo>/.device (a Java runtime, Ferret's jars, the CUDA build of
# llama.cpp b4980); python3 on the machine assembles the results.
#
# usage: bench/scripts/device-run.sh [OUT_DIR]      (default: $OUT, else <repo>/.work/device-out)
# environment: STEPS (default "devices bench cpu spec train"), DEADLINE_S (default 520: steps that would start
#              after it are skipped and say so), ROUNDS (default 5), REPS (default 5), PP (512), TG (128)
# Writes into OUT_DIR: gpu-h200.json, gpu-h200.md, devices.txt, and each step's raw logs (steps.log).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT_DIR=${1:-${OUT:-$root/.work/device-out}}
pack="$root/.device"
work=${DEVICE_WORK:-/tmp/ferret-device}
log() { printf '[device-run %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[device-run] error: %s\n' "$*" >&2; exit 1; }

[ -d "$pack" ] || die "no $pack: run bench/scripts/device-pack.sh on the build machine first"
mkdir -p "$OUT_DIR" "$work"
if [ ! -x "$work/jre/bin/java" ]; then
  log "unpacking the Java runtime"
  tar xJf "$pack/jre.tar.xz" -C "$work"
fi
if [ ! -f "$work/llama-cuda/lib/libllama.so" ]; then
  log "unpacking the CUDA build"
  tar xJf "$pack/llama-cuda.tar.xz" -C "$work"
fi

# cuBLAS and the CUDA runtime: from the toolkit if it has them, else from the Python wheels next to PyTorch
libdirs=()
for f in $(find /usr/local/cuda*/lib64 /usr/local/cuda*/targets/*/lib /usr/lib/x86_64-linux-gnu /opt /usr/local/lib \
             -maxdepth 8 \( -name 'libcublasLt.so.13*' -o -name 'libcudart.so.13*' \) 2>/dev/null); do
  libdirs+=("$(dirname "$f")")
done
if [ ${#libdirs[@]} -gt 0 ]; then
  LD_LIBRARY_PATH=$(printf '%s\n' "${libdirs[@]}" | awk '!seen[$0]++' | paste -sd:)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export LD_LIBRARY_PATH
fi
log "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"

export FERRET_DEVICE_JAVA="$work/jre/bin/java"
export FERRET_DEVICE_CP="$pack/lib/*"
export FERRET_DEVICE_LLAMA="$work/llama-cuda"
export FERRET_DEVICE_WORK="$work"
export FERRET_ROOT="$root"
exec python3 "$root/bench/scripts/device_run.py" "$OUT_DIR"
