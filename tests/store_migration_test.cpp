// A store written by schema version 1 (tests/data/store_v1.sql, a sqlite3
// dump) opens and is migrated in place: its rows keep their values, the new
// columns read as "absent" / false, the file then has exactly the schema of
// a new one, and new documents with every field go in and come back.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

#include "store/store.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace parley::store;

namespace {

fs::path temp_db(const std::string& name) { return parley::test::process_temp_dir().fresh_db(name); }

// Runs SQL on a file through the SQLite C API (not through the store).
void run_sql(const fs::path& db, const std::string& sql) {
  sqlite3* conn = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &conn), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(conn);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

// table -> "column type notnull default" lines, and the index and trigger
// definitions.
std::map<std::string, std::string> schema_of(const fs::path& db) {
  sqlite3* conn = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::map<std::string, std::string> out;
  sqlite3_stmt* tables = nullptr;
  sqlite3_prepare_v2(conn, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name", -1, &tables, nullptr);
  while (sqlite3_step(tables) == SQLITE_ROW) {
    const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(tables, 0));
    const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(tables, 1));
    if (type == "index" || type == "trigger") {
      out[type + " " + name] = reinterpret_cast<const char*>(sqlite3_column_text(tables, 2));
      continue;
    }
    sqlite3_stmt* cols = nullptr;
    sqlite3_prepare_v2(conn, ("PRAGMA table_info(" + name + ")").c_str(), -1, &cols, nullptr);
    std::string text;
    while (sqlite3_step(cols) == SQLITE_ROW) {
      for (int i = 1; i <= 4; ++i) {
        const auto* v = sqlite3_column_text(cols, i);
        text += (v ? reinterpret_cast<const char*>(v) : "NULL") + std::string(" ");
      }
      text += "\n";
    }
    sqlite3_finalize(cols);
    out["table " + name] = text;
  }
  sqlite3_finalize(tables);
  sqlite3_close(conn);
  return out;
}

// What version 10 changed, undone: a document's id is doc_id again in every
// table but documents, and the text index's key is sentence_keys.id.  A
// fresh file made into an older version starts here.
const std::string kWithoutVersion10 =
    "ALTER TABLE events RENAME COLUMN id TO doc_id;"
    "ALTER TABLE quotes RENAME COLUMN id TO doc_id;"
    "ALTER TABLE deadlines RENAME COLUMN id TO doc_id;"
    "ALTER TABLE sentences RENAME COLUMN id TO doc_id;"
    "ALTER TABLE cluster_documents RENAME COLUMN id TO doc_id;"
    "ALTER TABLE sentence_keys RENAME COLUMN id TO doc_id;"
    "ALTER TABLE sentence_keys RENAME COLUMN sentence_key TO id;";

// What versions 9 and 10 changed, undone: the columns get their version-8
// names back, and the quote and deadline indexes theirs.
const std::string kWithoutVersion9 =
    kWithoutVersion10 +
    "ALTER TABLE events RENAME COLUMN event_id TO id;"
    "ALTER TABLE event_clusters RENAME COLUMN cluster_id TO id;"
    "ALTER TABLE quotes RENAME COLUMN quote_id TO id;"
    "ALTER TABLE quotes RENAME COLUMN speaker TO speaker_text;"
    "ALTER TABLE quotes RENAME COLUMN text TO quote_text;"
    "ALTER TABLE quotes RENAME COLUMN text_begin TO quote_begin;"
    "ALTER TABLE quotes RENAME COLUMN text_end TO quote_end;"
    "ALTER TABLE deadlines RENAME COLUMN deadline_id TO id;"
    "ALTER TABLE deadlines RENAME COLUMN setter TO setter_text;"
    "ALTER TABLE deadlines RENAME COLUMN target TO target_text;"
    "ALTER TABLE deadlines RENAME COLUMN date TO due_date;"
    "ALTER TABLE deadlines RENAME COLUMN \"begin\" TO begin_byte;"
    "ALTER TABLE deadlines RENAME COLUMN \"end\" TO end_byte;"
    "ALTER TABLE sentences RENAME COLUMN sentence TO idx;"
    "ALTER TABLE sentences RENAME COLUMN \"begin\" TO begin_byte;"
    "ALTER TABLE sentences RENAME COLUMN \"end\" TO end_byte;"
    "ALTER TABLE sentence_keys RENAME COLUMN sentence TO idx;"
    "DROP INDEX quotes_speaker_code; DROP INDEX quotes_speaker; DROP INDEX deadlines_date;"
    "CREATE INDEX quotes_speaker ON quotes(speaker_code); CREATE INDEX quotes_speaker_text ON quotes(speaker_text);"
    "CREATE INDEX deadlines_due ON deadlines(due_date);";

