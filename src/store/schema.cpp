#include "store/schema.h"

#include <iterator>
#include <string>
#include <vector>

#include "plover/plover.h"

namespace parley::store {
namespace {

// Dates are INTEGER YYYYMMDD (0 = unknown); offsets are bytes into
// documents.text.  events.date is the event's own date (its date words, else
// the document's).  event_clusters + cluster_documents are kept by store.cpp
// in the same transaction as the events they count.  docs/STORE.md describes
// every column.  This is version 1; a new file is created as version 1 and
// then taken through every step of kMigrations, exactly as an old file is,
// so a migrated file and a new one cannot differ.
constexpr const char* kCreateSchema = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE documents(
  id TEXT PRIMARY KEY,
  date INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  text TEXT NOT NULL,
  story_discarded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE sentences(
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  begin_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  discarded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  date INTEGER NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  passive INTEGER NOT NULL DEFAULT 0,
  negated INTEGER NOT NULL DEFAULT 0,
  nominal INTEGER NOT NULL DEFAULT 0,
  verb TEXT NOT NULL,
  verb_entry TEXT NOT NULL,
  pattern TEXT,
  source_begin INTEGER, source_end INTEGER,
  verb_begin INTEGER, verb_end INTEGER,
  target_begin INTEGER, target_end INTEGER,
  source_text TEXT, target_text TEXT,
  FOREIGN KEY(doc_id, sentence) REFERENCES sentences(doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX events_doc ON events(doc_id, sentence);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_code ON events(code, date);
CREATE TABLE event_clusters(
  id INTEGER PRIMARY KEY,
  date INTEGER NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  UNIQUE(date, source, target, code)
);
CREATE INDEX event_clusters_source ON event_clusters(source, date);
CREATE TABLE cluster_documents(
  cluster_id INTEGER NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mentions INTEGER NOT NULL,
  PRIMARY KEY(cluster_id, doc_id)
) WITHOUT ROWID;
CREATE INDEX cluster_documents_doc ON cluster_documents(doc_id);
CREATE INDEX event_clusters_target ON event_clusters(target, date);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  speaker_text TEXT NOT NULL,
  speaker_code TEXT NOT NULL,
  quote_text TEXT NOT NULL,
  speaker_begin INTEGER, speaker_end INTEGER,
  quote_begin INTEGER, quote_end INTEGER
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_code);
CREATE TABLE deadlines(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  setter_code TEXT NOT NULL, setter_text TEXT NOT NULL,
  target_code TEXT NOT NULL, target_text TEXT NOT NULL,
  due_date INTEGER NOT NULL,
  about TEXT NOT NULL,
  begin_byte INTEGER, end_byte INTEGER
);
CREATE INDEX deadlines_doc ON deadlines(doc_id);
CREATE INDEX deadlines_due ON deadlines(due_date);
)sql";

// kMigrations[i] brings a file from version i + 1 to i + 2 (ALTER TABLE adds
// its columns at the end; existing rows get the defaults).
constexpr const char* kMigrations[] = {
    // 1 -> 2: everything `parley code` knows about an event, a quote and a
    // deadline; indexes for the filters the API offers.
    R"sql(
ALTER TABLE events ADD COLUMN date_text TEXT;
ALTER TABLE events ADD COLUMN plover_type TEXT;
ALTER TABLE events ADD COLUMN plover_mode TEXT;
ALTER TABLE events ADD COLUMN place_name TEXT;
ALTER TABLE events ADD COLUMN place_region TEXT;
ALTER TABLE events ADD COLUMN place_country TEXT;
ALTER TABLE events ADD COLUMN place_country_iso3 TEXT;
ALTER TABLE events ADD COLUMN place_lat REAL;
ALTER TABLE events ADD COLUMN place_lon REAL;
ALTER TABLE events ADD COLUMN place_kind TEXT;
ALTER TABLE events ADD COLUMN place_evidence TEXT;
ALTER TABLE events ADD COLUMN place_begin INTEGER;
ALTER TABLE events ADD COLUMN place_end INTEGER;
ALTER TABLE events ADD COLUMN conditional INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN in_condition INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN future INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN one_sided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN condition TEXT;
ALTER TABLE events ADD COLUMN condition_begin INTEGER;
ALTER TABLE events ADD COLUMN condition_end INTEGER;
CREATE INDEX events_root ON events(root, date);
CREATE INDEX events_country ON events(place_country, date);
CREATE INDEX events_plover ON events(plover_type, date);
CREATE INDEX events_goldstein ON events(goldstein);
ALTER TABLE quotes ADD COLUMN last_sentence INTEGER;
ALTER TABLE quotes ADD COLUMN attribution TEXT NOT NULL DEFAULT 'none';
ALTER TABLE quotes ADD COLUMN closed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quotes ADD COLUMN speech_verb_begin INTEGER;
ALTER TABLE quotes ADD COLUMN speech_verb_end INTEGER;
UPDATE quotes SET last_sentence = sentence;
ALTER TABLE deadlines ADD COLUMN target_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deadlines ADD COLUMN date_text TEXT;
ALTER TABLE deadlines ADD COLUMN setter_begin INTEGER;
ALTER TABLE deadlines ADD COLUMN setter_end INTEGER;
ALTER TABLE deadlines ADD COLUMN date_begin INTEGER;
ALTER TABLE deadlines ADD COLUMN date_end INTEGER;
CREATE INDEX documents_file ON documents(source_file);
)sql",
    // 2 -> 3: actor and dyad filters (source/target code prefixes) read
    // (source, target, date) and (target, source, date): a dyad's second code
    // is checked inside the index, and each side of an actor filter is one
    // index range (queries.cpp, event_keys_sql()).  They replace the
    // (source, date) and (target, date) indexes, which serve no query the
    // new ones do not.  Quad class gets its index too: without it a
    // rare class is a full scan, for the page and for the count.
    R"sql(
DROP INDEX events_source;
DROP INDEX events_target;
CREATE INDEX events_source_target ON events(source, target, date);
CREATE INDEX events_target_source ON events(target, source, date);
CREATE INDEX events_quad ON events(quad_class, date);
)sql",
    // 3 -> 4: a document's events by date (doc=ID, the document view's
    // order), so a document with tens of thousands of events is paged from
    // the index, not sorted whole.  The actor and dyad indexes carry the
    // columns other filters test (root, code, quad class, PLOVER type, place
    // country, the flags `exclude` tests) after their key: actor=X&root=Y
    // checks root inside the index instead of reading the row of every
    // event of X.  The date index, which
    // the default order walks (queries.cpp, Plan::kWalk), carries every
    // filtered column but the text and the document, so that walk tests
    // the filters without reading rows.
    R"sql(
CREATE INDEX events_doc_date ON events(doc_id, date);
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, source, target, root, code, quad_class, plover_type, place_country, negated,
  conditional, in_condition, hypothetical, future, one_sided, reported);
DROP INDEX events_source_target;
DROP INDEX events_target_source;
CREATE INDEX events_source_target ON events(source, target, date, root, code, quad_class, plover_type, place_country,
  negated, conditional, in_condition, hypothetical, future, one_sided, reported);
CREATE INDEX events_target_source ON events(target, source, date, root, code, quad_class, plover_type, place_country,
  negated, conditional, in_condition, hypothetical, future, one_sided, reported);
)sql",
    // 4 -> 5: text search (q=) reads a trigram index over the sentences
    // instead of LIKE over every sentence: a search that matches little was
    // a scan of all of them.  The FTS5 table is contentless (the text stays
    // in `sentences` alone); sentences has no rowid, so sentence_keys gives
    // each sentence the integer key the index needs.  Triggers keep both in
    // step with every write to sentences, from any path (a document's
    // sentences are inserted with it and deleted by its cascade); a
    // contentless index deletes an entry given its old text, which the
    // delete trigger has.  A sort by Goldstein within a root or a document
    // reads (root, goldstein) / (doc_id, goldstein) in order instead of
    // sorting every match (queries.cpp).  The aggregates sum Goldstein
    // weights: top dyads read (source, target, goldstein) and counts over
    // time (date, root, quad_class, plover_type, place_country, goldstein)
    // without reading a row per event.  Without ANALYZE, SQLite breaks a
    // tie between two indexes of the same leading column for the newest;
    // the root, date and actor indexes are made again after the new ones so
    // that filters keep reading them (in rowid order, not Goldstein order;
    // with every filtered column) and the new ones serve only what they were
    // made for.
    R"sql(
