// End-to-end: `parley ingest` and `parley query` on the example article and
// small inputs: the store holds exactly what `parley code` prints, re-ingest
// changes nothing, each query kind and output format, bad input and hostile
// arguments.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/ingest.h"
#include "io/flat_columns.h"
#include "store/store.h"
#include "support/paths.h"
#include "support/run.h"
#include "support/server.h"
#include "support/temp_dir.h"

namespace {

using namespace parley::test;

// The example article; the test that needs it fails if ../shared is missing.
std::string article() { return example_article(); }

// Files shared by the suite live in the process's temporary directory.
std::string fresh_db(const std::string& name) { return process_temp_dir().fresh_db(name); }
std::string write_temp(const std::string& name, const std::string& content) { return process_temp_dir().write(name, content); }

nlohmann::json stats(const std::string& db) {
  RunResult r = run_parley("query --db " + db + " --format jsonl stats");
  EXPECT_EQ(r.status, 0) << r.err;
  auto v = json_lines(r.out);
  EXPECT_EQ(v.size(), 1u);
  return v.empty() ? nlohmann::json() : v[0];
}

class CliStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(fresh_db("article.db"));
    RunResult r = run_parley("ingest --db " + *db_ + " --date 2025-08-06 " + article());
    ASSERT_EQ(r.status, 0) << r.err;
    RunResult c = run_parley("code --date 2025-08-06 " + article());
    ASSERT_EQ(c.status, 0) << c.err;
    coded_ = new std::vector<nlohmann::json>();
    quotes_ = deadlines_ = 0;
    for (auto& record : json_lines(c.out)) {
      if (record["type"] == "event") coded_->push_back(record);
      quotes_ += record["type"] == "quote";
      deadlines_ += record["type"] == "deadline";
    }
  }
  static void TearDownTestSuite() {
    delete db_;
    delete coded_;
  }
  static std::string* db_;
  static std::vector<nlohmann::json>* coded_;  // the event records of `parley code`
  static int quotes_, deadlines_;
};
int CliStore::quotes_ = 0;
int CliStore::deadlines_ = 0;
std::string* CliStore::db_ = nullptr;
std::vector<nlohmann::json>* CliStore::coded_ = nullptr;

}  // namespace

TEST_F(CliStore, StoredEventsEqualParleyCode) {
  ASSERT_GT(coded_->size(), 3u);
  RunResult r = run_parley("query --db " + *db_ + " --format jsonl events");
  ASSERT_EQ(r.status, 0) << r.err;
  auto stored = json_lines(r.out);
  ASSERT_EQ(stored.size(), coded_->size());
  for (size_t i = 0; i < stored.size(); ++i) {
    const auto& s = stored[i];
    const auto& c = (*coded_)[i];
    SCOPED_TRACE(c.dump());
    EXPECT_EQ(s["id"], c["id"]);
    EXPECT_EQ(s["sentence"], c["sentence"]);
    EXPECT_EQ(s["date"], c["date"]);
    EXPECT_EQ(s["source"], c["source"]);
    EXPECT_EQ(s["target"], c["target"]);
    EXPECT_EQ(s["code"], c["code"]);
    EXPECT_EQ(s["root"], c["root"]);
    EXPECT_EQ(s["quad_class"], c["quad_class"]);
    EXPECT_EQ(s["goldstein"], c["goldstein"]);
    EXPECT_EQ(s["passive"], c.value("passive", false));
    EXPECT_EQ(s["verb"], c["evidence"]["verb"]);
    EXPECT_EQ(s["verb_entry"], c["evidence"]["verb_entry"]);
    EXPECT_EQ(s["pattern"], c["evidence"]["pattern"]);
    EXPECT_EQ(s["verb_begin"], c["evidence"]["verb_offsets"][0]);
    EXPECT_EQ(s["verb_end"], c["evidence"]["verb_offsets"][1]);
    if (c["evidence"]["source_offsets"].is_null()) {
      EXPECT_TRUE(s["source_begin"].is_null());
    } else {
      EXPECT_EQ(s["source_begin"], c["evidence"]["source_offsets"][0]);
      EXPECT_EQ(s["source_text"], c["evidence"]["source_text"]);
    }
    if (!c["evidence"]["target_offsets"].is_null()) {
      EXPECT_EQ(s["target_end"], c["evidence"]["target_offsets"][1]);
    }
  }
}

