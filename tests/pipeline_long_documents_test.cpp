// Issue 12, point 5: a 50 MB record took 1.5 GB (a Doc costs some 30 bytes
// per byte of text).  Worker::code_in_pieces codes a long record in pieces of
// about Worker::kPieceBytes; these tests check that the pieces write the same
// records as the record coded whole, with offsets and sentence numbers that
// refer to the whole record, and that no sentence is split by a cut.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/json_writer.h"
#include "pipeline/coded_json.h"
#include "pipeline/engine.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley {
namespace {

class LongDocumentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = new Engine(test::engine_config(test::source_data_path("dict"))); }
  static void TearDownTestSuite() { delete engine_; }

  // Paragraphs of this test's own sentences, varied by a fixed sequence, up
  // to `bytes`: events, quotes, places and dates in every paragraph.
  static std::string paragraphs(size_t bytes) {
    static const char* const kSides[] = {"Russia", "Ukraine", "France", "Germany", "China", "Iran", "Egypt", "Poland"};
    static const char* const kPlaces[] = {"Moscow", "Kyiv", "Paris", "Berlin", "Cairo", "Warsaw"};
    std::string text = "MOSCOW, Aug 6 (Reuters) - ";
    for (uint32_t n = 0; text.size() < bytes; ++n) {
      const std::string a = kSides[n % 8], b = kSides[(n + 1 + (n / 8) % 7) % 8];  // never a
      const std::string place = kPlaces[n % 6];
      text += a + " accused " + b + " of shelling villages near the border on Monday. ";
      text += "\"We will not accept this,\" the foreign minister of " + b + " told reporters in " + place + ". ";
      text += a + " and " + b + " signed a trade agreement in " + place + " on Aug. 5. ";
      text += a + " gave " + b + " until Friday to withdraw its troops.\n\n";
    }
    return text;
  }

  // The record's JSON Lines coded whole, and coded in pieces (with the
  // pieces' texts and sentence counts).
  std::string whole_json(const std::string& text) {
    Worker w(*engine_);
    CodedDocument out;
    EXPECT_TRUE(w.code("long", 20250806, text, false, out));
    io::JsonWriter json;
    write_coded_json(json, w.doc(), engine_->dicts(), out, {});
    whole_sentences_ = w.doc().sentences;
    return json.data();
  }

  std::string pieces_json(std::string text) {
    Worker w(*engine_);
    CodedDocument out;
    io::JsonWriter events, quotes, deadlines;
    pieces_.clear();
    const bool done = w.code_in_pieces("long", 20250806, text, out, [&](bool last) {
      const Doc& d = w.doc();
      pieces_.push_back(Piece{d.text_base, d.sentence_base, d.text, d.sentences, last, out.story_discarded});
      write_coded_events(events, d, engine_->dicts(), out, {});
      write_coded_quotes(quotes, d, out, {});
      write_coded_deadlines(deadlines, d, out, {});
    });
    EXPECT_TRUE(done);
    return events.data() + quotes.data() + deadlines.data();
  }

  struct Piece {
    uint32_t text_base, sentence_base;
    std::string text;
    std::vector<Sentence> sentences;
    bool last, story_discarded;
  };
  static inline Engine* engine_ = nullptr;
  std::vector<Piece> pieces_;
  std::vector<Sentence> whole_sentences_;
};

TEST_F(LongDocumentTest, PiecesWriteTheSameRecordsAsTheWholeRecord) {
  const std::string text = paragraphs(3 * Worker::kPieceBytes + 12345);
  const std::string whole = whole_json(text);
  const std::string pieces = pieces_json(text);
  ASSERT_GE(pieces_.size(), 3u);
  EXPECT_GT(whole.size(), 100000u) << "the text has events to compare";
  EXPECT_NE(whole.find("\"type\":\"quote\""), std::string::npos);
  // Events, then quotes and deadlines, sentence numbers and offsets: line by
  // line, so that a difference shows as the first line that differs.
  size_t at = 0, line = 0;
  while (at < whole.size() && at < pieces.size()) {
    const size_t end_whole = whole.find('\n', at), end_pieces = pieces.find('\n', at);
    ASSERT_EQ(pieces.substr(at, end_pieces - at), whole.substr(at, end_whole - at)) << "line " << line;
    at = end_whole + 1;
    ++line;
  }
  EXPECT_EQ(pieces.size(), whole.size());
}

TEST_F(LongDocumentTest, PiecesCoverTheRecordAndNeverSplitASentence) {
  const std::string text = paragraphs(3 * Worker::kPieceBytes + 777);
  whole_json(text);
  pieces_json(text);
  ASSERT_GE(pieces_.size(), 3u);
  size_t at = 0, sentence = 0;
  for (size_t p = 0; p < pieces_.size(); ++p) {
    const Piece& piece = pieces_[p];
    EXPECT_EQ(piece.text_base, at) << "piece " << p << " starts where the one before ended";
    EXPECT_EQ(piece.sentence_base, sentence);
    EXPECT_EQ(piece.last, p + 1 == pieces_.size());
    EXPECT_LE(piece.text.size(), Worker::kPieceBytes + Worker::kPieceBytes / 2);
    EXPECT_EQ(piece.text, text.substr(at, piece.text.size()));
    // Each piece's sentences are the whole record's, moved by the piece's base.
    for (const Sentence& s : piece.sentences) {
      ASSERT_LT(sentence, whole_sentences_.size());
      EXPECT_EQ(s.begin + piece.text_base, whole_sentences_[sentence].begin) << "sentence " << sentence;
      EXPECT_EQ(s.end + piece.text_base, whole_sentences_[sentence].end) << "sentence " << sentence;
      ++sentence;
    }
    // Cut after a blank line: the next piece starts a paragraph.
    if (!piece.last) {
      EXPECT_EQ(text.substr(at + piece.text.size() - 2, 2), "\n\n") << "piece " << p;
    }
    at += piece.text.size();
  }
  EXPECT_EQ(at, text.size());
  EXPECT_EQ(sentence, whole_sentences_.size());
}

TEST_F(LongDocumentTest, AWholeStoryDiscardInTheLastPieceDropsEveryPiece) {
  // parley.discards.txt discards a whole story that names a football league.
  std::string text = paragraphs(2 * Worker::kPieceBytes + 5000);
  text += "The match in the Premier League ended in a draw.\n";
  EXPECT_EQ(whole_json(text), "");
  EXPECT_EQ(pieces_json(text), "");
  ASSERT_GE(pieces_.size(), 2u);
  for (const Piece& p : pieces_) EXPECT_TRUE(p.story_discarded);
}

TEST_F(LongDocumentTest, ARecordWithoutSentenceEndsIsCutAtSpacesAndCodedWhole) {
  // No full stop anywhere: pieces are cut at spaces, never inside a word or
  // a UTF-8 sequence, and every byte is coded once.
  std::string text;
  while (text.size() < 3 * Worker::kPieceBytes) text += "Russia criticized Ukraine and the envoys in Kyiv – ";
  pieces_json(text);
  ASSERT_GE(pieces_.size(), 2u);
  size_t at = 0;
  for (const Piece& p : pieces_) {
    EXPECT_EQ(p.text_base, at);
    if (!p.last) {
      EXPECT_EQ(p.text.back(), ' ');
    }
    at += p.text.size();
  }
  EXPECT_EQ(at, text.size());
}

}  // namespace
}  // namespace parley