CREATE TABLE sentence_keys(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  UNIQUE(doc_id, idx)
);
CREATE VIRTUAL TABLE sentence_search USING fts5(text, content='', tokenize='trigram');
INSERT INTO sentence_keys(doc_id, idx) SELECT doc_id, idx FROM sentences;
INSERT INTO sentence_search(rowid, text)
  SELECT k.id, s.text FROM sentence_keys k JOIN sentences s ON s.doc_id = k.doc_id AND s.idx = k.idx;
CREATE TRIGGER sentences_search_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentence_keys(doc_id, idx) VALUES (new.doc_id, new.idx);
  INSERT INTO sentence_search(rowid, text)
    SELECT id, new.text FROM sentence_keys WHERE doc_id = new.doc_id AND idx = new.idx;
END;
CREATE TRIGGER sentences_search_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentence_search(sentence_search, rowid, text)
    SELECT 'delete', id, old.text FROM sentence_keys WHERE doc_id = old.doc_id AND idx = old.idx;
  DELETE FROM sentence_keys WHERE doc_id = old.doc_id AND idx = old.idx;
END;
CREATE TRIGGER sentences_search_update AFTER UPDATE OF doc_id, idx, text ON sentences BEGIN
  INSERT INTO sentence_search(sentence_search, rowid, text)
    SELECT 'delete', id, old.text FROM sentence_keys WHERE doc_id = old.doc_id AND idx = old.idx;
  UPDATE sentence_keys SET doc_id = new.doc_id, idx = new.idx WHERE doc_id = old.doc_id AND idx = old.idx;
  INSERT INTO sentence_search(rowid, text)
    SELECT id, new.text FROM sentence_keys WHERE doc_id = new.doc_id AND idx = new.idx;
