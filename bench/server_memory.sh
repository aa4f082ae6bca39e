#!/usr/bin/env bash
# Resident memory of `parley serve --threads 2` after a load on /v1/events
# (issue 12, point 5: the server settled at ~500 MB on a 46 MB store).  Makes
# a store of N events (bench/events_store.sh; PARLEY_BENCH_DB keeps it), runs
# C keep-alive connections of listing requests for T seconds, and prints the
# server's VmRSS (now) and VmHWM (peak) from /proc.
#   bench/server_memory.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/events_store.sh
build=${1:-build}
seconds=${2:-15}
connections=${3:-16}
events=${4:-300000}
bench_setup "$build" "$events"
build_load_client
# Listing requests, and a text search no sentence matches (a full scan of
# the sentences): pages all over the file get read, so every reader's page
# cache fills.
cat > "$work/paths" <<'PATHS'
/v1/events
/v1/events?actor=RUS
/v1/events?dyad=RUS,USA
/v1/events?root=04&from=2023-01-01&to=2023-12-31
/v1/events?place_country=UA
/v1/events?actor=USA&offset=5000
/v1/events?sort=goldstein&order=desc
/v1/events?q=no-sentence-says-this
PATHS
start_server "$build" "$db"
rss() { awk -v k="$1:" '$1 == k { print $2 " KB" }' "/proc/$server_pid/status"; }
echo "store: $(du -h "$db" | cut -f1), $(sqlite3 "$db" 'SELECT count(*) FROM events') events; $connections connections, $seconds s"
echo "after start: VmRSS $(rss VmRSS)"
"$work/client" "$port" --get "$work/paths" "$connections" 100000000 "$seconds" | tail -3
sleep 1
echo "after load:  VmRSS $(rss VmRSS), peak VmHWM $(rss VmHWM)"
