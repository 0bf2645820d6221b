#!/usr/bin/env bash
# Sync queue: external workers through the HTTP API vs. the same SQL in pgbench (issue 7).
#
# Starts the packaged service with a fresh embedded PostgreSQL in a temporary working directory (its scheduler and
# built-in worker loop off), seeds JOBS pending FULL jobs of one tenant spread over VENUES venues for each side
# (provider square for the API, hubspot for pgbench, so the sides never take each other's jobs), then measures
#   1. wrk, 8 threads x 1 connection = 8 sequential external workers: POST /api/v1/sync-jobs/claim (limit 1, role
#      system) then POST /api/v1/sync-jobs/{id}/complete with counts and a cursor, again and again, and
#   2. pgbench, 8 clients as integration_worker: the same claim and complete statements (bench/sync/
#      pgbench-claim-complete.sql: two transactions per cycle, as the API runs them),
# one after the other against the same database, and prints completed jobs/s of both and their ratio, with CPU.
# Afterwards it checks in the database, per side: every completion counted by the tool is a SUCCEEDED job with
# exactly one SUCCEEDED sync_logs row, no job ran twice, and nothing is left RUNNING beyond the workers' last claims.
#
# Usage: bench/sync/run.sh   (runs APP_DIR, else target/quarkus-app: build first with ./mvnw -B package -DskipTests)
# Settings (environment):
#   DURATION=25        measured seconds of each side      WARMUP=5   warm-up seconds of each side (its jobs count too)
#   WORKERS=8          concurrent workers of each side    JOBS=30000 jobs seeded per side   VENUES=2000 venues per side
#   INTEGRATION_WORKER_POOL_SIZE=8  the service's worker pool (the queue's statements run there)
#   PGBENCH_MODE=extended           pgbench -M: extended = unnamed statements planned per execution, as the
#                                   service's reactive client sends them (no statement cache); prepared = named, generic plans
#   HTTP_PORT=18082, PG_PORT=<free port>, OUT_DIR=bench/out/sync/<timestamp>, JAVA_OPTS=, WAIT_FOR_IDLE=0 (seconds)
# Exit status: non-zero if a step fails, wrk saw anything but 200, pgbench reported failures, or a check failed.
set -Eeuo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$REPO/bench/sync"
[[ "${1:-}" == -h || "${1:-}" == --help ]] && { sed -n '2,25p' "${BASH_SOURCE[0]}"; exit 0; }

DURATION="${DURATION:-25}"
WARMUP="${WARMUP:-5}"
WORKERS="${WORKERS:-8}"
JOBS="${JOBS:-30000}"
VENUES="${VENUES:-2000}"
WORKER_POOL_SIZE="${INTEGRATION_WORKER_POOL_SIZE:-8}"
PGBENCH_MODE="${PGBENCH_MODE:-extended}"
HTTP_PORT="${HTTP_PORT:-18082}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT_DIR="${OUT_DIR:-$REPO/bench/out/sync/$STAMP}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
WAIT_FOR_IDLE="${WAIT_FOR_IDLE:-0}"
TENANT=00000000-0000-4000-8000-000000000007

# shellcheck source=../lib/common.sh
source "$REPO/bench/lib/common.sh"

for tool in wrk pgbench psql curl; do command -v "$tool" >/dev/null || die "$tool is missing (apt-get install wrk postgresql-client curl)"; done
APP="${APP_DIR:-$REPO/target/quarkus-app}"
[[ -f "$APP/quarkus-run.jar" ]] || die "no $APP/quarkus-run.jar: ./mvnw -B package -DskipTests first (or set APP_DIR)"

mkdir -p "$OUT_DIR"
WORK="$(mktemp -d /tmp/bench-sync.XXXXXX)"
JAVA_PID=""
PM_PID=""
SAMPLER_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  alive "$SAMPLER_PID" && kill "$SAMPLER_PID" 2>/dev/null
  [[ -z "$PM_PID" ]] && PM_PID="$(postmaster_pid)"
  if alive "$JAVA_PID"; then
    log "stopping the service (SIGTERM to pid $JAVA_PID)"
    kill -TERM "$JAVA_PID"
    wait_gone "$JAVA_PID" 60 || { log "service still running after 60 s: SIGKILL"; kill -KILL "$JAVA_PID"; wait_gone "$JAVA_PID" 5; }
  fi
  alive "$PM_PID" && wait_gone "$PM_PID" 15
  if alive "$PM_PID"; then
    log "embedded PostgreSQL (pid $PM_PID) still running: fast shutdown (SIGINT)"
    kill -INT "$PM_PID"
    wait_gone "$PM_PID" 30 || { kill -QUIT "$PM_PID"; wait_gone "$PM_PID" 5; }
  fi
  [[ -f "$WORK/service.log" ]] && cp "$WORK/service.log" "$OUT_DIR/service.log"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cp -r "$APP" "$WORK/app"   # a private copy: a concurrent build cannot swap jars under the running service