END;
CREATE INDEX events_root_goldstein ON events(root, goldstein);
CREATE INDEX events_doc_goldstein ON events(doc_id, goldstein);
CREATE INDEX events_dyad_goldstein ON events(source, target, goldstein);
CREATE INDEX events_date_weights ON events(date, root, quad_class, plover_type, place_country, goldstein);
DROP INDEX events_root;
CREATE INDEX events_root ON events(root, date);
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, source, target, root, code, quad_class, plover_type, place_country, negated,
  conditional, in_condition, hypothetical, future, one_sided, reported);
DROP INDEX events_source_target;
CREATE INDEX events_source_target ON events(source, target, date, root, code, quad_class, plover_type, place_country,
  negated, conditional, in_condition, hypothetical, future, one_sided, reported);
)sql",
    // Version 6: the country aggregate (/v1/countries) reads only indexes.
    // Unfiltered it walked (place_country, date) and read every row for the
    // ISO3 code and the weight (3.6 s on 1M events, 0.4 s covered); with a
    // date range it walks the date index, which now carries the ISO3 code.
    R"sql(
DROP INDEX events_country;
CREATE INDEX events_country ON events(place_country, date, place_country_iso3, goldstein);
DROP INDEX events_date_weights;
CREATE INDEX events_date_weights ON events(date, root, quad_class, plover_type, place_country, goldstein,
  place_country_iso3);
)sql",
    // 6 -> 7: no absolute path of the machine in the store.  Earlier builds
    // kept an ingested file's absolute path as the document's source, and
    // version-1 files a dictionary's absolute path in verb_entry/pattern;
    // each keeps what follows its last '/' (the file name; "file:line" for
    // the evidence), as new rows are written (ingest.h stored_source_name,
    // dictionary paths relative to their folder).  rtrim() by every
    // character but '/' leaves the directory part, whose length is cut.
    R"sql(
UPDATE documents SET source_file = substr(source_file, length(rtrim(source_file, replace(source_file, '/', ''))) + 1)
  WHERE source_file LIKE '/%';
UPDATE events SET verb_entry = substr(verb_entry, length(rtrim(verb_entry, replace(verb_entry, '/', ''))) + 1)
  WHERE verb_entry LIKE '/%';
UPDATE events SET pattern = substr(pattern, length(rtrim(pattern, replace(pattern, '/', ''))) + 1)
  WHERE pattern LIKE '/%';
)sql",
    // 7 -> 8: quotes sort by the speaker's name (sort=speaker); the PLOVER
    // type and mode of events stored without one are derived from their
    // CAMEO code (fill_plover_from_cameo(), after this SQL).
    R"sql(
