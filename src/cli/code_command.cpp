// `parley code`: inputs in, JSON Lines events (or flat CSV/TSV event rows)
// out, optionally on N threads.
//
// The Driver (pipeline/driver.h) reads, batches and codes; this sink renders
// each document's records as JSON Lines on the worker thread that coded it
// (and, for csv/tsv, turns its event records into rows there too) and writes
// them to stdout in input order, so the output is byte-identical whatever the
// thread count.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "io/json_writer.h"
#include "pipeline/coded_json.h"
#include "pipeline/driver.h"
#include "sinks/flat_columns.h"

namespace parley::cli {
namespace {

class JsonLinesSink : public RecordSink {
 public:
  // `flat`: write event rows in that format instead of JSON Lines (the header first).
  JsonLinesSink(size_t slots, std::optional<FlatFormat> flat) : out_(slots), rows_(slots), flat_(flat) {
    if (flat_) {
      std::string header;
      append_flat_header(header, *flat_);
      std::fwrite(header.data(), 1, header.size(), stdout);
    }
  }

  void render(size_t slot, const CodedRecord& r) override {
    io::JsonWriter& w = out_[slot];
    w.clear();
    write_coded_json(w, r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
    if (flat_) flatten(w.data(), rows_[slot]);
  }
  void deliver(size_t slot, const io::InputRecord&) override {
    const std::string& bytes = flat_ ? rows_[slot] : out_[slot].data();
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
  }
  void bad_record(const std::string& message) override {
    std::fprintf(stderr, "parley: %s\n", message.c_str());
    status = 1;
  }
  void warning(const std::string& message) override { std::fprintf(stderr, "parley: %s\n", message.c_str()); }

  int status = 0;

 private:
  // The event lines of `jsonl` as rows (the records are our own JSON, so they parse).
  void flatten(const std::string& jsonl, std::string& rows) const {
    rows.clear();
    for (size_t at = 0; at < jsonl.size();) {
      size_t end = jsonl.find('\n', at);
      if (end == std::string::npos) end = jsonl.size();
      const std::string_view line(jsonl.data() + at, end - at);
      at = end + 1;
      if (line.rfind("{\"type\":\"event\"", 0) != 0) continue;  // quotes and deadlines have no rows
      append_flat_row(rows, nlohmann::json::parse(line), *flat_);
    }
  }

  std::vector<io::JsonWriter> out_;  // per slot; keeps capacity across batches
  std::vector<std::string> rows_;    // per slot, csv/tsv only
  std::optional<FlatFormat> flat_;
};

}  // namespace

int run_code(const CodeOptions& opts) {
  DriverOptions d;
  d.threads = opts.threads;
  d.date = opts.date;
  d.engine = opts.engine;
  d.dicts_dir = opts.dicts_dir;
  d.wordnet_dir = opts.wordnet_dir;
  Driver driver(d);
  std::optional<FlatFormat> flat;
  if (opts.format == "csv") flat = FlatFormat::kCsv;
  if (opts.format == "tsv") flat = FlatFormat::kTsv;
  JsonLinesSink sink(driver.batch_size(), flat);
  driver.run(opts.inputs, sink);
  std::fflush(stdout);
  return sink.status;
}

}  // namespace parley::cli
