// One coded document as JSON Lines: the records `parley code` writes and
// POST /v1/code returns, in one place so the two cannot drift apart.
#pragma once

#include <string_view>

#include "io/json_writer.h"
#include "pipeline/engine.h"

namespace parley {

// Appends the document's events (with their details), then its quotes, then
// its deadlines, one line each.  `doc` is the Worker's doc() that produced
// `coded`; `extra_json` (InputRecord::extra_json) is spliced into every
// record.  With `code_names` each event also carries its CAMEO code's name as
// "code_name" (the HTTP API's addition).
void write_coded_json(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const CodedDocument& coded,
                      std::string_view extra_json, bool code_names = false);

// The three parts of write_coded_json(), for a record coded in pieces
// (Worker::code_in_pieces): every piece's events, then every piece's quotes,
// then every piece's deadlines are the same lines as the record coded whole.
void write_coded_events(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const CodedDocument& coded,
                        std::string_view extra_json, bool code_names = false);
void write_coded_quotes(io::JsonWriter& w, const Doc& doc, const CodedDocument& coded, std::string_view extra_json);
void write_coded_deadlines(io::JsonWriter& w, const Doc& doc, const CodedDocument& coded,
                           std::string_view extra_json);

}  // namespace parley
