#!/usr/bin/env bash
# The benchmark's data set (issue 10): a fresh schema made by the server's own migrations, then CASES cases (1,000,000)
# over YEARS years (3) up to now for the 41 bodies of the reference data and the civil-status offices, loaded with bulk
# SQL (bench/generate.sql) in a few minutes: complaints 55 %, information requests 25 %, document orders 20 %, each
# with a plausible history (statuses, answers and ratings, reopenings, refusals and appeals, payments and deliveries,
# due dates and the V13 response facts), its events, and one statistics_backlog row per case, so that the server's
# counting job counts every case on its next start. For the statistics benchmark and any other that needs volume
# (inbox pages at depth...).
#
#   bash bench/generate.sh                      (BAWABA_BENCH_DB=bawaba_bench CASES=1000000 YEARS=3)
#
# Idempotent: drops and recreates the schema (only one whose name starts with bawaba_bench). The schema is made by
# starting the packaged server once against it (Flyway migrates, so flyway_schema_history is the real one), then
# stopping it; a server started on it later must not clean it (QUARKUS_FLYWAY_CLEAN_AT_START=false, the default).
# GEN_SCHEMA=sql applies V1..V13 with the mysql client instead (when the server does not build): Flyway's history is
# then missing, and the server must be started once with QUARKUS_FLYWAY_BASELINE_ON_MIGRATE=true and
# QUARKUS_FLYWAY_BASELINE_VERSION=<last migration> (the script prints the line).
# Knobs: BAWABA_BENCH_DB, CASES, YEARS, BODIES (41: bodies added if the reference data has fewer), GEN_NOW (a fixed
# 'YYYY-MM-DD HH:MM:SS' UTC instead of now, for a reproducible data set), GEN_KEEP=1 (keep the gen_* staging tables),
# BENCH_REBUILD=1 (rebuild the server jar). Talks to 127.0.0.1 only: the local MariaDB (root, empty password) and the
# server it starts.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/target                      # the server's log; ignored by git (target/)
SERVER_JAR=$ROOT/server/target/quarkus-app/quarkus-run.jar
MIGRATIONS=$ROOT/server/src/main/resources/db/migration
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DB_NAME=${BAWABA_BENCH_DB:-bawaba_bench}
CASES=${CASES:-1000000}
YEARS=${YEARS:-3}
BODIES=${BODIES:-41}
SCHEMA_BY=${GEN_SCHEMA:-server}
DB_HOST=127.0.0.1 DB_PORT=3306

