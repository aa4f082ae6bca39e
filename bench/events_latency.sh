#!/usr/bin/env bash
# /v1/events latency on a store of N events (default 1,000,000; see
# bench/events_store.sh for how it is made and PARLEY_BENCH_DB to keep it):
# starts `parley serve` and times typical listing requests with curl (best
# of 5, server warm; each figure includes the capped total count).
#   bench/events_latency.sh [BUILD_DIR] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/events_store.sh
build=${1:-build}
events=${2:-1000000}
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db=${PARLEY_BENCH_DB:-$work/bench.db}
events_store "$build" "$events" "$db"
echo "events in the store: $(sqlite3 "$db" 'SELECT count(*) FROM events')"
start_server "$build" "$db"
for q in "" "actor=RUS" "dyad=RUS,USA" "dyad=RUS,USA&directed=true" "source=USA&target=CHN" "source=USA" \
         "target=CHN" "root=04&from=2023-01-01&to=2023-12-31" "actor=RUS&root=04" "code=042" "quad_class=4" \
         "country=UA" "plover=CONSULT" "exclude=negated,conditional,hypothetical,future,one_sided" \
         "sort=goldstein&order=desc" "actor=RUS&sort=goldstein" "sort=date&order=desc&offset=5000" \
         "actor=RUS&offset=5000" "q=Witkoff&limit=20" "doc=kremlin-witkoff-2025-08-06" "format=csv&limit=500"; do
  best=999
  for _ in 1 2 3 4 5; do
    t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/v1/events?$q")
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
  done
  printf '%8.1f ms  /v1/events?%s\n' "$(awk -v t="$best" 'BEGIN { print t * 1000 }')" "$q"
done
