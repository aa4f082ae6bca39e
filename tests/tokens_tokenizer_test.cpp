#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dict/dictionary.h"
#include "text/sentences.h"
#include "text/utf8.h"
#include "tokens/tokenizer.h"
#include "support/alloc_counter.h"
#include "support/lexicon.h"
#include "support/paths.h"

using namespace parley;

namespace {

const Lexicon& lexicon() { return test::wordnet_lexicon(); }

struct Tokens {
  Doc doc;
  std::vector<std::string> raw, norm;
  const Token& operator[](size_t i) const { return doc.tokens[i]; }
  size_t find(std::string_view text) const {
    for (size_t i = 0; i < raw.size(); ++i)
      if (raw[i] == text) return i;
    return SIZE_MAX;
  }
};

Tokens tokenize(const std::string& text, const Vocabulary* vocab = nullptr) {
  Tokens r;
  r.doc.text = text;
  split_sentences(r.doc);
  Tokenizer(lexicon(), vocab).tokenize(r.doc);
  for (const Token& t : r.doc.tokens) {
    EXPECT_LE(t.begin, t.end);
    EXPECT_LE(t.end, r.doc.text.size());
    r.raw.emplace_back(r.doc.text_of(t));
    r.norm.emplace_back(r.doc.norm_of(t));
  }
  return r;
}

using V = std::vector<std::string>;

}  // namespace

TEST(Tokenizer, Contractions) {
  Tokens r = tokenize("They didn't agree, won't sign, can't wait and isn't sure; we cannot go.");
  EXPECT_EQ(r.norm, (V{"THEY", "DID", "N'T", "AGREE", ",", "WO", "N'T", "SIGN", ",", "CA", "N'T", "WAIT", "AND", "IS",
                       "N'T", "SURE", ";", "WE", "CAN", "NOT", "GO", "."}));
  EXPECT_EQ(r.raw[1], "did");
  EXPECT_EQ(r.raw[2], "n't");
  EXPECT_TRUE(r[2].flags & kNegation);
  EXPECT_FALSE(r[2].flags & kSpaceBefore);
  EXPECT_TRUE(r[19].flags & kNegation);  // NOT from cannot
  EXPECT_EQ(r[1].verb_form, VerbForm::kPast);
  Tokens curly = tokenize("I don’t think so.");
  EXPECT_EQ(curly.norm, (V{"I", "DO", "N'T", "THINK", "SO", "."}));
  EXPECT_EQ(curly.raw[2], "n’t");
  Tokens other = tokenize("We're sure they'll come and I'm glad you've won; he'd go.");
  EXPECT_EQ(other.norm, (V{"WE", "'RE", "SURE", "THEY", "'LL", "COME", "AND", "I", "'M", "GLAD", "YOU", "'VE", "WON",
                           ";", "HE", "'D", "GO", "."}));
}

TEST(Tokenizer, Possessives) {
  Tokens r = tokenize("Russia's envoy met Russia’s allies and the countries' leaders.");
  EXPECT_EQ(r.norm, (V{"RUSSIA", "'S", "ENVOY", "MET", "RUSSIA", "'S", "ALLIES", "AND", "THE", "COUNTRIES", "'",
                       "LEADERS", "."}));
  EXPECT_TRUE(r[1].flags & kPossessive);
  EXPECT_TRUE(r[5].flags & kPossessive);
  EXPECT_TRUE(r[10].flags & kPossessive);
  EXPECT_FALSE(r[0].flags & kPossessive);
  EXPECT_EQ(r.raw[5], "’s");
  Tokens it = tokenize("It's clear that he's right.");
  EXPECT_EQ(it.norm, (V{"IT", "'S", "CLEAR", "THAT", "HE", "'S", "RIGHT", "."}));
  EXPECT_FALSE(it[1].flags & kPossessive);
  EXPECT_EQ(it[1].pos_bits, kPosAux);
  EXPECT_FALSE(it[5].flags & kPossessive);
}

TEST(Tokenizer, ApostrophesInsideNames) {
  Tokens r = tokenize("O'Brien visited Cote d'Ivoire.");
  EXPECT_EQ(r.norm, (V{"O'BRIEN", "VISITED", "COTE", "D'IVOIRE", "."}));
}

