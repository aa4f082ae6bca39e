// Who the sides of an event are (issue 9): the country an agent takes from
// the sentence, two sides that share a code, a title with "of COUNTRY", a
// verb read as a noun, and talks as negotiation.  Sentences written for this
// test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class SidesTest : public test::DefaultDictTest {
 protected:
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kDocument, OneSided::kMarked);
  }
};

// An agent with no country takes the sentence's; police work at home, so
// whom they act on shares their country.
TEST_F(SidesTest, PoliceLendTheirCountryToWhomTheyActOn) {
  auto v = code("Armenian riot police beat demonstrators in the capital.");
  EXPECT_TRUE(has_prefix(v, "ARMCOP ARMOPP")) << joined(v);
  v = code("Kenyan police detained an opposition leader.");
  EXPECT_TRUE(has_prefix(v, "KENCOP KENOPP")) << joined(v);
}

// Troops fight abroad: the army's country says nothing of whom it faces.
TEST_F(SidesTest, AnArmyDoesNotLendItsCountryToWhomItFaces) {
  auto v = code("British soldiers clashed with insurgents near the border.");
  EXPECT_TRUE(has_prefix(v, "GBRMIL ---")) << joined(v);
  EXPECT_FALSE(has_prefix(v, "GBRMIL GBR")) << joined(v);
  v = code("Insurgents ambushed French troops in the desert.");
  EXPECT_FALSE(has_prefix(v, "FRA")) << joined(v);
  // The army's own general and government are its country's.
  v = code("Thai generals met the prime minister after the army criticized the Thai government.");
  EXPECT_FALSE(has_prefix(v, "---GOV")) << joined(v);
  // A court-martial is a court: the deserters it tries are its country's.
  v = code("A Chilean court-martial sentenced army deserters.");
  EXPECT_TRUE(has_prefix(v, "CHLMILJUD CHL")) << joined(v);
  // Members of one compound are one side and still share the country.
  v = code("Russian soldiers and militiamen attacked the village.");
  EXPECT_TRUE(has_prefix(v, "RUSUAF")) << joined(v);
}

// Peacekeepers serve in a country that is not theirs.
TEST_F(SidesTest, PeacekeepersTakeNoCountryFromWhereTheyServe) {
  auto v = code("Peacekeepers in Chad were attacked by gunmen.");
  EXPECT_FALSE(has_prefix(v, "TCDMIL")) << joined(v);
  EXPECT_FALSE(std::any_of(v.begin(), v.end(), [](const std::string& s) { return s.find("TCDMIL") != std::string::npos; }))
      << joined(v);
  // Nor is the country they are in whom an attack on them is aimed at.
  v = code("Militants ambushed peacekeepers in Chad.");
  EXPECT_TRUE(has(v, "---INS ---MIL 190")) << joined(v);
  // Aid workers, likewise, are seldom of the country they work in.
  v = code("Gunmen kidnapped aid workers in Somalia.");
  EXPECT_FALSE(std::any_of(v.begin(), v.end(), [](const std::string& s) { return s.find("SOMNGO") != std::string::npos; }))
      << joined(v);
  // Soldiers in a country, with nothing else said, are that country's.
  v = code("Soldiers in Chad attacked the rebels.");
  EXPECT_TRUE(has_prefix(v, "TCDMIL")) << joined(v);
  // "near" a place says the same as "in" it, and keeps the same limits.
  v = code("A car bomb killed three policemen near Mosul.");
  EXPECT_TRUE(has_prefix(v, "--- IRQCOP 19")) << joined(v);
  v = code("Gunmen kidnapped aid workers near Mogadishu.");
  EXPECT_FALSE(std::any_of(v.begin(), v.end(), [](const std::string& s) { return s.find("SOMNGO") != std::string::npos; }))
      << joined(v);
}

