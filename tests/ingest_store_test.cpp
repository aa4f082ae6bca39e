// Ingest as a library call with the real engine: the example article stored
// exactly as `parley code` codes it (same events, offsets, evidence), twice
// without duplicates, bad records reported and skipped, any thread count.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dict/load.h"
#include "io/input.h"
#include "pipeline/engine.h"
#include "ingest/from_coded.h"
#include "ingest/ingest.h"
#include "support/engine.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::store;
using namespace parley::ingest;

namespace {

// The example article; a test that needs it fails if ../shared is missing.
std::string article() { return parley::test::example_article(); }
const std::string kArticleId = "kremlin-witkoff-2025-08-06";  // a plain-text record is named by its file stem

EngineConfig default_config() { return parley::test::engine_config(parley::test::source_data_path("dict")); }

fs::path temp_path(const std::string& name) { return parley::test::process_temp_dir().fresh_db(name); }

class StoreIngest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = new Engine(default_config()); }
  static void TearDownTestSuite() { delete engine_; }

  IngestOptions options(std::vector<std::string> inputs) {
    IngestOptions o;
    o.inputs = std::move(inputs);
    o.engine = default_config;
    o.date = 20250806;
    return o;
  }

  // What the Worker gives for the article, converted the same way.
  StoredDocument expected_article() {
    Worker w(*engine_);
    CodedDocument coded;
    w.code(kArticleId, 20250806, parley::test::read_file(article()), false, coded);
    // The store keeps the file's name, not the absolute path the test gives.
    return to_stored_document(w.doc(), coded, engine_->dicts(), parley::ingest::stored_source_name(article()));
  }

  static Engine* engine_;
};
Engine* StoreIngest::engine_ = nullptr;

}  // namespace

TEST_F(StoreIngest, ArticleStoredAsCoded) {
  const StoredDocument expected = expected_article();
  ASSERT_GT(expected.events.size(), 3u) << "the example article should code several events";
  auto s = Store::open(temp_path("article.db").string());
  IngestStats stats;
  ASSERT_EQ(parley::ingest::ingest(options({article()}), *s, stats, stderr), 0);
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.events, static_cast<int64_t>(expected.events.size()));
  auto stored = s->get_document(kArticleId);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, expected);
  // Evidence as `parley code` writes it: offsets point at the quoted text.
  for (const EventRecord& e : stored->events) {
    ASSERT_TRUE(e.verb_span.present());
    EXPECT_EQ(stored->text.substr(e.verb_span.begin, e.verb_span.end - e.verb_span.begin), e.verb);
    if (e.source_span.present()) {
      EXPECT_EQ(stored->text.substr(e.source_span.begin, e.source_span.end - e.source_span.begin), e.source_text);
    }
    EXPECT_FALSE(e.verb_entry.empty());
    EXPECT_LT(e.sentence, stored->sentences.size());
  }
  EXPECT_EQ(stored->date, 20250806);
  // Quotes and deadlines of the article are stored with valid offsets.
  ASSERT_FALSE(stored->quotes.empty());
  for (const QuoteRecord& q : stored->quotes) {
    EXPECT_EQ(stored->text.substr(q.quote_span.begin, q.quote_span.end - q.quote_span.begin), q.quote_text);
  }
  ASSERT_FALSE(stored->deadlines.empty());
  EXPECT_EQ(stored->deadlines[0].due_date, 20250808);
}

TEST_F(StoreIngest, ReingestTwiceChangesNoCount) {
  auto s = Store::open(temp_path("twice.db").string());
  IngestStats stats;
  ASSERT_EQ(parley::ingest::ingest(options({article()}), *s, stats, stderr), 0);
  const StoreCounts once = s->counts();
  const auto clusters = s->clusters({});
  ASSERT_EQ(parley::ingest::ingest(options({article(), article()}), *s, stats, stderr), 0);
  EXPECT_EQ(s->counts(), once);
  const auto again = s->clusters({});
  ASSERT_EQ(again.size(), clusters.size());
  for (size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i].mentions, clusters[i].mentions);
  EXPECT_EQ(s->integrity_check(), "ok");
}