// What versions 8 to 10 did, undone.
const std::string kWithoutVersion8 = kWithoutVersion9 + "DROP INDEX quotes_speaker_text;";

// What versions 5 and 8 to 10 did, undone.
const std::string kWithoutVersion5 =
    kWithoutVersion8 +
    "DROP TRIGGER sentences_search_insert; DROP TRIGGER sentences_search_delete;"
    "DROP TRIGGER sentences_search_update; DROP TABLE sentence_search; DROP TABLE sentence_keys;"
    "DROP INDEX events_root_goldstein; DROP INDEX events_doc_goldstein; DROP INDEX events_dyad_goldstein;"
    "DROP INDEX events_date_weights;";

fs::path old_store(const std::string& name) {
  const fs::path db = temp_db(name);
  std::ifstream in(parley::test::test_data_path("store_v1.sql"));
  std::stringstream sql;
  sql << in.rdbuf();
  EXPECT_FALSE(sql.str().empty()) << "tests/data/store_v1.sql is missing";
  run_sql(db, sql.str());
  return db;
}

// A document dated 2025-08-06 of `sentences`, its text their words joined by spaces.
StoredDocument document(const std::string& id, const std::vector<std::string>& sentences) {
  StoredDocument d;
  d.id = id;
  d.date = 20250806;
  d.source_file = id + ".jsonl";
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    if (i) d.text += ' ';
    const int64_t begin = static_cast<int64_t>(d.text.size());
    d.text += sentences[i];
    d.sentences.push_back({i, {begin, static_cast<int64_t>(d.text.size())}, sentences[i], false});
  }
  return d;
}

// An event of CAMEO `code` (its root: the first two digits) in sentence 0,
// on 2025-08-06.
EventRecord event(const char* source, const char* target, const std::string& code, int quad_class) {
  EventRecord e;
  e.date = 20250806;
  e.source = source;
  e.target = target;
  e.code = code;
  e.root = code.substr(0, 2);
  e.quad_class = quad_class;
  return e;
}

TEST(StoreMigration, AVersionOneFileIsMigratedInPlaceAndKeepsItsRows) {
  const fs::path db = old_store("v1.db");
  {
    auto store = Store::open(db.string());
    EXPECT_EQ(store->integrity_check(), "ok");
    const StoreCounts c = store->counts();
    EXPECT_EQ(c.documents, 1);
    EXPECT_EQ(c.events, 1);
    EXPECT_EQ(c.clusters, 1);
    EXPECT_EQ(c.quotes, 1);
    EXPECT_EQ(c.deadlines, 1);
    auto doc = store->get_document("old-1");
    ASSERT_TRUE(doc);
    ASSERT_EQ(doc->events.size(), 1u);
    const EventRecord& e = doc->events[0];
    EXPECT_EQ(e.source, "GON");
    EXPECT_EQ(e.target, "ARN");
    EXPECT_EQ(e.code, "040");
    EXPECT_EQ(e.date, 20250806);       // version 1 kept the document's date: it is all there is
    EXPECT_EQ(e.verb_entry, "verbs.txt:12");  // was /home/someone/dict/verbs.txt:12 (version 7)
    EXPECT_EQ(e.date_text, "");
    EXPECT_FALSE(e.place);
    // Version 1 stored no PLOVER type: the migration gives the one `parley
    // code` gives CAMEO 040 (plover_for(), the one table), no mode.
    EXPECT_EQ(e.plover_type, "CONSULT");
    EXPECT_EQ(e.plover_mode, "");
    EXPECT_FALSE(e.conditional || e.hypothetical || e.future || e.reported || e.one_sided || e.in_condition);
    ASSERT_EQ(doc->quotes.size(), 1u);
    EXPECT_EQ(doc->quotes[0].quote_text, "We agree");
    EXPECT_EQ(doc->quotes[0].last_sentence, 1u);
    EXPECT_EQ(doc->quotes[0].attribution, "none");
    EXPECT_TRUE(doc->quotes[0].closed);
    ASSERT_EQ(doc->deadlines.size(), 1u);
    EXPECT_EQ(doc->deadlines[0].due_date, 20250808);
    EXPECT_FALSE(doc->deadlines[0].target_inferred);
  }
  // The migrated file is a current-version file like any new one.
  const fs::path fresh = temp_db("fresh.db");
  Store::open(fresh.string());
  EXPECT_EQ(schema_of(db), schema_of(fresh));
}