// A source that took its country from its own target is not the target.
TEST_F(SidesTest, ASourceLentItsCountryByItsTargetKeepsTheTarget) {
  auto v = code("The minister denounced the Syrian government.");
  EXPECT_TRUE(has_prefix(v, "---GOV SYRGOV")) << joined(v);
  EXPECT_FALSE(has_prefix(v, "SYRGOV ---")) << joined(v);
}

// Two different names with one code are two sides; one name said twice,
// or a name and a place where an event happens, is one.
// After the object, "as" says what it is called: the actors there are not
// acted on, unless a "to" names a recipient after the description.
TEST_F(SidesTest, WhatTheObjectIsCalledIsNoTarget) {
  EXPECT_EQ(code("The Kenyan president praised Smith as a soldier, a diplomat and a lawyer."),
            std::vector<std::string>{"KENGOV --- 051 one-sided"});
  EXPECT_EQ(code("Macedonia surrendered its capital as a pledge to Persia."), std::vector<std::string>{"MKD IRN 0831"});
  EXPECT_EQ(code("The Kenyan president criticized the plan as well as Russia."),
            std::vector<std::string>{"KENGOV RUS 111"});
  EXPECT_EQ(code("Russian jets bombed targets such as Aleppo."), std::vector<std::string>{"RUS SYR 195"});
}

// Material conflict aimed at a place no actor dictionary lists is aimed at
// that place's country (the gazetteer's); a place where it happens is not.
TEST_F(SidesTest, AnAttackOnAnUnlistedPlaceIsOnItsCountry) {
  EXPECT_EQ(code("US troops attacked Fallujah."), std::vector<std::string>{"USAMIL IRQ 190"});
  EXPECT_EQ(code("US troops launched an assault on Fallujah."), std::vector<std::string>{"USAMIL IRQ 190"});
  EXPECT_EQ(code("US jets dropped bombs on Ramadi."), std::vector<std::string>{"USA IRQ 195"});
  EXPECT_EQ(code("Insurgents fired rockets into Sderot."), std::vector<std::string>{"---INS ISR 194"});
  EXPECT_EQ(code("Rebels captured the town of Kunduz."), std::vector<std::string>{"---REB AFG 192"});
  // Where, not whom; and a name that modifies a noun is no place.
  EXPECT_EQ(code("US troops fought insurgents in Fallujah."), std::vector<std::string>{"USAMIL ---INS 190"});
  EXPECT_EQ(code("Gunmen attacked Western tourists."), std::vector<std::string>{"---UAF ---CVL 190"});
}

// Seizing a place is occupying territory (192), listed as an actor or not;
// seizing what belongs to a country stays confiscation (1711).
TEST_F(SidesTest, SeizingAPlaceIsOccupyingTerritory) {
  EXPECT_EQ(code("Rebels seized Kunduz."), std::vector<std::string>{"---REB AFG 192"});
  EXPECT_EQ(code("Iraqi forces seized Kuwait in 1990."), std::vector<std::string>{"IRQMIL KWT 192"});
  EXPECT_EQ(code("Russian forces seized Ukrainian ships."), std::vector<std::string>{"RUSMIL UKR 1711"});
  EXPECT_EQ(code("Iranian troops seized Britain's tanker."), std::vector<std::string>{"IRNMIL GBR 1711"});
  // A town too small to be told from a person's name is no territory taken.
  for (const std::string& e : code("Kenyan police seized Mitchell.")) EXPECT_FALSE(e.ends_with(" 192")) << e;
}

// A plain statement is aimed at the one addressed or spoken of, right after
// the verb or after to/with/on/about; a venue or a name further on is not.
TEST_F(SidesTest, AStatementIsAimedAtWhomItAddresses) {
  EXPECT_EQ(code("The Kenyan president spoke to Ugandan lawmakers."), std::vector<std::string>{"KENGOV UGALEG 010"});
  EXPECT_EQ(code("The Kenyan president told the foreign ministers of Uganda about the budget."),
            std::vector<std::string>{"KENGOV UGAGOV 010"});
  EXPECT_EQ(code("The Kenyan president spoke on Monday to Ugandan lawmakers."), std::vector<std::string>{"KENGOV UGALEG 010"});
  EXPECT_TRUE(code("The Kenyan president spoke on Monday at a dinner honoring Ugandan lawmakers.").empty());
  EXPECT_TRUE(code("The Kenyan president spoke yesterday at the Ugandan Traders Hall.").empty());
}

