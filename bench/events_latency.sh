#!/usr/bin/env bash
# /v1/events latency on a store of N events (default 1,000,000).  Ingests the
# example article once, then multiplies its coded events with SQL inside the
# same file (dates spread over ~5 years, sources/targets/countries rotated
# through the article's own values), runs ANALYZE, starts `parley serve` and
# times typical listing requests with curl (best of 5, server warm).
#   bench/events_latency.sh [BUILD_DIR] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
events=${2:-1000000}
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db=$work/bench.db
"$build/parley" ingest --db "$db" --date 2025-08-06 ../shared/examples/kremlin-witkoff-2025-08-06.txt > /dev/null
# Only `sqlite3` writes the copies: every column of the coded events is kept,
# date / source / target / country vary per copy.
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE seed AS SELECT * FROM events;
CREATE TEMP TABLE actors(i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO actors(code) VALUES ('RUSGOV'),('USAGOV'),('UKRGOV'),('CHNGOV'),('INDGOV'),('DEUGOV'),('FRAMIL'),
  ('GBRGOV'),('IRNGOV'),('ISRMIL'),('TURGOV'),('POLGOV'),('JPNGOV'),('BRAGOV'),('ZAFGOV'),('---');
CREATE TEMP TABLE countries(i INTEGER PRIMARY KEY, iso TEXT);
INSERT INTO countries(iso) VALUES ('RU'),('US'),('UA'),('CN'),('IN'),('DE'),('FR'),('GB'),('IR'),('IL'),(NULL);
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $events / (SELECT count(*) FROM seed) + 1)
INSERT INTO events(doc_id, sentence, date, source, target, code, root, quad_class, goldstein, passive, negated,
  nominal, verb, verb_entry, pattern, source_begin, source_end, verb_begin, verb_end, target_begin, target_end,
  source_text, target_text, date_text, plover_type, plover_mode, place_name, place_region, place_country,
  place_country_iso3, place_lat, place_lon, place_kind, place_evidence, place_begin, place_end, conditional,
  in_condition, hypothetical, future, reported, one_sided, condition, condition_begin, condition_end)
SELECT s.doc_id, s.sentence,
  CAST(strftime('%Y%m%d', '2021-01-01', '+' || ((n.k * 7 + s.id) % 1800) || ' days') AS INTEGER),
  (SELECT code FROM actors WHERE i = 1 + (n.k + s.id) % 16), (SELECT code FROM actors WHERE i = 1 + (n.k * 3 + s.id) % 16),
  s.code, s.root, s.quad_class, s.goldstein, s.passive, s.negated, s.nominal, s.verb, s.verb_entry, s.pattern,
  s.source_begin, s.source_end, s.verb_begin, s.verb_end, s.target_begin, s.target_end, s.source_text, s.target_text,
  s.date_text, s.plover_type, s.plover_mode, s.place_name, s.place_region,
  (SELECT iso FROM countries WHERE i = 1 + (n.k + 2 * s.id) % 11), s.place_country_iso3, s.place_lat, s.place_lon,
  s.place_kind, s.place_evidence, s.place_begin, s.place_end, s.conditional, s.in_condition, s.hypothetical, s.future,
  s.reported, s.one_sided, s.condition, s.condition_begin, s.condition_end
FROM n, seed s;
ANALYZE;
SQL
echo "events in the store: $(sqlite3 "$db" 'SELECT count(*) FROM events')"
"$build/parley" serve --db "$db" --port 0 --threads 2 > "$work/serve.out" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out")
[ -n "$port" ] || { echo "server did not start"; exit 1; }
for q in "" "actor=RUS" "dyad=RUS,USA" "source=USA&target=CHN" "root=04&from=2023-01-01&to=2023-12-31" \
         "country=UA" "plover=CONSULT" "exclude=negated,conditional,hypothetical,future,one_sided" \
         "sort=goldstein&order=desc" "sort=date&order=desc&offset=5000" "q=Witkoff&limit=20"; do
  best=999
  for _ in 1 2 3 4 5; do
    t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/v1/events?$q")
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
  done
  printf '%8.1f ms  /v1/events?%s\n' "$(awk -v t="$best" 'BEGIN { print t * 1000 }')" "$q"
done
