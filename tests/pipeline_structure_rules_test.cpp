// Structure rules of the default set (data/dict, PETRARCH dialect): part-of-
// speech choices the coder depends on, subjects and objects across relative
// and adverbial clauses, passive agents, the doer and patient of nominal
// events, pronouns in reported clauses, and the modality of acts that are
// only threatened, wanted, possible or demanded.  Sentences written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class StructureRulesTest : public test::DefaultDictTest {
 protected:
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kOneSentence, OneSided::kMarked);
  }

  // The tag the sentence's first token written `word` gets.
  Tag tag_of(const std::string& text, const std::string& word) {
    Worker w(*engine_);
    w.code("t", 20250806, text, true, last_);
    const Doc& doc = w.doc();
    for (const Token& t : doc.tokens)
      if (doc.text.compare(t.begin, t.end - t.begin, word) == 0) return t.tag;
    ADD_FAILURE() << "no token '" << word << "' in: " << text;
    return Tag::kUnknown;
  }

  // Whether the verb group holding the token written `word` is passive.
  bool passive_at(const std::string& text, const std::string& word) {
    Worker w(*engine_);
    w.code("t", 20250806, text, true, last_);
    const Doc& doc = w.doc();
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      if (doc.text.compare(t.begin, t.end - t.begin, word) != 0) continue;
      const int32_t c = doc.chunk_at(0, i);
      return c >= 0 && (doc.chunks[static_cast<size_t>(c)].flags & kPassive);
    }
    ADD_FAILURE() << "no token '" << word << "' in: " << text;
    return false;
  }

  // Whether the first tokens written `a` and `b` are in one chunk.
  bool one_chunk(const std::string& text, const std::string& a, const std::string& b) {
    Worker w(*engine_);
    w.code("t", 20250806, text, true, last_);
    const Doc& doc = w.doc();
    int32_t ca = -2, cb = -3;
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      if (ca == -2 && doc.text.compare(t.begin, t.end - t.begin, a) == 0) ca = doc.chunk_at(0, i);
      if (cb == -3 && doc.text.compare(t.begin, t.end - t.begin, b) == 0) cb = doc.chunk_at(0, i);
    }
    return ca >= 0 && ca == cb;
  }

  static bool any_from(const std::vector<std::string>& v, const std::string& source) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(source + " ", 0) == 0; });
  }
};

// --- part-of-speech choices ---------------------------------------------

TEST_F(StructureRulesTest, CapitalUsIsTheCountry) {
  EXPECT_EQ(tag_of("US troops there clashed with Somali militants.", "US"), Tag::kProper);
  EXPECT_EQ(tag_of("US troops there clashed with Somali militants.", "troops"), Tag::kNoun);
  EXPECT_EQ(tag_of("They told us nothing.", "us"), Tag::kPronoun);
}

TEST_F(StructureRulesTest, CapitalMayIsAMonthOrANameUnlessABaseVerbFollows) {
  EXPECT_EQ(tag_of("May has criticized the Kenyan government.", "May"), Tag::kProper);
  EXPECT_EQ(tag_of("In May, Kenya accused Somalia of spying.", "May"), Tag::kProper);
  EXPECT_EQ(tag_of("May I ask a question?", "May"), Tag::kAux);
  EXPECT_EQ(tag_of("The Kenyan army may attack Somalia.", "may"), Tag::kAux);
}

TEST_F(StructureRulesTest, AVerbAfterANumberWithNoNounAfterItIsTheVerb) {
  EXPECT_EQ(tag_of("Thousands marched against the Kenyan government.", "marched"), Tag::kVerb);
  EXPECT_EQ(tag_of("Hundreds protested outside the Russian embassy.", "protested"), Tag::kVerb);
  EXPECT_EQ(tag_of("Three armed men attacked the police station.", "armed"), Tag::kAdj);
  EXPECT_EQ(code("Thousands marched against the Kenyan government."), std::vector<std::string>{"--- KENGOV 141 one-sided"});
}