TEST(Tokenizer, HyphensAbbreviationsNumbers) {
  Tokens r = tokenize("The war-torn AL-QAEDA cell in Moscow-controlled areas, anti- and pro-war groups.");
  EXPECT_NE(r.find("war-torn"), SIZE_MAX);
  EXPECT_NE(r.find("AL-QAEDA"), SIZE_MAX);
  EXPECT_NE(r.find("Moscow-controlled"), SIZE_MAX);
  EXPECT_NE(r.find("anti-"), SIZE_MAX);
  EXPECT_TRUE(r[r.find("Moscow-controlled")].pos_bits & kPosAdj);  // from CONTROLLED
  Tokens a = tokenize("The U.S. and U.N. envoys met Gen. Smith and George W. Bush on Aug. 6 at No. 10.");
  for (const char* t : {"U.S.", "U.N.", "Gen.", "W.", "Aug.", "No."}) EXPECT_NE(a.find(t), SIZE_MAX) << t;
  Tokens led = tokenize("A U.S.-led coalition struck.");
  EXPECT_EQ(led.norm, (V{"A", "U.S.-LED", "COALITION", "STRUCK", "."}));
  Tokens end = tokenize("He flew to the U.S.");
  EXPECT_EQ(end.raw.back(), "U.S.");  // the abbreviation's own period ends the sentence
  Tokens num = tokenize("Some 50,000 tonnes worth 11.8 million ducats, 3.5% at 10:30 on 8/6 in the 1990s.");
  for (const char* t : {"50,000", "11.8", "3.5", "10:30", "8/6", "1990s"}) EXPECT_NE(num.find(t), SIZE_MAX) << t;
  EXPECT_EQ(num[num.find("50,000")].tag, Tag::kNum);
  EXPECT_TRUE(num[num.find("50,000")].flags & kHasDigit);
  EXPECT_EQ(num[num.find("%")].tag, Tag::kPunct);
  EXPECT_NE(num[num.find("1990s")].tag, Tag::kNum);
}

TEST(Tokenizer, UrlsAndEmails) {
  Tokens r = tokenize("See https://example.org/a?b=1, www.kremlin.ru or mail press@un.org or j.smith@afp.com.");
  EXPECT_NE(r.find("j.smith@afp.com"), SIZE_MAX);
  EXPECT_NE(r.find("https://example.org/a?b=1"), SIZE_MAX);
  EXPECT_NE(r.find("www.kremlin.ru"), SIZE_MAX);
  EXPECT_NE(r.find("press@un.org"), SIZE_MAX);
  EXPECT_EQ(r.raw.back(), ".");
}

TEST(Tokenizer, QuotesAndPunctuation) {
  Tokens r = tokenize("“Dialogue will prevail,” he said — \"firmly\"... (really)");
  EXPECT_EQ(r.norm, (V{"\"", "DIALOGUE", "WILL", "PREVAIL", ",", "\"", "HE", "SAID", "--", "\"", "FIRMLY", "\"", "...",
                       "(", "REALLY", ")"}));
  EXPECT_EQ(r[0].tag, Tag::kQuote);
  EXPECT_EQ(r[5].tag, Tag::kQuote);
  EXPECT_EQ(r[4].tag, Tag::kPunct);
  EXPECT_EQ(r[8].tag, Tag::kPunct);
  EXPECT_EQ(r[1].tag, Tag::kUnknown);  // syntax/ decides
  EXPECT_TRUE(r[0].flags & kSentenceStart);
  EXPECT_TRUE(r[1].flags & kSentenceStart);  // first word after the opening quote
  EXPECT_FALSE(r[2].flags & kSentenceStart);
}

TEST(Tokenizer, FlagsAndForms) {
  Tokens r = tokenize("NATO officials met Putin. He never threatened sanctions.");
  EXPECT_TRUE(r[0].flags & kAllCaps);
  EXPECT_TRUE(r[0].flags & kCapitalised);
  EXPECT_TRUE(r[0].flags & kSentenceStart);
  EXPECT_FALSE(r[0].flags & kSpaceBefore);
  EXPECT_TRUE(r[1].flags & kSpaceBefore);
  EXPECT_TRUE(r[1].flags & kPlural);
  EXPECT_FALSE(r[1].flags & kCapitalised);
  EXPECT_EQ(r[2].verb_form, VerbForm::kPast);
  EXPECT_TRUE(r[3].flags & kCapitalised);
  EXPECT_FALSE(r[3].flags & kAllCaps);
  EXPECT_TRUE(r[5].flags & kSentenceStart);
  EXPECT_EQ(r[5].sentence, 1u);
  EXPECT_TRUE(r[6].flags & kNegation);
  EXPECT_TRUE(r[7].pos_bits & kPosVerb);
  EXPECT_TRUE(r[8].flags & kPlural);
  EXPECT_EQ(r.doc.sentences[0].token_begin, 0u);
  EXPECT_EQ(r.doc.sentences[0].token_end, 5u);
  EXPECT_EQ(r.doc.sentences[1].token_begin, 5u);
  EXPECT_EQ(r.doc.sentences[1].token_end, r.doc.tokens.size());
}