TEST_F(CliStore, ReingestTwiceLeavesCountsUnchanged) {
  const std::string db = fresh_db("twice.db");
  ASSERT_EQ(run_parley("ingest --db " + db + " --date 2025-08-06 " + article()).status, 0);
  const auto once = stats(db);
  RunResult r = run_parley("ingest --db " + db + " --date 2025-08-06 --threads 2 " + article() + " " + article());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(stats(db), once);
  EXPECT_EQ(once["documents"], 1);
  EXPECT_EQ(once["events"], coded_->size());
  EXPECT_EQ(once["quotes"], quotes_);
  EXPECT_EQ(once["deadlines"], deadlines_);
  EXPECT_NE(r.err.find("stored 2 document(s)"), std::string::npos) << r.err;
}

TEST_F(CliStore, EventFiltersFromTheCommandLine) {
  auto count = [&](const std::string& flags) {
    RunResult r = run_parley("query --db " + *db_ + " events --format jsonl " + flags);
    EXPECT_EQ(r.status, 0) << flags << ": " << r.err;
    return json_lines(r.out).size();
  };
  size_t rus = 0, rus_usa = 0, rus_to_usa = 0;
  for (const auto& c : *coded_) {
    const std::string s = c["source"], t = c["target"];
    const bool sr = s.rfind("RUS", 0) == 0, tr = t.rfind("RUS", 0) == 0;
    const bool su = s.rfind("USA", 0) == 0, tu = t.rfind("USA", 0) == 0;
    rus += sr || tr;
    rus_usa += (sr && tu) || (su && tr);
    rus_to_usa += sr && tu;
  }
  ASSERT_GT(rus, 0u);
  EXPECT_EQ(count("--actor rus"), rus);
  EXPECT_EQ(count("--dyad RUS,USA"), rus_usa);
  EXPECT_EQ(count("--dyad RUS,USA --directed"), rus_to_usa);
  EXPECT_EQ(count("--from 2025-08-07"), 0u);
  EXPECT_EQ(count("--to 2025-08-06 --from 2025-08-06"), coded_->size());
  EXPECT_EQ(count("--text Witkoff --limit 1"), 1u);
  EXPECT_GT(count("--code " + (*coded_)[0]["code"].get<std::string>()), 0u);
}

TEST_F(CliStore, OutputFormats) {
  RunResult table = run_parley("query --db " + *db_ + " actors --limit 3");
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_EQ(table.out.rfind("actor ", 0), 0u) << table.out;  // header first, padded
  EXPECT_NE(table.out.find("RUS"), std::string::npos);
  RunResult csv = run_parley("query --db " + *db_ + " --format csv events --text Witkoff");
  ASSERT_EQ(csv.status, 0) << csv.err;
  // The columns of `parley code --format csv`, then the store's own.
  std::string flat_header;
  parley::append_flat_header(flat_header, parley::FlatFormat::kCsv);
  flat_header.back() = ',';
  EXPECT_EQ(csv.out.rfind(flat_header + "place_evidence,", 0), 0u) << csv.out.substr(0, 200);
  // ... ending with the row id, the code's name and the sentence's words, as the JSON names them.
  EXPECT_NE(csv.out.find(",target_end,event_id,code_name,sentence_text\r\n"), std::string::npos) << csv.out.substr(0, 900);
  EXPECT_NE(csv.out.find("\r\n"), std::string::npos);
  // The short table keeps the sentence's words, under the name the CSV and the API give them.
  RunResult short_view = run_parley("query --db " + *db_ + " events --limit 1");
  ASSERT_EQ(short_view.status, 0) << short_view.err;
  EXPECT_NE(short_view.out.find("sentence_text"), std::string::npos) << short_view.out;
  // Sentences with commas or quotes are quoted fields.
  EXPECT_NE(csv.out.find(",\""), std::string::npos);
  RunResult timeline = run_parley("query --db " + *db_ + " --format jsonl timeline --dyad RUS,USA --by week");
  ASSERT_EQ(timeline.status, 0) << timeline.err;
  auto weeks = json_lines(timeline.out);
  ASSERT_EQ(weeks.size(), 1u);
  EXPECT_EQ(weeks[0]["period"], "2025-08-04");
  RunResult clusters = run_parley("query --db " + *db_ + " --format jsonl clusters");
  ASSERT_EQ(clusters.status, 0) << clusters.err;
  for (const auto& c : json_lines(clusters.out)) EXPECT_EQ(c["documents"], 1);
  RunResult deadlines = run_parley("query --db " + *db_ + " deadlines --as-of 2025-01-01");
  ASSERT_EQ(deadlines.status, 0) << deadlines.err;
  EXPECT_EQ(deadlines.out.rfind("date", 0), 0u);
  RunResult quotes = run_parley("query --db " + *db_ + " quotes --speaker x");
  EXPECT_EQ(quotes.status, 0) << quotes.err;
}

