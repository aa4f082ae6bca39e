#include "ingest/ingest.h"

#include <filesystem>
#include <memory>
#include <utility>

#include "ingest/from_coded.h"
#include "pipeline/driver.h"

namespace parley::ingest {
namespace {

class StoreSink : public RecordSink {
 public:
  StoreSink(size_t slots, store::Store& store, IngestStats& stats, std::FILE* err)
      : stored_(slots), store_(store), stats_(stats), err_(err) {}

  // A long record's pieces go to the store as they are coded (one
  // transaction, store::DocumentWriter), so ingest holds a piece's records,
  // not the record's.  Such a record is alone in its batch and its pieces
  // come in order on one thread (RecordSink::takes_pieces).
  bool takes_pieces() const override { return true; }
  void render(size_t slot, const CodedRecord& r) override {
    store::StoredDocument coded =
        to_stored_document(r.doc, r.coded, r.engine.dicts(), stored_source_name(r.input.source_file));
    if (r.first_piece && r.last_piece) {
      stored_[slot] = std::move(coded);
      return;
    }
    if (r.first_piece) {
      writer_ = store_.write_document(coded.id, coded.date, coded.source_file);
      writer_events_ = 0;
    }
    writer_events_ += static_cast<int64_t>(coded.events.size());
    writer_->append(coded);
  }
  void deliver(size_t slot, const io::InputRecord&) override {
    if (writer_) {
      writer_->commit();
      writer_.reset();
      stats_.events += writer_events_;
      ++stats_.documents;
      return;
    }
    stats_.events += static_cast<int64_t>(stored_[slot].events.size());
    batch_.push_back(std::move(stored_[slot]));
  }
  void end_batch() override {
    store_.put_documents(batch_);
    stats_.documents += static_cast<int64_t>(batch_.size());
    batch_.clear();
  }
  void bad_record(const std::string& message) override {
    std::fprintf(err_, "parley: %s\n", message.c_str());
    ++stats_.errors;
  }
  void warning(const std::string& message) override { std::fprintf(err_, "parley: %s\n", message.c_str()); }

 private:
  std::vector<store::StoredDocument> stored_;  // per slot
  std::vector<store::StoredDocument> batch_;   // in input order
  std::unique_ptr<store::DocumentWriter> writer_;  // the long record being written, if any
  int64_t writer_events_ = 0;
  store::Store& store_;
  IngestStats& stats_;
  std::FILE* err_;
};

}  // namespace

std::string stored_source_name(const std::string& path) {
  const std::filesystem::path p(path);
  if (!p.is_absolute()) return path;
  const std::string name = p.filename().string();
  return name.empty() ? p.parent_path().filename().string() : name;  // "/data/news/" -> "news"
}

int ingest(const IngestOptions& opts, store::Store& store, IngestStats& stats, std::FILE* err) {
  DriverOptions d;
  d.threads = opts.threads;
  d.batch = opts.batch;
  d.date = opts.date;
  d.engine = opts.engine;
  d.dicts_dir = opts.dicts_dir;
  d.wordnet_dir = opts.wordnet_dir;
  d.observer = opts.observer;
  Driver driver(d);
  StoreSink sink(driver.batch_size(), store, stats, err);
  const DriverStats s = driver.run(opts.inputs, sink);
  return s.bad_records ? 1 : 0;
}

}  // namespace parley::ingest
