#include "ingest/from_coded.h"

#include <algorithm>
#include <cmath>

#include "cameo/cameo.h"

namespace parley::ingest {

using namespace parley::store;

namespace {

// Token range -> byte span in the record, exactly as sinks/event_json.cpp
// writes offsets (doc.text_base: a piece of a long record).
ByteSpan byte_span(const Doc& doc, int32_t begin, int32_t end) {
  if (begin < 0 || end <= begin) return {};
  return ByteSpan{doc.text_base + doc.tokens[begin].begin, doc.text_base + doc.tokens[end - 1].end};
}

std::string span_text(const Doc& doc, const ByteSpan& s) {
  if (!s.present()) return {};
  return doc.text.substr(static_cast<size_t>(s.begin - doc.text_base), static_cast<size_t>(s.end - s.begin));
}

PlaceRecord to_record(const Doc& doc, const PlaceMention& m) {
  PlaceRecord p;
  p.name = std::string(m.place.name);
  p.region = std::string(m.place.region);
  p.country = std::string(m.place.iso2);
  p.country_iso3 = std::string(m.place.iso3);
  p.lat = m.place.lat;
  p.lon = m.place.lon;
  p.kind = std::string(place_kind_name(m.place.kind));
  p.evidence = std::string(place_evidence_name(m.evidence));
  p.span = byte_span(doc, static_cast<int32_t>(m.token_begin), static_cast<int32_t>(m.token_end));
  return p;
}

// `details` may be null (a coder run without the later stages): the event
// then has the document's date and the coder's own negation only, as
// `parley code` writes it (sinks/event_json.cpp).
EventRecord to_record(const Doc& doc, const Dictionaries& dicts, const Event& ev, const EventDetails* details) {
  EventRecord r;
  r.sentence = doc.sentence_base + ev.sentence;
  r.date = details ? details->date : doc.date;
  if (details) r.date_text = details->date_text;
  r.source = ev.source;
  r.target = ev.target;
  r.code = std::string(ev.code.view());
  if (const CameoCode* cameo = cameo_lookup(ev.code.view())) {
    r.root = {static_cast<char>('0' + cameo->root / 10), static_cast<char>('0' + cameo->root % 10)};
    r.quad_class = static_cast<int>(cameo->quad_class);
    // The table keeps weights as float; store the one-decimal value they are.
    r.goldstein = std::round(static_cast<double>(cameo->goldstein) * 10.0) / 10.0;
  }
  r.negated = ev.negated;
  if (details) {
    if (details->plover) {
      r.plover_type = std::string(details->plover->type_name());
      r.plover_mode = std::string(details->plover->mode);
    }
    if (details->place) r.place = to_record(doc, *details->place);
    const EventModality& m = details->modality;
    r.negated = m.negated;
    r.conditional = m.conditional;
    r.in_condition = m.in_condition;
    r.hypothetical = m.hypothetical;
    r.future = m.future;
    r.reported = m.reported;
    if (m.conditional) {
      r.condition = m.condition;
      r.condition_span = byte_span(doc, m.condition_begin, m.condition_end);
    }
  }
  r.passive = ev.passive;
  r.nominal = ev.nominal;
  r.one_sided = ev.one_sided;
  r.verb_span = byte_span(doc, static_cast<int32_t>(ev.verb_begin), static_cast<int32_t>(ev.verb_end));
  r.verb = span_text(doc, r.verb_span);
  r.verb_entry = dicts.evidence_ref(dicts.verbs.forms[ev.form].loc);
  if (ev.pattern >= 0) r.pattern = dicts.evidence_ref(dicts.verbs.patterns[ev.pattern].loc);
  r.source_span = byte_span(doc, ev.source_begin, ev.source_end);
  r.target_span = byte_span(doc, ev.target_begin, ev.target_end);
  r.source_text = span_text(doc, r.source_span);
  r.target_text = span_text(doc, r.target_span);
  return r;
}

QuoteRecord to_record(const Doc& doc, const Quote& q) {
  QuoteRecord r;
  r.sentence = doc.sentence_base + q.sentence;
  r.last_sentence = doc.sentence_base + q.last_sentence;
  r.speaker_text = q.speaker;
  r.speaker_code = q.speaker_code;
  r.quote_text = std::string(q.text(doc));
  r.attribution = std::string(attribution_name(q.attribution));
  r.closed = q.closed;
  r.speaker_span = byte_span(doc, q.speaker_begin, q.speaker_end);
  r.quote_span = ByteSpan{doc.text_base + q.text_begin, doc.text_base + q.text_end};
  r.speech_verb_span = byte_span(doc, q.speech_verb, q.speech_verb < 0 ? -1 : q.speech_verb + 1);
  return r;
}

DeadlineRecord to_record(const Doc& doc, const Deadline& d) {
  DeadlineRecord r;
  r.sentence = doc.sentence_base + d.sentence;
  r.setter_code = d.setter_code;
  r.setter_text = d.setter;
  r.target_code = d.target_code;
  r.target_text = d.target;
  r.target_inferred = d.target_inferred;
  r.due_date = d.date;
  r.date_text = d.date_text;
  r.about = d.topic;
  r.span = byte_span(doc, static_cast<int32_t>(d.evidence_begin), static_cast<int32_t>(d.evidence_end));
  r.setter_span = byte_span(doc, d.setter_begin, d.setter_end);
  r.date_span = byte_span(doc, d.date_begin, d.date_end);
  return r;
}

}  // namespace

StoredDocument to_stored_document(const Doc& doc, const CodedDocument& coded, const Dictionaries& dicts,
                                  const std::string& source_file) {
  StoredDocument out;
  out.id = doc.id;
  out.date = doc.date;
  out.source_file = source_file;
  out.text = doc.text;
  out.story_discarded = coded.story_discarded;
  out.sentences.reserve(doc.sentences.size());
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    SentenceRecord r;
    r.index = doc.sentence_base + i;
    r.span = ByteSpan{doc.text_base + s.begin, doc.text_base + s.end};
    r.text = doc.text.substr(s.begin, s.end - s.begin);
    r.discarded = std::find(coded.discarded_sentences.begin(), coded.discarded_sentences.end(), i) !=
                  coded.discarded_sentences.end();
    out.sentences.push_back(std::move(r));
  }
  out.events.reserve(coded.events.size());
  for (size_t i = 0; i < coded.events.size(); ++i) {
    const EventDetails* details = i < coded.details.size() ? &coded.details[i] : nullptr;
    out.events.push_back(to_record(doc, dicts, coded.events[i], details));
  }
  for (const Quote& q : coded.quotes) {
    out.quotes.push_back(to_record(doc, q));
    out.quotes.back().doc_id = doc.id;
  }
  for (const Deadline& d : coded.deadlines) {
    out.deadlines.push_back(to_record(doc, d));
    out.deadlines.back().doc_id = doc.id;
  }
  return out;
}

}  // namespace parley::ingest
