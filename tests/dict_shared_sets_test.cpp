// Loads the PETRARCH validation and Phoenix dictionaries from /work/shared and
// checks known entries.  Expected values are read from the files' own text
// where a count is involved.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dict/load.h"
#include "support/paths.h"

namespace {

using namespace parley;

// A file of the PETRARCH validation set in ../shared; the test that needs it
// fails if it is missing.
std::string validation_file(const std::string& name) { return test::shared_path("petrarch/validation/" + name); }

std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string l;
  while (std::getline(in, l)) lines.push_back(l);
  return lines;
}

// 1-based number of the first line equal to `text` (after right-trimming).
uint32_t line_of(const std::string& path, const std::string& text) {
  auto lines = file_lines(path);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string l = lines[i];
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.pop_back();
    if (l == text) return static_cast<uint32_t>(i + 1);
  }
  ADD_FAILURE() << "line not found: " << text;
  return 0;
}

class ValidationSet : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    DictPaths p;
    p.verbs = {validation_file("PETR.Validate.verbs.txt")};
    p.actors = {validation_file("PETR.Validate.actors.txt")};
    p.agents = validation_file("PETR.Validate.agents.txt");
    p.discards = validation_file("PETR.Validate.discards.txt");
    DictOptions o;
    o.allow_private_codes = true;
    o.on_warning = [](const std::string&) {};
    d_ = new Dictionaries;
    load_dictionaries(p, o, *d_);
  }
  static void TearDownTestSuite() { delete d_; }

  uint32_t id(const char* w) const { return d_->vocab.find(w); }
  std::vector<uint32_t> ids(std::initializer_list<const char*> ws) const {
    std::vector<uint32_t> out;
    for (const char* w : ws) out.push_back(id(w));
    return out;
  }
  const Pattern& pattern_at(uint32_t line) const {
    for (const Pattern& p : d_->verbs.patterns)
      if (p.loc.line == line) return p;
    ADD_FAILURE() << "no pattern at line " << line;
    return d_->verbs.patterns.at(0);
  }
  const ActorPhrase* phrase(std::initializer_list<const char*> ws) const {
    auto want = ids(ws);
    for (const ActorPhrase& p : d_->actors.phrases)
      if (p.words == want) return &p;
    return nullptr;
  }
  const Synset& synset(const char* name) const { return d_->verbs.synsets.at(d_->verbs.synset_index.at(name)); }
  bool has_phrase(const Synset& s, std::vector<uint32_t> words) const {
    for (const auto& p : s.phrases)
      if (p == words) return true;
    return false;
  }
  static Dictionaries* d_;
  const std::string verbs_ = validation_file("PETR.Validate.verbs.txt");
};
Dictionaries* ValidationSet::d_ = nullptr;

TEST_F(ValidationSet, LoadsEveryPatternIncludingThoseAfterTabariComments) {
  // Pattern lines start with "- "; "---" lines are block headers.
  size_t written = 0;
  for (const std::string& l : file_lines(verbs_))
    if (l.rfind("- ", 0) == 0) ++written;
  size_t skipped = 0;
  for (const std::string& w : d_->warnings)
    if (w.find("pattern skipped") != std::string::npos) ++skipped;
  EXPECT_EQ(skipped, 1u);  // "[###]", TABARI's discard code
  EXPECT_EQ(d_->verbs.patterns.size() + skipped, written);
  EXPECT_GT(written, 400u);
}

