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

}  // namespace parley
