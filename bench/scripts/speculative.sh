#!/usr/bin/env bash
# Speculative decoding side by side with llama.cpp's own, on SYNTHETIC calibrated pairs.
#
# A pair is a small trained model (the draft) and a target built from it by `ferret model create --from`: the
# small model widened and with extra layers whose output projections are zero (or noisy), so the target predicts
# what the draft predicts, at many times the cost, with an acceptance set by the noise (models/CalibratedTarget).
# For every pair, the same prompt files (bench/prompts/*.txt: agent-like prompts whose answer lists names out of
# a tool result, and code) and greedy settings, it measures, on the same llama.cpp build:
#   Ferret (dev.ferret.bench.SpecBench):  plain | draft model | prompt lookup, each with llama.cpp's settings
#                                          (16 tokens a step, no cut-off, not adaptive) and with Ferret's defaults
#                                          (adaptive; draft max 16, min 4, p-min 0.4; lookup min 1)
#   llama.cpp:                             llama-lookup --draft-max 0 (plain: the same loop and timer as the two
#                                          others) | llama-speculative --draft-max 16 | llama-lookup --draft-max 16
# Speed = generated tokens / decoding seconds (after the prompt, as the llama.cpp tools time it), summed over the
# prompts. Each side's speed-up is over its own plain decoding in the same round; the headline is the median over
# rounds of each speed-up and of Ferret's speed-up / llama.cpp's. Rounds rotate the order of the sides, and every
# run waits for a quiet machine and is repeated when other processes took CPU meanwhile (bench/scripts/lib/quiet.sh).
#
# usage: bench/scripts/speculative.sh
#        PAIR_SET=gpu LLAMA_DIR=<CUDA build of b4980> GPU_LAYERS=99 FERRET_LLAMA_LIBRARY=<its libllama.so> bench/scripts/speculative.sh
# environment (defaults):
#   PAIR_SET=cpu      cpu: target 1024 wide, 24 layers (~ Qwen2.5-0.5B's cost), exact + 3 calibrated noise levels
#                     gpu: target 4096 wide, 32 layers (~7B), exact;   tiny: a seconds-long smoke test
#   PAIRS=<all of the set>  a subset, e.g. "cpu-exact cpu-a80"
#   ROUNDS=5 N=128 THREADS=2 GPU_LAYERS=0 PROMPTS="bench/prompts/*.txt"
#   FERRET_JAVA, FERRET_CP: a java and a class path of prebuilt jars, instead of building with Maven (device runs)
#   LLAMA_DIR=<repo>/.work/llama-b4980-cpu  PAIRS_DIR=<repo>/.work/pairs  RESULTS_DIR=<repo>/bench/results
#   QUIET_IDLE=85 QUIET_MAX_WAIT=900 OTHERS_MAX=5 RETRIES=4 (lib/quiet.sh)
# writes RESULTS_DIR/speculative-$PAIR_SET.json and .md, and merges the "speculative" list of summary.json
# (entries of other pair sets stay).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log() { printf '[speculative %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[speculative] error: %s\n' "$*" >&2; exit 1; }

PAIR_SET=${PAIR_SET:-cpu}
ROUNDS=${ROUNDS:-5}
N=${N:-128}
THREADS=${THREADS:-2}
GPU_LAYERS=${GPU_LAYERS:-0}
LLAMA_DIR=${LLAMA_DIR:-$root/.work/llama-b4980-cpu}
PAIRS_DIR=${PAIRS_DIR:-$root/.work/pairs}
RESULTS_DIR=${RESULTS_DIR:-$root/bench/results}
. "$root/bench/scripts/lib/quiet.sh"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to assemble the results"

# --- the pairs: name, source (the draft), target shape, noise ---------------------------------------------
# Noise levels of the cpu set were found with dev.ferret.bench.Calibrate (acceptance of llama-speculative's
# settings over bench/prompts, a count, not a timing; bench/results/README.md): near 0.95, 0.8 and 0.5.
SOURCE_SMALL=models/default/ferret-small-base-q4_k.gguf
case "$PAIR_SET" in
  cpu)  SOURCE=$SOURCE_SMALL; SHAPE=(--width 1024 --ff 4096 --extra-layers 20)
        ALL_PAIRS="cpu-exact:0 cpu-a95:${NOISE_A95:-0.05} cpu-a80:${NOISE_A80:-0.1} cpu-a50:${NOISE_A50:-0.2} cpu-a0:${NOISE_A95:-0.05}:${DRAFT_NOISE_A0:-100}" ;;
  gpu)  SOURCE=$SOURCE_SMALL; SHAPE=(--width 4096 --ff 14336 --extra-layers 28)
        ALL_PAIRS="gpu-exact:0" ;;
  tiny) SOURCE=models/default/ferret-draft-q8_0.gguf; SHAPE=(--width 256 --extra-layers 2)
        ALL_PAIRS="tiny-exact:0 tiny-noisy:0.1" ;;
  *) die "unknown PAIR_SET $PAIR_SET (cpu, gpu, tiny)" ;;