TEST_F(ValidationSet, PatternItemsAndJoins) {
  // "- + KNOWN_ * IN_ $  [076]"
  const Pattern& p = pattern_at(line_of(verbs_, "- + KNOWN_ * IN_ $  [076]  #  pattern CONNECT-15D to 15H  7/14/03"));
  EXPECT_EQ(d_->verbs.blocks[p.block].name, "BREAK");
  EXPECT_EQ(p.active.view(), "076");
  ASSERT_EQ(p.pre_count, 2u);
  ASSERT_EQ(p.post_count, 2u);
  const PatternItem* pre = &d_->verbs.items[p.pre_begin];
  const PatternItem* post = &d_->verbs.items[p.post_begin];
  EXPECT_EQ(pre[0].kind, PatternItem::kTarget);
  EXPECT_EQ(pre[1].kind, PatternItem::kWord);
  EXPECT_EQ(pre[1].id, id("KNOWN"));
  EXPECT_TRUE(pre[1].underscore_after);
  EXPECT_FALSE(pre[1].joined_prev);
  EXPECT_FALSE(p.verb_joined_prev);
  EXPECT_EQ(post[0].id, id("IN"));
  EXPECT_FALSE(post[0].joined_prev);
  EXPECT_TRUE(post[0].underscore_after);
  EXPECT_EQ(post[1].kind, PatternItem::kSource);

  // "- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]"
  const Pattern& q = pattern_at(line_of(verbs_, "- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]  #"));
  ASSERT_EQ(q.pre_count, 2u);
  ASSERT_EQ(q.post_count, 3u);
  pre = &d_->verbs.items[q.pre_begin];
  post = &d_->verbs.items[q.post_begin];
  EXPECT_EQ(pre[0].id, id("SUGGESTED"));
  EXPECT_EQ(pre[1].kind, PatternItem::kTarget);
  EXPECT_TRUE(pre[1].joined_prev);
  EXPECT_EQ(post[0].id, id("DEMAND"));
  EXPECT_FALSE(post[0].joined_prev);
  EXPECT_EQ(post[1].kind, PatternItem::kSynset);
  EXPECT_EQ(d_->verbs.synsets[post[1].id].name, "GENINT");
  EXPECT_TRUE(post[1].joined_prev);
  EXPECT_EQ(post[2].id, id("CONVENTIONS"));
  EXPECT_TRUE(post[2].joined_prev);

  // "- SO IN_AND_*_OUT_AGAIN NOW [074]": '_*' and '*_' join the verb.
  const Pattern& r = pattern_at(line_of(verbs_, "- SO IN_AND_*_OUT_AGAIN NOW [074] #  pas 11.07.28"));
  EXPECT_TRUE(r.verb_joined_prev);
  ASSERT_EQ(r.post_count, 3u);
  EXPECT_TRUE(d_->verbs.items[r.post_begin].joined_prev);
  EXPECT_FALSE(d_->verbs.items[r.post_begin + 2].joined_prev);
}

TEST_F(ValidationSet, PassiveCodes) {
  const VerbBlock& admit = d_->verbs.blocks[d_->verbs.forms[d_->verbs.forms_by_anchor.at(id("ADMIT"))[0]].block];
  EXPECT_EQ(admit.code.view(), "013");
  EXPECT_EQ(admit.passive.view(), "012");
  const Pattern& p = pattern_at(line_of(verbs_, "- % * [030:030]  # pas 14.09.18"));
  EXPECT_EQ(p.active.view(), "030");
  EXPECT_EQ(p.passive.view(), "030");
}

TEST_F(ValidationSet, SynsetsWithMultiWordAndNestedMembers) {
  const Synset& neg = synset("NEGATVAUXVRB");
  EXPECT_TRUE(has_phrase(neg, ids({"DID", "N'T"})));
  EXPECT_TRUE(has_phrase(neg, ids({"REALLY", "DID", "NOT"})));
  // &ACCORDSYN holds +&TIETYPES and +&CURRENCY.
  const Synset& acc = synset("ACCORDSYN");
  EXPECT_TRUE(has_phrase(acc, ids({"MILITARY"})));
  EXPECT_TRUE(has_phrase(acc, ids({"CULTURALS"})));
  EXPECT_TRUE(has_phrase(acc, ids({"SWISS", "FRANCS"})));
  EXPECT_TRUE(has_phrase(acc, ids({"CLOSER"})));
  EXPECT_EQ(acc.phrases.size(), synset("TIETYPES").phrases.size() + synset("CURRENCY").phrases.size() + 4);
  // "&PREPOSIT1_" makes no plurals; it is named without the '_'.
  const Synset& prep = synset("PREPOSIT1");
  EXPECT_EQ(prep.phrases.size(), 6u);
  EXPECT_EQ(id("AGAINSTS"), 0u);
}