TEST_F(StructureRulesTest, LastBeforeATimeNounIsNoVerb) {
  EXPECT_EQ(tag_of("Senators who last week opposed the treaty criticized Kenya.", "last"), Tag::kAdj);
  EXPECT_EQ(tag_of("The talks did not last.", "last"), Tag::kVerb);
}

TEST_F(StructureRulesTest, ThatAfterANounBeforeATensedVerbAndAnObjectIsRelative) {
  EXPECT_EQ(tag_of("The Kenyan army attacked a militia that controls the border.", "that"), Tag::kRelPron);
  EXPECT_EQ(tag_of("The Kenyan army attacked a militia that controls the border.", "controls"), Tag::kVerb);
  EXPECT_EQ(tag_of("Kenya said that the border controls were lifted.", "that"), Tag::kSubConj);
}

TEST_F(StructureRulesTest, ThoseWhoOpensARelativeClause) {
  EXPECT_EQ(tag_of("Those who backed the treaty praised Kenya.", "who"), Tag::kRelPron);
}

// A usual verb's -s form before a noun is the verb with its object; a word
// WordNet tags as a noun about as often stays the noun modifying the next one.
TEST_F(StructureRulesTest, AUsualVerbBeforeANounIsTheVerb) {
  EXPECT_EQ(tag_of("Russia holds talks with Ukraine.", "holds"), Tag::kVerb);
  EXPECT_EQ(tag_of("The Kenyan opposition takes issue with the plan.", "takes"), Tag::kVerb);
  EXPECT_EQ(tag_of("The Kenyan opposition takes issue with the plan.", "issue"), Tag::kNoun);
  EXPECT_EQ(code("Russia holds talks with Ukraine."), (std::vector<std::string>{"RUS UKR 046", "UKR RUS 046"}));
  EXPECT_EQ(code("Kenya makes demands of Uganda."), std::vector<std::string>{"KEN UGA 100"});
  EXPECT_EQ(tag_of("Kenya sanctions policy is failing.", "sanctions"), Tag::kNoun);
  EXPECT_EQ(tag_of("US arms sales to Taiwan anger China.", "arms"), Tag::kNoun);
}

// News dates an act by its weekday alone: the day after a name starts a
// noun phrase of its own.
TEST_F(StructureRulesTest, AWeekdayAfterANameIsItsOwnPhrase) {
  EXPECT_FALSE(one_chunk("Kenyan troops entered Mombasa Friday.", "Mombasa", "Friday"));
  EXPECT_FALSE(one_chunk("The Kenyan president met Museveni on Tuesday and Ruto Wednesday.", "Ruto", "Wednesday"));
  // Before a name, or after a common noun, the day stays in the phrase.
  EXPECT_TRUE(one_chunk("Kenya marked Good Friday quietly.", "Good", "Friday"));
  EXPECT_TRUE(one_chunk("The Kenyan opposition called a Monday strike.", "Monday", "strike"));
}

TEST_F(StructureRulesTest, PluralAndNamedSubjectsTakeTheirVerb) {
  EXPECT_EQ(tag_of("The inspectors want to visit the reactors.", "want"), Tag::kVerb);
  EXPECT_EQ(tag_of("The tanks head back to the border.", "head"), Tag::kVerb);
  EXPECT_EQ(tag_of("The Commission wishes to commend the ministry.", "wishes"), Tag::kVerb);
  // Not after a determiner alone, nor a nationality word.
  EXPECT_EQ(tag_of("Our best wishes to the ministry.", "wishes"), Tag::kNoun);
  EXPECT_EQ(tag_of("Kenyan plans to expand the port were shelved.", "plans"), Tag::kNoun);
}

TEST_F(StructureRulesTest, ASubjectPronounIsFollowedByItsVerb) {
  EXPECT_EQ(tag_of("He calls for talks.", "calls"), Tag::kVerb);
  EXPECT_EQ(tag_of("They demands nothing.", "demands"), Tag::kVerb);
  EXPECT_EQ(tag_of("It was one of his demands.", "demands"), Tag::kNoun);
}

TEST_F(StructureRulesTest, AGerundAfterASubordinatorIsAVerb) {
  EXPECT_EQ(tag_of("He left while saying nothing.", "saying"), Tag::kVerb);
}

