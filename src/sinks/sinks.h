// parley/sinks: where coded records go.
//
// write_event_json() serialises one Event as a JSON Lines record of
// `parley code`: the input record's id, the sentence index, the date, source,
// target, CAMEO code with its root, quad class and Goldstein weight (from the
// compiled CAMEO table; null for private codes outside it), flags, and the
// evidence: verb and pattern with their dictionary file:line, and byte
// offsets of source, verb and target in the document text.
#pragma once

#include <string_view>

#include "dict/dictionary.h"
#include "doc/doc.h"
#include "events/events.h"
#include "io/json_writer.h"

namespace parley {

void write_event_json(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const Event& ev,
                      std::string_view extra_json);

}  // namespace parley
