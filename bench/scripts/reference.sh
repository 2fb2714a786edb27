#!/usr/bin/env bash
# Measures the cost of Ferret's FFM binding against native llama.cpp on this machine's CPU.
#
# For each model, in one run and on the same machine:
#   1. llama-bench (llama.cpp b4980, CPU build of native/scripts/build-cpu.sh): pp$PP and tg$TG, $REPS reps
#   2. Ferret's dev.ferret.bench.Throughput, the same tests, on the b4980 libllama.so (FERRET_LLAMA_LIBRARY)
#   3. the same on the bundled b4916 libjllama.so (de.kherud:llama jar, no override)
# repeated $ROUNDS times with the order rotated each round, so that drifting load on a shared machine hits
# every side alike. The headline is the median over rounds of Ferret-on-b4980 / llama-bench (the runs of a
# round are back to back): same library build, so the ratio is the binding's own cost (goal: >= 0.98). It is
# merged into bench/results/summary.json (decode_ratio_vs_llama_bench, prefill_ratio_vs_llama_bench, rounds).
#
# usage: bench/scripts/reference.sh MODEL.gguf [MODEL2.gguf ...]
# On a machine shared with other jobs the numbers are only comparable when nobody else holds the cores, so
# before each run it waits (up to QUIET_MAX_WAIT s) until the CPU has been >= QUIET_IDLE % idle for 3 s, and
# after it, it computes how much CPU other processes took while it ran (/proc/stat minus the run's own
# user+system time); a run where others took more than OTHERS_MAX % of the machine is discarded and
# repeated (up to RETRIES attempts; the last one is kept). Discarded runs are listed in the JSON.
# (The waiting and checking live in bench/scripts/lib/quiet.sh, shared with speculative.sh.)
# Ferret runs as the CLI runs it (-XX:+UseSerialGC), with its default threadpool; FERRET_JAVA_OPTS adds options.
# environment (defaults): PP=128 TG=64 THREADS=2 REPS=5 ROUNDS=5
#   QUIET_IDLE=85 QUIET_MAX_WAIT=900 OTHERS_MAX=5 RETRIES=4
#   LLAMA_CPU_DIR=<repo>/.work/llama-b4980-cpu   (built with native/scripts/build-cpu.sh when missing)
#   RESULTS_DIR=<repo>/bench/results             (writes reference-cpu.json and reference-cpu.md)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log() { printf '[reference %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[reference] error: %s\n' "$*" >&2; exit 1; }

