// The store file: creation, schema checks, refusing foreign files, a full
// round trip of every record kind, replace-by-id, delete, and the insert
// functions for quotes and deadlines.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "store/result_table.h"
#include "store/store.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace parley::store;

namespace {

fs::path temp_db(const std::string& name) { return parley::test::process_temp_dir().fresh_db(name); }

EventRecord event(uint32_t sentence, std::string source, std::string target, std::string code) {
  EventRecord e;
  e.sentence = sentence;
  e.source = std::move(source);
  e.target = std::move(target);
  e.code = std::move(code);
  e.root = e.code.substr(0, 2);
  e.quad_class = 1;
  e.goldstein = 2.8;
  e.verb = "met";
  e.verb_entry = "verbs.txt:12";
  e.verb_span = {10, 13};
  e.source_span = {0, 6};
  e.source_text = "Putin";
  return e;
}

StoredDocument full_document() {
  StoredDocument d;
  d.id = "doc-1";
  d.date = 20250806;
  d.source_file = "in.jsonl";
  d.text = "Putin met Witkoff. He said \"yes\" – café.";
  d.sentences = {{0, {0, 18}, "Putin met Witkoff.", false}, {1, {19, 44}, "He said \"yes\" – café.", true}};
  EventRecord e = event(0, "RUSGOV", "USAGOV", "043");
  e.date = 20250802;
  e.date_text = "on Saturday";
  e.plover_type = "CONSULT";
  e.place = PlaceRecord{"Moscow", "Moscow", "RU", "RUS", 55.75, 37.61, "city", "named", {0, 5}};
  e.conditional = e.hypothetical = e.future = e.reported = e.one_sided = e.in_condition = true;
  e.condition = "if asked";
  e.condition_span = {0, 5};
  e.passive = true;
  e.pattern = "verbs.txt:40";
  e.target_span = {10, 17};
  e.target_text = "Witkoff";
  d.events.push_back(e);
  EventRecord f = event(1, "RUS", "---", "010");
  f.goldstein.reset();
  f.root.clear();
  f.quad_class = 0;
  f.date = 20250806;  // stored without a date of its own: the document's
  f.negated = f.nominal = true;
  f.source_span = {};
  f.source_text.clear();
  d.events.push_back(f);
  QuoteRecord q;
  q.sentence = 1;
  q.last_sentence = 1;
  q.attribution = "leading";
  q.closed = false;
  q.speech_verb_span = {22, 26};
  q.speaker_text = "He";
  q.speaker_code = "RUSGOV";
  q.quote_text = "yes";
  q.speaker_span = {19, 21};
  q.quote_span = {28, 31};
  d.quotes.push_back(q);
  DeadlineRecord dl;
  dl.sentence = 0;
  dl.setter_code = "USAGOV";
  dl.setter_text = "Trump";
  dl.target_code = "RUSGOV";
  dl.target_text = "Russia";
  dl.due_date = 20250808;
  dl.about = "a ceasefire";
  dl.span = {0, 18};
  dl.date_text = "August 8";
  dl.target_inferred = true;
  dl.setter_span = {0, 5};
  d.deadlines.push_back(dl);
  return d;
}

// What get_document returns: quote/deadline doc ids filled in.
StoredDocument as_read(StoredDocument d) {
  for (auto& q : d.quotes) q.doc_id = d.id;
  for (auto& x : d.deadlines) x.doc_id = d.id;
  return d;
}

void raw_exec(const fs::path& p, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  std::string why = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << why;
}

std::string open_error(const fs::path& p, Store::Mode mode = Store::Mode::kReadWrite) {
  try {
    Store::open(p.string(), mode);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(StoreBasics, CreatesSchemaWithMetaAndWal) {
  const fs::path p = temp_db("create.db");
  auto s = Store::open(p.string());
  EXPECT_EQ(s->counts(), StoreCounts{});
  EXPECT_EQ(s->integrity_check(), "ok");
  s.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), std::to_string(kSchemaVersion));
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// docs/STORE.md's table of tables names every column of every table a new
// store has (SQLite's shadow tables of the text index aside), each in its
// table's row, as `name`.
TEST(StoreBasics, DocsNameEveryColumnOfEveryTable) {
  const fs::path p = temp_db("documented.db");
  Store::open(p.string());
  std::ifstream in(parley::test::source_data_path("../docs/STORE.md"));
  std::map<std::string, std::string> row_of;  // table -> its row of the doc's table
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const size_t end = line.find('`', 3);
    row_of[line.substr(3, end - 3)] = line.substr(end);
  }
  ASSERT_FALSE(row_of.empty()) << "docs/STORE.md has no table of tables";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* tables = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables, nullptr);
  int checked = 0;
  while (sqlite3_step(tables) == SQLITE_ROW) {
    const std::string table = reinterpret_cast<const char*>(sqlite3_column_text(tables, 0));
    if (table.rfind("sentence_search_", 0) == 0) continue;  // FTS5's own
    ASSERT_TRUE(row_of.count(table)) << "docs/STORE.md does not list table " << table;
    sqlite3_stmt* cols = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &cols, nullptr);
    while (sqlite3_step(cols) == SQLITE_ROW) {
      const std::string column = reinterpret_cast<const char*>(sqlite3_column_text(cols, 1));
      EXPECT_NE(row_of[table].find("`" + column + "`"), std::string::npos)
          << "docs/STORE.md does not name " << table << "." << column;
      ++checked;
    }
    sqlite3_finalize(cols);
  }
  sqlite3_finalize(tables);
  sqlite3_close(db);
  EXPECT_GT(checked, 80);
}

