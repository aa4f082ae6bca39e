// How news phrases events, as parley's default dictionaries (data/dict) code
// them: light-verb and noun constructions, role-reversing nouns ("drew
// criticism from X"), verb families checked against the CAMEO rules, and the
// phrasings that look like an event but are none.  Sentences written for this
// test; each family is shown on more than one member so that a single entry
// cannot pass it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class DictPhrasingsTest : public test::DefaultDictTest {
 protected:
  // Events as "SOURCE TARGET CODE" (" one-sided" appended when flagged).
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kDocument, OneSided::kMarked);
  }
  // The CAMEO roots (first two digits) of the events of `text`.
  std::vector<std::string> roots(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& e : code(text)) {
      const std::string triple = e.substr(0, e.find(" one-sided"));
      out.push_back(triple.substr(triple.rfind(' ') + 1, 2));
    }
    return out;
  }
};

// Seeking an office is a candidacy: no appeal to anybody (020 was coded).
TEST_F(DictPhrasingsTest, SeekingAnOfficeIsNoAppeal) {
  EXPECT_TRUE(code("The Kenyan president decided to seek a second term.").empty());
  EXPECT_TRUE(code("The Ghanaian vice president will seek the nomination of his party.").empty());
  EXPECT_TRUE(code("The Peruvian mayor is seeking reelection.").empty());
  // Seeking something from another actor stays an appeal.
  EXPECT_EQ(code("Ukraine sought military aid from Germany."), std::vector<std::string>{"UKR DEU 023"});
}

// Seeking better ties is the seeker's own intent to cooperate (03), not an
// appeal (02); so is taking steps toward better ties.
TEST_F(DictPhrasingsTest, SeekingBetterTiesIsAnIntentToCooperate) {
  EXPECT_EQ(code("Egypt sought closer ties with Turkey."), std::vector<std::string>{"EGY TUR 030"});
  EXPECT_EQ(code("Chile is seeking to strengthen its relations with Peru."), std::vector<std::string>{"CHL PER 030"});
  EXPECT_EQ(code("Japan took steps to improve ties with China."), std::vector<std::string>{"JPN CHN 030"});
}

// "Taking steps" alone names no event (030 was coded for any steps).
TEST_F(DictPhrasingsTest, TakingStepsAloneIsNoEvent) {
  EXPECT_TRUE(code("The Indian government is taking steps to curb inflation.").empty());
  EXPECT_TRUE(code("The Brazilian ministry took measures to protect the rainforest.").empty());
  // Measures against an actor keep their code.
  EXPECT_EQ(roots("Russia took measures against Georgia."), std::vector<std::string>{"13"});
}

TEST_F(DictPhrasingsTest, ImprovedTiesAreDiplomaticCooperation) {
  EXPECT_EQ(code("Japan improved ties with China."), std::vector<std::string>{"JPN CHN 050"});
  EXPECT_TRUE(code("The Indian economy improved.").empty());
}

// Parts, towns and provinces of a country seized by force are occupied
// territory (192), not confiscated property (1711).
TEST_F(DictPhrasingsTest, SeizedTerritoryIsOccupation) {
  EXPECT_EQ(code("Turkish troops seized parts of Syria."), std::vector<std::string>{"TURMIL SYR 192"});
  EXPECT_EQ(roots("Sudanese rebels seized several towns in Darfur."), std::vector<std::string>{"19"});
  EXPECT_EQ(roots("Congolese militiamen seized the province of Ituri."), std::vector<std::string>{"19"});
  // A share of the market or the lead in a race is no property.
  EXPECT_TRUE(code("The Chinese firm seized a large share of the market.").empty());
  EXPECT_TRUE(code("The Kenyan runner seized the lead.").empty());
  // Property stays 1711.
  EXPECT_EQ(code("Iran seized a British tanker."), std::vector<std::string>{"IRN GBR 1711"});
}

// A protest addressed to an actor is an official complaint (114); a protest
// in the street is a demonstration (14).
TEST_F(DictPhrasingsTest, ProtestingToAnActorIsAComplaint) {
  EXPECT_EQ(code("Japan protested to China over the incident."), std::vector<std::string>{"JPN CHN 114"});
  EXPECT_EQ(code("Havana protested to Washington."), std::vector<std::string>{"CUB USA 114"});
  EXPECT_EQ(roots("Students protested against the Kenyan government."), std::vector<std::string>{"14"});
}

