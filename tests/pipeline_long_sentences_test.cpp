// Issue 12, defect 4: coding time grew with the square of sentence length
// (an 800 KB "sentence" took 40 s).  Overlong sentences are cut at
// kMaxSentenceTokens; these tests check the cut and that coding time now
// grows linearly, on parley's default dictionaries.  Time is CPU time of
// this thread, compared between two sizes, so a busy machine does not make
// the test flaky; the absolute figures are in bench/long_sentence.sh.
#include <gtest/gtest.h>

#include <time.h>

#include <string>

#include "pipeline/engine.h"
#include "pipeline/long_sentences.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley {
namespace {

class LongSentenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = new Engine(test::engine_config(test::source_data_path("dict"))); }
  static void TearDownTestSuite() { delete engine_; }

  static std::string unpunctuated(size_t bytes, const std::string& phrase) {
    std::string text;
    while (text.size() < bytes) text += phrase;
    return text;
  }

  // CPU seconds this thread spends coding `text`.
  double cpu_seconds_to_code(Worker& w, const std::string& text) {
    timespec a{}, b{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    w.code("long", 20250806, text, false, out_);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    return static_cast<double>(b.tv_sec - a.tv_sec) + static_cast<double>(b.tv_nsec - a.tv_nsec) * 1e-9;
  }

  static inline Engine* engine_ = nullptr;
  CodedDocument out_;
};

const std::string kPhrase = "Russia accused Ukraine of shelling the town and the ministers in Kyiv criticized Moscow and ";

TEST_F(LongSentenceTest, OverlongSentencesAreCutIntoPiecesOfAtMostTheLimit) {
  Worker w(*engine_);
  // No comma: cut at exactly the limit.  Then a normal sentence.
  const std::string text = unpunctuated(40000, kPhrase) + ". France met Russia.";
  w.code("cut", 20250806, text, false, out_);
  const Doc& doc = w.doc();
  ASSERT_GE(doc.sentences.size(), 4u);
  uint32_t expect_token = 0;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    EXPECT_EQ(s.token_begin, expect_token) << "pieces are contiguous";
    EXPECT_LE(s.token_end - s.token_begin, kMaxSentenceTokens);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) ASSERT_EQ(doc.tokens[t].sentence, i);
    EXPECT_LE(s.begin, doc.tokens[s.token_begin].begin);
    EXPECT_GE(s.end, doc.tokens[s.token_end - 1].end);
    expect_token = s.token_end;
  }
  EXPECT_EQ(expect_token, doc.tokens.size());
  EXPECT_EQ(doc.sentences[0].token_end - doc.sentences[0].token_begin, kMaxSentenceTokens);
  // The short sentence after it is untouched and still codes.
  const Sentence& last = doc.sentences.back();
  EXPECT_EQ(std::string_view(doc.text).substr(last.begin, last.end - last.begin), "France met Russia.");
  ASSERT_FALSE(out_.events.empty());
  EXPECT_EQ(out_.events.back().sentence, doc.sentences.size() - 1);
}

TEST_F(LongSentenceTest, CutsFallAfterACommaWhenThereIsOne) {
  Worker w(*engine_);
  w.code("commas", 20250806, unpunctuated(40000, "Russia accused Ukraine of shelling the town, and "), false, out_);
  const Doc& doc = w.doc();
  ASSERT_GE(doc.sentences.size(), 4u);
  for (size_t i = 0; i + 1 < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    EXPECT_EQ(doc.text_of(doc.tokens[s.token_end - 1]), ",") << "piece " << i;
    EXPECT_GT(s.token_end - s.token_begin, kMaxSentenceTokens / 2);
  }
}

TEST_F(LongSentenceTest, ShortSentencesAreLeftAlone) {
  Doc doc;
  doc.text = "a b";
  doc.tokens.resize(2);
  doc.tokens[1].begin = 2;
  doc.tokens[1].end = 3;
  doc.tokens[0].end = 1;
  doc.sentences.push_back(Sentence{0, 3, 0, 2, 0, 0});
  EXPECT_EQ(split_long_sentences(doc, 2), 0u);
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(split_long_sentences(doc, 1), 1u);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[1].begin, 2u);
  EXPECT_EQ(doc.tokens[1].sentence, 1u);
}

TEST_F(LongSentenceTest, CodingTimeGrowsLinearlyWithSentenceLength) {
  Worker w(*engine_);
  cpu_seconds_to_code(w, unpunctuated(20000, kPhrase));  // warm up the worker's buffers
  const double small = cpu_seconds_to_code(w, unpunctuated(100 << 10, kPhrase));
  const size_t small_events = out_.events.size();
  const double large = cpu_seconds_to_code(w, unpunctuated(800 << 10, kPhrase));
  const size_t large_events = out_.events.size();
  // 8 times the text: about 8 times the work when linear, 64 times when
  // quadratic (as it was).  Allow for noise.
  EXPECT_LT(large, 20 * small + 0.5) << "100 KB: " << small << " s, 800 KB: " << large << " s";
  // Events are found all along the text, not only at its start.
  EXPECT_GT(large_events, 4 * small_events) << small_events << " vs " << large_events;
}

}  // namespace
}  // namespace parley
