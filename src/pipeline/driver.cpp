#include "pipeline/driver.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

namespace parley {
namespace {

std::string resolve_in(const std::string& dir, const std::string& name) {
  if (name.empty() || dir.empty() || std::filesystem::path(name).is_absolute()) return name;
  return (std::filesystem::path(dir) / name).string();
}

std::string where(const io::InputRecord& r) { return r.source_file + ":" + std::to_string(r.source_line); }

}  // namespace

EngineConfig validation_config(const io::ValidationEnvironment& env, const std::string& dir,
                               const std::string& wordnet_dir) {
  EngineConfig cfg;
  cfg.wordnet_dir = wordnet_dir;
  cfg.dialect = Dialect::kTabari;
  cfg.paths.verbs.push_back(resolve_in(dir, env.verbfile));
  if (!env.actorfile.empty()) cfg.paths.actors.push_back(resolve_in(dir, env.actorfile));
  cfg.paths.agents = resolve_in(dir, env.agentfile);
  cfg.paths.discards = resolve_in(dir, env.discardfile);
  cfg.paths.issues = resolve_in(dir, env.issuefile);
  return cfg;
}

class Driver::Impl {
 public:
  explicit Impl(DriverOptions options) : opts_(std::move(options)) {
    opts_.batch = std::max<size_t>(1, opts_.batch);
    const size_t threads = static_cast<size_t>(std::max(1, opts_.threads));
    records_.resize(opts_.batch);
    repairs_.resize(opts_.batch);
    sentences_.resize(opts_.batch);
    failures_.resize(opts_.batch);
    lanes_.resize(threads);
    for (size_t t = 1; t < threads; ++t) helpers_.emplace_back(&Impl::helper, this, t);
  }

  ~Impl() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& th : helpers_) th.join();
  }

  DriverStats run(io::InputReader& reader, RecordSink& sink);
  size_t batch_size() const { return opts_.batch; }
  int32_t date() const { return opts_.date; }
  int threads() const { return static_cast<int>(lanes_.size()); }

 private:
  // One per thread: lane 0 is the calling thread's, lane t the helper t's.
  struct Lane {
    std::unique_ptr<Worker> worker;
    CodedDocument coded;
  };

  // Coded with Worker::code_in_pieces, alone in its batch.
  bool in_pieces(const io::InputRecord& r) const {
    return !r.sentence_mode && r.text.size() > Worker::kPieceBytes && sink_->takes_pieces();
  }
  void use_engine(const Engine& engine);
  void report_bad(const std::string& message);
  void report_warning(const std::string& message);
  void set_option(const io::InputRecord& at, const std::string& name, const std::string& value);
  void flush();
  void code_batch();
  void work(size_t lane);
  void helper(size_t lane);

  DriverOptions opts_;
  std::shared_ptr<const Engine> default_engine_;
  std::unique_ptr<const Engine> environment_engine_;
  const Engine* engine_ = nullptr;   // the current input's; lanes' Workers use it
  std::vector<Lane> lanes_;

  // The batch: records and what coding them found, by slot.
  std::vector<io::InputRecord> records_;
  std::vector<size_t> repairs_, sentences_;
  // Why a record could not be coded (an exception from a stage), empty when
  // it was: that record is reported as bad and the run goes on.
  std::vector<std::string> failures_;
  size_t filled_ = 0;
  RecordSink* sink_ = nullptr;
  DriverStats stats_;

 public:
  // Progress of the current run(inputs) (see RunProgress): bytes of the
  // inputs already finished, and whether the total can be known at all.
  RunProgress progress_;
  uint64_t bytes_done_ = 0;
  bool size_known_ = true;
  const io::InputReader* reader_ = nullptr;
  void notify(bool done);
  // The last progress call (done), however a run ends.
  struct FinalProgress {
    Impl& d;
    ~FinalProgress() {
      d.notify(true);
      d.reader_ = nullptr;
    }
  };

 private:
  // The helpers sleep on wake_ until generation_ moves, take slots from
  // next_ until count_, and the last to finish signals done_.  The batch's
  // fields are written before generation_ is bumped under mutex_, so helpers
  // see them.
  std::vector<std::thread> helpers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  uint64_t generation_ = 0;
  size_t busy_ = 0;
  bool stop_ = false;
  std::atomic<size_t> next_{0};
  size_t count_ = 0;
  std::exception_ptr failure_;
};

