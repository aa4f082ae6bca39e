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
  w.unsigned_integer(doc.tokens[begin].begin);
  w.unsigned_integer(doc.tokens[end - 1].end);
  w.end_array();
}

std::string_view span_text(const Doc& doc, uint32_t begin, uint32_t end) {
  const uint32_t from = doc.tokens[begin].begin, to = doc.tokens[end - 1].end;
  return std::string_view(doc.text).substr(from, to - from);
}

}  // namespace

void write_event_json(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const Event& ev,
                      std::string_view extra_json) {
  w.begin_object();
  w.key("type"); w.string("event");
  w.key("id"); w.string(doc.id);
  w.key("sentence"); w.unsigned_integer(ev.sentence);
  w.key("date");
  if (doc.date) {
    w.string(io::format_date(doc.date));
  } else {
    w.null();
  }
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
  if (ev.negated) { w.key("negated"); w.boolean(true); }
  if (ev.passive) { w.key("passive"); w.boolean(true); }
  if (ev.nominal) { w.key("nominal"); w.boolean(true); }
  w.key("evidence");
  w.begin_object();
  w.key("verb"); w.string(span_text(doc, ev.verb_begin, ev.verb_end));
  const VerbEntry& form = dicts.verbs.forms[ev.form];
  w.key("verb_entry"); w.string(dicts.where(form.loc));
  if (ev.pattern >= 0) {
    const Pattern& p = dicts.verbs.patterns[ev.pattern];
    w.key("pattern"); w.string(dicts.where(p.loc));
  } else {
    w.key("pattern"); w.null();
  }
  w.key("source_offsets"); offsets(w, doc, ev.source_begin, ev.source_end);
  w.key("verb_offsets"); offsets(w, doc, static_cast<int32_t>(ev.verb_begin), static_cast<int32_t>(ev.verb_end));
  w.key("target_offsets"); offsets(w, doc, ev.target_begin, ev.target_end);
  if (ev.source_begin >= 0) { w.key("source_text"); w.string(span_text(doc, ev.source_begin, ev.source_end)); }
  if (ev.target_begin >= 0) { w.key("target_text"); w.string(span_text(doc, ev.target_begin, ev.target_end)); }
  w.end_object();
  w.raw_members(extra_json);
  w.end_object();
  w.end_line();
}

}  // namespace parley
