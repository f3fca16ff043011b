#!/usr/bin/env bash
# The inbox benchmark (issue 11): the unified inbox, its change feed and its export on the 1,000,000-case data set.
#
#   bash bench/inbox.sh                       (≈ 15 minutes with the data set; INBOX_SKIP_GENERATE=1 keeps the one there,
#                                              INBOX_SKIP_BACKFILL=1 the feed already placed by a previous run)
#
# 1. bench/generate.sh builds the data set (schema bawaba_bench_inbox). The generator writes the case events after the
#    migrations ran, so they are placed in the feed here by the backfill statements of V18 (what the migration does to
#    an existing database), timed.
# 2. The packaged server starts on it. The statistics backlog is emptied first: counting a million cases is the
#    statistics benchmark's business and would share the CPU with this one.
# 3. GET /inbox for the body with the most cases: page 1, and page 10,000 reached by following every cursor before it
#    (one keep-alive connection), each asked INBOX_SAMPLES times in a row (median and 99th percentile), then both asked
#    alternately INBOX_ROUNDS times (500) so that the machine's load falls on both alike: the ratio of their medians. When the body has
#    fewer than 200,000 cases, page 10,000 is read at the largest limit that still has 10,000 pages, and page 1 at the
#    same limit; the last page at limit 20 is measured too. Some filters are timed at page 1 as well.
# 4. GET /inbox/events for that body: from the beginning and from a position deep in its feed (limit 100).
# 5. GET /inbox/export of 100,000 cases (CSV, then NDJSON) by the caller that has at least that many (the postal
#    operator, whose inbox is every order handed to the post, or the biggest body), with the server's heap in use
#    before, at most during (sampled with jcmd GC.heap_info every 200 ms) and after.
# Prints figures, never judges them: not a CI gate. Traffic to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/target
SERVER_JAR=$ROOT/server/target/quarkus-app/quarkus-run.jar
MIGRATION=$ROOT/server/src/main/resources/db/migration/V18__inbox_indexes_and_change_feed.sql
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DB_NAME=${BAWABA_BENCH_DB:-bawaba_bench_inbox}
SAMPLES=${INBOX_SAMPLES:-51}
read -r -a JAVA_OPTS <<< "${BENCH_JAVA_OPTS:--Xms64m -Xmx256m}"
MYSQL=(mysql -h127.0.0.1 -P3306 -uroot -N -B "$DB_NAME")
ADMIN_KEY=bwb_benchadm_InboxBenchmarkBootstrapAdminKey012

SERVER_PID=''
BENCH_NAME=inbox
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'stop_pid "$SERVER_PID"' EXIT
trap 'exit 130' INT TERM

command -v python3 > /dev/null || fail "python3 is needed (it follows 10,000 cursors over one connection)"
command -v jcmd > /dev/null || fail "jcmd (from the JDK) is needed to read the server's heap"
mkdir -p "$OUT"
[[ -f $SERVER_JAR ]] || (cd "$ROOT" && ./mvnw -q -pl server -am package -DskipTests)

if [[ ${INBOX_SKIP_GENERATE:-0} != 1 ]]; then
  BAWABA_BENCH_DB=$DB_NAME bash "$BENCH/generate.sh"
fi

# ---- 1. the feed of the generated events ------------------------------------------------------------------------------
if [[ ${INBOX_SKIP_BACKFILL:-0} != 1 ]]; then
  say "inbox: placing the generated events in the feed (V18's backfill)"
  t0=$(now_ms)
  {
    echo "DELETE FROM inbox_feed; DELETE FROM inbox_feed_backlog; DELETE FROM inbox_feed_sequencer;"
    sed -n '/^-- feed backfill begin/,/^-- feed backfill end/p' "$MIGRATION"
  } | "${MYSQL[@]}"
  BACKFILL_MS="$(( $(now_ms) - t0 )) ms"
else
  BACKFILL_MS="not run again (INBOX_SKIP_BACKFILL=1)"
fi
"${MYSQL[@]}" -e "TRUNCATE statistics_backlog"

# ---- 2. the server ----------------------------------------------------------------------------------------------------
PORT=$(free_port)
env QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 BAWABA_DEMO_ENABLED=false BAWABA_BOOTSTRAP_ADMIN_KEY=$ADMIN_KEY \
    BAWABA_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB_NAME" BAWABA_CASE_TOKEN_SECRET=bench-inbox-case-token-secret-0123456 \
    BAWABA_PAYMENTS_CALLBACK_SECRET=bench-inbox-payment-secret-0123456789 \
    "$JAVA" "${JAVA_OPTS[@]}" -jar "$SERVER_JAR" > "$OUT/inbox-server.log" 2>&1 &