TEST(StoreMigration, AReadOnlyOpenMigratesTooAndNewRecordsKeepEveryField) {
  const fs::path db = old_store("v1-read.db");
  {
    auto reader = Store::open(db.string(), Store::Mode::kReadOnly);
    EXPECT_EQ(reader->counts().events, 1);
  }
  auto store = Store::open(db.string());
  StoredDocument d;
  d.id = "new-1";
  d.date = 20260303;
  d.source_file = "new.jsonl";
  d.text = "Gondor attacked Mordor in Minas Tirith on Saturday.";
  d.sentences.push_back({0, {0, 51}, d.text, false});
  EventRecord e;
  e.date = 20260228;
  e.date_text = "on Saturday";
  e.source = "GON";
  e.target = "MOR";
  e.code = "190";
  e.root = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.plover_type = "ASSAULT";
  e.plover_mode = "";
  e.place = PlaceRecord{"Minas Tirith", "", "GN", "", 45.5, 12.25, "city", "named", {25, 37}};
  e.conditional = true;
  e.condition = "if Mordor attacks";
  e.one_sided = true;
  e.verb = "attacked";
  e.verb_entry = "verbs.txt:1";
  e.verb_span = {7, 15};
  d.events.push_back(e);
  store->put_document(d);
  auto back = store->get_document("new-1");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->events, d.events);
  // The cluster takes the event's own date, not the document's.
  EventFilter f;
  f.source = "GON";
  f.target = "MOR";
  auto clusters = store->clusters(f);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].date, 20260228);
  EXPECT_EQ(store->integrity_check(), "ok");
}

TEST(StoreMigration, Version2GetsTheActorAndDyadIndexes) {
  // A version-2 file: what a fresh store is, with the indexes version 2 had.
  const fs::path db = temp_db("v2.db");
  {
    auto store = Store::open(db.string());
    StoredDocument d = document("v2-1", {"Gondor attacked Mordor."});
    d.events.push_back(event("GONGOV", "MOR", "190", 4));
    store->put_document(d);
  }
  run_sql(db, kWithoutVersion5 +
              "DROP INDEX events_source_target; DROP INDEX events_target_source; DROP INDEX events_quad;"
              "DROP INDEX events_doc_date; DROP INDEX events_date; CREATE INDEX events_date ON events(date);"
              "CREATE INDEX events_source ON events(source, date); CREATE INDEX events_target ON events(target, date);"
              "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  auto store = Store::open(db.string());
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.count("index events_source"), 0u);
  EXPECT_EQ(schema.count("index events_target"), 0u);
  EXPECT_EQ(schema.at("index events_quad"), "CREATE INDEX events_quad ON events(quad_class, date)");
  EXPECT_EQ(schema.count("index events_source_target"), 1u);  // as version 4 has it (next test)
  EventFilter f;
  f.actor = "MOR";
  ASSERT_EQ(store->events(f).size(), 1u);
  EXPECT_EQ(store->integrity_check(), "ok");
}