TEST_F(ValidationSet, VerbForms) {
  auto forms_of = [&](const char* anchor) {
    std::vector<const VerbEntry*> out;
    auto it = d_->verbs.forms_by_anchor.find(id(anchor));
    if (it != d_->verbs.forms_by_anchor.end())
      for (uint32_t f : it->second) out.push_back(&d_->verbs.forms[f]);
    return out;
  };
  // Regular forms of a bare verb.
  for (const char* w : {"ABANDON", "ABANDONS", "ABANDONED", "ABANDONING"}) {
    auto f = forms_of(w);
    ASSERT_EQ(f.size(), 1u) << w;
    EXPECT_EQ(d_->verbs.blocks[f[0]->block].name, "ABANDON");
  }
  EXPECT_FALSE(forms_of("ARRESTING").empty());
  EXPECT_FALSE(forms_of("ARRANGED").empty());  // final E: +D
  // Irregular forms from braces; no automatic consonant doubling.
  EXPECT_FALSE(forms_of("BROKEN").empty());
  EXPECT_FALSE(forms_of("BANNED").empty());
  EXPECT_TRUE(forms_of("STABBING").empty());  // STAB {STABS STABBED}
  // "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}": anchored on the inflected word.
  auto tapped = forms_of("TAPPED");
  ASSERT_EQ(tapped.size(), 1u);
  EXPECT_EQ(tapped[0]->words, ids({"WIRE", "TAPPED"}));
  EXPECT_EQ(tapped[0]->head, 1u);
  EXPECT_EQ(d_->verbs.blocks[tapped[0]->block].name, "CONFISCATE");
  // "+CORDON_OFF {+CORDONED_OFF ...}"
  auto cordoned = forms_of("CORDONED");
  ASSERT_EQ(cordoned.size(), 1u);
  EXPECT_EQ(cordoned[0]->words, ids({"CORDONED", "OFF"}));
  EXPECT_EQ(cordoned[0]->head, 0u);
  // "KLM_NOP_+RST [002]": own code, head is the '+' word.
  auto rst = forms_of("RST");
  ASSERT_EQ(rst.size(), 1u);
  EXPECT_EQ(rst[0]->head, 2u);
  EXPECT_EQ(rst[0]->code.view(), "002");
}

TEST_F(ValidationSet, ActorDateRestrictionsOnBothSidesOfAChange) {
  const ActorPhrase* gollum = phrase({"GOLLUM"});
  ASSERT_NE(gollum, nullptr);
  const ActorDictionary& a = d_->actors;
  EXPECT_EQ(*a.code_on(gollum->record, 19950531), "HOB");      // [HOB < 950601]
  EXPECT_EQ(*a.code_on(gollum->record, 19950601), "HOBGOV");   // [HOBGOV 19950601 - 19990815]
  EXPECT_EQ(*a.code_on(gollum->record, 19990814), "HOBGOV");
  EXPECT_EQ(*a.code_on(gollum->record, 19990816), "HOBREB");   // [HOBREB > 990816]
  EXPECT_EQ(a.code_on(gollum->record, 19990815), nullptr);     // in no range, no default
  // A synonym shares the record.
  ASSERT_NE(phrase({"SMEAGOL"}), nullptr);
  EXPECT_EQ(phrase({"SMEAGOL"})->record, gollum->record);
  // SAM_GAMGEE: the unrestricted [HOB] is only the fallback.
  const ActorPhrase* sam = phrase({"SAM", "GAMGEE"});
  ASSERT_NE(sam, nullptr);
  EXPECT_EQ(*a.code_on(sam->record, 20080119), "HOBCIV");
  EXPECT_EQ(*a.code_on(sam->record, 20100110), "ORCHOB");  // earlier line wins over HOBMIL
  EXPECT_EQ(*a.code_on(sam->record, 20100113), "HOBMIL");
  EXPECT_EQ(*a.code_on(sam->record, 20130120), "HOBELI");
  // ZIMBABWE: [RHO <790606] then default [ZBW].
  const ActorPhrase* zim = phrase({"ZIMBABWE"});
  ASSERT_NE(zim, nullptr);
  EXPECT_EQ(*a.code_on(zim->record, 19790605), "RHO");
  EXPECT_EQ(*a.code_on(zim->record, 19790606), "ZBW");
}

