// The example article end to end: exactly its four direct quotations, with
// their speakers (Ushakov, Mangott twice, Dmitriev); the scare quotes and
// the quoted headline are not quotes.
#include <gtest/gtest.h>

#include "quotes_fixture.h"
#include "support/paths.h"

namespace parley {
namespace {

using testing_support::CodedText;

class ExampleQuotesTest : public testing_support::CodedTextTest {
 protected:
  void SetUp() override {
    const std::string text = test::read_file(test::example_article());
    ASSERT_FALSE(text.empty());
    coded_ = code(text, 20250806);
  }
  CodedText coded_;
};

TEST_F(ExampleQuotesTest, FindsExactlyTheFourQuotations) {
  const auto& q = coded_.quotes;
  ASSERT_EQ(q.size(), 4u);
  EXPECT_TRUE(q[0].text(coded_.doc).starts_with("On our part, in particular on the Ukrainian issue"));
  EXPECT_TRUE(q[0].text(coded_.doc).ends_with("received from President Trump"));  // the comma is the attribution's
  EXPECT_TRUE(q[1].text(coded_.doc).starts_with("The visit of Witkoff is a last-ditch effort"));
  EXPECT_TRUE(q[2].text(coded_.doc).starts_with("I don’t think there will be any compromise"));
  EXPECT_TRUE(q[2].text(coded_.doc).ends_with("already demanded."));
  EXPECT_EQ(q[3].text(coded_.doc), "Dialogue will prevail.");
}

TEST_F(ExampleQuotesTest, SpeakersAndTheirCodes) {
  const auto& q = coded_.quotes;
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].speaker, "Ushakov");
  EXPECT_EQ(q[0].speaker_code, "RUSGOV");
  EXPECT_EQ(q[0].attribution, Attribution::kTrailing);
  EXPECT_EQ(coded_.tokens(q[0].speech_verb, q[0].speech_verb + 1), "said");

  EXPECT_EQ(q[1].speaker, "geopolitical analyst Gerhard Mangott");
  EXPECT_EQ(q[1].speaker_code, "---EDU");
  EXPECT_EQ(q[1].attribution, Attribution::kTrailing);

  EXPECT_EQ(q[2].speaker, "geopolitical analyst Gerhard Mangott");
  EXPECT_EQ(q[2].speaker_code, "---EDU");
  EXPECT_EQ(q[2].attribution, Attribution::kContinued);
  EXPECT_EQ(q[2].speaker_begin, q[1].speaker_begin);

  EXPECT_EQ(q[3].speaker, "Dmitriev");
  EXPECT_EQ(q[3].speaker_code, "RUSGOV");
  EXPECT_EQ(q[3].attribution, Attribution::kLeading);
  EXPECT_EQ(coded_.tokens(q[3].speech_verb, q[3].speech_verb + 1), "shared");
}

TEST_F(ExampleQuotesTest, SpansAgreeWithTheText) {
  for (const Quote& q : coded_.quotes) {
    ASSERT_LT(q.token_begin, q.token_end);
    ASSERT_LE(q.token_end, coded_.doc.tokens.size());
    EXPECT_TRUE(q.closed);
    // The byte span lies inside the token span, marks excluded.
    EXPECT_GE(q.text_begin, coded_.doc.tokens[q.token_begin].begin);
    EXPECT_LE(q.text_end, coded_.doc.tokens[q.token_end - 1].end);
    EXPECT_EQ(coded_.doc.tokens[q.token_begin - 1].tag, Tag::kQuote);
    EXPECT_EQ(coded_.doc.tokens[q.token_end].tag, Tag::kQuote);
    EXPECT_EQ(q.sentence, coded_.doc.tokens[q.token_begin].sentence);
    EXPECT_EQ(q.sentence, q.last_sentence);
    ASSERT_GE(q.speaker_begin, 0);
    EXPECT_EQ(coded_.tokens(q.speaker_begin, q.speaker_end), q.speaker);
  }
}

TEST_F(ExampleQuotesTest, ScareQuotesAndHeadlineAreNotQuotes) {
  for (const Quote& q : coded_.quotes) {
    const std::string_view t = q.text(coded_.doc);
    EXPECT_NE(t, "signals");
    EXPECT_FALSE(t.starts_with("very useful"));
    EXPECT_FALSE(t.starts_with("Useful and Constructive"));
  }
}

}  // namespace
}  // namespace parley
