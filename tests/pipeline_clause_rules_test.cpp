// Clause rules of the default set (data/dict, PETRARCH dialect): how far a
// verb's object and pattern reach, actors that a pattern item joined to the
// verb finds behind a determiner or number, generic mentions that share a
// code, by-agents of nominal events, events two actors do to each other, and
// the objects of infinitives.  Sentences written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class ClauseRulesTest : public test::DefaultDictTest {
 protected:
  // "SOURCE TARGET CODE" for each event of `text`.
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kOneSentence, OneSided::kUnmarked);
  }

  // Some event goes from `source` to `target`, whatever its code.
  static bool has_dyad(const std::vector<std::string>& v, const std::string& source, const std::string& target) {
    const std::string prefix = source + " " + target + " ";
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
  }
};

// --- a pattern item joined to the verb ------------------------------------

TEST_F(ClauseRulesTest, AnActorJoinedToTheVerbMayFollowANumberOrDeterminer) {
  // ARM codes only when the armed actor follows at once (`*_+`).
  EXPECT_TRUE(has(code("Eritrea armed 300 Sudanese rebels."), "ERI SDNREB 072")) << joined(code("Eritrea armed 300 Sudanese rebels."));
  EXPECT_TRUE(has(code("Eritrea armed the Sudanese rebels."), "ERI SDNREB 072"));
  // Not when something else stands between: "their striking arm" is a noun.
  EXPECT_FALSE(has_dyad(code("Eritrea armed itself and later Sudanese rebels crossed the border."), "ERI", "SDNREB"));
}

// --- where a verb's object stops --------------------------------------------

TEST_F(ClauseRulesTest, AnObjectIsNotLookedForInACoordinatedClauseWithItsOwnSubject) {
  const auto ev = code("Kenya praised the accord and Uganda rejected it.");
  EXPECT_FALSE(has_dyad(ev, "KEN", "UGA")) << joined(ev);
  const auto ev2 = code("Ghana hosted the talks after Togo criticized Benin.");
  EXPECT_FALSE(has_dyad(ev2, "GHA", "TGO")) << joined(ev2);
  EXPECT_TRUE(has(ev2, "TGO BEN 111")) << joined(ev2);
  // A coordinated object with no verb of its own is still an object.
  EXPECT_TRUE(has_dyad(code("Kenya praised Uganda and Tanzania."), "KEN", "TZA"));
}

// --- generic mentions --------------------------------------------------------

TEST_F(ClauseRulesTest, TwoGenericMentionsWithOneCodeAreTwoParties) {
  EXPECT_TRUE(has(code("The police arrested two police officers."), "---COP ---COP 173"))
      << joined(code("The police arrested two police officers."));
  const auto ev = code("Lawmakers accused other lawmakers of corruption.");
  EXPECT_TRUE(has_dyad(ev, "---LEG", "---LEG")) << joined(ev);
  // A named actor is one party: "Ghana ... Ghana" is not an event between two.
  EXPECT_FALSE(has_dyad(code("Ghana accused Ghana of corruption."), "GHA", "GHA"));
  // Not set apart by a number or "other", a second mention may be the same
  // party again.
  EXPECT_FALSE(has_dyad(code("The army received the army commander."), "---MIL", "---MIL"));
  // The same mention is not both.
  EXPECT_FALSE(has_dyad(code("The police arrested themselves."), "---COP", "---COP"));
}

// --- nominal events with a by-agent ------------------------------------------

TEST_F(ClauseRulesTest, ANominalEventsByAgentMayFollowALongOnPhrase) {
  const auto ev = code("An attack on an army base near Gao by Islamist militants killed five.");
  EXPECT_TRUE(std::any_of(ev.begin(), ev.end(), [](const std::string& s) {
    return s.find("INS ") != std::string::npos && s.ends_with(" 190");
  })) << joined(ev);
}

TEST_F(ClauseRulesTest, ByAgentThenOfPhraseNamesDoerThenPatient) {
  EXPECT_TRUE(has(code("The criticism by Ghana of Togo grew sharper."), "GHA TGO 111"))
      << joined(code("The criticism by Ghana of Togo grew sharper."));
  EXPECT_TRUE(has(code("The criticism of Togo by Ghana grew sharper."), "GHA TGO 111"));
}

// --- events two actors do to each other ---------------------------------------

TEST_F(ClauseRulesTest, TwoActorsWhoConcurAreEachOthersTargets) {
  // 019 is "typically reciprocal" in the codebook.
  const auto ev = code("Eritrea and Djibouti concurred.");
  EXPECT_TRUE(has(ev, "ERI DJI 019") && has(ev, "DJI ERI 019")) << joined(ev);
  // Fighting is not reciprocal in the codebook: each side is coded alone.
  const auto ev2 = code("Eritrea and Djibouti fought along the border.");
  EXPECT_FALSE(has_dyad(ev2, "ERI", "DJI")) << joined(ev2);
  // But a clash is each side's against the other (the gold set codes it so).
  const auto ev3 = code("Eritrea and Djibouti clashed along the border.");
  EXPECT_TRUE(has(ev3, "ERI DJI 190") && has(ev3, "DJI ERI 190")) << joined(ev3);
}

