#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tokens/lexicon.h"
#include "tokens/morphology.h"
#include "support/alloc_counter.h"
#include "support/lexicon.h"
#include "support/temp_dir.h"

using namespace parley;

namespace {

const Lexicon& wordnet() { return test::wordnet_lexicon(); }

constexpr uint8_t kPastOrPart = verb_form_bit(VerbForm::kPast) | verb_form_bit(VerbForm::kPastParticiple);

}  // namespace

TEST(Lexicon, IrregularPastMet) {
  LexInfo i = wordnet().lookup("MET");
  EXPECT_TRUE(i.has(kPosVerb));
  EXPECT_TRUE(i.has_form(VerbForm::kPast));
  EXPECT_TRUE(i.has_form(VerbForm::kPastParticiple));
  EXPECT_EQ(i.lemma, "MEET");
  LexInfo meets = wordnet().lookup("MEETS");
  EXPECT_TRUE(meets.has_form(VerbForm::kPresent3));
  EXPECT_EQ(meets.lemma, "MEET");
  LexInfo came = wordnet().lookup("CAME");
  EXPECT_EQ(came.verb_forms, verb_form_bit(VerbForm::kPast));  // the table knows past from participle
  EXPECT_EQ(came.lemma, "COME");
  EXPECT_EQ(wordnet().lookup("TAKEN").verb_forms, verb_form_bit(VerbForm::kPastParticiple));
}

TEST(Lexicon, TalksIsNounPluralAndVerbPresent) {
  LexInfo i = wordnet().lookup("TALKS");
  EXPECT_TRUE(i.has(kPosNoun));
  EXPECT_TRUE(i.has(kPosVerb));
  EXPECT_TRUE(i.plural_noun());
  EXPECT_TRUE(i.has_form(VerbForm::kPresent3));
  EXPECT_EQ(i.lemma, "TALK");
  LexInfo s = wordnet().lookup("SANCTIONS");
  EXPECT_TRUE(s.has(kPosNoun) && s.has(kPosVerb) && s.plural_noun());
  EXPECT_EQ(s.lemma, "SANCTION");
}

// WordNet's sense-tagged counts: TAKES and HOLDS are mostly verbs, TALKS
// and SANCTIONS as much nouns (mark_usual_verbs).
TEST(Lexicon, UsualVerbsFromTaggedSenses) {
  for (const char* w : {"TAKES", "HOLDS", "MAKES", "SAYS", "SEEKS"}) EXPECT_TRUE(wordnet().lookup(w).usual_verb()) << w;
  for (const char* w : {"TALKS", "SANCTIONS", "ARMS", "PLANS", "ATTACKS", "TAKE", "HELD"})
    EXPECT_FALSE(wordnet().lookup(w).usual_verb()) << w;
}

TEST(Lexicon, RegularPastForms) {
  for (auto [form, lemma] : {std::pair{"THREATENED", "THREATEN"}, {"GREETED", "GREET"}, {"STOPPED", "STOP"},
                             {"TRIED", "TRY"}, {"AGREED", "AGREE"}, {"VISITED", "VISIT"}, {"COMMITTED", "COMMIT"}}) {
    LexInfo i = wordnet().lookup(form);
    EXPECT_TRUE(i.has(kPosVerb)) << form;
    EXPECT_EQ(i.verb_forms & kPastOrPart, kPastOrPart) << form;
    EXPECT_EQ(i.lemma, lemma) << form;
  }
  LexInfo g = wordnet().lookup("MAKING");
  EXPECT_TRUE(g.has_form(VerbForm::kGerund));
  EXPECT_EQ(g.lemma, "MAKE");
  EXPECT_EQ(wordnet().lookup("DYING").lemma, "DIE");
}

