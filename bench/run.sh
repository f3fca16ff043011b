#!/usr/bin/env bash
# Bawaba's load benchmark (issue 8): the packaged server on the local MariaDB under keyed submissions, case reads
# by token, inbox pages, a public reference list and document orders paid through the sandbox provider (issue 9) at
# 8, 32 and 64 connections, next to a bare Quarkus + JDBC app doing one INSERT / one primary-key SELECT on the same
# database (the ceiling, bench/ceiling/), so that every figure reads as a share of what the stack itself allows. Also start-up to ready and idle RSS of both apps.
#
#   bash bench/run.sh
#
# Prints figures, never judges them: it is not a CI gate (timings on a shared machine are noise, errors are not:
# the non-2xx counts and the server log's errors are printed next to every figure).
# Knobs: BENCH_DURATION (10s), BENCH_WARMUP (20s), BENCH_CONNECTIONS ("8 32 64"), BENCH_REBUILD=1 (rebuild jars),
# BENCH_JAVA_OPTS (the JVM options of both apps; default: the README's production options for a 2-core instance).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/target                      # logs, seed files, raw wrk output; ignored by git (target/)
SERVER_JAR=$ROOT/server/target/quarkus-app/quarkus-run.jar
CEILING_JAR=$BENCH/ceiling/target/quarkus-app/quarkus-run.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DURATION=${BENCH_DURATION:-10s}
# C2 needs more than 5 s of a scenario's load to compile its hot paths on 2 shared cores: shorter warm-ups measured
# partly interpreted code, and the first scenario of a run more than the others.
WARMUP=${BENCH_WARMUP:-20s}
# The README's options for a 2-core instance (a heap sized for it instead of a quarter of the host's memory); the same
# for the ceiling, so that both RSS figures answer to the same settings.
read -r -a JAVA_OPTS <<< "${BENCH_JAVA_OPTS:--Xms64m -Xmx256m}"
read -r -a CONNECTIONS <<< "${BENCH_CONNECTIONS:-8 32 64}"
THREADS=2                              # one per core of the 2-core reference machine; wrk shares it with the apps
SEED_CASES=200                         # enough cases to rotate reads over, and an inbox longer than one page
INSTITUTION_ID=2                       # Ministry of Justice: accepts complaints, category 1 is valid for it
ADMIN_KEY=bwb_benchadm_BenchmarkBootstrapAdministratorKey01
DB=127.0.0.1:3306

# ---- LIMIT OVERRIDES: the one place where the benchmark lifts the server's abuse limits ----------------------------
# Every request comes from 127.0.0.1 and the counters live in the database, so any per-address limit would turn the
# measurement into a measurement of 429s (every bawaba.* property of BawabaConfig is an environment variable).
LIMIT_OVERRIDES=(
  # All the load comes from 127.0.0.1; each submission is a fresh requester, so the identity limit keeps its default
  # and is counted as in production.
  BAWABA_SUBMISSIONS_PER_ADDRESS=1000000000
  BAWABA_TRACKING_MAX_LOOKUPS=1000000000
)
# ----------------------------------------------------------------------------------------------------------------------