TEST_F(StoreIngest, SameStoryUnderTwoIdsIsOneClusterWithTwoMentions) {
  const std::string text = parley::test::read_file(article());
  std::string escaped;
  for (char c : text) {
    if (c == '"' || c == '\\') escaped += '\\';
    if (c == '\n') { escaped += "\\n"; continue; }
    escaped += c;
  }
  const fs::path in = temp_path("two.jsonl");
  std::ofstream(in) << "{\"id\":\"a\",\"date\":\"2025-08-06\",\"text\":\"" << escaped << "\"}\n"
                    << "{\"id\":\"b\",\"date\":\"2025-08-06\",\"text\":\"" << escaped << "\"}\n";
  auto s = Store::open(temp_path("two.db").string());
  IngestStats stats;
  ASSERT_EQ(parley::ingest::ingest(options({in.string()}), *s, stats, stderr), 0);
  const auto clusters = s->clusters({});
  ASSERT_FALSE(clusters.empty());
  for (const auto& c : clusters) {
    EXPECT_EQ(c.document_count, 2) << c.source << " " << c.target << " " << c.code;
    EXPECT_EQ(c.documents, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(c.mentions % 2, 0);
  }
}

TEST_F(StoreIngest, BadRecordsReportedAndSkipped) {
  const fs::path in = temp_path("bad.jsonl");
  std::ofstream(in, std::ios::binary)
      << "{\"id\":\"good1\",\"date\":\"2025-08-06\",\"text\":\"Russia accused Ukraine on Monday.\"}\n"
      << "{\"id\":\"broken\",\"text\": \n"
      << "{\"id\":\"nodate\",\"date\":\"2025-02-30\",\"text\":\"x\"}\n"
      << "[1,2,3]\n"
      << "{\"id\":\"good2\",\"date\":\"2025-08-07\",\"text\":\"Trump met Putin.\"}\n";
  auto s = Store::open(temp_path("bad.db").string());
  IngestStats stats;
  std::FILE* err = std::tmpfile();
  EXPECT_EQ(parley::ingest::ingest(options({in.string(), temp_path("missing.txt").string()}), *s, stats, err), 1);
  std::rewind(err);
  std::string messages;
  for (int c; (c = std::fgetc(err)) != EOF;) messages += static_cast<char>(c);
  std::fclose(err);
  EXPECT_NE(messages.find("bad.jsonl:2"), std::string::npos) << messages;
  EXPECT_NE(messages.find("missing.txt"), std::string::npos) << messages;
  EXPECT_GE(stats.errors, 3);
  EXPECT_TRUE(s->get_document("good1").has_value());
  EXPECT_TRUE(s->get_document("good2").has_value());
  EXPECT_FALSE(s->get_document("broken").has_value());
  EXPECT_EQ(s->integrity_check(), "ok");
}

TEST_F(StoreIngest, ThreadsAndBatchesGiveTheSameStore) {
  const fs::path in = temp_path("many.jsonl");
  {
    std::ofstream out(in);
    const char* texts[] = {"Russia accused Ukraine on Monday.", "Trump met Putin in Alaska.",
                           "China criticised Japan.", "Witkoff was greeted by Kirill Dmitriev."};
    for (int i = 0; i < 40; ++i)
      out << "{\"id\":\"d" << i << "\",\"date\":\"2025-08-0" << (1 + i % 9) << "\",\"text\":\"" << texts[i % 4]
          << "\"}\n";
  }
  auto one = Store::open(temp_path("t1.db").string());
  auto two = Store::open(temp_path("t2.db").string());
  IngestStats s1, s2;
  IngestOptions o1 = options({in.string()}), o2 = o1;
  o1.batch = 1;
  o2.threads = 2;
  o2.batch = 7;
  ASSERT_EQ(parley::ingest::ingest(o1, *one, s1, stderr), 0);
  ASSERT_EQ(parley::ingest::ingest(o2, *two, s2, stderr), 0);
  EXPECT_EQ(one->counts(), two->counts());
  EXPECT_EQ(one->counts().documents, 40);
  for (int i = 0; i < 40; ++i) {
    const std::string id = std::string("d").append(std::to_string(i));
    EXPECT_EQ(one->get_document(id), two->get_document(id)) << id;
  }
}
