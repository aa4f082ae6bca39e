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

}  // namespace

void write_event_row(io::JsonWriter& w, const store::EventRow& row) {
  const store::EventRecord& e = row.event;
  w.begin_object();
  w.key("event_id"); w.integer(row.event_id);
  w.key("id"); w.string(row.doc_id);
  w.key("sentence"); w.unsigned_integer(e.sentence);
  w.key("date"); date_or_null(w, row.date);
  w.key("source"); w.string(e.source);
  w.key("target"); w.string(e.target);
  w.key("code"); w.string(e.code);
  const CameoCode* cameo = cameo_lookup(e.code);
  w.key("code_name"); if (cameo) w.string(cameo->name); else w.null();
  w.key("root"); string_or_null(w, e.root);
  w.key("quad_class"); if (e.quad_class) w.integer(e.quad_class); else w.null();
  w.key("goldstein"); if (e.goldstein) w.number(*e.goldstein); else w.null();
  if (e.negated) { w.key("negated"); w.boolean(true); }
  if (e.passive) { w.key("passive"); w.boolean(true); }
  if (e.nominal) { w.key("nominal"); w.boolean(true); }
  w.key("evidence");
  w.begin_object();
  w.key("verb"); w.string(e.verb);
  w.key("verb_entry"); w.string(e.verb_entry);
  w.key("pattern"); string_or_null(w, e.pattern);
  w.key("source_offsets"); span(w, e.source_span);
  w.key("verb_offsets"); span(w, e.verb_span);
  w.key("target_offsets"); span(w, e.target_span);
  if (e.source_span.present()) { w.key("source_text"); w.string(e.source_text); }
  if (e.target_span.present()) { w.key("target_text"); w.string(e.target_text); }
  w.end_object();
  w.key("sentence_text"); w.string(row.sentence_text);
  w.end_object();
}

void write_timeline_point(io::JsonWriter& w, const store::TimelinePoint& p) {
  w.begin_object();
  w.key("period"); date_or_null(w, p.period);
  w.key("events"); w.integer(p.events);
  w.key("quad_classes");
  w.begin_object();
  w.key("none"); w.integer(p.quad[0]);
  w.key("1"); w.integer(p.quad[1]);
  w.key("2"); w.integer(p.quad[2]);
  w.key("3"); w.integer(p.quad[3]);
  w.key("4"); w.integer(p.quad[4]);
  w.end_object();
  w.key("goldstein_sum"); w.number(p.goldstein);
  const int64_t weighted = p.events - p.quad[0];
  w.key("goldstein_mean");
  if (weighted > 0) w.number(p.goldstein / static_cast<double>(weighted)); else w.null();
  w.end_object();
}

void write_quote_row(io::JsonWriter& w, const store::QuoteRow& row) {
  const store::QuoteRecord& q = row.quote;
  w.begin_object();
  w.key("quote_id"); w.integer(row.quote_id);
  w.key("id"); w.string(q.doc_id);
  w.key("date"); date_or_null(w, row.date);
  w.key("sentence"); w.unsigned_integer(q.sentence);
  w.key("speaker_text"); w.string(q.speaker_text);
  w.key("speaker_code"); string_or_null(w, q.speaker_code);
  w.key("quote"); w.string(q.quote_text);
  w.key("speaker_offsets"); span(w, q.speaker_span);
  w.key("quote_offsets"); span(w, q.quote_span);
  w.end_object();
}

void write_deadline_row(io::JsonWriter& w, const store::DeadlineRow& row) {
  const store::DeadlineRecord& d = row.deadline;
  w.begin_object();
  w.key("deadline_id"); w.integer(row.deadline_id);
  w.key("id"); w.string(d.doc_id);
  w.key("doc_date"); date_or_null(w, row.doc_date);
  w.key("sentence"); w.unsigned_integer(d.sentence);
  w.key("due"); date_or_null(w, d.due_date);
  w.key("setter_code"); string_or_null(w, d.setter_code);
  w.key("setter_text"); w.string(d.setter_text);
  w.key("target_code"); string_or_null(w, d.target_code);
  w.key("target_text"); w.string(d.target_text);
  w.key("about"); w.string(d.about);
  w.key("offsets"); span(w, d.span);
  w.end_object();
}

void write_actor_activity(io::JsonWriter& w, const store::ActorActivity& a) {
  w.begin_object();
  w.key("actor"); w.string(a.actor);
  w.key("as_source"); w.integer(a.as_source);
  w.key("as_target"); w.integer(a.as_target);
  w.key("total"); w.integer(a.total);
  w.end_object();
}

}  // namespace parley::server