// One vocabulary (docs/STORE.md, schema version 10): every column of the
// record tables has the name of a field of its record, as the CSV of its
// list (and `parley query`, and the API flattened) names it, `id` (the
// record's document) included, and `id` holds what the record's `id` is.
TEST(StoreBasics, StoredRecordsColumnsAreTheirFieldsNames) {
  const fs::path p = temp_db("vocabulary.db");
  Store::open(p.string())->put_document(full_document());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  for (const auto& [table, fields] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"events", events_table({}).columns},
           {"quotes", quotes_table({}).columns},
           {"deadlines", deadlines_table({}).columns}}) {
    ASSERT_NE(std::find(fields.begin(), fields.end(), "id"), fields.end()) << table;
    sqlite3_stmt* cols = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &cols, nullptr);
    std::vector<std::string> columns;
    while (sqlite3_step(cols) == SQLITE_ROW) {
      const std::string column = reinterpret_cast<const char*>(sqlite3_column_text(cols, 1));
      columns.push_back(column);
      EXPECT_NE(std::find(fields.begin(), fields.end(), column), fields.end())
          << table << "." << column << " is no field of its records";
    }
    sqlite3_finalize(cols);
    EXPECT_GT(columns.size(), 10u) << table;
    EXPECT_NE(std::find(columns.begin(), columns.end(), "id"), columns.end()) << table << " has no id";
    sqlite3_stmt* ids = nullptr;
    sqlite3_prepare_v2(db, ("SELECT DISTINCT id FROM " + table).c_str(), -1, &ids, nullptr);
    std::vector<std::string> values;
    while (sqlite3_step(ids) == SQLITE_ROW) values.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(ids, 0)));
    sqlite3_finalize(ids);
    EXPECT_EQ(values, std::vector<std::string>{"doc-1"}) << table << ".id is not the record's document";
  }
  sqlite3_close(db);
}

// Every table names a document's id `id`, and only that: no column is
// doc_id, and a column named id holds a document's id (TEXT), never a row
// id (those are event_id, quote_id, ..., sentence_keys.sentence_key).  The
// text index's shadow tables are SQLite's (FTS5 names their keys id).
TEST(StoreBasics, IdIsADocumentInEveryTable) {
  const fs::path p = temp_db("ids.db");
  Store::open(p.string());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT t.name, c.name, c.type FROM sqlite_schema t, pragma_table_info(t.name) c "
                     "WHERE t.type = 'table' AND t.name NOT LIKE 'sentence!_search!_%' ESCAPE '!' "
                     "AND c.name IN ('id', 'doc_id') ORDER BY t.name",
                     -1, &st, nullptr);
  std::vector<std::string> tables;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const std::string table = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 1))), "id") << table;
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 2))), "TEXT") << table;
    tables.push_back(table);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_EQ(tables, (std::vector<std::string>{"cluster_documents", "deadlines", "documents", "events", "quotes",
                                              "sentence_keys", "sentences"}));
}

