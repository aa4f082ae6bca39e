#include "server/coded_records.h"

#include <algorithm>
#include <cmath>

#include "cameo/cameo.h"
#include "sinks/sinks.h"

namespace parley::server {

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

}  // namespace parley::server
