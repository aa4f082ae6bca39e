# Shared by the store benchmarks (sourced: events_latency.sh,
# aggregates_latency.sh, http_load.sh, server_memory.sh): a store of N
# events, `parley serve` on it, and the load client.
#
# bench_setup BUILD EVENTS: makes the scratch folder $work (removed on exit,
# with the server of start_server), sets $db (PARLEY_BENCH_DB, else a store
# in $work) and makes the store there with events_store.
bench_setup() {
  work=$(mktemp -d)
  server_pid=
  trap bench_cleanup EXIT
  db=${PARLEY_BENCH_DB:-$work/bench.db}
  events_store "$1" "$2" "$db"
}
bench_cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }

# build_load_client: compiles bench/http_bench_client.cpp to $work/client.
build_load_client() {
  c++ -std=c++20 -O2 bench/http_bench_client.cpp -o "$work/client" $(pkg-config --cflags --libs cpp-httplib) -pthread
}
#
# events_store BUILD EVENTS DB: makes DB unless it exists.  It ingests the
# example article once, then copies it with SQL inside the same file into
# many documents of the article's size (text, sentences and events copied,
# ~14 events each, as a coded news story has), dated over ~5 years in
# ingest order, sources / targets / countries rotated through 16 actors and
# 11 countries.  The example article itself keeps 5% of the events: one
# document with tens of thousands of events, the worst case of doc=ID.
# No ANALYZE: a store made by `parley ingest` has no planner statistics
# either.  Set PARLEY_BENCH_DB to a path to keep the store between runs
# (making 1M events takes a few minutes); the store is made by the build
# under test, and an older store is migrated when the server opens it.
events_store() {
  local build=$1 events=$2 db=$3
  [ -s "$db" ] && return 0
  "$build/parley" ingest --db "$db" --date 2025-08-06 ../shared/examples/kremlin-witkoff-2025-08-06.txt > /dev/null
  # Only `sqlite3` writes the copies: every column of the coded events is kept,
  # date / source / target / country vary per copy.
  sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = OFF;
CREATE TEMP TABLE seed AS SELECT * FROM events;
CREATE TEMP TABLE actors(i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO actors(code) VALUES ('RUSGOV'),('USAGOV'),('UKRGOV'),('CHNGOV'),('INDGOV'),('DEUGOV'),('FRAMIL'),
  ('GBRGOV'),('IRNGOV'),('ISRMIL'),('TURGOV'),('POLGOV'),('JPNGOV'),('BRAGOV'),('ZAFGOV'),('---');
CREATE TEMP TABLE countries(i INTEGER PRIMARY KEY, iso TEXT);
INSERT INTO countries(iso) VALUES ('RU'),('US'),('UA'),('CN'),('IN'),('DE'),('FR'),('GB'),('IR'),('IL'),(NULL);
-- copies(k, doc, date): one row per copied document, its id and date.
CREATE TEMP TABLE copies(k INTEGER PRIMARY KEY, doc TEXT, date INTEGER);
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n
                        WHERE k < ($events * 95 / 100) / (SELECT count(*) FROM seed))
INSERT INTO copies SELECT k, printf('bench-%07d', k),
  CAST(strftime('%Y%m%d', '2021-01-01', '+' || (k * 1800 / (($events * 95 / 100) / (SELECT count(*) FROM seed) + 1))
                || ' days') AS INTEGER) FROM n;
INSERT INTO documents(id, date, source_file, text, story_discarded)
  SELECT c.doc, c.date, d.source_file, d.text, 0 FROM copies c, documents d;
INSERT INTO sentences(id, sentence, "begin", "end", text, discarded)
  SELECT c.doc, s.sentence, s."begin", s."end", s.text, s.discarded FROM copies c, sentences s
  WHERE s.id = (SELECT id FROM seed LIMIT 1);
-- events(k, s): copy k of seed event s; the big document's copies come first.
CREATE TEMP VIEW plan AS
  SELECT 0 AS k, (SELECT id FROM seed LIMIT 1) AS doc, 0 AS date, m.k AS r FROM
    (WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ($events * 5 / 100) / (SELECT count(*) FROM seed))
     SELECT k FROM n) m
  UNION ALL SELECT k, doc, date, k + 100000 AS r FROM copies;
INSERT INTO events(id, sentence, date, source, target, code, root, quad_class, goldstein, passive, negated,
  nominal, verb, verb_entry, pattern, source_begin, source_end, verb_begin, verb_end, target_begin, target_end,
  source_text, target_text, date_text, plover_type, plover_mode, place_name, place_region, place_country,
  place_country_iso3, place_lat, place_lon, place_kind, place_evidence, place_begin, place_end, conditional,
  in_condition, hypothetical, future, reported, one_sided, condition, condition_begin, condition_end)
SELECT p.doc, s.sentence,
  CASE WHEN p.date = 0
       THEN CAST(strftime('%Y%m%d', '2021-01-01', '+' || ((p.r * 7 + s.event_id) % 1800) || ' days') AS INTEGER)
       ELSE CAST(strftime('%Y%m%d', substr(p.date, 1, 4) || '-' || substr(p.date, 5, 2) || '-' || substr(p.date, 7, 2),
                          '-' || (s.event_id % 3) || ' days') AS INTEGER) END,
  (SELECT code FROM actors WHERE i = 1 + (p.r + s.event_id) % 16), (SELECT code FROM actors WHERE i = 1 + (p.r * 3 + s.event_id) % 16),
  s.code, s.root, s.quad_class, s.goldstein, s.passive, s.negated, s.nominal, s.verb, s.verb_entry, s.pattern,
  s.source_begin, s.source_end, s.verb_begin, s.verb_end, s.target_begin, s.target_end, s.source_text, s.target_text,
  s.date_text, s.plover_type, s.plover_mode, s.place_name, s.place_region,
  (SELECT iso FROM countries WHERE i = 1 + (p.r + 2 * s.event_id) % 11), s.place_country_iso3, s.place_lat, s.place_lon,
  s.place_kind, s.place_evidence, s.place_begin, s.place_end, s.conditional, s.in_condition, s.hypothetical, s.future,
  s.reported, s.one_sided, s.condition, s.condition_begin, s.condition_end
FROM plan p CROSS JOIN seed s;
DELETE FROM events WHERE event_id IN (SELECT event_id FROM seed);
SQL
}

# start_server BUILD DB: `parley serve` on a free port, in the background;
# sets server_pid and port.  The caller's EXIT trap kills server_pid.
start_server() {
  local build=$1 db=$2 out
  out=$(mktemp)
  "$build/parley" serve --db "$db" --port 0 --threads 2 > "$out" &
  server_pid=$!
  for _ in $(seq 3000); do grep -q listening "$out" 2>/dev/null && break; sleep 0.1; done
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$out")
  rm -f "$out"
  [ -n "$port" ] || { echo "server did not start"; return 1; }
}
