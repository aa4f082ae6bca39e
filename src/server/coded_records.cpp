#include "server/coded_records.h"

#include <algorithm>
#include <cmath>

#include "cameo/cameo.h"
#include "sinks/sinks.h"

namespace parley::server {
namespace {

store::ByteSpan token_span(const Doc& doc, int32_t begin, int32_t end) {
  if (begin < 0 || end <= begin) return {};
  return {doc.tokens[begin].begin, doc.tokens[end - 1].end};
}

std::string span_text(const Doc& doc, const store::ByteSpan& s) {
  if (!s.present()) return "";
  return doc.text.substr(static_cast<size_t>(s.begin), static_cast<size_t>(s.end - s.begin));
}

store::EventRecord event_record(const Doc& doc, const Dictionaries& dicts, const Event& ev) {
  store::EventRecord r;
  r.sentence = ev.sentence;
  r.source = ev.source;
  r.target = ev.target;
  r.code = std::string(ev.code.view());
  if (const CameoCode* cameo = cameo_lookup(r.code)) {
    r.root = {static_cast<char>('0' + cameo->root / 10), static_cast<char>('0' + cameo->root % 10)};
    r.quad_class = static_cast<int>(cameo->quad_class);
    // As `parley code` prints it: the table keeps one-decimal weights as float.
    r.goldstein = std::round(static_cast<double>(cameo->goldstein) * 10.0) / 10.0;
  }
  r.passive = ev.passive;
  r.negated = ev.negated;
  r.nominal = ev.nominal;
  r.verb_span = token_span(doc, static_cast<int32_t>(ev.verb_begin), static_cast<int32_t>(ev.verb_end));
  r.verb = span_text(doc, r.verb_span);
  r.verb_entry = dicts.where(dicts.verbs.forms[ev.form].loc);
  if (ev.pattern >= 0) r.pattern = dicts.where(dicts.verbs.patterns[ev.pattern].loc);
  r.source_span = token_span(doc, ev.source_begin, ev.source_end);
  r.target_span = token_span(doc, ev.target_begin, ev.target_end);
  r.source_text = span_text(doc, r.source_span);
  r.target_text = span_text(doc, r.target_span);
  return r;
}

}  // namespace

void append_event_records(std::string& out, std::string_view separator, io::JsonWriter& scratch, const Doc& doc,
                          const Dictionaries& dicts, const CodedDocument& coded) {
  std::string extra;
  auto append = [&] {
    std::string_view record = scratch.data();
    while (!record.empty() && record.back() == '\n') record.remove_suffix(1);
    if (!out.empty() && out.back() != '[') out += separator;
    out += record;
  };
  for (size_t i = 0; i < coded.events.size(); ++i) {
    const Event& ev = coded.events[i];
    extra.clear();
    if (const CameoCode* cameo = cameo_lookup(ev.code.view())) {
      extra = "{\"code_name\":";
      io::JsonWriter::append_escaped(extra, cameo->name);
      extra += '}';
    }
    scratch.clear();
    write_event_json(scratch, doc, dicts, ev, i < coded.details.size() ? &coded.details[i] : nullptr, extra);
    append();
  }
  for (const Quote& q : coded.quotes) {
    scratch.clear();
    write_quote_json(scratch, doc, q, {});
    append();
  }
  for (const Deadline& d : coded.deadlines) {
    scratch.clear();
    write_deadline_json(scratch, doc, d, {});
    append();
  }
}

store::StoredDocument to_stored_document(const Doc& doc, const Dictionaries& dicts, const CodedDocument& coded,
                                         std::string_view source) {
  store::StoredDocument d;
  d.id = doc.id;
  d.date = doc.date;
  d.source_file = std::string(source);
  d.text = doc.text;
  d.story_discarded = coded.story_discarded;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    store::SentenceRecord r;
    r.index = i;
    r.span = {s.begin, s.end};
    r.text = doc.text.substr(s.begin, s.end - s.begin);
    r.discarded = std::find(coded.discarded_sentences.begin(), coded.discarded_sentences.end(), i) !=
                  coded.discarded_sentences.end();
    d.sentences.push_back(std::move(r));
  }
  for (const Event& ev : coded.events) d.events.push_back(event_record(doc, dicts, ev));
  return d;
}

}  // namespace parley::server