SERVER_PID='' CEILING_PID=''
BENCH_NAME=bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cleanup() { stop_pid "$SERVER_PID"; stop_pid "$CEILING_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM


# Starts "$@" in the background with its output in $1's log, and waits (at most 180 s) for the first 200 on the
# readiness URL; STARTED_PID and STARTED_MS (process start to ready) are the results. `env` execs java, so the PID
# is the JVM's own, which /proc/PID/status needs.
start_app() {
  local log=$1 url=$2; shift 2
  local t0; t0=$(now_ms)
  "$@" > "$log" 2>&1 &
  STARTED_PID=$!
  until curl -sf -o /dev/null --max-time 1 "$url"; do
    kill -0 "$STARTED_PID" 2>/dev/null || fail "$(basename "$log" .log) exited during start-up; see $log"
    (( $(now_ms) - t0 < 180000 )) || fail "$(basename "$log" .log) not ready after 180 s; see $log"
    sleep 0.05
  done
  STARTED_MS=$(( $(now_ms) - t0 ))
}

rss_mb() { awk -v key="$2:" '$1 == key { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# Runs one scenario: a warm-up (its figures are dropped), then the measured run, whose RESULT line goes to
# results.tsv with the 1-minute load average, since other work on the machine moves every figure.
RESULTS=$OUT/results.tsv
run_scenario() {
  local app=$1 script=$2 url=$3 conns=$4 line
  BENCH_RUN="w${RANDOM}" wrk -t"$THREADS" -c"$conns" -d"$WARMUP" --timeout 10s -s "$BENCH/$script" "$url" > /dev/null
  BENCH_RUN="m${RANDOM}" wrk -t"$THREADS" -c"$conns" -d"$DURATION" --timeout 10s -s "$BENCH/$script" "$url" \
    > "$OUT/wrk-${script%.lua}-$conns.txt"
  line=$(grep '^RESULT ' "$OUT/wrk-${script%.lua}-$conns.txt") || fail "wrk printed no RESULT; see $OUT/wrk-${script%.lua}-$conns.txt"
  printf '%s\t%s\t%s\t%s\n' "$app" "$conns" "$(cut -d' ' -f1 /proc/loadavg)" "$line" >> "$RESULTS"
  say "  $app ${script%.lua} c=$conns: ${line#RESULT }"
}

# Errors under load must be visible: the ERROR and exception lines of a log since a given line, without the
# stack frames, which would only multiply the count.
log_errors() {
  local log=$1 from=$2
  tail -n +"$((from + 1))" "$log" | grep -E 'ERROR|Exception' | grep -vE '^[[:space:]]+(at |\.\.\. [0-9]+ more)' || true
}

# ---- What the run needs ------------------------------------------------------------------------------------------
(exec 3<>"/dev/tcp/${DB%:*}/${DB#*:}") 2>/dev/null \
  || fail "no MariaDB answers on $DB (the benchmark uses the local MariaDB, root with an empty password)"
command -v curl > /dev/null || fail "curl is needed"
if ! command -v wrk > /dev/null; then
  say "bench: installing wrk (apt-get)"
  SUDO=''; (( EUID == 0 )) || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk > /dev/null || fail "could not install wrk"
fi
if [[ ! -f $SERVER_JAR || ${BENCH_REBUILD:-0} == 1 ]]; then
  say "bench: building the server"
  (cd "$ROOT" && ./mvnw -q -pl server -am package -DskipTests) || fail "server build failed"
elif [[ -n $(find "$ROOT/server/src/main" "$ROOT/api-spec" -newer "$SERVER_JAR" -type f -print -quit) ]]; then
  say "bench: WARNING the server jar is older than its sources; BENCH_REBUILD=1 rebuilds it"
fi
if [[ ! -f $CEILING_JAR || ${BENCH_REBUILD:-0} == 1 ]]; then
  say "bench: building the ceiling app"
  (cd "$ROOT" && ./mvnw -f bench/ceiling/pom.xml -q package -DskipTests) || fail "ceiling build failed"
fi
mkdir -p "$OUT"
: > "$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "bench: $(nproc) cores, load average $LOAD_BEFORE"

# ---- Bawaba ------------------------------------------------------------------------------------------------------
PORT=$(free_port)
API=http://127.0.0.1:$PORT/api/v1
SERVER_ENV=(
  BAWABA_DB_URL="jdbc:mariadb://$DB/bawaba_bench?createDatabaseIfNotExist=true"
  BAWABA_BOOTSTRAP_ADMIN_KEY=$ADMIN_KEY
  BAWABA_CASE_TOKEN_SECRET=bench-case-token-secret-0123456789abcdef
  BAWABA_DEMO_ENABLED=false
  # The order + pay scenario pays through the sandbox provider, which signs like a real one.
  BAWABA_PAYMENTS_SANDBOX=true
  BAWABA_PAYMENTS_CALLBACK_SECRET=bench-payment-callback-secret-0123456789
  QUARKUS_HTTP_PORT=$PORT
  "${LIMIT_OVERRIDES[@]}"
)
# Three starts: the first on a fresh schema (Flyway cleans and migrates), which also records the classes it loaded in an
# application class-data archive (AppCDS, as the README's deployment does once per build); then two on the schema it
# left, which is what an instance does on every deployment after the first: without the archive, and with it (the run
# the benchmark then loads).
CDS_ARCHIVE=$OUT/bawaba-app-cds.jsa
rm -f "$CDS_ARCHIVE"
say "bench: starting Bawaba on port $PORT (fresh schema, recording the class-data archive)"
start_app "$OUT/server-fresh.log" "http://127.0.0.1:$PORT/q/health/ready" \
  env "${SERVER_ENV[@]}" QUARKUS_FLYWAY_CLEAN_AT_START=true "$JAVA" "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" \
  -jar "$SERVER_JAR"
SERVER_PID=$STARTED_PID; SERVER_START_FRESH_MS=$STARTED_MS
stop_pid "$SERVER_PID"
say "bench: restarting Bawaba (existing schema, no class-data archive)"
start_app "$OUT/server-nocds.log" "http://127.0.0.1:$PORT/q/health/ready" \
  env "${SERVER_ENV[@]}" QUARKUS_FLYWAY_CLEAN_AT_START=false "$JAVA" "${JAVA_OPTS[@]}" -jar "$SERVER_JAR"
SERVER_PID=$STARTED_PID; SERVER_START_PLAIN_MS=$STARTED_MS
stop_pid "$SERVER_PID"
[[ -s $CDS_ARCHIVE ]] || fail "no class-data archive was written; see $OUT/server-fresh.log"
say "bench: restarting Bawaba (existing schema, with the class-data archive)"
start_app "$OUT/server.log" "http://127.0.0.1:$PORT/q/health/ready" \
  env "${SERVER_ENV[@]}" QUARKUS_FLYWAY_CLEAN_AT_START=false "$JAVA" "${JAVA_OPTS[@]}" -XX:SharedArchiveFile="$CDS_ARCHIVE" \
  -jar "$SERVER_JAR"
SERVER_PID=$STARTED_PID; SERVER_START_MS=$STARTED_MS

say "bench: seeding an AGENT key and $SEED_CASES complaints"
RUN_ID=$(date +%s)
KEY_ANSWER=$(curl -sS --max-time 10 -X POST "$API/admin/api-keys" -H "X-Api-Key: $ADMIN_KEY" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: bench-agent-key-$RUN_ID" \
  -d "{\"name\":\"Benchmark inbox\",\"role\":\"AGENT\",\"institutionId\":$INSTITUTION_ID}")
AGENT_KEY=$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<< "$KEY_ANSWER")
[[ -n $AGENT_KEY ]] || fail "no AGENT key issued: $KEY_ANSWER"
CASES=$OUT/cases.txt
: > "$CASES"
SEED_DEADLINE=$(( $(now_ms) + 120000 ))
for i in $(seq 1 "$SEED_CASES"); do
  (( $(now_ms) < SEED_DEADLINE )) || break
  answer=$(curl -sS --max-time 10 -X POST "$API/complaints" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: bench-seed-$RUN_ID-$i" -d "{\"institutionId\":$INSTITUTION_ID,\"kind\":\"COMPLAINT\",
    \"categoryId\":1,\"subject\":\"Dossier de pension bloqué\",\"content\":\"Aucune réponse depuis six mois malgré trois relances.\",
    \"requester\":{\"firstName\":\"Amina\",\"lastName\":\"Benali\",\"idDocumentType\":\"CIN\",
    \"idDocumentNumber\":\"S${RUN_ID}N$i\",\"email\":\"seed-$RUN_ID-$i@bench.example.ma\"}}") || continue
  number=$(grep -o '"number":"[^"]*"' <<< "$answer" | head -1 | cut -d'"' -f4) || true
  token=$(grep -o '"caseToken":"[^"]*"' <<< "$answer" | cut -d'"' -f4) || true
  [[ -n $number && -n $token ]] && echo "$number $token" >> "$CASES"
done
SEEDED=$(wc -l < "$CASES")
(( SEEDED >= SEED_CASES / 2 )) || fail "only $SEEDED of $SEED_CASES seed complaints were accepted; last answer: $answer"

# One request on each read path: a path's first call compiles its queries and classes (seconds on a busy machine),
# which must not eat a short warm-up or stay out of the idle RSS.
read -r first_number first_token < "$CASES"
curl -sS -o /dev/null --max-time 30 "$API/complaints/$first_number" -H "X-Case-Token: $first_token" || true
curl -sS -o /dev/null --max-time 30 "$API/complaints?limit=20" -H "X-Api-Key: $AGENT_KEY" || true
curl -sS -o /dev/null --max-time 30 "$API/institutions?limit=20" || true

# Idle RSS after the seeding has warmed the code paths and a few seconds of rest, as an idle instance in production.
sleep 5
SERVER_RSS_MB=$(rss_mb "$SERVER_PID" VmRSS)
say "bench: Bawaba ready in $SERVER_START_MS ms with AppCDS, $SERVER_START_PLAIN_MS ms without (fresh schema: $SERVER_START_FRESH_MS ms), idle RSS $SERVER_RSS_MB MB"

LOG_MARK=$(wc -l < "$OUT/server.log")
export BENCH_CASES=$CASES BENCH_AGENT_KEY=$AGENT_KEY
for script in submit.lua read.lua inbox.lua list.lua order.lua integration.lua; do
  for conns in "${CONNECTIONS[@]}"; do
    run_scenario bawaba "$script" "http://127.0.0.1:$PORT" "$conns"
  done
done
SERVER_PEAK_MB=$(rss_mb "$SERVER_PID" VmHWM)
SERVER_ERRORS=$(log_errors "$OUT/server.log" "$LOG_MARK")
stop_pid "$SERVER_PID"; SERVER_PID=''

# ---- The ceiling -------------------------------------------------------------------------------------------------
PORT=$(free_port)
say "bench: starting the ceiling on port $PORT"
start_app "$OUT/ceiling.log" "http://127.0.0.1:$PORT/ready" \
  env QUARKUS_HTTP_PORT="$PORT" \
  CEILING_DB_URL="jdbc:mariadb://$DB/bawaba_bench_ceiling?createDatabaseIfNotExist=true" "$JAVA" "${JAVA_OPTS[@]}" -jar "$CEILING_JAR"
CEILING_PID=$STARTED_PID; CEILING_START_MS=$STARTED_MS
ROWS=$OUT/rows.txt
: > "$ROWS"
for i in $(seq 1 "$SEED_CASES"); do
  curl -sS --max-time 10 -X POST "http://127.0.0.1:$PORT/insert" -H 'Content-Type: application/json' \
    -d "{\"institutionId\":$INSTITUTION_ID,\"kind\":\"COMPLAINT\",\"subject\":\"Dossier de pension bloqué\",
    \"content\":\"Aucune réponse depuis six mois.\",\"firstName\":\"Amina\",\"lastName\":\"Benali\",
    \"email\":\"seed-$i@bench.example.ma\"}" | grep -o '"id":[0-9]*' | cut -d: -f2 >> "$ROWS" || true
done
[[ -s $ROWS ]] || fail "the ceiling accepted no insert; see $OUT/ceiling.log"
sleep 5
CEILING_RSS_MB=$(rss_mb "$CEILING_PID" VmRSS)
say "bench: ceiling ready in $CEILING_START_MS ms, idle RSS $CEILING_RSS_MB MB"
LOG_MARK=$(wc -l < "$OUT/ceiling.log")
export BENCH_ROWS=$ROWS
for script in ceiling-insert.lua ceiling-select.lua; do
  for conns in "${CONNECTIONS[@]}"; do
    run_scenario ceiling "$script" "http://127.0.0.1:$PORT" "$conns"
  done
done
CEILING_PEAK_MB=$(rss_mb "$CEILING_PID" VmHWM)
CEILING_ERRORS=$(log_errors "$OUT/ceiling.log" "$LOG_MARK")
stop_pid "$CEILING_PID"; CEILING_PID=''

# ---- The table ---------------------------------------------------------------------------------------------------
{
  echo
  echo "Bawaba load benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "$(nproc) cores; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS, warm-up $WARMUP, measured $DURATION"
  echo "JVM options of both apps: ${JAVA_OPTS[*]}; $(java -version 2>&1 | head -1)"
  echo "The load column is the 1-minute load average when each figure was taken: above 2 (the cores), other work was competing"
  echo
  # Each Bawaba figure over the ceiling of the same kind of work at the same connection count: a submission
  # writes, so the insert ceiling; the reads, the select ceiling.
  awk -F'\t' '
    function field(line, key,   m) { return match(line, " " key "=[^ ]*") ? substr(line, RSTART + length(key) + 2, RLENGTH - length(key) - 2) : "" }
    { s = field($4, "scenario"); c = $2
      rows[++n] = s SUBSEP c; app[n] = $1; load[n] = $3
      rps[s, c] = field($4, "rps"); p50[s, c] = field($4, "p50_ms"); p99[s, c] = field($4, "p99_ms")
      non2xx[s, c] = field($4, "non2xx"); sock[s, c] = field($4, "socket_errors"); st[s, c] = field($4, "statuses") }
    END {
      ceiling["submit"] = "insert"; ceiling["read"] = "select"; ceiling["inbox"] = "select"; ceiling["list"] = "select"
      ceiling["order_pay"] = "insert"; label["order_pay"] = "order + pay"
      label["submit"] = "submit (keyed)"; label["read"] = "case read by token"; label["inbox"] = "inbox page of 20"
      label["list"] = "institutions list"; label["insert"] = "ceiling: INSERT"; label["select"] = "ceiling: PK SELECT"
      ceiling["integration"] = "select"; label["integration"] = "inbox/feed/stats"
      printf "%-20s %5s %9s %8s %8s %8s %8s %9s %5s  %s\n", "scenario", "conns", "req/s", "p50 ms", "p99 ms", "non-2xx", "sock err", "% ceiling", "load", "statuses"
      for (i = 1; i <= n; i++) {
        split(rows[i], k, SUBSEP); s = k[1]; c = k[2]
        share = "-"
        if (s in ceiling && (ceiling[s], c) in rps && rps[ceiling[s], c] > 0)
          share = sprintf("%.1f%%", 100 * rps[s, c] / rps[ceiling[s], c])
        printf "%-20s %5s %9s %8s %8s %8s %8s %9s %5s  %s\n", label[s], c, rps[s, c], p50[s, c], p99[s, c], non2xx[s, c], sock[s, c], share, load[i], st[s, c]
      }
    }' "$RESULTS"
  echo
  printf '%-10s %22s %24s %20s %12s %16s\n' app "start-up fresh schema" "start-up existing schema" "same, with AppCDS" "idle RSS" "peak RSS (load)"
  printf '%-10s %19s ms %21s ms %17s ms %9s MB %13s MB\n' bawaba "$SERVER_START_FRESH_MS" "$SERVER_START_PLAIN_MS" "$SERVER_START_MS" "$SERVER_RSS_MB" "$SERVER_PEAK_MB"
  printf '%-10s %22s %21s ms %20s %9s MB %13s MB\n' ceiling - "$CEILING_START_MS" - "$CEILING_RSS_MB" "$CEILING_PEAK_MB"
  echo "(idle RSS: of the instance that runs the load, so Bawaba's is with AppCDS, whose mapped archive counts in it)"
  echo
  for app in bawaba ceiling; do
    if [[ $app == bawaba ]]; then errors=$SERVER_ERRORS; log=$OUT/server.log; else errors=$CEILING_ERRORS; log=$OUT/ceiling.log; fi
    count=$(grep -c . <<< "$errors" || true)
    echo "$app log during the load runs (warm-ups included): $(grep -c ' ERROR ' <<< "$errors" || true) ERROR lines, $count ERROR/Exception lines without stack frames ($log)"
    (( count == 0 )) && continue
    # The root causes, counted: connection ids and numbers vary between lines of the same cause.
    echo "  most frequent causes:"
    grep -E '^Caused by:' <<< "$errors" | sed -E 's/\(conn=[0-9]+\)/(conn=N)/g' | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
    echo "  first lines:"
    head -3 <<< "$errors" | cut -c1-240 | sed 's/^/  | /' 
  done
} | tee "$OUT/report.txt"
