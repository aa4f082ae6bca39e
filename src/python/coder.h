// parley/python: the C++ side of the Python module (import parley).
//
// Coder owns one Engine, loaded once and shared read-only, and lends a
// Worker to each code() call, so Python threads calling code() at once code
// in parallel (the module releases the GIL around code_one()/code_batch()).
// code_batch() runs a list of documents through the one coding driver
// (pipeline/driver.h) on `threads` threads, so its records are exactly those
// `parley code` writes for the same documents.  Records come back as JSON
// Lines text in write_coded_json()'s vocabulary (module.cpp turns it into
// Python dicts), or, from code_batch_columns(), as the event columns of
// `parley code --format csv` (python/event_columns.h; module.cpp turns them
// into a DataFrame).  Nothing here knows about Python.
//
// Warnings: what was accepted but the user must hear about (a document
// without a readable date, replaced UTF-8 bytes), one message per problem,
// worded as `parley code` words it on stderr ("SOURCE:N: record ID: what";
// io::InputRecord::warning with the Driver's prefix), in input order, are
// appended to the caller's `warnings`; the module issues them to Python.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "io/input.h"
#include "pipeline/driver.h"
#include "pipeline/engine.h"
#include "python/event_columns.h"

namespace parley::python {

// Where parley's own dictionaries are: $PARLEY_DATA_DIR/dict, else the
// source tree's data/dict the module was built from.
std::string default_dicts_dir();

struct SlotBuffers;  // coder.cpp

class Coder {
 public:
  // `dicts`: a folder with a PETR_config.ini; empty = parley's own.
  // Throws DictError / LexiconError ("file:line: what").
  Coder(const std::string& dicts, int threads);
  ~Coder();

  // The records of one document, as JSON Lines.  Thread-safe.
  std::string code_one(const io::InputRecord& doc, std::vector<std::string>& warnings);

  // The records of `docs`, in order, as JSON Lines.  Documents run through
  // the Driver on `threads` threads; calls are serialised.
  std::string code_batch(std::vector<io::InputRecord> docs, std::vector<std::string>& warnings);

  // The same, appending the documents' event rows to `table`.
  void code_batch_columns(std::vector<io::InputRecord> docs, EventColumns& table, std::vector<std::string>& warnings);

  // Reads `lines` (JSON Lines records, a trailing "\n" or "\r\n" allowed;
  // views that must stay valid during the call;
  // blank lines skipped) as the JSON Lines reader reads a file's lines,
  // into `docs`, stopping at the first bad one: returns "" or its message
  // "docs:N: record ID: what", N = first + its index.  `date`: YYYYMMDD or
  // 0, for records without a readable date.
  static std::string read_jsonl(const std::vector<std::string_view>& lines, uint32_t first, int32_t date,
                                std::vector<io::InputRecord>& docs);

  // Codes the files `inputs` as `parley code --format FORMAT` would and
  // writes the output to `out_path` (replaced).  Returns the documents
  // coded; each unreadable record's message (FILE:LINE: record ID: what) is
  // appended to `bad`, each warning (what `parley code` warns of on stderr)
  // to `warnings`.  Throws std::runtime_error for a file it cannot write or
  // a format it does not know.
  int64_t code_files(const std::vector<std::string>& inputs, const std::string& out_path, const std::string& format,
                     std::vector<std::string>& bad, std::vector<std::string>& warnings);

  // The same as code_files(), into `table`'s event columns (the rows of
  // `parley code --format csv INPUTS`).
  int64_t code_files_columns(const std::vector<std::string>& inputs, EventColumns& table,
                             std::vector<std::string>& bad, std::vector<std::string>& warnings);

  int threads() const { return threads_; }

  // The most code_one() calls that were coding at the same moment since the
  // Coder was made: 2 or more shows calls from Python threads overlapping
  // (the GIL released around them), whatever the machine's load.
  int peak_concurrent_calls() const { return peak_running_.load(); }

 private:
  std::shared_ptr<const Engine> engine_;
  int threads_;
  std::mutex workers_mutex_;
  std::vector<std::unique_ptr<Worker>> idle_;  // lent by code_one()
  std::atomic<int> running_{0}, peak_running_{0};
  std::mutex driver_mutex_;
  std::unique_ptr<Driver> driver_;
  // The batch sinks' per-slot buffers, kept between calls so that their
  // capacity is reused (code_many() and code_frame() make a sink per chunk
  // of documents); they hold on to the largest document's size, as the
  // CLI's sink does over a run.  Guarded by driver_mutex_.
  std::unique_ptr<SlotBuffers> slots_;
};

}  // namespace parley::python
