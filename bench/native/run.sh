#!/usr/bin/env bash
# Native executable vs. JVM build, in one run (issue 8).
#
# Starts one PostgreSQL (the tests' embedded one, as a process of its own: support/StandaloneDatabase), migrates it
# with an unmeasured JVM start, then starts each build ROUNDS times, alternating, against that database and measures
#   - time from process start to /q/health/ready = 200 and to the first successful authenticated API call
#     (POST /dev/token, then GET /api/v1/integrations with that token = 200),
#   - RSS right after that first call and after a warm-up load (wrk for WARM_SECONDS on the same GET),
#   - the size of what ships: the native executable vs. target/quarkus-app (+ the JDK it needs),
# and, on the native executable's last round, the shutdown: readiness DOWN right after SIGTERM, then the exit.
# Prints a summary and writes it (with every raw figure) to OUT_DIR. Everything it started is stopped on exit.
#
# Usage: bench/native/run.sh          (needs target/*-runner and target/quarkus-app: ./mvnw package -Dnative)
# Settings (environment):
#   ROUNDS=3            starts per build (the summary shows the median)
#   WARM_SECONDS=20     warm-up load per start (wrk, 2 threads, 16 connections); 0 = none
#   HTTP_PORT=18090     service port (127.0.0.1 only); PG_PORT=<free port>
#   OUT_DIR=bench/out/native/<timestamp>
set -Eeuo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
WARM_SECONDS="${WARM_SECONDS:-20}"
HTTP_PORT="${HTTP_PORT:-18090}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT_DIR="${OUT_DIR:-$REPO/bench/out/native/$STAMP}"
# shellcheck source=../lib/common.sh
source "$REPO/bench/lib/common.sh"

RUNNER="$(ls "$REPO"/target/*-runner 2>/dev/null | head -1 || true)"
[[ -x "$RUNNER" ]] || die "no native executable in target/ (./mvnw package -Dnative, see README)"
[[ -f "$REPO/target/quarkus-app/quarkus-run.jar" ]] || die "no target/quarkus-app (the JVM build of the same package)"
[[ -d "$REPO/target/test-classes/io/integration/support" ]] || die "no target/test-classes (./mvnw test-compile)"
command -v wrk >/dev/null || { (( WARM_SECONDS == 0 )) || die "wrk is missing (apt-get install -y wrk) or set WARM_SECONDS=0"; }

mkdir -p "$OUT_DIR"
WORK="$(mktemp -d /tmp/bench-native.XXXXXX)"
# Private copies, so a concurrent build in target/ cannot swap files under the running processes.
cp -r "$REPO/target/quarkus-app" "$WORK/app"
cp "$RUNNER" "$WORK/application"
mkdir -p "$WORK/cp" && cp -r "$REPO/target/test-classes" "$REPO/target/classes" "$WORK/cp/"

DB_PID=""
SVC_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if alive "$SVC_PID"; then kill -TERM "$SVC_PID"; wait_gone "$SVC_PID" 40 || kill -KILL "$SVC_PID"; fi
  if alive "$DB_PID"; then kill -TERM "$DB_PID"; wait_gone "$DB_PID" 30 || kill -KILL "$DB_PID"; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PG_PORT="${PG_PORT:-$(free_port)}"
port_free "$HTTP_PORT" || die "port $HTTP_PORT is in use (set HTTP_PORT)"
log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
java -cp "$WORK/cp/test-classes:$WORK/cp/classes:$WORK/app/lib/main/*" io.integration.support.StandaloneDatabase \
  "$WORK/pg" "$PG_PORT" "$WORK/db.args" > "$WORK/db.log" 2>&1 &
DB_PID=$!
for _ in $(seq 1 600); do [[ -f "$WORK/db.args" ]] && break; alive "$DB_PID" || { cat "$WORK/db.log"; die "PostgreSQL did not start"; }; sleep 0.1; done
[[ -f "$WORK/db.args" ]] || die "PostgreSQL not up after 60 s"
mapfile -t DB_ARGS < "$WORK/db.args"

BASE="http://127.0.0.1:$HTTP_PORT"
now_ms() { date +%s%3N; }
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# start <jvm|native> <data dir>: starts the build in the background (SVC_PID); the local issuer, KEK and delivery
# secret live in the data dir, the database is the shared one.
start() {
  local kind="$1" data="$2"
  local common=(-Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$HTTP_PORT"
    -Dquarkus.log.console.json.enabled=false "${DB_ARGS[@]}")
  if [[ "$kind" == jvm ]]; then
    INTEGRATION_LOCAL_DATA_DIR="$data" java "${common[@]}" -jar "$WORK/app/quarkus-run.jar" > "$WORK/$kind.log" 2>&1 &
  else
    INTEGRATION_LOCAL_DATA_DIR="$data" "$WORK/application" "${common[@]}" > "$WORK/$kind.log" 2>&1 &
  fi
  SVC_PID=$!
}

