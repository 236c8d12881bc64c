#!/usr/bin/env bash
# Throughput of the spec's hello-world plugin under pluginhost's example server
# and under the Node + Express 4 reference host, measured in one run with one
# load generator, alternating targets so drift (thermal, noisy neighbours) hits
# both alike. See bench/README.md for how to read the output.
#
# Environment: ROUNDS (2), DURATION (10s; a bare number means seconds),
# CONNS (32), WARMUP (2s), OURS_PORT (18080), NODE_PORT (18081),
# SERVER_GOMAXPROCS (unset: Go's default, all cores), PIN (0; 1 = servers on
# CPU 0, load generator on CPU 1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
WARMUP=${WARMUP:-2s}
OURS_PORT=${OURS_PORT:-18080}
NODE_PORT=${NODE_PORT:-18081}
SERVER_GOMAXPROCS=${SERVER_GOMAXPROCS:-}
PIN=${PIN:-0}
if [[ $DURATION =~ ^[0-9]+$ ]]; then DURATION=${DURATION}s; fi

PLUGINS=examples/plugins
ROUTE=/api/plugins/hello-world/hello
OUT=bench/out
mkdir -p "$OUT"

# npm's hidden lockfile in node_modules is older than (or missing next to) the
# committed lock whenever the install is stale.
if [[ conformance/host/package-lock.json -nt conformance/host/node_modules/.package-lock.json ]]; then
    npm ci --prefix conformance/host --no-audit --no-fund
fi
go build -o "$OUT/server" ./examples/server
go build -o "$OUT/loadgen" ./bench/loadgen

server_prefix=() load_prefix=()
if [[ $PIN == 1 ]]; then
    server_prefix=(taskset -c 0)
    load_prefix=(taskset -c 1)
fi
ours_env=()
if [[ -n $SERVER_GOMAXPROCS ]]; then ours_env=("GOMAXPROCS=$SERVER_GOMAXPROCS"); fi

pids=()
cleanup() {
    ((${#pids[@]})) || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    # Give the exit() hooks a moment, then make sure nothing outlives the script.
    (sleep 5 && kill -KILL "${pids[@]}" 2>/dev/null) &
    local watchdog=$!
    wait "${pids[@]}" 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start NAME CMD... runs CMD in the background with its output in $OUT/NAME.log.
start() {
    local name=$1
    shift
    "$@" >"$OUT/$name.log" 2>&1 &
    pids+=($!)
}

# wait_listening NAME PID prints the base URL from the server's "listening on"
# line, or fails with its log if it exits or stays silent for 30 s.
wait_listening() {
    local name=$1 pid=$2 line
    for _ in $(seq 300); do
        if line=$(grep -m1 -o 'listening on http://[^[:space:]]*' "$OUT/$name.log"); then
            echo "${line#listening on }"
            return
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "$name exited before listening; $OUT/$name.log:" >&2
            cat "$OUT/$name.log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "$name printed no 'listening on' line in 30 s; $OUT/$name.log:" >&2
    cat "$OUT/$name.log" >&2
    return 1
}

start pluginhost env "${ours_env[@]}" "${server_prefix[@]}" "$OUT/server" \
    -config examples/config.yaml -plugins "$PLUGINS" -addr "127.0.0.1:$OURS_PORT"
start node env NODE_ENV=production "${server_prefix[@]}" node conformance/host/server.mjs \
    --plugins "$PLUGINS" --port "$NODE_PORT"

declare -A url
url[pluginhost]=$(wait_listening pluginhost "${pids[0]}")$ROUTE
url[node]=$(wait_listening node "${pids[1]}")$ROUTE

load() {
    "${load_prefix[@]}" "$OUT/loadgen" -url "$1" -c "$CONNS" "${@:2}"
}

# A target that answers errors would "win" the benchmark: check both first.
for target in pluginhost node; do
    check=$(load "${url[$target]}" -d 500ms -warmup 0s)
    if [[ ! $check =~ errors=0\ non2xx=0 || $check =~ requests=0$ ]]; then
        echo "$target fails GET ${url[$target]}: $check (log: $OUT/$target.log)" >&2
        exit 1
    fi
done

echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null || echo no-git)," \
    "$(nproc) CPUs, $(go version | cut -d' ' -f3), node $(node --version)"
echo "# GET $ROUTE: $ROUNDS rounds x $DURATION (+$WARMUP warm-up), $CONNS connections," \
    "server GOMAXPROCS=${SERVER_GOMAXPROCS:-default}, PIN=$PIN"

results=()
for ((round = 1; round <= ROUNDS; round++)); do
    for target in pluginhost node; do
        line=$(load "${url[$target]}" -d "$DURATION" -warmup "$WARMUP")
        echo "# round $round $target: $line"
        results+=("$target $round $line")
    done
done

printf '%s\n' "${results[@]}" | awk '
BEGIN {
    printf "%-10s %5s %10s %8s %8s %7s %7s\n", "target", "round", "rps", "p50_ms", "p99_ms", "errors", "non2xx"
}
{
    for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-10s %5s %10.0f %8.3f %8.3f %7d %7d\n", $1, $2, v["rps"], v["p50_ms"], v["p99_ms"], v["errors"], v["non2xx"]
    n[$1]++; rps[$1] += v["rps"]; p50[$1] += v["p50_ms"]; p99[$1] += v["p99_ms"]
    bad += v["errors"] + v["non2xx"]
}
END {
    split("pluginhost node", order)
    for (i = 1; i <= 2; i++) {
        t = order[i]
        printf "%-10s %5s %10.0f %8.3f %8.3f\n", t, "mean", rps[t] / n[t], p50[t] / n[t], p99[t] / n[t]
    }
    printf "ratio (pluginhost/node) = %.2f\n", (rps["pluginhost"] / n["pluginhost"]) / (rps["node"] / n["node"])
    if (bad) print "WARNING: some requests failed; rps counts 2xx responses only"
}'