CREATE INDEX quotes_speaker_text ON quotes(speaker_text);
)sql",
    // 8 -> 9: one vocabulary (docs/STORE.md): a column holding a field of a
    // record has the field's name, as `parley code`, the API and the CSV
    // name it.  The row ids become event_id, quote_id and deadline_id (the
    // API's names; `id` is the document everywhere else), a cluster's
    // cluster_id (as cluster_documents names it); a quote's speaker_text,
    // quote_text and quote span become speaker, text and text_begin/_end; a
    // deadline's setter_text, target_text, due_date and statement span become
    // setter, target, date and begin/end (the flat names of evidence.offsets);
    // a sentence's idx and span become sentence and begin/end (as the
    // document view names them).  SQLite rewrites every index, trigger and
    // foreign key that names a renamed column; the indexes whose names no
    // longer say what they hold are made again (quotes and deadlines are few:
    // cheap).  doc_id kept its name until version 10.
    R"sql(
ALTER TABLE events RENAME COLUMN id TO event_id;
ALTER TABLE event_clusters RENAME COLUMN id TO cluster_id;
ALTER TABLE quotes RENAME COLUMN id TO quote_id;
ALTER TABLE quotes RENAME COLUMN speaker_text TO speaker;
ALTER TABLE quotes RENAME COLUMN quote_text TO text;
ALTER TABLE quotes RENAME COLUMN quote_begin TO text_begin;
ALTER TABLE quotes RENAME COLUMN quote_end TO text_end;
ALTER TABLE deadlines RENAME COLUMN id TO deadline_id;
ALTER TABLE deadlines RENAME COLUMN setter_text TO setter;
ALTER TABLE deadlines RENAME COLUMN target_text TO target;
ALTER TABLE deadlines RENAME COLUMN due_date TO date;
ALTER TABLE deadlines RENAME COLUMN begin_byte TO "begin";
ALTER TABLE deadlines RENAME COLUMN end_byte TO "end";
ALTER TABLE sentences RENAME COLUMN idx TO sentence;
ALTER TABLE sentences RENAME COLUMN begin_byte TO "begin";
ALTER TABLE sentences RENAME COLUMN end_byte TO "end";
ALTER TABLE sentence_keys RENAME COLUMN idx TO sentence;
DROP INDEX quotes_speaker;
DROP INDEX quotes_speaker_text;
CREATE INDEX quotes_speaker_code ON quotes(speaker_code);
CREATE INDEX quotes_speaker ON quotes(speaker);
DROP INDEX deadlines_due;
CREATE INDEX deadlines_date ON deadlines(date);
)sql",
    // 9 -> 10: a document's id is `id` in every table (docs/STORE.md): the
    // record tables' doc_id is their records' field `id`, and sentences,
    // cluster_documents and sentence_keys say it the same way, so `id` never
    // means anything but a document.  The text index's own key gives up the
    // name first (sentence_keys would otherwise have two `id`s).  As in
    // version 9, SQLite rewrites the indexes, foreign keys and triggers that
    // name a renamed column, and no row.
    R"sql(
ALTER TABLE sentence_keys RENAME COLUMN id TO sentence_key;
ALTER TABLE sentence_keys RENAME COLUMN doc_id TO id;
ALTER TABLE sentences RENAME COLUMN doc_id TO id;
ALTER TABLE events RENAME COLUMN doc_id TO id;
ALTER TABLE quotes RENAME COLUMN doc_id TO id;
ALTER TABLE deadlines RENAME COLUMN doc_id TO id;
ALTER TABLE cluster_documents RENAME COLUMN doc_id TO id;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion - 1, "one migration step per schema version");

// Events without a PLOVER type whose code has one (version-1 files stored
// none) get the type and mode `parley code` gives that code: plover_for(),
// the one CAMEO -> PLOVER table.  A code outside the CAMEO table stays
// without, as when it is coded.  Per distinct code, through the
// (plover_type, date) index: a store coded by a later version has few such
// rows and costs almost nothing.
constexpr int kPloverFilledVersion = 8;

