#!/usr/bin/env bash
# Latency of the aggregate routes (/v1/counts, /v1/actors, /v1/dyads,
# /v1/places, /v1/countries) on a store of N events (default 1,000,000; the
# store of bench/events_store.sh, PARLEY_BENCH_DB keeps it): starts
# `parley serve` and times each request with curl, 5 runs after a warm-up,
# and prints the median and the worst, without and with filters.
#   bench/aggregates_latency.sh [BUILD_DIR] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/events_store.sh
build=${1:-build}
events=${2:-1000000}
bench_setup "$build" "$events"
start_server "$build" "$db"
echo "events in the store: $(sqlite3 "$db" 'SELECT count(*) FROM events')"
base="http://127.0.0.1:$port"
# time_ms PATH: median and worst of 5 runs, in ms.
time_ms() {
  curl -s -o /dev/null "$base$1"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$base$1"; done |
    sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%8.1f %8.1f", t[3], t[5] }'
}
printf '%8s %8s  %s\n' median worst request
while read -r path; do
  [ -z "$path" ] && continue
  printf '%s  %s\n' "$(time_ms "$path")" "$path"
done <<'PATHS'
/v1/counts
/v1/counts?group=root
/v1/counts?group=quad_class&interval=month
/v1/counts?group=plover_type&interval=week
/v1/counts?group=root&actor=RUS
/v1/counts?group=root&dyad=RUS,USA
/v1/counts?root=04&from=2023-01-01&to=2023-12-31
/v1/counts?place_country=UA&group=quad_class
/v1/actors
/v1/actors?role=source
/v1/actors?root=19
/v1/actors?from=2024-03-01&to=2024-03-31
/v1/dyads
/v1/dyads?actor=RUS
/v1/dyads?quad_class=4
/v1/places
/v1/places?actor=RUS
/v1/countries
/v1/countries?root=04
/v1/countries?from=2024-01-01&to=2024-12-31
PATHS
