#!/usr/bin/env bash
# Inbound webhook ingestion vs. pgbench (issue 5).
#
# Starts the packaged service with a fresh embedded PostgreSQL in a temporary working directory, sets up one tenant's
# venue through the API (PUT a GitHub API key with a webhook secret, PUT the venue's GitHub webhook endpoint, which
# answers the routing token once), then measures
#   1. wrk -> POST /webhooks/in/{token}: a ~1 KB GitHub push body, X-Hub-Signature-256 = HMAC-SHA256(secret, body),
#      a unique X-GitHub-Delivery per request, so every request is a new accepted event (one integration_webhooks
#      row + one webhooks queue row, committed before the 200), and
#   2. pgbench -> the same statements straight on PostgreSQL (bench/webhooks/pgbench-ingest.sql): the routing-token
#      lookup as integration_worker with the system flag in its own transaction, then the tenant transaction as
#      integration_api (bind tenant, read the webhook secrets, insert the event ON CONFLICT DO NOTHING RETURNING id,
#      insert the queue row, commit), and
#   3. pgbench with the tenant transaction only, logged in as integration_api (pgbench-ingest-tenant.sql), to show
#      what the lookup transaction costs (PGBENCH_TENANT_ONLY=0 skips it),
# one after the other against the same database, and prints accepted/s, p50/p99, ratios and CPU per operation.
# Afterwards it checks in the database that every acknowledged delivery of a wrk run was stored: the run's ACCEPTED
# rows (counted by the run's delivery-id prefix) must be at least the 200 "accepted" answers and at most the requests
# sent (wrk abandons about one request per connection still in flight when it stops; the service may commit them),
# every row must have exactly one queue entry and no delivery id twice; the same for pgbench's rows against its count.
# The service and PostgreSQL are stopped on exit, also on failure.
#
# Usage: bench/webhooks/run.sh [--rebuild]
#   --rebuild   package the service from a clean export of git HEAD in the temporary directory (./mvnw -B -q package
#               -DskipTests; target/ of the repository is not touched) and keep the result in
#               bench/out/webhooks/app-<commit>; without it, a copy of APP_DIR (if set) or of target/quarkus-app is run.
# Settings (environment):
#   DURATION=30          measured seconds of each tool
#   WARMUP=10            wrk warm-up seconds before the measured wrk run (its rows are checked too, then kept)
#   PGBENCH_WARMUP=5     pgbench warm-up seconds before each measured pgbench run (0 = none)
#   CONNECTIONS=32       wrk connections
#   THREADS=2            wrk threads
#   INTEGRATION_DB_POOL_SIZE=20     the service's API pool; pgbench uses as many clients (PGBENCH_CLIENTS)
#   INTEGRATION_WORKER_POOL_SIZE=8  the service's worker pool (the routing-token lookup runs there)
#   PGBENCH_CLIENTS=<pool size>     pgbench -c
#   PGBENCH_JOBS=2       pgbench -j
#   PGBENCH_MODE=prepared           pgbench -M (prepared | extended)
#   PGBENCH_TENANT_ONLY=1           also run the tenant-transaction-only pgbench variant (0 = skip)
#   POLL_INTERVAL=off    INTEGRATION_WEBHOOKS_POLL_INTERVAL of the service: "off" keeps the delivery job from
#                        competing for CPU (queued events just stay PENDING); e.g. 2s to measure with it running
#   BODY=bench/webhooks/push-body.json   request body (sent byte for byte)
#   HTTP_PORT=18081      service port (127.0.0.1 only); PG_PORT=<free port> embedded PostgreSQL port
#   OUT_DIR=bench/out/webhooks/<timestamp>   raw outputs and summary
#   JAVA_OPTS=           extra JVM options for the service
#   WAIT_FOR_IDLE=0      wait up to this many seconds for the machine to be idle (< 25% CPU busy over 3 s) first
# Exit status: 0 on success; non-zero if a step fails, wrk saw anything but 200 "accepted" or socket errors, pgbench
# reported failed transactions or aborted clients, or a database check failed.
set -Eeuo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$REPO/bench/webhooks"