TEST(StoreBasics, RoundTripsEveryField) {
  const fs::path p = temp_db("roundtrip.db");
  const StoredDocument d = full_document();
  Store::open(p.string())->put_document(d);
  auto s = Store::open(p.string(), Store::Mode::kReadOnly);  // reopened: really on disk
  auto back = s->get_document("doc-1");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, as_read(d));
  EXPECT_FALSE(s->get_document("doc-2").has_value());
  EXPECT_EQ(s->counts(), (StoreCounts{1, 2, 2, 2, 1, 1}));
}

// The document view's records carry the row ids the listings give them.
TEST(StoreBasics, ADocumentReadBackGivesItsRecordsRowIds) {
  const fs::path p = temp_db("row_ids.db");
  auto s = Store::open(p.string());
  StoredDocument other = full_document();
  other.id = "doc-0";
  s->put_document(other);  // doc-1's rows then do not start at 1
  s->put_document(full_document());
  StoredRowIds ids;
  auto back = s->get_document("doc-1", &ids);
  ASSERT_TRUE(back.has_value());
  EventFilter f;
  f.doc_id = "doc-1";
  std::vector<int64_t> listed;
  for (const EventRow& r : s->events(f)) listed.push_back(r.event_id);
  std::sort(listed.begin(), listed.end());
  ASSERT_EQ(ids.events.size(), back->events.size());
  EXPECT_EQ(ids.events, listed);
  EXPECT_GT(ids.events.front(), static_cast<int64_t>(other.events.size()));
  QuoteFilter q;
  q.doc_id = "doc-1";
  const auto quotes = s->quotes(q);
  ASSERT_EQ(ids.quotes.size(), 1u);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(ids.quotes[0], quotes[0].quote_id);
  ASSERT_EQ(ids.deadlines.size(), 1u);
  int64_t deadline_id = 0;
  for (const DeadlineRow& r : s->open_deadlines(DeadlineFilter{}))
    if (r.deadline.doc_id == "doc-1") deadline_id = r.deadline_id;
  EXPECT_EQ(ids.deadlines[0], deadline_id);
  EXPECT_EQ(*s->get_document("doc-1"), *back) << "the same document with or without the ids";
}

TEST(StoreBasics, ReputReplacesAndNeverDuplicates) {
  const fs::path p = temp_db("replace.db");
  auto s = Store::open(p.string());
  StoredDocument d = full_document();
  s->put_document(d);
  s->put_document(d);
  EXPECT_EQ(s->counts(), (StoreCounts{1, 2, 2, 2, 1, 1}));
  d.events.pop_back();
  d.quotes.clear();
  d.text = "changed";
  s->put_document(d);
  EXPECT_EQ(s->counts(), (StoreCounts{1, 2, 1, 1, 0, 1}));
  EXPECT_EQ(s->get_document("doc-1")->text, "changed");
}

TEST(StoreBasics, BatchLaterDocumentWins) {
  const fs::path p = temp_db("batch.db");
  auto s = Store::open(p.string());
  StoredDocument a = full_document(), b = full_document();
  b.events.resize(1);
  std::vector<StoredDocument> batch{a, b};
  s->put_documents(batch);
  EXPECT_EQ(s->counts().events, 1);
  EXPECT_EQ(s->counts().documents, 1);
}

TEST(StoreBasics, DeleteRemovesEverything) {
  const fs::path p = temp_db("delete.db");
  auto s = Store::open(p.string());
  s->put_document(full_document());
  EXPECT_TRUE(s->delete_document("doc-1"));
  EXPECT_FALSE(s->delete_document("doc-1"));
  EXPECT_EQ(s->counts(), StoreCounts{});
}

TEST(StoreBasics, FailedPutRollsBackWholeDocument) {
  const fs::path p = temp_db("rollback.db");
  auto s = Store::open(p.string());
  s->put_document(full_document());
  StoredDocument bad = full_document();
  bad.text = "new text";
  bad.events.push_back(event(7, "A", "B", "010"));  // sentence 7 does not exist: foreign key
  EXPECT_THROW(s->put_document(bad), StoreError);
  // The old version is intact, nothing of the new one is there.
  EXPECT_EQ(*s->get_document("doc-1"), as_read(full_document()));
  EXPECT_EQ(s->counts(), (StoreCounts{1, 2, 2, 2, 1, 1}));
}