TEST(StoreMigration, Version3GetsTheDocumentDateAndFilterCoveringIndexes) {
  // A version-3 file: a fresh store with the indexes version 3 had.
  const fs::path db = temp_db("v3.db");
  {
    auto store = Store::open(db.string());
    StoredDocument d = document("v3-1", {"Gondor attacked Mordor.", "Mordor threatened Gondor."});
    EventRecord e = event("GONGOV", "MOR", "190", 4);
    d.events.push_back(e);
    e.sentence = 1;
    e.date = 20250801;
    e.source = "MOR";
    e.target = "GONGOV";
    e.code = "130";
    e.root = "13";
    d.events.push_back(e);
    store->put_document(d);
  }
  run_sql(db, kWithoutVersion5 +
              "DROP INDEX events_doc_date; DROP INDEX events_source_target; DROP INDEX events_target_source;"
              "DROP INDEX events_date; CREATE INDEX events_date ON events(date);"
              "CREATE INDEX events_source_target ON events(source, target, date);"
              "CREATE INDEX events_target_source ON events(target, source, date);"
              "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  ASSERT_EQ(schema_of(db).count("index events_doc_date"), 0u);
  auto store = Store::open(db.string());
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index events_doc_date"), "CREATE INDEX events_doc_date ON events(id, date)");
  EXPECT_NE(schema.at("index events_source_target").find("ON events(source, target, date, root, code, quad_class"),
            std::string::npos);
  EXPECT_NE(schema.at("index events_target_source").find("ON events(target, source, date, root, code, quad_class"),
            std::string::npos);
  EXPECT_NE(schema.at("index events_date").find("ON events(date, source, target, root"), std::string::npos);
  // The rows are untouched and the filters read them through the new indexes.
  EXPECT_EQ(store->counts().events, 2);
  EventFilter f;
  f.doc_id = "v3-1";
  const auto rows = store->events(f);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event.date, 20250801);  // in date order
  f = EventFilter{};
  f.actor = "GON";
  f.root = "13";
  ASSERT_EQ(store->events(f).size(), 1u);
  EXPECT_EQ(store->integrity_check(), "ok");
  const fs::path fresh = temp_db("fresh-v4.db");
  Store::open(fresh.string());
  EXPECT_EQ(schema, schema_of(fresh));
}

TEST(StoreMigration, Version4GetsTheTextIndexAndGoldsteinIndexes) {
  // A version-4 file: a fresh store without what version 5 added.
  const fs::path db = temp_db("v4.db");
  {
    auto store = Store::open(db.string());
    StoredDocument d = document("v4-1", {"Gondor attacked Mordor.", "Mordor threatened Gondor."});
    EventRecord e = event("GONGOV", "MOR", "190", 4);
    e.goldstein = -10.0;
    d.events.push_back(e);
    e.sentence = 1;
    e.source = "MOR";
    e.target = "GONGOV";
    e.code = "130";
    e.root = "13";
    e.goldstein = -4.4;
    d.events.push_back(e);
    store->put_document(d);
  }
  run_sql(db, kWithoutVersion5 + "UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  ASSERT_EQ(schema_of(db).count("table sentence_search"), 0u);
  auto store = Store::open(db.string());
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index events_root_goldstein"), "CREATE INDEX events_root_goldstein ON events(root, goldstein)");
  EXPECT_EQ(schema.at("index events_doc_goldstein"), "CREATE INDEX events_doc_goldstein ON events(id, goldstein)");
  EXPECT_EQ(schema.count("index events_dyad_goldstein"), 1u);
  EXPECT_EQ(schema.count("index events_date_weights"), 1u);
  // The existing sentences were indexed: a search read through the index
  // (the filter plan) finds them, in either case.
  EventFilter f;
  f.text = "threatened gondor";
  f.plan = EventFilter::Plan::kFilter;
  auto rows = store->events(f);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.code, "130");
  // A document stored after the migration is indexed by the triggers; its
  // replacement drops the old text.
  StoredDocument d = document("v4-2", {"Rohan aided Gondor."});
  d.date = 20250807;
  EventRecord e = event("ROH", "GONGOV", "070", 2);
  e.date = 20250807;
  d.events.push_back(e);
  store->put_document(d);
  f.text = "rohan aided";
  ASSERT_EQ(store->events(f).size(), 1u);
  d.text = d.sentences[0].text = "Rohan ignored Gondor.";
  store->put_document(d);
  EXPECT_TRUE(store->events(f).empty());
  f.text = "ignored";
  EXPECT_EQ(store->events(f).size(), 1u);
  EXPECT_EQ(store->integrity_check(), "ok");
  const fs::path fresh = temp_db("fresh-v5.db");
  Store::open(fresh.string());
  EXPECT_EQ(schema, schema_of(fresh));
}

