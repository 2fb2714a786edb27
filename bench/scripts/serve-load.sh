#!/usr/bin/env bash
# Load and faults for `ferret serve` (issue 14 item 6), loopback only, bounded in count and time; stops by itself.
#
#   1. throughput: 4 concurrent streaming clients against a server with --parallel 4 and one with --parallel 1,
#      both up for the whole run, ROUNDS rounds with the order rotated each round, SECONDS s per side; each run
#      waits for a quiet machine first (bench/scripts/lib/quiet.sh) and records how much CPU others took meanwhile
#   2. 32 concurrent streaming clients for LONG_SECONDS s against --parallel 4: started / completed / failed
#   3. MALFORMED bodies that are never valid: each must get a 4xx JSON error; /health and a valid request after
#   4. a slot saved, the server killed (SIGKILL) in the middle of a streamed reply, restarted on the same slot
#      folder: the slot restores and the next request finds its tokens cached
# Writes bench/results/serve.md (and serve.json lines in the work folder).
#
# usage: bench/scripts/serve-load.sh [MODEL.gguf]   (default: a generated model of PRESET, q4_0)
# environment (defaults): PRESET=qwen05b THREADS=2 ROUNDS=3 SECONDS_PER_RUN=20 MAX_TOKENS=32 LONG_SECONDS=60
#   MALFORMED=600 CTX=512 PORT_A=18181 PORT_B=18182 QUIET_IDLE=85 QUIET_MAX_WAIT=120
#   STAGES=throughput,long,malformed,kill (the parts to run)  OUT=bench/results/serve.md
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log() { printf '[serve-load %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
PRESET=${PRESET:-qwen05b}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
MAX_TOKENS=${MAX_TOKENS:-32}
LONG_SECONDS=${LONG_SECONDS:-60}
MALFORMED=${MALFORMED:-600}
CTX=${CTX:-512}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}
QUIET_MAX_WAIT=${QUIET_MAX_WAIT:-120}
. "$root/bench/scripts/lib/quiet.sh"
work="$root/.work/serve-load"
mkdir -p "$work"
out=${OUT:-$root/bench/results/serve.md}
STAGES=${STAGES:-throughput,long,malformed,kill}
has() { case ",$STAGES," in *",$1,"*) return 0;; *) return 1;; esac; }
rows="" ratios="not run" long="not run" bad="not run" saved="" chunks="" done_seen="" restored="" cached="" prompt_tokens=""
json="$work/$(basename "$out" .md).jsonl"
: > "$json"

. "$root/scripts/java-home.sh"
"$root/ferret" --version >/dev/null
"$root/mvnw" -q -B -o -DskipTests -f "$root/pom.xml" -pl bench -am package >&2
load_cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
# an executable, not a function: run_measured runs it under /usr/bin/time
printf '#!/bin/sh\nexec "%s/bin/java" -cp "%s" dev.ferret.bench.ServeLoad "$@"\n' "$JAVA_HOME" "$load_cp" > "$work/client.sh"
chmod +x "$work/client.sh"
client() { "$work/client.sh" "$@"; }

model=${1:-$work/$PRESET-q4_0.gguf}
if [ ! -f "$model" ]; then
  log "generating $model ($PRESET, q4_0)"
  "$root/ferret" model create --preset "$PRESET" --quant q4_0 --out "$model" >&2
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # start PORT PARALLEL LOGFILE -> sets SERVER_PID
  "$root/ferret" serve -m "$model" --port "$1" -np "$2" -c "$CTX" -t "$THREADS" --slot-dir "$work/slots" >"$3" 2>&1 &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$1/health" >/dev/null; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$3" >&2; return 1; }
    sleep 0.5
  done
  return 1
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start "$PORT_A" 4 "$work/server-a.log"; pid_a=$SERVER_PID
start "$PORT_B" 1 "$work/server-b.log"; pid_b=$SERVER_PID
log "servers up: --parallel 4 on $PORT_A, --parallel 1 on $PORT_B ($model, $THREADS threads, ctx $CTX)"

# --- 1. throughput, rotated rounds -------------------------------------------------------------
for r in $(seq 1 "$ROUNDS"); do
  has throughput || break
  if [ $((r % 2)) -eq 1 ]; then order="4 1"; else order="1 4"; fi
  for np in $order; do
    port=$PORT_A; [ "$np" = 1 ] && port=$PORT_B
    wait_quiet
    run_measured "$work/time.txt" "$work/client.sh" stream "http://127.0.0.1:$port" 4 "$SECONDS_PER_RUN" "$MAX_TOKENS" > "$work/line.txt"
    line=$(cat "$work/line.txt")
    echo "{\"round\": $r, \"parallel\": $np, \"idle_before_pct\": $IDLE_PCT, \"others_pct\": $OTHERS_PCT, \"run\": $line}" >> "$json"
    tps=$(echo "$line" | sed 's/.*"tokens_per_s": \([0-9.]*\).*/\1/')
    failed=$(echo "$line" | sed 's/.*"failed": \([0-9]*\).*/\1/')
    rows+="| $r | $np | $tps | $failed | $IDLE_PCT | $OTHERS_PCT | $(cut -d' ' -f1 /proc/loadavg) |"$'\n'
    log "round $r --parallel $np: $tps tokens/s (failed $failed, idle before ${IDLE_PCT}%, others ${OTHERS_PCT}%)"
  done