# measure <jvm|native> <round>: one start; appends "kind round ready_ms first_api_ms rss_start_kb rss_warm_kb rps"
measure() {
  local kind="$1" round="$2" t0 ready="" first="" token rss0 rss1 rps="-"
  t0=$(now_ms)
  start "$kind" "$WORK/data-$kind"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" == 200 ]]; do
    alive "$SVC_PID" || { tail -30 "$WORK/$kind.log"; die "$kind exited during start"; }
    (( $(now_ms) - t0 < 120000 )) || { tail -30 "$WORK/$kind.log"; die "$kind not ready after 120 s"; }
    sleep 0.01
  done
  ready=$(( $(now_ms) - t0 ))
  token=$(curl -sf -X POST "$BASE/dev/token?roles=read" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$BASE/api/v1/integrations")" == 200 ]] \
    || die "$kind: the first API call failed"
  first=$(( $(now_ms) - t0 ))
  rss0=$(rss_kb "$SVC_PID")
  if (( WARM_SECONDS > 0 )); then
    wrk -t2 -c16 -d"${WARM_SECONDS}s" -H "Authorization: Bearer $token" "$BASE/api/v1/integrations" > "$OUT_DIR/wrk-$kind-$round.txt" 2>&1
    grep -q "Non-2xx" "$OUT_DIR/wrk-$kind-$round.txt" && die "$kind: non-2xx answers under load (see wrk-$kind-$round.txt)"
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$OUT_DIR/wrk-$kind-$round.txt")
  fi
  rss1=$(rss_kb "$SVC_PID")
  echo "$kind $round $ready $first $rss0 $rss1 $rps" >> "$OUT_DIR/rounds.txt"
  log "$kind #$round: ready ${ready} ms, first API answer ${first} ms, RSS ${rss0} kB -> ${rss1} kB after warm-up (${rps} req/s)"
}

# stop [check]: SIGTERM; with "check", records whether readiness answers DOWN during the shutdown delay.
stop() {
  local t0 code=""
  t0=$(now_ms)
  kill -TERM "$SVC_PID"
  if [[ "${1:-}" == check ]]; then
    code=$(curl -s -o "$OUT_DIR/ready-after-sigterm.json" -w '%{http_code}' "$BASE/q/health/ready" || true)
  fi
  wait_gone "$SVC_PID" 60 || die "still running 60 s after SIGTERM"
  wait "$SVC_PID" 2>/dev/null || true
  [[ -n "$code" ]] && { echo "readiness_after_sigterm=$code exit_after_ms=$(( $(now_ms) - t0 ))" >> "$OUT_DIR/shutdown.txt";
    log "after SIGTERM: readiness answered $code, exited after $(( $(now_ms) - t0 )) ms"; }
  SVC_PID=""
}

{
  echo "date_utc=$STAMP git_head=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc=$(nproc) load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "native=$("$WORK/application" --version 2>/dev/null | head -1 || true)"
} > "$OUT_DIR/environment.txt"

log "migrating the database (unmeasured JVM start)"
start jvm "$WORK/data-jvm"
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" == 200 ]]; do
  alive "$SVC_PID" || { tail -30 "$WORK/jvm.log"; die "jvm exited during the migration start"; }; sleep 0.2
done
stop
: > "$OUT_DIR/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  for kind in jvm native; do
    measure "$kind" "$round"
    if [[ "$kind" == native && "$round" == "$ROUNDS" ]]; then stop check; else stop; fi
  done
done
cp "$WORK/native.log" "$OUT_DIR/native-last.log"; cp "$WORK/jvm.log" "$OUT_DIR/jvm-last.log"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
col() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$OUT_DIR/rounds.txt" | median; }
native_size=$(stat -c %s "$WORK/application")
app_size=$(du -sb "$WORK/app" | cut -f1)
jdk_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
jdk_size=$(du -sb "$jdk_home" | cut -f1)
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
{
  echo "| | JVM | native |"
  echo "|---|---|---|"
  echo "| start → /q/health/ready 200 (median of $ROUNDS) | $(col jvm 3) ms | $(col native 3) ms |"
  echo "| start → first authenticated API answer | $(col jvm 4) ms | $(col native 4) ms |"
  echo "| RSS after that first answer | $(( $(col jvm 5) / 1024 )) MB | $(( $(col native 5) / 1024 )) MB |"
  echo "| RSS after ${WARM_SECONDS} s of load (wrk -t2 -c16) | $(( $(col jvm 6) / 1024 )) MB | $(( $(col native 6) / 1024 )) MB |"
  echo "| throughput during that load (GET /api/v1/integrations) | $(col jvm 7) req/s | $(col native 7) req/s |"
  echo "| what ships | target/quarkus-app $(mb "$app_size") + JDK $(mb "$jdk_size") | executable $(mb "$native_size") |"
} | tee "$OUT_DIR/summary.md"
[[ -f "$OUT_DIR/shutdown.txt" ]] && cat "$OUT_DIR/shutdown.txt"
log "raw figures in $OUT_DIR"
