// What a coded document becomes: the JSON records POST /v1/code returns (the
// event records of `parley code`, plus the CAMEO code's name), and the
// StoredDocument POST /v1/documents hands to the store.
#pragma once

#include <string>
#include <string_view>

#include "io/json_writer.h"
#include "pipeline/engine.h"
#include "store/store.h"

namespace parley::server {

// Appends one record per event to `out`, each a complete JSON object;
// `separator` goes before each record unless `out` is empty or ends with
// "[" ("," for an array, "\n" for JSON Lines).
void append_event_records(std::string& out, std::string_view separator, io::JsonWriter& scratch, const Doc& doc,
                          const Dictionaries& dicts, const CodedDocument& coded);

// The document with its sentences and events, as the store keeps them.
// Evidence offsets refer to doc.text (the text after UTF-8 repair).
// Stored records of a coded document: store::to_stored_document (store/from_coded.h).


}  // namespace parley::server
