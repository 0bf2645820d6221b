#!/usr/bin/env bash
# API read path vs. pgbench (issue 2).
#
# Starts the packaged service with a fresh embedded PostgreSQL in a temporary working directory, loads
# TENANTS x ROWS integrations rows, then measures
#   1. wrk   -> GET /api/v1/integrations/{id} (random tenant, random row, that tenant's bearer token), and
#   2. pgbench as integration_api -> the same transaction straight on PostgreSQL
#      (BEGIN; set_config('app.current_tenant_id', ..., true); SELECT ... WHERE tenant_id = .. AND id = ..; COMMIT),
# one after the other against the same database, and prints throughput, p50/p99 and the API/pgbench ratios.
# The service and PostgreSQL are stopped on exit, also on failure.
#
# Usage: bench/api/run.sh [--rebuild]
# Settings (environment):
#   DURATION=30          measured seconds of each tool
#   WARMUP=10            wrk warm-up seconds before the measured wrk run (discarded)
#   PGBENCH_WARMUP=5     pgbench warm-up seconds before the measured pgbench run (discarded; 0 = none)
#   CONNECTIONS=32       wrk connections
#   THREADS=2            wrk threads
#   INTEGRATION_DB_POOL_SIZE=20   the service's API pool size; pgbench uses as many clients (PGBENCH_CLIENTS)
#   PGBENCH_CLIENTS=<pool size>   pgbench -c
#   PGBENCH_JOBS=2       pgbench -j
#   PGBENCH_MODE=prepared         pgbench -M (prepared: parse/plan once per connection; extended: every time)
#   TENANTS=100 ROWS=1000         data set (TENANTS <= 999)
#   HTTP_PORT=18080      service port (127.0.0.1 only); PG_PORT=<free port> embedded PostgreSQL port
#   OUT_DIR=bench/out/api/<timestamp>   raw outputs and summary
#   JAVA_OPTS=           extra JVM options for the service (e.g. -Dquarkus.datasource.reactive.cache-prepared-statements=true)
#   WAIT_FOR_IDLE=0      wait up to this many seconds for the machine to be idle (< 25% CPU busy over 3 s) first
# Exit status: 0 on success; non-zero if a step fails or wrk saw non-2xx responses / socket errors, or pgbench
# reported failed transactions.
set -Eeuo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$REPO/bench/api"

REBUILD=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    -h|--help) sed -n '2,30p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-10}"
PGBENCH_WARMUP="${PGBENCH_WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
POOL_SIZE="${INTEGRATION_DB_POOL_SIZE:-20}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-$POOL_SIZE}"
PGBENCH_JOBS="${PGBENCH_JOBS:-2}"
PGBENCH_MODE="${PGBENCH_MODE:-prepared}"
TENANTS="${TENANTS:-100}"
ROWS="${ROWS:-1000}"
HTTP_PORT="${HTTP_PORT:-18080}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT_DIR="${OUT_DIR:-$REPO/bench/out/api/$STAMP}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
WAIT_FOR_IDLE="${WAIT_FOR_IDLE:-0}"

if (( TENANTS < 1 || TENANTS > 999 || ROWS < 1 )); then
  echo "TENANTS must be 1..999 and ROWS >= 1" >&2; exit 2
fi

# busy and total CPU ticks of the whole machine
# shellcheck source=../lib/common.sh
source "$REPO/bench/lib/common.sh"

