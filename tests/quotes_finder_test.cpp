// Quotation shapes, one by one, on sentences coded by the real pipeline:
// attribution after and before the quote, speakers after the verb with
// titles, appositives, pronouns, continued quotes, quotes that span
// sentences, scare quotes, headlines, and broken or missing marks.
#include <gtest/gtest.h>

#include <string>

#include "quotes_fixture.h"

namespace parley {
namespace {

using testing_support::CodedText;

class QuoteFinderTest : public testing_support::CodedTextTest {
 protected:
  static std::string text_of(const CodedText& c, size_t i) { return std::string(c.quotes.at(i).text(c.doc)); }
};

TEST_F(QuoteFinderTest, TrailingNameThenVerbWithStraightQuotes) {
  const CodedText c = code("\"We will not retreat,\" Lavrov said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(text_of(c, 0), "We will not retreat");
  EXPECT_EQ(c.quotes[0].speaker, "Lavrov");
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
  EXPECT_EQ(c.quotes[0].attribution, Attribution::kTrailing);
  EXPECT_EQ(c.tokens(c.quotes[0].speech_verb, c.quotes[0].speech_verb + 1), "said");
}

TEST_F(QuoteFinderTest, TrailingVerbThenSpeakerWithTitle) {
  const CodedText c = code("\"Talks must go on,\" said Foreign Minister Sergei Lavrov.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(text_of(c, 0), "Talks must go on");
  EXPECT_EQ(c.quotes[0].speaker, "Foreign Minister Sergei Lavrov");
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
}

TEST_F(QuoteFinderTest, TrailingSpeakerWithAppositive) {
  const CodedText c = code("“We are ready,” Sergei Lavrov, Russia's foreign minister, said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker, "Sergei Lavrov, Russia's foreign minister");
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
}

// A speaker phrase with "of/for/at/from/with NP" after its head, on both sides
// of the quotation; a bare country in it gives a title without one its
// country.
TEST_F(QuoteFinderTest, SpeakerWithAPrepositionalPostmodifier) {
  struct Case {
    const char* text;
    const char* speaker;
    const char* code;
    Attribution attribution;
  };
  const Case cases[] = {
      {"\"The border stays shut,\" the interior minister of Hungary said on Friday.",
       "the interior minister of Hungary", "HUNGOV", Attribution::kTrailing},
      {"\"No troops will leave,\" said the defence minister of Poland.", "the defence minister of Poland", "POLGOV",
       Attribution::kTrailing},
      {"\"We expect an answer,\" the minister of trade of Japan told reporters.",
       "the minister of trade of Japan", "JPNGOV", Attribution::kTrailing},
      {"The foreign minister of Chile said: \"The treaty is dead.\"", "The foreign minister of Chile", "CHLGOV",
       Attribution::kLeading},
  };
  for (const Case& k : cases) {
    const CodedText c = code(k.text);
    ASSERT_EQ(c.quotes.size(), 1u) << k.text;
    EXPECT_EQ(c.quotes[0].speaker, k.speaker) << k.text;
    EXPECT_EQ(c.quotes[0].speaker_code, k.code) << k.text;
    EXPECT_EQ(c.quotes[0].attribution, k.attribution) << k.text;
  }
  // A preposition that is no postmodifier of the speaker ends the phrase.
  const CodedText c = code("\"We will wait,\" the envoy to Iran said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_NE(c.quotes[0].speaker, "the envoy to Iran");
}

TEST_F(QuoteFinderTest, LeadingColon) {
  const CodedText c = code("Zelensky told parliament on Tuesday: “We will rebuild every city.”");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(text_of(c, 0), "We will rebuild every city.");
  EXPECT_EQ(c.quotes[0].speaker, "Zelensky");
  EXPECT_EQ(c.quotes[0].speaker_code, "UKRGOV");
  EXPECT_EQ(c.quotes[0].attribution, Attribution::kLeading);
}

TEST_F(QuoteFinderTest, LeadingCommaAfterTheSpeechVerb) {
  const CodedText c = code("Lavrov said, “We will not retreat.”");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker, "Lavrov");
  EXPECT_EQ(c.quotes[0].attribution, Attribution::kLeading);
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
}

TEST_F(QuoteFinderTest, ColonAfterANonSpeechVerbNamesNobody) {
  // A quote that stands alone but whose colon clause is not speech: kept, no speaker.
  const CodedText c = code("Analysts see the meeting as a last chance: “Nothing will change.”");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].attribution, Attribution::kNone);
  EXPECT_TRUE(c.quotes[0].speaker.empty());
  EXPECT_EQ(c.quotes[0].speaker_begin, -1);
  EXPECT_TRUE(c.quotes[0].speaker_code.empty());
}

TEST_F(QuoteFinderTest, SecondQuoteWithoutSpeakerContinuesThePrevious) {
  const CodedText c = code("“The talks were useful,” said Foreign Minister Sergei Lavrov. “We will meet again.”");
  ASSERT_EQ(c.quotes.size(), 2u);
  EXPECT_EQ(c.quotes[1].attribution, Attribution::kContinued);
  EXPECT_EQ(c.quotes[1].speaker, c.quotes[0].speaker);
  EXPECT_EQ(c.quotes[1].speaker_code, "RUSGOV");
  EXPECT_EQ(c.quotes[1].speaker_begin, c.quotes[0].speaker_begin);
}

TEST_F(QuoteFinderTest, ContinuationDoesNotReachOverOtherSentences) {
  const CodedText c = code(
      "“The talks were useful,” Lavrov said. The delegations left at noon. Markets rose in the afternoon. "
      "“Nothing will change.”");
  ASSERT_EQ(c.quotes.size(), 2u);
  EXPECT_EQ(c.quotes[1].attribution, Attribution::kNone);
  EXPECT_TRUE(c.quotes[1].speaker_code.empty());
}

TEST_F(QuoteFinderTest, QuoteSplitAroundTheAttribution) {
  const CodedText c = code("“We are ready,” he said, “to talk at any time.”");
  ASSERT_EQ(c.quotes.size(), 2u);
  EXPECT_EQ(c.quotes[0].speaker, "he");
  EXPECT_EQ(c.quotes[0].attribution, Attribution::kTrailing);
  EXPECT_EQ(text_of(c, 1), "to talk at any time.");
  EXPECT_EQ(c.quotes[1].speaker, "he");
  EXPECT_EQ(c.quotes[1].attribution, Attribution::kLeading);
}

TEST_F(QuoteFinderTest, PronounTakesThePreviousSpeakersCode) {
  const CodedText c = code("“The talks were useful,” Lavrov said. “We will be back,” he added.");
  ASSERT_EQ(c.quotes.size(), 2u);
  EXPECT_EQ(c.quotes[1].speaker, "he");
  EXPECT_EQ(c.quotes[1].speaker_code, "RUSGOV");
  EXPECT_EQ(c.quotes[1].attribution, Attribution::kTrailing);
}

TEST_F(QuoteFinderTest, PronounWithNoEarlierSpeakerHasNoCode) {
  const CodedText c = code("“We will be back,” she said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker, "she");
  EXPECT_TRUE(c.quotes[0].speaker_code.empty());
}

TEST_F(QuoteFinderTest, UnknownNameTakesTheCodeOfItsEarlierAppositive) {
  const CodedText c = code("Ivan Petrov, a Kremlin spokesman, spoke on Monday. “No deal,” Petrov said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker, "Petrov");
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
}

TEST_F(QuoteFinderTest, UnknownNameNobodyDescribesHasNoCode) {
  const CodedText c = code("“No deal,” Petrov said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker, "Petrov");
  EXPECT_TRUE(c.quotes[0].speaker_code.empty());
}

TEST_F(QuoteFinderTest, QuotationSpanningSeveralSentences) {
  // Longer than the splitter holds a quotation together, so it is cut into
  // sentences; the quote still runs from the first mark to the last.
  std::string inner;
  for (int i = 0; i < 8; ++i) inner += "We discussed the security of the border region and the return of prisoners at length. ";
  inner += "We will meet again";
  const CodedText c = code("“" + inner + ",” Zelensky told reporters.");
  ASSERT_GT(c.doc.sentences.size(), 1u);
  ASSERT_EQ(c.quotes.size(), 1u);
  const Quote& q = c.quotes[0];
  EXPECT_EQ(q.sentence, 0u);
  EXPECT_GT(q.last_sentence, q.sentence);
  EXPECT_EQ(text_of(c, 0), inner);
  EXPECT_EQ(q.speaker, "Zelensky");
  EXPECT_EQ(q.speaker_code, "UKRGOV");
}

TEST_F(QuoteFinderTest, ScareQuotesAreNotQuotes) {
  const CodedText c = code(
      "Russia called the proposal “unacceptable” and left. Both sides exchanged diplomatic “signals” on Ukraine. "
      "Ushakov described the session as “very useful and constructive,” noting that talks would go on.");
  EXPECT_TRUE(c.quotes.empty());
}

TEST_F(QuoteFinderTest, QuotedHeadlineFragmentIsNotAQuote) {
  const CodedText c = code("“Useful and Constructive” Dialogue, Kremlin Says\nThe talks ended.");
  EXPECT_TRUE(c.quotes.empty());
}

TEST_F(QuoteFinderTest, GuillemetsCount) {
  const CodedText c = code("«We will not retreat,» Lavrov said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
}

TEST_F(QuoteFinderTest, UnclosedQuoteEndsWithItsParagraph) {
  const CodedText c = code("Lavrov said: “We will never accept this.\nThe talks ended on Friday.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_FALSE(c.quotes[0].closed);
  EXPECT_EQ(text_of(c, 0), "We will never accept this.");
  EXPECT_EQ(c.quotes[0].speaker, "Lavrov");
}

TEST_F(QuoteFinderTest, NoQuotesNoRecords) {
  const CodedText c = code("Russia accused Ukraine on Monday. Talks will resume in Geneva.");
  EXPECT_TRUE(c.quotes.empty());
  EXPECT_TRUE(code("").quotes.empty());
}

TEST_F(QuoteFinderTest, StrayAndEmptyMarksProduceNothing) {
  EXPECT_TRUE(code("”Russia accused Ukraine.”").quotes.empty());  // closing marks with none open
  EXPECT_TRUE(code("“” Lavrov said.").quotes.empty());
  EXPECT_TRUE(code("\" \" \"").quotes.empty());
  EXPECT_TRUE(code("“").quotes.empty());
}

TEST_F(QuoteFinderTest, EveryShortMixOfMarksKeepsSpansInBounds) {
  // All sequences of three pieces from marks, words, colons and breaks: no
  // crash, and every record's spans lie inside the document.
  const std::vector<std::string> pieces = {"“", "”", "\"", ":", ",", "\n", " Lavrov said", " We won.", "«", "»"};
  for (const auto& a : pieces)
    for (const auto& b : pieces)
      for (const auto& d : pieces) {
        const std::string text = a + b + d + a;
        const CodedText c = code(text);
        for (const Quote& q : c.quotes) {
          EXPECT_LE(q.text_begin, q.text_end) << text;
          EXPECT_LE(q.text_end, c.doc.text.size()) << text;
          EXPECT_LT(q.token_begin, q.token_end) << text;
          EXPECT_LE(q.token_end, c.doc.tokens.size()) << text;
          EXPECT_LE(q.sentence, q.last_sentence) << text;
          EXPECT_LT(q.last_sentence, c.doc.sentences.size()) << text;
          if (q.speaker_begin >= 0) {
            EXPECT_LT(q.speaker_begin, q.speaker_end) << text;
            EXPECT_LE(static_cast<size_t>(q.speaker_end), c.doc.tokens.size()) << text;
          }
        }
      }
}

TEST_F(QuoteFinderTest, InvalidUtf8InsideAQuoteIsHarmless) {
  const CodedText c = code("“We will \xFF\xFE not retreat,” Lavrov said.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].speaker_code, "RUSGOV");
}

TEST_F(QuoteFinderTest, SpeechVerbsByLemma) {
  const CodedText c = code("Lavrov said it. Lavrov tells them. Lavrov shared it. Lavrov thinks so.");
  const QuoteFinder finder(lexicon());
  std::vector<std::string> speech;
  for (const Token& t : c.doc.tokens)
    if (finder.is_speech_verb(c.doc, t)) speech.emplace_back(c.doc.text_of(t));
  EXPECT_EQ(speech, (std::vector<std::string>{"said", "tells", "shared"}));
  EXPECT_TRUE(is_speech_lemma("SAY"));
  EXPECT_TRUE(is_speech_lemma("WARN"));
  EXPECT_FALSE(is_speech_lemma("THINK"));
  EXPECT_FALSE(is_speech_lemma(""));
}

TEST_F(QuoteFinderTest, AppendsWithoutClearing) {
  const CodedText c = code("“No deal,” Lavrov said.");
  std::vector<Quote> out(1);
  QuoteFinder(lexicon()).find(c.doc, c.actors, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].speaker, "Lavrov");
  // A shorter actor vector is allowed: no codes, same quotes.
  std::vector<Quote> bare;
  QuoteFinder(lexicon()).find(c.doc, {}, bare);
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(bare[0].speaker, "Lavrov");
  EXPECT_TRUE(bare[0].speaker_code.empty());
}

}  // namespace
}  // namespace parley
