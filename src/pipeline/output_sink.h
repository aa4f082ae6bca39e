// A RecordSink that writes `parley code`'s output to a FILE*: every record as
// JSON Lines, or the event rows of io/flat_columns.h as CSV/TSV (header
// first).  `parley code` writes stdout through it; the Python module's
// Coder.code_file() (the Dask tasks) writes partition files through it, so
// both are the same bytes.  Rendering (and, for csv/tsv, turning event lines
// into rows) happens on the worker thread; writing in input order.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/json_writer.h"
#include "pipeline/driver.h"
#include "io/flat_columns.h"

namespace parley {

class OutputSink : public RecordSink {
 public:
  using Report = std::function<void(const std::string&)>;
  // `flat`: rows in that format instead of JSON Lines.  `bad` gets each
  // unreadable record's message, `warn` each warning.
  OutputSink(size_t slots, std::optional<FlatFormat> flat, FILE* out, Report bad, Report warn);

  bool takes_pieces() const override { return true; }
  void render(size_t slot, const CodedRecord& r) override;
  void deliver(size_t slot, const io::InputRecord&) override;
  void deliver_piece(size_t slot) override;
  void bad_record(const std::string& message) override { bad_(message); }
  void warning(const std::string& message) override { warn_(message); }

 private:
  void flatten(const std::string& jsonl, std::vector<FlatValue>& values, std::string& rows) const;

  std::vector<io::JsonWriter> out_;  // per slot; keeps capacity across batches
  // Per slot: a record in pieces' quotes and deadlines, until its last piece.
  std::vector<io::JsonWriter> quotes_, deadlines_;
  std::vector<std::string> rows_;    // per slot, csv/tsv only
  std::vector<std::vector<FlatValue>> values_;  // per slot, csv/tsv only: one event's values
  std::optional<FlatFormat> flat_;
  FILE* file_;
  Report bad_, warn_;
};

// "jsonl" -> nullopt, "csv"/"tsv" -> that format; false for anything else.
bool parse_output_format(const std::string& name, std::optional<FlatFormat>& flat);

}  // namespace parley
