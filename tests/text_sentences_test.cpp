#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/sentences.h"
#include "text/utf8.h"
#include "support/paths.h"

namespace {

std::vector<std::string> split(const std::string& text) {
  parley::Doc doc;
  doc.text = text;
  parley::split_sentences(doc);
  std::vector<std::string> out;
  uint32_t prev_end = 0;
  for (const auto& s : doc.sentences) {
    EXPECT_LE(prev_end, s.begin);
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, doc.text.size());
    prev_end = s.end;
    out.emplace_back(doc.text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::string read_shared(const std::string& rel) { return parley::test::read_file(parley::test::shared_path(rel)); }

using V = std::vector<std::string>;

}  // namespace

TEST(Sentences, EmptyAndBlankText) {
  EXPECT_TRUE(split("").empty());
  EXPECT_TRUE(split(" \n\t\r\n  ").empty());
  EXPECT_EQ(split("Hello"), V{"Hello"});
}

TEST(Sentences, PlainPeriodsQuestionsExclamations) {
  EXPECT_EQ(split("Putin met Witkoff. Trump waited!  Will Russia agree? Nobody knows."),
            (V{"Putin met Witkoff.", "Trump waited!", "Will Russia agree?", "Nobody knows."}));
  EXPECT_EQ(split("  Leading and trailing space.  "), V{"Leading and trailing space."});
}

TEST(Sentences, TitlesNeverEndASentence) {
  for (const char* t : {"Gen.", "Sen.", "Rep.", "Mr.", "Mrs.", "Dr.", "Prof.", "Gov.", "Lt.", "Col."}) {
    std::string text = std::string("The talks were led by ") + t + " Smith of Ohio. They ended.";
    EXPECT_EQ(split(text).size(), 2u) << text;
    EXPECT_EQ(split(text)[0], std::string("The talks were led by ") + t + " Smith of Ohio.") << text;
  }
}

TEST(Sentences, GeneralAbbreviationsMidSentence) {
  for (const char* t : {"U.S.", "U.N.", "U.K.", "St.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
                        "Inc.", "Corp.", "Co.", "Ltd.", "vs.", "etc."}) {
    std::string text = std::string("He cited ") + t + " Smith and others in the report. It was long.";
    auto s = split(text);
    ASSERT_EQ(s.size(), 2u) << text;
    EXPECT_EQ(s[1], "It was long.") << text;
  }
  EXPECT_EQ(split("Talks resume Aug. 6 in Geneva. Both sides agreed.").size(), 2u);
  EXPECT_EQ(split("Acme Corp. and Beta Co. signed. Shares rose.").size(), 2u);
  EXPECT_EQ(split("They sold apples, pears, etc. and other fruit.").size(), 1u);
}

TEST(Sentences, NumberAbbreviation) {
  EXPECT_EQ(split("He is the No. 2 official in the party. He resigned.").size(), 2u);
  // "no." is an ordinary word when no number follows.
  EXPECT_EQ(split("The answer was no. Talks failed."), (V{"The answer was no.", "Talks failed."}));
}

TEST(Sentences, AbbreviationBeforeClearSentenceStart) {
  EXPECT_EQ(split("The envoy flew to the U.S. The president said he would meet him."),
            (V{"The envoy flew to the U.S.", "The president said he would meet him."}));
  EXPECT_EQ(split("He met the U.S. President on Monday.").size(), 1u);
  EXPECT_EQ(split("Shares of Acme Inc. But analysts doubted it.").size(), 2u);
  EXPECT_EQ(split("The meeting is at 5 p.m. He will attend.").size(), 2u);
}

TEST(Sentences, Initials) {
  EXPECT_EQ(split("George W. Bush met J.K. Rowling in London. They talked.").size(), 2u);
  EXPECT_EQ(split("George W. Bush met J.K. Rowling in London. They talked.")[0],
            "George W. Bush met J.K. Rowling in London.");
  EXPECT_EQ(split("Officials named H. R. McMaster. He accepted.").size(), 2u);
}

TEST(Sentences, DecimalsAndNumbers) {
  EXPECT_EQ(split("Arnor signed an accord on Thursday to supply Gondor with some 50,000 tonnes of wheat, worth "
                  "11.8 million ducats. The deal was new.")
                .size(),
            2u);
  EXPECT_EQ(split("Inflation hit 3.5 percent in 1990. It fell in 1991.").size(), 2u);
  EXPECT_EQ(split("Version 2.0.1 shipped.").size(), 1u);
}

TEST(Sentences, Quotations) {
  EXPECT_EQ(split("He said \"Go.\" Then he left."), (V{"He said \"Go.\"", "Then he left."}));
  EXPECT_EQ(split("He said “Go.” Then he left."), (V{"He said “Go.”", "Then he left."}));
  EXPECT_EQ(split("She called it ‘a mistake.’ Nobody replied."), (V{"She called it ‘a mistake.’", "Nobody replied."}));
  // Sentences inside one quotation stay with their speaker.
  EXPECT_EQ(split("“We are ready. We will go,” he said. Then he left."),
            (V{"“We are ready. We will go,” he said.", "Then he left."}));
  EXPECT_EQ(split("\"We are ready. We will go,\" he said. Then he left.").size(), 2u);
  // An unclosed quote does not swallow the rest of a long paragraph forever.
  std::string unclosed = "He said \"this never closes. ";
  for (int i = 0; i < 40; ++i) unclosed += "Another sentence follows here. ";
  EXPECT_GT(split(unclosed).size(), 10u);
}

TEST(Sentences, TexStyleQuotesOpenAndClose) {
  // Two apostrophes close a quotation opened by " or ``: the sentences after
  // it are not held together as if the quotation were still open.
  EXPECT_EQ(split("They called it a \"fact'' that \"all agree''. This is far from it. There remains the West."),
            (V{"They called it a \"fact'' that \"all agree''.", "This is far from it.", "There remains the West."}));
  EXPECT_EQ(split("``We left. They stayed,'' he said. Then he left."),
            (V{"``We left. They stayed,'' he said.", "Then he left."}));
  // One apostrophe is not a quote.
  EXPECT_EQ(split("The workers' union struck. It's over."), (V{"The workers' union struck.", "It's over."}));
}

TEST(Sentences, Brackets) {
  EXPECT_EQ(split("Talks ended (as expected.) Both sides left.").size(), 2u);
}

TEST(Sentences, Ellipses) {
  EXPECT_EQ(split("He paused... Then he spoke."), (V{"He paused...", "Then he spoke."}));
  EXPECT_EQ(split("He paused… Then he spoke.").size(), 2u);
  EXPECT_EQ(split("He said that ... Russia would wait.").size(), 1u);
  EXPECT_EQ(split("We hoped... and waited.").size(), 1u);
}

TEST(Sentences, Dashes) {
  EXPECT_EQ(split("Trump—who threatened sanctions—waited. Putin – calm – replied.").size(), 2u);
  EXPECT_EQ(split("Talks -- long delayed -- resumed.").size(), 1u);
}

TEST(Sentences, HeadlinesAndBlankLines) {
  EXPECT_EQ(split("Strategic Context: Peace or Sanctions\nWitkoff’s visit marks his fifth to Russia."),
            (V{"Strategic Context: Peace or Sanctions", "Witkoff’s visit marks his fifth to Russia."}));
  EXPECT_EQ(split("first paragraph without a period\n\nsecond paragraph"),
            (V{"first paragraph without a period", "second paragraph"}));
  EXPECT_EQ(split("Standoff or Starved Diplomacy?\nWhile Russia waits, others act.").size(), 2u);
  EXPECT_EQ(split("Title\r\n\r\nBody text here.").size(), 2u);
  // A long Title Cased line is a headline too.
  EXPECT_EQ(split("Kremlin Says Putin and Witkoff Discussed Ukraine Peace Proposals During Lengthy Moscow Talks\n"
                  "The meeting lasted three hours.")
                .size(),
            2u);
}

TEST(Sentences, WrappedProseIsOneSentence) {
  EXPECT_EQ(split("Arnor is about to restore full diplomatic ties with Gondor almost \nfive years after crowds "
                  "trashed its embassy.")
                .size(),
            1u);
  // Short line, next line capitalised, but the line ends on a preposition.
  EXPECT_EQ(split("Dagolath's first Deputy Prime Minister Telemar left for \nMinas Tirith on Wednesday for "
                  "meetings, the agency reported. \n")
                .size(),
            1u);
  // Long line (wrapped at ~75 columns), next line capitalised.
  EXPECT_EQ(split("Brazil and the United States are seeking to deepen a partnership in energy, \nespecially by "
                  "promoting biofuels and other alternatives to oil, US Deputy \nSecretary of Energy Jeffrey "
                  "Kupfer said here Wednesday. \n")
                .size(),
            1u);
  EXPECT_EQ(split("The envoy arrived\nin Moscow on Monday.").size(), 1u);
  EXPECT_EQ(split("officials said:\n“We are ready.”").size(), 2u);
}

TEST(Sentences, ExampleArticle) {
  std::string text = read_shared("examples/kremlin-witkoff-2025-08-06.txt");
  ASSERT_FALSE(text.empty()) << "example article missing";
  auto s = split(text);
  ASSERT_EQ(s.size(), 21u);
  EXPECT_EQ(s[0].substr(0, 42), "Russian President Vladimir Putin met in th");
  EXPECT_EQ(s[1], "“Useful and Constructive” Dialogue, Kremlin Says");
  EXPECT_EQ(s[4],
            "“On our part, in particular on the Ukrainian issue, some signals were transmitted. Corresponding "
            "signals were also received from President Trump,” Ushakov said.");
  EXPECT_EQ(s[5], "Strategic Context: Peace or Sanctions");
  EXPECT_EQ(s[9], "Moratorium on Airstrikes Considered");
  EXPECT_EQ(s[12], "Standoff or Starved Diplomacy?");
  EXPECT_EQ(s[15], "“I don’t think there will be any compromise beyond what Russia has already demanded.”");
  EXPECT_EQ(s[17], "Diplomatic Welcomes and Symbolic Walks");
  EXPECT_EQ(s[20], "Dmitriev later shared on social media: “Dialogue will prevail.”");
}

TEST(Sentences, PetrarchValidationTextsAreOneSentenceEach) {
  std::string xml = read_shared("petrarch/validation/PETR.UnitTest.records.xml");
  ASSERT_FALSE(xml.empty());
  size_t pos = 0;
  int texts = 0;
  while ((pos = xml.find("<Text>", pos)) != std::string::npos) {
    size_t end = xml.find("</Text>", pos);
    ASSERT_NE(end, std::string::npos);
    std::string text = xml.substr(pos + 6, end - pos - 6);
    pos = end;
    ++texts;
    EXPECT_EQ(split(text).size(), 1u) << text;
  }
  EXPECT_GT(texts, 200);
}

TEST(Sentences, InvalidUtf8AndNulBytesDoNotCrash) {
  static const char kRaw[] = "Putin\0 met \xFF\xFE Witkoff. \xC3 Talks\x80 ended.\xE2\x80";
  std::string text(kRaw, sizeof(kRaw) - 1);
  auto raw = split(text);  // unrepaired text is still split safely
  EXPECT_EQ(raw.size(), 2u);
  std::string repaired = text;
  EXPECT_GT(parley::repair_utf8(repaired), 0u);
  EXPECT_EQ(split(repaired).size(), 2u);
}

TEST(Sentences, TenMegabyteSingleLine) {
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += "The U.S. envoy met Gen. Smith on Aug. 6 and talks lasted 3.5 hours. ";
  parley::Doc doc;
  doc.text = text;
  parley::split_sentences(doc);
  size_t expected = text.size() / 68;
  EXPECT_NEAR(static_cast<double>(doc.sentences.size()), static_cast<double>(expected), 2.0);
}

TEST(Sentences, HugeRunWithoutSpacesOrPeriodsIsLinear) {
  std::string text(10u << 20, 'a');
  for (size_t i = 1; i < text.size(); i += 2) text[i] = '.';  // a.a.a.a. ...
  auto s = split(text);
  EXPECT_EQ(s.size(), 1u);
}