SERVER_PID=''
BENCH_NAME=generate
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cleanup() { stop_pid "$SERVER_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
sql() { mysql -h"$DB_HOST" -P"$DB_PORT" -uroot --default-character-set=utf8mb4 "$@"; }

# ---- What the run needs ------------------------------------------------------------------------------------------
[[ $DB_NAME =~ ^bawaba_bench[A-Za-z0-9_]*$ ]] || fail "BAWABA_BENCH_DB=$DB_NAME: only a schema named bawaba_bench* is dropped and made again"
[[ $CASES =~ ^[0-9]+$ ]] && (( CASES >= 100 && CASES <= 20000000 )) || fail "CASES must be a number from 100 to 20000000"
[[ $YEARS =~ ^[0-9]+$ ]] && (( YEARS >= 1 && YEARS <= 10 )) || fail "YEARS must be a number from 1 to 10"
[[ $BODIES =~ ^[0-9]+$ ]] && (( BODIES <= 140 )) || fail "BODIES must be a number up to 140"
[[ -z ${GEN_NOW:-} || ${GEN_NOW} =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9]{2}:[0-9]{2}:[0-9]{2}$ ]] || fail "GEN_NOW must read 'YYYY-MM-DD HH:MM:SS'"
(exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null \
  || fail "no MariaDB answers on $DB_HOST:$DB_PORT (the benchmark uses the local MariaDB, root with an empty password)"
command -v mysql > /dev/null || fail "the mysql client is needed (apt-get install mariadb-client)"
command -v perl > /dev/null || fail "perl is needed (it expands the macros of bench/generate.sql)"
mkdir -p "$OUT"
T0=$(now_ms)

# ---- The schema, by the real migrations ---------------------------------------------------------------------------
say "generate: dropping and creating $DB_NAME"
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci"
if [[ $SCHEMA_BY == server ]]; then
  command -v curl > /dev/null || fail "curl is needed"
  if [[ ! -f $SERVER_JAR || ${BENCH_REBUILD:-0} == 1 ]]; then
    say "generate: building the server"
    (cd "$ROOT" && ./mvnw -q -pl server -am package -DskipTests) \
      || fail "server build failed; GEN_SCHEMA=sql applies the migrations with the mysql client instead"
  elif [[ -n $(find "$MIGRATIONS" -newer "$SERVER_JAR" -type f -print -quit) ]]; then
    say "generate: WARNING the server jar is older than its migrations; BENCH_REBUILD=1 rebuilds it"
  fi
  PORT=$(free_port)
  say "generate: starting the server once on port $PORT so that Flyway migrates $DB_NAME"
  t=$(now_ms)
  env BAWABA_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_NAME" \
    BAWABA_CASE_TOKEN_SECRET=bench-case-token-secret-0123456789abcdef BAWABA_DEMO_ENABLED=false \
    BAWABA_PAYMENTS_CALLBACK_SECRET=bench-payment-callback-secret-0123456789 QUARKUS_HTTP_PORT="$PORT" \
    QUARKUS_FLYWAY_CLEAN_AT_START=false "$JAVA" -Xmx256m -jar "$SERVER_JAR" > "$OUT/generate-server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start-up; see $OUT/generate-server.log"
    (( $(now_ms) - t < 180000 )) || fail "the server was not ready after 180 s; see $OUT/generate-server.log"
    sleep 0.2
  done
  stop_pid "$SERVER_PID"; SERVER_PID=''
  MIGRATED=$(sql -N -B "$DB_NAME" -e "SELECT GROUP_CONCAT(version ORDER BY installed_rank) FROM flyway_schema_history WHERE success")
  say "generate: migrated ($MIGRATED) in $(( ($(now_ms) - t) / 1000 )) s"
elif [[ $SCHEMA_BY == sql ]]; then
  mapfile -t FILES < <(find "$MIGRATIONS" -name 'V*__*.sql' -printf '%f\n' | sort -t_ -k1.2n)
  for f in "${FILES[@]}"; do sql "$DB_NAME" < "$MIGRATIONS/$f" || fail "migration $f failed"; done
  LAST=${FILES[-1]%%__*}
  say "generate: applied ${FILES[*]} with the mysql client; no Flyway history: start the server on $DB_NAME once with"
  say "  QUARKUS_FLYWAY_BASELINE_ON_MIGRATE=true QUARKUS_FLYWAY_BASELINE_VERSION=${LAST#V}"
else
  fail "GEN_SCHEMA must be server or sql"
fi

# ---- The data ----------------------------------------------------------------------------------------------------
say "generate: loading $CASES cases over $YEARS years"
printf '%-30s %12s %9s\n' step rows seconds
t=$(now_ms)
NOW_SQL=NULL
[[ -n ${GEN_NOW:-} ]] && NOW_SQL="CAST('$GEN_NOW' AS DATETIME(6))"
{ echo "SET @cases = $CASES, @years = $YEARS, @bodies = $BODIES, @now = $NOW_SQL;"; perl "$BENCH/generate-macros.pl" < "$BENCH/generate.sql"; } \
  | sql -N -B --unbuffered "$DB_NAME" | awk -F'\t' '{ printf "%-30s %12s %9s\n", $1, $2, $3; fflush() }'
if [[ ${GEN_KEEP:-0} != 1 ]]; then
  sql "$DB_NAME" -e "DROP TABLE gen_weight, gen_slot, gen_day, gen_case, gen_c1, gen_c, gen_i1, gen_i, gen_o1, gen_o"
fi
t=$(now_ms)
sql -N -B "$DB_NAME" -e "ANALYZE TABLE case_file, case_event, complaint, complaint_answer, information_request, information_appeal,
                          document_order, case_message, payment_notification, statistics_backlog" > /dev/null
printf '%-30s %12s %9s\n' "analyze" - "$(( ($(now_ms) - t) / 1000 ))"
LOAD_S=$(( ($(now_ms) - T0) / 1000 ))

# ---- What it made ------------------------------------------------------------------------------------------------
echo
echo "Data set $DB_NAME — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores: $LOAD_S s in all"
sql -t "$DB_NAME" <<'SQL'
SELECT table_name AS `table`, table_rows AS `rows (estimate)`, ROUND((data_length + index_length) / 1048576) AS `MB`
FROM information_schema.tables WHERE table_schema = DATABASE() AND table_rows > 0 ORDER BY data_length DESC;
SELECT service, COUNT(*) AS cases, ROUND(100 * COUNT(*) / (SELECT COUNT(*) FROM case_file), 1) AS `%`,
       COUNT(DISTINCT IFNULL(institution_id, -office_id)) AS bodies, MIN(submitted_at) AS first, MAX(submitted_at) AS last,
       ROUND(100 * AVG(responded_at IS NOT NULL), 1) AS `responded %`, ROUND(100 * AVG(responded_on_time), 1) AS `on time %`,
       ROUND(100 * AVG(NOT final AND due_date < CURRENT_DATE), 1) AS `overdue %`
FROM case_file GROUP BY service;
SELECT service, kind, status, COUNT(*) AS cases, ROUND(100 * COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY service), 1) AS `% of service`
FROM case_file GROUP BY service, kind, status ORDER BY service, kind, cases DESC;
SELECT 'complaints reopened' AS figure, ROUND(100 * AVG(reopen_count > 0), 1) AS `%` FROM complaint c JOIN case_file f ON f.id = c.case_id WHERE f.kind = 'COMPLAINT'
UNION ALL SELECT 'answered complaints rated', ROUND(100 * COUNT(DISTINCT CASE WHEN rating_score IS NOT NULL THEN case_id END) / COUNT(DISTINCT case_id), 1) FROM complaint_answer
UNION ALL SELECT CONCAT('rating score ', rating_score), ROUND(100 * COUNT(*) / (SELECT COUNT(*) FROM complaint_answer WHERE rating_score IS NOT NULL), 1)
          FROM complaint_answer WHERE rating_score IS NOT NULL GROUP BY rating_score
UNION ALL SELECT CONCAT('appeal ', level, ' ', IFNULL(decision, 'pending')), ROUND(100 * COUNT(*) / (SELECT COUNT(*) FROM information_request), 2)
          FROM information_appeal GROUP BY level, decision
UNION ALL SELECT 'information requests transferred', ROUND(100 * COUNT(DISTINCT case_id) / (SELECT COUNT(*) FROM information_request), 1)
          FROM case_event WHERE type = 'TRANSFERRED' AND case_id IN (SELECT case_id FROM information_request);
SELECT service, ROUND(AVG(response_days), 1) AS `mean response days`, MAX(response_days) AS `max` FROM case_file
WHERE responded_at IS NOT NULL GROUP BY service;
SQL
