// End-to-end: `parley ingest` and `parley query` on the example article and
// small inputs: the store holds exactly what `parley code` prints, re-ingest
// changes nothing, each query kind and output format, bad input and hostile
// arguments.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <functional>
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

// The filters the API has (docs/STORE.md), as options of `parley query`
// under the parameters' names: each keeps exactly the records of `parley
// code` that have the field's value.
TEST_F(CliStore, PlaceCountryPloverTypeAndExcludeFilters) {
  auto count = [&](const std::string& flags) {
    RunResult r = run_parley("query --db " + *db_ + " --format jsonl events " + flags);
    EXPECT_EQ(r.status, 0) << flags << ": " << r.err;
    return json_lines(r.out).size();
  };
  auto coded = [&](const std::function<bool(const nlohmann::json&)>& keep) {
    return static_cast<size_t>(std::count_if(coded_->begin(), coded_->end(), keep));
  };
  const size_t in_russia = coded([](const nlohmann::json& e) { return e["place"].is_object() && e["place"]["country"] == "RU"; });
  ASSERT_GT(in_russia, 0u) << "the example article has events placed in Russia";
  EXPECT_EQ(count("--place_country RU"), in_russia);
  EXPECT_EQ(count("--place_country rus"), in_russia);  // alpha-3, any case
  EXPECT_EQ(count("--place-country RU"), in_russia);   // the dashed form
  EXPECT_EQ(count("--place_country FR"), 0u);
  const size_t consult = coded([](const nlohmann::json& e) { return e["plover"].is_object() && e["plover"]["type"] == "CONSULT"; });
  ASSERT_GT(consult, 0u);
  EXPECT_EQ(count("--plover_type consult"), consult);
  EXPECT_EQ(count("--plover-type CONSULT --place_country RU"),
            coded([](const nlohmann::json& e) {
              return e["plover"].is_object() && e["plover"]["type"] == "CONSULT" && e["place"].is_object() &&
                     e["place"]["country"] == "RU";
            }));
  // --exclude drops the events with any of the flags (conditional: also an
  // event inside a condition).
  for (const std::string flag : {"negated", "conditional", "hypothetical", "future", "one_sided", "reported"}) {
    const size_t kept = coded([&](const nlohmann::json& e) {
      return !e[flag].get<bool>() && !(flag == "conditional" && e["in_condition"].get<bool>());
    });
    EXPECT_EQ(count("--exclude " + flag), kept) << flag;
  }
  ASSERT_GT(coded([](const nlohmann::json& e) { return e["one_sided"].get<bool>(); }), 0u);
  EXPECT_EQ(count("--exclude one_sided,future,negated"), coded([](const nlohmann::json& e) {
              return !e["one_sided"].get<bool>() && !e["future"].get<bool>() && !e["negated"].get<bool>();
            }));
  // The other filters of /v1/events.
  EXPECT_EQ(count("--quad_class 1"), coded([](const nlohmann::json& e) { return e["quad_class"] == 1; }));
  EXPECT_EQ(count("--source usa"), coded([](const nlohmann::json& e) { return e["source"].get<std::string>().rfind("USA", 0) == 0; }));
  EXPECT_EQ(count("--target RUS"), coded([](const nlohmann::json& e) { return e["target"].get<std::string>().rfind("RUS", 0) == 0; }));
  EXPECT_EQ(count("--q witkoff"), count("--text witkoff"));  // q, the API's name, and --text
}

