#!/usr/bin/env bash
# HTTP load on /v1/events over a store of N events (default 1,000,000; see
# bench/events_store.sh, PARLEY_BENCH_DB keeps the store): C keep-alive
# connections (bench/http_bench_client.cpp) GET a mix of listing requests
# for T seconds against `parley serve --threads 2`; prints requests/s,
# latency percentiles and errors.
#   bench/http_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [EVENTS]
# (docs/STORE.md: figures with 15 s runs, before and after the read pool)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/events_store.sh
build=${1:-build}
seconds=${2:-20}
connections=${3:-8}
events=${4:-1000000}
bench_setup "$build" "$events"
build_load_client
# What a dashboard user asks for: the default page, actor and dyad filters,
# a year of one root, a country, a later page, a sort.
cat > "$work/paths" <<'PATHS'
/v1/events
/v1/events?actor=RUS
/v1/events?dyad=RUS,USA
/v1/events?source=USA&target=CHN
/v1/events?root=04&from=2023-01-01&to=2023-12-31
/v1/events?place_country=UA
/v1/events?actor=USA&offset=100
/v1/events?sort=goldstein&order=desc
PATHS
start_server "$build" "$db"
echo "events in the store: $(sqlite3 "$db" 'SELECT count(*) FROM events'); $connections connections, $seconds s"
"$work/client" "$port" --get "$work/paths" "$connections" 1000 3 > /dev/null   # warm-up
"$work/client" "$port" --get "$work/paths" "$connections" 100000000 "$seconds"
