# Shared by bench/events_latency.sh and bench/http_load.sh (sourced): a
# store of N events, and `parley serve` on it.
#
# events_store BUILD EVENTS DB: makes DB unless it exists.  It ingests the
# example article once, then multiplies its coded events with SQL inside the
# same file (dates spread over ~5 years, sources/targets/countries rotated
# through the article's own values).  No ANALYZE: a store made by `parley
# ingest` has no planner statistics either.  Set PARLEY_BENCH_DB to
# a path to keep the store between runs (making 1M events takes minutes);
# the store is made by the build under test, so delete it after a schema
# change.
events_store() {
  local build=$1 events=$2 db=$3
  [ -s "$db" ] && return 0
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
SQL
}

# start_server BUILD DB: `parley serve` on a free port, in the background;
# sets server_pid and port.  The caller's EXIT trap kills server_pid.
start_server() {
  local build=$1 db=$2 out
  out=$(mktemp)
  "$build/parley" serve --db "$db" --port 0 --threads 2 > "$out" &
  server_pid=$!
  for _ in $(seq 300); do grep -q listening "$out" 2>/dev/null && break; sleep 0.1; done
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$out")
  rm -f "$out"
  [ -n "$port" ] || { echo "server did not start"; return 1; }
}
