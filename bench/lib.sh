# Shell helpers the benchmark scripts share (sourced; each script sets BENCH_NAME first, the prefix of its messages).

say() { printf '%s\n' "$*" >&2; }
fail() { say "${BENCH_NAME:-bench}: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Stop what a script started, whatever happened (failure, Ctrl-C): TERM, then KILL after 20 s.
stop_pid() {
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# A port nothing listens on (bash's /dev/tcp: no extra tool needed).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free port found"
}
