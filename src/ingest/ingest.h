// parley/ingest: coded documents into the event store (`parley ingest`).
//
// ingest() runs the inputs through the pipeline's Driver (the same reading,
// <Environment>/<Config> handling, batching and threads as `parley code`),
// turns each coded document into a StoredDocument (ingest/from_coded.h) on
// the worker that coded it, and stores every batch in one transaction.  The
// store itself knows nothing of coding: this stage depends on pipeline and
// store, neither of them on it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/driver.h"
#include "pipeline/engine.h"
#include "store/store.h"

namespace parley::ingest {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::function<EngineConfig()> engine;  // called when the first plain record needs it
  std::string dicts_dir;                 // where validation files' dictionary names resolve
  std::string wordnet_dir = Lexicon::kDefaultDir;
  int32_t date = 0;                      // --date for records without one
  int threads = 1;
  // Documents coded together and committed in one transaction: a crash loses
  // at most the batch in flight, never part of a document.
  size_t batch = 256;
  RunObserver* observer = nullptr;       // progress display (pipeline/driver.h); not owned
};

struct IngestStats {
  int64_t documents = 0;  // stored (a re-ingested id counts again)
  int64_t events = 0;
  int64_t errors = 0;     // records reported and skipped
};

// The document source the store keeps for an input path: the path as given
// when it is relative ("examples/stories.jsonl"; "-" for stdin), else its
// file name alone ("/home/ana/news/a.jsonl" -> "a.jsonl"), so that no
// absolute path of the machine reaches the store or the API.
std::string stored_source_name(const std::string& path);

// Reports bad records on `err` as "parley: FILE:LINE: record ID: what" and
// goes on.  Returns 0, or 1 if any record was bad.  Throws StoreError /
// DictError when it cannot go on at all.
int ingest(const IngestOptions& options, store::Store& store, IngestStats& stats, std::FILE* err);

}  // namespace parley::ingest