TEST_F(CliStore, HostileArgumentsChangeNothing) {
  const auto before = stats(*db_);
  for (const std::string h : {"x'; DROP TABLE events; --", "' OR '1'='1", "%", "_", "\"", "RUS%"}) {
    for (const std::string flag : {"--actor", "--code", "--root", "--text", "--id"}) {
      RunResult r = run_parley("query --db " + *db_ + " --format jsonl events " + flag + " " + quote_arg(h));
      EXPECT_EQ(r.status, 0) << flag << " " << h << ": " << r.err;
      if (flag != "--text") {
        EXPECT_EQ(r.out, "") << flag << " " << h;
      }
    }
    EXPECT_EQ(run_parley("query --db " + *db_ + " --format jsonl timeline --dyad " + quote_arg(h + ",USA")).out, "");
    EXPECT_EQ(run_parley("query --db " + *db_ + " --format jsonl quotes --speaker " + quote_arg(h)).out, "");
  }
  EXPECT_EQ(stats(*db_), before);
}

TEST(CliStoreErrors, BadArgumentsAndFiles) {
  const std::string db = fresh_db("errors.db");
  RunResult r = run_parley("ingest --db " + db + " --date 2025-02-30 " + article());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--date 2025-02-30"), std::string::npos) << r.err;
  r = run_parley("query --db " + fresh_db("nothing.db") + " stats");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;
  const std::string text = write_temp("not-a-db.db", std::string(4096, 'x'));
  r = run_parley("query --db " + text + " stats");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a SQLite database"), std::string::npos) << r.err;
  r = run_parley("ingest --db " + text + " " + article());
  EXPECT_EQ(r.status, 2);
  ASSERT_EQ(run_parley("ingest --db " + db + " --date 2025-08-06 " + article()).status, 0);
  r = run_parley("query --db " + db + " timeline --dyad RUS");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("expected two actor codes"), std::string::npos) << r.err;
  r = run_parley("query --db " + db + " events --from yesterday");
  EXPECT_EQ(r.status, 2);
  r = run_parley("query --db " + db + " --format xml events");
  EXPECT_NE(r.status, 0);
  r = run_parley("query --db " + db);
  EXPECT_NE(r.status, 0);
}

TEST(CliStoreErrors, MalformedRecordsReportedAndSkipped) {
  const std::string in = write_temp("mixed.jsonl",
                                    "{\"id\":\"ok1\",\"date\":\"2025-08-06\",\"text\":\"Russia accused Ukraine.\"}\n"
                                    "{\"id\":\"cut\",\"text\":\"no end\n"
                                    "not json at all\n"
                                    "{\"id\":\"bad-utf8\",\"date\":\"2025-08-06\",\"text\":\"Trump met \xff Putin.\"}\n"
                                    "{\"id\":\"ok2\",\"date\":\"2025-08-07\",\"text\":\"Trump met Putin.\"}\n");
  const std::string db = fresh_db("mixed.db");
  RunResult r = run_parley("ingest --db " + db + " " + in);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("mixed.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3"), std::string::npos) << r.err;
  RunResult q = run_parley("query --db " + db + " --format jsonl events --id ok2");
  ASSERT_EQ(q.status, 0);
  EXPECT_FALSE(q.out.empty());
  const auto s = stats(db);
  EXPECT_GE(s["documents"].get<int>(), 2);
  EXPECT_LE(s["documents"].get<int>(), 3);
}

TEST_F(CliStore, QuotesAndDeadlinesOfTheArticle) {
  ASSERT_GT(quotes_, 0) << "the example article has quotations";
  ASSERT_GT(deadlines_, 0) << "the example article has Trump's August 8 deadline";
  RunResult all = run_parley("query --db " + *db_ + " --format jsonl quotes");
  ASSERT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(json_lines(all.out).size(), static_cast<size_t>(quotes_));
  RunResult by = run_parley("query --db " + *db_ + " --format jsonl quotes --speaker dmitriev");
  ASSERT_EQ(by.status, 0) << by.err;
  auto dmitriev = json_lines(by.out);
  ASSERT_EQ(dmitriev.size(), 1u);
  EXPECT_EQ(dmitriev[0]["text"], "Dialogue will prevail.");
  EXPECT_EQ(dmitriev[0]["speaker_code"], "RUSGOV");
  // Without --as-of every deadline is listed, past ones too (August 8, 2025
  // is long gone), as GET /v1/deadlines lists them.
  RunResult every = run_parley("query --db " + *db_ + " --format jsonl deadlines");
  ASSERT_EQ(every.status, 0) << every.err;
  EXPECT_EQ(json_lines(every.out).size(), static_cast<size_t>(deadlines_)) << every.out;
  RunResult open = run_parley("query --db " + *db_ + " --format jsonl deadlines --as-of 2025-08-06");
  ASSERT_EQ(open.status, 0) << open.err;
  auto due = json_lines(open.out);
  ASSERT_EQ(due.size(), static_cast<size_t>(deadlines_));
  EXPECT_EQ(due[0]["date"], "2025-08-08");
  EXPECT_EQ(due[0]["setter_code"], "USAGOV");
  RunResult closed = run_parley("query --db " + *db_ + " --format jsonl deadlines --as-of 2025-08-09 --actor RUS");
  ASSERT_EQ(closed.status, 0) << closed.err;
  for (const auto& d : json_lines(closed.out)) EXPECT_GE(d["date"].get<std::string>(), "2025-08-09");
}