void fill_plover_from_cameo(sql::Connection& conn) {
  std::vector<std::string> codes;
  {
    sql::Statement st(conn, "SELECT DISTINCT code FROM events WHERE plover_type IS NULL");
    while (st.step()) codes.push_back(st.text(0));
  }
  sql::Statement put(conn, "UPDATE events SET plover_type = ?1, plover_mode = ?2 WHERE plover_type IS NULL AND code = ?3");
  for (const std::string& code : codes) {
    const PloverEntry* plover = plover_for(code);
    if (!plover) continue;
    put.bind(1, plover->type_name());
    if (plover->mode.empty()) put.bind_null(2); else put.bind(2, plover->mode);
    put.bind(3, std::string_view(code)).run();
  }
}

bool has_table(sql::Connection& conn, const char* name) {
  sql::Statement st(conn, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
  st.bind(1, std::string_view(name));
  return st.step();
}

int table_count(sql::Connection& conn) {
  sql::Statement st(conn, "SELECT count(*) FROM sqlite_schema");
  st.step();
  return static_cast<int>(st.int64(0));
}

std::string meta_value(sql::Connection& conn, const char* key) {
  sql::Statement st(conn, "SELECT value FROM meta WHERE key = ?1");
  st.bind(1, std::string_view(key));
  return st.step() ? st.text(0) : std::string();
}

// The version of an existing file; throws for a foreign, unreadable or
// newer one.
int existing_version(sql::Connection& conn) {
  const std::string& path = conn.path();
  if (!has_table(conn, "meta") || meta_value(conn, "application") != "parley") {
    throw StoreError(path + ": not a parley event store (it is a SQLite database with other tables)");
  }
  const std::string version_text = meta_value(conn, "schema_version");
  int version = 0;
  try {
    version = std::stoi(version_text);
  } catch (const std::exception&) {
    throw StoreError(path + ": parley store with an unreadable schema_version '" + version_text + "'");
  }
  if (version > kSchemaVersion) {
    throw StoreError(path + ": written by a newer parley (schema version " + version_text +
                     "; this build reads up to " + std::to_string(kSchemaVersion) + ")");
  }
  if (version < 1) throw StoreError(path + ": parley store with an invalid schema_version " + version_text);
  return version;
}

// Takes the file from `version` to kSchemaVersion inside the caller's
// transaction.
void migrate(sql::Connection& conn, int version) {
  for (int v = version; v < kSchemaVersion; ++v) {
    conn.exec(kMigrations[v - 1]);
    if (v + 1 == kPloverFilledVersion) fill_plover_from_cameo(conn);
  }
  sql::Statement put(conn, "UPDATE meta SET value = ?1 WHERE key = 'schema_version'");
  put.bind(1, std::string_view(std::to_string(kSchemaVersion))).run();
}

}  // namespace

bool needs_migration(sql::Connection& conn) {
  conn.exec("PRAGMA busy_timeout = 10000");
  return table_count(conn) > 0 && existing_version(conn) < kSchemaVersion;
}

void prepare_schema(sql::Connection& conn, bool read_only) {
  // The first statement reads the header: a non-SQLite file fails here.
  conn.exec("PRAGMA busy_timeout = 10000");
  table_count(conn);
  if (!read_only) {
    conn.exec("PRAGMA journal_mode = WAL");
    // WAL + NORMAL: a commit is durable against a process crash (kill -9);
    // only an OS crash may lose the last commits, never consistency.
    conn.exec("PRAGMA synchronous = NORMAL");
  }
  conn.exec("PRAGMA cache_size = -65536");  // 64 MiB: clusters and indexes stay in memory
  conn.exec("PRAGMA foreign_keys = ON");
  if (table_count(conn) == 0) {
    if (read_only) throw StoreError(conn.path() + ": empty database, not a parley event store");
    sql::Transaction tx(conn);
    // Another process may have created it meanwhile (BEGIN IMMEDIATE waited).
    if (table_count(conn) == 0) {
      conn.exec(kCreateSchema);
      sql::Statement put(conn, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
      put.bind(1, std::string_view("application")).bind(2, std::string_view("parley")).run();
      put.bind(1, std::string_view("schema_version")).bind(2, std::string_view("1")).run();
    }
    tx.commit();
  }
  if (existing_version(conn) == kSchemaVersion) return;
  if (read_only) throw StoreError(conn.path() + ": " + kOldSchema);
  sql::Transaction tx(conn);
  // Re-read under the write lock: another process may have migrated it.
  const int version = existing_version(conn);
  if (version < kSchemaVersion) migrate(conn, version);
  tx.commit();
}

}  // namespace parley::store