TEST(Lexicon, NounPluralsAndVerbLemmaWins) {
  EXPECT_EQ(wordnet().lookup("MEN").lemma, "MAN");
  EXPECT_TRUE(wordnet().lookup("MEN").plural_noun());
  EXPECT_EQ(wordnet().lookup("PARTIES").lemma, "PARTY");
  EXPECT_EQ(wordnet().lookup("LEFT").lemma, "LEAVE");  // verb over the adjective
  EXPECT_EQ(wordnet().lookup("SAID").lemma, "SAY");
  EXPECT_FALSE(wordnet().lookup("RUSSIA").plural_noun());
}

TEST(Lexicon, ClosedClassesOverrideWordNet) {
  EXPECT_EQ(wordnet().lookup("THE").pos_bits, kPosDet);
  EXPECT_EQ(wordnet().lookup("US").pos_bits, kPosPronoun);  // not "U" plural, not a noun
  EXPECT_FALSE(wordnet().lookup("US").plural_noun());
  EXPECT_EQ(wordnet().lookup("A").pos_bits, kPosDet);
  LexInfo is = wordnet().lookup("IS");
  EXPECT_TRUE(is.has(kPosAux));
  EXPECT_EQ(is.verb_forms, verb_form_bit(VerbForm::kPresent3));
  EXPECT_EQ(is.lemma, "BE");
  EXPECT_FALSE(is.has(kPosNoun));
  LexInfo that = wordnet().lookup("THAT");
  EXPECT_TRUE(that.has(kPosDet) && that.has(kPosSubConj) && that.has(kPosRelPron) && that.has(kPosPronoun));
  EXPECT_TRUE(wordnet().lookup("WILL").has(kPosAux));
  EXPECT_TRUE(wordnet().lookup("WILL").has(kPosNoun));
  EXPECT_EQ(wordnet().lookup("WO").lemma, "WILL");
  EXPECT_EQ(wordnet().lookup("CA").lemma, "CAN");
  EXPECT_EQ(wordnet().lookup("N'T").lemma, "NOT");
  for (const char* neg : {"NOT", "N'T", "NEVER", "NO"}) EXPECT_TRUE(wordnet().lookup(neg).negation()) << neg;
  EXPECT_FALSE(wordnet().lookup("KNOW").negation());
  EXPECT_TRUE(wordnet().lookup("THREE").has(kPosNum));
  EXPECT_TRUE(wordnet().lookup("AND").has(kPosConj));
  EXPECT_TRUE(wordnet().lookup("BECAUSE").has(kPosSubConj));
  EXPECT_TRUE(wordnet().lookup("TO").has(kPosParticle));
}

TEST(Lexicon, UnknownAndOddKeys) {
  EXPECT_FALSE(wordnet().lookup("WITKOFF").known());
  EXPECT_TRUE(wordnet().lookup("WITKOFF").lemma.empty());
  EXPECT_FALSE(wordnet().lookup("").known());
  char long_key[300];
  std::fill(std::begin(long_key), std::end(long_key), 'A');
  EXPECT_FALSE(wordnet().lookup(std::string_view(long_key, sizeof(long_key))).known());
  EXPECT_FALSE(wordnet().lookup(std::string_view("\0\0", 2)).known());
  EXPECT_FALSE(wordnet().lookup("met").known());  // keys are upper case
}

TEST(Lexicon, LookupsDoNotAllocate) {
  const Lexicon& lex = wordnet();
  long before = test::allocation_count();
  size_t known = 0;
  for (int r = 0; r < 1000; ++r)
    for (const char* w : {"MET", "TALKS", "THE", "WITKOFF", "SANCTIONS", "GREETED"}) known += lex.lookup(w).known();
  EXPECT_EQ(test::allocation_count(), before);
  EXPECT_EQ(known, 5000u);
}

TEST(Lexicon, SizeAndMemory) {
  Lexicon lex;
  EXPECT_GT(lex.size(), 100000u);
  EXPECT_LT(lex.memory_bytes(), 40u << 20);
  std::printf("lexicon: %zu forms, %.1f MB\n", lex.size(), static_cast<double>(lex.memory_bytes()) / 1e6);
}

