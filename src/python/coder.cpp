#include "python/coder.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "dict/load.h"
#include "io/json_writer.h"
#include "io/jsonl_record.h"
#include "io/readers.h"
#include "pipeline/coded_json.h"
#include "pipeline/output_sink.h"

namespace parley::python {

// Per Driver slot: the document's rendered JSON Lines and its events' values.
struct SlotBuffers {
  explicit SlotBuffers(size_t slots) : json(slots), events(slots), counts(slots) {}
  std::vector<io::JsonWriter> json;
  std::vector<std::vector<std::vector<FlatValue>>> events;  // each event's values (capacity kept)
  std::vector<size_t> counts;                               // events in `events`
};

namespace {

// Yields a prepared list of documents to the Driver.
class ListReader : public io::InputReader {
 public:
  explicit ListReader(std::vector<io::InputRecord> docs)
      : InputReader("docs", io::InputFormat::kJsonLines), docs_(std::move(docs)) {}
  bool next(io::InputRecord& rec, std::string& error) override {
    error.clear();
    if (next_ == docs_.size()) return false;
    rec = std::move(docs_[next_++]);
    return true;
  }

 private:
  std::vector<io::InputRecord> docs_;
  size_t next_ = 0;
};

// Collects each document's JSON Lines, in input order, and the warnings.
class CollectSink : public RecordSink {
 public:
  CollectSink(SlotBuffers& slots, std::vector<std::string>& warnings) : out_(slots.json), warnings_(warnings) {}
  void render(size_t slot, const CodedRecord& r) override {
    out_[slot].clear();
    write_coded_json(out_[slot], r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
  }
  void deliver(size_t slot, const io::InputRecord&) override { all += out_[slot].data(); }
  // The caller has checked every document, so neither can happen; if one
  // does, it must not pass silently.
  void bad_record(const std::string& message) override { throw std::runtime_error(message); }
  void warning(const std::string& message) override { warnings_.push_back(message); }

  std::string all;

 private:
  std::vector<io::JsonWriter>& out_;
  std::vector<std::string>& warnings_;
};

// Collects each document's event rows, in input order: render() reads the
// values of its events (the costly part, on the worker threads), deliver()
// appends them to the table (once per value; no per-document table to merge).
class ColumnSink : public RecordSink {
 public:
  // `bad`: where unreadable records' messages go; null: they throw (the
  // caller has checked every document).  `warnings`: where warnings go.
  ColumnSink(SlotBuffers& slots, EventColumns& table, std::vector<std::string>* bad,
             std::vector<std::string>& warnings)
      : json_(slots.json), events_(slots.events), counts_(slots.counts), table_(table), bad_(bad), warnings_(warnings) {}
  void render(size_t slot, const CodedRecord& r) override {
    json_[slot].clear();
    write_coded_json(json_[slot], r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
    counts_[slot] = EventColumns::read_events(json_[slot].data(), events_[slot]);
  }
  void deliver(size_t slot, const io::InputRecord&) override {
    for (size_t i = 0; i < counts_[slot]; ++i) table_.add_row(events_[slot][i]);
  }
  void bad_record(const std::string& message) override {
    if (!bad_) throw std::runtime_error(message);
    bad_->push_back(message);
  }
  void warning(const std::string& message) override { warnings_.push_back(message); }

 private:
  std::vector<io::JsonWriter>& json_;
  std::vector<std::vector<std::vector<FlatValue>>>& events_;
  std::vector<size_t>& counts_;
  EventColumns& table_;
  std::vector<std::string>* bad_;
  std::vector<std::string>& warnings_;
};

EngineConfig config_for(const std::string& dicts) {
  EngineConfig cfg;
  const std::string ini = (dicts.empty() ? default_dicts_dir() : dicts) + "/PETR_config.ini";
  cfg.paths = read_config(ini);
  read_config_options(ini, cfg.dict_options);
  return cfg;
}

}  // namespace

std::string default_dicts_dir() {
  if (const char* env = std::getenv("PARLEY_DATA_DIR"); env && *env) return std::string(env) + "/dict";
  return std::string(PARLEY_SOURCE_DATA_DIR) + "/dict";
}

Coder::Coder(const std::string& dicts, int threads)
    : engine_(std::make_shared<const Engine>(config_for(dicts))), threads_(threads < 1 ? 1 : threads) {
  DriverOptions d;
  d.threads = threads_;
  d.loaded_engine = engine_;
  driver_ = std::make_unique<Driver>(d);
  slots_ = std::make_unique<SlotBuffers>(driver_->batch_size());
}

Coder::~Coder() = default;

std::string Coder::code_one(const io::InputRecord& doc, std::vector<std::string>& warnings) {
  std::unique_ptr<Worker> worker;
  {
    std::lock_guard lock(workers_mutex_);
    if (!idle_.empty()) {
      worker = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!worker) worker = std::make_unique<Worker>(*engine_);
  CodedDocument coded;
  const int running = ++running_;
  for (int peak = peak_running_.load(); running > peak && !peak_running_.compare_exchange_weak(peak, running);) {
  }
  worker->code(doc.id, doc.date, doc.text, doc.sentence_mode, coded);
  --running_;
  io::JsonWriter w;
  write_coded_json(w, worker->doc(), engine_->dicts(), coded, doc.extra_json);
  if (!doc.warning.empty()) {  // as the Driver reports it
    warnings.emplace_back();
    io::set_record_error(&warnings.back(), doc.source_file, doc.source_line, doc.id, doc.warning);
  }
  std::lock_guard lock(workers_mutex_);
  idle_.push_back(std::move(worker));
  return w.data();
}

std::string Coder::code_batch(std::vector<io::InputRecord> docs, std::vector<std::string>& warnings) {
  std::lock_guard lock(driver_mutex_);
  ListReader reader(std::move(docs));
  CollectSink sink(*slots_, warnings);
  driver_->run(reader, sink);
  return std::move(sink.all);
}

void Coder::code_batch_columns(std::vector<io::InputRecord> docs, EventColumns& table,
                               std::vector<std::string>& warnings) {
  std::lock_guard lock(driver_mutex_);
  ListReader reader(std::move(docs));
  ColumnSink sink(*slots_, table, nullptr, warnings);
  driver_->run(reader, sink);
}

int64_t Coder::code_files_columns(const std::vector<std::string>& inputs, EventColumns& table,
                                  std::vector<std::string>& bad, std::vector<std::string>& warnings) {
  std::lock_guard lock(driver_mutex_);
  ColumnSink sink(*slots_, table, &bad, warnings);
  return driver_->run(inputs, sink).documents;
}

std::string Coder::read_jsonl(const std::vector<std::string_view>& lines, uint32_t first, int32_t date,
                              std::vector<io::InputRecord>& docs) {
  static const std::string kSource = "docs";
  io::JsonWriter extra;
  std::string error;
  docs.reserve(docs.size() + lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (io::is_blank_line(line)) continue;
    io::InputRecord rec;
    io::parse_jsonl_record(line, kSource, first + static_cast<uint32_t>(i), /*had_newline=*/true, date, rec, error,
                           extra);
    if (!error.empty()) return error;
    docs.push_back(std::move(rec));
  }
  return "";
}

int64_t Coder::code_files(const std::vector<std::string>& inputs, const std::string& out_path,
                          const std::string& format, std::vector<std::string>& bad,
                          std::vector<std::string>& warnings) {
  std::optional<FlatFormat> flat;
  if (!parse_output_format(format, flat)) throw std::runtime_error("unknown format \"" + format + "\" (jsonl, csv or tsv)");
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(out_path.c_str(), "wb"), &std::fclose);
  if (!out) throw std::runtime_error(out_path + ": cannot write: " + std::strerror(errno));
  std::lock_guard lock(driver_mutex_);
  OutputSink sink(
      driver_->batch_size(), flat, out.get(), [&bad](const std::string& m) { bad.push_back(m); },
      [&warnings](const std::string& m) { warnings.push_back(m); });
  const DriverStats stats = driver_->run(inputs, sink);
  if (std::fflush(out.get()) != 0 || std::ferror(out.get()))
    throw std::runtime_error(out_path + ": write failed: " + std::strerror(errno));
  return stats.documents;
}

}  // namespace parley::python
