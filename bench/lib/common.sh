#!/usr/bin/env bash
# Helpers shared by the benchmark harnesses (bench/api, bench/webhooks, bench/sync, bench/native): logging, process and port handling, CPU
# accounting and number formatting. Sourced, not run; functions read the caller's globals (WORK, OUT_DIR, ...).

system_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "FAILED: $*"; exit 1; }
postmaster_pid() { [[ -f "$WORK/.data/postgres/postmaster.pid" ]] && head -1 "$WORK/.data/postgres/postmaster.pid" || true; }
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
wait_gone() { local pid="$1" secs="$2" i; for ((i = 0; i < secs * 10; i++)); do alive "$pid" || return 0; sleep 0.1; done; return 1; }
port_free() { ! ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    port_free "$p" && { echo "$p"; return 0; }
  done
  return 1
}
busy_percent() {
  local a b
  a=$(system_busy); sleep 3; b=$(system_busy)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%d", 100 * (y[1] - x[1]) / (y[2] - x[2] + 1e-9) }'
}
# CPU accounting: utime+stime of the service ($JAVA_PID) and of every process of this run's PostgreSQL ($PM_PID and
# its children), every 0.5 s, into the given file ("<time> <pid> <group> <ticks>").
CLK_TCK=$(getconf CLK_TCK)
start_sampler() {
  local file="$1"
  (
    while :; do
      now=$(date +%s.%N)
      for p in "$JAVA_PID" "$PM_PID" $(pgrep -P "$PM_PID" 2>/dev/null); do
        [[ -r /proc/$p/stat ]] || continue
        stat=$(< "/proc/$p/stat") 2>/dev/null || continue
        rest=${stat##*) }
        read -r -a f <<< "$rest"
        group=postgres; [[ "$p" == "$JAVA_PID" ]] && group=service
        echo "$now $p $group $(( f[11] + f[12] ))"
      done
      sleep 0.5
    done
  ) > "$file" 2>/dev/null &
  SAMPLER_PID=$!
}
# Busy machine CPU seconds between two system_busy readings.
machine_cpu() { awk -v b0="$1" -v b1="$2" -v tck="$CLK_TCK" 'BEGIN { printf "%.2f", (b1 - b0) / tck }'; }
stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; }
# Prints "<group> <cpu seconds>" per group: per process last - first sample (processes that appear later count from 0).
cpu_report() {
  awk -v tck="$CLK_TCK" '
    NR == 1 { t0 = $1 }
    { if (!($2 in first)) { first[$2] = ($1 == t0) ? $4 : 0; grp[$2] = $3 } last[$2] = $4 }
    END { for (p in last) sum[grp[p]] += last[p] - first[p]; for (g in sum) printf "%s %.2f\n", g, sum[g] / tck }' "$1"
}
cpu_of() { awk -v g="$2" '$1 == g { print $2; found = 1 } END { if (!found) print 0 }' <<< "$1"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
rest() { awk -v m="$1" -v a="$2" -v b="$3" -v c="$4" 'BEGIN { r = m - a - b - c; printf "%.2f", (r < 0 ? 0 : r) }'; }
per_op() { awk -v s="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.0f", s * 1e6 / n; else print "n/a" }'; }