// --exclude on a store with one event per flag (the example article has no
// negated, hypothetical or future event: the default dictionaries do not
// write them): each flag drops its event and only it, in `parley query` as
// in /v1/events.
TEST(CliStoreFilters, ExcludeDropsEachFlagsEvents) {
  const std::string db = fresh_db("flags.db");
  const std::vector<std::string> flags = {"none", "negated", "conditional", "in_condition", "hypothetical",
                                          "future", "one_sided", "reported"};
  {
    auto store = parley::store::Store::open(db);
    parley::store::StoredDocument d;
    d.id = "flags";
    d.date = 20250806;
    d.source_file = "flags.jsonl";
    for (uint32_t i = 0; i < flags.size(); ++i) {
      const std::string sentence = "Event " + flags[i] + ".";
      const int64_t begin = static_cast<int64_t>(d.text.size());
      d.text += sentence + " ";
      d.sentences.push_back({i, {begin, begin + static_cast<int64_t>(sentence.size())}, sentence, false});
      parley::store::EventRecord e;
      e.sentence = i;
      e.source = "GON";
      e.target = "MOR";
      e.code = "190";
      e.verb = "v";
      e.verb_entry = "verbs.txt:1";
      e.negated = flags[i] == "negated";
      e.conditional = flags[i] == "conditional";
      e.in_condition = flags[i] == "in_condition";
      e.hypothetical = flags[i] == "hypothetical";
      e.future = flags[i] == "future";
      e.one_sided = flags[i] == "one_sided";
      e.reported = flags[i] == "reported";
      d.events.push_back(e);
    }
    store->put_document(d);
  }
  // The sentences (one per flag) of the events a query keeps.
  auto kept = [&](const std::string& exclude) {
    RunResult r = run_parley("query --db " + db + " --format jsonl events --exclude " + exclude);
    EXPECT_EQ(r.status, 0) << r.err;
    std::vector<std::string> out;
    for (const auto& row : json_lines(r.out)) out.push_back(flags.at(row["sentence"].get<size_t>()));
    return out;
  };
  auto all_but = [&](std::initializer_list<const char*> dropped) {
    std::vector<std::string> out;
    for (const std::string& f : flags)
      if (std::find(dropped.begin(), dropped.end(), f) == dropped.end()) out.push_back(f);
    return out;
  };
  EXPECT_EQ(kept("negated"), all_but({"negated"}));
  EXPECT_EQ(kept("conditional"), all_but({"conditional", "in_condition"}));  // inside a condition too
  EXPECT_EQ(kept("hypothetical"), all_but({"hypothetical"}));
  EXPECT_EQ(kept("future"), all_but({"future"}));
  EXPECT_EQ(kept("one_sided"), all_but({"one_sided"}));
  EXPECT_EQ(kept("reported"), all_but({"reported"}));
  EXPECT_EQ(kept("negated,conditional,hypothetical,future,one_sided"), all_but({"negated", "conditional",
                                                                                 "in_condition", "hypothetical",
                                                                                 "future", "one_sided"}));
  ServerProcess server(ServerProcess::ExistingStore{db});
  httplib::Client client("127.0.0.1", server.port());
  auto res = client.Get("/v1/events?exclude=negated,hypothetical,future&format=csv&limit=100");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body,
            run_parley("query --db " + db + " --format csv events --exclude negated,hypothetical,future").out);
}

// --sort takes the name of the field it orders by (store.h kEventSortKeys,
// the older names too), --order asc or desc; ties go by event id.
TEST_F(CliStore, SortAndOrder) {
  auto values = [&](const std::string& kind, const std::string& flags, const std::string& field) {
    RunResult r = run_parley("query --db " + *db_ + " --format jsonl " + kind + " " + flags);
    EXPECT_EQ(r.status, 0) << flags << ": " << r.err;
    std::vector<std::string> out;
    for (const auto& row : json_lines(r.out)) {
      const auto& v = row[field];
      out.push_back(v.is_null() ? "" : v.is_string() ? v.get<std::string>() : v.dump());
    }
    return out;
  };
  const auto ascending = [](const std::vector<std::string>& v) { return std::is_sorted(v.begin(), v.end()); };
  const auto descending = [](const std::vector<std::string>& v) { return std::is_sorted(v.rbegin(), v.rend()); };
  std::vector<double> weights;
  for (const auto& g : values("events", "--sort goldstein --order desc", "goldstein")) weights.push_back(g.empty() ? -99 : std::stod(g));
  ASSERT_EQ(weights.size(), coded_->size());
  EXPECT_TRUE(std::is_sorted(weights.rbegin(), weights.rend()));
  EXPECT_TRUE(descending(values("events", "--sort source --order desc", "source")));
  EXPECT_TRUE(ascending(values("events", "--sort target", "target")));
  EXPECT_TRUE(ascending(values("events", "--sort place_country", "place_country")));
  EXPECT_EQ(values("events", "--sort country --order desc", "event_id"),
            values("events", "--sort place_country --order desc", "event_id"));
  // Without --sort: by date, then event id.
  const auto ids = values("events", "", "event_id");
  EXPECT_EQ(values("events", "--sort date --order asc", "event_id"), ids);
  std::vector<std::string> reversed(ids.rbegin(), ids.rend());
  EXPECT_EQ(values("events", "--order desc", "event_id"), reversed);
  // Quotes and deadlines take their lists' keys.
  const auto speakers = values("quotes", "--sort speaker", "speaker");
  ASSERT_GT(speakers.size(), 2u);
  EXPECT_TRUE(ascending(speakers));
  EXPECT_TRUE(descending(values("quotes", "--sort speaker_code --order desc", "speaker_code")));
  EXPECT_EQ(values("quotes", "--sort speaker --offset 1 --limit 1", "quote_id"),
            std::vector<std::string>{values("quotes", "--sort speaker", "quote_id").at(1)});
  EXPECT_TRUE(descending(values("deadlines", "--sort doc_date --order desc", "doc_date")));
  EXPECT_TRUE(ascending(values("deadlines", "--sort date", "date")));
}

