// The query-string check of src/server/params.h and the typed getters of
// src/filters/params.h on an arbitrary query string, split into name=value
// pairs as cpp-httplib does (with percent-decoding), and the checked_*
// helpers on the raw bytes.  Every problem must be an ApiError with a 4xx
// status or a ParamError (which the server answers with a 400).
#include <httplib.h>

#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "server/api_error.h"
#include "server/params.h"

using namespace parley;
using namespace parley::server;

namespace {

template <typename F>
void expect_api_error_or_value(F&& f) {
  try {
    f();
  } catch (const ApiError& e) {
    PARLEY_FUZZ_CHECK(e.status() >= 400 && e.status() < 500);
  } catch (const ParamError&) {  // an ill-formed value: a 400 (server.cpp, handle())
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw = fuzz::as_view(data, size);
  expect_api_error_or_value([&] { check_query_string(raw); });
  expect_api_error_or_value([&] { checked_actor(raw, "actor"); });
  expect_api_error_or_value([&] { checked_date(raw, "date"); });
  expect_api_error_or_value([&] { checked_record_date(raw, "date"); });

  httplib::Params params;
  httplib::detail::parse_query_text(std::string(raw), params);
  expect_api_error_or_value([&] {
    QueryParams q(params, {"actor", "code", "root", "from", "date", "limit", "q", "format", "flag"});
    expect_api_error_or_value([&] { q.actor("actor"); });
    expect_api_error_or_value([&] { q.event_code("code"); });
    expect_api_error_or_value([&] { q.root("root"); });
    expect_api_error_or_value([&] { q.date("from"); });
    expect_api_error_or_value([&] { q.record_date("date"); });
    expect_api_error_or_value([&] { q.integer("limit", 1, 1000, 50); });
    expect_api_error_or_value([&] { q.text("q", 200); });
    expect_api_error_or_value([&] { q.choice("format", {"json", "csv"}, "json"); });
    expect_api_error_or_value([&] { q.boolean("flag", false); });
  });
  return 0;
}