// Talking about a subject is a statement (010, which needs both sides), not
// a consultation; talking with somebody stays 040.
TEST_F(DictPhrasingsTest, TalkingAboutIsNoConsultation) {
  EXPECT_TRUE(code("The German chancellor was talking about a recession.").empty());
  EXPECT_EQ(code("The French president talked with the Chinese leader about trade."),
            std::vector<std::string>{"FRAGOV CHN 040"});
}

// A nuclear test shows force (150); detonating nuclear weapons (2042) is an
// attack.
TEST_F(DictPhrasingsTest, NuclearTestsAreShowsOfForce) {
  EXPECT_EQ(code("Russia conducted a nuclear test."), std::vector<std::string>{"RUS --- 150 one-sided"});
  EXPECT_EQ(roots("Pakistan carried out nuclear tests."), std::vector<std::string>{"15"});
}

// Condemnation words after AS, whatever the verb of describing.
TEST_F(DictPhrasingsTest, RebukeWordsAfterAsAreCriticism) {
  EXPECT_EQ(code("Russia described the Polish move as unacceptable."), std::vector<std::string>{"RUS POL 111"});
  EXPECT_EQ(roots("China denounced the American sanctions as a provocation."), std::vector<std::string>{"11"});
  EXPECT_EQ(roots("Iran dismissed the French proposal as a sham."), std::vector<std::string>{"11"});
}

// Approval words after AS, with an actor between the verb and AS, praise it
// (051); describing talks as constructive stays an optimistic comment (013).
TEST_F(DictPhrasingsTest, PraiseWordsAfterAsEndorseTheActor) {
  EXPECT_EQ(code("The Egyptian minister described the Saudi king as a wise leader."),
            std::vector<std::string>{"EGYGOV SAUGOV 051"});
  EXPECT_EQ(code("India considers Russia as a reliable partner."), std::vector<std::string>{"IND RUS 051"});
  EXPECT_EQ(code("The Kenyan president described the talks with Uganda as constructive."),
            std::vector<std::string>{"KENGOV UGA 013"});
}

// "Y drew / faced / received / met with NOUN from X": X is the source.  The
// same nouns work with every one of these verbs.
TEST_F(DictPhrasingsTest, RoleReversingNounsMakeTheFromActorTheSource) {
  EXPECT_EQ(code("The Russian minister drew accusations from Ukraine."), std::vector<std::string>{"UKR RUSGOV 112"});
  EXPECT_EQ(code("The Kenyan plan met with approval from Uganda."), std::vector<std::string>{"UGA KEN 051"});
  EXPECT_EQ(roots("The president met with opposition from the senators."), std::vector<std::string>{"11"});
  EXPECT_EQ(roots("The Israeli government received threats from Iran."), std::vector<std::string>{"13"});
  EXPECT_EQ(code("The Serbian president faced criticism from Croatia."), std::vector<std::string>{"HRV SRBGOV 111"});
  EXPECT_EQ(roots("The Italian minister drew praise from Austria."), std::vector<std::string>{"05"});
  // Charges faced from prosecutors are a criminal case brought (115, usage note of 173).
  EXPECT_EQ(code("The governor faced charges from federal prosecutors."), std::vector<std::string>{"---JUD ---GOV 115"});
  // Meeting with opposition leaders is still a meeting.
  EXPECT_EQ(code("The Iraqi president met with opposition leaders."), std::vector<std::string>{"IRQGOV IRQOPP 040"});
}

// One state charging another with aggression accuses it (1123); charging a
// person with a crime is legal action (173).
TEST_F(DictPhrasingsTest, ChargingAStateWithAggressionIsAnAccusation) {
  EXPECT_EQ(code("The Cuban government charged the United States with aggression."),
            std::vector<std::string>{"CUBGOV USA 1123"});
  EXPECT_TRUE(has(code("Moscow charged Bonn with violating the treaty."), "RUS DEU 112"));
  // A prosecutor's criminal charge is a lawsuit (115, usage note of 173).
  EXPECT_EQ(code("Kenyan prosecutors charged the former minister with corruption."),
            std::vector<std::string>{"KENJUD KENELI 115"});
}