TEST(StoreMigration, Version5GetsTheCountryCoveringIndexes) {
  // A version-5 file: a fresh store with the two indexes version 5 had.
  const fs::path db = temp_db("v5.db");
  {
    auto store = Store::open(db.string());
    StoredDocument d = document("v5-1", {"Gondor attacked Mordor in Osgiliath."});
    EventRecord e = event("GONGOV", "MOR", "190", 4);
    e.goldstein = -10.0;
    e.place = PlaceRecord{"Osgiliath", "", "UA", "UKR", 50.45, 30.52, "city", "named", {26, 35}};
    d.events.push_back(e);
    store->put_document(d);
  }
  run_sql(db,
          kWithoutVersion8 +
          "DROP INDEX events_country; CREATE INDEX events_country ON events(place_country, date);"
          "DROP INDEX events_date_weights;"
          "CREATE INDEX events_date_weights ON events(date, root, quad_class, plover_type, place_country, goldstein);"
          "UPDATE meta SET value = '5' WHERE key = 'schema_version'");
  auto store = Store::open(db.string());
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index events_country"),
            "CREATE INDEX events_country ON events(place_country, date, place_country_iso3, goldstein)");
  EXPECT_NE(schema.at("index events_date_weights").find("goldstein,\n  place_country_iso3)"), std::string::npos)
      << schema.at("index events_date_weights");
  const auto countries = store->place_countries(EventFilter{});
  ASSERT_EQ(countries.size(), 1u);
  EXPECT_EQ(countries[0].country, "UA");
  EXPECT_EQ(countries[0].events, 1);
  EXPECT_EQ(store->integrity_check(), "ok");
  const fs::path fresh = temp_db("fresh-v6.db");
  Store::open(fresh.string());
  EXPECT_EQ(schema, schema_of(fresh));
}

// Version 7: no absolute path of the machine is left in a document's
// source or an event's evidence; relative ones stay as they are.
TEST(StoreMigration, Version6LosesTheAbsolutePathsOfTheMachine) {
  const fs::path db = temp_db("v6.db");
  {
    auto store = Store::open(db.string());
    for (const auto& [id, source, entry] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"abs", "/home/ana/news/a.jsonl", "/home/ana/dict/verbs.txt:12"},
             {"rel", "news/b.jsonl", "parley.verbs.a-l.txt:5"}}) {
      StoredDocument d;
      d.id = id;
      d.date = 20250806;
      d.source_file = source;
      d.text = "Gondor attacked Mordor.";
      d.sentences.push_back({0, {0, 23}, d.text, false});
      EventRecord e;
      e.date = 20250806;
      e.source = "GON";
      e.target = "MOR";
      e.code = "190";
      e.verb = "attacked";
      e.verb_entry = entry;
      e.pattern = id == "abs" ? "/home/ana/dict/verbs.txt:40" : "";
      d.events.push_back(e);
      store->put_document(d);
    }
  }
  run_sql(db, kWithoutVersion8 + "UPDATE meta SET value = '6' WHERE key = 'schema_version'");
  auto store = Store::open(db.string());
  const auto abs = store->get_document("abs");
  const auto rel = store->get_document("rel");
  ASSERT_TRUE(abs && rel);
  EXPECT_EQ(abs->source_file, "a.jsonl");
  EXPECT_EQ(abs->events.at(0).verb_entry, "verbs.txt:12");
  EXPECT_EQ(abs->events.at(0).pattern, "verbs.txt:40");
  EXPECT_EQ(rel->source_file, "news/b.jsonl");
  EXPECT_EQ(rel->events.at(0).verb_entry, "parley.verbs.a-l.txt:5");
  EXPECT_EQ(rel->events.at(0).pattern, "");
  EXPECT_EQ(store->integrity_check(), "ok");
}

