#!/usr/bin/env bash
# /v1/events latency on a store of N events (default 1,000,000; see
# bench/events_store.sh for how it is made and PARLEY_BENCH_DB to keep it):
# starts `parley serve` and times listing requests with curl, one filter
# combination per line, 7 runs each after a warm-up, and prints the median
# and the worst (each figure includes the capped total count).  Then pages
# 100 pages deep with `cursor` and with `offset`.
#   bench/events_latency.sh [BUILD_DIR] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/events_store.sh
build=${1:-build}
events=${2:-1000000}
bench_setup "$build" "$events"
start_server "$build" "$db"
echo "events in the store: $(sqlite3 "$db" 'SELECT count(*) FROM events'), documents: $(sqlite3 "$db" 'SELECT count(*) FROM documents')"
big=$(sqlite3 "$db" 'SELECT id FROM events GROUP BY id ORDER BY count(*) DESC LIMIT 1')
small=$(sqlite3 "$db" "SELECT max(id) FROM documents WHERE id <> '$big'")
url="http://127.0.0.1:$port/v1/events"
# time_ms QUERY: median and worst of 7 runs, in ms.
time_ms() {
  curl -s -o /dev/null "$url?$1"
  for _ in 1 2 3 4 5 6 7; do curl -s -o /dev/null -w '%{time_total}\n' "$url?$1"; done |
    sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%8.1f %8.1f", t[4], t[7] }'
}
printf '%8s %8s  %s\n' median worst request
while read -r q; do
  [ -z "$q" ] && continue
  printf '%s  /v1/events?%s\n' "$(time_ms "$q")" "$q"
done <<QUERIES

actor=RUS
dyad=RUS,USA
dyad=RUS,USA&directed=true
source=USA&target=CHN
source=USA
target=CHN
root=04&from=2023-01-01&to=2023-12-31
actor=RUS&root=04
actor=RUS&root=19
actor=RUS&code=042
actor=RUS&quad_class=4
actor=RUS&place_country=UA
actor=RUS&plover_type=CONSULT
actor=RUS&exclude=negated,conditional
actor=RUS&from=2024-03-01&to=2024-03-31
dyad=RUS,USA&root=04
code=042
quad_class=4
root=04&place_country=UA
place_country=UA
plover_type=CONSULT
place_country=UA&plover_type=CONSULT
exclude=negated,conditional,hypothetical,future,one_sided
from=2024-03-01&to=2024-03-07
sort=goldstein&order=desc
sort=source
sort=place_country&order=desc
actor=RUS&sort=goldstein
root=04&sort=goldstein
sort=date&order=desc&offset=5000
actor=RUS&offset=5000
root=04&offset=5000
q=Witkoff&limit=20
q=Witkoff&actor=RUS
q=no-such-words
id=$small
id=$big
id=$big&sort=goldstein
id=$big&offset=5000
id=$big&actor=RUS&root=04
format=csv&limit=500
limit=1000
QUERIES
# 100 pages of 50 deep (events 5,000-5,050), by cursor and by offset.
deep() {
  local q=$1 cursor="" i
  for i in $(seq 100); do
    cursor=$(curl -s "$url?$q${cursor:+&cursor=$cursor}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next_cursor"])')
  done
  printf '%s  /v1/events?%s&cursor=(page 101)\n' "$(time_ms "$q&cursor=$cursor")" "$q"
  printf '%s  /v1/events?%s&offset=5000\n' "$(time_ms "$q&offset=5000")" "$q"
}
deep "actor=RUS"
deep "root=04&sort=goldstein&order=desc"
deep "id=$big"
