#include <cmath>
#include <string>

#include "cameo/cameo.h"
#include "io/dates.h"
#include "sinks/sinks.h"

namespace parley {
namespace {

void offsets(io::JsonWriter& w, const Doc& doc, int32_t begin, int32_t end) {
  if (begin < 0) { w.null(); return; }
  w.begin_array();
  w.unsigned_integer(doc.text_base + doc.tokens[begin].begin);
  w.unsigned_integer(doc.text_base + doc.tokens[end - 1].end);
  w.end_array();
}

std::string_view span_text(const Doc& doc, uint32_t begin, uint32_t end) {
  const uint32_t from = doc.tokens[begin].begin, to = doc.tokens[end - 1].end;
  return std::string_view(doc.text).substr(from, to - from);
}

void date_value(io::JsonWriter& w, int32_t date) {
  if (date) w.string(io::format_date(date)); else w.null();
}

void token_offsets(io::JsonWriter& w, const Doc& doc, int32_t begin, int32_t end) {
  if (begin < 0 || end <= begin) { w.null(); return; }
  offsets(w, doc, begin, end);
}

void write_place(io::JsonWriter& w, const Doc& doc, const PlaceMention& p) {
  w.begin_object();
  w.key("name"); w.string(p.place.name);
  w.key("region"); if (p.place.region.empty()) w.null(); else w.string(p.place.region);  // always present
  w.key("country"); w.string(p.place.iso2);
  w.key("country_iso3"); if (p.place.iso3.empty()) w.null(); else w.string(p.place.iso3);
  w.key("lat"); w.number(p.place.lat);
  w.key("lon"); w.number(p.place.lon);
  w.key("kind"); w.string(place_kind_name(p.place.kind));
  w.key("evidence"); w.string(place_evidence_name(p.evidence));
  w.key("offsets"); token_offsets(w, doc, static_cast<int32_t>(p.token_begin), static_cast<int32_t>(p.token_end));
  w.end_object();
}

// Every flag is written, false included, so the columns of a record never
// depend on its values (docs/STORE.md: one vocabulary for code, store, API).
void write_modality(io::JsonWriter& w, const Doc& doc, const EventModality& m) {
  w.key("negated"); w.boolean(m.negated);
  w.key("conditional"); w.boolean(m.conditional);
  w.key("condition"); if (m.conditional) w.string(m.condition); else w.null();
  w.key("condition_offsets");
  if (m.conditional) token_offsets(w, doc, m.condition_begin, m.condition_end); else w.null();
  w.key("in_condition"); w.boolean(m.in_condition);
  w.key("hypothetical"); w.boolean(m.hypothetical);
  w.key("future"); w.boolean(m.future);
  w.key("reported"); w.boolean(m.reported);
}

}  // namespace

void write_event_json(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const Event& ev,
                      const EventDetails* details, std::string_view extra_json) {
  w.begin_object();
  w.key("type"); w.string("event");
  w.key("id"); w.string(doc.id);
  w.key("sentence"); w.unsigned_integer(doc.sentence_base + ev.sentence);
  w.key("date");
  date_value(w, details ? details->date : doc.date);
  w.key("date_text");
  if (details && !details->date_text.empty()) w.string(details->date_text); else w.null();
  w.key("source"); w.string(ev.source);
  w.key("target"); w.string(ev.target);
  w.key("code"); w.string(ev.code.view());
  const CameoCode* cameo = cameo_lookup(ev.code.view());
  w.key("root");
  if (cameo) {
    char root[3] = {static_cast<char>('0' + cameo->root / 10), static_cast<char>('0' + cameo->root % 10), 0};
    w.string(root);
  } else {
    w.null();
  }
  w.key("quad_class");
  if (cameo) w.integer(static_cast<int>(cameo->quad_class)); else w.null();
  w.key("goldstein");
  // The table keeps weights as float; print the one-decimal value they are.
  if (cameo) w.number(std::round(static_cast<double>(cameo->goldstein) * 10.0) / 10.0); else w.null();
  w.key("plover");
  if (details && details->plover) {
    w.begin_object();
    w.key("type"); w.string(details->plover->type_name());
    w.key("mode"); if (details->plover->mode.empty()) w.null(); else w.string(details->plover->mode);
    w.end_object();
  } else {
    w.null();
  }
  w.key("place");
  if (details && details->place) write_place(w, doc, *details->place); else w.null();
  EventModality modality;  // without details: the coder's own negation only
  modality.negated = ev.negated;
  write_modality(w, doc, details ? details->modality : modality);
  w.key("passive"); w.boolean(ev.passive);
  w.key("nominal"); w.boolean(ev.nominal);
  w.key("one_sided"); w.boolean(ev.one_sided);
  w.key("evidence");
  w.begin_object();
  w.key("verb"); w.string(span_text(doc, ev.verb_begin, ev.verb_end));
  const VerbEntry& form = dicts.verbs.forms[ev.form];
  w.key("verb_entry"); w.string(dicts.evidence_ref(form.loc));
  if (ev.pattern >= 0) {
    const Pattern& p = dicts.verbs.patterns[ev.pattern];
    w.key("pattern"); w.string(dicts.evidence_ref(p.loc));
  } else {
    w.key("pattern"); w.null();
  }
  w.key("source_offsets"); offsets(w, doc, ev.source_begin, ev.source_end);
  w.key("verb_offsets"); offsets(w, doc, static_cast<int32_t>(ev.verb_begin), static_cast<int32_t>(ev.verb_end));
  w.key("target_offsets"); offsets(w, doc, ev.target_begin, ev.target_end);
  w.key("source_text");
  if (ev.source_begin >= 0) w.string(span_text(doc, ev.source_begin, ev.source_end)); else w.null();
  w.key("target_text");
  if (ev.target_begin >= 0) w.string(span_text(doc, ev.target_begin, ev.target_end)); else w.null();
  w.end_object();
  w.raw_members(extra_json);
  w.end_object();
  w.end_line();
}

void write_quote_json(io::JsonWriter& w, const Doc& doc, const Quote& q, std::string_view extra_json) {
  w.begin_object();
  w.key("type"); w.string("quote");
  w.key("id"); w.string(doc.id);
  w.key("sentence"); w.unsigned_integer(doc.sentence_base + q.sentence);
  w.key("last_sentence"); w.unsigned_integer(doc.sentence_base + q.last_sentence);
  w.key("date"); date_value(w, doc.date);
  w.key("text"); w.string(q.text(doc));
  w.key("speaker"); if (q.speaker.empty()) w.null(); else w.string(q.speaker);
  w.key("speaker_code"); if (q.speaker_code.empty()) w.null(); else w.string(q.speaker_code);
  w.key("attribution"); w.string(attribution_name(q.attribution));
  w.key("closed"); w.boolean(q.closed);
  w.key("evidence");
  w.begin_object();
  w.key("text_offsets");
  w.begin_array();
  w.unsigned_integer(doc.text_base + q.text_begin);
  w.unsigned_integer(doc.text_base + q.text_end);
  w.end_array();
  w.key("speaker_offsets"); token_offsets(w, doc, q.speaker_begin, q.speaker_end);
  w.key("speech_verb_offsets"); token_offsets(w, doc, q.speech_verb, q.speech_verb < 0 ? -1 : q.speech_verb + 1);
  w.end_object();
  w.raw_members(extra_json);
  w.end_object();
  w.end_line();
}

void write_deadline_json(io::JsonWriter& w, const Doc& doc, const Deadline& d, std::string_view extra_json) {
  w.begin_object();
  w.key("type"); w.string("deadline");
  w.key("id"); w.string(doc.id);
  w.key("sentence"); w.unsigned_integer(doc.sentence_base + d.sentence);
  w.key("date"); date_value(w, d.date);
  w.key("date_text"); if (d.date_text.empty()) w.null(); else w.string(d.date_text);
  w.key("setter"); if (d.setter.empty()) w.null(); else w.string(d.setter);
  w.key("setter_code"); if (d.setter_code.empty()) w.null(); else w.string(d.setter_code);
  w.key("target"); if (d.target.empty()) w.null(); else w.string(d.target);
  w.key("target_code"); if (d.target_code.empty()) w.null(); else w.string(d.target_code);
  w.key("target_inferred"); w.boolean(d.target_inferred);
  w.key("about"); if (d.topic.empty()) w.null(); else w.string(d.topic);
  w.key("evidence");
  w.begin_object();
  w.key("offsets");
  token_offsets(w, doc, static_cast<int32_t>(d.evidence_begin), static_cast<int32_t>(d.evidence_end));
  w.key("setter_offsets"); token_offsets(w, doc, d.setter_begin, d.setter_end);
  w.key("date_offsets"); token_offsets(w, doc, d.date_begin, d.date_end);
  w.end_object();
  w.raw_members(extra_json);
  w.end_object();
  w.end_line();
}

}  // namespace parley
