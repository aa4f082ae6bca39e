#include "ingest/ingest.h"

#include <iterator>
#include <utility>

#include "ingest/from_coded.h"
#include "pipeline/driver.h"

namespace parley::ingest {
namespace {

template <class T>
void move_append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// A later piece of a long record (Worker::code_in_pieces) added to the
// record's earlier ones; its spans and indices are the record's already.  A
// whole-story discard in any piece leaves the record's sentences and nothing
// else, as when the record is coded whole.
void append_piece(store::StoredDocument& doc, store::StoredDocument&& piece) {
  doc.text += piece.text;
  move_append(doc.sentences, piece.sentences);
  doc.story_discarded = doc.story_discarded || piece.story_discarded;
  if (doc.story_discarded) {
    doc.events.clear();
    doc.quotes.clear();
    doc.deadlines.clear();
    return;
  }
  move_append(doc.events, piece.events);
  move_append(doc.quotes, piece.quotes);
  move_append(doc.deadlines, piece.deadlines);
}

class StoreSink : public RecordSink {
 public:
  StoreSink(size_t slots, store::Store& store, IngestStats& stats, std::FILE* err)
      : stored_(slots), store_(store), stats_(stats), err_(err) {}

  bool takes_pieces() const override { return true; }
  void render(size_t slot, const CodedRecord& r) override {
    store::StoredDocument coded = to_stored_document(r.doc, r.coded, r.engine.dicts(), r.input.source_file);
    if (r.first_piece) {
      stored_[slot] = std::move(coded);
    } else {
      append_piece(stored_[slot], std::move(coded));
    }
  }
  void deliver(size_t slot, const io::InputRecord&) override {
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
  store::Store& store_;
  IngestStats& stats_;
  std::FILE* err_;
};

}  // namespace

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