// A clash is fought by both sides; fighting "with" someone may be alongside.
TEST_F(SidesTest, AClashIsFoughtByBothSides) {
  EXPECT_EQ(code("Kenyan troops clashed with Ugandan soldiers."),
            (std::vector<std::string>{"KENMIL UGAMIL 190", "UGAMIL KENMIL 190"}));
  EXPECT_EQ(code("Kenyan troops fought with Ugandan soldiers."), std::vector<std::string>{"KENMIL UGAMIL 190"});
  // Protesters and police keep their own codes, one way.
  EXPECT_EQ(code("Kenyan protesters clashed with police in Nairobi."), std::vector<std::string>{"KENOPP KENCOP 145"});
}

// An attack comes from where it was launched and is aimed where it landed:
// "from X" is the origin (the source when no doer is named), not the target.
TEST_F(SidesTest, AnAttackFromAPlaceIsAimedWhereItLanded) {
  EXPECT_EQ(code("Rockets were fired from Somalia into Kenya."), std::vector<std::string>{"SOM KEN 194"});
  EXPECT_EQ(code("Two rockets were fired at Kenya from Somalia on Tuesday."), std::vector<std::string>{"SOM KEN 194"});
  EXPECT_EQ(code("Militants fired rockets from Somalia into Kenya."), std::vector<std::string>{"---INS KEN 194"});
  // Withdrawing from a place is aimed at it.
  EXPECT_EQ(code("Kenyan troops withdrew from Somalia."), std::vector<std::string>{"KENMIL SOM 0874"});
}

// A share of a place is the place ("captured most of Kunduz"); a weekday
// after a name dates the act and is no part of the name.
TEST_F(SidesTest, APartOfAPlaceAndAWeekdayAfterItKeepThePlace) {
  EXPECT_EQ(code("Rebels captured most of Kunduz."), std::vector<std::string>{"---REB AFG 192"});
  EXPECT_EQ(code("Russian troops shelled parts of Kharkiv overnight."), std::vector<std::string>{"RUSMIL UKR 194"});
  EXPECT_EQ(code("Rebels seized much of the town of Kunduz."), std::vector<std::string>{"---REB AFG 192"});
  EXPECT_EQ(code("Rebels captured Kunduz Tuesday."), std::vector<std::string>{"---REB AFG 192"});
  // A share of what is no place stays the verb's own code (confiscation).
  EXPECT_EQ(code("Rebels seized most of the grain."), std::vector<std::string>{"---REB --- 1711 one-sided"});
}

// "told police two men beat him": the number starts the reported clause's
// subject; the addressee before it is not the one who acted.
TEST_F(SidesTest, ANumberedNounPhraseAfterAnAddresseeIsItsOwnSubject) {
  for (const std::string& e : code("The Kenyan farmer told police two men attacked him."))
    EXPECT_NE(e.substr(0, 6), "KENCOP") << e;
  EXPECT_EQ(code("The US sent Kenya 200 rifles."), std::vector<std::string>{"USA KEN 072"});
  // Numbers inside a noun phrase stay in it.
  EXPECT_EQ(code("A jury of seven men and five women convicted the Ugandan minister."),
            std::vector<std::string>{"UGAJUD UGAGOV 116"});
}

