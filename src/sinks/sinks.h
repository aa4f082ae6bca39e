// parley/sinks: where coded records go.
//
// write_event_json() serialises one Event as a JSON Lines record of
// `parley code`: the input record's id, the sentence index, the event's date
// (from the sentence's own date words, else the document date) with the words
// it came from, source, target, CAMEO code with its root, quad class and
// Goldstein weight (from the compiled CAMEO table; null for private codes),
// its PLOVER type and mode, where it happened, its modality (negated,
// conditional with the condition's words, hypothetical, future, reported), and
// the evidence: verb and pattern with their dictionary file:line, and byte
// offsets of source, verb and target in the document text (dictionary
// references relative to the dictionary folder).
// write_quote_json() and write_deadline_json() serialise the other records.
// Every field is always written (null or false when it does not apply), and
// the names are the store's and the HTTP API's too: docs/STORE.md lists them.
#pragma once

#include <string>
#include <string_view>

#include "dict/dictionary.h"
#include "doc/doc.h"
#include "events/details.h"
#include "events/events.h"
#include "io/json_writer.h"
#include "modality/modality.h"
#include "quotes/quotes.h"

namespace parley {

void write_event_json(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const Event& ev,
                      const EventDetails* details, std::string_view extra_json);
void write_quote_json(io::JsonWriter& w, const Doc& doc, const Quote& q, std::string_view extra_json);
void write_deadline_json(io::JsonWriter& w, const Doc& doc, const Deadline& d, std::string_view extra_json);

}  // namespace parley