TEST_F(StructureRulesTest, AnIrregularParticipleAfterBeIsAPassiveVerb) {
  EXPECT_EQ(tag_of("The Kenyan forces are put on alert.", "put"), Tag::kVerb);
  EXPECT_TRUE(passive_at("The Kenyan forces are put on alert.", "put"));
}

TEST_F(StructureRulesTest, ABaseFormCoordinatedWithAnInfinitiveIsAVerb) {
  EXPECT_EQ(tag_of("He is to give a speech and meet with Kenyan officials.", "meet"), Tag::kVerb);
  EXPECT_EQ(tag_of("Kenya signed trade accords and deals with Uganda.", "deals"), Tag::kNoun);
}

// --- subjects and objects -----------------------------------------------

TEST_F(StructureRulesTest, ARelativeClauseEndsAtTheMainVerb) {
  const auto ev = code("Senators who last week opposed the treaty criticized the Kenyan government.");
  EXPECT_TRUE(has(ev, "KENLEG KENGOV 111"));
  // What the senators opposed is the treaty, not the government.
  EXPECT_FALSE(has(ev, "KENLEG KENGOV 110"));
}

TEST_F(StructureRulesTest, AnActorInsideARelativeClauseIsNotTheMainSubject) {
  EXPECT_TRUE(has(code("Kenyan lawmakers who opposed sending troops to the border praised the Somali army."),
                  "KENLEG SOMMIL 051"));
  const auto ev = code("The Somali militants who attacked Kenya said they would fight on.");
  EXPECT_TRUE(has(ev, "SOMINS KEN 190"));
  EXPECT_FALSE(any_from(ev, "KEN"));
  // After a speech verb, the actor before the verb is its own clause's subject.
  EXPECT_TRUE(has(code("Kenya, which said Uganda attacked Somalia, called for talks."), "UGA SOM 190"));
}

TEST_F(StructureRulesTest, AnObjectIsNotLookedForInsideAnAdverbialClause) {
  EXPECT_EQ(code("Kenyan officials sounded the alarm when Somali militants attacked Uganda."),
            std::vector<std::string>{"SOMINS UGA 190"});
  for (const auto& e : code("He calls for talks while saying he opposes the Kenyan government."))
    EXPECT_EQ(e.find("026"), std::string::npos) << e;
}

TEST_F(StructureRulesTest, AClauseOpenedByAPrepositionHasItsOwnSubject) {
  EXPECT_TRUE(has(code("Protests erupted as Kenya attacked Somali militants."), "KEN SOMINS 190"));
  EXPECT_TRUE(has(code("Nairobi was calm after Ethiopia accused Eritrea of spying."), "ETH ERI 1125"));
}

TEST_F(StructureRulesTest, APronounAfterThatStandsForTheReporter) {
  EXPECT_EQ(code("Uganda claimed that they had attacked Kenya."), std::vector<std::string>{"UGA KEN 190"});
}

TEST_F(StructureRulesTest, PassiveAgentsAfterANumberOrAnAppositive) {
  EXPECT_EQ(code("The village was attacked by 500 armed men."), std::vector<std::string>{"---UAF --- 190 one-sided"});
  EXPECT_EQ(code("The Kenyan envoy was criticized in Kampala, the Ugandan capital, by the Ugandan parliament."),
            std::vector<std::string>{"UGALEG KENGOV 111"});
}

TEST_F(StructureRulesTest, ANominalEventsPatientFollowsOfOnceItsDoerIsNamed) {
  EXPECT_TRUE(has(code("Kenya's arrest of Somali journalists angered Somalia."), "KEN SOMMED 173"));
  EXPECT_TRUE(has(code("The killing of two Kenyan soldiers by Somali militants shocked Nairobi."), "SOMINS KENMIL 190"));
  // Without a doer, "of" names the doer of a visit, not its target.
  EXPECT_TRUE(code("The visit of the Kenyan president pleased Uganda.").empty());
}

// --- modality --------------------------------------------------------------

