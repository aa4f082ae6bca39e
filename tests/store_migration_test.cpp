// A store written by schema version 1 (tests/data/store_v1.sql, a sqlite3
// dump) opens and is migrated in place: its rows keep their values, the new
// columns read as "absent" / false, the file then has exactly the schema of
// a new one, and new documents with every field go in and come back.
#include <gtest/gtest.h>
#include <sqlite3.h>

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

// table -> "column type notnull default" lines, and the index definitions.
std::map<std::string, std::string> schema_of(const fs::path& db) {
  sqlite3* conn = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::map<std::string, std::string> out;
  sqlite3_stmt* tables = nullptr;
  sqlite3_prepare_v2(conn, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name", -1, &tables, nullptr);
  while (sqlite3_step(tables) == SQLITE_ROW) {
    const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(tables, 0));
    const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(tables, 1));
    if (type == "index") {
      out["index " + name] = reinterpret_cast<const char*>(sqlite3_column_text(tables, 2));
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

// What version 8 added, dropped: a fresh file made into an older version.
constexpr const char* kWithoutVersion8 = "DROP INDEX quotes_speaker_text;";

// What versions 5 and 8 added, dropped.
constexpr const char* kWithoutVersion5 =
    "DROP INDEX quotes_speaker_text;"
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
    StoredDocument d;
    d.id = "v2-1";
    d.date = 20250806;
    d.source_file = "v2.jsonl";
    d.text = "Gondor attacked Mordor.";
    d.sentences.push_back({0, {0, 23}, d.text, false});
    EventRecord e;
    e.date = 20250806;
    e.source = "GONGOV";
    e.target = "MOR";
    e.code = "190";
    e.root = "19";
    e.quad_class = 4;
    d.events.push_back(e);
    store->put_document(d);
  }
  run_sql(db, std::string(kWithoutVersion5) +
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
    StoredDocument d;
    d.id = "v3-1";
    d.date = 20250806;
    d.source_file = "v3.jsonl";
    d.text = "Gondor attacked Mordor. Mordor threatened Gondor.";
    d.sentences.push_back({0, {0, 23}, "Gondor attacked Mordor.", false});
    d.sentences.push_back({1, {24, 49}, "Mordor threatened Gondor.", false});
    EventRecord e;
    e.date = 20250806;
    e.source = "GONGOV";
    e.target = "MOR";
    e.code = "190";
    e.root = "19";
    e.quad_class = 4;
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
  run_sql(db, std::string(kWithoutVersion5) +
              "DROP INDEX events_doc_date; DROP INDEX events_source_target; DROP INDEX events_target_source;"
              "DROP INDEX events_date; CREATE INDEX events_date ON events(date);"
              "CREATE INDEX events_source_target ON events(source, target, date);"
              "CREATE INDEX events_target_source ON events(target, source, date);"
              "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  ASSERT_EQ(schema_of(db).count("index events_doc_date"), 0u);
  auto store = Store::open(db.string());
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index events_doc_date"), "CREATE INDEX events_doc_date ON events(doc_id, date)");
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
    StoredDocument d;
    d.id = "v4-1";
    d.date = 20250806;
    d.source_file = "v4.jsonl";
    d.text = "Gondor attacked Mordor. Mordor threatened Gondor.";
    d.sentences.push_back({0, {0, 23}, "Gondor attacked Mordor.", false});
    d.sentences.push_back({1, {24, 49}, "Mordor threatened Gondor.", false});
    EventRecord e;
    e.date = 20250806;
    e.source = "GONGOV";
    e.target = "MOR";
    e.code = "190";
    e.root = "19";
    e.quad_class = 4;
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
  run_sql(db, std::string(kWithoutVersion5) + "UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  ASSERT_EQ(schema_of(db).count("table sentence_search"), 0u);
  auto store = Store::open(db.string());
  const auto schema = schema_of(db);
  EXPECT_EQ(schema.at("index events_root_goldstein"), "CREATE INDEX events_root_goldstein ON events(root, goldstein)");
  EXPECT_EQ(schema.at("index events_doc_goldstein"), "CREATE INDEX events_doc_goldstein ON events(doc_id, goldstein)");
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
  StoredDocument d;
  d.id = "v4-2";
  d.date = 20250807;
  d.source_file = "v4.jsonl";
  d.text = "Rohan aided Gondor.";
  d.sentences.push_back({0, {0, 19}, d.text, false});
  EventRecord e;
  e.date = 20250807;
  e.source = "ROH";
  e.target = "GONGOV";
  e.code = "070";
  e.root = "07";
  e.quad_class = 2;
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
    StoredDocument d;
    d.id = "v5-1";
    d.date = 20250806;
    d.source_file = "v5.jsonl";
    d.text = "Gondor attacked Mordor in Osgiliath.";
    d.sentences.push_back({0, {0, 36}, "Gondor attacked Mordor in Osgiliath.", false});
    EventRecord e;
    e.source = "GONGOV";
    e.target = "MOR";
    e.code = "190";
    e.root = "19";
    e.quad_class = 4;
    e.goldstein = -10.0;
    e.place = PlaceRecord{"Osgiliath", "", "UA", "UKR", 50.45, 30.52, "city", "named", {26, 35}};
    d.events.push_back(e);
    store->put_document(d);
  }
  run_sql(db,
          std::string(kWithoutVersion8) +
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
  run_sql(db, std::string(kWithoutVersion8) + "UPDATE meta SET value = '6' WHERE key = 'schema_version'");
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
