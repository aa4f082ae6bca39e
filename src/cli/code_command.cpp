// `parley code`: inputs in, JSON Lines events out, optionally on N threads.
//
// Records are read in batches; each batch is coded in parallel, every record
// into its own output buffer, and the buffers are written in input order, so
// the output is byte-identical whatever the thread count.  A PETRARCH <Config>
// record ends the batch before it, so options change exactly where the file
// says.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "io/input.h"
#include "io/json_writer.h"
#include "pipeline/engine.h"
#include "sinks/sinks.h"

namespace parley::cli {
namespace {

struct Job {
  io::InputRecord record;
  std::string output;   // JSON Lines
  std::string warning;  // for stderr
};

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
      io::JsonWriter w;
      for (size_t i = next++; i < count; i = next++) code_one(worker, coded, w, jobs[i]);
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
  void code_one(Worker& worker, CodedDocument& coded, io::JsonWriter& w, Job& job) {
    const io::InputRecord& r = job.record;
    job.output.clear();
    job.warning.clear();
    worker.code(r.id, r.date, r.text, r.sentence_mode, coded);
    if (coded.utf8_repairs) {
      job.warning = r.source_file + ":" + std::to_string(r.source_line) + ": record " + r.id + ": " +
                    std::to_string(coded.utf8_repairs) + " invalid UTF-8 sequence(s) or NUL byte(s) replaced";
    }
    w.clear();
    for (size_t i = 0; i < coded.events.size(); ++i) {
      const EventDetails* details = i < coded.details.size() ? &coded.details[i] : nullptr;
      write_event_json(w, worker.doc(), engine_.dicts(), coded.events[i], details, r.extra_json);
    }
    for (const Quote& q : coded.quotes) write_quote_json(w, worker.doc(), q, r.extra_json);
    for (const Deadline& d : coded.deadlines) write_deadline_json(w, worker.doc(), d, r.extra_json);
    job.output = w.data();
  }

  const Engine& engine_;
  std::vector<std::unique_ptr<Worker>> workers_;
};

std::string resolve_in(const std::string& dir, const std::string& name) {
  if (name.empty() || std::filesystem::path(name).is_absolute()) return name;
  return (std::filesystem::path(dir) / name).string();
}

}  // namespace

int run_code(const CodeOptions& opts) {
  std::unique_ptr<Engine> default_engine;
  int status = 0;
  for (const std::string& input : opts.inputs) {
    io::ReaderOptions ropts;
    ropts.date = opts.date;
    auto reader = io::InputReader::open(input, ropts);
    std::unique_ptr<Engine> validation_engine;
    const Engine* engine = nullptr;
    std::unique_ptr<BatchCoder> coder;
    const size_t batch = 512;
    std::vector<Job> jobs(batch);
    size_t filled = 0;
    auto flush = [&] {
      if (!filled) return;
      coder->run(jobs, filled);
      for (size_t i = 0; i < filled; ++i) {
        if (!jobs[i].warning.empty()) std::fprintf(stderr, "parley: %s\n", jobs[i].warning.c_str());
        std::fwrite(jobs[i].output.data(), 1, jobs[i].output.size(), stdout);
      }
      filled = 0;
    };
    std::string error;
    io::InputRecord rec;
    while (reader->next(rec, error)) {
      if (!error.empty()) {
        std::fprintf(stderr, "parley: %s\n", error.c_str());
        error.clear();
        status = 1;
        continue;
      }
      if (rec.kind == io::InputRecord::kEnvironment) {
        flush();
        // A validation file names its own dictionaries (TABARI style).
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
        validation_engine = std::make_unique<Engine>(cfg);
        for (const auto& [k, v] : rec.env.config) {
          std::string why;
          if (!validation_engine->set_option(k, v, why)) std::fprintf(stderr, "parley: %s: %s\n", input.c_str(), why.c_str());
        }
        engine = validation_engine.get();
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
        Engine* mutable_engine = validation_engine ? validation_engine.get() : default_engine.get();
        if (!mutable_engine->set_option(rec.option, rec.value, why)) {
          std::fprintf(stderr, "parley: %s:%u: %s\n", rec.source_file.c_str(), rec.source_line, why.c_str());
        }
        coder->set_coder_options(engine->coder_options());
        continue;
      }
      std::swap(jobs[filled].record, rec);
      if (++filled == batch) flush();
    }
    flush();
  }
  std::fflush(stdout);
  return status;
}

}  // namespace parley::cli