// A union that calls a strike strikes (143); calling FOR a strike rallies
// others against the target (113).
TEST_F(DictPhrasingsTest, CallingAStrikeIsAStrike) {
  EXPECT_EQ(roots("The union called a strike against the company."), std::vector<std::string>{"14"});
  EXPECT_EQ(roots("The union called for a strike against the company."), std::vector<std::string>{"11"});
}

TEST_F(DictPhrasingsTest, DisagreeingIsDisapproval) {
  EXPECT_EQ(code("The Indian government disagreed with Pakistan."), std::vector<std::string>{"INDGOV PAK 110"});
  EXPECT_EQ(roots("Austria differed with Italy on the treaty."), std::vector<std::string>{"11"});
}

// Bombs that explode or go off are bombings (183; car 1832, roadside 1833);
// other things that explode are no event.
TEST_F(DictPhrasingsTest, ExplodingBombsAreBombings) {
  EXPECT_EQ(code("A roadside bomb went off near an Afghan police checkpoint."),
            std::vector<std::string>{"--- AFGCOP 1833 one-sided"});
  EXPECT_EQ(code("A car bomb exploded near the Iraqi interior ministry."),
            std::vector<std::string>{"--- IRQGOV 1832 one-sided"});
  EXPECT_TRUE(code("Protests exploded across Iran.").empty());
  EXPECT_TRUE(code("The alarm went off in the Kenyan parliament.").empty());
}

// An attack on a policy, a budget or a speech is criticism (111); an attack
// on positions, bases or a nuclear programme is force (19).
TEST_F(DictPhrasingsTest, AttacksOnPoliciesAreCriticism) {
  EXPECT_EQ(code("Republican legislators attacked the president's budget."),
            std::vector<std::string>{"---LEG ---GOV 111"});
  EXPECT_EQ(code("The opposition launched an attack on the government's economic policy."),
            std::vector<std::string>{"---OPP ---GOV 111"});
  EXPECT_EQ(roots("Russian troops attacked Ukrainian positions."), std::vector<std::string>{"19"});
  EXPECT_EQ(roots("Israel attacked Iran's nuclear program."), std::vector<std::string>{"19"});
  EXPECT_EQ(roots("Rebels launched an attack on the army base."), std::vector<std::string>{"19"});
}

// Confronting Y with a demand, an ultimatum or evidence is that act.
TEST_F(DictPhrasingsTest, ConfrontingWithADemandIsTheDemand) {
  EXPECT_EQ(code("Iran confronted Britain with an ultimatum."), std::vector<std::string>{"IRN GBR 139"});
  EXPECT_EQ(code("The prosecutor confronted the Kenyan minister with evidence of bribery."),
            std::vector<std::string>{"KENJUD KENGOV 112"});
  EXPECT_EQ(roots("Cuba confronted the United States with a blunt demand."), std::vector<std::string>{"10"});
  EXPECT_TRUE(code("Police confronted protesters in Cairo.").empty());
}

// A legislature's vote is an event by its direction toward a named actor:
// down or against (120), for (051); a vote on an unowned bill, and voters
// electing somebody, are none.
TEST_F(DictPhrasingsTest, VotesTowardANamedActor) {
  EXPECT_EQ(code("The Senate voted down the president's plan."), std::vector<std::string>{"---LEG ---GOV 120"});
  EXPECT_EQ(code("The Senate voted against the president's plan."), std::vector<std::string>{"---LEG ---GOV 120"});
  EXPECT_EQ(code("The Senate voted for the governor's bill."), std::vector<std::string>{"---LEG ---GOV 051"});
  EXPECT_EQ(roots("The European Parliament voted to sanction Hungary."), std::vector<std::string>{"16"});
  EXPECT_TRUE(code("The Senate voted down the measure.").empty());
  EXPECT_TRUE(code("The Senate voted on the governor's bill.").empty());
  EXPECT_TRUE(code("Kenyan voters voted for the opposition.").empty());
  EXPECT_TRUE(code("The senators were reluctant to vote aid for the Kenyan refugees.").empty());
}

// Phrasal forms of consulting, defending, backing and signing.
TEST_F(DictPhrasingsTest, PhrasalFormsOfCooperation) {
  EXPECT_EQ(code("The governor huddled with Republican legislators."), std::vector<std::string>{"---GOV ---LEG 040"});
  EXPECT_EQ(code("The senator came to the defense of the governor."), std::vector<std::string>{"---LEG ---GOV 052"});
  EXPECT_EQ(code("Labor unions lined up behind the governor."), std::vector<std::string>{"---LAB ---GOV 051"});
  EXPECT_EQ(code("The Kenyan opposition got behind the president."), std::vector<std::string>{"KENOPP KENGOV 051"});
  // Signing is reciprocal (events.cpp, reciprocal_code): both directions.
  EXPECT_EQ(code("Egypt initialed an agreement with Syria."), (std::vector<std::string>{"EGY SYR 057", "SYR EGY 057"}));
}

// Confidence in an actor is support (051); confidence in talks is optimism.
TEST_F(DictPhrasingsTest, ConfidenceInAnActorIsSupport) {
  EXPECT_EQ(code("The Senate leaders expressed confidence in the president."),
            std::vector<std::string>{"---LEG ---GOV 051"});
  EXPECT_EQ(code("The governor voiced confidence in the police chief."), std::vector<std::string>{"---GOV ---COP 051"});
  EXPECT_EQ(code("Japan expressed confidence in the talks with China."), std::vector<std::string>{"JPN CHN 013"});
}

// Press verbs of criticism: "scored" a policy (never a goal), "flayed",
// and questioning someone's judgment or honesty.
TEST_F(DictPhrasingsTest, PressVerbsOfCriticism) {
  EXPECT_EQ(code("The senator scored the administration's farm policy."), std::vector<std::string>{"---LEG ---GOV 111"});
  EXPECT_TRUE(code("The Kenyan striker scored a goal against Uganda.").empty());
  EXPECT_EQ(code("The governor flayed the legislature."), std::vector<std::string>{"---GOV ---LEG 111"});
  EXPECT_EQ(code("The senator questioned the president's judgment."), std::vector<std::string>{"---LEG ---GOV 111"});
}

// Calling in an ambassador is summoning him, an official complaint (114).
TEST_F(DictPhrasingsTest, CallingInAnAmbassadorIsAComplaint) {
  EXPECT_EQ(code("China called in the Japanese ambassador to protest."), std::vector<std::string>{"CHN JPNGOV 114"});
  EXPECT_EQ(code("Poland summoned the German envoy over the remarks."), std::vector<std::string>{"POL DEUGOV 114"});
  EXPECT_TRUE(code("The Kenyan government called in the army.").empty());
}

TEST_F(DictPhrasingsTest, OverturesAreAnIntentToCooperate) {
  EXPECT_EQ(code("Britain made overtures to Egypt."), std::vector<std::string>{"GBR EGY 030"});
}

// "Hanged" is an execution; other forms of HANG are no event.
TEST_F(DictPhrasingsTest, HangedIsAnExecution) {
  EXPECT_EQ(roots("Iran hanged two Kurdish militants."), std::vector<std::string>{"18"});
  EXPECT_TRUE(code("The portrait hung in the Kenyan parliament.").empty());
}

// Diplomatic notes: a note is a statement (010), a protest note an official
// complaint (114), whether sent or delivered.
TEST_F(DictPhrasingsTest, DiplomaticNotes) {
  EXPECT_EQ(code("The United States sent a stiff note to Cuba."), std::vector<std::string>{"USA CUB 010"});
  EXPECT_EQ(code("The Soviet Union sent a note to the United States protesting the flights."),
            std::vector<std::string>{"RUS USA 114"});
  EXPECT_EQ(code("Britain delivered a protest note to Egypt."), std::vector<std::string>{"GBR EGY 114"});
}

// Idioms of criticism, rejection and pressure, each a multi-word verb.
TEST_F(DictPhrasingsTest, IdiomsOfCriticismRejectionAndPressure) {
  EXPECT_EQ(code("The Chinese premier took a swipe at Washington."), std::vector<std::string>{"CHNGOV USA 111"});
  EXPECT_EQ(code("The Kenyan opposition poured scorn on the president's plan."),
            std::vector<std::string>{"KENOPP KENGOV 111"});
  EXPECT_EQ(roots("Moscow poured cold water on the American proposal."), std::vector<std::string>{"12"});
  EXPECT_EQ(code("France piled pressure on Iran."), std::vector<std::string>{"FRA IRN 100"});
  EXPECT_EQ(code("The United States ratcheted up pressure on Venezuela."), std::vector<std::string>{"USA VEN 100"});
}

}  // namespace
}  // namespace parley
