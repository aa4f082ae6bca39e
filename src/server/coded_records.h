// What a coded document becomes in POST /v1/code: the records of `parley
// code` (pipeline/coded_json.h, with the CAMEO code's name), joined as a JSON
// array or JSON Lines.  POST /v1/documents stores through
// ingest::to_stored_document (ingest/from_coded.h).
#pragma once

#include <string>
#include <string_view>

#include "io/json_writer.h"
#include "pipeline/engine.h"

namespace parley::server {

// Appends one record per event, quote and deadline to `out`, each a complete
// JSON object;
// `separator` goes before each record unless `out` is empty or ends with
// "[" ("," for an array, "\n" for JSON Lines).
void append_event_records(std::string& out, std::string_view separator, io::JsonWriter& scratch, const Doc& doc,
                          const Dictionaries& dicts, const CodedDocument& coded);

}  // namespace parley::server