// The document of full_document() cut after its first sentence, as
// ingest cuts a long record into pieces: the records keep the document's
// indices and offsets.
std::vector<StoredDocument> in_two_parts(const StoredDocument& d) {
  std::vector<StoredDocument> parts(2);
  parts[0].text = d.text.substr(0, 19);
  parts[1].text = d.text.substr(19);
  for (auto& r : d.sentences) parts[r.index == 0 ? 0 : 1].sentences.push_back(r);
  for (auto& r : d.events) parts[r.sentence == 0 ? 0 : 1].events.push_back(r);
  for (auto& r : d.quotes) parts[r.sentence == 0 ? 0 : 1].quotes.push_back(r);
  for (auto& r : d.deadlines) parts[r.sentence == 0 ? 0 : 1].deadlines.push_back(r);
  return parts;
}

TEST(StoreBasics, ADocumentWrittenInPartsEqualsOnePut) {
  const fs::path whole_path = temp_db("whole.db"), parts_path = temp_db("parts.db");
  StoredDocument d = full_document();
  d.events.push_back(d.events.front());  // a second mention of the same cluster, in the other part
  d.events.back().sentence = 1;
  Store::open(whole_path.string())->put_document(d);
  auto s = Store::open(parts_path.string());
  s->put_document(full_document());  // replaced by the parts
  auto writer = s->write_document(d.id, d.date, d.source_file);
  for (const StoredDocument& part : in_two_parts(d)) writer->append(part);
  writer->commit();
  EXPECT_THROW(writer->commit(), StoreError);
  EXPECT_EQ(*s->get_document("doc-1"), as_read(d));
  auto whole = Store::open(whole_path.string(), Store::Mode::kReadOnly);
  EXPECT_EQ(s->counts(), whole->counts());
  const std::vector<ClusterRow> mine = s->clusters(EventFilter{}), theirs = whole->clusters(EventFilter{});
  ASSERT_EQ(mine.size(), theirs.size());
  for (size_t k = 0; k < mine.size(); ++k) {
    EXPECT_EQ(mine[k].code, theirs[k].code);
    EXPECT_EQ(mine[k].root, theirs[k].root);
    EXPECT_EQ(mine[k].goldstein, theirs[k].goldstein);
    EXPECT_EQ(mine[k].mentions, theirs[k].mentions);
    EXPECT_EQ(mine[k].documents, theirs[k].documents);
  }
  EXPECT_EQ(s->integrity_check(), "ok");
}

TEST(StoreBasics, AnUncommittedDocumentWriterLeavesTheOldVersion) {
  const fs::path p = temp_db("writer_rollback.db");
  auto s = Store::open(p.string());
  s->put_document(full_document());
  StoredDocument d = full_document();
  d.text = "Something else entirely, much longer than before.";
  {
    auto writer = s->write_document(d.id, d.date, d.source_file);
    writer->append(in_two_parts(d)[0]);
  }  // given up
  EXPECT_EQ(*s->get_document("doc-1"), as_read(full_document()));
  EXPECT_EQ(s->counts(), (StoreCounts{1, 2, 2, 2, 1, 1}));
  s->put_document(d);  // the store is free for the next write
  EXPECT_EQ(s->get_document("doc-1")->text, d.text);
}

TEST(StoreBasics, AWholeStoryDiscardInALaterPartKeepsOnlyTheSentences) {
  const fs::path p = temp_db("writer_discard.db");
  auto s = Store::open(p.string());
  std::vector<StoredDocument> parts = in_two_parts(full_document());
  parts[1].story_discarded = true;
  auto writer = s->write_document("doc-1", 20250806, "in.jsonl");
  for (const StoredDocument& part : parts) writer->append(part);
  writer->commit();
  StoredDocument expected = full_document();
  expected.story_discarded = true;
  expected.events.clear();
  expected.quotes.clear();
  expected.deadlines.clear();
  EXPECT_EQ(*s->get_document("doc-1"), expected);
  EXPECT_EQ(s->counts(), (StoreCounts{1, 2, 0, 0, 0, 0}));
}

