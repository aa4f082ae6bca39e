// Store rows as the JSON the query routes return.  Offsets are byte offsets
// into the stored document text, [begin, end), or null when absent.
#pragma once

#include "io/json_writer.h"
#include "store/store.h"

namespace parley::server {

void write_event_row(io::JsonWriter& w, const store::EventRow& row);
void write_timeline_point(io::JsonWriter& w, const store::TimelinePoint& p);
void write_quote_row(io::JsonWriter& w, const store::QuoteRow& row);
void write_deadline_row(io::JsonWriter& w, const store::DeadlineRow& row);
void write_actor_activity(io::JsonWriter& w, const store::ActorActivity& a);
void write_dyad_activity(io::JsonWriter& w, const store::DyadActivity& d);
void write_count_point(io::JsonWriter& w, const store::CountPoint& p);
// Field names as the event's place object and the flat columns: place_name...
void write_place_activity(io::JsonWriter& w, const store::PlaceActivity& p);
void write_country_activity(io::JsonWriter& w, const store::CountryActivity& c);
void write_document_summary(io::JsonWriter& w, const store::DocumentSummary& d);
// One stored document whole: its text, sentences, and its events, quotes and
// deadlines in the records' own vocabulary, each with its row id (`ids`,
// from Store::get_document): the event_id, quote_id and deadline_id the
// listings give for the same record.
void write_document(io::JsonWriter& w, const store::StoredDocument& doc, const store::StoredRowIds& ids);

}  // namespace parley::server
