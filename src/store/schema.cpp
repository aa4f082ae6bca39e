#include "store/schema.h"

#include <string>

namespace parley::store {
namespace {

// Dates are INTEGER YYYYMMDD (0 = unknown); offsets are bytes into
// documents.text.  events.date repeats the document's date so date filters
// are indexed without a join.  event_clusters + cluster_documents are kept
// by store.cpp in the same transaction as the events they count.
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

void check_existing(sql::Connection& conn) {
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
}

}  // namespace

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
      put.bind(1, std::string_view("schema_version")).bind(2, std::string_view(std::to_string(kSchemaVersion))).run();
    }
    tx.commit();
  }
  check_existing(conn);
}

}  // namespace parley::store
