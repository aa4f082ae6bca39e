// /v1/code and POST /v1/documents read a document's date with the same parser
// as `parley code` (io::parse_record_date): every feed form is accepted, and
// a date that cannot be read is a 400 saying why (the caller is there to fix
// it, unlike a batch run, which codes the record undated with a warning).
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "io/input.h"
#include "support/shared_server.h"

namespace {

using nlohmann::json;

class ServeIntakeTest : public parley::test::SharedServerTest<ServeIntakeTest> {
 protected:
  static httplib::Result post(const std::string& path, const std::string& body, const std::string& type) {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_tcp_nodelay(true);
    c.set_read_timeout(30);
    return c.Post(path, body, type);
  }
};

const char* kText = "Russian President Vladimir Putin met Steve Witkoff in Moscow.";

TEST_F(ServeIntakeTest, CodeJsonTakesEveryFeedDateForm) {
  for (const char* date : {"2026-03-03", "20260303", "2026-03-03T10:00:00Z", "2026-03-03T10:00:00.250+02:00",
                           "March 3, 2026", "3 March 2026", "Mar. 3, 2026", "2026/03/03",
                           "Tue, 03 Mar 2026 10:00:00 GMT"}) {
    auto res = post("/v1/code", json({{"text", kText}, {"date", date}}).dump(), "application/json");
    ASSERT_TRUE(res) << date;
    ASSERT_EQ(res->status, 200) << date << ": " << res->body;
    const json records = json::parse(res->body);
    ASSERT_FALSE(records.empty()) << date;
    EXPECT_EQ(records[0]["date"], "2026-03-03") << date;
  }
}

TEST_F(ServeIntakeTest, CodePlainTextDateParameterTakesWrittenForms) {
  auto res = post("/v1/code?date=March%203%2C%202026", kText, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body).at(0)["date"], "2026-03-03");
}

TEST_F(ServeIntakeTest, UnreadableDatesAre400WithTheReason) {
  struct Case {
    const char* date;
    const char* why;
  };
  for (const Case& c : {Case{"2026-02-30", "no such day: February 30, 2026"}, Case{"2026-13-01", "month 13 out of range"},
                        Case{"soon", "not a date"}, Case{"03/04/2026", "ambiguous numeric date"}, Case{"", "empty date"}}) {
    auto res = post("/v1/code", json({{"text", kText}, {"date", c.date}}).dump(), "application/json");
    ASSERT_TRUE(res) << c.date;
    EXPECT_EQ(res->status, 400) << c.date << ": " << res->body;
    const json err = json::parse(res->body, nullptr, false);
    EXPECT_NE(err.dump().find(c.why), std::string::npos) << c.date << ": " << res->body;
  }
}

// web/openapi.json lists exactly the query parameters each GET route accepts:
// an unknown parameter's 400 names the route's own list, which must equal the
// documented one.
TEST_F(ServeIntakeTest, OpenApiDocumentsEveryParameterOfEveryRoute) {
  httplib::Client c("127.0.0.1", server_->port());
  auto spec_res = c.Get("/openapi.json");
  ASSERT_TRUE(spec_res);
  const json spec = json::parse(spec_res->body);
  for (const char* path : {"/v1/documents", "/v1/documents/{id}", "/v1/counts", "/v1/dyads", "/v1/events", "/v1/places", "/v1/countries"})
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  int routes = 0;
  for (const auto& [path, ops] : spec["paths"].items()) {
    if (!ops.contains("get") || path.rfind("/v1/", 0) != 0) continue;
    std::set<std::string> documented;
    for (const auto& p : ops["get"].value("parameters", json::array()))
      if (p["in"] == "query") documented.insert(p["name"].get<std::string>());
    std::string url = path;
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"{a}", "RUS"}, {"{b}", "USA"}, {"{id}", "x"}}) {
      if (const size_t at = url.find(from); at != std::string::npos) url.replace(at, from.size(), to);
    }
    auto res = c.Get(url + "?zz_unknown=1");
    ASSERT_TRUE(res) << url;
    EXPECT_EQ(res->status, 400) << url;
    const std::string message = json::parse(res->body)["error"];
    std::set<std::string> accepted;
    const std::string list_intro = "expected one of: ";
    if (const size_t at = message.find(list_intro); at != std::string::npos) {
      std::string rest = message.substr(at + list_intro.size());
      for (size_t start = 0; start <= rest.size();) {
        size_t comma = rest.find(", ", start);
        if (comma == std::string::npos) comma = rest.size();
        accepted.insert(rest.substr(start, comma - start));
        start = comma + 2;
      }
    }
    EXPECT_EQ(documented, accepted) << path << ": " << message;
    ++routes;
  }
  EXPECT_GE(routes, 10);
}

TEST_F(ServeIntakeTest, UndatedCodeGivesNullDates) {
  auto res = post("/v1/code", json({{"text", kText}}).dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body).at(0)["date"], nullptr);
  // ... and says so, naming the record.
  const std::string warning = res->get_header_value("X-Parley-Warning");
  EXPECT_NE(warning.find("record request: no date"), std::string::npos) << warning;
  // The text is io's, the one a batch run prints (io/input.h), not a copy.
  EXPECT_EQ(warning, "record request: " + parley::io::no_date_warning("a date"));
  res = post("/v1/code?id=undated-7", kText, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_NE(res->get_header_value("X-Parley-Warning").find("record undated-7: no date"), std::string::npos);
}

TEST_F(ServeIntakeTest, DatedCodeHasNoWarning) {
  auto res = post("/v1/code", json({{"text", kText}, {"date", "2025-08-06"}}).dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_FALSE(res->has_header("X-Parley-Warning"));
}

}  // namespace