TEST_F(StructureRulesTest, WhatCanHappenDidNot) {
  EXPECT_TRUE(code("The Somali militants can attack Kenya at any time.").empty());
  EXPECT_TRUE(code("The Kenyan army can only threaten to attack the militants.").empty());
}

TEST_F(StructureRulesTest, WantedAndThreatenedActsAreIntentsAndThreats) {
  EXPECT_EQ(code("Mali wants to meet the Algerian president."), std::vector<std::string>{"MLI DZAGOV 036"});
  EXPECT_EQ(code("The Kenyan army threatened to use force."), std::vector<std::string>{"KENMIL --- 1384 one-sided"});
}

TEST_F(StructureRulesTest, AVerbCoordinatedWithAnAnnouncedActIsAnnouncedToo) {
  EXPECT_TRUE(has(code("Ethiopia will host the summit and meet with Somali leaders."), "ETH SOM 036"));
  const auto ev = code("The Ugandan minister was scheduled to visit Nairobi and meet with Kenyan officials.");
  EXPECT_TRUE(has(ev, "UGAGOV KENGOV 036"));
  EXPECT_FALSE(has(ev, "UGAGOV KENGOV 040"));
}

TEST_F(StructureRulesTest, WhatAReporterSaysAnotherMustDoIsADemand) {
  EXPECT_EQ(code("Kenya said Uganda must withdraw its troops."), std::vector<std::string>{"KEN UGA 1056"});
  // With no actor reporting it, or obliging itself, nothing happened.
  EXPECT_TRUE(code("Uganda must withdraw its troops.").empty());
  EXPECT_TRUE(code("Kenya said it must withdraw its troops.").empty());
  // "had to" tells what was done.
  EXPECT_EQ(code("Kenya said Uganda had to withdraw its troops."), std::vector<std::string>{"UGA ---MIL 0874"});
}

// "got arrested by police": a participle after "get" is passive as after
// "be"; after "become"/"remain"/"stay" only with a by-agent ("became
// targeted by the government"), since "remained committed to" is a state.
TEST_F(StructureRulesTest, GetAndBecomePassives) {
  EXPECT_TRUE(passive_at("Two protesters got arrested by Egyptian police on Monday.", "arrested"));
  EXPECT_EQ(code("Two protesters got arrested by Egyptian police on Monday."), std::vector<std::string>{"EGYCOP EGYOPP 173"});
  EXPECT_TRUE(passive_at("The opposition leader became targeted by the Kenyan government.", "targeted"));
  EXPECT_FALSE(passive_at("The rebels remained committed to the ceasefire.", "committed"));
}

// "'Our dealers sold more tractors,' says X, vice president of Y": a verb
// inside a quotation takes no object from the attribution after it.
TEST_F(StructureRulesTest, AQuotationsEndClosesItsVerbsObjects) {
  auto v = code("\"Our dealers sold more tractors than last year,\" said Kenya's agriculture minister.");
  EXPECT_FALSE(has_prefix(v, "--- KENGOV")) << joined(v);
  // A quotation inside the clause does not: "called the plan \"a disaster\" for Kenya".
  v = code("The opposition leader condemned the \"new\" policy of the Kenyan government.");
  EXPECT_TRUE(has(v, "---OPP KENGOV 111") || has(v, "KENOPP KENGOV 111")) << joined(v);
}

// A verb's pattern ("ELIMINATE * +") and its object search stop where the
// verb's clause ends: at a subject pronoun, and at a comma before a tensed
// verb with an object of its own.  A participle after the comma that goes on
// to "to" or a preposition still modifies the object before it.
TEST_F(StructureRulesTest, ObjectsAndPatternActorsStayInTheVerbsClause) {
  auto v = code("The council wanted talks to eliminate the friction they had with the Kenyan army.");
  EXPECT_FALSE(has_prefix(v, "--- KENMIL")) << joined(v);
  v = code("The minister, who attended the summit, said the Ugandan army was ready.");
  for (const std::string& e : v) EXPECT_EQ(e.find(" UGAMIL 04"), std::string::npos) << joined(v);
  v = code("The commission is investigating letters from last year, said to come from Ugandan soldiers.");
  EXPECT_TRUE(has(v, "--- UGAMIL 090 one-sided")) << joined(v);
}

