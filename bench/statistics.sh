#!/usr/bin/env bash
# The statistics benchmark (issue 10 §3): GET /statistics on 1,000,000 cases over three years and 41 bodies.
#
#   bash bench/statistics.sh                   (≈ 10 minutes: the data set, the first count, then the queries)
#
# 1. bench/generate.sh builds the data set (schema bawaba_bench_stats; STATS_SKIP_GENERATE=1 keeps the one there).
# 2. The packaged server starts on it and its counting job counts every case from the backlog the generator filled:
#    the time it takes is printed (a first count of a whole database, which production does once, at V13).
# 3. The served figures are checked against a direct count over the cases (received, responded, on time per service).
# 4. Each filter combination of a list (every filter alone, with each grouping, and mixes of them; JSON and CSV) is
#    asked STATS_SAMPLES times by one client (curl, one connection), cold (each request after a new version of the
#    figures) and warm (asked again): medians and 99th percentiles are printed, then the whole list at random under 8
#    connections with wrk.
# Prints figures, never judges them: not a CI gate. Traffic to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/target
SERVER_JAR=$ROOT/server/target/quarkus-app/quarkus-run.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DB_NAME=${BAWABA_BENCH_DB:-bawaba_bench_stats}
SAMPLES=${STATS_SAMPLES:-101}
read -r -a JAVA_OPTS <<< "${BENCH_JAVA_OPTS:--Xms64m -Xmx256m}"
MYSQL=(mysql -h127.0.0.1 -P3306 -uroot -N -B "$DB_NAME")

SERVER_PID=''
BENCH_NAME=statistics
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'stop_pid "$SERVER_PID"' EXIT
trap 'exit 130' INT TERM

command -v wrk > /dev/null || { say "statistics: installing wrk"; apt-get install -y -q wrk > /dev/null; }
mkdir -p "$OUT"
[[ -f $SERVER_JAR ]] || (cd "$ROOT" && ./mvnw -q -pl server -am package -DskipTests)

if [[ ${STATS_SKIP_GENERATE:-0} != 1 ]]; then
  BAWABA_BENCH_DB=$DB_NAME bash "$BENCH/generate.sh"
fi

# ---- 2. the first count ---------------------------------------------------------------------------------------------
PORT=$(free_port)
BACKLOG=$("${MYSQL[@]}" -e "SELECT COUNT(*) FROM statistics_backlog")
t0=$(now_ms)
env QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 BAWABA_DEMO_ENABLED=false \
    BAWABA_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB_NAME" BAWABA_CASE_TOKEN_SECRET=bench-statistics-case-token-secret-0123 \
    BAWABA_PAYMENTS_CALLBACK_SECRET=bench-statistics-payment-secret-0123456789 \
    BAWABA_STATISTICS_COUNT_EVERY=1s BAWABA_STATISTICS_COUNT_BATCH_SIZE="${STATS_BATCH:-2000}" \
    "$JAVA" "${JAVA_OPTS[@]}" -jar "$SERVER_JAR" > "$OUT/statistics-server.log" 2>&1 &
SERVER_PID=$!
until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start-up; see $OUT/statistics-server.log"
  sleep 0.2