TEST_F(ValidationSet, ActorPhrasesStemFlagAndOrder) {
  const ActorPhrase* arnor = phrase({"ARNOR"});
  const ActorPhrase* argentin = phrase({"ARGENTIN"});
  ASSERT_TRUE(arnor && argentin);
  EXPECT_TRUE(arnor->exact);      // "ARNOR_"
  EXPECT_FALSE(argentin->exact);  // TABARI stem
  ASSERT_NE(phrase({"AL-QAEDA"}), nullptr);
  ASSERT_NE(phrase({"U.N."}), nullptr);
  ASSERT_NE(phrase({"PRESIDENT", "GEORGE", "W.", "BUSH"}), nullptr);
  // Longest first under a shared first word: HAMAS_MILITARY_COMMAND before HAMAS.
  const auto& list = d_->actors.phrases_by_first.at(id("HAMAS"));
  ASSERT_GE(list.size(), 4u);
  for (size_t i = 1; i < list.size(); ++i)
    EXPECT_GE(d_->actors.phrases[list[i - 1]].words.size(), d_->actors.phrases[list[i]].words.size());
  EXPECT_EQ(d_->actors.phrases[list.back()].words, ids({"HAMAS"}));
  // A lower-case code is kept as written.
  EXPECT_EQ(*d_->actors.code_on(phrase({"PALESTINIAN"})->record, 20000101), "pse");
}

TEST_F(ValidationSet, AgentsPluralsPrefixesAndSubstitutions) {
  auto find = [&](std::vector<uint32_t> words) -> const AgentEntry* {
    for (const AgentEntry& e : d_->agents.entries)
      if (e.words == words) return &e;
    return nullptr;
  };
  ASSERT_NE(find(ids({"GOLDEN", "GEESE"})), nullptr);  // {GOLDEN_GEESE}
  EXPECT_EQ(find(ids({"GOLDEN", "GEESE"}))->code, "GGS");
  EXPECT_EQ(id("GOOSES"), 0u);
  ASSERT_NE(find(ids({"PRESIDENTS"})), nullptr);  // automatic plural
  ASSERT_NE(find(ids({"CONGRESSES"})), nullptr);
  EXPECT_EQ(id("MEDIAS"), 0u);  // MEDIA {}
  const AgentEntry* body = find(ids({"HUMAN", "RIGHTS", "BODY"}));
  ASSERT_NE(body, nullptr);
  EXPECT_TRUE(body->prefix);  // [NGO~]
  EXPECT_EQ(body->code, "NGO");
  EXPECT_FALSE(find(ids({"PRESIDENT"}))->prefix);
  // CONGRESS!PERSON! and !MINST!_OF_SILLY_WALKS, substituted without plurals.
  ASSERT_NE(find(ids({"CONGRESSWOMEN"})), nullptr);
  ASSERT_NE(find(ids({"MINISTRIES", "OF", "SILLY", "WALKS"})), nullptr);
  EXPECT_EQ(find(ids({"MINISTRIES", "OF", "SILLY", "WALKSES"})), nullptr);
  EXPECT_EQ(find(ids({"POLICE"}))->code, "COP");  // "[ ~COP]"
  const auto& by_first = d_->agents.entries_by_first.at(id("FOREIGN"));
  for (size_t i = 1; i < by_first.size(); ++i)
    EXPECT_GE(d_->agents.entries[by_first[i - 1]].words.size(), d_->agents.entries[by_first[i]].words.size());
}

TEST_F(ValidationSet, Discards) {
  bool story = false, sentence = false;
  for (const DiscardEntry& e : d_->discards) {
    if (e.words == ids({"TYPHOON"})) story = e.whole_story;
    if (e.words == ids({"MONTHS", "LATER"})) sentence = !e.whole_story;
  }
  EXPECT_TRUE(story);
  EXPECT_TRUE(sentence);
}