TEST(Lexicon, MissingDirectoryNamesPathAndPackage) {
  try {
    Lexicon lex("/nonexistent/wordnet-dir");
    FAIL() << "no error";
  } catch (const LexiconError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("/nonexistent/wordnet-dir/index."), std::string::npos) << what;
    EXPECT_NE(what.find("apt-get install wordnet-base"), std::string::npos) << what;
  }
}

TEST(Lexicon, SmallHandMadeWordNet) {
  namespace fs = std::filesystem;
  const test::TempDir tmp("wordnet");
  const fs::path& dir = tmp.path();
  auto write = [&](const char* name, const char* body) { std::ofstream(dir / name) << body; };
  write("index.verb", "  1 license line\nthreaten v 1 0\nplan v 1 0\nhope v 1 0\nwire_tap v 1 0\n");
  write("index.noun", "talk n 1 0\nchurch n 1 0\nparty n 1 0\nhero n 1 0\n");
  write("index.adj", "good a 1 0\n");
  write("index.adv", "");
  write("verb.exc", "");
  write("noun.exc", "");
  write("adj.exc", "better good\n");
  write("adv.exc", "");
  Lexicon lex(dir.string());
  EXPECT_EQ(lex.lookup("PLANNED").lemma, "PLAN");
  EXPECT_TRUE(lex.lookup("PLANNING").has_form(VerbForm::kGerund));
  EXPECT_EQ(lex.lookup("HOPING").lemma, "HOPE");
  EXPECT_EQ(lex.lookup("HOPED").lemma, "HOPE");
  EXPECT_TRUE(lex.lookup("THREATENS").has_form(VerbForm::kPresent3));
  EXPECT_FALSE(lex.lookup("THREATENNED").known());
  EXPECT_EQ(lex.lookup("CHURCHES").lemma, "CHURCH");
  EXPECT_EQ(lex.lookup("PARTIES").lemma, "PARTY");
  EXPECT_TRUE(lex.lookup("HEROES").plural_noun());
  EXPECT_EQ(lex.lookup("BETTER").lemma, "GOOD");
  EXPECT_FALSE(lex.lookup("WIRE_TAP").known());  // multi-word entries are not single tokens
  EXPECT_FALSE(lex.lookup("LICENSE").known());
  EXPECT_EQ(lex.lookup("THE").pos_bits, kPosDet);  // closed classes need no WordNet
  fs::remove(dir / "adv.exc");
  EXPECT_THROW(Lexicon(dir.string()), LexiconError);
  fs::remove_all(dir);
}

TEST(Morphology, Rules) {
  char out[64];
  auto s = [&](size_t n) { return std::string(out, n); };
  EXPECT_EQ(s(inflect_s("TALK", out)), "TALKS");
  EXPECT_EQ(s(inflect_s("CHURCH", out)), "CHURCHES");
  EXPECT_EQ(s(inflect_s("BOX", out)), "BOXES");
  EXPECT_EQ(s(inflect_s("PARTY", out)), "PARTIES");
  EXPECT_EQ(s(inflect_s("DAY", out)), "DAYS");
  EXPECT_EQ(s(inflect_oes("VETO", out)), "VETOES");
  EXPECT_EQ(inflect_oes("RADIO", out), 0u);
  EXPECT_EQ(s(inflect_ed("AGREE", out)), "AGREED");
  EXPECT_EQ(s(inflect_ed("TRY", out)), "TRIED");
  EXPECT_EQ(s(inflect_ed("PLAY", out)), "PLAYED");
  EXPECT_EQ(s(inflect_ed("STOP", out)), "STOPPED");
  EXPECT_EQ(s(inflect_ed("VISIT", out)), "VISITED");
  EXPECT_EQ(s(inflect_ed("FIX", out)), "FIXED");
  EXPECT_EQ(s(inflect_ing("MAKE", out)), "MAKING");
  EXPECT_EQ(s(inflect_ing("SEE", out)), "SEEING");
  EXPECT_EQ(s(inflect_ing("DIE", out)), "DYING");
  EXPECT_EQ(s(inflect_ing("RUN", out)), "RUNNING");
  EXPECT_EQ(s(inflect_ing("MEET", out)), "MEETING");
}