[ $# -ge 1 ] || { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2; exit 2; }

PP=${PP:-128}
TG=${TG:-64}
THREADS=${THREADS:-2}
REPS=${REPS:-5}
ROUNDS=${ROUNDS:-5}
. "$root/bench/scripts/lib/quiet.sh"
JAVA_OPTS=(-XX:+UseSerialGC ${FERRET_JAVA_OPTS:-})
LLAMA_CPU_DIR=${LLAMA_CPU_DIR:-$root/.work/llama-b4980-cpu}
RESULTS_DIR=${RESULTS_DIR:-$root/bench/results}
command -v python3 >/dev/null 2>&1 || die "python3 is needed to assemble the results"

models=()
for m in "$@"; do
  [ -f "$m" ] || die "model file not found: $m"
  models+=("$(cd "$(dirname "$m")" && pwd)/$(basename "$m")")
done

. "$root/scripts/java-home.sh"
JAVA="$JAVA_HOME/bin/java"

# 1. the b4980 CPU reference build
LLAMA_BENCH="$LLAMA_CPU_DIR/bin/llama-bench"
LLAMA_LIB="$LLAMA_CPU_DIR/lib/libllama.so"
if [ ! -x "$LLAMA_BENCH" ] || [ ! -f "$LLAMA_LIB" ]; then
  log "no b4980 CPU build in $LLAMA_CPU_DIR: building it (native/scripts/build-cpu.sh)"
  "$root/native/scripts/build-cpu.sh" "$LLAMA_CPU_DIR"
fi

# 2. Ferret's bench module
log "building Ferret's bench module (./mvnw -q -B -DskipTests -pl bench -am package)"
(cd "$root" && ./mvnw -q -B -DskipTests -pl bench -am package) || die "Maven build failed"
[ -f "$root/bench/target/classpath.txt" ] || die "bench/target/classpath.txt missing after the build"
CP="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"

raw=$(mktemp -d "${TMPDIR:-/tmp}/ferret-reference.XXXXXX")
trap 'rm -rf "$raw"' EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run_start=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# run_side SIDE MODEL OUTFILE : one measurement, JSON (llama-bench: an array; Ferret: one object a line).
# Sets OTHERS_PCT: the share of the machine's CPU that other processes used while it ran.
run_side() {
  local side=$1 model=$2 out=$3
  case "$side" in
    llama-bench)
      run_measured "$out.time" "$LLAMA_BENCH" -m "$model" -p "$PP" -n "$TG" -t "$THREADS" -r "$REPS" -o json >"$out" 2>"$out.log" \
        || { cat "$out.log" >&2; die "llama-bench failed on $model"; } ;;
    ferret-b4980)
      run_measured "$out.time" env FERRET_LLAMA_LIBRARY="$LLAMA_LIB" "$JAVA" --enable-native-access=ALL-UNNAMED "${JAVA_OPTS[@]}" -cp "$CP" dev.ferret.bench.Throughput \
        --model "$model" --pp "$PP" --tg "$TG" --threads "$THREADS" --reps "$REPS" >"$out.out" 2>"$out.log" \
        || { cat "$out.log" >&2; die "Ferret (b4980 override) failed on $model"; }
      grep '^{' "$out.out" >"$out" || die "Ferret printed no results: $(cat "$out.out")" ;;
    ferret-b4916)
      run_measured "$out.time" env -u FERRET_LLAMA_LIBRARY "$JAVA" --enable-native-access=ALL-UNNAMED "${JAVA_OPTS[@]}" -cp "$CP" dev.ferret.bench.Throughput \
        --model "$model" --pp "$PP" --tg "$TG" --threads "$THREADS" --reps "$REPS" >"$out.out" 2>"$out.log" \
        || { cat "$out.log" >&2; die "Ferret (bundled b4916) failed on $model"; }
      grep '^{' "$out.out" >"$out" || die "Ferret printed no results: $(cat "$out.out")" ;;
  esac
}

