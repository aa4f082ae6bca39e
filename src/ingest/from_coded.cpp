#include "ingest/from_coded.h"

#include <algorithm>
#include <cmath>

#include "cameo/cameo.h"

namespace parley::ingest {

using namespace parley::store;

namespace {

// Token range -> byte span, exactly as sinks/event_json.cpp writes offsets.
ByteSpan byte_span(const Doc& doc, int32_t begin, int32_t end) {
  if (begin < 0 || end <= begin) return {};
  return ByteSpan{doc.tokens[begin].begin, doc.tokens[end - 1].end};
}

std::string span_text(const Doc& doc, const ByteSpan& s) {
  if (!s.present()) return {};
  return doc.text.substr(static_cast<size_t>(s.begin), static_cast<size_t>(s.end - s.begin));
}

EventRecord to_record(const Doc& doc, const Dictionaries& dicts, const Event& ev) {
  EventRecord r;
  r.sentence = ev.sentence;
  r.source = ev.source;
  r.target = ev.target;
  r.code = std::string(ev.code.view());
  if (const CameoCode* cameo = cameo_lookup(ev.code.view())) {
    r.root = {static_cast<char>('0' + cameo->root / 10), static_cast<char>('0' + cameo->root % 10)};
    r.quad_class = static_cast<int>(cameo->quad_class);
    // The table keeps weights as float; store the one-decimal value they are.
    r.goldstein = std::round(static_cast<double>(cameo->goldstein) * 10.0) / 10.0;
  }
  r.passive = ev.passive;
  r.negated = ev.negated;
  r.nominal = ev.nominal;
  r.verb_span = byte_span(doc, static_cast<int32_t>(ev.verb_begin), static_cast<int32_t>(ev.verb_end));
  r.verb = span_text(doc, r.verb_span);
  r.verb_entry = dicts.where(dicts.verbs.forms[ev.form].loc);
  if (ev.pattern >= 0) r.pattern = dicts.where(dicts.verbs.patterns[ev.pattern].loc);
  r.source_span = byte_span(doc, ev.source_begin, ev.source_end);
  r.target_span = byte_span(doc, ev.target_begin, ev.target_end);
  r.source_text = span_text(doc, r.source_span);
  r.target_text = span_text(doc, r.target_span);
  return r;
}

QuoteRecord to_record(const Doc& doc, const Quote& q) {
  QuoteRecord r;
  r.sentence = q.sentence;
  r.speaker_text = q.speaker;
  r.speaker_code = q.speaker_code;
  r.quote_text = std::string(q.text(doc));
  r.speaker_span = byte_span(doc, q.speaker_begin, q.speaker_end);
  r.quote_span = ByteSpan{q.text_begin, q.text_end};
  return r;
}

DeadlineRecord to_record(const Doc& doc, const Deadline& d) {
  DeadlineRecord r;
  r.sentence = d.sentence;
  r.setter_code = d.setter_code;
  r.setter_text = d.setter;
  r.target_code = d.target_code;
  r.target_text = d.target;
  r.due_date = d.date;
  r.about = d.topic;
  r.span = byte_span(doc, static_cast<int32_t>(d.evidence_begin), static_cast<int32_t>(d.evidence_end));
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
    r.index = i;
    r.span = ByteSpan{s.begin, s.end};
    r.text = doc.text.substr(s.begin, s.end - s.begin);
    r.discarded = std::find(coded.discarded_sentences.begin(), coded.discarded_sentences.end(), i) !=
                  coded.discarded_sentences.end();
    out.sentences.push_back(std::move(r));
  }
  out.events.reserve(coded.events.size());
  for (const Event& ev : coded.events) out.events.push_back(to_record(doc, dicts, ev));
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