PG_PORT="${PG_PORT:-$(free_port)}"
port_free "$HTTP_PORT" || die "port $HTTP_PORT is in use (set HTTP_PORT)"
{
  echo "date_utc=$STAMP"
  echo "git_head=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "pgbench=$(pgbench --version)"
  echo "duration=$DURATION warmup=$WARMUP workers=$WORKERS jobs=$JOBS venues=$VENUES worker_pool=$WORKER_POOL_SIZE pgbench_mode=$PGBENCH_MODE"
} > "$OUT_DIR/environment.txt"

if (( WAIT_FOR_IDLE > 0 )); then
  waited=$SECONDS
  while b=$(busy_percent); (( b >= 25 )); do
    (( SECONDS - waited < WAIT_FOR_IDLE )) || { log "machine still ${b}% busy after ${WAIT_FOR_IDLE} s: running anyway"; break; }
    log "machine ${b}% busy: waiting"
  done
fi
echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/environment.txt"

log "starting the service on 127.0.0.1:$HTTP_PORT (embedded PostgreSQL on 127.0.0.1:$PG_PORT, worker pool $WORKER_POOL_SIZE)"
(
  cd "$WORK"
  unset QUARKUS_DATASOURCE_REACTIVE_URL QUARKUS_OIDC_AUTH_SERVER_URL QUARKUS_OIDC_PUBLIC_KEY INTEGRATION_LOCAL_DATA_DIR
  export INTEGRATION_LOCAL_DATABASE_PORT="$PG_PORT" INTEGRATION_WORKER_POOL_SIZE="$WORKER_POOL_SIZE" \
    INTEGRATION_SYNC_WORKER_POLL_INTERVAL=off INTEGRATION_SYNC_SCHEDULE_POLL_INTERVAL=off INTEGRATION_WEBHOOKS_POLL_INTERVAL=off
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$HTTP_PORT" \
    -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1
) &
JAVA_PID=$!
BASE="http://127.0.0.1:$HTTP_PORT"
started=$SECONDS
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" == 200 ]]; do
  alive "$JAVA_PID" || { tail -40 "$WORK/service.log"; die "the service exited during start"; }
  (( SECONDS - started < READY_TIMEOUT )) || { tail -40 "$WORK/service.log"; die "not ready after $READY_TIMEOUT s"; }
  sleep 0.5
done
PM_PID="$(postmaster_pid)"
log "service ready after $(( SECONDS - started )) s"

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -d integration)
export PGPASSWORD=bench   # trust authentication on 127.0.0.1
"${PSQL[@]}" -U postgres -At -c "select 'server=' || version(); select 'fsync=' || current_setting('fsync');
  select 'synchronous_commit=' || current_setting('synchronous_commit');" >> "$OUT_DIR/environment.txt"

# ---------------------------------------------------------------------------------------------------------------
# Seed: JOBS pending jobs per side, round-robin over VENUES venues; then ANALYZE.
# ---------------------------------------------------------------------------------------------------------------
# Both providers in one statement, interleaved in claim order (same created_at per g): the claim index is shared by the
# providers, so each side steps over the other side's waiting jobs alike.
"${PSQL[@]}" -U postgres -c "insert into sync_queue (tenant_id, venue_id, integration_type, sync_type, payload, created_at)
  select '$TENANT', ('00000000-0000-4000-9000-' || lpad(to_hex(g % $VENUES), 12, '0'))::uuid, p, 'FULL',
    jsonb_build_object('n', g), now() - interval '1 hour' + g * interval '1 microsecond'
  from generate_series(1, $JOBS) g, (values ('square'), ('hubspot')) v(p)"
"${PSQL[@]}" -U postgres -c "analyze sync_queue; analyze sync_logs; analyze sync_cursors"
log "seeded $JOBS jobs per side over $VENUES venues"