sides=(llama-bench ferret-b4980 ferret-b4916)
: >"$raw/runs.tsv"
for mi in "${!models[@]}"; do
  model=${models[$mi]}
  for ((r = 0; r < ROUNDS; r++)); do
    for ((k = 0; k < ${#sides[@]}; k++)); do
      side=${sides[$(( (k + r) % ${#sides[@]} ))]}
      measure_retrying "$raw/runs.tsv" "$mi"$'\t'"$model"$'\t'"$r"$'\t'"$side" "$raw/m$mi-r$r-$side-a{a}.json" \
        "$(basename "$model") round $((r + 1))/$ROUNDS $side" run_side "$side" "$model"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# 3. results
mkdir -p "$RESULTS_DIR"
export PP TG THREADS REPS ROUNDS QUIET_IDLE QUIET_MAX_WAIT OTHERS_MAX RETRIES LLAMA_CPU_DIR LLAMA_BENCH LLAMA_LIB JAVA load_before load_after run_start
export FERRET_ROOT="$root" JDK_VERSION="$("$JAVA" -version 2>&1 | head -n 1)"
export CPU_MODEL="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
export NPROC KERNEL="$(uname -srm)" MEM_TOTAL="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
export CPU_FLAGS="$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'avx|avx2|fma|f16c|avx512f|avx512_vnni|avx512_bf16' | tr '\n' ' ')"
python3 - "$raw/runs.tsv" "$RESULTS_DIR/reference-cpu.json" "$RESULTS_DIR/reference-cpu.md" <<'EOF'
import json, math, os, sys, statistics

runs_tsv, out_json, out_md = sys.argv[1:]
env = os.environ
root = env["FERRET_ROOT"]
pp, tg = int(env["PP"]), int(env["TG"])
tests = [f"pp{pp}", f"tg{tg}"]
sides = ["llama-bench", "ferret-b4980", "ferret-b4916"]

def rel(p):
    return os.path.relpath(p, root) if p.startswith(root + "/") else p

def build_info(d):
    try:
        return json.load(open(os.path.join(d, "build-info.json")))
    except OSError:
        return {}

def parse(side, path):
    res = {}
    if side == "llama-bench":
        for o in json.load(open(path)):
            test = f"pp{o['n_prompt']}" if o["n_gen"] == 0 else f"tg{o['n_gen']}"
            res[test] = {"avg_ts": o["avg_ts"], "stddev_ts": o["stddev_ts"], "samples_ts": o.get("samples_ts"), "raw": o}
    else:
        for l in open(path):
            o = json.loads(l)
            res[o["test"]] = {"avg_ts": o["avg_ts"], "stddev_ts": o["stddev_ts"], "library": o["library"], "raw": o}
    return res

runs = {}       # model -> round -> side -> {test: {...}, cpu_idle_pct_before, others_cpu_pct_during, attempt}
discarded = {}  # model -> [runs disturbed by other processes, repeated]
models = {}
for line in open(runs_tsv):
    mi, model, r, side, path, idle, others, attempt, kept, wall, cpu = line.rstrip("\n").split("\t")
    mi, r = int(mi), int(r)
    models[mi] = model
    res = parse(side, path)
    res["cpu_idle_pct_before"] = int(idle)
    res["others_cpu_pct_during"] = int(others)
    res["attempt"] = int(attempt)
    # whole process (start-up and model load included): wall seconds and user+system CPU seconds
    res["process_wall_s"] = float(wall) if wall else None
    res["process_cpu_s"] = float(cpu) if cpu else None
    if kept == "1":
        runs.setdefault(mi, {}).setdefault(r, {})[side] = res
    else:
        discarded.setdefault(mi, []).append({"round": r + 1, "side": side, **{k: v for k, v in res.items()}})

def summary(model_runs, side, test):
    avgs = [model_runs[r][side][test]["avg_ts"] for r in sorted(model_runs)]
    sds = [model_runs[r][side][test]["stddev_ts"] for r in sorted(model_runs)]
    return {"mean_of_round_avgs": statistics.fmean(avgs), "round_avgs": avgs,
            "pooled_stddev": math.sqrt(statistics.fmean([s * s for s in sds]))}

java_cmd = (f"\"$JAVA_HOME/bin/java\" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -cp \"bench/target/classes:$(cat bench/target/classpath.txt)\" "
            f"dev.ferret.bench.Throughput --model MODEL --pp {pp} --tg {tg} --threads {env['THREADS']} --reps {env['REPS']}")
commands = {
    "build_b4980": f"native/scripts/build-cpu.sh {rel(env['LLAMA_CPU_DIR'])}",
    "build_ferret": "./mvnw -q -B -DskipTests -pl bench -am package",
    "llama-bench": f"{rel(env['LLAMA_BENCH'])} -m MODEL -p {pp} -n {tg} -t {env['THREADS']} -r {env['REPS']} -o json",
    "ferret-b4980": f"FERRET_LLAMA_LIBRARY={rel(env['LLAMA_LIB'])} " + java_cmd,
    "ferret-b4916": "env -u FERRET_LLAMA_LIBRARY " + java_cmd,
}
bi = build_info(env["LLAMA_CPU_DIR"])
doc = {
    "date_utc": env["run_start"],
    "machine": {"cpu_model": env["CPU_MODEL"], "nproc": int(env["NPROC"]), "cpu_flags": env["CPU_FLAGS"].split(),
                "kernel": env["KERNEL"], "memory": env["MEM_TOTAL"],
                "loadavg_before": env["load_before"], "loadavg_after": env["load_after"]},
    "jdk": env["JDK_VERSION"],
    "settings": {"pp": pp, "tg": tg, "threads": int(env["THREADS"]), "reps": int(env["REPS"]), "rounds": int(env["ROUNDS"]), "quiet_idle_pct": int(env["QUIET_IDLE"]),
                 "others_max_pct": int(env["OTHERS_MAX"]), "retries": int(env["RETRIES"]),
                 "order": "rounds rotate the order llama-bench, ferret-b4980, ferret-b4916"},
    "libraries": {"b4980": {"path": rel(env["LLAMA_LIB"]), "build_info": bi},
                  "b4916": {"source": "libjllama.so from de.kherud:llama:4.2.0 (bundled)"}},
    "commands": commands,
    "models": [],
}
for mi in sorted(models):
    model = models[mi]
    mr = runs[mi]
    lb0 = mr[0]["llama-bench"][tests[0]]["raw"]
    entry = {"file": os.path.basename(model), "path": rel(model), "size_bytes": os.path.getsize(model),
             "model_type": lb0.get("model_type"), "n_params": lb0.get("model_n_params"),
             "b4916_library": mr[0]["ferret-b4916"][tests[0]]["library"],
             "b4980_library": mr[0]["ferret-b4980"][tests[0]]["library"],
             "summary": {}, "rounds": [{"round": r + 1, **mr[r]} for r in sorted(mr)],
             "discarded_runs": discarded.get(mi, [])}
    for t in tests:
        s = {side: summary(mr, side, t) for side in sides}
        lb = s["llama-bench"]["mean_of_round_avgs"]
        s["ratio_ferret_b4980_vs_llama_bench"] = s["ferret-b4980"]["mean_of_round_avgs"] / lb
        s["ratio_ferret_b4916_vs_llama_bench"] = s["ferret-b4916"]["mean_of_round_avgs"] / lb
        s["round_ratios_ferret_b4980_vs_llama_bench"] = [
            mr[r]["ferret-b4980"][t]["avg_ts"] / mr[r]["llama-bench"][t]["avg_ts"] for r in sorted(mr)]
        s["median_round_ratio_ferret_b4980_vs_llama_bench"] = statistics.median(s["round_ratios_ferret_b4980_vs_llama_bench"])
        s["round_ratios_ferret_b4916_vs_llama_bench"] = [
            mr[r]["ferret-b4916"][t]["avg_ts"] / mr[r]["llama-bench"][t]["avg_ts"] for r in sorted(mr)]
        entry["summary"][t] = s
    doc["models"].append(entry)
json.dump(doc, open(out_json, "w"), indent=2)

# the headline numbers, merged into summary.json beside the reports (other tools own its other keys)
sys.path.insert(0, os.path.join(root, "bench", "scripts", "lib"))
import summary
first = doc["models"][0]
summary.merge(os.path.join(os.path.dirname(out_json), "summary.json"), {
    "decode_ratio_vs_llama_bench": round(first["summary"][tests[1]]["median_round_ratio_ferret_b4980_vs_llama_bench"], 4),
    "prefill_ratio_vs_llama_bench": round(first["summary"][tests[0]]["median_round_ratio_ferret_b4980_vs_llama_bench"], 4),
    "rounds": len(first["rounds"]),
    "reference": {
        "source": os.path.basename(out_json), "date_utc": doc["date_utc"], "model": first["file"],
        "what": "Ferret on the b4980 CPU build / llama-bench on the same build, median of the per-round ratios",
        "tests": {t: {"round_ratios": [round(x, 4) for x in first["summary"][t]["round_ratios_ferret_b4980_vs_llama_bench"]],
                      "median": round(first["summary"][t]["median_round_ratio_ferret_b4980_vs_llama_bench"], 4)} for t in tests},
        "machine": {"cpu_model": doc["machine"]["cpu_model"], "nproc": doc["machine"]["nproc"],
                    "loadavg_before": doc["machine"]["loadavg_before"], "loadavg_after": doc["machine"]["loadavg_after"]},
    },
})

# markdown
m = doc["machine"]
L = []
L.append("# Reference: Ferret's FFM binding vs native llama.cpp (CPU)")
L.append("")
L.append("Written by `bench/scripts/reference.sh`; raw numbers in `reference-cpu.json`.")
L.append("")
L.append(f"- Date (UTC): {doc['date_utc']}")
L.append(f"- Machine: {m['cpu_model']}, `nproc` = {m['nproc']}, {m['memory']}, {m['kernel']}; CPU flags: {' '.join(m['cpu_flags'])}")
L.append(f"- Load average (1/5/15 min) before: {m['loadavg_before']}, after: {m['loadavg_after']} (a shared machine: other work adds noise)")
L.append(f"- JDK: {doc['jdk']}")
tag = bi.get("tag", "b4980")
L.append(f"- llama.cpp {tag}: CPU build from `native/scripts/build-cpu.sh` (bundle commit `{bi.get('bundle_commit', '?')}`; "
         f"llama-bench reports it as build 1 / `{bi.get('bundle_commit', '?')[:7]}` because the bundle is one squashed commit), "
         f"`{doc['libraries']['b4980']['path']}`")
L.append("- llama.cpp b4916: `libjllama.so` bundled in `de.kherud:llama:4.2.0` (Ferret's default library)")
L.append(f"- Tests: pp{pp} (one batch of {pp} tokens) and tg{tg} ({tg} single-token decodes), {env['THREADS']} threads, "
         f"{env['REPS']} repetitions per run, {env['ROUNDS']} rounds per side with the order of the sides rotated each round; "
         "Ferret's harness (`dev.ferret.bench.Throughput`) makes a context per test as llama-bench does, warms up before each, "
         "and runs with `-XX:+UseSerialGC` and its default persistent CPU threadpool, as the CLI does")
L.append("- Numbers: tokens/s, mean of the rounds' averages ± pooled standard deviation of the repetitions; "
         "headline ratio: the median over rounds of the per-round ratio (the runs of one round are back to back); mean over mean beside it")
L.append(f"- Each run waited until the CPU had been ≥ {env['QUIET_IDLE']}% idle for 3 s (up to {env['QUIET_MAX_WAIT']} s); "
         f"a run during which other processes used more than {env['OTHERS_MAX']}% of the machine's CPU was discarded and repeated "
         f"(at most {env['RETRIES']} attempts, the last one kept); the per-round table shows the CPU share others used during each kept run")
L.append("")
def fmt(x):
    return f"{x['mean_of_round_avgs']:.1f} ± {x['pooled_stddev']:.1f}"
for e in doc["models"]:
    size = e["size_bytes"]
    L.append(f"## {e['file']}")
    L.append("")
    L.append(f"{size / 1048576:.1f} MiB ({size} bytes), {e.get('model_type') or '?'}, "
             f"{(e.get('n_params') or 0) / 1e6:.1f} M parameters")
    L.append("")
    L.append("| test | llama-bench b4980 t/s | Ferret on b4980 t/s | **Ferret/llama-bench, median of per-round ratios** | per-round ratios | mean/mean | Ferret on b4916 (bundled) t/s | Ferret-b4916/llama-bench |")
    L.append("|---|---:|---:|---:|---|---:|---:|---:|")
    for t in tests:
        s = e["summary"][t]
        rr = ", ".join(f"{x:.3f}" for x in s["round_ratios_ferret_b4980_vs_llama_bench"])
        L.append(f"| {t} | {fmt(s['llama-bench'])} | {fmt(s['ferret-b4980'])} | **{s['median_round_ratio_ferret_b4980_vs_llama_bench']:.3f}** | {rr} | "
                 f"{s['ratio_ferret_b4980_vs_llama_bench']:.3f} | {fmt(s['ferret-b4916'])} | {s['ratio_ferret_b4916_vs_llama_bench']:.3f} |")
    L.append("")
    L.append("Per round (avg t/s of each run, in the order they ran):")
    L.append("")
    L.append("| round | order | others' CPU share during each run | " + " | ".join(f"{side} {t}" for t in tests for side in sides) + " |")
    L.append("|---|---|---|" + "---:|" * (len(tests) * len(sides)))
    for rd in e["rounds"]:
        r = rd["round"] - 1
        order = " → ".join(sides[(k + r) % len(sides)] for k in range(len(sides)))
        vals = " | ".join(f"{rd[side][t]['avg_ts']:.1f}" for t in tests for side in sides)
        idle = " / ".join(f"{rd[sides[(k + r) % len(sides)]]['others_cpu_pct_during']}%" for k in range(len(sides)))
        L.append(f"| {rd['round']} | {order} | {idle} | {vals} |")
    L.append("")
    if e["discarded_runs"]:
        L.append(f"{len(e['discarded_runs'])} run(s) were discarded because other processes took CPU while they ran: "
                 + "; ".join(f"round {d['round']} {d['side']} (others {d['others_cpu_pct_during']}%: "
                             + ", ".join(f"{t} {d[t]['avg_ts']:.1f}" for t in tests) + ")" for d in e["discarded_runs"]) + ".")
        L.append("")
L.append("## Commands")
L.append("")
L.append("```sh")
L.append(f"PP={pp} TG={tg} THREADS={env['THREADS']} REPS={env['REPS']} ROUNDS={env['ROUNDS']} QUIET_IDLE={env['QUIET_IDLE']} OTHERS_MAX={env['OTHERS_MAX']} RETRIES={env['RETRIES']} "
         f"bench/scripts/reference.sh {' '.join(e['path'] for e in doc['models'])}")
L.append("# which runs, from the repository root:")
for k, v in commands.items():
    L.append(f"{v}   # {k}")
L.append("```")
L.append("")
open(out_md, "w").write("\n".join(L))
EOF
log "wrote $RESULTS_DIR/reference-cpu.json and $RESULTS_DIR/reference-cpu.md"
cat "$RESULTS_DIR/reference-cpu.md"