namespace {

// Every string in `value` (keys' values, at any depth) that is an absolute
// path or contains `dir`.
void collect_machine_paths(const nlohmann::json& value, const std::string& dir, std::vector<std::string>& out) {
  if (value.is_string()) {
    const std::string s = value.get<std::string>();
    if (s.rfind('/', 0) == 0 || s.find(dir) != std::string::npos) out.push_back(s);
  } else if (value.is_structured()) {
    for (const auto& item : value) collect_machine_paths(item, dir, out);
  }
}

// `parley ingest` of a file named by its absolute path stores its file name;
// a relative path is stored as given.  Neither the store nor the API then
// shows a path of the machine: not /v1/documents, not a document, not the
// evidence of /v1/events.
TEST(CliStoreSources, IngestStoresNoAbsolutePathOfTheMachine) {
  const TempDir tmp("cli_store_sources");
  std::filesystem::create_directories(tmp.path() / "news");
  const std::string absolute = tmp.write("news/abs.jsonl",
      "{\"id\":\"abs-1\",\"date\":\"2025-08-06\",\"text\":\"Russia accused Ukraine of shelling Kharkiv.\"}\n");
  tmp.write("news/rel.jsonl", "{\"id\":\"rel-1\",\"date\":\"2025-08-07\",\"text\":\"France met Germany in Paris.\"}\n");
  ASSERT_EQ(absolute.front(), '/');
  const std::string db = tmp.file("sources.db");
  RunResult r = run_parley("ingest --db " + quote_arg(db) + " " + quote_arg(absolute));
  ASSERT_EQ(r.status, 0) << r.err;
  r = run_command("cd " + quote_arg(tmp.path().string()) + " && " + parley_bin() + " ingest --db sources.db news/rel.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  {
    auto store = parley::store::Store::open(db, parley::store::Store::Mode::kReadOnly);
    std::map<std::string, std::string> source_of;
    for (const auto& d : store->documents(parley::store::DocumentFilter{})) source_of[d.id] = d.source_file;
    EXPECT_EQ(source_of["abs-1"], "abs.jsonl");
    EXPECT_EQ(source_of["rel-1"], "news/rel.jsonl");
  }
  ServerProcess server(ServerProcess::ExistingStore{db});
  httplib::Client client("127.0.0.1", server.port());
  std::vector<std::string> paths;
  for (const std::string route : {"/v1/documents", "/v1/documents/abs-1", "/v1/documents/rel-1", "/v1/events?limit=1000",
                                  "/v1/quotes", "/v1/deadlines"}) {
    auto res = client.Get(route);
    ASSERT_TRUE(res) << route;
    ASSERT_EQ(res->status, 200) << route << ": " << res->body;
    collect_machine_paths(nlohmann::json::parse(res->body), tmp.path().string(), paths);
  }
  EXPECT_TRUE(paths.empty()) << paths.front();
  auto events = nlohmann::json::parse(client.Get("/v1/events?limit=1000")->body)["events"];
  ASSERT_FALSE(events.empty());
}

TEST(CliStoreSources, StoredSourceNames) {
  EXPECT_EQ(parley::ingest::stored_source_name("/home/ana/news/a.jsonl"), "a.jsonl");
  EXPECT_EQ(parley::ingest::stored_source_name("news/a.jsonl"), "news/a.jsonl");
  EXPECT_EQ(parley::ingest::stored_source_name("../news/a.jsonl"), "../news/a.jsonl");
  EXPECT_EQ(parley::ingest::stored_source_name("-"), "-");
  EXPECT_EQ(parley::ingest::stored_source_name("/data/news/"), "news");
}

}  // namespace