# ---------------------------------------------------------------------------------------------------------------
# 1. Tools and the jar
# ---------------------------------------------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
{ command -v pgbench >/dev/null && command -v psql >/dev/null; } || need_apt+=(postgresql-client)
command -v curl >/dev/null || need_apt+=(curl)
if (( ${#need_apt[@]} )); then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
PGBENCH="$(command -v pgbench)"
[[ -x /usr/bin/pgbench ]] && PGBENCH=/usr/bin/pgbench

if $REBUILD || [[ ! -f "$REPO/target/quarkus-app/quarkus-run.jar" ]]; then
  log "building the service jar (./mvnw -B -q package -DskipTests)"
  (cd "$REPO" && ./mvnw -B -q package -DskipTests)
fi

mkdir -p "$OUT_DIR"
WORK="$(mktemp -d /tmp/bench-api.XXXXXX)"
# Run a private copy of the app, so a concurrent build in target/ cannot swap jars under the running service.
cp -r "$REPO/target/quarkus-app" "$WORK/app"

# ---------------------------------------------------------------------------------------------------------------
# Cleanup: SIGTERM the service (its shutdown hook stops the embedded PostgreSQL), then make sure that this run's
# postmaster (and its children) are gone; only PIDs this script started or that its data directory names.
# ---------------------------------------------------------------------------------------------------------------
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
  # The service's shutdown hook stops PostgreSQL; give it a moment before stepping in.
  alive "$PM_PID" && wait_gone "$PM_PID" 15
  if alive "$PM_PID"; then
    log "embedded PostgreSQL (pid $PM_PID) still running: fast shutdown (SIGINT)"
    kill -INT "$PM_PID"
    wait_gone "$PM_PID" 30 || { log "postmaster still running: SIGQUIT"; kill -QUIT "$PM_PID"; wait_gone "$PM_PID" 5; }
  fi
  if alive "$PM_PID" || { [[ -n "$PM_PID" ]] && pgrep -P "$PM_PID" >/dev/null 2>&1; }; then
    log "WARNING: PostgreSQL processes of this run remain (postmaster $PM_PID)"; rc=${rc:-1}; (( rc == 0 )) && rc=1
  elif [[ -n "$PM_PID" ]]; then
    log "service and embedded PostgreSQL stopped"
  fi
  [[ -f "$WORK/service.log" ]] && cp "$WORK/service.log" "$OUT_DIR/service.log"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# 2. Start the service on a fresh embedded database
# ---------------------------------------------------------------------------------------------------------------
PG_PORT="${PG_PORT:-$(free_port)}"
port_free "$HTTP_PORT" || die "port $HTTP_PORT is in use (set HTTP_PORT)"
port_free "$PG_PORT" || die "port $PG_PORT is in use (set PG_PORT)"

{
  echo "date_utc=$STAMP"
  echo "git_head=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "jar_built=$(date -u -r "$REPO/target/quarkus-app/app" +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "mem_total=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "wrk=$(wrk -v 2>&1 | head -1)"
  echo "pgbench=$($PGBENCH --version)"
  echo "duration=$DURATION warmup=$WARMUP pgbench_warmup=$PGBENCH_WARMUP connections=$CONNECTIONS threads=$THREADS"
  echo "java_opts=${JAVA_OPTS:-}"
  echo "pool_size=$POOL_SIZE pgbench_clients=$PGBENCH_CLIENTS pgbench_jobs=$PGBENCH_JOBS pgbench_mode=$PGBENCH_MODE tenants=$TENANTS rows=$ROWS"
} > "$OUT_DIR/environment.txt"
# Optionally wait for other work on the machine (builds, tests) to finish: the tools below need both cores.
if (( WAIT_FOR_IDLE > 0 )); then
  waited=$SECONDS
  while b=$(busy_percent); (( b >= 25 )); do
    (( SECONDS - waited < WAIT_FOR_IDLE )) || { log "machine still ${b}% busy after ${WAIT_FOR_IDLE} s: running anyway"; break; }
    log "machine ${b}% busy: waiting"
  done
fi
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

log "starting the service on 127.0.0.1:$HTTP_PORT (embedded PostgreSQL on 127.0.0.1:$PG_PORT, pool $POOL_SIZE) in $WORK"
(
  cd "$WORK"
  unset QUARKUS_DATASOURCE_REACTIVE_URL QUARKUS_OIDC_AUTH_SERVER_URL QUARKUS_OIDC_PUBLIC_KEY INTEGRATION_LOCAL_DATA_DIR
  export INTEGRATION_LOCAL_DATABASE_PORT="$PG_PORT" INTEGRATION_DB_POOL_SIZE="$POOL_SIZE"
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
log "service ready after $(( SECONDS - started )) s (java pid $JAVA_PID, postmaster pid ${PM_PID:-?})"
grep -q "embedded PostgreSQL on 127.0.0.1:$PG_PORT" "$WORK/service.log" || die "embedded PostgreSQL is not on port $PG_PORT"

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -d integration)
export PGPASSWORD=bench   # trust authentication on 127.0.0.1; any password is accepted

# ---------------------------------------------------------------------------------------------------------------
# 3. Data set
# ---------------------------------------------------------------------------------------------------------------
log "loading $TENANTS tenants x $ROWS integrations rows"
t0=$SECONDS
"${PSQL[@]}" -U postgres -v tenants="$TENANTS" -v rows="$ROWS" -f "$HERE/load-data.sql" > "$OUT_DIR/load.txt" 2>&1 \
  || { cat "$OUT_DIR/load.txt"; die "loading the data set"; }
log "$(grep -m1 '^loaded' "$OUT_DIR/load.txt") in $(( SECONDS - t0 )) s (VACUUM ANALYZE + CHECKPOINT done)"
"${PSQL[@]}" -U postgres -At -c "select 'server=' || version(); select 'max_connections=' || current_setting('max_connections');
  select 'shared_buffers=' || current_setting('shared_buffers'); select 'integrations_size=' || pg_size_pretty(pg_total_relation_size('integrations'));" \
  >> "$OUT_DIR/environment.txt"

# The pgbench transaction, by hand, as integration_api: the row is visible with the tenant bound and not without it.
tenant_uuid() { printf '00000000-0000-4000-8000-%012d' "$1"; }
row_uuid() { printf '00000000-0000-4000-a%03d-%012d' "$1" "$2"; }
# (-c sends both statements as one implicit transaction, so the transaction-local setting applies to the count.)
seen=$("${PSQL[@]}" -U integration_api -At -c "select set_config('app.current_tenant_id', '$(tenant_uuid 1)', true);
  select count(*) from integrations where tenant_id = '$(tenant_uuid 1)' and id = '$(row_uuid 1 "$ROWS")';" | tail -1)
unbound=$("${PSQL[@]}" -U integration_api -At -c "select count(*) from integrations")
[[ "$seen" == 1 && "$unbound" == 0 ]] || die "RLS check as integration_api: bound tenant sees $seen row(s) (want 1), unbound sees $unbound (want 0)"

# ---------------------------------------------------------------------------------------------------------------
# 4. Tokens: one per tenant, line t = tenant t
# ---------------------------------------------------------------------------------------------------------------
TOKENS="$WORK/tokens.txt"   # dies with the run (and with it the local issuer key that signed them)
: > "$TOKENS"
for ((t = 1; t <= TENANTS; t++)); do
  body=$(curl -sf -X POST "$BASE/dev/token?tenant=$(tenant_uuid "$t")&roles=read") || die "minting a token for tenant $t"
  token=$(sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p' <<< "$body")
  [[ -n "$token" ]] || die "no access_token in the /dev/token answer for tenant $t"
  echo "$token" >> "$TOKENS"
done
log "minted $TENANTS tokens (role read)"

# Sanity: a tenant reads its own row (200) and not another tenant's (404).
code_own=$(curl -s -o "$OUT_DIR/sample-response.json" -w '%{http_code}' -H "Authorization: Bearer $(sed -n 1p "$TOKENS")" \
  "$BASE/api/v1/integrations/$(row_uuid 1 1)")
other=$(( TENANTS > 1 ? 2 : 1 ))
code_other=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(sed -n 1p "$TOKENS")" \
  "$BASE/api/v1/integrations/$(row_uuid "$other" 1)")
[[ "$code_own" == 200 ]] || die "GET of tenant 1's row answered $code_own"
(( TENANTS == 1 )) || [[ "$code_other" == 404 ]] || die "GET of tenant 2's row with tenant 1's token answered $code_other (want 404)"

# ---------------------------------------------------------------------------------------------------------------
# 5. wrk against the API
# ---------------------------------------------------------------------------------------------------------------
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --latency --timeout 5s -s "$HERE/wrk-get.lua" "$BASE")
if (( WARMUP > 0 )); then
  log "wrk warm-up: ${WARMUP} s, $CONNECTIONS connections, $THREADS threads"
  "${WRK[@]:0:3}" -d"${WARMUP}s" "${WRK[@]:3}" -- "$TOKENS" "$ROWS" > "$OUT_DIR/wrk-warmup.txt" 2>&1 || die "wrk warm-up"
fi
log "wrk measured run: ${DURATION} s, $CONNECTIONS connections, $THREADS threads"
read -r busy0 total0 < <(system_busy)
start_sampler "$OUT_DIR/cpu-wrk.samples"
TIMEFORMAT='user=%U sys=%S real=%R'
{ time "${WRK[@]:0:3}" -d"${DURATION}s" "${WRK[@]:3}" -- "$TOKENS" "$ROWS" > "$OUT_DIR/wrk.txt" 2>&1; } 2> "$OUT_DIR/wrk.time" \
  || { cat "$OUT_DIR/wrk.txt"; die "wrk"; }
stop_sampler
read -r busy1 total1 < <(system_busy)
cat "$OUT_DIR/wrk.txt"

wrk_val() { sed -nE "s/^BENCH $1=(.*)$/\1/p" "$OUT_DIR/wrk.txt"; }
API_RPS=$(wrk_val rps); API_P50=$(wrk_val lat_p50_us); API_P99=$(wrk_val lat_p99_us); API_REQ=$(wrk_val requests)
API_NON2XX=$(wrk_val err_status)
API_SOCKERR=$(( $(wrk_val err_connect) + $(wrk_val err_read) + $(wrk_val err_write) + $(wrk_val err_timeout) ))
[[ -n "$API_RPS" && -n "$API_P99" ]] || die "could not parse wrk's output"
API_CPU=$(cpu_report "$OUT_DIR/cpu-wrk.samples")
API_CPU_SERVICE=$(cpu_of "$API_CPU" service); API_CPU_PG=$(cpu_of "$API_CPU" postgres)
API_CPU_WRK=$(awk -F'[= ]' '{ print $2 + $4 }' "$OUT_DIR/wrk.time")
API_CPU_MACHINE=$(machine_cpu "$busy0" "$busy1")
log "API: $API_RPS req/s, p50 ${API_P50} us, p99 ${API_P99} us, non-2xx $API_NON2XX, socket errors $API_SOCKERR"

# ---------------------------------------------------------------------------------------------------------------
# 6. pgbench: the same transaction as integration_api
# ---------------------------------------------------------------------------------------------------------------
PGB=("$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U integration_api -n -M "$PGBENCH_MODE" -c "$PGBENCH_CLIENTS" -j "$PGBENCH_JOBS"
     -D tenants="$TENANTS" -D rows="$ROWS" -f "$HERE/pgbench-get.sql")
if (( PGBENCH_WARMUP > 0 )); then
  log "pgbench warm-up: ${PGBENCH_WARMUP} s"
  "${PGB[@]}" -T "$PGBENCH_WARMUP" integration > "$OUT_DIR/pgbench-warmup.txt" 2>&1 || { cat "$OUT_DIR/pgbench-warmup.txt"; die "pgbench warm-up"; }
fi
log "pgbench measured run: ${DURATION} s, $PGBENCH_CLIENTS clients, $PGBENCH_JOBS jobs, -M $PGBENCH_MODE"
mkdir -p "$OUT_DIR/pgbench-log"
read -r busy0 total0 < <(system_busy)
start_sampler "$OUT_DIR/cpu-pgbench.samples"
{ time "${PGB[@]}" -T "$DURATION" -r --log --log-prefix="$OUT_DIR/pgbench-log/tx" integration > "$OUT_DIR/pgbench.txt" 2>&1; } \
  2> "$OUT_DIR/pgbench.time" || { cat "$OUT_DIR/pgbench.txt"; die "pgbench"; }
stop_sampler
read -r busy1 total1 < <(system_busy)
cat "$OUT_DIR/pgbench.txt"

PG_TPS=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$OUT_DIR/pgbench.txt")
PG_FAILED=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$OUT_DIR/pgbench.txt")
PG_FAILED=${PG_FAILED:-0}
[[ -n "$PG_TPS" ]] || die "could not parse pgbench's tps"
# Per-transaction log: "client tx latency_us script epoch_s epoch_us"; failed transactions have no numeric latency.
LATS="$OUT_DIR/pgbench-latencies.txt"
cat "$OUT_DIR"/pgbench-log/tx* | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n > "$LATS"
read -r PG_N PG_P50 PG_P99 < <(awk '{ v[NR] = $1 } END {
    i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++;
    print NR, v[i50], v[i99] }' "$LATS")
tar -C "$OUT_DIR" -czf "$OUT_DIR/pgbench-log.tar.gz" pgbench-log && rm -rf "$OUT_DIR/pgbench-log" "$LATS"
PG_CPU=$(cpu_report "$OUT_DIR/cpu-pgbench.samples")
PG_CPU_PG=$(cpu_of "$PG_CPU" postgres); PG_CPU_SERVICE=$(cpu_of "$PG_CPU" service)
PG_CPU_PGBENCH=$(awk -F'[= ]' '{ print $2 + $4 }' "$OUT_DIR/pgbench.time")
PG_CPU_MACHINE=$(machine_cpu "$busy0" "$busy1")
log "pgbench: $PG_TPS tps, p50 ${PG_P50} us, p99 ${PG_P99} us over $PG_N transactions, failed $PG_FAILED"
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/environment.txt"

# ---------------------------------------------------------------------------------------------------------------
# 7. Summary
# ---------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
API_OPS=$API_REQ
PG_OPS=$PG_N
SUMMARY="$OUT_DIR/summary.md"
{
  echo "# API read path vs. pgbench — $STAMP"
  echo
  echo "HEAD $(sed -n 's/^git_head=//p' "$OUT_DIR/environment.txt") (jar built $(sed -n 's/^jar_built=//p' "$OUT_DIR/environment.txt")), $(nproc) cores ($(sed -n 's/^cpu=//p' "$OUT_DIR/environment.txt")),"
  echo "load before $(sed -n 's/^load_before=//p' "$OUT_DIR/environment.txt"), after $(sed -n 's/^load_after=//p' "$OUT_DIR/environment.txt")."
  echo "Data: $TENANTS tenants x $ROWS integrations rows. ${DURATION} s measured per tool (wrk warm-up ${WARMUP} s, pgbench warm-up ${PGBENCH_WARMUP} s)."
  echo "wrk: $CONNECTIONS connections, $THREADS threads; service API pool $POOL_SIZE. pgbench: -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -M $PGBENCH_MODE."
  echo
  echo "| | throughput (/s) | p50 (ms) | p99 (ms) | errors |"
  echo "|---|---:|---:|---:|---:|"
  echo "| API (wrk, GET /api/v1/integrations/{id}) | $API_RPS | $(ms "$API_P50") | $(ms "$API_P99") | non-2xx $API_NON2XX, socket $API_SOCKERR |"
  echo "| pgbench (same transaction, integration_api) | $PG_TPS | $(ms "$PG_P50") | $(ms "$PG_P99") | failed $PG_FAILED |"
  echo "| ratio API / pgbench | $(ratio "$API_RPS" "$PG_TPS") | $(ratio "$API_P50" "$PG_P50") | $(ratio "$API_P99" "$PG_P99") | |"
  echo
  echo "CPU seconds during the measured ${DURATION} s (2 cores = $(( 2 * DURATION )) CPU s available), and CPU microseconds per request/transaction:"
  echo
  echo "| run | service (java) | PostgreSQL | load tool | rest of machine | whole machine | µs/op service | µs/op PostgreSQL | µs/op load tool |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| API (wrk) | $API_CPU_SERVICE | $API_CPU_PG | $API_CPU_WRK | $(rest "$API_CPU_MACHINE" "$API_CPU_SERVICE" "$API_CPU_PG" "$API_CPU_WRK") | $API_CPU_MACHINE | $(per_op "$API_CPU_SERVICE" "$API_OPS") | $(per_op "$API_CPU_PG" "$API_OPS") | $(per_op "$API_CPU_WRK" "$API_OPS") |"
  echo "| pgbench | $PG_CPU_SERVICE | $PG_CPU_PG | $PG_CPU_PGBENCH | $(rest "$PG_CPU_MACHINE" "$PG_CPU_SERVICE" "$PG_CPU_PG" "$PG_CPU_PGBENCH") | $PG_CPU_MACHINE | - | $(per_op "$PG_CPU_PG" "$PG_OPS") | $(per_op "$PG_CPU_PGBENCH" "$PG_OPS") |"
  echo
  echo "(CPU from /proc, sampled every 0.5 s; \"rest of machine\" is everything else that ran meanwhile, e.g. other builds or tests.)"
  for pair in "API:$(rest "$API_CPU_MACHINE" "$API_CPU_SERVICE" "$API_CPU_PG" "$API_CPU_WRK")" "pgbench:$(rest "$PG_CPU_MACHINE" "$PG_CPU_SERVICE" "$PG_CPU_PG" "$PG_CPU_PGBENCH")"; do
    awk -v r="${pair#*:}" -v cap="$(( $(nproc) * DURATION ))" 'BEGIN { exit !(r > 0.1 * cap) }' \
      && echo && echo "**Warning:** other processes used ${pair#*:} CPU s during the ${pair%%:*} run (> 10% of the machine): figures are disturbed."
  done
} > "$SUMMARY"
echo
cat "$SUMMARY"
echo
log "raw outputs in $OUT_DIR"

(( API_NON2XX == 0 )) || die "wrk saw $API_NON2XX non-2xx responses"
(( API_SOCKERR == 0 )) || die "wrk saw $API_SOCKERR socket errors"
(( PG_FAILED == 0 )) || die "pgbench reported $PG_FAILED failed transactions"
exit 0