// "official" before a common noun is an adjective and names no official;
// before another agent it still composes with it.
TEST_F(StructureRulesTest, OfficialBeforeANounNamesNoOne) {
  EXPECT_EQ(tag_of("The rebels rejected the official figures.", "official"), Tag::kAdj);
  auto v = code("The rebels rejected the official figures.");
  EXPECT_FALSE(has_prefix(v, "---REB ---GOV")) << joined(v);
  v = code("The official news agency criticized the Ugandan army.");
  EXPECT_TRUE(has(v, "UGAGOVMED UGAMIL 111")) << joined(v);
  v = code("A senior official criticized the Ugandan army.");
  EXPECT_TRUE(has(v, "UGAGOV UGAMIL 111") || has(v, "---GOV UGAMIL 111")) << joined(v);
}

// "their striking arm", "Israel's raiding forces": an -ing word between a
// determiner or possessive and a noun modifies the noun; after a verb or a
// preposition it stays a verb ("accused of killing civilians").
TEST_F(StructureRulesTest, IngWordsBeforeANounAfterADeterminerAreModifiers) {
  EXPECT_EQ(tag_of("Hamas called the group its striking arm in Gaza.", "striking"), Tag::kAdj);
  EXPECT_EQ(tag_of("Israel's raiding forces entered the town.", "raiding"), Tag::kAdj);
  EXPECT_EQ(tag_of("Kenya accused the rebels of killing civilians.", "killing"), Tag::kVerb);
  EXPECT_EQ(tag_of("The town was taken by the advancing Ugandan army.", "advancing"), Tag::kAdj);
}

// "Sanctions were imposed on Iran by the EU": a passive whose subject holds
// the pattern's word after the verb is the active "the EU imposed sanctions
// on Iran"; the target is the actor right after the verb's preposition.
TEST_F(StructureRulesTest, APassiveWithTheActAsSubject) {
  EXPECT_EQ(code("New sanctions were imposed on Kenya by the European Union."),
            std::vector<std::string>{"IGOEEC KEN 163"});
  EXPECT_EQ(code("Charges were filed against three Kenyan policemen."),
            std::vector<std::string>{"--- KENCOP 115 one-sided"});
  // No actor right after the verb: no target from further on.
  EXPECT_TRUE(code("A rally was held on Monday in Nairobi, where the Kenyan president spoke.").empty());
}

// "An agreement between Kenya and Uganda was reached": the parties named
// after the act in the passive's subject take part in it; a mutual act is
// each one's with the others, another act is aimed at them.
TEST_F(StructureRulesTest, APassiveActsPartiesFollowIt) {
  EXPECT_EQ(code("An agreement between Kenya and Uganda was reached on Monday."),
            (std::vector<std::string>{"KEN UGA 057", "UGA KEN 057"}));
  EXPECT_EQ(code("A border treaty with Kenya was signed by Uganda."),
            (std::vector<std::string>{"UGA KEN 057", "KEN UGA 057"}));
  EXPECT_EQ(code("New sanctions against Iran were imposed by the European Union."),
            std::vector<std::string>{"IGOEEC IRN 163"});
  EXPECT_EQ(code("The arrest of the opposition leader was ordered by the Kenyan president."),
            std::vector<std::string>{"KENGOV KENOPP 173"});
  // An actor that is the act's doer, not its party, stays out.
  EXPECT_TRUE(code("The speech of the Kenyan president was broadcast on Monday.").empty());
}

// "Mrs. Njeri is accused of fraud", "Otieno was arrested Tuesday": what is
// done to a person, in the passive with no doer named, is coded with that
// person's side unknown (a name); elsewhere a name is never a target.
TEST_F(StructureRulesTest, APassiveAccusationOrArrestOfANameIsCoded) {
  EXPECT_EQ(code("Mrs. Wanjiru Njeri is accused of smuggling arms."), std::vector<std::string>{"--- --- 1121 one-sided"});
  EXPECT_EQ(code("Otieno was arrested on Tuesday."), std::vector<std::string>{"--- --- 173 one-sided"});
  EXPECT_EQ(code("Otieno was arrested by Kenyan police."), std::vector<std::string>{"KENCOP --- 173 one-sided"});
  // Other acts, and the active voice, keep a name out of the target.
  EXPECT_TRUE(code("Otieno was praised on Tuesday.").empty());
  EXPECT_TRUE(code("Someone accused Otieno of fraud.").empty());
}