SERVER_PID=$!
until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start-up; see $OUT/inbox-server.log"
  sleep 0.2
done
API="http://127.0.0.1:$PORT/api/v1"
issue_key() {
  curl -sf -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' -d "$1" "$API/admin/api-keys" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'
}
read -r INSTITUTION CASES < <("${MYSQL[@]}" -e "SELECT institution_id, COUNT(*) FROM case_file WHERE institution_id IS NOT NULL
                                                 GROUP BY institution_id ORDER BY COUNT(*) DESC LIMIT 1")
AGENT=$(issue_key "{\"name\":\"bench\",\"role\":\"AGENT\",\"institutionId\":$INSTITUTION}")
POST=$(issue_key '{"name":"bench","role":"POSTAL_OPERATOR"}')
HANDED=$("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_file WHERE handed_to_post")

REPORT=$OUT/inbox-report.txt
{
  echo "Bawaba inbox benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); JVM options: ${JAVA_OPTS[*]}"
  echo "data set: $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_file") cases, $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_event") events;" \
       "the biggest body (institution $INSTITUTION) has $CASES cases; $HANDED orders were handed to the post"
  echo "feed backfill of every generated event (V18's statements on this data set): $BACKFILL_MS," \
       "$("${MYSQL[@]}" -e "SELECT COUNT(*) FROM inbox_feed") feed rows"
  echo
  printf '%-100s %8s %8s %8s\n' "request ($SAMPLES in a row, one connection)" "p50 ms" "p99 ms" "max ms"
} > "$REPORT"

measure() {
  local label=$1 key=$2 url=$3 urls=()
  for _ in $(seq 1 "$SAMPLES"); do urls+=(-o /dev/null "$url"); done
  curl -s -H "X-Api-Key: $key" -w '%{http_code} %{time_total}\n' "${urls[@]}" \
    | awk -v label="$label" '
        $1 != 200 { bad++ } { t[NR] = $2 * 1000 }
        END {
          n = asort(t)
          printf "%-100s %8.1f %8.1f %8.1f%s\n", label, t[int((n + 1) / 2)], t[int(n * 0.99 + 0.999)], t[n], (bad ? "  NON-200: " bad : "")
        }'
}

# ---- 3. inbox pages -----------------------------------------------------------------------------------------------------
LIMIT=20
(( CASES >= 200000 )) || LIMIT=$(( CASES / 10000 ))
(( LIMIT >= 1 )) || fail "the biggest body has fewer than 10,000 cases: no page 10,000"
say "inbox: following 10,000 cursors at limit $LIMIT"
t0=$(now_ms)
DEEP=$(python3 "$BENCH/inbox-follow.py" "$PORT" "$AGENT" 10000 "$LIMIT" 2> "$OUT/inbox-follow.txt")
FOLLOW_MS=$(( $(now_ms) - t0 ))
measure "/inbox?limit=$LIMIT  page 1" "$AGENT" "$API/inbox?limit=$LIMIT" >> "$REPORT"
measure "/inbox?limit=$LIMIT  page 10,000 (its cursor reached by following the 9,999 before)" "$AGENT" \
  "$API/inbox?limit=$LIMIT&cursor=$DEEP" >> "$REPORT"
ALTERNATE=$(python3 "$BENCH/inbox-alternate.py" "$PORT" "$AGENT" "$LIMIT" "$DEEP" "${INBOX_ROUNDS:-500}")
read -r _ FIRST_P50 FIRST_P90 <<< "$(grep '^first' <<< "$ALTERNATE")"
read -r _ DEEP_P50 DEEP_P90 <<< "$(grep '^deep' <<< "$ALTERNATE")"
echo "page 1 and page 10,000 at limit $LIMIT asked alternately, ${INBOX_ROUNDS:-500} times each (one keep-alive connection): page 1 p50 $FIRST_P50 ms p90 $FIRST_P90 ms; page 10,000 p50 $DEEP_P50 ms p90 $DEEP_P90 ms; ratio of medians $(awk -v a="$DEEP_P50" -v b="$FIRST_P50" 'BEGIN { printf "%.2f", a / b }')" >> "$REPORT"
if (( LIMIT != 20 )); then
  LAST20=$(python3 "$BENCH/inbox-follow.py" "$PORT" "$AGENT" $(( (CASES - 1) / 20 + 1 )) 20 2> /dev/null)
  measure "/inbox?limit=20  page 1" "$AGENT" "$API/inbox?limit=20" >> "$REPORT"
  measure "/inbox?limit=20  last page, $(( (CASES - 1) / 20 + 1 )) (reached by following every cursor)" "$AGENT" \
    "$API/inbox?limit=20&cursor=$LAST20" >> "$REPORT"
