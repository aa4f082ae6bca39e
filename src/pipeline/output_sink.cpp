#include "pipeline/output_sink.h"

#include <utility>

#include "pipeline/coded_json.h"

namespace parley {

OutputSink::OutputSink(size_t slots, std::optional<FlatFormat> flat, FILE* out, Report bad, Report warn)
    : out_(slots), quotes_(slots), deadlines_(slots), rows_(slots), values_(slots), flat_(flat), file_(out), bad_(std::move(bad)), warn_(std::move(warn)) {
  if (flat_) {
    std::string header;
    append_flat_header(header, *flat_);
    std::fwrite(header.data(), 1, header.size(), file_);
  }
}

void OutputSink::render(size_t slot, const CodedRecord& r) {
  io::JsonWriter& w = out_[slot];
  io::JsonWriter& quotes = quotes_[slot];
  io::JsonWriter& deadlines = deadlines_[slot];
  if (r.first_piece) {
    w.clear();
    quotes.clear();
    deadlines.clear();
  }
  if (r.first_piece && r.last_piece) {
    write_coded_json(w, r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
  } else if (!r.coded.story_discarded) {  // a record discarded whole has no pieces that write
    write_coded_events(w, r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
    write_coded_quotes(quotes, r.doc, r.coded, r.input.extra_json);
    write_coded_deadlines(deadlines, r.doc, r.coded, r.input.extra_json);
  }
  if (!r.last_piece) return;
  if (!r.first_piece) {
    w.buffer().append(quotes.data());
    w.buffer().append(deadlines.data());
    std::string().swap(quotes.buffer());
    std::string().swap(deadlines.buffer());
  }
  if (flat_) flatten(w.data(), values_[slot], rows_[slot]);
}

// A piece's events are written as soon as it is coded; its quotes and
// deadlines wait for the last piece, as the record's own order wants.
void OutputSink::deliver_piece(size_t slot) {
  io::JsonWriter& w = out_[slot];
  if (flat_) {
    flatten(w.data(), values_[slot], rows_[slot]);
    std::fwrite(rows_[slot].data(), 1, rows_[slot].size(), file_);
  } else {
    std::fwrite(w.data().data(), 1, w.data().size(), file_);
  }
  w.clear();
}

void OutputSink::deliver(size_t slot, const io::InputRecord&) {
  std::string& bytes = flat_ ? rows_[slot] : out_[slot].buffer();
  std::fwrite(bytes.data(), 1, bytes.size(), file_);
  // Capacity is kept for the next batch, but not a long record's: the
  // memory of one such record is not held for the rest of the run.
  constexpr size_t kKeptCapacity = size_t{4} << 20;
  if (out_[slot].buffer().capacity() > kKeptCapacity) std::string().swap(out_[slot].buffer());
  if (rows_[slot].capacity() > kKeptCapacity) std::string().swap(rows_[slot]);
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