// Version 7 -> 8: events stored without a PLOVER type (files migrated from
// version 1 by an earlier build) get their code's type and mode from the
// CAMEO -> PLOVER table; a type already stored and a code outside CAMEO are
// left as they are.
TEST(StoreMigration, Version7DerivesMissingPloverTypesFromTheCameoCode) {
  const fs::path db = temp_db("v7.db");
  {
    auto store = Store::open(db.string());
    StoredDocument d;
    d.id = "p";
    d.date = 20250806;
    d.source_file = "p.jsonl";
    d.text = "Gondor met Arnor. Gondor visited Arnor. Gondor did X.";
    d.sentences.push_back({0, {0, 17}, "Gondor met Arnor.", false});
    EventRecord e;
    e.date = 20250806;
    e.source = "GON";
    e.target = "ARN";
    e.verb = "met";
    e.verb_entry = "verbs.txt:1";
    for (const char* code : {"040", "042", "194", "999", "190"}) {
      e.code = code;
      d.events.push_back(e);
    }
    d.events[4].plover_type = "OTHER";  // stored with a type (not 190's own): kept
    store->put_document(d);
  }
  run_sql(db, std::string("UPDATE events SET plover_type = NULL, plover_mode = NULL WHERE code <> '190';") +
                  kWithoutVersion8 + "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
  auto store = Store::open(db.string());
  const auto doc = store->get_document("p");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->events.size(), 5u);
  std::vector<std::pair<std::string, std::string>> plover;
  for (const EventRecord& e : doc->events) plover.emplace_back(e.plover_type, e.plover_mode);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"CONSULT", ""}, {"CONSULT", "visit"}, {"ASSAULT", "artillery"}, {"", ""}, {"OTHER", ""}};
  EXPECT_EQ(plover, want);
  EXPECT_EQ(store->integrity_check(), "ok");
}

// The names of a table's columns, in order.
std::vector<std::string> columns_of(const fs::path& db, const std::string& table) {
  sqlite3* conn = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* cols = nullptr;
  sqlite3_prepare_v2(conn, ("PRAGMA table_info(" + table + ")").c_str(), -1, &cols, nullptr);
  std::vector<std::string> out;
  while (sqlite3_step(cols) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(cols, 1)));
  sqlite3_finalize(cols);
  sqlite3_close(conn);
  return out;
}

// A document with one record of each kind, all in one cluster: what the
// renaming migrations (versions 9 and 10) are tried on.
StoredDocument gondor_document(const std::string& id) {
  StoredDocument d = document(id, {"Gondor attacked Mordor in Osgiliath.", "\"We will win,\" the steward said.",
                                   "Mordor must yield by Friday."});
  EventRecord e = event("GONGOV", "MOR", "190", 4);
  e.plover_type = "ASSAULT";
  e.place = PlaceRecord{"Osgiliath", "", "UA", "UKR", 50.45, 30.52, "city", "named", {26, 35}};
  e.verb = "attacked";
  e.verb_span = {7, 15};
  d.events.push_back(e);
  d.quotes.push_back({.doc_id = d.id, .sentence = 1, .last_sentence = 1, .speaker_text = "the steward",
                      .speaker_code = "GONGOV", .quote_text = "We will win,", .attribution = "trailing",
                      .closed = true, .speaker_span = {52, 63}, .quote_span = {38, 50}, .speech_verb_span = {64, 68}});
  d.deadlines.push_back({.doc_id = d.id, .sentence = 2, .setter_code = "GONGOV", .setter_text = "Gondor",
                         .target_code = "MOR", .target_text = "Mordor", .target_inferred = false, .due_date = 20250808,
                         .date_text = "Friday", .about = "yield", .span = {71, 98}, .setter_span = {},
                         .date_span = {92, 98}});
  return d;
}

// Stores `d` in a new file `db`, then makes the file a version-`version`
// one with `undo` (the SQL that takes the later versions back); the row ids
// `d` had before.
StoredRowIds store_as_older_version(const fs::path& db, const StoredDocument& d, const std::string& undo, int version) {
  StoredRowIds ids;
  {
    auto store = Store::open(db.string());
    store->put_document(d);
    store->get_document(d.id, &ids);
  }
  run_sql(db, undo + "UPDATE meta SET value = '" + std::to_string(version) + "' WHERE key = 'schema_version'");
  return ids;
}

