#!/usr/bin/env bash
# Load test of `parley serve` on loopback: POST /v1/code with the example
# article's paragraphs over keep-alive connections, bounded in requests and
# seconds; reports requests/s, latency, errors, and the server's RSS before
# and after.  Usage: bench/http_bench.sh [BUILD_DIR] [REQUESTS] [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
requests=${2:-20000}
seconds=${3:-20}
connections=${4:-4}
text=../shared/examples/kremlin-witkoff-2025-08-06.txt
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

c++ -std=c++20 -O2 bench/http_bench_client.cpp -o "$work/client" $(pkg-config --cflags --libs cpp-httplib) -pthread

"$build/parley" serve --db "$work/bench.db" --port 0 --threads 2 > "$work/serve.out" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out")
[ -n "$port" ] || { echo "server did not start"; exit 1; }
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server_pid/status"; }

echo "server RSS after start:   $(rss)"
"$work/client" "$port" "$text" "$connections" 2000 10 > /dev/null   # warm-up
echo "server RSS after warm-up: $(rss)"
"$work/client" "$port" "$text" "$connections" "$requests" "$seconds"
echo "server RSS after run:     $(rss)"
"$work/client" "$port" "$text" "$connections" "$requests" "$seconds"
echo "server RSS after 2nd run: $(rss)"
