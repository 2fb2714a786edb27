# Sourced by the benchmark scripts: measuring on a machine shared with other jobs.
#
# On a shared machine the numbers are only comparable when nobody else holds the cores, so before each run a
# script calls wait_quiet, which waits (up to QUIET_MAX_WAIT s) until the CPU has been >= QUIET_IDLE % idle for
# 3 s; and it runs the measured command through run_measured, which computes how much CPU other processes took
# while it ran (/proc/stat minus the run's own user+system time, from /usr/bin/time). The caller discards and
# repeats a run whose OTHERS_PCT is above OTHERS_MAX.
#
# environment (defaults): QUIET_IDLE=85 QUIET_MAX_WAIT=900 OTHERS_MAX=5 RETRIES=4
# needs: a log function (log MESSAGE) defined by the caller.

QUIET_IDLE=${QUIET_IDLE:-85}
QUIET_MAX_WAIT=${QUIET_MAX_WAIT:-900}
OTHERS_MAX=${OTHERS_MAX:-5}
RETRIES=${RETRIES:-4}
# every run is attempted at least once (RETRIES=0 used to skip every run of the callers' retry loops)
[ "$RETRIES" -ge 1 ] || RETRIES=1
NPROC=$(nproc)
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
TIME_CMD=()
if [ -x /usr/bin/time ]; then TIME_CMD=(/usr/bin/time); else log "warning: no /usr/bin/time: runs are not checked for interference"; fi

# cpu_idle_pct SECONDS : share of idle CPU time over the next SECONDS, from /proc/stat (whole machine)
cpu_idle_pct() {
  local a b
  a=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  sleep "$1"
  b=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  echo "$a $b" | awk '{ d = $4 - $2; p = 100; if (d > 0) p = 100 * ($3 - $1) / d; printf "%.0f\n", p }'
}

# wait_quiet : wait (up to QUIET_MAX_WAIT s) until at least QUIET_IDLE % of the CPU has been idle for 3 s, so
# that a run does not start while someone else's job holds the cores. Sets IDLE_PCT.
wait_quiet() {
  local waited=0
  IDLE_PCT=$(cpu_idle_pct 3)
  while [ "$IDLE_PCT" -lt "$QUIET_IDLE" ] && [ "$waited" -lt "$QUIET_MAX_WAIT" ]; do
    [ $((waited % 60)) -eq 0 ] && log "machine busy (idle ${IDLE_PCT}% < ${QUIET_IDLE}%), waiting (up to ${QUIET_MAX_WAIT}s)"
    sleep 2
    waited=$((waited + 5))
    IDLE_PCT=$(cpu_idle_pct 3)
  done
  [ "$IDLE_PCT" -ge "$QUIET_IDLE" ] || log "warning: still busy after ${QUIET_MAX_WAIT}s (idle ${IDLE_PCT}%); measuring anyway"
}

# busy_jiffies : CPU time the whole machine spent busy (user nice system irq softirq steal), in clock ticks
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# run_measured TIMEFILE CMD... : runs CMD (its stdout/stderr as the caller redirects them) and sets
# OTHERS_PCT (share of the machine's CPU that other processes used meanwhile), RUN_WALL_S and RUN_CPU_S
# (empty without /usr/bin/time). Returns CMD's exit status.
run_measured() {
  local tf=$1 b0 b1 rc=0
  shift
  b0=$(busy_jiffies)
  if [ ${#TIME_CMD[@]} -gt 0 ]; then
    "${TIME_CMD[@]}" -o "$tf" -f '%e %U %S' "$@" || rc=$?
  else
    "$@" || rc=$?
  fi
  b1=$(busy_jiffies)
  OTHERS_PCT=0 RUN_WALL_S="" RUN_CPU_S=""
  if [ -f "$tf" ]; then
    RUN_WALL_S=$(tail -n 1 "$tf" | awk '{ print $1 }')
    RUN_CPU_S=$(tail -n 1 "$tf" | awk '{ printf "%.2f\n", $2 + $3 }')
    OTHERS_PCT=$(awk -v b="$((b1 - b0))" -v hz="$CLK_TCK" -v n="$NPROC" 'END {
        others = b / hz - ($2 + $3); if (others < 0) others = 0
        p = 0; if ($1 > 0) p = 100 * others / ($1 * n); printf "%.0f\n", p }' "$tf")
  fi
  return $rc
}

# measure_retrying RUNS_TSV ROW OUT LABEL CMD... : runs `CMD... OUTFILE` after wait_quiet through run_measured, up to
# RETRIES attempts, until a run that others did not disturb (OTHERS_PCT <= OTHERS_MAX; the last attempt is kept
# whatever it saw). OUTFILE is OUT with {a} replaced by the attempt number. Each attempt appends a line to RUNS_TSV:
# ROW (the caller's leading tab-separated fields), OUTFILE, IDLE_PCT, OTHERS_PCT, the attempt, kept (1 or 0),
# RUN_WALL_S and RUN_CPU_S; and logs LABEL with the two CPU shares. CMD must set OTHERS_PCT (run_measured does).
measure_retrying() {
  local tsv=$1 row=$2 out=$3 label=$4 a kept file
  shift 4
  for ((a = 1; a <= RETRIES; a++)); do
    file=${out//\{a\}/$a}
    wait_quiet
    "$@" "$file"
    kept=1
    if [ "$OTHERS_PCT" -gt "$OTHERS_MAX" ] && [ "$a" -lt "$RETRIES" ]; then kept=0; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$row" "$file" "$IDLE_PCT" "$OTHERS_PCT" "$a" "$kept" "$RUN_WALL_S" "$RUN_CPU_S" >>"$tsv"
    log "$label: CPU idle before ${IDLE_PCT}%, others during ${OTHERS_PCT}%$([ "$kept" = 1 ] || echo ' -> disturbed, repeating')"
    [ "$kept" = 1 ] && break
  done
  return 0
}