// A malformed value fails as the API's 400 does: exit status 2 and the
// API's message, under the option's name (the parameter's).
TEST_F(CliStore, MalformedFilterValuesAreRefusedNamingTheOption) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"events --place_country ZZ", "place_country: 'ZZ' is not an ISO 3166 country code"},
      {"events --place-country Russia", "place_country: expected an ISO 3166 country code"},
      {"events --plover_type NOTATYPE", "plover_type: 'NOTATYPE' is not a PLOVER event type; expected one of AGREE"},
      {"events --plover_type A1", "plover_type: expected a PLOVER event type"},
      {"events --exclude negated,bogus", "exclude: expected a comma-separated list of negated, conditional"},
      {"events --exclude ''", "exclude: expected a comma-separated list"},
      {"events --sort sentence_text", "sort: expected date, source, target, code, root, quad_class, goldstein, "
                                      "place_country, id, country or doc"},
      {"events --order up", "order: expected asc or desc"},
      {"events --quad_class 5", "quad_class: expected an integer from 1 to 4"},
      {"events --code 4", "code: expected a CAMEO code"},
      {"events --root 21", "root: expected a CAMEO root 01 to 20"},
      {"events --actor RUS-GOV", "actor: expected an actor code"},
      {"events --dyad RUS,USA --source RUS", "dyad: give either dyad or source/target"},
      {"events --directed", "directed: only with dyad"},
      {"events --from 2025-13-01", "from: expected a real date YYYY-MM-DD"},
      {"events --from 2025-08-07 --to 2025-08-06", "from: later than to"},
      {"events --q " + quote_arg(std::string(201, 'x')), "q: longer than 200 bytes"},
      {"clusters --plover_type nope", "plover_type: 'NOPE' is not a PLOVER event type"},
      {"actors --exclude maybe", "exclude: expected a comma-separated list"},
      {"quotes --sort speaker_name", "sort: expected date, speaker, speaker_code, id or doc"},
      {"quotes --order sideways", "order: expected asc or desc"},
      {"deadlines --sort speaker", "sort: expected date, doc_date, due or reported"},
      {"deadlines --as_of 2025-02-29", "as_of: expected a real date YYYY-MM-DD"},
      {"timeline --dyad RUS,USA --interval year", "interval: expected day or week or month"},
  };
  for (const auto& [args, message] : cases) {
    RunResult r = run_parley("query --db " + *db_ + " " + args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(r.err.rfind("parley: --" + message, 0), 0u) << args << ": " << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
}

// `parley query` and the API read the same parameters with the same code:
// for the same filters, sort and order, the same records, byte for byte in
// CSV (format=csv writes what `query --format csv` writes).
TEST_F(CliStore, QueryAndTheApiGiveTheSameRecordsForTheSameFilters) {
  ServerProcess server(ServerProcess::ExistingStore{*db_});
  httplib::Client client("127.0.0.1", server.port());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"events", ""},
      {"events", "place_country=RU"},
      {"events", "place_country=rus&sort=goldstein&order=desc"},
      {"events", "plover_type=consult&sort=source"},
      {"events", "exclude=one_sided,future&sort=place_country&order=desc"},
      {"events", "exclude=negated,conditional,hypothetical,reported"},
      {"events", "actor=RUS&quad_class=1&sort=target"},
      {"events", "dyad=RUS,USA&directed=true"},
      {"events", "source=USA&from=2025-08-06&to=2025-08-06&sort=id&order=desc"},
      {"events", "q=Witkoff&sort=code&offset=1"},
      {"events", "sort=country&order=desc"},
      {"quotes", "sort=speaker&order=desc"},
      {"quotes", "speaker=rusgov&sort=speaker_code"},
      {"quotes", "id=kremlin-witkoff-2025-08-06&sort=id&offset=1"},
      {"deadlines", "sort=doc_date&order=desc"},
      {"deadlines", "as_of=2025-08-01&actor=USA&sort=due"},
  };
  for (const auto& [kind, filters] : cases) {
    SCOPED_TRACE(kind + "?" + filters);
    // name=value -> --name value (directed=true: the flag).
    std::string flags;
    for (size_t at = 0; at < filters.size();) {
      const size_t amp = std::min(filters.find('&', at), filters.size());
      const std::string pair = filters.substr(at, amp - at);
      const size_t eq = pair.find('=');
      const std::string name = pair.substr(0, eq), value = pair.substr(eq + 1);
      flags += " --" + name + (name == "directed" ? "" : " " + quote_arg(value));
      at = amp + 1;
    }
    RunResult cli = run_parley("query --db " + *db_ + " --format csv " + kind + flags + " --limit 1000");
    ASSERT_EQ(cli.status, 0) << cli.err;
    auto res = client.Get("/v1/" + kind + "?" + filters + (filters.empty() ? "" : "&") + "limit=1000&format=csv");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(cli.out, res->body);
    EXPECT_GT(std::count(cli.out.begin(), cli.out.end(), '\n'), 1) << "a case that matches nothing proves little";
  }
}

