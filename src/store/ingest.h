// `parley ingest` as a library call: read inputs exactly as `parley code`
// does (plain text, JSON Lines, PETRARCH XML incl. validation environments
// and <Config> records), code each record with the Engine/Worker on N
// threads, and store every coded document, one transaction per batch.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "store/store.h"

namespace parley::store {

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
};

struct IngestStats {
  int64_t documents = 0;  // stored (a re-ingested id counts again)
  int64_t events = 0;
  int64_t errors = 0;     // records reported and skipped
};

// Reports bad records on `err` as "parley: FILE:LINE: record ID: what" and
// goes on.  Returns 0, or 1 if any record was bad.  Throws StoreError /
// DictError when it cannot go on at all.
int ingest(const IngestOptions& options, Store& store, IngestStats& stats, std::FILE* err);

}  // namespace parley::store