TEST_F(ClauseRulesTest, APlaceIsNotTheTargetOfAPairThatCooperated) {
  const auto ev = code("Eritrea and Djibouti cooperated in Somalia.");
  EXPECT_FALSE(has_dyad(ev, "ERI", "SOM")) << joined(ev);
  EXPECT_TRUE(has_dyad(ev, "ERI", "DJI") && has_dyad(ev, "DJI", "ERI")) << joined(ev);
  // One side alone attacking in a place still aims at it.
  EXPECT_TRUE(has_dyad(code("Chadian troops attacked in Nigeria."), "TCDMIL", "NGA"));
}

TEST_F(ClauseRulesTest, ReciprocalCodesGoBothWays) {
  // The codebook: signing (057) and negotiating (046) are reciprocal.
  const auto ev = code("Ghana signed a trade treaty with Togo.");
  EXPECT_TRUE(has(ev, "GHA TGO 057") && has(ev, "TGO GHA 057")) << joined(ev);
  const auto ev2 = code("Ghana negotiated with Togo over the border.");
  EXPECT_TRUE(has(ev2, "GHA TGO 046") && has(ev2, "TGO GHA 046")) << joined(ev2);
  // Praise is one side's.
  EXPECT_EQ(code("Ghana praised Togo."), std::vector<std::string>{"GHA TGO 051"});
}

// --- reduced relative clauses --------------------------------------------------

TEST_F(ClauseRulesTest, AParticipleAfterTheSubjectNounIsAPassiveRelativeClause) {
  const auto ev = code("The protesters arrested in Cairo were freed by Egyptian police.");
  // The main verb's subject is the noun before the participle phrase ...
  EXPECT_TRUE(has(ev, "EGYCOP EGYOPP 0841")) << joined(ev);
  // ... and the protesters are the ones arrested, not the arresters.
  EXPECT_FALSE(has_dyad(ev, "EGYOPP", "EGY")) << joined(ev);
  EXPECT_FALSE(std::any_of(ev.begin(), ev.end(), [](const std::string& s) { return s.rfind("EGYOPP ", 0) == 0; }))
      << joined(ev);
  const auto ev2 = code("The journalists detained for reporting on Kenya were freed by Kenyan police.");
  EXPECT_TRUE(has(ev2, "KENCOP KENMED 0841")) << joined(ev2);
}

TEST_F(ClauseRulesTest, AParticipleAfterThereIsIsPassive) {
  const auto ev = code("There were 12 Malian soldiers wounded in Niger today.");
  EXPECT_FALSE(std::any_of(ev.begin(), ev.end(), [](const std::string& s) { return s.rfind("MLIMIL ", 0) == 0; }))
      << joined(ev);
}

TEST_F(ClauseRulesTest, AParticipleWithNoOtherVerbIsTheMainVerb) {
  EXPECT_TRUE(has_dyad(code("Malian troops attacked near Niger."), "MLIMIL", "NER"));
}

// --- infinitive objects --------------------------------------------------------

TEST_F(ClauseRulesTest, TheBareObjectOfAnInfinitiveGivesWayToTheActorAfterIt) {
  const auto ev = code("Ghana plans to send troops to Liberia.");
  EXPECT_TRUE(has_dyad(ev, "GHA", "LBR")) << joined(ev);
  EXPECT_FALSE(has_dyad(ev, "GHA", "GHAMIL")) << joined(ev);
  // With no actor after it, the agents are the object still.
  EXPECT_TRUE(has_dyad(code("Ghana arrested soldiers."), "GHA", "GHAMIL"));
}

// --- by-agents -------------------------------------------------------------------

TEST_F(ClauseRulesTest, AByAgentMayBeginWithACapitalisedWordNoDictionaryLists) {
  const auto ev = code("The statement was welcomed by the Nordic delegations.");
  EXPECT_TRUE(has(ev, "---GOV --- 051")) << joined(ev);
}

// --- visits and their hosts ---------------------------------------------------

TEST_F(ClauseRulesTest, AVisitToAGovernmentIsAlsoItsHostingOfTheVisitor) {
  const auto ev = code("The Kenyan president received the Ghanaian foreign minister.");
  EXPECT_TRUE(has(ev, "KENGOV GHAGOV 043")) << joined(ev);
  EXPECT_TRUE(has(ev, "GHAGOV KENGOV 042")) << joined(ev);
  // A country or region visited names where one went, not a host.
  const auto ev2 = code("The Ghanaian foreign minister visited Kenya.");
  EXPECT_TRUE(has(ev2, "GHAGOV KEN 042")) << joined(ev2);
  EXPECT_FALSE(has_dyad(ev2, "KEN", "GHAGOV")) << joined(ev2);
}

// --- lists of objects -------------------------------------------------------------

TEST_F(ClauseRulesTest, AnActorAfterAListOfOtherObjectsIsAnObjectToo) {
  const auto ev = code("The court praised the Kenyan police, the tax office, and the Ghanaian army.");
  EXPECT_TRUE(has_dyad(ev, "---JUD", "GHAMIL")) << joined(ev);
  // Not the subject of a clause of its own.
  const auto ev2 = code("Kenya praised the Ugandan police, Ghana said.");
  EXPECT_FALSE(has_dyad(ev2, "KEN", "GHA")) << joined(ev2);
}

}  // namespace
}  // namespace parley