namespace {

// The line `parley query` writes to stderr after a full page: the API's
// next_cursor; "" when there is none (the page was the last).
std::string next_cursor_line(const std::string& err) {
  const std::string prefix = "parley: next_cursor: ";
  for (const std::string& line : text_lines(err))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "";
}

}  // namespace

// `query events --cursor` pages as `/v1/events?cursor=` does: for the same
// filters, sort, order and page size each page has the API's rows (the same
// CSV bytes) and the API's next_cursor (on stderr; stdout stays the rows),
// the last full page has one and the page after it is empty, and the pages
// together are the whole listing.  An offset given with a cursor counts from
// it, as in the API.
TEST_F(CliStore, QueryPagesByCursorAsTheApiDoes) {
  ServerProcess server(ServerProcess::ExistingStore{*db_});
  httplib::Client client("127.0.0.1", server.port());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"sort=goldstein&order=desc", "--sort goldstein --order desc"},
      {"sort=place_country&order=desc", "--sort place_country --order desc"},  // NULL keys
      {"sort=place_country", "--sort place_country"},
      {"actor=RUS&sort=source", "--actor RUS --sort source"},
      {"sort=id&order=desc", "--sort id --order desc"},
  };
  for (const auto& [params, flags] : cases) {
    SCOPED_TRACE(params);
    const std::string query = "query --db " + *db_ + " --format csv events " + flags;
    RunResult all = run_parley(query);
    ASSERT_EQ(all.status, 0) << all.err;
    EXPECT_EQ(next_cursor_line(all.err), "") << "every row: no next page";
    const std::vector<std::string> want = text_lines(all.out);
    ASSERT_GE(want.size(), 4u) << "a listing of fewer than three rows pages too little";
    std::vector<std::string> got = {want.front()};  // the header
    std::string cursor;
    int pages = 0;
    for (; pages < 100; ++pages) {
      const std::string api = "/v1/events?" + params + (params.empty() ? "" : "&") + "limit=3" +
                              (cursor.empty() ? "" : "&cursor=" + cursor);
      RunResult cli = run_parley(query + " --limit 3" + (cursor.empty() ? "" : " --cursor " + quote_arg(cursor)));
      ASSERT_EQ(cli.status, 0) << cli.err;
      auto csv = client.Get(api + "&format=csv");
      auto json = client.Get(api);
      ASSERT_TRUE(csv && json);
      ASSERT_EQ(json->status, 200) << json->body;
      EXPECT_EQ(cli.out, csv->body) << "page " << pages;
      const nlohmann::json page = nlohmann::json::parse(json->body);
      const std::string next = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
      EXPECT_EQ(next_cursor_line(cli.err), next) << "page " << pages;
      const std::vector<std::string> lines = text_lines(cli.out);
      got.insert(got.end(), lines.begin() + 1, lines.end());
      if (next.empty()) break;
      cursor = next;
    }
    EXPECT_EQ(got, want);
    EXPECT_GE(pages, 1);
  }
  // --offset with --cursor: skips from the cursor, as offset= does.
  const std::string cursor = next_cursor_line(run_parley("query --db " + *db_ + " events --limit 2").err);
  ASSERT_FALSE(cursor.empty());
  RunResult cli = run_parley("query --db " + *db_ + " --format csv events --limit 2 --offset 1 --cursor " + quote_arg(cursor));
  ASSERT_EQ(cli.status, 0) << cli.err;
  auto res = client.Get("/v1/events?limit=2&offset=1&format=csv&cursor=" + cursor);
  ASSERT_TRUE(res);
  EXPECT_EQ(cli.out, res->body);
}