REBUILD=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    -h|--help) sed -n '2,50p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-10}"
PGBENCH_WARMUP="${PGBENCH_WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
POOL_SIZE="${INTEGRATION_DB_POOL_SIZE:-20}"
WORKER_POOL_SIZE="${INTEGRATION_WORKER_POOL_SIZE:-8}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-$POOL_SIZE}"
PGBENCH_JOBS="${PGBENCH_JOBS:-2}"
PGBENCH_MODE="${PGBENCH_MODE:-prepared}"
PGBENCH_TENANT_ONLY="${PGBENCH_TENANT_ONLY:-1}"
POLL_INTERVAL="${POLL_INTERVAL:-off}"
BODY="${BODY:-$HERE/push-body.json}"
HTTP_PORT="${HTTP_PORT:-18081}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT_DIR="${OUT_DIR:-$REPO/bench/out/webhooks/$STAMP}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
WAIT_FOR_IDLE="${WAIT_FOR_IDLE:-0}"

TENANT=00000000-0000-4000-8000-000000000005
VENUE=00000000-0000-4000-9000-0000000000a1
RUN_ID="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"   # delivery-id prefix of this run (6 hex digits)

[[ -s "$BODY" ]] || { echo "no body file $BODY" >&2; exit 2; }

# busy and total CPU ticks of the whole machine
# shellcheck source=../lib/common.sh
source "$REPO/bench/lib/common.sh"

