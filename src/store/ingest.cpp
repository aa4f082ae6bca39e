#include "store/ingest.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

#include "io/input.h"
#include "store/from_coded.h"

namespace parley::store {
namespace {

struct Job {
  io::InputRecord record;
  StoredDocument stored;
  std::string warning;
};

// Codes a batch of records in parallel, each into its own StoredDocument.
class BatchCoder {
 public:
  BatchCoder(const Engine& engine, int threads) : engine_(engine) {
    for (int i = 0; i < std::max(1, threads); ++i) workers_.push_back(std::make_unique<Worker>(engine));
  }

  void set_coder_options(const CoderOptions& o) {
    for (auto& w : workers_) w->set_coder_options(o);
  }

  void run(std::vector<Job>& jobs, size_t count) {
    std::atomic<size_t> next{0};
    auto work = [&](Worker& worker) {
      CodedDocument coded;
      for (size_t i = next++; i < count; i = next++) code_one(worker, coded, jobs[i]);
    };
    if (workers_.size() == 1 || count < 2) {
      work(*workers_[0]);
      return;
    }
    std::vector<std::thread> threads;
    for (size_t t = 1; t < workers_.size(); ++t) threads.emplace_back(work, std::ref(*workers_[t]));
    work(*workers_[0]);
    for (auto& th : threads) th.join();
  }

 private:
  void code_one(Worker& worker, CodedDocument& coded, Job& job) {
    const io::InputRecord& r = job.record;
    job.warning.clear();
    worker.code(r.id, r.date, r.text, r.sentence_mode, coded);
    if (coded.utf8_repairs) {
      job.warning = r.source_file + ":" + std::to_string(r.source_line) + ": record " + r.id + ": " +
                    std::to_string(coded.utf8_repairs) + " invalid UTF-8 sequence(s) or NUL byte(s) replaced";
    }
    job.stored = to_stored_document(worker.doc(), coded, engine_.dicts(), r.source_file);
  }

  const Engine& engine_;
  std::vector<std::unique_ptr<Worker>> workers_;
};

std::string resolve_in(const std::string& dir, const std::string& name) {
  if (name.empty() || std::filesystem::path(name).is_absolute()) return name;
  return (std::filesystem::path(dir) / name).string();
}

// The TABARI engine a validation file's <Environment> names.
std::unique_ptr<Engine> validation_engine(const IngestOptions& opts, const std::string& input,
                                          const io::InputRecord& rec, std::FILE* err) {
  EngineConfig cfg;
  cfg.wordnet_dir = opts.wordnet_dir;
  cfg.dialect = Dialect::kTabari;
  const std::string dir = opts.dicts_dir.empty() ? std::filesystem::path(input).parent_path().string() : opts.dicts_dir;
  cfg.paths = DictPaths{};
  cfg.paths.verbs.push_back(resolve_in(dir, rec.env.verbfile));
  if (!rec.env.actorfile.empty()) cfg.paths.actors.push_back(resolve_in(dir, rec.env.actorfile));
  cfg.paths.agents = resolve_in(dir, rec.env.agentfile);
  cfg.paths.discards = resolve_in(dir, rec.env.discardfile);
  cfg.paths.issues = resolve_in(dir, rec.env.issuefile);
  auto engine = std::make_unique<Engine>(cfg);
  for (const auto& [k, v] : rec.env.config) {
    std::string why;
    if (!engine->set_option(k, v, why)) std::fprintf(err, "parley: %s: %s\n", input.c_str(), why.c_str());
  }
  return engine;
}

}  // namespace

int ingest(const IngestOptions& opts, Store& store, IngestStats& stats, std::FILE* err) {
  std::unique_ptr<Engine> default_engine;
  int status = 0;
  const size_t batch = std::max<size_t>(1, opts.batch);
  for (const std::string& input : opts.inputs) {
    io::ReaderOptions ropts;
    ropts.date = opts.date;
    auto reader = io::InputReader::open(input, ropts);
    std::unique_ptr<Engine> tabari_engine;
    const Engine* engine = nullptr;
    std::unique_ptr<BatchCoder> coder;
    std::vector<Job> jobs(batch);
    std::vector<StoredDocument> docs;
    size_t filled = 0;
    auto flush = [&] {
      if (!filled) return;
      coder->run(jobs, filled);
      docs.clear();
      for (size_t i = 0; i < filled; ++i) {
        if (!jobs[i].warning.empty()) std::fprintf(err, "parley: %s\n", jobs[i].warning.c_str());
        stats.events += static_cast<int64_t>(jobs[i].stored.events.size());
        docs.push_back(std::move(jobs[i].stored));
      }
      store.put_documents(docs);
      stats.documents += static_cast<int64_t>(filled);
      filled = 0;
    };
    std::string error;
    io::InputRecord rec;
    while (reader->next(rec, error)) {
      if (!error.empty()) {
        std::fprintf(err, "parley: %s\n", error.c_str());
        error.clear();
        status = 1;
        ++stats.errors;
        continue;
      }
      if (rec.kind == io::InputRecord::kEnvironment) {
        flush();
        tabari_engine = validation_engine(opts, input, rec, err);
        engine = tabari_engine.get();
        coder = std::make_unique<BatchCoder>(*engine, opts.threads);
        continue;
      }
      if (!engine) {
        if (!default_engine) default_engine = std::make_unique<Engine>(opts.engine());
        engine = default_engine.get();
        coder = std::make_unique<BatchCoder>(*engine, opts.threads);
      }
      if (rec.kind == io::InputRecord::kConfig) {
        flush();
        std::string why;
        Engine* mutable_engine = tabari_engine ? tabari_engine.get() : default_engine.get();
        if (!mutable_engine->set_option(rec.option, rec.value, why)) {
          std::fprintf(err, "parley: %s:%u: %s\n", rec.source_file.c_str(), rec.source_line, why.c_str());
        }
        coder->set_coder_options(engine->coder_options());
        continue;
      }
      std::swap(jobs[filled].record, rec);
      if (++filled == batch) flush();
    }
    flush();
  }
  return status;
}

}  // namespace parley::store