// A cursor the API answers with a 400 (malformed, made for another sort or
// order, or for another list) makes `query` exit with status 2 and the
// API's message under --cursor, and print no rows.
TEST_F(CliStore, ABadCursorIsRefusedWithTheApisMessage) {
  ServerProcess server(ServerProcess::ExistingStore{*db_});
  httplib::Client client("127.0.0.1", server.port());
  const std::string good = next_cursor_line(run_parley("query --db " + *db_ + " events --limit 1").err);
  ASSERT_FALSE(good.empty());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nonsense", ""},
      {"date~a~1~x", ""},
      {"date~a~-1~i20250806", ""},
      {"date~a~1~s0", ""},  // odd hex
      {std::string(700, 'd'), ""},
      {good, "sort=goldstein"},  // made for sort=date
      {good, "order=desc"},
  };
  for (const auto& [token, params] : cases) {
    SCOPED_TRACE(token + " " + params);
    auto res = client.Get("/v1/events?" + params + (params.empty() ? "" : "&") + "cursor=" + token);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 400) << res->body;
    const nlohmann::json error = nlohmann::json::parse(res->body);
    EXPECT_EQ(error["parameter"], "cursor");
    const std::string flags = params.empty() ? "" : " --" + params.substr(0, params.find('=')) + " " +
                                                        params.substr(params.find('=') + 1);
    RunResult r = run_parley("query --db " + *db_ + " events" + flags + " --cursor " + quote_arg(token));
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "parley: --" + error["error"].get<std::string>() + "\n");
  }
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
    // Each value is refused as ill-formed (status 2, naming the option) or
    // read as the harmless literal it is, as the API reads it.
    for (const std::string flag : {"--actor", "--code", "--root", "--text", "--id", "--place_country", "--plover_type",
                                   "--exclude", "--sort", "--order", "--quad_class"}) {
      RunResult r = run_parley("query --db " + *db_ + " --format jsonl events " + flag + " " + quote_arg(h));
      if (r.status == 2) {
        EXPECT_EQ(r.err.rfind("parley: " + flag + ":", 0), 0u) << flag << " " << h << ": " << r.err;
      } else {
        EXPECT_EQ(r.status, 0) << flag << " " << h << ": " << r.err;
      }
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