TEST(PhoenixSet, LoadsWithOnlyTheKnownDamagedEntriesSkipped) {
  DictPaths p = read_config(test::shared_path("petrarch/phoenix/PETR_config.ini"));
  ASSERT_EQ(p.verbs.size(), 1u);
  ASSERT_EQ(p.actors.size(), 3u);
  EXPECT_NE(p.issues.find("Phoenix.IssueCoding.txt"), std::string::npos);
  DictOptions o;
  o.on_warning = [](const std::string&) {};
  Dictionaries d;
  load_dictionaries(p, o, d);
  const std::string verbs = p.verbs[0];
  auto warned = [&](const std::string& prefix) {
    for (const std::string& w : d.warnings)
      if (w.rfind(prefix, 0) == 0) return true;
    return false;
  };
  EXPECT_TRUE(warned(verbs + ":" + std::to_string(line_of(verbs, "- * DOWN (FROM)                                       [080!]        # BACK")) +
                     ": warning: malformed code [080!]: pattern skipped"));
  EXPECT_TRUE(warned(verbs + ":" + std::to_string(line_of(verbs, "-  * (IN &WEATHER) [---]")) + ": warning: undefined synset &WEATHER"));
  EXPECT_LT(d.warnings.size(), 30u);

  size_t pattern_lines = 0, transformation_lines = 0;
  for (const std::string& l : file_lines(verbs)) {
    if (l.rfind("- ", 0) == 0) ++pattern_lines;
    if (l.rfind("~ ", 0) == 0) ++transformation_lines;
  }
  size_t skipped = 0;
  for (const std::string& w : d.warnings) skipped += w.find("pattern skipped") != std::string::npos;
  EXPECT_EQ(d.verbs.patterns.size() + skipped, pattern_lines);
  EXPECT_EQ(d.verbs.transformations.size(), transformation_lines);
  const Transformation& t = d.verbs.transformations[0];
  EXPECT_EQ(t.verb2, "ATTACK");
  EXPECT_EQ(t.verb1, "SAY");
  EXPECT_EQ(t.code, "015");

  // PETRARCH2 pattern groups.
  const Pattern& rush = [&]() -> const Pattern& {
    uint32_t line = line_of(verbs, "- * POLICE (TO BORDER)                                [153]         # RUSH");
    for (const Pattern& q : d.verbs.patterns)
      if (q.loc.line == line) return q;
    return d.verbs.patterns.at(0);
  }();
  ASSERT_EQ(rush.post_count, 5u);
  const PatternItem* post = &d.verbs.items[rush.post_begin];
  EXPECT_EQ(post[1].kind, PatternItem::kPrepOpen);
  EXPECT_EQ(d.vocab.word(post[2].id), "TO");
  EXPECT_EQ(post[4].kind, PatternItem::kPrepClose);

  // "&FIGHT_OF_WORDS" is a synset of its own; "&FIGHT_GAMES" is &FIGHT + GAMES.
  ASSERT_TRUE(d.verbs.synset_index.count("FIGHT_OF_WORDS"));

  // Actors and agents.
  uint32_t afg = d.vocab.find("AFGHANISTAN");
  ASSERT_NE(afg, 0u);
  const auto& list = d.actors.phrases_by_first.at(afg);
  const ActorPhrase& last = d.actors.phrases[list.back()];
  EXPECT_EQ(last.words.size(), 1u);
  EXPECT_EQ(*d.actors.code_on(last.record, 20140101), "AFG");
  EXPECT_GT(d.agents.entries.size(), 2000u);

  // Issues: "pre+n:school" -> PRE SCHOOL(S) and PRE-SCHOOL(S); ignore phrases.
  auto has_issue = [&](std::vector<std::string> words, bool ignore) {
    for (const IssueEntry& e : d.issues) {
      if (e.ignore != ignore || e.words.size() != words.size()) continue;
      bool same = true;
      for (size_t i = 0; i < words.size(); ++i) same &= d.vocab.word(e.words[i]) == words[i];
      if (same) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_issue({"PRE", "SCHOOLS"}, false));
  EXPECT_TRUE(has_issue({"PRE-SCHOOL"}, false));
  EXPECT_TRUE(has_issue({"PRE-SCHOOLS"}, false));
  EXPECT_TRUE(has_issue({"A", "HEAD", "START"}, true));
  EXPECT_TRUE(has_issue({"RETALIATED"}, false));  // v:retaliate
}

}  // namespace
