#include "pipeline/output_sink.h"

#include <utility>

#include "pipeline/coded_json.h"

namespace parley {

OutputSink::OutputSink(size_t slots, std::optional<FlatFormat> flat, FILE* out, Report bad, Report warn)
    : out_(slots), rows_(slots), values_(slots), flat_(flat), file_(out), bad_(std::move(bad)), warn_(std::move(warn)) {
  if (flat_) {
    std::string header;
    append_flat_header(header, *flat_);
    std::fwrite(header.data(), 1, header.size(), file_);
  }
}

void OutputSink::render(size_t slot, const CodedRecord& r) {
  io::JsonWriter& w = out_[slot];
  w.clear();
  write_coded_json(w, r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
  if (flat_) flatten(w.data(), values_[slot], rows_[slot]);
}

void OutputSink::deliver(size_t slot, const io::InputRecord&) {
  const std::string& bytes = flat_ ? rows_[slot] : out_[slot].data();
  std::fwrite(bytes.data(), 1, bytes.size(), file_);
}

// The event lines of `jsonl` as rows (the records are our own JSON, so they parse).
void OutputSink::flatten(const std::string& jsonl, std::vector<FlatValue>& values, std::string& rows) const {
  rows.clear();
  for (size_t at = 0; at < jsonl.size();) {
    size_t end = jsonl.find('\n', at);
    if (end == std::string::npos) end = jsonl.size();
    const std::string_view line(jsonl.data() + at, end - at);
    at = end + 1;
    if (line.rfind("{\"type\":\"event\"", 0) != 0) continue;  // quotes and deadlines have no rows
    read_flat_values(line, values);
    append_flat_row(rows, values, *flat_);
  }
}

bool parse_output_format(const std::string& name, std::optional<FlatFormat>& flat) {
  if (name == "jsonl") flat.reset();
  else if (name == "csv") flat = FlatFormat::kCsv;
  else if (name == "tsv") flat = FlatFormat::kTsv;
  else return false;
  return true;
}

}  // namespace parley