TEST_F(SidesTest, DifferentNamesWithOneCodeAreBothKept) {
  auto v = code("The Tories condemned the Labour Party.");
  EXPECT_TRUE(has(v, "GBRPTY GBRPTY 111")) << joined(v);
  v = code("The Democrats criticized the Republicans.");
  EXPECT_TRUE(has(v, "USAPTY USAPTY 111")) << joined(v);
  // "X and Y" with different names and one code: each is the other's side.
  v = code("The Democrats and the Republicans signed a budget deal.");
  EXPECT_TRUE(has(v, "USAPTY USAPTY 057")) << joined(v);
  v = code("The Labour Party attacked the Labour Party.");
  EXPECT_FALSE(has(v, "GBRPTY GBRPTY 111")) << joined(v);
  v = code("Estonia criticized Estonia.");
  EXPECT_FALSE(has(v, "EST EST 111")) << joined(v);
  // A statement by one side about another of its code is an attribution.
  v = code("Kremlin officials say Putin is doubtful about the talks.");
  EXPECT_FALSE(has_prefix(v, "RUSGOV RUSGOV")) << joined(v);
}

// "Minister of defence of Russia" is Russia's minister, as "Russia's defence
// minister" is; the verb keeps its own target.
TEST_F(SidesTest, ATitleWithItsOwnComplementThenOfCountryIsThatCountrys) {
  auto v = code("The minister of defence of Peru criticized Chile.");
  EXPECT_TRUE(has(v, "PERGOV CHL 111")) << joined(v);
  v = code("The Minister of Foreign Affairs of the Netherlands praised Belgium.");
  EXPECT_TRUE(has_prefix(v, "NLDGOV BEL 05")) << joined(v);
  // The of-phrase after the verb belongs to the target.
  v = code("The minister criticized the policy of Chile.");
  EXPECT_FALSE(has_prefix(v, "CHL")) << joined(v);
}

// "hit" after a singular noun with "at" or a particle next is the verb.
TEST_F(SidesTest, APastReadAsANounBeforeAtOrAParticleIsTheVerb) {
  auto v = code("The governor hit at the legislature over the budget.");
  EXPECT_TRUE(has_prefix(v, "---GOV ---LEG 11")) << joined(v);
  v = code("The chancellor hit back at the unions.");
  EXPECT_TRUE(has_prefix(v, "---GOV")) << joined(v);
  // A noun stays a noun: "a hit at the box office", "the budget cut in".
  EXPECT_TRUE(code("The album was a big hit at the festival.").empty());
}

// The codebook's 046: "holding talks" and "discussions" are negotiation; a
// meeting is 040.
TEST_F(SidesTest, HeldTalksAreNegotiationAndAMeetingIsConsultation) {
  auto v = code("Norway held talks with Sweden on fishing rights.");
  EXPECT_TRUE(has(v, "NOR SWE 046")) << joined(v);
  v = code("Norway had discussions with Sweden.");
  EXPECT_TRUE(has(v, "NOR SWE 046")) << joined(v);
  v = code("Norway held a meeting with Sweden.");
  EXPECT_TRUE(has(v, "NOR SWE 040")) << joined(v);
  EXPECT_FALSE(has(v, "NOR SWE 046")) << joined(v);
}

// Cooperation with one side unnamed whose named side is a social sector
// without a country is private life ("Teachers praised the new rules"); the
// same with a government, or with both sides named, is an event.
TEST_F(SidesTest, OneSidedCooperationOfASocialSectorIsNotAnEvent) {
  auto v = code("Teachers praised the new rules.");
  EXPECT_FALSE(has_prefix(v, "---EDU")) << joined(v);
  v = code("The university said it was prepared to cooperate fully.");
  EXPECT_FALSE(has_prefix(v, "--- ---EDU")) << joined(v);
  v = code("The ministry said it was prepared to cooperate fully.");
  EXPECT_TRUE(has(v, "--- ---GOV 031 one-sided")) << joined(v);
  v = code("Several companies praised the government for the reform.");
  EXPECT_TRUE(has(v, "---BUS ---GOV 051")) << joined(v);
}

}  // namespace
}  // namespace parley
