// Documents in request bodies: what POST /v1/code and POST /v1/documents
// accept, checked field by field.  Every problem is an ApiError (400 for a
// malformed body or field, 413 for too many documents, 415 for an unknown
// content type) or, for an ill-formed id or date, a ParamError (a 400),
// naming the field.
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

#include "server/params.h"  // check_document_id, kMaxIdBytes

namespace parley::server {

struct DocumentInput {
  std::string id;
  int32_t date = 0;   // YYYYMMDD, 0 = not given
  std::string text;
};

inline constexpr size_t kMaxDocumentsPerRequest = 1000;

// One JSON object for /v1/code; the id defaults to "request".
DocumentInput parse_code_json(std::string_view body);
// /v1/documents: ids are required.
std::vector<DocumentInput> parse_documents(std::string_view content_type, std::string_view body);

// "Application/JSON; charset=utf-8" -> "application/json": media types are
// case-insensitive (RFC 9110 8.3.1), so they are compared lower-cased.
std::string media_type(std::string_view content_type);

}  // namespace parley::server
