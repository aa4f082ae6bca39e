// Crash safety: `parley ingest` killed with SIGKILL in the middle of a large
// input leaves a store that opens, passes integrity_check, and holds only
// complete documents: each stored document has exactly the events `parley
// code` gives it.  Ingesting again afterwards completes the store.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "store/store.h"
#include "support/child.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using parley::store::Store;
using parley::test::ChildProcess;

namespace {

using parley::test::run_parley;

constexpr int kDocuments = 30000;

// Varied short stories so documents code to different numbers of events.
void write_corpus(const fs::path& path) {
  const char* sentences[] = {
      "Russia accused Ukraine of shelling the plant.", "Trump met Putin in Alaska on Friday.",
      "China criticised Japan over the islands.", "Witkoff was greeted at the airport by Kirill Dmitriev.",
      "The weather was mild.", "Iran rejected the proposal from France.", "Germany promised aid to Ukraine.",
      "Israeli forces attacked Gaza.", "India and Pakistan agreed to talks."};
  std::ofstream out(path);
  for (int i = 0; i < kDocuments; ++i) {
    std::string text;
    for (int k = 0; k <= i % 4; ++k) text += std::string(sentences[(i * 7 + k * 3) % 9]) + " ";
    out << "{\"id\":\"doc-" << i << "\",\"date\":\"2025-08-" << (10 + i % 20) << "\",\"text\":\"" << text << "\"}\n";
  }
}

std::map<std::string, int64_t> events_per_document_by_parley_code(const fs::path& corpus) {
  const auto r = run_parley("code " + corpus.string());
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, int64_t> counts;
  for (const auto& record : parley::test::json_lines(r.out)) {
    if (record["type"] == "event") ++counts[record["id"].get<std::string>()];
  }
  return counts;
}

int64_t stored_documents(const fs::path& db) {
  try {
    return Store::open(db.string(), Store::Mode::kReadOnly)->counts().documents;
  } catch (const std::exception&) {
    return 0;  // not created yet
  }
}

}  // namespace

TEST(CliStoreKill, KilledIngestLeavesOnlyCompleteDocuments) {
  const parley::test::TempDir tmp("cli_store_kill");
  const fs::path corpus = tmp.file("corpus.jsonl");
  const fs::path db = tmp.fresh_db("killed.db");
  write_corpus(corpus);

  // Killed by the guard if the test fails before the kill below.
  ChildProcess::Options quiet;
  quiet.quiet_stderr = true;
  ChildProcess ingest({parley::test::parley_bin(), "ingest", "--db", db.string(), "--batch", "16", corpus.string()},
                      quiet);
  // Wait until some documents are committed, then a little more, so the kill
  // lands in the middle of the run (most likely inside a transaction).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (stored_documents(db) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  ASSERT_EQ(ingest.stop(SIGKILL), 128 + SIGKILL) << "ingest ended before the kill; make the corpus larger";

  const auto expected = events_per_document_by_parley_code(corpus);
  auto store = Store::open(db.string());  // recovers the WAL like any later run
  EXPECT_EQ(store->integrity_check(), "ok");
  const auto counts = store->counts();
  EXPECT_GT(counts.documents, 0);
  EXPECT_LT(counts.documents, kDocuments) << "the kill should have interrupted the run";
  int64_t events = 0;
  for (int i = 0; i < kDocuments; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    auto doc = store->get_document(id);
    if (!doc) continue;
    const auto it = expected.find(id);
    const int64_t want = it == expected.end() ? 0 : it->second;
    ASSERT_EQ(static_cast<int64_t>(doc->events.size()), want) << id;
    events += want;
  }
  EXPECT_EQ(counts.events, events);  // no orphan events of a half-written document
  store.reset();

  // Running again completes the store, without duplicates.
  const auto again = run_parley("ingest --db " + db.string() + " " + corpus.string());
  ASSERT_EQ(again.status, 0) << again.err;
  auto done = Store::open(db.string(), Store::Mode::kReadOnly);
  EXPECT_EQ(done->counts().documents, kDocuments);
  int64_t total = 0;
  for (const auto& [id, n] : expected) total += n;
  EXPECT_EQ(done->counts().events, total);
  EXPECT_EQ(done->integrity_check(), "ok");
}