TEST(Tokenizer, DiacriticFolding) {
  Tokens r = tokenize("Macron left the Élysée for Zürich, São Paulo and Łódź; Straße, Æsir, naïve façade.");
  for (auto [raw, norm] : {std::pair{"Élysée", "ELYSEE"}, {"Zürich", "ZURICH"}, {"São", "SAO"}, {"Łódź", "LODZ"},
                           {"Straße", "STRASSE"}, {"Æsir", "AESIR"}, {"naïve", "NAIVE"}, {"façade", "FACADE"}}) {
    size_t i = r.find(raw);
    ASSERT_NE(i, SIZE_MAX) << raw;
    EXPECT_EQ(r.norm[i], norm) << raw;
  }
  EXPECT_TRUE(r[r.find("Élysée")].flags & kCapitalised);
  Tokens cyr = tokenize("Путин встретился.");
  EXPECT_EQ(cyr.norm[0], "ПУТИН");
  EXPECT_TRUE(cyr[0].flags & kCapitalised);
}

TEST(Tokenizer, OffsetsAreExact) {
  std::string text = "  “Useful,” Ushakov said.\n\nRussia’s envoy—Dmitriev—didn’t (yet) reply… ";
  Tokens r = tokenize(text);
  std::string rebuilt;
  for (const Token& t : r.doc.tokens) {
    EXPECT_EQ(r.doc.text_of(t), text.substr(t.begin, t.end - t.begin));
    EXPECT_GT(t.end, t.begin);
  }
  // Every non-space byte belongs to exactly one token, in order.
  size_t covered = 0;
  uint32_t prev_end = 0;
  for (const Token& t : r.doc.tokens) {
    EXPECT_GE(t.begin, prev_end);
    for (uint32_t k = prev_end; k < t.begin; ++k) EXPECT_TRUE(std::isspace(static_cast<unsigned char>(text[k])));
    covered += t.end - t.begin;
    prev_end = t.end;
  }
  size_t non_space = 0;
  for (char c : text) non_space += !std::isspace(static_cast<unsigned char>(c));
  EXPECT_EQ(covered, non_space);
}

TEST(Tokenizer, VocabularyIds) {
  Vocabulary vocab;
  uint32_t russia = vocab.intern("RUSSIA");
  uint32_t meet = vocab.intern("MEET");
  uint32_t elysee = vocab.intern("ELYSEE");
  uint32_t threaten = vocab.intern("THREATEN");
  Tokens r = tokenize("Russia met the Élysée and threatened Russia’s rivals.", &vocab);
  EXPECT_EQ(r[0].word_id, russia);
  EXPECT_EQ(r[1].word_id, 0u);     // MET itself is not in the vocabulary...
  EXPECT_EQ(r[1].lemma_id, meet);  // ...its lemma is
  EXPECT_EQ(r[3].word_id, elysee);
  EXPECT_EQ(r[5].lemma_id, threaten);
  EXPECT_EQ(r[6].word_id, russia);
  Tokens none = tokenize("Russia met.", nullptr);
  EXPECT_EQ(none[0].word_id, 0u);
  EXPECT_EQ(none[1].lemma_id, 0u);
}

TEST(Tokenizer, VocabularyGrownAfterSetupStillMaps) {
  Vocabulary vocab;
  vocab.intern("RUSSIA");
  Tokenizer tok(lexicon(), &vocab);
  uint32_t meet = vocab.intern("MEET");  // after the tokenizer cached its ids
  uint32_t met = vocab.intern("MET");
  Doc doc;
  doc.text = "Russia met Witkoff.";
  split_sentences(doc);
  tok.tokenize(doc);
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[0].word_id, vocab.find("RUSSIA"));
  EXPECT_EQ(doc.tokens[1].word_id, met);
  EXPECT_EQ(doc.tokens[1].lemma_id, meet);
  EXPECT_EQ(doc.tokens[2].word_id, 0u);
}

TEST(Tokenizer, MalformedInput) {
  static const char kRaw[] = "Putin\0met \xFF\xFE Witkoff\xC3. Talks\x80 ended \xE2\x80";
  Tokens r = tokenize(std::string(kRaw, sizeof(kRaw) - 1));
  EXPECT_FALSE(r.doc.tokens.empty());
  EXPECT_EQ(r.norm[0], "PUTIN");
  std::string repaired(kRaw, sizeof(kRaw) - 1);
  EXPECT_GT(repair_utf8(repaired), 0u);
  Tokens fixed = tokenize(repaired);
  EXPECT_TRUE(is_valid_utf8(fixed.doc.norm));
  Tokens empty = tokenize("");
  EXPECT_TRUE(empty.doc.tokens.empty());
  Tokens punct = tokenize("?!...---\"\"''``,,;");
  EXPECT_FALSE(punct.doc.tokens.empty());
}

