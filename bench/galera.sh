#!/usr/bin/env bash
# Tries the concurrency fixes on a MariaDB Galera cluster: three nodes on loopback (their own ports and data folders
# under bench/target/galera, run as the mysql user, rsync state transfer), two Bawaba instances writing to different
# nodes, keyed submissions driven at both at once with wrk, then pairs of twins (one Idempotency-Key sent to both
# instances at the same moment). Prints the non-2xx answers, the errors the instances logged, and whether every
# key made exactly one complaint. Bounded in time; stops everything it started. Never a CI gate.
#
#   bash bench/galera.sh            (BENCH_DURATION=20 BENCH_CONNECTIONS=32 TWINS=100 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD BENCH=$PWD/bench OUT=$PWD/bench/target/galera
DURATION=${BENCH_DURATION:-20} CONNECTIONS=${BENCH_CONNECTIONS:-32} TWINS=${TWINS:-100}
ADMIN_KEY=bwb_galeraad_GaleraBenchAdministratorKey0123
say() { printf '%s\n' "$*" >&2; }
fail() { say "galera: $*"; exit 1; }

for pkg in galera-4 rsync wrk mariadb-server; do
  dpkg -s "$pkg" >/dev/null 2>&1 || { say "galera: installing $pkg"; apt-get install -y -qq "$pkg" >/dev/null; }
done
JAR=$ROOT/server/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -q -pl server -am package -DskipTests

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

rm -rf "$OUT"; mkdir -p "$OUT"; chown mysql:mysql "$OUT"
# Node n: SQL port 4400+n, group communication 4560+10n, IST +1, SST (rsync) 4440+n.
start_node() {
  local n=$1 peers=$2 dir=$OUT/node$1
  mkdir -p "$dir"; chown mysql:mysql "$dir"
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db > "$dir/install.log" 2>&1
  local extra=()
  [ -z "$peers" ] && extra+=(--wsrep-new-cluster)
  mariadbd --no-defaults --user=mysql --datadir="$dir/data" --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" \
    --port=$((4400 + n)) --bind-address=127.0.0.1 --skip-name-resolve --log-error="$dir/error.log" \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 --innodb-buffer-pool-size=128M \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=bawaba-bench \
    --wsrep-cluster-address="gcomm://$peers" --wsrep-node-address="127.0.0.1:$((4560 + 10 * n))" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((4560 + 10 * n));ist.recv_addr=127.0.0.1:$((4561 + 10 * n))" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((4440 + n))" "${extra[@]}" &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    [ "$(mariadb -h127.0.0.1 -P$((4400 + n)) -uroot -N -e "SHOW STATUS LIKE 'wsrep_ready'" 2>/dev/null | cut -f2)" = ON ] && return
    sleep 1
  done
  fail "node $n not ready; see $dir/error.log"
}
say "galera: starting three nodes"
start_node 1 ""
start_node 2 "127.0.0.1:4570"
start_node 3 "127.0.0.1:4570,127.0.0.1:4580"
mariadb -h127.0.0.1 -P4401 -uroot -e "CREATE DATABASE bawaba CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci" 2>/dev/null \
  || mariadb -h127.0.0.1 -P4401 -uroot -e "CREATE DATABASE bawaba CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
say "galera: cluster size $(mariadb -h127.0.0.1 -P4401 -uroot -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"

# Two instances, each on its own node (no createDatabaseIfNotExist: on Galera every connection would replicate a
# CREATE DATABASE). The first migrates the schema before the second starts.
start_instance() {
  local n=$1 port=$2
  env BAWABA_DB_URL="jdbc:mariadb://127.0.0.1:$((4400 + n))/bawaba" BAWABA_DEMO_ENABLED=false \
      BAWABA_BOOTSTRAP_ADMIN_KEY=$ADMIN_KEY BAWABA_CASE_TOKEN_SECRET=galera-bench-case-token-secret-0123456789 \
      BAWABA_SUBMISSIONS_PER_ADDRESS=1000000000 QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
      java -jar "$JAR" > "$OUT/instance$n.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return; sleep 1; done
  fail "instance on node $n not ready; see $OUT/instance$n.log"
}
say "galera: starting Bawaba on node 1 (port 18181) and node 2 (port 18182)"
start_instance 1 18181
start_instance 2 18182

say "galera: $CONNECTIONS connections to each instance for ${DURATION}s, every submission with its own key"
BENCH_RUN="ga${RANDOM}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH/submit.lua" http://127.0.0.1:18181 > "$OUT/wrk-1.txt" &
W1=$!
BENCH_RUN="gb${RANDOM}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH/submit.lua" http://127.0.0.1:18182 > "$OUT/wrk-2.txt"
wait "$W1"

say "galera: $TWINS pairs of twins, one key sent to both instances at the same moment"
BODY='{"institutionId":2,"kind":"COMPLAINT","categoryId":1,"subject":"Pension","content":"Aucune réponse depuis mai.",
"requester":{"firstName":"Amina","lastName":"Benali","idDocumentType":"CIN","idDocumentNumber":"TWIN%s","email":"twin%s@bench.example.ma"}}'
twin_failures=0 twin_doubles=0
for i in $(seq 1 "$TWINS"); do
  key="twin-$RANDOM$RANDOM-$i" body=$(printf "$BODY" "$i" "$i")
  curl -s -m 30 -o "$OUT/twin-a.json" -w '%{http_code}' -X POST http://127.0.0.1:18181/api/v1/complaints -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" -d "$body" > "$OUT/twin-a.code" &
  twin=$!
  curl -s -m 30 -o "$OUT/twin-b.json" -w '%{http_code}' -X POST http://127.0.0.1:18182/api/v1/complaints -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" -d "$body" > "$OUT/twin-b.code" || true
  # Only this twin: a bare `wait` would also wait for the nodes and the instances, which never end.
  wait "$twin" || true
  [ "$(cat "$OUT/twin-a.code")" = 201 ] && [ "$(cat "$OUT/twin-b.code")" = 201 ] || twin_failures=$((twin_failures + 1))
  a=$(grep -o '"number":"[^"]*"' "$OUT/twin-a.json" | head -1) b=$(grep -o '"number":"[^"]*"' "$OUT/twin-b.json" | head -1)
  [ "$a" = "$b" ] || twin_doubles=$((twin_doubles + 1))
done
stored_twins=$(mariadb -h127.0.0.1 -P4403 -uroot -N bawaba -e "SELECT COUNT(*) FROM case_file WHERE requester_email LIKE 'twin%'")

echo
echo "Galera: 3 nodes on loopback, 2 Bawaba instances on nodes 1 and 2; wrk -t2 -c$CONNECTIONS -d${DURATION}s each"
for n in 1 2; do
  line=$(grep '^RESULT ' "$OUT/wrk-$n.txt" || echo "RESULT (none)")
  echo "instance $n: ${line#RESULT }"
done
echo "twins: $TWINS pairs; pairs with a non-201: $twin_failures; pairs answered with two numbers: $twin_doubles; complaints stored: $stored_twins (expected $TWINS)"
for n in 1 2; do
  echo "instance $n log: $(grep -cE ' (ERROR|WARN) ' "$OUT/instance$n.log" || true) ERROR/WARN lines"
  grep -E ' (ERROR|WARN) ' "$OUT/instance$n.log" | head -3 | cut -c1-220 || true
done
echo "certification conflicts seen by the nodes (retried): $(mariadb -h127.0.0.1 -P4401 -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_cert_failures'" | cut -f2) / $(mariadb -h127.0.0.1 -P4402 -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_cert_failures'" | cut -f2)"
