// `parley serve` end to end: the real binary on a free loopback port with a
// temporary store, driven over HTTP (cpp-httplib's client).  Covers every
// route's happy path, idempotent ingest, parameter validation, limits, and
// SQL-injection attempts on every parameter.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/flat_columns.h"
#include "support/paths.h"
#include "support/run.h"
#include "support/shared_server.h"
#include "support/temp_dir.h"

namespace {

using nlohmann::json;

// The example article's text; a test that needs it fails if ../shared is missing.
std::string example_text() { return parley::test::read_file(parley::test::example_article()); }

constexpr const char* kWriteToken = "api-test-write-token-0123456789";

// One server for the whole suite: loading the engine once keeps it fast.
// It accepts writes with kWriteToken, which its clients send.
class Server : public parley::test::ServerProcess {
 public:
  Server() : ServerProcess({"--write-token", kWriteToken}) {}
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port());
    c.set_bearer_token_auth(kWriteToken);
    c.set_tcp_nodelay(true);
    c.set_connection_timeout(5);
    c.set_read_timeout(30);
    return c;
  }
};

class ServeTest : public parley::test::SharedServerTest<ServeTest, Server> {
 protected:
  static json get_json(const std::string& path, int expect_status = 200) {
    auto c = server_->client();
    auto res = c.Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expect_status) << path << " -> " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/json", 0), 0u) << path;
    return json::parse(res->body, nullptr, false);
  }
  static httplib::Result post(const std::string& path, const std::string& body, const std::string& type) {
    auto c = server_->client();
    return c.Post(path, body, type);
  }
  static void ingest_example() {
    json doc = {{"id", "kremlin-witkoff-2025-08-06"}, {"date", "2025-08-06"}, {"text", example_text()}};
    auto res = post("/v1/documents", doc.dump(), "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
  }
  static bool is_meeting(const json& ev) {
    return ev["source"] == "RUSGOV" && ev["target"] == "USAGOV" && ev["root"] == "04" &&
           ev["evidence"]["verb"] == "met" &&
           ev["evidence"]["source_text"].get<std::string>().find("Putin") != std::string::npos &&
           ev["evidence"]["target_text"].get<std::string>().find("Witkoff") != std::string::npos;
  }
  static bool has_meeting(const json& events) {
    for (const auto& ev : events)
      if (is_meeting(ev)) return true;
    return false;
  }
  static void expect_error(const httplib::Result& res, int status, const std::string& parameter) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    json body = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << res->body;
    EXPECT_TRUE(body["error"].is_string()) << res->body;
    if (parameter.empty()) {
      EXPECT_TRUE(body.contains("parameter")) << res->body;
    } else {
      EXPECT_EQ(body["parameter"], parameter) << res->body;
    }
  }

};

// ------------------------------------------------------------ POST /v1/code