esac
wanted=${PAIRS:-}
pairs=()
for p in $ALL_PAIRS; do
  name=${p%%:*}
  if [ -z "$wanted" ] || [[ " $wanted " == *" $name "* ]]; then pairs+=("$p"); fi
done
[ ${#pairs[@]} -gt 0 ] || die "no pair of set $PAIR_SET matches PAIRS=$wanted"
prompts=()
for f in ${PROMPTS:-$root/bench/prompts/*.txt}; do
  [ -f "$f" ] || die "prompt file not found: $f"
  prompts+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

# --- builds ----------------------------------------------------------------------------------------------
LLAMA_SPEC="$LLAMA_DIR/bin/llama-speculative"
LLAMA_LOOKUP="$LLAMA_DIR/bin/llama-lookup"
LLAMA_LIB=${FERRET_LLAMA_LIBRARY:-$LLAMA_DIR/lib/libllama.so}
if [ ! -x "$LLAMA_SPEC" ] || [ ! -x "$LLAMA_LOOKUP" ] || [ ! -f "$LLAMA_LIB" ]; then
  [ "$LLAMA_DIR" = "$root/.work/llama-b4980-cpu" ] || die "no llama-speculative / llama-lookup / libllama.so in $LLAMA_DIR"
  log "no b4980 CPU build in $LLAMA_DIR: building it (native/scripts/build-cpu.sh)"
  "$root/native/scripts/build-cpu.sh" "$LLAMA_DIR"
fi
if [ -n "${FERRET_JAVA:-}" ] && [ -n "${FERRET_CP:-}" ]; then
  # prebuilt jars (a device machine has no Maven and no network: bench/scripts/device-pack.sh ships them)
  JAVA=$FERRET_JAVA
  CP=$FERRET_CP
  ferret_cli() { "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.ferret.cli.Main "$@"; }
else
  . "$root/scripts/java-home.sh"
  JAVA="$JAVA_HOME/bin/java"
  log "building Ferret (./mvnw -q -B -DskipTests -pl bench,cli -am package)"
  (cd "$root" && ./mvnw -q -B -DskipTests -pl bench,cli -am package) || die "Maven build failed"
  CP="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
  ferret_cli() { ./ferret "$@"; }
fi
mkdir -p "$PAIRS_DIR"
# a pair is NAME:NOISE (the draft is $SOURCE) or NAME:NOISE:DRAFT_NOISE: then the draft is $SOURCE plus 4 blocks of
# that much noise (same vocabulary, its guesses nearly never right): the pair for "adaptive speculation with a
# draft that is never accepted"
declare -A draft_of
for p in "${pairs[@]}"; do
  IFS=: read -r name noise dnoise <<<"$p"
  target="$PAIRS_DIR/$name.gguf"
  if [ ! -f "$target" ] || [ "$root/$SOURCE" -nt "$target" ]; then
    log "creating the synthetic target $name (noise $noise)"
    (cd "$root" && ferret_cli model create --from "$SOURCE" "${SHAPE[@]}" --noise "$noise" --out "$target") >&2
  fi
  draft_of[$name]="$root/$SOURCE"
  if [ -n "${dnoise:-}" ]; then
    draft_of[$name]="$PAIRS_DIR/$name-draft.gguf"
    if [ ! -f "${draft_of[$name]}" ] || [ "$root/$SOURCE" -nt "${draft_of[$name]}" ]; then
      log "creating the synthetic never-right draft of $name (4 blocks of noise $dnoise)"
      (cd "$root" && ferret_cli model create --from "$SOURCE" --extra-layers 4 --noise "$dnoise" --seed 3 --out "${draft_of[$name]}") >&2
    fi
  fi
done

raw=$(mktemp -d "${TMPDIR:-/tmp}/ferret-speculative.XXXXXX")
trap 'rm -rf "$raw"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run_start=$(date -u +%Y-%m-%dT%H:%M:%SZ)

ferret_side() { # ferret_side OUT TARGET MODE EXTRA-ARGS...
  local out=$1 target=$2 mode=$3
  shift 3
  local args=()
  for f in "${prompts[@]}"; do args+=(--prompt "$f"); done
  run_measured "$out.time" env FERRET_LLAMA_LIBRARY="$LLAMA_LIB" "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC \
      -cp "$CP" dev.ferret.bench.SpecBench --target "$target" --draft "$DRAFT" --mode "$mode" --n "$N" \
      --threads "$THREADS" --gpu-layers "$GPU_LAYERS" "$@" "${args[@]}" >"$out" 2>"$out.log" \
      || { tail -20 "$out.log" >&2; die "SpecBench failed: $mode on $target"; }
}

llama_side() { # llama_side OUT TOOL TARGET EXTRA-ARGS... : one process per prompt, all inside one measured run
  local out=$1 tool=$2 target=$3
  shift 3
  local script="$out.sh"
  {
    echo 'set -e'
    local i=0
    for f in "${prompts[@]}"; do
      printf '%q -m %q -f %q -n %q --temp 0 --top-k 1 --seed 1 -t %q -c 4096 -b 2048 -ngl %q --no-escape' \
        "$tool" "$target" "$f" "$N" "$THREADS" "$GPU_LAYERS"
      printf ' %q' "$@"
      printf ' >%q 2>%q\n' "$out.$i.stdout" "$out.$i.stderr"
      i=$((i + 1))
    done
  } >"$script"
  # in the scratch folder: llama-lookup saves its n-gram cache where it runs
  run_measured "$out.time" bash -c 'cd "$1" && bash "$2"' _ "$raw" "$script" || { tail -20 "$out".*.stderr >&2; die "$(basename "$tool") failed on $target"; }
  : >"$out"
}

sides=(ferret-plain ferret-draft ferret-draft-adaptive ferret-lookup ferret-lookup-adaptive llama-plain llama-speculative llama-lookup)
run_side() { # run_side SIDE TARGET OUT
  local side=$1 target=$2 out=$3
  case "$side" in
    ferret-plain) ferret_side "$out" "$target" plain ;;
    ferret-draft) ferret_side "$out" "$target" draft --draft-max 16 --draft-min 0 --p-min 0 --adaptive false ;;
    ferret-draft-adaptive) ferret_side "$out" "$target" draft --draft-max 16 --draft-min 4 --p-min 0.4 --adaptive true ;;
    ferret-lookup) ferret_side "$out" "$target" lookup --draft-max 16 --draft-min 0 --adaptive false ;;
    ferret-lookup-adaptive) ferret_side "$out" "$target" lookup --draft-max 16 --draft-min 1 --adaptive true ;;
    llama-plain) llama_side "$out" "$LLAMA_LOOKUP" "$target" --draft-max 0 ;;
    llama-speculative) llama_side "$out" "$LLAMA_SPEC" "$target" -md "$DRAFT" -ngld "$GPU_LAYERS" --draft-max 16 ;;
    llama-lookup) llama_side "$out" "$LLAMA_LOOKUP" "$target" --draft-max 16 ;;
  esac
}

: >"$raw/runs.tsv"
for ((r = 0; r < ROUNDS; r++)); do
  for p in "${pairs[@]}"; do
    name=${p%%:*}
    target="$PAIRS_DIR/$name.gguf"
    DRAFT=${draft_of[$name]}
    for ((k = 0; k < ${#sides[@]}; k++)); do
      side=${sides[$(( (k + r) % ${#sides[@]} ))]}
      measure_retrying "$raw/runs.tsv" "$r"$'\t'"$name"$'\t'"$side" "$raw/r$r-$name-$side-a{a}" \
        "round $((r + 1))/$ROUNDS $name $side" run_side "$side" "$target"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p "$RESULTS_DIR"
export PAIR_SET ROUNDS N THREADS GPU_LAYERS LLAMA_DIR LLAMA_LIB SOURCE QUIET_IDLE OTHERS_MAX RETRIES load_before load_after run_start
export FERRET_ROOT="$root" PAIRS_DIR JDK_VERSION="$("$JAVA" -version 2>&1 | head -n 1)" SHAPE_ARGS="${SHAPE[*]}" ALL_PAIRS_USED="${pairs[*]}"
export CPU_MODEL="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)" NPROC
export PROMPT_FILES="${prompts[*]}"
python3 "$root/bench/scripts/lib/speculative_report.py" "$raw/runs.tsv" "$RESULTS_DIR/speculative-$PAIR_SET.json" "$RESULTS_DIR/speculative-$PAIR_SET.md"
log "wrote $RESULTS_DIR/speculative-$PAIR_SET.json and .md; merged the speculative list into $RESULTS_DIR/summary.json"
cat "$RESULTS_DIR/speculative-$PAIR_SET.md"
