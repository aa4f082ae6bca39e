#include "server/coded_records.h"

#include "pipeline/coded_json.h"

namespace parley::server {

void append_event_records(std::string& out, std::string_view separator, io::JsonWriter& scratch, const Doc& doc,
                          const Dictionaries& dicts, const CodedDocument& coded) {
  scratch.clear();
  write_coded_json(scratch, doc, dicts, coded, {}, /*code_names=*/true);
  // One record per line; JSON strings never hold a raw newline.
  std::string_view lines = scratch.data();
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    const std::string_view record = lines.substr(0, end);
    if (!record.empty()) {
      if (!out.empty() && out.back() != '[') out += separator;
      out += record;
    }
    if (end == std::string_view::npos) break;
    lines.remove_prefix(end + 1);
  }
}

}  // namespace parley::server