# ---------------------------------------------------------------------------------------------------------------
# 1. Tools, working directory and the jar
# ---------------------------------------------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
{ command -v pgbench >/dev/null && command -v psql >/dev/null; } || need_apt+=(postgresql-client)
command -v curl >/dev/null || need_apt+=(curl)
command -v openssl >/dev/null || need_apt+=(openssl)
if (( ${#need_apt[@]} )); then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
PGBENCH="$(command -v pgbench)"
[[ -x /usr/bin/pgbench ]] && PGBENCH=/usr/bin/pgbench

mkdir -p "$OUT_DIR"
WORK="$(mktemp -d /tmp/bench-webhooks.XXXXXX)"

JAVA_PID=""
PM_PID=""
SAMPLER_PID=""

# Cleanup: SIGTERM the service (its shutdown hook stops the embedded PostgreSQL), then make sure that this run's
# postmaster (and its children) are gone; only PIDs this script started or that its data directory names.
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
    wait_gone "$PM_PID" 30 || { log "postmaster still running: SIGQUIT"; kill -QUIT "$PM_PID"; wait_gone "$PM_PID" 5; }
  fi
  if alive "$PM_PID" || { [[ -n "$PM_PID" ]] && pgrep -P "$PM_PID" >/dev/null 2>&1; }; then
    log "WARNING: PostgreSQL processes of this run remain (postmaster $PM_PID)"; (( rc == 0 )) && rc=1
  elif [[ -n "$PM_PID" ]]; then
    log "service and embedded PostgreSQL stopped"
  fi
  [[ -f "$WORK/service.log" ]] && cp "$WORK/service.log" "$OUT_DIR/service.log"
  [[ -f "$WORK/build.log" ]] && cp "$WORK/build.log" "$OUT_DIR/build.log"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if $REBUILD; then
  BUILD_SHA="$(git -C "$REPO" rev-parse --short HEAD)"
  # A clean export of HEAD, built in the temporary directory: the jar is exactly the commit, and a concurrent build
  # or test run in the repository's target/ is neither disturbed nor able to swap classes under this one.
  JAR_SOURCE="git HEAD $BUILD_SHA (clean export, built by this run)"
  log "building the service jar from a clean export of HEAD ($BUILD_SHA): ./mvnw -B -q package -DskipTests"
  mkdir -p "$WORK/src"
  git -C "$REPO" archive "$BUILD_SHA" | tar -x -C "$WORK/src"
  t0=$SECONDS
  (cd "$WORK/src" && ./mvnw -B -q package -DskipTests) > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; die "build"; }
  log "built in $(( SECONDS - t0 )) s"
  cp -r "$WORK/src/target/quarkus-app" "$WORK/app"
  rm -rf "$WORK/src"
  # Kept (bench/out is not committed) so that later runs of the same commit need no build: APP_DIR=<this directory>.
  mkdir -p "$REPO/bench/out/webhooks"
  rm -rf "$REPO/bench/out/webhooks/app-$BUILD_SHA"
  cp -r "$WORK/app" "$REPO/bench/out/webhooks/app-$BUILD_SHA"
  log "kept the build in bench/out/webhooks/app-$BUILD_SHA (reuse with APP_DIR=...)"
elif [[ -n "${APP_DIR:-}" ]]; then
  [[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no quarkus-run.jar in APP_DIR=$APP_DIR"
  JAR_SOURCE="$APP_DIR"
  cp -r "$APP_DIR" "$WORK/app"
else
  [[ -f "$REPO/target/quarkus-app/quarkus-run.jar" ]] || die "no target/quarkus-app: run with --rebuild"
  JAR_SOURCE="target/quarkus-app built $(date -u -r "$REPO/target/quarkus-app/app" +%Y-%m-%dT%H:%M:%SZ) (working tree then; HEAD now $(git -C "$REPO" rev-parse --short HEAD))"
  # A private copy, so a concurrent build in target/ cannot swap jars under the running service.
  cp -r "$REPO/target/quarkus-app" "$WORK/app"
fi

# ---------------------------------------------------------------------------------------------------------------
# 2. Start the service on a fresh embedded database
# ---------------------------------------------------------------------------------------------------------------
PG_PORT="${PG_PORT:-$(free_port)}"
port_free "$HTTP_PORT" || die "port $HTTP_PORT is in use (set HTTP_PORT)"
port_free "$PG_PORT" || die "port $PG_PORT is in use (set PG_PORT)"

{
  echo "date_utc=$STAMP"
  echo "git_head=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "jar=$JAR_SOURCE"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "mem_total=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "wrk=$(wrk -v 2>&1 | head -1)"
  echo "pgbench=$($PGBENCH --version)"
  echo "duration=$DURATION warmup=$WARMUP pgbench_warmup=$PGBENCH_WARMUP connections=$CONNECTIONS threads=$THREADS"
  echo "java_opts=${JAVA_OPTS:-}"
  echo "pool_size=$POOL_SIZE worker_pool_size=$WORKER_POOL_SIZE pgbench_clients=$PGBENCH_CLIENTS pgbench_jobs=$PGBENCH_JOBS pgbench_mode=$PGBENCH_MODE"
  echo "poll_interval=$POLL_INTERVAL"
  echo "body=$(basename "$BODY")"
  echo "body_bytes=$(stat -c %s "$BODY")"
  echo "run_id=$RUN_ID"
} > "$OUT_DIR/environment.txt"

if (( WAIT_FOR_IDLE > 0 )); then
  waited=$SECONDS
  while b=$(busy_percent); (( b >= 25 )); do
    (( SECONDS - waited < WAIT_FOR_IDLE )) || { log "machine still ${b}% busy after ${WAIT_FOR_IDLE} s: running anyway"; break; }
    log "machine ${b}% busy: waiting"
  done
fi
echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/environment.txt"
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

log "starting the service on 127.0.0.1:$HTTP_PORT (embedded PostgreSQL on 127.0.0.1:$PG_PORT, pools $POOL_SIZE + worker $WORKER_POOL_SIZE, INTEGRATION_WEBHOOKS_POLL_INTERVAL=$POLL_INTERVAL) in $WORK"
(
  cd "$WORK"
  unset QUARKUS_DATASOURCE_REACTIVE_URL QUARKUS_OIDC_AUTH_SERVER_URL QUARKUS_OIDC_PUBLIC_KEY INTEGRATION_LOCAL_DATA_DIR
  export INTEGRATION_LOCAL_DATABASE_PORT="$PG_PORT" INTEGRATION_DB_POOL_SIZE="$POOL_SIZE" \
    INTEGRATION_WORKER_POOL_SIZE="$WORKER_POOL_SIZE" INTEGRATION_WEBHOOKS_POLL_INTERVAL="$POLL_INTERVAL"
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
"${PSQL[@]}" -U postgres -At -c "select 'server=' || version(); select 'max_connections=' || current_setting('max_connections');
  select 'shared_buffers=' || current_setting('shared_buffers'); select 'fsync=' || current_setting('fsync');
  select 'synchronous_commit=' || current_setting('synchronous_commit'); select 'wal_sync_method=' || current_setting('wal_sync_method');
  select 'max_wal_size=' || current_setting('max_wal_size');" >> "$OUT_DIR/environment.txt"

# ---------------------------------------------------------------------------------------------------------------
# 3. Setup through the API: API key with the webhook secret, webhook endpoint (routing token shown once)
# ---------------------------------------------------------------------------------------------------------------
SECRET="whsec-bench-$(openssl rand -hex 16)"
body=$(curl -sf -X POST "$BASE/dev/token?tenant=$TENANT&roles=read,write") || die "minting a token"
BEARER=$(sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p' <<< "$body")
[[ -n "$BEARER" ]] || die "no access_token in the /dev/token answer"

code=$(curl -s -o "$WORK/api-key.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $BEARER" \
  -H 'Content-Type: application/json' --data "{\"apiKey\":\"ghp_bench_$(openssl rand -hex 8)\",\"webhookSecret\":\"$SECRET\"}" \
  "$BASE/api/v1/venues/$VENUE/api-keys/github/default")
[[ "$code" == 201 ]] || { cat "$WORK/api-key.json"; die "PUT api-keys/github/default answered $code (want 201)"; }
code=$(curl -s -o "$WORK/endpoint.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $BEARER" \
  -H 'Content-Type: application/json' --data '{}' "$BASE/api/v1/venues/$VENUE/webhook-endpoints/github")
[[ "$code" == 201 ]] || { cat "$WORK/endpoint.json"; die "PUT webhook-endpoints/github answered $code (want 201)"; }
INBOUND=$(sed -nE 's/.*"inboundPath" *: *"([^"]+)".*/\1/p' "$WORK/endpoint.json")
[[ "$INBOUND" =~ ^/webhooks/in/[A-Za-z0-9_-]{43}$ ]] || die "no inboundPath in the endpoint answer"
ROUTING_TOKEN="${INBOUND#/webhooks/in/}"
TOKEN_HASH_HEX=$(printf '%s' "$ROUTING_TOKEN" | openssl dgst -sha256 -r | cut -d' ' -f1)
SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r < "$BODY" | cut -d' ' -f1)"
log "API key and webhook endpoint created for tenant $TENANT, venue $VENUE (routing token not logged)"

# Sanity: a signed delivery is accepted, the same delivery id again is a duplicate, a bad signature is 401.
post() { curl -s -o "$WORK/post.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'User-Agent: GitHub-Hookshot/bench' \
  -H 'X-GitHub-Event: push' -H "X-GitHub-Delivery: $1" -H "X-Hub-Signature-256: $2" --data-binary "@$BODY" "$BASE$INBOUND"; }
[[ "$(post "sanity-$RUN_ID-1" "$SIGNATURE")" == 200 ]] && grep -q '"accepted"' "$WORK/post.json" \
  || { cat "$WORK/post.json"; die "signed sanity delivery not accepted"; }
[[ "$(post "sanity-$RUN_ID-1" "$SIGNATURE")" == 200 ]] && grep -q '"duplicate"' "$WORK/post.json" \
  || { cat "$WORK/post.json"; die "repeated delivery id not answered as duplicate"; }
[[ "$(post "sanity-$RUN_ID-2" "sha256=$(printf '0%.0s' {1..64})")" == 401 ]] || { cat "$WORK/post.json"; die "bad signature not answered 401"; }

# Sanity in the database: the accepted event is stored byte for byte with its queue entry, nothing else got in.
read -r s_acc s_rej s_same s_queued < <("${PSQL[@]}" -U postgres -At -F' ' -c "select
    count(*) filter (where outcome = 'ACCEPTED'), count(*) filter (where outcome = 'REJECTED'),
    bool_and(payload = decode('$(xxd -p "$BODY" | tr -d '\n')', 'hex')) filter (where outcome = 'ACCEPTED'),
    (select count(*) from webhooks w where w.integration_webhook_id in (select id from integration_webhooks where outcome = 'ACCEPTED'))
  from integration_webhooks")
[[ "$s_acc $s_rej $s_same $s_queued" == "1 1 t 1" ]] \
  || die "sanity rows: accepted=$s_acc rejected=$s_rej payload_identical=$s_same queued=$s_queued (want 1 1 t 1)"

# The pgbench login: a bench-only role with no privileges of its own (NOINHERIT), allowed to switch to either runtime
# role; pgbench-ingest.sql switches per transaction with set_config('role', ..., true).
"${PSQL[@]}" -U postgres -c "create role bench_ingest login noinherit; grant integration_api, integration_worker to bench_ingest;" \
  || die "creating the bench_ingest role"
"${PSQL[@]}" -U bench_ingest -At -c "select count(*) from integration_webhooks" >/dev/null 2>&1 \
  && die "bench_ingest can read integration_webhooks without switching role (want: permission denied)"
# As integration_worker without the flag the endpoint is invisible; with the flag it is found.
seen=$("${PSQL[@]}" -U integration_worker -At -c "select count(*) from webhook_endpoints where token_hash = decode('$TOKEN_HASH_HEX', 'hex')")
seen_sys=$("${PSQL[@]}" -U integration_worker -At -c "select set_config('app.is_system_user', 'true', true);
  select count(*) from webhook_endpoints where token_hash = decode('$TOKEN_HASH_HEX', 'hex') and enabled" | tail -1)
[[ "$seen" == 0 && "$seen_sys" == 1 ]] || die "routing lookup as integration_worker: without flag $seen (want 0), with flag $seen_sys (want 1)"

# CPU accounting: start_sampler / cpu_report / machine_cpu in bench/lib/common.sh.
checkpoint() { "${PSQL[@]}" -U postgres -c "checkpoint" >/dev/null; }

# (One aggregate over webhooks and a hash join: webhooks has no index on integration_webhook_id, so a per-row lookup
# would scan the queue once per event.)
# Rows of one delivery-id prefix: "<ACCEPTED rows> <distinct ids> <rows with exactly one queue entry> <other outcomes>"
db_counts() {
  "${PSQL[@]}" -U postgres -At -F' ' -c "select count(*) filter (where iw.outcome = 'ACCEPTED'),
      count(distinct iw.provider_event_id), count(*) filter (where q.n = 1), count(*) filter (where iw.outcome <> 'ACCEPTED')
    from integration_webhooks iw
    left join (select integration_webhook_id, count(*) as n from webhooks group by 1) q on q.integration_webhook_id = iw.id
    where iw.provider_event_id like '$1%'"
}

# ---------------------------------------------------------------------------------------------------------------
# 4. wrk against the inbound endpoint
# ---------------------------------------------------------------------------------------------------------------
wrk_val() { sed -nE "s/^BENCH $2=(.*)$/\1/p" "$1"; }
# check_wrk_run <wrk output> <prefix>: every 200 "accepted" is stored (with one queue entry), nothing but the
# abandoned in-flight requests is extra, no id twice, nothing but 200 "accepted" answers.
check_wrk_run() {
  local out="$1" prefix="$2" sent acc dup oth sock rows distinct queued otheroutcome
  sent=$(wrk_val "$out" sent); acc=$(wrk_val "$out" accepted); dup=$(wrk_val "$out" duplicate); oth=$(wrk_val "$out" other)
  sock=$(( $(wrk_val "$out" err_connect) + $(wrk_val "$out" err_read) + $(wrk_val "$out" err_write) + $(wrk_val "$out" err_timeout) ))
  [[ -n "$sent" && -n "$acc" ]] || die "could not parse $out"
  sleep 2   # let the service finish the requests wrk abandoned at its stop
  read -r rows distinct queued otheroutcome < <(db_counts "$prefix") || die "counting the rows of $prefix"
  DB_LINE="wrk sent $sent, answered 200 accepted $acc, duplicate $dup, other $oth, socket errors $sock, in flight at stop $(( sent - acc - dup - oth ));"
  DB_LINE+=" database: $rows ACCEPTED rows ($distinct distinct delivery ids, $queued with exactly one queue entry, $otheroutcome other outcomes)"
  log "$DB_LINE"
  (( dup == 0 && oth == 0 && sock == 0 )) || die "wrk saw $dup duplicate, $oth unexpected answers, $sock socket errors"
  (( rows >= acc )) || die "only $rows ACCEPTED rows for $acc acknowledged deliveries: acknowledged events are missing"
  (( rows <= sent )) || die "$rows ACCEPTED rows for $sent requests sent"
  (( distinct == rows && queued == rows && otheroutcome == 0 )) || die "rows/ids/queue entries disagree: $rows/$distinct/$queued, $otheroutcome other"
}

WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --latency --timeout 5s -s "$HERE/wrk-webhook.lua" "$BASE")
if (( WARMUP > 0 )); then
  log "wrk warm-up: ${WARMUP} s, $CONNECTIONS connections, $THREADS threads"
  "${WRK[@]:0:3}" -d"${WARMUP}s" "${WRK[@]:3}" -- "$INBOUND" "$BODY" "$SIGNATURE" "w$RUN_ID" > "$OUT_DIR/wrk-warmup.txt" 2>&1 \
    || { cat "$OUT_DIR/wrk-warmup.txt"; die "wrk warm-up"; }
  check_wrk_run "$OUT_DIR/wrk-warmup.txt" "w$RUN_ID-"
fi
checkpoint
log "wrk measured run: ${DURATION} s, $CONNECTIONS connections, $THREADS threads"
read -r busy0 _ < <(system_busy)
start_sampler "$OUT_DIR/cpu-wrk.samples"
TIMEFORMAT='user=%U sys=%S real=%R'
{ time "${WRK[@]:0:3}" -d"${DURATION}s" "${WRK[@]:3}" -- "$INBOUND" "$BODY" "$SIGNATURE" "m$RUN_ID" > "$OUT_DIR/wrk.txt" 2>&1; } \
  2> "$OUT_DIR/wrk.time" || { cat "$OUT_DIR/wrk.txt"; die "wrk"; }
stop_sampler
read -r busy1 _ < <(system_busy)
cat "$OUT_DIR/wrk.txt"
check_wrk_run "$OUT_DIR/wrk.txt" "m$RUN_ID-"
API_CHECK="$DB_LINE"

W="$OUT_DIR/wrk.txt"
API_ACC=$(wrk_val "$W" accepted); API_RATE=$(wrk_val "$W" accepted_per_s)
API_P50=$(wrk_val "$W" lat_p50_us); API_P99=$(wrk_val "$W" lat_p99_us)
API_CPU=$(cpu_report "$OUT_DIR/cpu-wrk.samples")
API_CPU_SERVICE=$(cpu_of "$API_CPU" service); API_CPU_PG=$(cpu_of "$API_CPU" postgres)
API_CPU_WRK=$(awk -F'[= ]' '{ print $2 + $4 }' "$OUT_DIR/wrk.time")
API_CPU_MACHINE=$(machine_cpu "$busy0" "$busy1")
log "API: $API_RATE accepted/s, p50 ${API_P50} us, p99 ${API_P99} us"

# ---------------------------------------------------------------------------------------------------------------
# 5. pgbench: the same statements straight on PostgreSQL
# ---------------------------------------------------------------------------------------------------------------
PAYLOAD_HEX=$(xxd -p "$BODY" | tr -d '\n')
PAYLOAD_TEXT=$(cat "$BODY")
# run_pgbench <name> <script> <login> <prefix>: warm-up, checkpoint, measured run; sets PGB_* results.
run_pgbench() {
  local name="$1" script="$2" login="$3" prefix="$4" out
  local pgb=("$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U "$login" -n -M "$PGBENCH_MODE" -c "$PGBENCH_CLIENTS" -j "$PGBENCH_JOBS"
             -D tenant="$TENANT" -D venue="$VENUE" -D token_hash="\\x$TOKEN_HASH_HEX" -D payload="\\x$PAYLOAD_HEX"
             -D payload_json="$PAYLOAD_TEXT" -D sig="$SIGNATURE" -f "$script")
  if (( PGBENCH_WARMUP > 0 )); then
    log "pgbench $name warm-up: ${PGBENCH_WARMUP} s"
    "${pgb[@]}" -D run="w$prefix" -T "$PGBENCH_WARMUP" integration > "$OUT_DIR/pgbench-$name-warmup.txt" 2>&1 \
      || { cat "$OUT_DIR/pgbench-$name-warmup.txt"; die "pgbench $name warm-up"; }
  fi
  checkpoint
  log "pgbench $name measured run: ${DURATION} s, $PGBENCH_CLIENTS clients, $PGBENCH_JOBS jobs, -M $PGBENCH_MODE, login $login"
  mkdir -p "$OUT_DIR/pgbench-$name-log"
  read -r busy0 _ < <(system_busy)
  start_sampler "$OUT_DIR/cpu-pgbench-$name.samples"
  out="$OUT_DIR/pgbench-$name.txt"
  { time "${pgb[@]}" -D run="m$prefix" -T "$DURATION" -r --log --log-prefix="$OUT_DIR/pgbench-$name-log/tx" integration > "$out" 2>&1; } \
    2> "$OUT_DIR/pgbench-$name.time" || { cat "$out"; die "pgbench $name"; }
  stop_sampler
  read -r busy1 _ < <(system_busy)
  cat "$out"
  PGB_TPS=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$out" | awk '{ printf "%.1f", $1 }')
  PGB_FAILED=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$out"); PGB_FAILED=${PGB_FAILED:-0}
  PGB_PROCESSED=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$out")
  [[ -n "$PGB_TPS" && -n "$PGB_PROCESSED" ]] || die "could not parse pgbench $name's output"
  ! grep -qi 'aborted' "$out" || die "pgbench $name: clients aborted"
  (( PGB_FAILED == 0 )) || die "pgbench $name reported $PGB_FAILED failed transactions"
  local lats="$OUT_DIR/pgbench-$name-latencies.txt"
  cat "$OUT_DIR/pgbench-$name-log"/tx* | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n > "$lats"
  read -r PGB_N PGB_P50 PGB_P99 < <(awk '{ v[NR] = $1 } END {
      i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++;
      print NR, v[i50], v[i99] }' "$lats")
  tar -C "$OUT_DIR" -czf "$OUT_DIR/pgbench-$name-log.tar.gz" "pgbench-$name-log" && rm -rf "$OUT_DIR/pgbench-$name-log" "$lats"
  local cpu; cpu=$(cpu_report "$OUT_DIR/cpu-pgbench-$name.samples")
  PGB_CPU_PG=$(cpu_of "$cpu" postgres); PGB_CPU_SERVICE=$(cpu_of "$cpu" service)
  PGB_CPU_TOOL=$(awk -F'[= ]' '{ print $2 + $4 }' "$OUT_DIR/pgbench-$name.time")
  PGB_CPU_MACHINE=$(machine_cpu "$busy0" "$busy1")
  # Every transaction pgbench counted inserted one row with one queue entry, and nothing else has the prefix.
  local rows distinct queued otheroutcome
  read -r rows distinct queued otheroutcome < <(db_counts "m$prefix-") || die "counting the rows of m$prefix-"
  PGB_CHECK="pgbench counted $PGB_PROCESSED transactions ($PGB_N in its log); database: $rows ACCEPTED rows ($distinct distinct ids, $queued with exactly one queue entry)"
  log "$PGB_CHECK"
  (( rows == PGB_PROCESSED && distinct == rows && queued == rows && otheroutcome == 0 )) || die "pgbench $name: rows do not match its transactions"
  log "pgbench $name: $PGB_TPS tps, p50 ${PGB_P50} us, p99 ${PGB_P99} us over $PGB_N transactions"
}

run_pgbench full "$HERE/pgbench-ingest.sql" bench_ingest "p$RUN_ID"
PG_TPS=$PGB_TPS PG_P50=$PGB_P50 PG_P99=$PGB_P99 PG_N=$PGB_N PG_CHECK=$PGB_CHECK
PG_CPU_PG=$PGB_CPU_PG PG_CPU_SERVICE=$PGB_CPU_SERVICE PG_CPU_TOOL=$PGB_CPU_TOOL PG_CPU_MACHINE=$PGB_CPU_MACHINE
if (( PGBENCH_TENANT_ONLY )); then
  run_pgbench tenant "$HERE/pgbench-ingest-tenant.sql" integration_api "t$RUN_ID"
  PT_TPS=$PGB_TPS PT_P50=$PGB_P50 PT_P99=$PGB_P99 PT_N=$PGB_N PT_CHECK=$PGB_CHECK
  PT_CPU_PG=$PGB_CPU_PG PT_CPU_SERVICE=$PGB_CPU_SERVICE PT_CPU_TOOL=$PGB_CPU_TOOL PT_CPU_MACHINE=$PGB_CPU_MACHINE
fi
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/environment.txt"
"${PSQL[@]}" -U postgres -At -c "select 'integration_webhooks_size=' || pg_size_pretty(pg_total_relation_size('integration_webhooks'))
  || ' rows=' || (select count(*) from integration_webhooks); select 'webhooks_size=' || pg_size_pretty(pg_total_relation_size('webhooks'))
  || ' pending=' || (select count(*) from webhooks where status = 'PENDING');" >> "$OUT_DIR/environment.txt"

# ---------------------------------------------------------------------------------------------------------------
# 6. Summary
# ---------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
env_val() { sed -n "s/^$1=//p" "$OUT_DIR/environment.txt"; }
SUMMARY="$OUT_DIR/summary.md"
{
  echo "# Webhook ingestion vs. pgbench — $STAMP"
  echo
  echo "HEAD $(env_val git_head); jar: $(env_val jar). $(nproc) cores ($(env_val cpu)),"
  echo "load before $(env_val load_before), after $(env_val load_after). ${DURATION} s measured per tool (wrk warm-up ${WARMUP} s, pgbench warm-up ${PGBENCH_WARMUP} s each)."
  echo "wrk: $CONNECTIONS connections, $THREADS threads, $(env_val body_bytes)-byte GitHub push body, unique X-GitHub-Delivery per request;"
  echo "service pools: API $POOL_SIZE, worker $WORKER_POOL_SIZE; INTEGRATION_WEBHOOKS_POLL_INTERVAL=$POLL_INTERVAL. pgbench: -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -M $PGBENCH_MODE."
  echo
  echo "| | accepted events/s | p50 (ms) | p99 (ms) | events |"
  echo "|---|---:|---:|---:|---:|"
  echo "| API (wrk, POST /webhooks/in/{token}, HMAC checked) | $API_RATE | $(ms "$API_P50") | $(ms "$API_P99") | $API_ACC |"
  echo "| pgbench: lookup tx (worker) + tenant tx (api) | $PG_TPS | $(ms "$PG_P50") | $(ms "$PG_P99") | $PG_N |"
  (( PGBENCH_TENANT_ONLY )) && echo "| pgbench: tenant tx only (integration_api) | $PT_TPS | $(ms "$PT_P50") | $(ms "$PT_P99") | $PT_N |"
  echo "| ratio API / pgbench (lookup + tenant tx) | $(ratio "$API_RATE" "$PG_TPS") | $(ratio "$API_P50" "$PG_P50") | $(ratio "$API_P99" "$PG_P99") | |"
  (( PGBENCH_TENANT_ONLY )) && echo "| ratio API / pgbench (tenant tx only) | $(ratio "$API_RATE" "$PT_TPS") | $(ratio "$API_P50" "$PT_P50") | $(ratio "$API_P99" "$PT_P99") | |"
  echo
  echo "CPU seconds during the measured ${DURATION} s ($(nproc) cores = $(( $(nproc) * DURATION )) CPU s available), and CPU microseconds per accepted event / transaction:"
  echo
  echo "| run | service (java) | PostgreSQL | load tool | rest of machine | whole machine | µs/op service | µs/op PostgreSQL | µs/op load tool |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| API (wrk) | $API_CPU_SERVICE | $API_CPU_PG | $API_CPU_WRK | $(rest "$API_CPU_MACHINE" "$API_CPU_SERVICE" "$API_CPU_PG" "$API_CPU_WRK") | $API_CPU_MACHINE | $(per_op "$API_CPU_SERVICE" "$API_ACC") | $(per_op "$API_CPU_PG" "$API_ACC") | $(per_op "$API_CPU_WRK" "$API_ACC") |"
  echo "| pgbench lookup + tenant tx | $PG_CPU_SERVICE | $PG_CPU_PG | $PG_CPU_TOOL | $(rest "$PG_CPU_MACHINE" "$PG_CPU_SERVICE" "$PG_CPU_PG" "$PG_CPU_TOOL") | $PG_CPU_MACHINE | - | $(per_op "$PG_CPU_PG" "$PG_N") | $(per_op "$PG_CPU_TOOL" "$PG_N") |"
  (( PGBENCH_TENANT_ONLY )) && echo "| pgbench tenant tx only | $PT_CPU_SERVICE | $PT_CPU_PG | $PT_CPU_TOOL | $(rest "$PT_CPU_MACHINE" "$PT_CPU_SERVICE" "$PT_CPU_PG" "$PT_CPU_TOOL") | $PT_CPU_MACHINE | - | $(per_op "$PT_CPU_PG" "$PT_N") | $(per_op "$PT_CPU_TOOL" "$PT_N") |"
  echo
  echo "(CPU from /proc, sampled every 0.5 s; \"rest of machine\" is everything else that ran meanwhile, e.g. other builds or tests.)"
  echo
  echo "Checks: API — $API_CHECK. pgbench — $PG_CHECK.${PT_CHECK:+ pgbench tenant only — $PT_CHECK.}"
  for pair in "API:$(rest "$API_CPU_MACHINE" "$API_CPU_SERVICE" "$API_CPU_PG" "$API_CPU_WRK")" \
              "pgbench:$(rest "$PG_CPU_MACHINE" "$PG_CPU_SERVICE" "$PG_CPU_PG" "$PG_CPU_TOOL")"; do
    awk -v r="${pair#*:}" -v cap="$(( $(nproc) * DURATION ))" 'BEGIN { exit !(r > 0.1 * cap) }' \
      && echo && echo "**Warning:** other processes used ${pair#*:} CPU s during the ${pair%%:*} run (> 10% of the machine): figures are disturbed."
  done
} > "$SUMMARY"
echo
cat "$SUMMARY"
echo
log "raw outputs in $OUT_DIR"
exit 0
