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

}  // namespace parley::server