void Driver::Impl::use_engine(const Engine& engine) {
  engine_ = &engine;
  for (Lane& lane : lanes_) lane.worker = std::make_unique<Worker>(engine);
}

void Driver::Impl::report_bad(const std::string& message) {
  if (opts_.observer) opts_.observer->before_message();
  sink_->bad_record(message);
}

void Driver::Impl::report_warning(const std::string& message) {
  if (opts_.observer) opts_.observer->before_message();
  sink_->warning(message);
}

void Driver::Impl::notify(bool done) {
  if (!opts_.observer) return;
  progress_.done = done;
  const uint64_t current = reader_ ? reader_->bytes_consumed() : 0;
  progress_.bytes_read = bytes_done_ + current;
  if (reader_ && !reader_->bytes_total()) size_known_ = false;
  if (!size_known_) progress_.bytes_total = 0;
  opts_.observer->progress(progress_);
}

void Driver::Impl::set_option(const io::InputRecord& at, const std::string& name, const std::string& value) {
  RunOptions options = lanes_[0].worker->run_options();
  std::string why;
  if (!set_run_option(options, name, value, why)) {
    report_warning(where(at) + ": " + why);
    return;
  }
  for (Lane& lane : lanes_) lane.worker->set_run_options(options);
}

void Driver::Impl::work(size_t lane) {
  Lane& ln = lanes_[lane];
  try {
    for (size_t i = next_++; i < count_; i = next_++) {
      io::InputRecord& r = records_[i];
      failures_[i].clear();
      if (in_pieces(r)) {
        size_t sentences = 0;
        bool first = true;
        ln.worker->code_in_pieces(r.id, r.date, r.text, ln.coded, [&](bool last) {
          if (first) repairs_[i] = ln.coded.utf8_repairs;
          sentences += ln.worker->doc().sentences.size();
          sink_->render(i, CodedRecord{r, ln.worker->doc(), ln.coded, *engine_, lane, first, last});
          if (!last) sink_->deliver_piece(i);  // alone in its batch: see run()
          first = false;
        });
        sentences_[i] = sentences;
        continue;
      }
      try {
        ln.worker->code(r.id, r.date, r.text, r.sentence_mode, ln.coded);
      } catch (const std::exception& e) {
        // One record's failure is that record's: the Worker starts afresh
        // with the next one.  (A record in pieces has had pieces written
        // already, so a failure there still ends the run, below.)
        failures_[i] = e.what();
        continue;
      }
      repairs_[i] = ln.coded.utf8_repairs;
      sentences_[i] = ln.worker->doc().sentences.size();
      sink_->render(i, CodedRecord{r, ln.worker->doc(), ln.coded, *engine_, lane, true, true});
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::current_exception();
    next_ = count_;  // the others stop at their next record
  }
}

void Driver::Impl::helper(size_t lane) {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    work(lane);
    {
      std::lock_guard lock(mutex_);
      if (--busy_ == 0) done_.notify_one();
    }
  }
}

void Driver::Impl::code_batch() {
  count_ = filled_;
  next_ = 0;
  if (helpers_.empty() || count_ < 2) {
    work(0);
  } else {
    {
      std::lock_guard lock(mutex_);
      ++generation_;
      busy_ = helpers_.size();
    }
    wake_.notify_all();
    work(0);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return busy_ == 0; });
  }
  if (failure_) {
    std::exception_ptr e = std::exchange(failure_, nullptr);
    filled_ = 0;
    std::rethrow_exception(e);
  }
}

void Driver::Impl::flush() {
  if (!filled_) return;
  code_batch();
  size_t delivered = 0;
  for (size_t i = 0; i < filled_; ++i) {
    const io::InputRecord& r = records_[i];
    if (!failures_[i].empty()) {
      report_bad(where(r) + ": record " + r.id + ": not coded: " + failures_[i]);
      ++stats_.bad_records;
      continue;
    }
    ++delivered;
    if (!r.warning.empty()) report_warning(where(r) + ": record " + r.id + ": " + r.warning);
    if (repairs_[i]) {
      report_warning(where(r) + ": record " + r.id + ": " + std::to_string(repairs_[i]) +
                     " invalid UTF-8 sequence(s) or NUL byte(s) replaced");
    }
    sink_->deliver(i, r);
    progress_.sentences += static_cast<int64_t>(sentences_[i]);
  }
  sink_->end_batch();
  stats_.documents += static_cast<int64_t>(delivered);
  progress_.records += static_cast<int64_t>(filled_);
  filled_ = 0;
  notify(false);
}

