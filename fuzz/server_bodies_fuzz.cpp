// The request-body parsers of src/server/request_bodies.h.  The input's
// first line is the Content-Type, the rest the body: parse_documents() gets
// both, parse_code_json() the body, media_type() and check_document_id() the
// first line.  Every problem must be an ApiError with a 4xx status or a
// ParamError (a 400), and what is accepted must hold what the header promises.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "io/dates.h"
#include "server/api_error.h"
#include "server/request_bodies.h"

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

void check_document(const DocumentInput& d) {
  PARLEY_FUZZ_CHECK(!d.id.empty() && d.id.size() <= kMaxIdBytes);
  PARLEY_FUZZ_CHECK(d.date == 0 || io::is_valid_date(d.date));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view all = fuzz::as_view(data, size);
  const size_t nl = all.find('\n');
  const std::string_view content_type = nl == std::string_view::npos ? all : all.substr(0, nl);
  const std::string_view body = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);

  const std::string media = media_type(content_type);
  for (char c : media) PARLEY_FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
  expect_api_error_or_value([&] { check_document_id(content_type, "id"); });
  expect_api_error_or_value([&] { check_document(parse_code_json(body)); });
  expect_api_error_or_value([&] {
    auto docs = parse_documents(content_type, body);
    PARLEY_FUZZ_CHECK(docs.size() <= kMaxDocumentsPerRequest);
    for (const DocumentInput& d : docs) check_document(d);
  });
  return 0;
}