done
say "statistics: server ready; counting $BACKLOG backlog events"
while :; do
  left=$("${MYSQL[@]}" -e "SELECT COUNT(*) FROM statistics_backlog")
  [[ $left == 0 ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited while counting; see $OUT/statistics-server.log"
  sleep 2
done
COUNT_MS=$(( $(now_ms) - t0 ))
API="http://127.0.0.1:$PORT/api/v1"

# ---- 3. the figures against a direct count --------------------------------------------------------------------------
# the cells are read into memory by the first request after the start: start-up, not a query
FIRST_REQUEST=$(curl -s -o /dev/null -w '%{time_total}' "$API/statistics?groupBy=SERVICE")
served=$(curl -s "$API/statistics?groupBy=SERVICE" -H 'Accept: text/csv' | tail -n +2 | tr -d '\r' | cut -d, -f1,9,10,11 | sort)
direct=$("${MYSQL[@]}" -e "SELECT service, COUNT(*), SUM(responded_at IS NOT NULL),
                                  SUM(responded_at IS NOT NULL AND responded_on_time = TRUE)
                           FROM case_file GROUP BY service ORDER BY service" | tr '\t' ',')
CHECK=$([[ "$served" == "$direct" ]] && echo "equal" || echo "DIFFERENT")

# ---- 4. the queries -------------------------------------------------------------------------------------------------
read -r INSTITUTION < <("${MYSQL[@]}" -e "SELECT institution_id FROM case_file WHERE institution_id IS NOT NULL
                                            GROUP BY institution_id ORDER BY COUNT(*) DESC LIMIT 1")
read -r OFFICE < <("${MYSQL[@]}" -e "SELECT office_id FROM case_file WHERE office_id IS NOT NULL
                                       GROUP BY office_id ORDER BY COUNT(*) DESC LIMIT 1")
read -r REGION < <("${MYSQL[@]}" -e "SELECT region_id FROM institution WHERE region_id IS NOT NULL LIMIT 1")
LAST=$(date -u +%Y-%m)
YEAR_AGO=$(date -u -d '11 months ago' +%Y-%m)
FIRST=$(date -u -d '35 months ago' +%Y-%m)
PATHS=$OUT/statistics-paths.txt
{
  for group in MONTH BODY REGION KIND CATEGORY SERVICE; do
    echo "/api/v1/statistics?groupBy=$group"
    for service in COMPLAINTS INFORMATION_REQUESTS DOCUMENT_ORDERS; do
      echo "/api/v1/statistics?service=$service&groupBy=$group"
    done
    echo "/api/v1/statistics?institutionId=$INSTITUTION&groupBy=$group"
    echo "/api/v1/statistics?regionId=$REGION&groupBy=$group"
    echo "/api/v1/statistics?from=$YEAR_AGO&to=$LAST&groupBy=$group"
  done
  echo "/api/v1/statistics?service=COMPLAINTS&kind=COMPLAINT&categoryId=1&groupBy=MONTH"
  echo "/api/v1/statistics?service=COMPLAINTS&institutionId=$INSTITUTION&kind=COMPLAINT&from=$YEAR_AGO&to=$LAST&groupBy=CATEGORY"
  echo "/api/v1/statistics?service=INFORMATION_REQUESTS&regionId=$REGION&kind=URGENT&groupBy=BODY"
  echo "/api/v1/statistics?service=DOCUMENT_ORDERS&officeId=$OFFICE&groupBy=MONTH"
  echo "/api/v1/statistics?service=DOCUMENT_ORDERS&kind=BIRTH_FULL_COPY&from=$FIRST&to=$LAST&groupBy=REGION"
  echo "/api/v1/statistics?from=$LAST&to=$LAST&groupBy=BODY"
  echo "/api/v1/statistics?groupBy=BODY&groupBy=MONTH"
  echo "/api/v1/statistics?service=COMPLAINTS&groupBy=BODY&groupBy=CATEGORY"
  echo "/api/v1/statistics?institutionId=$INSTITUTION&groupBy=KIND&groupBy=MONTH"
  echo "/api/v1/statistics/ranking?service=COMPLAINTS"
  echo "/api/v1/statistics/ranking?service=INFORMATION_REQUESTS&from=$YEAR_AGO&to=$LAST"
  echo "/api/v1/statistics/ranking?service=DOCUMENT_ORDERS"
} > "$PATHS"

REPORT=$OUT/statistics-report.txt
{
  echo "Bawaba statistics benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); JVM options: ${JAVA_OPTS[*]}"
  echo "data set: $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_file") cases, $("${MYSQL[@]}" -e "SELECT COUNT(DISTINCT institution_id) FROM case_file") institutions, $("${MYSQL[@]}" -e "SELECT COUNT(DISTINCT office_id) FROM case_file") offices, from $("${MYSQL[@]}" -e "SELECT DATE(MIN(submitted_at)) FROM case_file") to $("${MYSQL[@]}" -e "SELECT DATE(MAX(submitted_at)) FROM case_file")"
  echo "statistics_cell: $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM statistics_cell") rows; case_statistics: $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_statistics") rows, of which overdue now: $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_statistics WHERE overdue_from <= UTC_DATE()")"
  echo "first count of the whole backlog ($BACKLOG events, batches of ${STATS_BATCH:-2000}, from the server's start): $COUNT_MS ms"
  echo "first request after the start, which reads every cell into memory: $FIRST_REQUEST s"
  echo "served figures (received, responded, on time per service) against a direct count over case_file: $CHECK"
  echo
  echo "After a warm-up pass, each combination is asked $SAMPLES times by one client (curl, one connection; JSON unless"
  echo "marked), twice over:"
  echo "  cold: each request right after a new version of the figures (the version is moved on in the database before it,"
  echo "        as a batch of the counting job does), so the server brings its cells up to date and computes the answer;"
  echo "  warm: the same answer asked again, as between two batches (served from the answers kept by version)."
  printf '%-100s %8s %8s %8s   %8s %8s %8s\n' "query" "cold p50" "p99" "max" "warm p50" "p99" "max"
} > "$REPORT"

# the latencies of one curl per line ("<status> <seconds>"): p50, p99, max in ms, and the count of non-200
summarise() {
  awk '$1 != 200 { bad++ } { t[NR] = $2 * 1000 }
       END { n = asort(t); printf "%8.1f %8.1f %8.1f %s", t[int((n + 1) / 2)], t[int(n * 0.99 + 0.999)], t[n], (bad ? bad : 0) }'
}
measure() {
  local path=$1 accept=$2 label=$3 urls=() cold warm
  cold=$(for _ in $(seq 1 "$SAMPLES"); do
    "${MYSQL[@]}" -e "UPDATE statistics_progress SET version = version + 1 WHERE name = 'statistics'"
    curl -s -o /dev/null -H "Accept: $accept" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT$path"
  done | summarise)
  # one -o per URL: curl writes each answer to the output named for it, else to stdout
  for _ in $(seq 1 "$SAMPLES"); do urls+=(-o /dev/null "http://127.0.0.1:$PORT$path"); done
  warm=$(curl -s -H "Accept: $accept" -w '%{http_code} %{time_total}\n' "${urls[@]}" | summarise)
  read -r c50 c99 cmax cbad <<< "$cold"
  read -r w50 w99 wmax wbad <<< "$warm"
  printf '%-100s %8s %8s %8s   %8s %8s %8s%s\n' "$label" "$c50" "$c99" "$cmax" "$w50" "$w99" "$wmax" \
    "$( (( cbad + wbad > 0 )) && echo "  NON-200: $((cbad + wbad))")"
}
# a warm-up pass, each combination once after a new version: the server's compiler settles on its code paths
while read -r path; do
  "${MYSQL[@]}" -e "UPDATE statistics_progress SET version = version + 1 WHERE name = 'statistics'"
  curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
done < "$PATHS"
while read -r path; do
  measure "$path" application/json "${path#/api/v1}" >> "$REPORT"
done < "$PATHS"
measure "/api/v1/statistics?groupBy=BODY" text/csv "/statistics?groupBy=BODY (CSV)" >> "$REPORT"

STATS_PATHS=$PATHS wrk -t2 -c8 -d10s --timeout 10s -s "$BENCH/statistics.lua" "http://127.0.0.1:$PORT" > /dev/null
STATS_PATHS=$PATHS wrk -t2 -c8 -d20s --latency --timeout 10s -s "$BENCH/statistics.lua" "http://127.0.0.1:$PORT" > "$OUT/wrk-statistics.txt"
{
  echo
  echo "every combination above at random, 8 connections, 20 s after a 10 s warm-up (wrk):"
  grep '^RESULT ' "$OUT/wrk-statistics.txt" | sed 's/^RESULT /  /'
  echo "server log: $(grep -c ' ERROR ' "$OUT/statistics-server.log" || true) ERROR lines ($OUT/statistics-server.log)"
} >> "$REPORT"
cat "$REPORT"
