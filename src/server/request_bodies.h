// Documents in request bodies: what POST /v1/code and POST /v1/documents
// accept, checked field by field.  Every problem is an ApiError (400 for a
// malformed body or field, 415 for an unknown content type) naming the field.
//
//   application/json        {"id": "...", "date": "YYYY-MM-DD", "text": "..."}
//                           or (documents only) an array of such objects
//   application/x-ndjson    (documents only) one such object per line
//   text/plain              (code only) the text itself; id and date come
//                           from the query string (?id=&date=)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server {

struct DocumentInput {
  std::string id;
  int32_t date = 0;   // YYYYMMDD, 0 = not given
  std::string text;
};

inline constexpr size_t kMaxDocumentsPerRequest = 1000;
inline constexpr size_t kMaxIdBytes = 256;

// One JSON object for /v1/code; the id defaults to "request".
DocumentInput parse_code_json(std::string_view body);
// /v1/documents: ids are required.
std::vector<DocumentInput> parse_documents(std::string_view content_type, std::string_view body);

// "Application/JSON; charset=utf-8" -> "application/json": media types are
// case-insensitive (RFC 9110 8.3.1), so they are compared lower-cased.
std::string media_type(std::string_view content_type);

// Checks an id (1..kMaxIdBytes bytes of UTF-8 without control characters);
// `name` is the parameter reported.
void check_document_id(std::string_view id, std::string_view name);

}  // namespace parley::server
