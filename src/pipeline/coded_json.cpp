#include "pipeline/coded_json.h"

#include <string>

#include "cameo/cameo.h"
#include "sinks/sinks.h"

namespace parley {

void write_coded_json(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const CodedDocument& coded,
                      std::string_view extra_json, bool code_names) {
  write_coded_events(w, doc, dicts, coded, extra_json, code_names);
  write_coded_quotes(w, doc, coded, extra_json);
  write_coded_deadlines(w, doc, coded, extra_json);
}

void write_coded_events(io::JsonWriter& w, const Doc& doc, const Dictionaries& dicts, const CodedDocument& coded,
                        std::string_view extra_json, bool code_names) {
  std::string named;  // {"code_name": ...} merged with extra_json; only with code_names
  for (size_t i = 0; i < coded.events.size(); ++i) {
    const Event& ev = coded.events[i];
    const EventDetails* details = i < coded.details.size() ? &coded.details[i] : nullptr;
    std::string_view extra = extra_json;
    if (code_names) {
      named.clear();
      if (const CameoCode* cameo = cameo_lookup(ev.code.view())) {
        named = "{\"code_name\":";
        io::JsonWriter::append_escaped(named, cameo->name);
        if (extra_json.size() > 2) {
          named += ',';
          named.append(extra_json.substr(1));  // the members and the closing brace
        } else {
          named += '}';
        }
        extra = named;
      }
    }
    write_event_json(w, doc, dicts, ev, details, extra);
  }
}

void write_coded_quotes(io::JsonWriter& w, const Doc& doc, const CodedDocument& coded, std::string_view extra_json) {
  for (const Quote& q : coded.quotes) write_quote_json(w, doc, q, extra_json);
}

void write_coded_deadlines(io::JsonWriter& w, const Doc& doc, const CodedDocument& coded,
                           std::string_view extra_json) {
  for (const Deadline& d : coded.deadlines) write_deadline_json(w, doc, d, extra_json);
}

}  // namespace parley