TEST(StoreBasics, AddQuotesAndDeadlinesToStoredDocument) {
  const fs::path p = temp_db("add.db");
  auto s = Store::open(p.string());
  s->put_document(full_document());
  QuoteRecord q;
  q.doc_id = "doc-1";
  q.speaker_text = "Witkoff";
  q.quote_text = "productive";
  std::vector<QuoteRecord> quotes{q};
  s->add_quotes(quotes);
  DeadlineRecord d;
  d.doc_id = "doc-1";
  d.due_date = 20250901;
  std::vector<DeadlineRecord> deadlines{d};
  s->add_deadlines(deadlines);
  EXPECT_EQ(s->counts().quotes, 2);
  EXPECT_EQ(s->counts().deadlines, 2);
  // Unknown document: clear error, nothing added (one transaction).
  quotes.push_back(q);
  quotes.back().doc_id = "missing";
  try {
    s->add_quotes(quotes);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("'missing' is not stored"), std::string::npos) << e.what();
  }
  EXPECT_EQ(s->counts().quotes, 2);
}

TEST(StoreBasics, RefusesNonSqliteFile) {
  const fs::path p = temp_db("text.db");
  std::ofstream(p) << "this is not a database, just some text that is long enough to be a header..........\n";
  EXPECT_NE(open_error(p).find("not a SQLite database"), std::string::npos) << open_error(p);
}

TEST(StoreBasics, RefusesForeignSqliteFile) {
  const fs::path p = temp_db("foreign.db");
  raw_exec(p, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
  EXPECT_NE(open_error(p).find("not a parley event store"), std::string::npos) << open_error(p);
}

TEST(StoreBasics, RefusesNewerSchema) {
  const fs::path p = temp_db("newer.db");
  Store::open(p.string());
  raw_exec(p, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  const std::string why = open_error(p);
  EXPECT_NE(why.find("newer parley (schema version 99"), std::string::npos) << why;
  raw_exec(p, "UPDATE meta SET value = 'x' WHERE key = 'schema_version'");
  EXPECT_NE(open_error(p).find("unreadable schema_version"), std::string::npos) << open_error(p);
}

TEST(StoreBasics, ReadOnlyNeedsExistingStore) {
  const fs::path p = temp_db("missing.db");
  EXPECT_NE(open_error(p, Store::Mode::kReadOnly).find("cannot open"), std::string::npos);
  EXPECT_FALSE(fs::exists(p));
  auto s = Store::open(p.string());
  s->put_document(full_document());
  auto ro = Store::open(p.string(), Store::Mode::kReadOnly);
  EXPECT_THROW(ro->put_document(full_document()), StoreError);
}

TEST(StoreBasics, SharedStoreIsSafeAcrossThreads) {
  const fs::path p = temp_db("threads.db");
  auto s = Store::open(p.string());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        StoredDocument d = full_document();
        d.id = std::string("t").append(std::to_string(t)).append("-").append(std::to_string(i));
        s->put_document(d);
        (void)s->events(EventFilter{});
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(s->counts().documents, 100);
  EXPECT_EQ(s->counts().events, 200);
}

// Reads borrow pooled read connections, writes use the one write
// connection: a thread reads its own write back at once, through every
// kind of read, while other threads read and write.
TEST(StoreBasics, PooledReadsSeeEachCommittedWrite) {
  const fs::path p = temp_db("pool.db");
  auto s = Store::open(p.string());
  std::vector<std::thread> threads;
  std::atomic<int> unseen{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 15; ++i) {
        StoredDocument d = full_document();
        d.id = std::string("p").append(std::to_string(t)).append("-").append(std::to_string(i));
        s->put_document(d);
        EventFilter f;
        f.doc_id = d.id;
        if (s->events(f).size() != 2 || !s->get_document(d.id) || s->count_events(f, 10).count != 2) ++unseen;
        (void)s->top_actors(ActorQuery{});
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unseen.load(), 0);
  EXPECT_EQ(s->counts().documents, 90);
  EXPECT_EQ(s->integrity_check(), "ok");
}

TEST(StoreBasics, ReaderOnOwnConnectionWhileWriting) {
  const fs::path p = temp_db("wal.db");
  auto writer = Store::open(p.string());
  writer->put_document(full_document());
  auto reader = Store::open(p.string(), Store::Mode::kReadOnly);
  std::thread w([&] {
    for (int i = 0; i < 50; ++i) {
      StoredDocument d = full_document();
      d.id = std::string("w").append(std::to_string(i));
      writer->put_document(d);
    }
  });
  int64_t last = 0;
  for (int i = 0; i < 50; ++i) {
    const int64_t n = reader->counts().documents;
    EXPECT_GE(n, last);  // never goes back, never sees half a document
    EXPECT_EQ(reader->counts().events % 2, 0);
    last = n;
  }
  w.join();
  EXPECT_EQ(reader->counts().documents, 51);
}