// After a migration that renamed columns: gondor_document `d`, stored before
// it with row ids `before`, reads back as written, with its ids, and every
// list finds it, by its text and by its document; a document written and
// replaced after it is indexed anew by the triggers, and deleting both
// cascades through every table and empties the cluster.
void expect_renamed_store_works(Store& store, const StoredDocument& d, const StoredRowIds& before) {
  StoredRowIds ids;
  const auto back = store.get_document(d.id, &ids);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d);
  EXPECT_EQ(ids.events, before.events);
  EXPECT_EQ(ids.quotes, before.quotes);
  EXPECT_EQ(ids.deadlines, before.deadlines);
  EventFilter f;
  f.text = "osgiliath";
  f.plan = EventFilter::Plan::kFilter;  // through the text index
  ASSERT_EQ(store.events(f).size(), 1u);
  EXPECT_EQ(store.events(f)[0].event_id, ids.events.at(0));
  EventFilter by_document;
  by_document.doc_id = d.id;
  by_document.sort = EventSort::kDocument;
  ASSERT_EQ(store.events(by_document).size(), 1u);
  EXPECT_EQ(store.events(by_document)[0].doc_id, d.id);
  EXPECT_EQ(store.clusters(by_document).size(), 1u);  // through cluster_documents
  QuoteFilter qf;
  qf.speaker = "steward";
  qf.sort = QuoteSort::kSpeaker;
  ASSERT_EQ(store.quotes(qf).size(), 1u);
  EXPECT_EQ(store.quotes(qf)[0].quote.quote_text, "We will win,");
  qf = QuoteFilter{};
  qf.doc_id = d.id;
  qf.sort = QuoteSort::kDocument;
  EXPECT_EQ(store.quotes(qf).size(), 1u);
  DeadlineFilter df;
  df.as_of = 20250807;
  ASSERT_EQ(store.open_deadlines(df).size(), 1u);
  EXPECT_EQ(store.open_deadlines(df)[0].deadline.setter_text, "Gondor");
  ASSERT_EQ(store.clusters(EventFilter{}).size(), 1u);
  const auto summaries = store.documents(DocumentFilter{});
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(std::tuple(summaries[0].sentences, summaries[0].events, summaries[0].quotes, summaries[0].deadlines),
            std::tuple(3, 1, 1, 1));
  StoredDocument other = d;
  other.id = d.id + "-other";
  store.put_document(other);
  other.sentences[0].text = "Gondor shelled Mordor in Osgiliath.";
  store.put_document(other);
  f.text = "shelled";
  EXPECT_EQ(store.events(f).size(), 1u);
  f.text = "osgiliath";
  EXPECT_EQ(store.events(f).size(), 2u);
  EXPECT_EQ(store.clusters(EventFilter{}).at(0).mentions, 2);
  ASSERT_TRUE(store.delete_document(d.id));
  ASSERT_TRUE(store.delete_document(other.id));
  EXPECT_EQ(store.counts(), StoreCounts{});
  EXPECT_TRUE(store.events(f).empty());
  EXPECT_EQ(store.integrity_check(), "ok");
}

// Version 8 -> 9: the columns take their fields' names (docs/STORE.md).  The
// rows are untouched and read back as they were written, the indexes,
// triggers and foreign keys follow the new names (the text index's triggers
// keep indexing and unindexing sentences, a document's delete cascades), and
// the file then has the schema of a new one.
TEST(StoreMigration, Version8GetsTheFieldNames) {
  const fs::path db = temp_db("v8.db");
  const StoredDocument d = gondor_document("v8-1");
  const StoredRowIds ids_before = store_as_older_version(db, d, kWithoutVersion9, 8);
  const auto old_quotes = columns_of(db, "quotes");
  ASSERT_NE(std::find(old_quotes.begin(), old_quotes.end(), "speaker_text"), old_quotes.end());
  ASSERT_EQ(columns_of(db, "events").front(), "id");

  auto store = Store::open(db.string());
  EXPECT_EQ(columns_of(db, "events").front(), "event_id");
  EXPECT_EQ(columns_of(db, "event_clusters").front(), "cluster_id");
  EXPECT_EQ(columns_of(db, "sentences"),
            (std::vector<std::string>{"id", "sentence", "begin", "end", "text", "discarded"}));
  const auto quotes = columns_of(db, "quotes");
  const auto deadlines = columns_of(db, "deadlines");
  for (const char* c : {"quote_id", "speaker", "text", "text_begin", "text_end"})
    EXPECT_NE(std::find(quotes.begin(), quotes.end(), c), quotes.end()) << c;
  for (const char* c : {"deadline_id", "setter", "target", "date", "begin", "end"})
    EXPECT_NE(std::find(deadlines.begin(), deadlines.end(), c), deadlines.end()) << c;
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index quotes_speaker"), "CREATE INDEX quotes_speaker ON quotes(speaker)");
  EXPECT_EQ(schema.at("index quotes_speaker_code"), "CREATE INDEX quotes_speaker_code ON quotes(speaker_code)");
  EXPECT_EQ(schema.at("index deadlines_date"), "CREATE INDEX deadlines_date ON deadlines(date)");
  EXPECT_EQ(schema.count("index quotes_speaker_text") + schema.count("index deadlines_due"), 0u);
  EXPECT_NE(schema.at("trigger sentences_search_insert").find("sentence = new.sentence"), std::string::npos)
      << schema.at("trigger sentences_search_insert");
  expect_renamed_store_works(*store, d, ids_before);
  const fs::path fresh = temp_db("fresh-v9.db");
  Store::open(fresh.string());
  EXPECT_EQ(schema, schema_of(fresh));
}