// "The president's plan was criticized by X": criticism or rejection of a
// stance is aimed at whose stance it was, named inside the subject.
TEST_F(StructureRulesTest, CriticismOfAStanceIsAimedAtItsOwner) {
  EXPECT_EQ(code("The Kenyan president's plan was criticized by the opposition."),
            std::vector<std::string>{"KENOPP KENGOV 111"});
  EXPECT_EQ(code("Ugandan government policies have been condemned by Kenyan lawmakers."),
            std::vector<std::string>{"KENLEG UGAGOV 111"});
  // Not for other acts: the subject says what was done, not to whom.
  for (const std::string& e : code("The Kenyan plan to press Uganda was announced by the foreign minister."))
    EXPECT_FALSE(e.ends_with("KEN 0871")) << e;
}

// "Some of the rebels attacked", "many of the protesters were arrested": a
// quantifier heads a subject whose actor follows "of"; so does "a number of"
// after "and" in a list of subjects.
TEST_F(StructureRulesTest, APartOfAGroupIsTheSubject) {
  EXPECT_EQ(code("Some of the Kenyan rebels attacked Ugandan troops."), std::vector<std::string>{"KENREB UGAMIL 190"});
  EXPECT_EQ(code("Many of the Kenyan protesters were arrested by police."), std::vector<std::string>{"KENCOP KENOPP 173"});
  EXPECT_EQ(code("The Kenyan army and a number of Ugandan militias attacked the rebels."),
            std::vector<std::string>{"UGAUAF ---REB 190"});
}

// A headline (no closing punctuation) whose one verb is a lone participle
// after its noun phrase reports a passive: "suspect arrested".
TEST_F(StructureRulesTest, AHeadlineParticipleIsPassive) {
  EXPECT_TRUE(passive_at("Kenyan opposition leader detained", "detained"));
  EXPECT_EQ(code("Kenyan opposition leader detained"), std::vector<std::string>{"--- KENOPP 173 one-sided"});
  EXPECT_TRUE(passive_at("Three Kenyan soldiers killed in Mogadishu", "killed"));
  // A sentence with its full stop, or a participle with an object, is active.
  EXPECT_FALSE(passive_at("Kenyan police detained.", "detained"));
  EXPECT_FALSE(passive_at("Kenyan police detained two Ugandans", "detained"));
}

// An auxiliary after a group's verb starts the next group: "the decision to
// appeal was criticized" has a passive of its own.
TEST_F(StructureRulesTest, AnAuxiliaryAfterTheVerbStartsANewGroup) {
  EXPECT_TRUE(passive_at("The Kenyan decision to appeal was criticized by Uganda.", "criticized"));
  EXPECT_FALSE(one_chunk("The Kenyan decision to appeal was criticized by Uganda.", "appeal", "was"));
  // The infinitive's objects end there: the by-agent after it is not its target.
  for (const std::string& e : code("The Kenyan decision to sue was questioned by the Ugandan president."))
    EXPECT_FALSE(e.starts_with("KEN UGAGOV 115")) << e;
}

// "was praised by police for his courage": a pattern's target after a
// passive verb ("- * + (FOR)") is not the by-agent; the agent is the source.
TEST_F(StructureRulesTest, APassivesAgentIsNoPatternTarget) {
  EXPECT_EQ(code("The Kenyan minister was praised by Uganda for his courage."),
            std::vector<std::string>{"UGA KENGOV 051"});
  EXPECT_EQ(code("The boy was praised by Kenyan police for his courage."),
            std::vector<std::string>{"KENCOP --- 051 one-sided"});
}

}  // namespace
}  // namespace parley