TEST(Tokenizer, RandomBytesKeepInvariants) {
  std::mt19937 rng(12345);
  const std::string pieces[] = {"U.S.", " ", "\n", "\n\n", "didn't", "’s", "“", "”", "\"", "'", ".", "...", "—", "-",
                          "Gen.", "11.8", "é", "\xFF", "\xE2\x80", std::string("\0", 1), "a@b.c", "http://x",
                          "Word", "word", "(", ")", "?", "!", ",", "'s", "s'", "cannot", "Élysée", "\t"};
  Tokenizer tok(lexicon(), nullptr);
  Doc doc;
  for (int round = 0; round < 300; ++round) {
    doc.clear();
    int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) {
      if (rng() % 4 == 0) doc.text.push_back(static_cast<char>(rng() % 256));
      else doc.text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    }
    split_sentences(doc);
    tok.tokenize(doc);
    uint32_t prev = 0;
    for (const Sentence& s : doc.sentences) {
      ASSERT_LE(prev, s.begin);
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, doc.text.size());
      ASSERT_LE(s.token_begin, s.token_end);
      prev = s.end;
    }
    prev = 0;
    for (const Token& t : doc.tokens) {
      ASSERT_LE(prev, t.begin);
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(t.end, doc.text.size());
      const Sentence& s = doc.sentences[t.sentence];
      ASSERT_GE(t.begin, s.begin);
      ASSERT_LE(t.end, s.end);
      ASSERT_LE(static_cast<size_t>(t.norm_begin) + t.norm_len, doc.norm.size());
      prev = t.end;
    }
  }
}

TEST(Tokenizer, SentenceRangesPastTheTextAreClamped) {
  Doc doc;
  doc.text = "Short text.";
  doc.sentences.push_back(Sentence{0, 500, 0, 0});
  Tokenizer(lexicon(), nullptr).tokenize(doc);
  EXPECT_EQ(doc.tokens.size(), 3u);
}

TEST(Tokenizer, HugeInputs) {
  std::string prose;
  while (prose.size() < (10u << 20)) prose += "Russia's envoy didn't meet the U.S. delegation, officials said on Aug. 6 ";
  Tokens r = tokenize(prose);
  EXPECT_EQ(r.doc.sentences.size(), 1u);
  EXPECT_GT(r.doc.tokens.size(), 1500000u);

  std::string one_word(10u << 20, 'x');  // no space at all: cut into bounded tokens
  Tokens w = tokenize(one_word);
  EXPECT_EQ(w.doc.tokens.size(), (10u << 20) / 1024);
  for (const Token& t : w.doc.tokens) EXPECT_LE(t.length(), 1024u);
  std::string digits(1u << 20, '7');
  Tokens d = tokenize(digits);
  EXPECT_EQ(d.doc.tokens.size(), (1u << 20) / 1024);
}

TEST(Tokenizer, ReusedDocAllocatesNothing) {
  Tokenizer tok(lexicon(), nullptr);
  Doc doc;
  const std::string texts[] = {"Russian President Vladimir Putin met Steve Witkoff, the U.S. envoy, in Moscow.",
                               "“On our part, some signals were transmitted,” Ushakov said. Talks didn't end."};
  for (int warm = 0; warm < 2; ++warm)
    for (const auto& t : texts) {
      doc.clear();
      doc.text = t;
      split_sentences(doc);
      tok.tokenize(doc);
    }
  long before = test::allocation_count();
  size_t tokens = 0;
  for (int r = 0; r < 100; ++r)
    for (const auto& t : texts) {
      doc.clear();
      doc.text = t;
      split_sentences(doc);
      tok.tokenize(doc);
      tokens += doc.tokens.size();
    }
  EXPECT_EQ(test::allocation_count(), before);
  EXPECT_GT(tokens, 2000u);
}

TEST(Tokenizer, ExampleArticle) {
  Tokens r = tokenize(test::read_file(test::example_article()));
  ASSERT_EQ(r.doc.sentences.size(), 21u);
  size_t greeted = r.find("greeted");
  ASSERT_NE(greeted, SIZE_MAX);
  EXPECT_EQ(lexicon().lookup(r.norm[greeted]).lemma, "GREET");
  size_t dash = r.find("—");
  ASSERT_NE(dash, SIZE_MAX);
  EXPECT_EQ(r.norm[dash], "--");
  for (const Sentence& s : r.doc.sentences) EXPECT_LT(s.token_begin, s.token_end);
}