DriverStats Driver::Impl::run(io::InputReader& reader, RecordSink& sink) {
  sink_ = &sink;
  stats_ = DriverStats{};
  filled_ = 0;
  engine_ = nullptr;  // each input starts outside any validation environment
  std::string error;
  io::InputRecord rec;
  while (reader.next(rec, error)) {
    if (!error.empty()) {
      report_bad(error);
      ++stats_.bad_records;
      error.clear();
      continue;
    }
    if (rec.kind == io::InputRecord::kEnvironment) {
      flush();
      const std::string dir =
          opts_.dicts_dir.empty() ? std::filesystem::path(reader.path()).parent_path().string() : opts_.dicts_dir;
      EngineConfig cfg = validation_config(rec.env, dir, opts_.wordnet_dir);
      if (opts_.adjust_environment) opts_.adjust_environment(cfg);
      auto loaded = std::make_unique<const Engine>(cfg);
      use_engine(*loaded);  // before the old environment's Engine goes: the Workers point into it
      environment_engine_ = std::move(loaded);
      ++stats_.environments;
      for (const auto& [name, value] : rec.env.config) set_option(rec, name, value);
      continue;
    }
    if (!engine_) {
      if (!default_engine_) default_engine_ = opts_.loaded_engine;
      if (!default_engine_ && !opts_.engine)
        throw std::runtime_error(reader.path() + ": no <Environment> before the first record");
      if (!default_engine_) default_engine_ = std::make_shared<const Engine>(opts_.engine());
      use_engine(*default_engine_);
    }
    if (rec.kind == io::InputRecord::kConfig) {
      flush();
      set_option(rec, rec.option, rec.value);
      continue;
    }
    if (!sink.wants(rec)) continue;
    // A record coded in pieces goes alone, so its pieces can be delivered
    // as they are coded (RecordSink::deliver_piece) in input order.
    const bool alone = in_pieces(rec);
    if (alone) flush();
    std::swap(records_[filled_], rec);
    if (++filled_ == opts_.batch || alone) flush();
  }
  flush();
  return stats_;
}

Driver::Driver(DriverOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Driver::~Driver() = default;

DriverStats Driver::run(io::InputReader& reader, RecordSink& sink) {
  Impl& d = *impl_;
  d.progress_ = RunProgress{};
  d.bytes_done_ = 0;
  d.progress_.bytes_total = reader.bytes_total();
  d.size_known_ = d.progress_.bytes_total != 0;
  d.reader_ = &reader;
  const Impl::FinalProgress finish{d};
  return d.run(reader, sink);
}

DriverStats Driver::run(const std::vector<std::string>& inputs, RecordSink& sink) {
  Impl& d = *impl_;
  d.progress_ = RunProgress{};
  d.bytes_done_ = 0;
  d.size_known_ = true;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const auto status = std::filesystem::status(input, ec);
    if (input == "-" || ec || !std::filesystem::is_regular_file(status)) {
      d.size_known_ = false;
      continue;
    }
    d.progress_.bytes_total += std::filesystem::file_size(input, ec);
  }
  const Impl::FinalProgress finish{d};
  DriverStats total;
  for (const std::string& input : inputs) {
    io::ReaderOptions ropts;
    ropts.date = d.date();
    auto reader = io::InputReader::open(input, ropts);
    d.reader_ = reader.get();
    const DriverStats s = d.run(*reader, sink);
    d.bytes_done_ += reader->bytes_consumed();
    d.reader_ = nullptr;
    total.documents += s.documents;
    total.bad_records += s.bad_records;
    total.environments += s.environments;
  }
  return total;
}

size_t Driver::batch_size() const { return impl_->batch_size(); }
int Driver::threads() const { return impl_->threads(); }

}  // namespace parley
