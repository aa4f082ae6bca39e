// parley/pipeline: the one coding driver.
//
// Driver reads records from inputs (plain text, JSON Lines, PETRARCH XML; see
// io/input.h), codes them on N threads and hands every coded record to the
// caller's RecordSink in input order.  `parley code`, `parley ingest` and
// `parley validate` run through it; anything else that codes whole inputs
// (a language binding) should too.
//
// Contract:
//  * Records are coded in batches of DriverOptions::batch.  A batch is coded
//    by `threads` Workers: the calling thread and threads-1 helper threads
//    that live as long as the Driver and sleep between batches.
//  * For each document record, RecordSink::render() runs on one of those
//    threads, concurrently with render() of other records of the batch.  It
//    may touch only state kept for its `slot` (or for its `worker`); the Doc
//    and CodedDocument it is shown are valid only during the call.
//  * Then, on the calling thread and in input order, RecordSink::deliver()
//    for each record of the batch, then RecordSink::end_batch().  Whatever
//    render() builds and deliver() writes is therefore the same for every
//    thread count, byte for byte.
//  * <Environment> (a PETRARCH validation file): the batch before it is
//    finished, then the records after it, to the end of that input, are coded
//    with a TABARI-dialect Engine loaded from the files it names
//    (validation_config()).  Other records use the Engine of
//    DriverOptions::engine, loaded once, when the first one needs it.
//  * <Config>: the batch before it is finished, then the option is set on
//    every Worker, so it holds from the next record on, to the end of that
//    input or the next <Config> of the same option.  Each input starts with
//    the options its Engine was loaded with.
//  * Problems do not stop the run: a record that cannot be read goes to
//    RecordSink::bad_record(), a refused option, a repaired text and a date
//    that is missing or unreadable (io::InputRecord::warning; the record is
//    coded without a date, or with DriverOptions::date) to
//    RecordSink::warning(), each at its place in input order.  What cannot
//    go on at all (dictionaries that do not load, a document before any
//    <Environment> when no default engine is configured) throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/input.h"
#include "pipeline/engine.h"

namespace parley {

// The Engine configuration a validation file's <Environment> names: TABARI
// dialect, file names resolved in `dir` (absolute names kept).
EngineConfig validation_config(const io::ValidationEnvironment& env, const std::string& dir,
                               const std::string& wordnet_dir);

// One coded document as render() sees it.
struct CodedRecord {
  const io::InputRecord& input;
  const Doc& doc;               // text after UTF-8 repair, sentences, tokens: what offsets refer to
  const CodedDocument& coded;
  const Engine& engine;         // the dictionaries the evidence points into
  size_t worker;                // 0 .. threads-1, for per-thread scratch
  // A record longer than Worker::kPieceBytes, for a sink that takes_pieces(),
  // is shown piece by piece (Worker::code_in_pieces): doc and coded then hold
  // one piece, doc.text_base and doc.sentence_base place it in the record.
  bool first_piece = true;
  bool last_piece = true;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Calling thread, as each document record is read: false leaves it
  // uncoded and undelivered (validate skips records that are not sentences).
  virtual bool wants(const io::InputRecord& record) { return true; }
  // True: a long record may be rendered piece by piece (CodedRecord::
  // first_piece, last_piece; render() is then called once per piece, in
  // order, on one thread), so that coding it needs memory for a piece, not
  // for the record.  Such a record is coded alone in its batch, on the
  // calling thread.  A piece with coded.story_discarded means the whole
  // record is (its earlier pieces were rendered, maybe delivered, already).
  virtual bool takes_pieces() const { return false; }
  // A worker thread; `slot` < Driver::batch_size().  See the contract above.
  virtual void render(size_t slot, const CodedRecord& record) = 0;
  // Calling thread, in input order, after the batch is coded.
  virtual void deliver(size_t slot, const io::InputRecord& record) = 0;
  // Calling thread, after each piece but the last of a record coded in
  // pieces: such a record is coded alone in its batch, so what render() has
  // built so far may be written now (deliver() still follows the last
  // piece), and the record's output need not be held whole.
  virtual void deliver_piece(size_t slot) {}
  // Calling thread, after the last deliver() of each batch.
  virtual void end_batch() {}
  // "FILE:LINE: record ID: what"; the record is skipped.
  virtual void bad_record(const std::string& message) = 0;
  // "FILE:LINE: what": a refused <Config> option, replaced UTF-8 bytes.
  virtual void warning(const std::string& message) = 0;
};

// How far a run has got, for a progress display.  Counts are for the whole
// run(inputs) call (every input so far).
struct RunProgress {
  int64_t records = 0;       // documents delivered
  int64_t sentences = 0;     // in those documents
  uint64_t bytes_read = 0;   // of the inputs
  uint64_t bytes_total = 0;  // size of all inputs; 0 = unknown (stdin, a pipe, XML)
  bool done = false;         // the last call of the run
};

// Watches a run from the calling thread.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // After each batch is delivered, and once more, with done set, when
  // run() ends (also when it ends by an exception).
  virtual void progress(const RunProgress& progress) = 0;
  // Just before a message goes to RecordSink::bad_record() or warning(), so
  // a display on the same terminal can get out of its way.
  virtual void before_message() {}
};

struct DriverOptions {
  int threads = 1;
  size_t batch = 512;
  int32_t date = 0;                       // for records without a date (--date)
  // The Engine for records outside a validation environment.  Unset: such
  // a record throws (parley validate).
  std::function<EngineConfig()> engine;
  // An Engine already loaded and shared with other users (the Python
  // module's Coder): used instead of loading one from `engine`.
  std::shared_ptr<const Engine> loaded_engine;
  std::string dicts_dir;                  // where <Environment> names resolve; empty = the input's folder
  std::string wordnet_dir = Lexicon::kDefaultDir;
  // Applied to each <Environment>'s configuration before it is loaded
  // (validate's --verbs, --actors, ... overrides).
  std::function<void(EngineConfig&)> adjust_environment;
  RunObserver* observer = nullptr;        // not owned; may be null
};

struct DriverStats {
  int64_t documents = 0;      // delivered
  int64_t bad_records = 0;
  int64_t environments = 0;   // <Environment> records met
};

class Driver {
 public:
  explicit Driver(DriverOptions options);
  ~Driver();
  Driver(const Driver&) = delete;
  Driver& operator=(const Driver&) = delete;

  // Codes every record of each input ("-" = stdin) in order.  May be called
  // again; the default Engine stays loaded.
  DriverStats run(const std::vector<std::string>& inputs, RecordSink& sink);
  // The same for one reader (one input).
  DriverStats run(io::InputReader& reader, RecordSink& sink);

  size_t batch_size() const;
  int threads() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley
