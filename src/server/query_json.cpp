#include "server/query_json.h"

#include "cameo/cameo.h"
#include "io/dates.h"

namespace parley::server {
namespace {

void date_or_null(io::JsonWriter& w, int32_t yyyymmdd) {
  if (yyyymmdd && io::is_valid_date(yyyymmdd)) w.string(io::format_date(yyyymmdd)); else w.null();
}

void span(io::JsonWriter& w, const store::ByteSpan& s) {
  if (!s.present()) { w.null(); return; }
  w.begin_array();
  w.integer(s.begin);
  w.integer(s.end);
  w.end_array();
}

void string_or_null(io::JsonWriter& w, const std::string& s) {
  if (s.empty()) w.null(); else w.string(s);
}

void write_place(io::JsonWriter& w, const store::PlaceRecord& p) {
  w.begin_object();
  w.key("name"); w.string(p.name);
  w.key("region"); string_or_null(w, p.region);  // always present, as in `code` output
  w.key("country"); w.string(p.country);
  w.key("country_iso3"); string_or_null(w, p.country_iso3);
  w.key("lat"); w.number(p.lat);
  w.key("lon"); w.number(p.lon);
  w.key("kind"); w.string(p.kind);
  w.key("evidence"); w.string(p.evidence);
  w.key("offsets"); span(w, p.span);
  w.end_object();
}

}  // namespace

void write_event_row(io::JsonWriter& w, const store::EventRow& row) {
  const store::EventRecord& e = row.event;
  // The names and order of sinks/event_json.cpp (`parley code`), then the
  // API's additions: event_id, code_name, sentence_text.
  w.begin_object();
  w.key("type"); w.string("event");
  w.key("id"); w.string(row.doc_id);
  w.key("sentence"); w.unsigned_integer(e.sentence);
  w.key("date"); date_or_null(w, e.date);
  w.key("date_text"); string_or_null(w, e.date_text);
  w.key("source"); w.string(e.source);
  w.key("target"); w.string(e.target);
  w.key("code"); w.string(e.code);
  w.key("root"); string_or_null(w, e.root);
  w.key("quad_class"); if (e.quad_class) w.integer(e.quad_class); else w.null();
  w.key("goldstein"); if (e.goldstein) w.number(*e.goldstein); else w.null();
  w.key("plover");
  if (e.plover_type.empty()) {
    w.null();
  } else {
    w.begin_object();
    w.key("type"); w.string(e.plover_type);
    w.key("mode"); string_or_null(w, e.plover_mode);
    w.end_object();
  }
  w.key("place");
  if (e.place) write_place(w, *e.place); else w.null();
  w.key("negated"); w.boolean(e.negated);
  w.key("conditional"); w.boolean(e.conditional);
  w.key("condition"); if (e.conditional) w.string(e.condition); else w.null();
  w.key("condition_offsets"); span(w, e.condition_span);
  w.key("in_condition"); w.boolean(e.in_condition);
  w.key("hypothetical"); w.boolean(e.hypothetical);
  w.key("future"); w.boolean(e.future);
  w.key("reported"); w.boolean(e.reported);
  w.key("passive"); w.boolean(e.passive);
  w.key("nominal"); w.boolean(e.nominal);
  w.key("one_sided"); w.boolean(e.one_sided);
  w.key("evidence");
  w.begin_object();
  w.key("verb"); w.string(e.verb);
  w.key("verb_entry"); w.string(e.verb_entry);
  w.key("pattern"); string_or_null(w, e.pattern);
  w.key("source_offsets"); span(w, e.source_span);
  w.key("verb_offsets"); span(w, e.verb_span);
  w.key("target_offsets"); span(w, e.target_span);
  w.key("source_text"); if (e.source_span.present()) w.string(e.source_text); else w.null();
  w.key("target_text"); if (e.target_span.present()) w.string(e.target_text); else w.null();
  w.end_object();
  w.key("event_id"); w.integer(row.event_id);
  const CameoCode* cameo = cameo_lookup(e.code);
  w.key("code_name"); if (cameo) w.string(cameo->name); else w.null();
  w.key("sentence_text"); w.string(row.sentence_text);
  w.end_object();
}

void write_timeline_point(io::JsonWriter& w, const store::TimelinePoint& p) {
  w.begin_object();
  // The names and order of the CSV columns (store/result_tables.cpp): the
  // counts per quad class by GDELT's names, the summed and mean weight.
  w.key("period"); date_or_null(w, p.period);
  w.key("events"); w.integer(p.events);
  w.key("verbal_coop"); w.integer(p.quad[1]);
  w.key("material_coop"); w.integer(p.quad[2]);
  w.key("verbal_conflict"); w.integer(p.quad[3]);
  w.key("material_conflict"); w.integer(p.quad[4]);
  w.key("unclassified"); w.integer(p.quad[0]);
  w.key("goldstein"); w.number(p.goldstein);
  const int64_t weighted = p.events - p.quad[0];
  w.key("goldstein_mean");
  if (weighted > 0) w.number(p.goldstein / static_cast<double>(weighted)); else w.null();
  w.end_object();
}

void write_quote_row(io::JsonWriter& w, const store::QuoteRow& row) {
  const store::QuoteRecord& q = row.quote;
  // The names and order of `parley code`'s quote records, then quote_id.
  w.begin_object();
  w.key("type"); w.string("quote");
  w.key("id"); w.string(q.doc_id);
  w.key("sentence"); w.unsigned_integer(q.sentence);
  w.key("last_sentence"); w.unsigned_integer(q.last_sentence);
  w.key("date"); date_or_null(w, row.date);
  w.key("text"); w.string(q.quote_text);
  w.key("speaker"); string_or_null(w, q.speaker_text);
  w.key("speaker_code"); string_or_null(w, q.speaker_code);
  w.key("attribution"); w.string(q.attribution);
  w.key("closed"); w.boolean(q.closed);
  w.key("evidence");
  w.begin_object();
  w.key("text_offsets"); span(w, q.quote_span);
  w.key("speaker_offsets"); span(w, q.speaker_span);
  w.key("speech_verb_offsets"); span(w, q.speech_verb_span);
  w.end_object();
  w.key("quote_id"); w.integer(row.quote_id);
  w.end_object();
}

void write_deadline_row(io::JsonWriter& w, const store::DeadlineRow& row) {
  const store::DeadlineRecord& d = row.deadline;
  // The names and order of `parley code`'s deadline records ("date" is when
  // it is due), then deadline_id and the reporting document's date.
  w.begin_object();
  w.key("type"); w.string("deadline");
  w.key("id"); w.string(d.doc_id);
  w.key("sentence"); w.unsigned_integer(d.sentence);
  w.key("date"); date_or_null(w, d.due_date);
  w.key("date_text"); string_or_null(w, d.date_text);
  w.key("setter"); string_or_null(w, d.setter_text);
  w.key("setter_code"); string_or_null(w, d.setter_code);
  w.key("target"); string_or_null(w, d.target_text);
  w.key("target_code"); string_or_null(w, d.target_code);
  w.key("target_inferred"); w.boolean(d.target_inferred);
  w.key("about"); string_or_null(w, d.about);
  w.key("evidence");
  w.begin_object();
  w.key("offsets"); span(w, d.span);
  w.key("setter_offsets"); span(w, d.setter_span);
  w.key("date_offsets"); span(w, d.date_span);
  w.end_object();
  w.key("deadline_id"); w.integer(row.deadline_id);
  w.key("doc_date"); date_or_null(w, row.doc_date);
  w.end_object();
}

void write_actor_activity(io::JsonWriter& w, const store::ActorActivity& a) {
  w.begin_object();
  // The names and order of the CSV columns (store/result_tables.cpp):
  // `events` as in every other count.
  w.key("actor"); w.string(a.actor);
  w.key("events"); w.integer(a.total);
  w.key("as_source"); w.integer(a.as_source);
  w.key("as_target"); w.integer(a.as_target);
  w.end_object();
}

void write_dyad_activity(io::JsonWriter& w, const store::DyadActivity& d) {
  w.begin_object();
  w.key("source"); w.string(d.source);
  w.key("target"); w.string(d.target);
  w.key("events"); w.integer(d.events);
  w.key("goldstein"); w.number(d.goldstein);
  w.end_object();
}

void write_count_point(io::JsonWriter& w, const store::CountPoint& p) {
  w.begin_object();
  w.key("period"); date_or_null(w, p.period);
  w.key("group"); string_or_null(w, p.group);
  w.key("events"); w.integer(p.events);
  w.key("goldstein"); w.number(p.goldstein);
  w.end_object();
}

void write_place_activity(io::JsonWriter& w, const store::PlaceActivity& p) {
  w.begin_object();
  w.key("place_name"); w.string(p.name);
  w.key("place_country"); w.string(p.country);
  w.key("place_country_iso3"); string_or_null(w, p.country_iso3);
  w.key("place_kind"); w.string(p.kind);
  w.key("place_lat"); w.number(p.lat);
  w.key("place_lon"); w.number(p.lon);
  w.key("events"); w.integer(p.events);
  w.key("goldstein"); w.number(p.goldstein);
  w.end_object();
}

void write_country_activity(io::JsonWriter& w, const store::CountryActivity& c) {
  w.begin_object();
  w.key("place_country"); w.string(c.country);
  w.key("place_country_iso3"); string_or_null(w, c.country_iso3);
  w.key("events"); w.integer(c.events);
  w.key("goldstein"); w.number(c.goldstein);
  w.end_object();
}

void write_document_summary(io::JsonWriter& w, const store::DocumentSummary& d) {
  w.begin_object();
  w.key("id"); w.string(d.id);
  w.key("date"); date_or_null(w, d.date);
  w.key("source_file"); w.string(d.source_file);
  w.key("story_discarded"); w.boolean(d.story_discarded);
  w.key("sentences"); w.integer(d.sentences);
  w.key("events"); w.integer(d.events);
  w.key("quotes"); w.integer(d.quotes);
  w.key("deadlines"); w.integer(d.deadlines);
  w.end_object();
}

void write_document(io::JsonWriter& w, const store::StoredDocument& doc, const store::StoredRowIds& ids) {
  w.begin_object();
  w.key("id"); w.string(doc.id);
  w.key("date"); date_or_null(w, doc.date);
  w.key("source_file"); w.string(doc.source_file);
  w.key("story_discarded"); w.boolean(doc.story_discarded);
  w.key("text"); w.string(doc.text);
  w.key("sentences");
  w.begin_array();
  for (const store::SentenceRecord& s : doc.sentences) {
    w.begin_object();
    w.key("sentence"); w.unsigned_integer(s.index);
    w.key("offsets"); span(w, s.span);
    w.key("discarded"); w.boolean(s.discarded);
    w.end_object();
  }
  w.end_array();
  w.key("events");
  w.begin_array();
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const store::EventRecord& e = doc.events[i];
    const std::string& sentence_text = e.sentence < doc.sentences.size() ? doc.sentences[e.sentence].text : "";
    write_event_row(w, store::EventRow{ids.events.at(i), doc.id, e, sentence_text});
  }
  w.end_array();
  w.key("quotes");
  w.begin_array();
  for (size_t i = 0; i < doc.quotes.size(); ++i)
    write_quote_row(w, store::QuoteRow{ids.quotes.at(i), doc.date, doc.quotes[i]});
  w.end_array();
  w.key("deadlines");
  w.begin_array();
  for (size_t i = 0; i < doc.deadlines.size(); ++i)
    write_deadline_row(w, store::DeadlineRow{ids.deadlines.at(i), doc.date, doc.deadlines[i]});
  w.end_array();
  w.end_object();
}

}  // namespace parley::server
