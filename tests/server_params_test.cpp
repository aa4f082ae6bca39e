// Parameter and body validation of the HTTP API, without a server.
#include <gtest/gtest.h>

#include "server/api_error.h"
#include "server/params.h"
#include "server/request_bodies.h"

namespace parley::server {
namespace {

QueryParams params(std::initializer_list<std::pair<const std::string, std::string>> values,
                   std::initializer_list<std::string_view> allowed) {
  return QueryParams(QueryParams::Multimap(values), allowed);
}

std::string parameter_of(const std::function<void()>& f, int* status = nullptr) {
  try {
    f();
  } catch (const ApiError& e) {
    if (status) *status = e.status();
    return e.parameter();
  } catch (const ParamError& e) {  // an ill-formed value (filters/params.h): a 400
    if (status) *status = 400;
    return e.parameter();
  }
  return "(no error)";
}

TEST(ServerParams, TypedValues) {
  auto p = params({{"actor", "rusgov"}, {"code", "174k"}, {"root", "04"}, {"from", "2025-08-06"},
                   {"limit", "10"}, {"q", "Kremlin's aide"}, {"interval", "week"}, {"directed", "1"}},
                  {"actor", "code", "root", "from", "limit", "q", "interval", "directed", "to"});
  EXPECT_EQ(p.actor("actor"), "RUSGOV");
  EXPECT_EQ(p.event_code("code"), "174K");
  EXPECT_EQ(p.root("root"), "04");
  EXPECT_EQ(p.date("from"), 20250806);
  EXPECT_EQ(p.date("to"), 0);
  EXPECT_EQ(p.integer("limit", 1, 100, 50), 10);
  EXPECT_EQ(p.text("q", 50), "Kremlin's aide");
  EXPECT_EQ(p.choice("interval", {"day", "week"}, "day"), "week");
  EXPECT_TRUE(p.boolean("directed", false));
}

TEST(ServerParams, IllFormedValuesNameTheirParameter) {
  EXPECT_EQ(parameter_of([] { params({{"zzz", "1"}}, {"a"}); }), "zzz");
  EXPECT_EQ(parameter_of([] { params({{"a", "1"}, {"a", "2"}}, {"a"}); }), "a");
  EXPECT_EQ(parameter_of([] { params({{"a", "RUS GOV"}}, {"a"}).actor("a"); }), "a");
  EXPECT_EQ(parameter_of([] { params({{"a", "RUS'--"}}, {"a"}).actor("a"); }), "a");
  EXPECT_EQ(parameter_of([] { params({{"c", "4"}}, {"c"}).event_code("c"); }), "c");
  EXPECT_EQ(parameter_of([] { params({{"c", "0431X"}}, {"c"}).event_code("c"); }), "c");
  EXPECT_EQ(parameter_of([] { params({{"r", "00"}}, {"r"}).root("r"); }), "r");
  EXPECT_EQ(parameter_of([] { params({{"d", "2025-02-29"}}, {"d"}).date("d"); }), "d");
  EXPECT_EQ(parameter_of([] { params({{"n", "1e3"}}, {"n"}).integer("n", 0, 10000, 0); }), "n");
  EXPECT_EQ(parameter_of([] { params({{"n", ""}}, {"n"}).integer("n", 0, 10, 0); }), "n");
  EXPECT_EQ(parameter_of([] { params({{"n", "99999999999999999999"}}, {"n"}).integer("n", 0, 10, 0); }), "n");
  EXPECT_EQ(parameter_of([] { params({{"t", "a\tb"}}, {"t"}).text("t", 10); }), "t");
  EXPECT_EQ(parameter_of([] { params({{"t", "\xc3"}}, {"t"}).text("t", 10); }), "t");
  EXPECT_EQ(parameter_of([] { params({{"t", "12345678901"}}, {"t"}).text("t", 10); }), "t");
  EXPECT_EQ(parameter_of([] { params({{"b", "yes"}}, {"b"}).boolean("b", false); }), "b");
  EXPECT_EQ(parameter_of([] { params({{"i", "month"}}, {"i"}).choice("i", {"day", "week"}, "day"); }), "i");
}

TEST(ServerBodies, CodeAndDocumentBodies) {
  DocumentInput d = parse_code_json(R"({"text": "Putin met Witkoff.", "date": "2025-08-06"})");
  EXPECT_EQ(d.id, "request");
  EXPECT_EQ(d.date, 20250806);
  auto docs = parse_documents("application/json; charset=utf-8", R"([{"id":"a","text":"x"},{"id":"b","text":"y","date":null}])");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "b");
  EXPECT_EQ(docs[1].date, 0);
  docs = parse_documents("application/x-ndjson", "{\"id\":\"a\",\"text\":\"x\"}\r\n\n{\"id\":\"b\",\"text\":\"y\"}");
  EXPECT_EQ(docs.size(), 2u);
}

TEST(ServerBodies, BadBodies) {
  int status = 0;
  EXPECT_EQ(parameter_of([] { parse_code_json("{\"text\": \"\xff\"}"); }), "body");  // invalid UTF-8
  EXPECT_EQ(parameter_of([] { parse_code_json(R"({"text": "x", "id": 7})"); }), "id");
  EXPECT_EQ(parameter_of([] { parse_code_json(R"({"text": "x", "extra": 1})"); }), "extra");
  EXPECT_EQ(parameter_of([] { parse_code_json(std::string(9, '[')); }), "body");
  EXPECT_EQ(parameter_of([] { parse_documents("application/json", "[]"); }), "body");
  EXPECT_EQ(parameter_of([] { parse_documents("application/json", "[1]"); }), "body");
  EXPECT_EQ(parameter_of([&] { parse_documents("text/csv", "a"); }, &status), "Content-Type");
  EXPECT_EQ(status, 415);
  std::string many = "[";
  for (size_t i = 0; i <= kMaxDocumentsPerRequest; ++i)
    many += std::string(i ? "," : "") + R"({"id":"d)" + std::to_string(i) + R"(","text":""})";
  many += "]";
  EXPECT_EQ(parameter_of([&] { parse_documents("application/json", many); }, &status), "body");
  EXPECT_EQ(status, 413);
  EXPECT_EQ(parameter_of([] { check_document_id(std::string(kMaxIdBytes + 1, 'x'), "id"); }), "id");
  EXPECT_EQ(media_type("text/plain ; charset=utf-8"), "text/plain");
}

// Issue 12, defect 10: the same id twice in one request was stored once and
// reported as 2 stored.
TEST(ServerBodies, SameIdTwiceInOneRequest) {
  int status = 0;
  std::string message;
  try {
    parse_documents("application/json", R"([{"id":"a","text":"x"},{"id":"b","text":"y"},{"id":"a","text":"z"}])");
  } catch (const ApiError& e) {
    status = e.status();
    message = e.what();
    EXPECT_EQ(e.parameter(), "id");
  }
  EXPECT_EQ(status, 400);
  EXPECT_EQ(message, "documents[2]: id: the same id as documents[0]; each document of a request needs its own id");
  EXPECT_EQ(parameter_of([] { parse_documents("application/x-ndjson", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"x\"}"); }),
            "id");
}

// Found by fuzz/server_bodies_fuzz.cpp: a number too large for a double is
// nlohmann's out_of_range, not a parse_error, and escaped as an uncaught
// exception (std::terminate) instead of a 400.
TEST(ServerBodies, NumberTooLargeIsA400NotACrash) {
  EXPECT_EQ(parameter_of([] { parse_code_json(R"({"text": "x", "n": 1e999})"); }), "body");
  EXPECT_EQ(parameter_of([] { parse_documents("application/x-ndjson", "{\"id\":\"a\",\"text\":\"x\"}\n[60e324]"); }), "body");
}

}  // namespace
}  // namespace parley::server