done
has throughput && ratios=$(python3 - "$json" <<'PY'
import json, sys, statistics
runs = [json.loads(l) for l in open(sys.argv[1]) if '"round"' in l]
by = {}
for x in runs:
    by.setdefault(x["round"], {})[x["parallel"]] = x["run"]["tokens_per_s"]
rs = [v[4] / v[1] for v in by.values() if 4 in v and 1 in v and v[1] > 0]
print(" ".join("%.2f" % r for r in rs), "median %.2f" % statistics.median(rs) if rs else "none")
PY
)
log "ratios --parallel 4 / --parallel 1 per round: $ratios"

# --- 2. 32 clients ------------------------------------------------------------------------------
if has long; then
  long=$(client stream "http://127.0.0.1:$PORT_A" 32 "$LONG_SECONDS" "$MAX_TOKENS")
  echo "{\"long\": $long}" >> "$json"
  log "32 clients: $long"
fi

# --- 3. malformed bodies ------------------------------------------------------------------------
if has malformed; then
  bad=$(client malformed "http://127.0.0.1:$PORT_A" "$MALFORMED")
  echo "{\"malformed\": $bad}" >> "$json"
  log "malformed: $bad"
fi

# --- 4. kill mid-stream, restart, restore the slot ----------------------------------------------
if has kill; then
  conv='"messages": [{"role": "system", "content": "You answer questions about a Python codebase."}, {"role": "user", "content": "Which classes subclass Protocol?"}]'
  saved=$(curl -s "http://127.0.0.1:$PORT_A/slots/conv-1?action=save" -d "{$conv}")
  curl -sN "http://127.0.0.1:$PORT_A/v1/chat/completions" -d "{$conv, \"max_tokens\": 400, \"stream\": true}" > "$work/killed-stream.txt" 2>&1 &
  curl_pid=$!
  for _ in $(seq 1 100); do grep -q '"content"' "$work/killed-stream.txt" 2>/dev/null && break; sleep 0.2; done
  kill -9 "$pid_a"
  wait "$curl_pid" 2>/dev/null || true
  chunks=$(grep -c '^data: ' "$work/killed-stream.txt" || true)
  done_seen=$(grep -c '\[DONE\]' "$work/killed-stream.txt" || true)
  start "$PORT_A" 4 "$work/server-a2.log"; pid_a=$SERVER_PID
  restored=$(curl -s "http://127.0.0.1:$PORT_A/slots/conv-1?action=restore" -X POST -d '{}')
  after=$(curl -s "http://127.0.0.1:$PORT_A/v1/chat/completions" -d "{$conv, \"max_tokens\": 8, \"temperature\": 0}")
  cached=$(echo "$after" | sed 's/.*"cached_tokens":\([0-9]*\).*/\1/')
  prompt_tokens=$(echo "$after" | sed 's/.*"prompt_tokens":\([0-9]*\).*/\1/')
  echo "{\"kill\": {\"saved\": $saved, \"chunks_before_kill\": $chunks, \"done_seen\": $done_seen, \"restored\": $restored, \"cached_tokens\": $cached, \"prompt_tokens\": $prompt_tokens}}" >> "$json"
  log "kill/restart: saved $saved, $chunks chunks before the kill, restored $restored, cached $cached of $prompt_tokens prompt tokens"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# ferret serve: load and faults"
  echo
  echo "Run by \`bench/scripts/serve-load.sh\` on $(date -u +%Y-%m-%d) at $(date -u +%H:%M) UTC, loopback only. Model: \`$(basename "$model")\`"
  echo "($PRESET shape, q4_0, generated weights), $THREADS decode threads per server, $CTX tokens per sequence, $(nproc) cores."
  echo "Load average before: $load_before; after: $load_after. **The machine was shared with other jobs**: every throughput"
  echo "run waited up to ${QUIET_MAX_WAIT}s for ${QUIET_IDLE}% idle CPU (column 'idle before') and the share of CPU others took"
  echo "while it ran is recorded ('others'); where those are high the absolute numbers mean little."
  echo
  echo "## Throughput: 4 concurrent streaming clients, --parallel 4 vs --parallel 1"
  echo
  echo "Both servers up for the whole run; ${SECONDS_PER_RUN}s per run, $MAX_TOKENS tokens per request (temperature 0.7), order rotated per round."
  echo
  echo "| round | --parallel | tokens/s (aggregate) | failed | idle before % | others % | load1 after |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s' "$rows"
  echo
  echo "Ratio --parallel 4 / --parallel 1 per round: $ratios (acceptance: >= 2)."
  echo
  echo "## 32 concurrent streaming clients for ${LONG_SECONDS}s (--parallel 4)"
  echo
  echo '```'
  echo "$long"
  echo '```'
  echo
  echo "## $MALFORMED malformed bodies"
  echo
  echo '```'
  echo "$bad"
  echo '```'
  echo
  echo "## Killed mid-stream, restarted, slot restored"
  echo
  echo "Slot \`conv-1\` saved ($saved); a streamed reply of up to 400 tokens started, and the server got SIGKILL once its first"
  echo "content chunk had arrived ($chunks data lines reached the client before the kill, [DONE] seen: $done_seen). A new server on the same slot folder:"
  echo "restore gave $restored; the same conversation then found $cached of its $prompt_tokens prompt tokens in the cache."
  echo
  echo "Raw lines: \`.work/serve-load/$(basename "$out" .md).jsonl\` (not committed)."
} > "$out"
log "wrote $out"