body=$(curl -sf -X POST "$BASE/dev/token?tenant=$TENANT&roles=system") || die "minting a token"
BEARER=$(sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p' <<< "$body")
[[ -n "$BEARER" ]] || die "no access_token in the /dev/token answer"

# Sanity: a claim answers one job, its completion 200 SUCCEEDED, again 200 (idempotent), another worker 409.
api() { curl -s -o "$WORK/resp.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $BEARER" -H 'Content-Type: application/json' --data "$2" "$BASE/api/v1/sync-jobs$1"; }
[[ "$(api /claim '{"workerId":"sanity","providers":["square"],"limit":1}')" == 200 ]] || { cat "$WORK/resp.json"; die "sanity claim"; }
JOB=$(sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p' "$WORK/resp.json" | head -1)
[[ -n "$JOB" ]] || { cat "$WORK/resp.json"; die "the sanity claim returned no job"; }
[[ "$(api "/$JOB/complete" '{"workerId":"sanity","recordsFetched":1}')" == 200 ]] && grep -q '"jobStatus":"SUCCEEDED"' "$WORK/resp.json" \
  || { cat "$WORK/resp.json"; die "sanity complete"; }
[[ "$(api "/$JOB/complete" '{"workerId":"sanity","recordsFetched":1}')" == 200 ]] || { cat "$WORK/resp.json"; die "repeated complete not 200"; }
[[ "$(api "/$JOB/complete" '{"workerId":"intruder"}')" == 409 ]] || { cat "$WORK/resp.json"; die "another worker's complete not 409"; }

# check_side <provider> <worker-id pattern> <completions counted by the tool>: the pattern's SUCCEEDED jobs and log rows
# agree with the tool's count (plus at most one completion per worker in flight when the tool stopped), no job has two
# log rows, and the pattern's workers hold at most one job each.
check_side() {
  local counts succeeded logs twice running
  counts=$("${PSQL[@]}" -U postgres -At -F' ' -c "select
      (select count(*) from sync_queue where integration_type = '$1' and status = 'SUCCEEDED'
         and exists (select 1 from sync_logs l where l.sync_job_id = sync_queue.id and l.worker_id like '$2')),
      (select count(*) from sync_logs where integration_type = '$1' and status = 'SUCCEEDED' and worker_id like '$2'),
      (select count(*) from (select sync_job_id from sync_logs where integration_type = '$1' group by 1 having count(*) > 1) x),
      (select count(*) from sync_queue where integration_type = '$1' and status = 'RUNNING' and lease_owner like '$2')")
  read -r succeeded logs twice running <<< "$counts"
  CHECK="database: $succeeded SUCCEEDED jobs, $logs SUCCEEDED log rows, $twice jobs with more than one log row, $running left RUNNING (claimed when the tool stopped)"
  log "$CHECK (tool counted $3 completions)"
  (( succeeded == logs && twice == 0 )) || die "$1: jobs and log rows disagree"
  (( succeeded >= $3 && succeeded <= $3 + WORKERS )) || die "$1: $succeeded SUCCEEDED for $3 counted completions"
  (( running <= WORKERS )) || die "$1: $running jobs RUNNING"
}

# ---------------------------------------------------------------------------------------------------------------
# 1. API: wrk with WORKERS threads x 1 connection
# ---------------------------------------------------------------------------------------------------------------
wrk_val() { sed -nE "s/^BENCH $2=(.*)$/\1/p" "$1"; }
# Before each measured run: vacuum (what autovacuum does in steady state: the other side's claimed jobs would otherwise
# leave dead entries at the head of the shared claim index for this side to step over) and a checkpoint.
settle() { "${PSQL[@]}" -U postgres -c "vacuum analyze sync_queue" -c "checkpoint" >/dev/null; }
WRK=(wrk -t"$WORKERS" -c"$WORKERS" --latency --timeout 10s -s "$HERE/wrk-sync.lua" "$BASE")
if (( WARMUP > 0 )); then
  log "API warm-up: ${WARMUP} s"
  "${WRK[@]:0:3}" -d"${WARMUP}s" "${WRK[@]:3}" -- "$BEARER" square warm > "$OUT_DIR/wrk-warmup.txt" 2>&1 || { cat "$OUT_DIR/wrk-warmup.txt"; die "wrk warm-up"; }
fi
settle
log "API measured run: ${DURATION} s, $WORKERS workers"
read -r busy0 _ < <(system_busy)
start_sampler "$OUT_DIR/cpu-api.samples"
"${WRK[@]:0:3}" -d"${DURATION}s" "${WRK[@]:3}" -- "$BEARER" square wrk > "$OUT_DIR/wrk.txt" 2>&1 || { cat "$OUT_DIR/wrk.txt"; die "wrk"; }
stop_sampler
read -r busy1 _ < <(system_busy)
cat "$OUT_DIR/wrk.txt"
W="$OUT_DIR/wrk.txt"
(( $(wrk_val "$W" other) == 0 )) || die "wrk saw $(wrk_val "$W" other) answers other than 200"
API_DONE=$(wrk_val "$W" completed); API_RATE=$(wrk_val "$W" completed_per_s); API_EMPTY=$(wrk_val "$W" empty)
API_P50=$(wrk_val "$W" lat_p50_us); API_P99=$(wrk_val "$W" lat_p99_us)
sleep 1
check_side square 'wrk-%' "$API_DONE"; API_CHECK="$CHECK"
API_CPU=$(cpu_report "$OUT_DIR/cpu-api.samples"); API_CPU_MACHINE=$(machine_cpu "$busy0" "$busy1")

# ---------------------------------------------------------------------------------------------------------------
# 2. pgbench: the same statements, WORKERS clients as integration_worker
# ---------------------------------------------------------------------------------------------------------------
PGB=(pgbench -h 127.0.0.1 -p "$PG_PORT" -U integration_worker -n -M "$PGBENCH_MODE" -c "$WORKERS" -j 2
     -D providers=hubspot -f "$HERE/pgbench-claim-complete.sql")
if (( WARMUP > 0 )); then
  log "pgbench warm-up: ${WARMUP} s"
  "${PGB[@]}" -T "$WARMUP" integration > "$OUT_DIR/pgbench-warmup.txt" 2>&1 || { cat "$OUT_DIR/pgbench-warmup.txt"; die "pgbench warm-up"; }
fi
settle
log "pgbench measured run: ${DURATION} s, $WORKERS clients, -M $PGBENCH_MODE"
read -r busy0 _ < <(system_busy)
start_sampler "$OUT_DIR/cpu-pgbench.samples"
"${PGB[@]}" -T "$DURATION" -r integration > "$OUT_DIR/pgbench.txt" 2>&1 || { cat "$OUT_DIR/pgbench.txt"; die "pgbench"; }
stop_sampler
read -r busy1 _ < <(system_busy)
cat "$OUT_DIR/pgbench.txt"
P="$OUT_DIR/pgbench.txt"
PG_RATE=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$P" | awk '{ printf "%.1f", $1 }')
PG_FAILED=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$P"); PG_FAILED=${PG_FAILED:-0}
PG_N=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$P")
PG_LAT=$(sed -nE 's/^latency average = ([0-9.]+) ms.*/\1/p' "$P")
[[ -n "$PG_RATE" && -n "$PG_N" ]] || die "could not parse pgbench's output"
! grep -qi 'aborted' "$P" || die "pgbench: clients aborted"
(( PG_FAILED == 0 )) || die "pgbench reported $PG_FAILED failed transactions"
# All pgbench cycles of both runs (warm-up and measured) against the database.
PG_ALL=$(( PG_N + $(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$OUT_DIR/pgbench-warmup.txt" 2>/dev/null || echo 0) ))
check_side hubspot 'pgb-%' "$PG_ALL"; PG_CHECK="$CHECK"
PG_CPU=$(cpu_report "$OUT_DIR/cpu-pgbench.samples"); PG_CPU_MACHINE=$(machine_cpu "$busy0" "$busy1")
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/environment.txt"

# ---------------------------------------------------------------------------------------------------------------
# 3. Summary
# ---------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
env_val() { sed -n "s/^$1=//p" "$OUT_DIR/environment.txt"; }
SUMMARY="$OUT_DIR/summary.md"
{
  echo "# Sync queue: API workers vs. pgbench — $STAMP"
  echo
  echo "HEAD $(env_val git_head). $(nproc) cores ($(env_val cpu)); load before $(env_val load_before), after $(env_val load_after)."
  echo "${DURATION} s measured per side after ${WARMUP} s warm-up; $WORKERS workers each; $JOBS jobs seeded per side over $VENUES venues."
  echo
  echo "| | jobs claimed + completed/s | latency | completions |"
  echo "|---|---:|---:|---:|"
  echo "| API: wrk, $WORKERS workers (claim limit 1 + complete over HTTP) | $API_RATE | p50 $(ms "$API_P50") ms, p99 $(ms "$API_P99") ms per request | $API_DONE ($API_EMPTY empty claims) |"
  echo "| pgbench: $WORKERS clients, same claim + complete SQL | $PG_RATE | avg $PG_LAT ms per cycle | $PG_N |"
  echo "| ratio API / pgbench | $(ratio "$API_RATE" "$PG_RATE") | | |"
  echo
  echo "CPU seconds during the measured runs: API — service $(cpu_of "$API_CPU" service), PostgreSQL $(cpu_of "$API_CPU" postgres), machine $API_CPU_MACHINE;"
  echo "pgbench — PostgreSQL $(cpu_of "$PG_CPU" postgres), machine $PG_CPU_MACHINE (of $(( $(nproc) * DURATION )) available)."
  echo
  echo "Checks: API — $API_CHECK. pgbench — $PG_CHECK."
} > "$SUMMARY"
echo
cat "$SUMMARY"
log "raw outputs in $OUT_DIR"