fi
for filter in "status=RECEIVED" "service=INFORMATION_REQUESTS" "kind=URGENT" "overdue=true" "overdue=false" "categoryId=2" \
              "dueBefore=$(date -u +%Y-%m-%d)" "updatedSince=$(date -u -d '30 days ago' +%Y-%m-%dT00:00:00Z)" "q=pension" \
              "service=COMPLAINTS&status=ANSWERED&kind=COMPLAINT"; do
  measure "/inbox?$filter  page 1" "$AGENT" "$API/inbox?$filter" >> "$REPORT"
done
measure "/inbox (postal operator, $HANDED orders)  page 1" "$POST" "$API/inbox" >> "$REPORT"
echo "following the 10,000 cursors one after the other took $FOLLOW_MS ms; per page on the way:" \
     "$(tr '\n' ';' < "$OUT/inbox-follow.txt" | sed 's/;$//; s/;/; /g') (ms)" >> "$REPORT"

# ---- 4. the feed -------------------------------------------------------------------------------------------------------
FEED=$("${MYSQL[@]}" -e "SELECT COUNT(*) FROM inbox_feed WHERE audience = 'INSTITUTION' AND tenant_id = $INSTITUTION")
MIDDLE=$("${MYSQL[@]}" -e "SELECT position FROM inbox_feed WHERE audience = 'INSTITUTION' AND tenant_id = $INSTITUTION
                           ORDER BY position LIMIT 1 OFFSET $(( FEED * 9 / 10 ))")
measure "/inbox/events?after=0&limit=100  (a feed of $FEED events)" "$AGENT" "$API/inbox/events?after=0&limit=100" >> "$REPORT"
measure "/inbox/events?after=$MIDDLE&limit=100  (90 % into it)" "$AGENT" "$API/inbox/events?after=$MIDDLE&limit=100" >> "$REPORT"

# ---- 5. the export -----------------------------------------------------------------------------------------------------
# The heap in use in MB: G1's one "total ..., used ...K" line, or the sum of the generations' of another collector.
heap_used() {
  jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/total/ && !/Metaspace|class space/ {
      for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } }
    END { print int(sum / 1024) }'
}
if (( HANDED >= 100000 )); then EXPORTER=$POST; WHO="the postal operator"; FILTER=""; else EXPORTER=$AGENT; WHO="institution $INSTITUTION"; FILTER=""; fi
for format in text/csv application/x-ndjson; do
  jcmd "$SERVER_PID" GC.run > /dev/null
  before=$(heap_used)
  echo "$before" > "$OUT/inbox-heap-max"
  ( max=$before; while kill -0 "$SERVER_PID" 2>/dev/null; do
      u=$(heap_used); if (( u > max )); then max=$u; echo "$max" > "$OUT/inbox-heap-max"; fi; sleep 0.2; done ) &
  sampler=$!
  t0=$(now_ms)
  # The first 100,000 cases (CSV: and its header line), then the connection is closed: the server stops at its next write.
  wanted=100000; [[ $format == text/csv ]] && wanted=100001
  curl -s -N -H "X-Api-Key: $EXPORTER" -H "Accept: $format" "$API/inbox/export$FILTER" | head -n "$wanted" > "$OUT/inbox-export.out" || true
  ms=$(( $(now_ms) - t0 ))
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  after=$(heap_used)
  lines=$(wc -l < "$OUT/inbox-export.out"); bytes=$(wc -c < "$OUT/inbox-export.out")
  echo "export by $WHO as $format: $lines lines, $bytes bytes in $ms ms; heap used (MB) before $before, at most $(cat "$OUT/inbox-heap-max") during (sampled every 200 ms), after $after (heap max ${JAVA_OPTS[*]})" >> "$REPORT"
done
echo "server log: $(grep -c ' ERROR ' "$OUT/inbox-server.log" || true) ERROR lines ($OUT/inbox-server.log)" >> "$REPORT"
cat "$REPORT"