// The SQL sqlite_schema keeps for `name` (a table, index or trigger).
std::string sql_of(const fs::path& db, const std::string& name) {
  sqlite3* conn = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(conn, "SELECT coalesce(group_concat(sql, ';'), '') FROM sqlite_schema WHERE name LIKE ?1", -1, &st,
                     nullptr);
  sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(conn);
  return out;
}

// Version 9 -> 10: a document's id is `id` in every table (docs/STORE.md):
// the record tables' column is their records' field `id`, and sentences,
// cluster_documents and sentence_keys say it the same way (the text index's
// own key becomes sentence_key).  Nothing in sqlite_schema names doc_id any
// more; the indexes, the foreign keys (events -> sentences, every table ->
// documents) and the text index's triggers follow, and the rows are as
// they were.
TEST(StoreMigration, Version9GetsIdForTheDocumentInEveryTable) {
  const fs::path db = temp_db("v9.db");
  const StoredDocument d = gondor_document("v9-1");
  const StoredRowIds ids_before = store_as_older_version(db, d, kWithoutVersion10, 9);
  const std::vector<std::string> tables = {"events", "quotes", "deadlines", "sentences", "cluster_documents",
                                           "sentence_keys"};
  for (const std::string& table : tables) {
    const auto columns = columns_of(db, table);
    ASSERT_NE(std::find(columns.begin(), columns.end(), "doc_id"), columns.end()) << table;
  }
  ASSERT_NE(sql_of(db, "%").find("doc_id"), std::string::npos);

  auto store = Store::open(db.string());
  for (const std::string& table : tables) {
    const auto columns = columns_of(db, table);
    EXPECT_EQ(std::count(columns.begin(), columns.end(), "id"), 1) << table;
    EXPECT_EQ(std::count(columns.begin(), columns.end(), "doc_id"), 0) << table;
  }
  EXPECT_EQ(columns_of(db, "sentence_keys"), (std::vector<std::string>{"sentence_key", "id", "sentence"}));
  EXPECT_EQ(sql_of(db, "%").find("doc_id"), std::string::npos) << sql_of(db, "%");
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index events_doc"), "CREATE INDEX events_doc ON events(id, sentence)");
  EXPECT_EQ(schema.at("index quotes_doc"), "CREATE INDEX quotes_doc ON quotes(id)");
  EXPECT_EQ(schema.at("index deadlines_doc"), "CREATE INDEX deadlines_doc ON deadlines(id)");
  EXPECT_EQ(schema.at("index cluster_documents_doc"), "CREATE INDEX cluster_documents_doc ON cluster_documents(id)");
  EXPECT_NE(sql_of(db, "events").find("FOREIGN KEY(id, sentence) REFERENCES sentences(id, sentence)"),
            std::string::npos) << sql_of(db, "events");
  for (const char* table : {"sentences", "quotes", "deadlines", "cluster_documents"})
    EXPECT_NE(sql_of(db, table).find("id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"), std::string::npos)
        << sql_of(db, table);
  EXPECT_NE(schema.at("trigger sentences_search_insert")
                .find("SELECT sentence_key, new.text FROM sentence_keys WHERE id = new.id AND sentence = new.sentence"),
            std::string::npos)
      << schema.at("trigger sentences_search_insert");
  expect_renamed_store_works(*store, d, ids_before);
  const fs::path fresh = temp_db("fresh-v10.db");
  Store::open(fresh.string());
  EXPECT_EQ(schema, schema_of(fresh));
}

TEST(StoreMigration, AFileFromANewerParleyIsStillRefused) {
  const fs::path db = old_store("v99.db");
  run_sql(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  try {
    Store::open(db.string());
    FAIL() << "opened a newer file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer parley"), std::string::npos) << e.what();
  }
}

}  // namespace