TEST_F(ServeTest, CodeJsonReturnsTheMeetingWithEvidenceOffsets) {
  const std::string text = example_text();
  json req = {{"id", "k"}, {"date", "2025-08-06"}, {"text", text}};
  auto res = post("/v1/code", req.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json records = json::parse(res->body);
  ASSERT_TRUE(records.is_array());
  ASSERT_TRUE(has_meeting(records)) << res->body;
  // Events, then the document's quotes and deadlines (issue 4 records).
  size_t quotes = 0, deadlines = 0;
  for (const auto& rec : records) {
    EXPECT_EQ(rec["id"], "k");
    if (rec["type"] == "quote") { ++quotes; continue; }
    if (rec["type"] == "deadline") {
      ++deadlines;
      EXPECT_EQ(rec["date"], "2025-08-08");
      continue;
    }
    const auto& ev = rec;
    EXPECT_EQ(ev["type"], "event");
    EXPECT_EQ(ev["date"], "2025-08-06");
    // Offsets point at the words they name.
    const auto& e = ev["evidence"];
    const auto v = e["verb_offsets"];
    EXPECT_EQ(text.substr(v[0], v[1].get<size_t>() - v[0].get<size_t>()), e["verb"].get<std::string>());
    if (e["source_offsets"].is_array()) {
      const auto s = e["source_offsets"];
      EXPECT_EQ(text.substr(s[0], s[1].get<size_t>() - s[0].get<size_t>()), e["source_text"].get<std::string>());
    }
  }
  EXPECT_EQ(quotes, 4u);
  EXPECT_EQ(deadlines, 1u);
}

TEST_F(ServeTest, CodePlainTextAndJsonLines) {
  auto c = server_->client();
  httplib::Headers accept = {{"Accept", "application/x-ndjson"}};
  auto res = c.Post("/v1/code?date=2025-08-06&id=plain", accept, example_text(), "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/x-ndjson");
  std::istringstream lines(res->body);
  std::string line;
  json events = json::array();
  while (std::getline(lines, line)) events.push_back(json::parse(line));
  EXPECT_TRUE(has_meeting(events));
  EXPECT_EQ(events[0]["id"], "plain");
}

TEST_F(ServeTest, CodeStoresNothing) {
  json before = get_json("/v1/stats");
  auto res = post("/v1/code", json({{"id", "nostore-1"}, {"text", example_text()}}).dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(get_json("/v1/stats"), before);
  EXPECT_EQ(get_json("/v1/events?doc=nostore-1")["total"], 0);
}

TEST_F(ServeTest, CodeEdgeCases) {
  auto empty = post("/v1/code", R"({"text": ""})", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 200);
  EXPECT_EQ(json::parse(empty->body), json::array());
  // Invalid UTF-8 in a plain-text body is repaired and counted, not fatal.
  auto bad = post("/v1/code", std::string("Putin met Witkoff in Moscow.\xff\xfe"), "text/plain");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 200);
  EXPECT_EQ(bad->get_header_value("X-Parley-UTF8-Repairs"), "2");

  expect_error(post("/v1/code", "{", "application/json"), 400, "body");
  expect_error(post("/v1/code", R"({"txt": "x"})", "application/json"), 400, "txt");
  expect_error(post("/v1/code", R"({"id": "x"})", "application/json"), 400, "text");
  expect_error(post("/v1/code", R"({"text": 5})", "application/json"), 400, "text");
  expect_error(post("/v1/code", R"({"text": "x", "date": "2025-02-30"})", "application/json"), 400, "date");
  expect_error(post("/v1/code", R"(["x"])", "application/json"), 400, "body");
  expect_error(post("/v1/code", std::string(100, '[') + std::string(100, ']'), "application/json"), 400, "body");
  expect_error(post("/v1/code?date=yesterday", "x", "text/plain"), 400, "date");
  expect_error(post("/v1/code?colour=red", "x", "text/plain"), 400, "colour");
  expect_error(post("/v1/code?date=2025-08-06", R"({"text": "x"})", "application/json"), 400, "date");
  expect_error(post("/v1/code", "<x/>", "application/xml"), 415, "Content-Type");
}

TEST_F(ServeTest, BodyAndCodingLimits) {
  // Over the 1 MiB body limit: 413 before the body is read.
  expect_error(post("/v1/code", std::string((1 << 20) + 10, 'a'), "text/plain"), 413, "body");
  // Within the body limit but more text than one request may code.
  expect_error(post("/v1/code", std::string((512 << 10) + 10, 'a'), "text/plain"), 413, "text");
}

// ------------------------------------------------------------ POST /v1/documents

TEST_F(ServeTest, IngestTwiceKeepsCountsAndEventsHaveTheMeeting) {
  ingest_example();
  json first = get_json("/v1/stats");
  EXPECT_GE(first["documents"].get<int>(), 1);
  EXPECT_GE(first["events"].get<int>(), 5);
  ingest_example();
  EXPECT_EQ(get_json("/v1/stats"), first);

  json page = get_json("/v1/events?actor=RUS&limit=100");
  EXPECT_TRUE(has_meeting(page["events"])) << page.dump();
  for (const auto& ev : page["events"]) {
    EXPECT_TRUE(ev["source"].get<std::string>().rfind("RUS", 0) == 0 || ev["target"].get<std::string>().rfind("RUS", 0) == 0);
    EXPECT_TRUE(ev["sentence_text"].is_string());
  }
}

TEST_F(ServeTest, IngestManyAsArrayAndJsonLines) {
  json arr = json::array({{{"id", "many-1"}, {"date", "2025-08-07"}, {"text", "Russian President Vladimir Putin met Steve Witkoff in Moscow."}},
                          {{"id", "many-2"}, {"date", "2025-08-14"}, {"text", "Russian President Vladimir Putin met Steve Witkoff in Alaska."}}});
  auto res = post("/v1/documents", arr.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json out = json::parse(res->body);
  EXPECT_EQ(out["stored"], 2);
  EXPECT_EQ(out["documents"][0]["id"], "many-1");
  EXPECT_GE(out["documents"][0]["events"].get<int>(), 1);
  EXPECT_EQ(out["warnings"], json::array());  // both had a date

  std::string lines = json({{"id", "many-3"}, {"date", "2025-08-21"}, {"text", "Putin met Witkoff."}}).dump() + "\n\n" +
                      json({{"id", "many-4"}, {"text", "Witkoff met Putin."}}).dump() + "\n";
  res = post("/v1/documents", lines, "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  out = json::parse(res->body);
  EXPECT_EQ(out["stored"], 2);
  // many-4 came without a date: stored, and named in the warnings.
  ASSERT_EQ(out["warnings"].size(), 1u) << out.dump();
  EXPECT_NE(out["warnings"][0].get<std::string>().find("record many-4: no date"), std::string::npos) << out.dump();
  EXPECT_EQ(get_json("/v1/events?doc=many-2")["events"][0]["date"], "2025-08-14");

  expect_error(post("/v1/documents", R"({"text": "no id"})", "application/json"), 400, "id");
  expect_error(post("/v1/documents", R"([])", "application/json"), 400, "body");
  expect_error(post("/v1/documents", R"({"id": "", "text": "x"})", "application/json"), 400, "id");
  expect_error(post("/v1/documents", "{\"id\": \"a\\u0001b\", \"text\": \"x\"}", "application/json"), 400, "id");
  expect_error(post("/v1/documents", "{\"id\": \"ok\", \"text\": \"x\"}\n{broken", "application/x-ndjson"), 400, "body");
  expect_error(post("/v1/documents", "x", "text/plain"), 415, "Content-Type");
  // A failed request stores nothing, not even its valid first line.
  EXPECT_EQ(get_json("/v1/events?doc=ok")["total"], 0);
}

// ------------------------------------------------------------ queries

TEST_F(ServeTest, EventFiltersAndPaging) {
  ingest_example();
  json all = get_json("/v1/events?doc=kremlin-witkoff-2025-08-06&limit=1000");
  const int total = all["total"];
  ASSERT_GE(total, 5);
  EXPECT_EQ(all["events"].size(), static_cast<size_t>(total));
  EXPECT_TRUE(all["total_exact"].get<bool>());

  json page = get_json("/v1/events?doc=kremlin-witkoff-2025-08-06&limit=2&offset=1");
  EXPECT_EQ(page["total"], total);
  ASSERT_EQ(page["events"].size(), 2u);
  EXPECT_EQ(page["events"][0]["event_id"], all["events"][1]["event_id"]);
  EXPECT_EQ(get_json("/v1/events?doc=kremlin-witkoff-2025-08-06&offset=100000")["events"].size(), 0u);

  EXPECT_TRUE(has_meeting(get_json("/v1/events?dyad=USA,RUS")["events"]));
  EXPECT_TRUE(has_meeting(get_json("/v1/events?dyad=rus,usa&directed=true")["events"]));
  EXPECT_FALSE(has_meeting(get_json("/v1/events?dyad=USA,RUS&directed=true")["events"]));
  EXPECT_TRUE(has_meeting(get_json("/v1/events?source=RUS&target=USA")["events"]));
  for (const json page1 = get_json("/v1/events?source=USA&limit=1000"); const auto& ev : page1["events"])
    EXPECT_EQ(ev["source"].get<std::string>().rfind("USA", 0), 0u) << ev.dump();
  for (const json page2 = get_json("/v1/events?target=UKR&limit=1000"); const auto& ev : page2["events"])
    EXPECT_EQ(ev["target"].get<std::string>().rfind("UKR", 0), 0u) << ev.dump();
  EXPECT_FALSE(get_json("/v1/events?target=UKR")["events"].empty());
  for (const json page3 = get_json("/v1/events?root=13&limit=1000"); const auto& ev : page3["events"]) EXPECT_EQ(ev["root"], "13");
  EXPECT_FALSE(get_json("/v1/events?root=13")["events"].empty());
  for (const json page4 = get_json("/v1/events?code=1312&limit=1000"); const auto& ev : page4["events"]) EXPECT_EQ(ev["code"], "1312");
  EXPECT_TRUE(has_meeting(get_json("/v1/events?from=2025-08-06&to=2025-08-06&q=kremlin")["events"]));
  EXPECT_EQ(get_json("/v1/events?from=2030-01-01")["total"], 0);
  EXPECT_EQ(get_json("/v1/events?q=no%20such%20words%20here")["total"], 0);
}

// cursor=next_cursor pages through a listing: the pages together are the
// whole listing, the last page's next_cursor is null, and a cursor made for
// another sort or order (or not made by the server) is a 400.
TEST_F(ServeTest, EventCursorPagesThroughTheListing) {
  ingest_example();
  for (const std::string order : {"sort=date", "sort=goldstein&order=desc", "sort=source"}) {
    const json all = get_json("/v1/events?" + order + "&limit=1000");
    ASSERT_GE(all["events"].size(), 5u);
    EXPECT_TRUE(all["next_cursor"].is_null());
    std::vector<int64_t> want, got;
    for (const auto& ev : all["events"]) want.push_back(ev["event_id"]);
    std::string cursor;
    for (int pages = 0; pages < 100; ++pages) {
      const json page = get_json("/v1/events?" + order + "&limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
      for (const auto& ev : page["events"]) got.push_back(ev["event_id"]);
      if (page["next_cursor"].is_null()) break;
      cursor = page["next_cursor"].get<std::string>();
    }
    EXPECT_EQ(got, want) << order;
  }
  const std::string cursor = get_json("/v1/events?limit=1")["next_cursor"];
  EXPECT_EQ(get_json("/v1/events?limit=1&cursor=" + cursor)["events"][0]["event_id"],
            get_json("/v1/events?limit=2")["events"][1]["event_id"]);
  auto c = server_->client();
  expect_error(c.Get("/v1/events?sort=goldstein&cursor=" + cursor), 400, "cursor");
  expect_error(c.Get("/v1/events?order=desc&cursor=" + cursor), 400, "cursor");
  expect_error(c.Get("/v1/events?cursor=date~a~1~x"), 400, "cursor");
}

TEST_F(ServeTest, TimelineQuotesDeadlinesActors) {
  ingest_example();
  json day = get_json("/v1/dyads/RUS/USA/timeline?interval=day");
  EXPECT_EQ(day["a"], "RUS");
  ASSERT_FALSE(day["points"].empty());
  bool found = false;
  for (const auto& p : day["points"]) {
    if (p["period"] != "2025-08-06") continue;
    found = true;
    EXPECT_GE(p["events"].get<int>(), 3);
    EXPECT_GE(p["verbal_coop"].get<int>(), 2);
    EXPECT_TRUE(p["goldstein_mean"].is_number());
  }
  EXPECT_TRUE(found) << day.dump();
  json week = get_json("/v1/dyads/usa/rus/timeline?interval=week");
  EXPECT_EQ(week["interval"], "week");
  EXPECT_EQ(week["points"][0]["period"], "2025-08-04");  // the Monday of that week

  json quotes = get_json("/v1/quotes?speaker=Ushakov");
  EXPECT_TRUE(quotes["quotes"].is_array());
  json deadlines = get_json("/v1/deadlines?as_of=2025-08-06");
  EXPECT_EQ(deadlines["as_of"], "2025-08-06");
  EXPECT_TRUE(deadlines["deadlines"].is_array());
  // Past deadlines are not hidden by default.
  json every = get_json("/v1/deadlines");
  EXPECT_TRUE(every["as_of"].is_null());
  EXPECT_TRUE(every["today"].is_string());
  EXPECT_GE(every["deadlines"].size(), deadlines["deadlines"].size());
  json actors = get_json("/v1/actors?role=source&limit=5");
  ASSERT_FALSE(actors["actors"].empty());
  EXPECT_LE(actors["actors"].size(), 5u);
}

TEST_F(ServeTest, EveryBadParameterIsA400NamingIt) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/v1/events?actor=RUS-GOV", "actor"},        {"/v1/events?actor=", "actor"},
      {"/v1/events?source=" + std::string(30, 'A'), "source"},
      {"/v1/events?target=%C3%A9", "target"},       {"/v1/events?dyad=RUS", "dyad"},
      {"/v1/events?dyad=RUS,USA&source=RUS", "dyad"}, {"/v1/events?directed=true", "directed"},
      {"/v1/events?dyad=RUS,USA&directed=maybe", "directed"},
      {"/v1/events?code=4", "code"},                {"/v1/events?code=04%25", "code"},
      {"/v1/events?root=21", "root"},               {"/v1/events?root=4", "root"},
      {"/v1/events?from=2025-13-01", "from"},       {"/v1/events?to=tomorrow", "to"},
      {"/v1/events?from=2025-08-07&to=2025-08-06", "from"},
      {"/v1/events?q=" + std::string(201, 'x'), "q"}, {"/v1/events?q=a%0Ab", "q"},
      {"/v1/events?q=%FF", "q"},                    {"/v1/events?limit=0", "limit"},
      {"/v1/events?limit=1001", "limit"},           {"/v1/events?limit=10abc", "limit"},
      {"/v1/events?offset=-1", "offset"},           {"/v1/events?limit=1&limit=2", "limit"},
      {"/v1/events?sort=sentence_text", "sort"},             {"/v1/events?doc=" + std::string(300, 'd'), "doc"},
      {"/v1/dyads/RUS/U$A/timeline", "b"},          {"/v1/dyads/R%20S/USA/timeline", "a"},
      {"/v1/dyads/RUS/USA/timeline?interval=year", "interval"},
      {"/v1/dyads/RUS/USA/timeline?from=2025-08-06&to=2025-08-01", "from"},
      {"/v1/quotes?speaker=a%00b", "speaker"},      {"/v1/quotes?limit=-5", "limit"},
      {"/v1/quotes?who=x", "who"},                  {"/v1/deadlines?as_of=2025-02-29", "as_of"},
      {"/v1/deadlines?actor=U.S.", "actor"},        {"/v1/actors?role=victim", "role"},
      {"/v1/stats?x=1", "x"},
  };
  auto c = server_->client();
  for (const auto& [path, parameter] : cases) {
    SCOPED_TRACE(path);
    expect_error(c.Get(path), 400, parameter);
  }
  expect_error(c.Get("/v1/nothing"), 404, "");
}

// Every parameter of every route gets classic injection strings.  Each must
// be refused as ill-formed (4xx) or answered as the harmless literal it is
// (200, nothing matched); afterwards the store holds exactly what it did.
TEST_F(ServeTest, SqlInjectionOnEveryParameterChangesNothing) {
  ingest_example();
  const json before = get_json("/v1/stats");
  const json events_before = get_json("/v1/events?limit=1000");
  const std::vector<std::string> attacks = {
      "' OR '1'='1",     "RUS' OR 1=1 --",  "1; DROP TABLE events; --", "\") OR 1=1 --",
      "RUS%' --",         "%",               "_",                         "1 UNION SELECT * FROM documents",
      "2025-08-06' OR '1'='1", "0 OR 1=1",    "RUS\\",                    "*/ OR 1=1 /*",
  };
  const std::vector<std::string> query_params = {
      "/v1/events?actor=", "/v1/events?source=", "/v1/events?target=", "/v1/events?dyad=RUS,",
      "/v1/events?code=",  "/v1/events?root=",   "/v1/events?from=",   "/v1/events?to=",
      "/v1/events?q=",     "/v1/events?doc=",    "/v1/events?limit=",  "/v1/events?offset=",
      "/v1/events?dyad=RUS,USA&directed=",
      "/v1/dyads/RUS/USA/timeline?interval=", "/v1/dyads/RUS/USA/timeline?from=",
      "/v1/quotes?speaker=", "/v1/quotes?doc=",  "/v1/quotes?limit=",
      "/v1/deadlines?as_of=", "/v1/deadlines?actor=", "/v1/actors?prefix=", "/v1/actors?role="};
  auto c = server_->client();
  auto check = [&](const std::string& path) {
    SCOPED_TRACE(path);
    auto res = c.Get(path);
    ASSERT_TRUE(res);
    if (res->status == 200) {
      json body = json::parse(res->body);
      for (const char* list : {"events", "points", "quotes", "deadlines", "actors"}) {
        if (body.contains(list)) {
          EXPECT_TRUE(body[list].empty()) << res->body;
        }
      }
    } else {
      EXPECT_GE(res->status, 400);
      EXPECT_LT(res->status, 500);
      EXPECT_TRUE(json::parse(res->body)["error"].is_string());
    }
  };
  for (const std::string& attack : attacks) {
    const std::string encoded = httplib::detail::encode_query_param(attack);
    for (const std::string& route : query_params) check(route + encoded);
    check("/v1/dyads/" + encoded + "/USA/timeline");
    check("/v1/dyads/RUS/" + encoded + "/timeline");
    // Bodies too: as a document id and as text, to code or to store.
    auto coded = post("/v1/code", json({{"id", attack}, {"text", attack}}).dump(), "application/json");
    ASSERT_TRUE(coded);
    EXPECT_EQ(coded->status, 200);
  }
  EXPECT_EQ(get_json("/v1/stats"), before);
  EXPECT_EQ(get_json("/v1/events?limit=1000"), events_before);

  // Stored injection strings stay inert data and are found only literally.
  auto res = post("/v1/documents", json({{"id", "x'); DROP TABLE events; --"}, {"text", "Putin met Witkoff in ' OR 1=1 -- Moscow."}}).dump(),
                  "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  json found = get_json("/v1/events?doc=" + httplib::detail::encode_query_param("x'); DROP TABLE events; --"));
  EXPECT_GE(found["total"].get<int>(), 1);
  EXPECT_EQ(get_json("/v1/events?q=" + httplib::detail::encode_query_param("' OR 1=1 --"))["total"], found["total"]);
  EXPECT_EQ(get_json("/v1/stats")["documents"].get<int>(), before["documents"].get<int>() + 1);
}

// ------------------------------------------------------------ description, dashboard

TEST_F(ServeTest, OpenApiDescribesEveryRoute) {
  json spec = get_json("/openapi.json");
  EXPECT_EQ(spec["openapi"].get<std::string>().rfind("3.", 0), 0u);
  for (const char* path : {"/v1/code", "/v1/documents", "/v1/events", "/v1/dyads/{a}/{b}/timeline", "/v1/quotes",
                           "/v1/deadlines", "/v1/actors", "/v1/stats", "/openapi.json", "/"}) {
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  }
  // Each documented query parameter of /v1/events is one the route accepts.
  for (const auto& p : spec["paths"]["/v1/events"]["get"]["parameters"]) {
    const std::string name = p["name"];
    auto c = server_->client();
    auto res = c.Get("/v1/events?" + name + "=@@");
    ASSERT_TRUE(res);
    if (res->status == 400) {
      EXPECT_NE(res->body.find("\"parameter\":\"" + name + "\""), std::string::npos) << res->body;
    }
    EXPECT_EQ(res->body.find("unknown parameter"), std::string::npos) << name;
  }
}

TEST_F(ServeTest, DashboardIsServedFromTheBinary) {
  auto c = server_->client();
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<script type=\"module\" src=\"/app.js\">"), std::string::npos);
  EXPECT_EQ(page->body.find("http://"), std::string::npos) << "the dashboard must not load anything remote";
  for (const char* asset : {"/app.js", "/style.css"}) {
    auto res = c.Get(asset);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << asset;
    EXPECT_GT(res->body.size(), 1000u) << asset;
  }
  auto missing = c.Get("/nothing.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  // The map's libraries and outlines, vendored from npm at build time.
  for (const char* module : {"/common.js", "/highlight.js", "/map.js", "/charts.js"}) {
    auto res = c.Get(module);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << module;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8") << module;
  }
  for (const char* asset : {"/vendor/d3-array.min.js", "/vendor/d3-geo.min.js", "/vendor/topojson-client.min.js",
                            "/vendor/countries-110m.json", "/vendor/iso_3166-1.json"}) {
    if (std::string(asset).ends_with(".js")) {
      EXPECT_NE(page->body.find(std::string("<script src=\"") + asset + "\">"), std::string::npos) << asset;
    }
    auto res = c.Get(asset);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << asset << " (run npm ci in web/vendor and re-run cmake)";
    EXPECT_GT(res->body.size(), 5000u) << asset;
  }
  json outlines = json::parse(c.Get("/vendor/countries-110m.json")->body, nullptr, false);
  ASSERT_TRUE(outlines.is_object());
  EXPECT_EQ(outlines["type"], "Topology");
  EXPECT_GT(outlines["objects"]["countries"]["geometries"].size(), 150u);
  EXPECT_EQ(c.Get("/vendor/nothing.js")->status, 404);
  EXPECT_EQ(c.Get("/vendor/../app.js")->status, 404);
}

// ------------------------------------------------------------ one vocabulary

// The keys of a record, nested objects' keys as "parent.key".
std::set<std::string> keys_of(const json& record, const std::string& prefix = "") {
  std::set<std::string> out;
  for (const auto& [key, value] : record.items()) {
    out.insert(prefix + key);
    if (value.is_object()) {
      for (const auto& k : keys_of(value, prefix + key + ".")) out.insert(k);
    }
  }
  return out;
}

// The same document read back from /v1/code and from the store's routes
// has the same field names: the stored record's keys are the coded one's,
// plus the API's own additions; flags are booleans, present when false.
TEST_F(ServeTest, CodeAndStoredRecordsShareOneVocabulary) {
  ingest_example();
  json doc = {{"id", "kremlin-witkoff-2025-08-06"}, {"date", "2025-08-06"}, {"text", example_text()}};
  auto res = post("/v1/code", doc.dump(), "application/json");
  ASSERT_TRUE(res);
  json coded = json::parse(res->body);
  json events = get_json("/v1/events?doc=kremlin-witkoff-2025-08-06&limit=1000")["events"];
  json quotes = get_json("/v1/quotes?doc=kremlin-witkoff-2025-08-06&limit=1000")["quotes"];
  json deadlines = get_json("/v1/deadlines?limit=1000")["deadlines"];
  const std::map<std::string, json*> stored = {{"event", &events}, {"quote", &quotes}, {"deadline", &deadlines}};
  const std::map<std::string, std::set<std::string>> api_only = {
      {"event", {"event_id", "sentence_text"}}, {"quote", {"quote_id"}}, {"deadline", {"deadline_id", "doc_date"}}};
  std::map<std::string, int> seen;
  for (const json& rec : coded) {
    const std::string type = rec["type"];
    ASSERT_TRUE(stored.count(type)) << type;
    ASSERT_FALSE(stored.at(type)->empty()) << "nothing stored of type " << type;
    ++seen[type];
    // Nested objects (place, plover) may be null on one record and an object
    // on another: compare records that agree on which are present.
    for (const json& back : *stored.at(type)) {
      if (back["sentence"] != rec["sentence"]) continue;
      if (type == "event" && (back["code"] != rec["code"] || back["evidence"] != rec["evidence"])) continue;
      if (type != "event" && back["evidence"] != rec["evidence"]) continue;
      std::set<std::string> want = keys_of(rec);
      want.erase("code_name");  // /v1/code adds the CAMEO name, as /v1/events does
      std::set<std::string> got = keys_of(back);
      got.erase("code_name");
      for (const std::string& extra : api_only.at(type)) got.erase(extra);
      EXPECT_EQ(got, want) << type << ": " << back.dump() << "\nvs\n" << rec.dump();
      if (type == "event") {
        for (const char* flag : {"negated", "conditional", "in_condition", "hypothetical", "future", "reported",
                                 "passive", "nominal", "one_sided"}) {
          EXPECT_TRUE(back[flag].is_boolean()) << flag;
          EXPECT_EQ(back[flag], rec[flag]) << flag;
        }
        EXPECT_EQ(back["date"], rec["date"]);
        EXPECT_EQ(back["place"], rec["place"]);
        EXPECT_EQ(back["plover"], rec["plover"]);
        EXPECT_EQ(back["evidence"], rec["evidence"]);
      } else {
        const char* what = type == "quote" ? "text" : "about";
        EXPECT_EQ(back.at(what), rec.at(what));
        EXPECT_EQ(back.at("date"), rec.at("date"));
      }
      break;
    }
  }
  EXPECT_GT(seen["event"], 0);
  EXPECT_GT(seen["quote"], 0);
  EXPECT_GT(seen["deadline"], 0);
  // No path of the machine in the evidence.
  for (const json& e : events) {
    EXPECT_EQ(e["evidence"]["verb_entry"].get<std::string>().find('/'), std::string::npos) << e.dump();
  }
}

// ------------------------------------------------------------ the rest of the API

TEST_F(ServeTest, WrongMethodIs405WithAllow) {
  auto c = server_->client();
  auto del = c.Delete("/v1/events");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET");
  auto get = c.Get("/v1/code");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  auto put = c.Put("/v1/documents", "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET, POST");
  EXPECT_EQ(c.Get("/v1/nothing")->status, 404);
}

TEST_F(ServeTest, DocumentsListAndOneDocumentWithItsRecords) {
  ingest_example();
  json list = get_json("/v1/documents?sort=events&order=desc");
  ASSERT_FALSE(list["documents"].empty());
  bool found = false;
  for (const json& d : list["documents"]) found = found || d["id"] == "kremlin-witkoff-2025-08-06";
  EXPECT_TRUE(found) << list.dump();
  for (size_t i = 1; i < list["documents"].size(); ++i) {
    EXPECT_GE(list["documents"][i - 1]["events"].get<int>(), list["documents"][i]["events"].get<int>());
  }
  json doc = get_json("/v1/documents/kremlin-witkoff-2025-08-06");
  EXPECT_EQ(doc["text"], example_text());
  EXPECT_TRUE(has_meeting(doc["events"]));
  ASSERT_FALSE(doc["quotes"].empty());
  EXPECT_TRUE(doc["quotes"][0]["text"].is_string());
  ASSERT_FALSE(doc["deadlines"].empty());
  EXPECT_EQ(doc["deadlines"][0]["date"], "2025-08-08");
  EXPECT_FALSE(doc["sentences"].empty());
  // Each record carries its real row id: the one the listings give it.
  const std::string id = "kremlin-witkoff-2025-08-06";
  json listed = get_json("/v1/events?doc=" + id + "&limit=1000")["events"];
  std::set<int64_t> event_ids, shown;
  for (const json& e : listed) event_ids.insert(e["event_id"].get<int64_t>());
  for (const json& e : doc["events"]) shown.insert(e["event_id"].get<int64_t>());
  EXPECT_EQ(shown, event_ids);
  EXPECT_EQ(shown.size(), doc["events"].size());
  for (const json& e : doc["events"]) {
    for (const json& l : listed) {
      if (l["event_id"] == e["event_id"]) {
        EXPECT_EQ(l, e) << "one record, one id";
      }
    }
  }
  json quotes = get_json("/v1/quotes?doc=" + id + "&limit=1000")["quotes"];
  std::set<int64_t> quote_ids, quotes_shown;
  for (const json& q : quotes) quote_ids.insert(q["quote_id"].get<int64_t>());
  for (const json& q : doc["quotes"]) quotes_shown.insert(q["quote_id"].get<int64_t>());
  EXPECT_EQ(quotes_shown, quote_ids);
  std::set<int64_t> deadline_ids;
  const json deadlines = get_json("/v1/deadlines?limit=1000")["deadlines"];
  for (const json& d : deadlines)
    if (d["id"] == id) deadline_ids.insert(d["deadline_id"].get<int64_t>());
  for (const json& d : doc["deadlines"]) EXPECT_EQ(deadline_ids.count(d["deadline_id"].get<int64_t>()), 1u) << d;
  EXPECT_NE(doc["events"][0]["event_id"], 0);
  json missing = get_json("/v1/documents/no-such-doc", 404);
  EXPECT_EQ(missing["parameter"], "id");
}

TEST_F(ServeTest, SortOrderFiltersAndCsvOnEveryList) {
  ingest_example();
  json asc = get_json("/v1/events?sort=goldstein&order=asc&limit=1000")["events"];
  ASSERT_GT(asc.size(), 2u);
  for (size_t i = 1; i < asc.size(); ++i) {
    if (asc[i - 1]["goldstein"].is_null() || asc[i]["goldstein"].is_null()) continue;
    EXPECT_LE(asc[i - 1]["goldstein"].get<double>(), asc[i]["goldstein"].get<double>());
  }
  json desc = get_json("/v1/events?sort=date&order=desc&limit=1000")["events"];
  // A document stored without a date (by another test on this server) has
  // events with a null date: they come last, after every dated one.
  auto date_of = [](const json& e) { return e["date"].is_null() ? std::string() : e["date"].get<std::string>(); };
  for (size_t i = 1; i < desc.size(); ++i) EXPECT_GE(date_of(desc[i - 1]), date_of(desc[i]));
  // One side: the source only.
  const json usa_sourced = get_json("/v1/events?source=USA&limit=1000");
  for (const json& e : usa_sourced["events"]) {
    EXPECT_EQ(e["source"].get<std::string>().rfind("USA", 0), 0u) << e.dump();
  }
  // Place country and PLOVER type filters.
  json placed = get_json("/v1/events?country=ru&limit=1000");
  ASSERT_FALSE(placed["events"].empty());
  for (const json& e : placed["events"]) EXPECT_EQ(e["place"]["country"], "RU") << e.dump();
  // Alpha-3, as place_country_iso3 holds it, is the same country.
  EXPECT_EQ(get_json("/v1/events?country=RUS&limit=1000")["events"], placed["events"]);
  EXPECT_EQ(get_json("/v1/events?country=rus&limit=1000")["events"], placed["events"]);
  EXPECT_EQ(get_json("/v1/countries?country=RUS")["countries"], get_json("/v1/countries?country=RU")["countries"]);
  json consult = get_json("/v1/events?plover=consult&limit=1000");
  ASSERT_FALSE(consult["events"].empty());
  for (const json& e : consult["events"]) EXPECT_EQ(e["plover"]["type"], "CONSULT");
  // Excluding flags: none of the excluded kinds is left, and nothing else goes.
  json all = get_json("/v1/events?limit=1000");
  json kept = get_json("/v1/events?exclude=negated,conditional,hypothetical,future,one_sided&limit=1000");
  size_t flagged = 0;
  for (const json& e : all["events"]) {
    flagged += e["negated"] || e["conditional"] || e["in_condition"] || e["hypothetical"] || e["future"] ||
               e["one_sided"];
  }
  EXPECT_EQ(kept["total"].get<size_t>(), all["total"].get<size_t>() - flagged);
  for (const json& e : kept["events"]) EXPECT_FALSE(e["one_sided"] || e["negated"] || e["future"]);
  // format=csv on every list.
  for (const char* path : {"/v1/events?format=csv", "/v1/quotes?format=csv", "/v1/deadlines?format=csv",
                           "/v1/actors?format=csv", "/v1/dyads?format=csv", "/v1/counts?format=csv",
                           "/v1/documents?format=csv", "/v1/dyads/RUS/USA/timeline?format=csv"}) {
    auto res = server_->client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/csv", 0), 0u) << path;
    EXPECT_NE(res->body.find("\r\n"), std::string::npos) << path;
  }
  auto csv = server_->client().Get("/v1/events?format=csv&limit=1000");
  // The columns of `parley code --format csv`, then the store's own.
  std::string flat_header;
  parley::append_flat_header(flat_header, parley::FlatFormat::kCsv);
  flat_header.back() = ',';
  EXPECT_EQ(csv->body.rfind(flat_header + "place_evidence,", 0), 0u) << csv->body.substr(0, 200);
  // ... ending with the row id, the code's name and the sentence's words, as the JSON names them.
  EXPECT_NE(csv->body.find(",target_end,event_id,code_name,sentence_text\r\n"), std::string::npos) << csv->body.substr(0, 900);
}

TEST_F(ServeTest, AggregatesOverTimeTopActorsAndDyads) {
  ingest_example();
  json by_root = get_json("/v1/counts?group=root&interval=month");
  EXPECT_EQ(by_root["interval"], "month");
  int64_t total = 0;
  for (const json& p : by_root["points"]) {
    EXPECT_EQ(p["period"].get<std::string>().substr(8), "01");
    total += p["events"].get<int64_t>();
  }
  json dated = get_json("/v1/events?from=1900-01-01&limit=1");
  EXPECT_EQ(total, dated["total"].get<int64_t>());
  json quads = get_json("/v1/counts?group=quad_class&dyad=RUS,USA");
  ASSERT_FALSE(quads["points"].empty());
  json dyads = get_json("/v1/dyads?limit=5");
  ASSERT_FALSE(dyads["dyads"].empty());
  for (size_t i = 1; i < dyads["dyads"].size(); ++i) {
    EXPECT_GE(dyads["dyads"][i - 1]["events"].get<int>(), dyads["dyads"][i]["events"].get<int>());
  }
  for (const json& d : dyads["dyads"]) {
    EXPECT_NE(d["source"], "---");
    EXPECT_NE(d["target"], "---");
  }
  json actors = get_json("/v1/actors?root=04&limit=5");
  ASSERT_FALSE(actors["actors"].empty());
}

// The map's data: where the matching events happen, per place with its
// coordinates and per country; the same filters as /v1/events.
TEST_F(ServeTest, PlacesAndCountriesOfEvents) {
  ingest_example();
  json places = get_json("/v1/places?limit=1000")["places"];
  json countries = get_json("/v1/countries")["countries"];
  ASSERT_FALSE(places.empty());
  ASSERT_FALSE(countries.empty());
  int64_t in_places = 0, in_countries = 0;
  for (const json& p : places) {
    EXPECT_TRUE(p["place_lat"].is_number() && p["place_lon"].is_number()) << p;
    EXPECT_GE(p["place_lat"].get<double>(), -90.0);
    EXPECT_LE(p["place_lat"].get<double>(), 90.0);
    EXPECT_EQ(p["place_country"].get<std::string>().size(), 2u) << p;
    EXPECT_GE(p["events"].get<int64_t>(), 1);
    in_places += p["events"].get<int64_t>();
  }
  for (const json& c : countries) in_countries += c["events"].get<int64_t>();
  // Every located event is in one place and one country (gazetteer places
  // all have coordinates), and the listing agrees with /v1/events.
  EXPECT_EQ(in_places, in_countries);
  const std::string top = countries[0]["place_country"];
  EXPECT_EQ(get_json("/v1/events?limit=1&country=" + top)["total"].get<int64_t>(), countries[0]["events"].get<int64_t>());
  const json in_top = get_json("/v1/places?country=" + top);
  for (const json& p : in_top["places"]) EXPECT_EQ(p["place_country"], top);
  EXPECT_TRUE(get_json("/v1/places?from=1900-01-01&to=1900-01-02")["places"].empty());
  EXPECT_EQ(get_json("/v1/places?limit=1")["places"].size(), 1u);
  for (const char* path : {"/v1/places?format=csv", "/v1/countries?format=csv"}) {
    auto res = server_->client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/csv", 0), 0u) << path;
    EXPECT_EQ(res->body.rfind("place_", 0), 0u) << path;
  }
  for (const auto& [path, parameter] : std::vector<std::pair<std::string, std::string>>{
           {"/v1/places?limit=abc", "limit"}, {"/v1/places?limit=0", "limit"}, {"/v1/places?country=XYZ", "country"},
           {"/v1/countries?limit=5", "limit"}, {"/v1/countries?exclude=bogus", "exclude"},
           {"/v1/places?q=%01", "q"}}) {
    json err = get_json(path, 400);
    EXPECT_EQ(err["parameter"], parameter) << path;
  }
  auto del = server_->client().Delete("/v1/places");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET");
}

TEST_F(ServeTest, MalformedNumbersAndListsAre400) {
  for (const auto& [path, parameter] : std::vector<std::pair<std::string, std::string>>{
           {"/v1/events?limit=abc'%20OR%201=1", "limit"}, {"/v1/events?limit=10abc", "limit"},
           {"/v1/events?offset=-1", "offset"}, {"/v1/events?quad_class=5", "quad_class"},
           {"/v1/events?exclude=negated,bogus", "exclude"}, {"/v1/events?country=RUSS", "country"},
           {"/v1/events?country=ZZ", "country"}, {"/v1/events?country=ZZZ", "country"},
           {"/v1/events?plover=A1", "plover"}, {"/v1/events?plover=NOTATYPE", "plover"},
           {"/v1/actors?plover=assaults", "plover"}, {"/v1/counts?country=XX", "country"},
           {"/v1/events?order=up", "order"},
           {"/v1/documents?limit=1e3", "limit"}, {"/v1/counts?group=code", "group"},
           {"/v1/events?format=xml", "format"}}) {
    SCOPED_TRACE(path);
    expect_error(server_->client().Get(path), 400, parameter);
  }
}

// The names a JSON row flattens to, as the CSV of the same list writes them:
// `type` is left out (a list holds one kind), `evidence`'s members keep their
// own names, another object's take its name as a prefix (place.lat ->
// place_lat), and a span [begin, end] (`..._offsets`, or `offsets` alone)
// is two columns (source_offsets -> source_begin, source_end).  An object
// that is null here (place, plover) is named by the rows that have one.
void flatten_keys(const json& object, const std::string& prefix, bool top, std::set<std::string>& out) {
  for (const auto& [key, value] : object.items()) {
    if (top && key == "type") continue;
    const std::string name = top && key == "evidence" ? "" : prefix + key;
    if (value.is_object()) {
      flatten_keys(value, name.empty() ? "" : name + "_", false, out);
    } else if (key.size() >= 7 && key.compare(key.size() - 7, 7, "offsets") == 0) {
      const std::string stem = prefix + key.substr(0, key.size() - 7);
      out.insert(stem + "begin");
      out.insert(stem + "end");
    } else if (!(value.is_null() && (key == "place" || key == "plover"))) {
      out.insert(name);
    }
  }
}

std::vector<std::string> csv_header(const std::string& body) {
  std::vector<std::string> out;
  const std::string line = body.substr(0, body.find("\r\n"));
  for (size_t at = 0;;) {
    const size_t comma = line.find(',', at);
    out.push_back(line.substr(at, comma - at));
    if (comma == std::string::npos) return out;
    at = comma + 1;
  }
}

// For every list, the JSON rows and the CSV (format=csv) name the same
// fields: the aggregates' rows are flat and in the CSV's order; the record
// lists (events, quotes, deadlines) flatten as documented in docs/STORE.md.
TEST_F(ServeTest, JsonAndCsvOfEveryListNameTheSameFields) {
  ingest_example();
  const std::vector<std::pair<std::string, std::string>> lists = {
      {"/v1/events?limit=1000", "events"},    {"/v1/quotes?limit=1000", "quotes"},
      {"/v1/deadlines?limit=1000", "deadlines"}, {"/v1/actors", "actors"},
      {"/v1/dyads", "dyads"},                 {"/v1/counts?group=root", "points"},
      {"/v1/places", "places"},               {"/v1/countries", "countries"},
      {"/v1/documents", "documents"},         {"/v1/dyads/RUS/USA/timeline", "points"}};
  for (const auto& [path, member] : lists) {
    SCOPED_TRACE(path);
    const json rows = get_json(path)[member];
    ASSERT_FALSE(rows.empty());
    auto res = server_->client().Get(path + (path.find('?') == std::string::npos ? "?" : "&") + "format=csv");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const std::vector<std::string> header = csv_header(res->body);
    const bool records = member == "events" || member == "quotes" || member == "deadlines";
    if (!records) {
      // In the order the server wrote them (json sorts its keys; ordered_json keeps them).
      auto body = server_->client().Get(path);
      ASSERT_TRUE(body);
      const nlohmann::ordered_json first = nlohmann::ordered_json::parse(body->body)[member][0];
      std::vector<std::string> keys;
      for (const auto& item : first.items()) keys.push_back(item.key());
      EXPECT_EQ(keys, header);
      continue;
    }
    std::set<std::string> keys;
    for (const json& row : rows) flatten_keys(row, "", true, keys);
    EXPECT_EQ(keys, std::set<std::string>(header.begin(), header.end()));
    EXPECT_EQ(header.size(), std::set<std::string>(header.begin(), header.end()).size()) << "a column twice";
  }
  // The count of an actor's events is `events`, as everywhere else.
  const json actor = get_json("/v1/actors?limit=1")["actors"][0];
  EXPECT_GE(actor["events"].get<int64_t>(), 1);
  EXPECT_FALSE(actor.contains("total"));
}

// A PLOVER type or a country code that does not exist is a 400 that says
// what would be right, not an empty list that looks like "no events".
TEST_F(ServeTest, UnknownPloverTypesAndCountryCodesAre400) {
  const json plover = get_json("/v1/events?plover=NOTATYPE", 400);
  EXPECT_EQ(plover["error"],
            "plover: 'NOTATYPE' is not a PLOVER event type; expected one of AGREE, CONSULT, SUPPORT, CONCEDE, "
            "COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, "
            "ASSAULT, OTHER");
  const json country = get_json("/v1/events?country=ZZ", 400);
  EXPECT_EQ(country["error"],
            "country: 'ZZ' is not an ISO 3166 country code; expected alpha-3 (e.g. RUS) or alpha-2 (e.g. RU)");
  EXPECT_EQ(get_json("/v1/events?country=Russia", 400)["parameter"], "country");
  // Every type and a known code of either length is accepted (even with no events).
  for (const char* type : {"agree", "CONSULT", "Assault", "OTHER"}) {
    get_json(std::string("/v1/events?limit=1&plover=") + type);
  }
  for (const char* code : {"UA", "UKR", "fr", "fra", "US", "USA"}) get_json(std::string("/v1/events?limit=1&country=") + code);
}

// ------------------------------------------------------------ sort keys and filters by field name

// The values of `field` in `rows` (nested "a.b"), null as "".
std::vector<std::string> field_values(const json& rows, const std::string& field) {
  std::vector<std::string> out;
  for (const json& r : rows) {
    const json* v = &r;
    for (size_t start = 0; start <= field.size();) {
      const size_t dot = std::min(field.find('.', start), field.size());
      const std::string key = field.substr(start, dot - start);
      v = v->is_object() && v->contains(key) ? &(*v)[key] : nullptr;
      if (!v) break;
      start = dot + 1;
    }
    out.push_back(!v || v->is_null() ? std::string() : v->is_string() ? v->get<std::string>() : v->dump());
  }
  return out;
}

bool ascending(const std::vector<std::string>& v) { return std::is_sorted(v.begin(), v.end()); }
bool descending(const std::vector<std::string>& v) { return std::is_sorted(v.rbegin(), v.rend()); }

// A sort key is the name of the field it orders by, on every list; the old
// names (country, doc, due, reported) still work, as aliases.
TEST_F(ServeTest, SortKeysAreTheFieldNamesTheyOrderBy) {
  ingest_example();
  // Quotes: speaker is the name as written, speaker_code the actor code.
  const json by_name = get_json("/v1/quotes?sort=speaker&limit=1000")["quotes"];
  ASSERT_GT(by_name.size(), 2u);
  EXPECT_TRUE(ascending(field_values(by_name, "speaker"))) << by_name.dump();
  EXPECT_TRUE(descending(field_values(get_json("/v1/quotes?sort=speaker&order=desc&limit=1000")["quotes"], "speaker")));
  const json by_code = get_json("/v1/quotes?sort=speaker_code&limit=1000")["quotes"];
  EXPECT_TRUE(ascending(field_values(by_code, "speaker_code"))) << by_code.dump();
  // The example's speakers are not in the same order by name as by code
  // (by name "Dmitriev", "Ushakov", then the analyst; by code the analyst's
  // ---EDU first): the two keys differ.
  EXPECT_NE(field_values(by_name, "speaker"), field_values(by_code, "speaker"));
  EXPECT_TRUE(ascending(field_values(get_json("/v1/quotes?sort=id&limit=1000")["quotes"], "id")));
  EXPECT_EQ(get_json("/v1/quotes?sort=id&limit=1000"), get_json("/v1/quotes?sort=doc&limit=1000"));
  // Events: place_country and id (the document), as the CSV columns and the
  // records name them.
  const json by_country = get_json("/v1/events?sort=place_country&order=desc&limit=1000");
  EXPECT_TRUE(descending(field_values(by_country["events"], "place.country")));
  EXPECT_EQ(by_country, get_json("/v1/events?sort=country&order=desc&limit=1000"));
  const json by_doc = get_json("/v1/events?sort=id&limit=1000");
  EXPECT_TRUE(ascending(field_values(by_doc["events"], "id")));
  EXPECT_EQ(by_doc, get_json("/v1/events?sort=doc&limit=1000"));
  // A cursor names its sort by its own name, and an alias's page is that sort's.
  const json first = get_json("/v1/events?sort=place_country&limit=2");
  const std::string cursor = first["next_cursor"];
  EXPECT_EQ(cursor.rfind("place_country~", 0), 0u) << cursor;
  EXPECT_EQ(get_json("/v1/events?sort=country&limit=2&cursor=" + cursor),
            get_json("/v1/events?sort=place_country&limit=2&cursor=" + cursor));
  // Deadlines: date (when due, the field `date`) and doc_date.
  const json due = get_json("/v1/deadlines?sort=date&limit=1000");
  EXPECT_TRUE(ascending(field_values(due["deadlines"], "date")));
  EXPECT_EQ(due["deadlines"], get_json("/v1/deadlines?sort=due&limit=1000")["deadlines"]);
  const json reported = get_json("/v1/deadlines?sort=doc_date&order=desc&limit=1000");
  EXPECT_TRUE(descending(field_values(reported["deadlines"], "doc_date")));
  EXPECT_EQ(reported["deadlines"], get_json("/v1/deadlines?sort=reported&order=desc&limit=1000")["deadlines"]);
  // A key that is no field of the list is a 400 naming the list's keys.
  const json bad = get_json("/v1/quotes?sort=speaker_name", 400);
  EXPECT_EQ(bad["parameter"], "sort");
  EXPECT_EQ(bad["error"], "sort: expected date, speaker, speaker_code, id or doc");
  EXPECT_EQ(get_json("/v1/events?sort=place", 400)["parameter"], "sort");
  EXPECT_EQ(get_json("/v1/deadlines?sort=speaker", 400)["parameter"], "sort");
}

// Filters on a record field take the field's name too (place_country,
// plover_type, id), the older names (country, plover, doc) being aliases;
// giving both is a 400.
TEST_F(ServeTest, FiltersOnAFieldTakeTheFieldsName) {
  ingest_example();
  const std::string id = "kremlin-witkoff-2025-08-06";
  for (const std::string route : {"/v1/events?limit=1000&", "/v1/countries?", "/v1/counts?group=root&"}) {
    const json placed = get_json(route + "place_country=ru");
    EXPECT_EQ(placed, get_json(route + "country=RU")) << route;
    EXPECT_EQ(get_json(route + "plover_type=consult"), get_json(route + "plover=CONSULT")) << route;
    EXPECT_EQ(get_json(route + "id=" + id), get_json(route + "doc=" + id)) << route;
  }
  const json placed = get_json("/v1/events?place_country=RUS&limit=1000")["events"];
  ASSERT_FALSE(placed.empty());
  for (const json& e : placed) EXPECT_EQ(e["place"]["country"], "RU");
  // (Each answer is kept in a local: a range-for over a member of a
  // temporary reads freed memory.)
  const json consults = get_json("/v1/events?plover_type=Consult&limit=1000");
  for (const json& e : consults["events"]) EXPECT_EQ(e["plover"]["type"], "CONSULT");
  const json of_document = get_json("/v1/events?id=" + id + "&limit=1000");
  for (const json& e : of_document["events"]) EXPECT_EQ(e["id"], id);
  EXPECT_EQ(get_json("/v1/quotes?id=" + id + "&limit=1000"), get_json("/v1/quotes?doc=" + id + "&limit=1000"));
  // Both names of one filter: which one wins would be a guess.
  const json both = get_json("/v1/events?country=RU&place_country=UA", 400);
  EXPECT_EQ(both["parameter"], "country");
  EXPECT_EQ(both["error"], "country: give place_country or its older name country, not both");
  EXPECT_EQ(get_json("/v1/events?plover=AID&plover_type=AID", 400)["parameter"], "plover");
  EXPECT_EQ(get_json("/v1/quotes?doc=a&id=a", 400)["parameter"], "doc");
  // A bad value is reported under the name it was given.
  EXPECT_EQ(get_json("/v1/events?plover_type=NOTATYPE", 400)["parameter"], "plover_type");
  EXPECT_EQ(get_json("/v1/events?place_country=ZZ", 400)["parameter"], "place_country");
  // counts by PLOVER type: group=plover_type, as the field (plover: its older name).
  json by_type = get_json("/v1/counts?group=plover_type");
  json by_plover = get_json("/v1/counts?group=plover");
  EXPECT_EQ(by_type["points"], by_plover["points"]);
  EXPECT_EQ(by_type["group"], "plover_type");
}

// An undated story's event keeps its own date words: "on Saturday" cannot be
// given a day without the story's date, but the words are still its
// date_text, in /v1/code, in the store and in every listing.
TEST_F(ServeTest, AnUndatedStoryKeepsTheEventsDateText) {
  const std::string text = "Vladimir Putin met Steve Witkoff in Moscow on Saturday.";
  // (Undated, the actors' dated roles do not apply: the sides differ from a
  // dated run's; the meeting is the event whose verb is "met".)
  const auto meetings = [](const json& events) {
    std::vector<json> out;
    for (const json& e : events)
      if (e["type"] == "event" && e["evidence"]["verb"] == "met") out.push_back(e);
    return out;
  };
  auto res = post("/v1/code", json({{"text", text}}).dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const auto coded = meetings(json::parse(res->body));
  ASSERT_EQ(coded.size(), 1u) << res->body;
  EXPECT_TRUE(coded[0]["date"].is_null()) << coded[0].dump();
  EXPECT_EQ(coded[0]["date_text"], "Saturday") << coded[0].dump();
  res = post("/v1/documents", json({{"id", "undated-saturday"}, {"text", text}}).dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const auto stored = meetings(get_json("/v1/events?id=undated-saturday")["events"]);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_TRUE(stored[0]["date"].is_null()) << stored[0].dump();
  EXPECT_EQ(stored[0]["date_text"], "Saturday") << stored[0].dump();
  const json doc = get_json("/v1/documents/undated-saturday");
  EXPECT_EQ(meetings(doc["events"]).at(0)["date_text"], "Saturday");
  auto csv = server_->client().Get("/v1/events?id=undated-saturday&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find(",Saturday,"), std::string::npos) << csv->body;
}

// ------------------------------------------------------------ the OpenAPI document says what the API does

// The properties a schema names, through $ref and allOf.
std::set<std::string> schema_properties(const json& spec, json schema) {
  std::set<std::string> out;
  if (schema.contains("$ref")) {
    const std::string ref = schema["$ref"];  // "#/components/schemas/NAME"
    schema = spec["components"]["schemas"][ref.substr(ref.rfind('/') + 1)];
  }
  const json parts = schema.value("allOf", json::array());
  for (const json& part : parts)
    for (const std::string& p : schema_properties(spec, part)) out.insert(p);
  const json properties = schema.value("properties", json::object());
  for (const auto& [name, _] : properties.items()) out.insert(name);
  return out;
}

json resolved(const json& spec, const json& schema) {
  if (!schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"];
  return spec["components"]["schemas"][ref.substr(ref.rfind('/') + 1)];
}

// Every row of every listing has exactly the fields its response schema
// names, and the PLOVER type parameter accepts, by the schema's own pattern,
// what the API accepts (any case), while the types the API returns are the
// schema's upper-case enum.
TEST_F(ServeTest, OpenApiSchemasNameTheFieldsTheApiWrites) {
  ingest_example();
  const json spec = get_json("/openapi.json");
  const std::string id = "kremlin-witkoff-2025-08-06";
  struct Listing {
    std::string spec_path, url, rows;
  };
  const std::vector<Listing> listings = {
      {"/v1/events", "/v1/events?limit=1000", "events"},
      {"/v1/quotes", "/v1/quotes?limit=5", "quotes"},
      {"/v1/deadlines", "/v1/deadlines?limit=5", "deadlines"},
      {"/v1/actors", "/v1/actors?limit=5", "actors"},
      {"/v1/dyads", "/v1/dyads?limit=5", "dyads"},
      {"/v1/counts", "/v1/counts?group=root", "points"},
      {"/v1/places", "/v1/places?limit=5", "places"},
      {"/v1/countries", "/v1/countries", "countries"},
      {"/v1/documents", "/v1/documents?limit=5", "documents"},
      {"/v1/dyads/{a}/{b}/timeline", "/v1/dyads/RUS/USA/timeline", "points"},
      {"/v1/documents/{id}", "/v1/documents/" + id, "events"},
      {"/v1/documents/{id}", "/v1/documents/" + id, "quotes"},
      {"/v1/documents/{id}", "/v1/documents/" + id, "deadlines"},
  };
  for (const Listing& l : listings) {
    const json page = get_json(l.url);
    const json response = resolved(spec, spec["paths"][l.spec_path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]);
    std::set<std::string> page_fields;
    for (const auto& [k, _] : page.items()) page_fields.insert(k);
    EXPECT_EQ(schema_properties(spec, response), page_fields) << l.url;
    ASSERT_TRUE(response["properties"].contains(l.rows)) << l.url;
    const std::set<std::string> documented = schema_properties(spec, response["properties"][l.rows]["items"]);
    ASSERT_FALSE(page[l.rows].empty()) << l.url;
    for (const json& row : page[l.rows]) {
      std::set<std::string> fields;
      for (const auto& [k, _] : row.items()) fields.insert(k);
      EXPECT_EQ(fields, documented) << l.url << " " << l.rows << ": " << row.dump();
      break;
    }
  }
  // /v1/code: each record type has its schema.
  auto res = post("/v1/code", json({{"text", example_text()}, {"date", "2025-08-06"}}).dump(), "application/json");
  ASSERT_TRUE(res);
  const json record_schemas = spec["paths"]["/v1/code"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]["items"];
  std::set<std::string> seen;
  for (const json& rec : json::parse(res->body)) {
    const std::string type = rec["type"];
    if (!seen.insert(type).second) continue;
    bool matched = false;
    for (const json& option : record_schemas["oneOf"]) {
      const json s = resolved(spec, option);
      if (s["properties"]["type"]["enum"][0] != type) continue;
      matched = true;
      std::set<std::string> fields;
      for (const auto& [k, _] : rec.items()) fields.insert(k);
      EXPECT_EQ(fields, schema_properties(spec, option)) << type;
    }
    EXPECT_TRUE(matched) << type;
  }
  EXPECT_EQ(seen.size(), 3u);
  // The nested place and plover objects too; PLOVER types come back upper case.
  const json plover = resolved(spec, spec["components"]["schemas"]["Event"]["properties"]["plover"]);
  const json place = resolved(spec, spec["components"]["schemas"]["Event"]["properties"]["place"]);
  const std::set<std::string> types = plover["properties"]["type"]["enum"];
  const json listed = get_json("/v1/events?limit=1000");
  for (const json& e : listed["events"]) {
    if (e["plover"].is_object()) {
      EXPECT_EQ(types.count(e["plover"]["type"]), 1u) << e["plover"];
      EXPECT_EQ(keys_of(e["plover"]), schema_properties(spec, plover));
    }
    if (e["place"].is_object()) {
      std::set<std::string> fields;
      for (const auto& [k, _] : e["place"].items()) fields.insert(k);
      EXPECT_EQ(fields, schema_properties(spec, place));
    }
  }
  // The filter: the API takes every type in any case; so does the schema's pattern.
  for (const json& param : spec["paths"]["/v1/events"]["get"]["parameters"]) {
    if (param["name"] != "plover_type" && param["name"] != "plover") continue;
    const std::regex pattern(param["schema"]["pattern"].get<std::string>(), std::regex::ECMAScript);
    for (const std::string& type : types) {
      std::string lower = type, mixed = type;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (size_t i = 1; i < mixed.size(); ++i) mixed[i] = lower[i];
      for (const std::string& v : {type, lower, mixed}) {
        EXPECT_TRUE(std::regex_match(v, pattern)) << param["name"] << "=" << v;
        get_json("/v1/events?limit=1&" + param["name"].get<std::string>() + "=" + v);
      }
    }
    for (const std::string v : {"ASSAULTS", "", "consult,agree"}) {
      EXPECT_FALSE(std::regex_match(v, pattern)) << v;
      if (!v.empty()) get_json("/v1/events?limit=1&" + param["name"].get<std::string>() + "=" + v, 400);
    }
  }
}

TEST(ServeCommand, RefusesABadPortAndAFileThatIsNotAStore) {
  const parley::test::TempDir tmp("serve_refuses");
  const std::string junk = tmp.write("junk.db", "this is not SQLite");
  EXPECT_NE(parley::test::run_parley("serve --db " + junk + " --port 0").status, 0);
  EXPECT_NE(parley::test::run_parley("serve --db " + tmp.file("x.db") + " --port 70000").status, 0);
}

}  // namespace
