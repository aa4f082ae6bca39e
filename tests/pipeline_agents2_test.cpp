// The agents of parley's default set (data/dict/parley.agents.txt), second
// audit: every CAMEO sector's titles and nouns by their other names (rulers,
// Communist-state offices, district and village heads, ranks, police units,
// lawyers and procurators, party officers, media hosts, trades, welfare
// workers, clergy titles, ex- titles), in their plural, hyphenated and
// nationality-prefixed forms, and a country lent to an agent by the rest of
// its sentence.  The negatives are words left out of the file because they
// made events of ordinary sentences.  Sentences written for this test; the
// verbs are plain ones ("criticized" 111, "arrested" 173, "attacked" 190) so
// a failure points at the actor.  Each sentence pairs two different sectors:
// an event whose two sides have the same code loses its target.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class AgentsAuditTest : public test::DefaultDictTest {
 protected:
  // "SOURCE TARGET CODE" of each event of one sentence.
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kOneSentence, OneSided::kUnmarked);
  }
  using V = std::vector<std::string>;
};

TEST_F(AgentsAuditTest, ExecutiveByOtherTitles) {
  // China's State Council is its cabinet: a state councillor is GOV, not a
  // local councillor (LEG).
  EXPECT_EQ(code("Chinese state councillors criticized the Japanese ambassador."), V{"CHNGOV JPNGOV 111"});
  EXPECT_EQ(code("The inspectors general criticized the army."), V{"---GOV ---MIL 111"});
  EXPECT_EQ(code("Pakistani district chiefs criticized the smugglers."), V{"PAKGOV PAKCRM 111"});
  EXPECT_EQ(code("The ombudsman criticized the jailers."), V{"---GOV ---COP 111"});
  EXPECT_EQ(code("Lt. Gov. Ann Moss criticized the state troopers."), V{"---GOV ---COP 111"});
  EXPECT_EQ(code("Soviet commissars criticized the generals."), V{"RUSGOV RUSMIL 111"});
  EXPECT_EQ(code("The tsar criticized the nobles."), V{"---GOV ---ELI 111"});
  EXPECT_EQ(code("Technocrats criticized the smugglers."), V{"---GOV ---CRM 111"});
  // Incoming office-holders take the office's role.
  EXPECT_EQ(code("Chilean president-elect Ana Ruiz criticized the Peruvian apparatchiks."), V{"CHLGOV PERGOV 111"});
  EXPECT_EQ(code("The congresswomen-elect criticized the smugglers."), V{"---LEG ---CRM 111"});
  // The hard CH of MONARCH takes +S, not the generated +ES.
  EXPECT_EQ(code("Gulf monarchs criticized the ex-generals."), V{"---GOV ---ELI 111"});
}

TEST_F(AgentsAuditTest, NationalityBeforeATitledName) {
  // A person's record whose names include the title ("President Xi") takes
  // the title word from the agents; the nationality before it names the same
  // country and must not hide the person's role.
  EXPECT_EQ(code("Chinese President Xi criticized the Japanese ambassador."), V{"CHNGOV JPNGOV 111"});
  EXPECT_EQ(code("China's President Xi Jinping criticized the Japanese army."), V{"CHNGOV JPNMIL 111"});
  // Composed as before when the title is an agent of its own.
  EXPECT_EQ(code("Japanese Prime Minister Shinzo Abe criticized the Chinese army."), V{"JPNGOV CHNMIL 111"});
  // A second country in the phrase does not replace the first.
  EXPECT_EQ(code("Israeli Arab lawmakers criticized the Syrian army."), V{"ISRLEG SYRMIL 111"});
}

TEST_F(AgentsAuditTest, LegislaturesByOtherNames) {
  EXPECT_EQ(code("The Iranian Majlis criticized the Saudi government."), V{"IRNLEG SAUGOV 111"});
  EXPECT_EQ(code("Senate panels criticized the technocrats."), V{"---LEG ---GOV 111"});
  EXPECT_EQ(code("The village council criticized the county clerk."), V{"---LEG ---GOV 111"});
  EXPECT_EQ(code("Law-makers criticized the drug barons."), V{"---LEG ---CRM 111"});
  EXPECT_EQ(code("The Hungarian legislative assembly criticized the undergraduates."), V{"HUNLEG HUNEDU 111"});
  // A loya jirga is a national assembly; a jirga, a council of elders.
  EXPECT_EQ(code("The Afghan loya jirga criticized the Pakistani tribal council."), V{"AFGLEG PAKELI 111"});
  EXPECT_EQ(code("The jirga criticized the police."), V{"---ELI ---COP 111"});
}

// An army lends its country to no armed men it faces (actors.h, lend_country):
// troops fight abroad as often as at home.
TEST_F(AgentsAuditTest, ArmedForcesRanksAndUnits) {
  EXPECT_EQ(code("Lt. Tom Reed criticized the drug pushers."), V{"---MIL ---CRM 111"});
  EXPECT_EQ(code("Egyptian defence chiefs criticized the Israeli high command."), V{"EGYMIL ISRMIL 111"});
  EXPECT_EQ(code("Nigerian paratroops attacked the kidnappers."), V{"NGAMIL ---CRM 190"});
  EXPECT_EQ(code("National guardsmen attacked the looters."), V{"---MIL ---CRM 190"});
  EXPECT_EQ(code("The commanding officer criticized the drug barons."), V{"---MIL ---CRM 111"});
}

TEST_F(AgentsAuditTest, PoliceUnitsAndEnforcement) {
  EXPECT_EQ(code("Lawmen arrested the mobsters."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("The Italian carabinieri arrested mafiosi."), V{"ITACOP ITACRM 173"});
  EXPECT_EQ(code("Mexican drug agents arrested the narcos."), V{"MEXCOP MEXCRM 173"});
  // A police lieutenant is police, though LT. alone is a military rank.
  EXPECT_EQ(code("Police Lt. Sam Ward arrested the drug pushers."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("Customs agents arrested the counterfeiters."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("The Russian public security bureau arrested the white supremacists."), V{"RUSCOP RUSRAD 173"});
  EXPECT_EQ(code("Federal investigators arrested the mobsters."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("Congressional investigators criticized the generals."), V{"---LEG ---MIL 111"});
}

TEST_F(AgentsAuditTest, Intelligence) {
  EXPECT_EQ(code("Undercover agents arrested the extortionists."), V{"---SPY ---CRM 173"});
  EXPECT_EQ(code("The Syrian mukhabarat criticized the student activists."), V{"SYRSPY SYREDUOPP 111"});
  EXPECT_EQ(code("Double agents criticized the customs service."), V{"---SPY ---COP 111"});
}

TEST_F(AgentsAuditTest, CourtsLawyersAndProcurators) {
  EXPECT_EQ(code("British barristers criticized the police."), V{"GBRJUD GBRCOP 111"});
  EXPECT_EQ(code("Russian procurators charged the opposition leader."), V{"RUSJUD RUSOPP 115"});  // charges are 115 (usage note of 173)
  EXPECT_EQ(code("The public defender criticized the narcotics officers."), V{"---JUD ---COP 111"});
  // A court-martial is a military court, as "military court" composes.
  EXPECT_EQ(code("An Egyptian court-martial sentenced the army deserters."), V{"EGYMILJUD EGYMILOPP 173"});
  EXPECT_EQ(code("The special counsel criticized the attorney general."), V{"---JUD ---GOV 111"});
  EXPECT_EQ(code("The bar council criticized the smugglers."), V{"---JUD ---CRM 111"});
}

TEST_F(AgentsAuditTest, RebelsAndIrregulars) {
  EXPECT_EQ(code("Colombian revolutionaries attacked the army garrison."), V{"COLREB COLMIL 190"});
  EXPECT_EQ(code("The liberation front attacked the police station."), V{"---REB ---COP 190"});
  EXPECT_EQ(code("Filipino guardsmen arrested the hostage-takers."), V{"PHLMIL ---UAF 173"});
  EXPECT_EQ(code("Afghan commandos attacked the infiltrators."), V{"AFGMIL ---UAF 190"});
}

TEST_F(AgentsAuditTest, ProtestOppositionAndRadicals) {
  // A hunger striker protests; STRIKER alone is labour.
  EXPECT_EQ(code("A Chinese court sentenced the hunger strikers."), V{"CHNJUD CHNOPP 173"});
  EXPECT_EQ(code("Burmese pro-democracy groups criticized the junta."), V{"MMROPP MMRMIL 111"});
  EXPECT_EQ(code("The government-in-exile criticized the generals."), V{"---OPP ---MIL 111"});
  EXPECT_EQ(code("German neo-Nazis attacked Turkish immigrants."), V{"DEURAD TURREF 190"});
}

TEST_F(AgentsAuditTest, PartyOfficers) {
  EXPECT_EQ(code("The ward leaders criticized the city comptroller."), V{"---PTY ---GOV 111"});
  EXPECT_EQ(code("Campaign aides criticized the county clerk."), V{"---PTY ---GOV 111"});
  EXPECT_EQ(code("The precinct captains criticized the police."), V{"---PTY ---COP 111"});
}

TEST_F(AgentsAuditTest, Media) {
  EXPECT_EQ(code("The French editor-in-chief criticized the police."), V{"FRAMED FRACOP 111"});
  EXPECT_EQ(code("Turkish cartoonists criticized the president."), V{"TURMED TURGOV 111"});
  EXPECT_EQ(code("Talk show hosts criticized the senators."), V{"---MED ---LEG 111"});
  EXPECT_EQ(code("State radio criticized the opposition."), V{"---MED ---OPP 111"});
  EXPECT_EQ(code("The anchorman criticized the pollsters."), V{"---MED ---EDU 111"});
}

TEST_F(AgentsAuditTest, BusinessTradesAndAssociations) {
  EXPECT_EQ(code("Russian oligarchs criticized the mayor."), V{"RUSBUS RUSGOV 111"});
  EXPECT_EQ(code("Hoteliers criticized the central bankers."), V{"---BUS ---GOV 111"});
  EXPECT_EQ(code("Chipmakers criticized the trade ministry."), V{"---BUS ---GOV 111"});
  EXPECT_EQ(code("The hotel association criticized the city council."), V{"---BUS ---LEG 111"});
}

TEST_F(AgentsAuditTest, CiviliansAndLandowners) {
  EXPECT_EQ(code("Greek pensioners criticized the finance ministry."), V{"GRCCVL GRCGOV 111"});
  // Landowners are civilians (Phoenix), so a quarrel with peasants keeps both sides.
  EXPECT_EQ(code("Brazilian landowners criticized the landless peasants."), V{"BRACVL BRAAGR 111"});
  EXPECT_EQ(code("Property owners criticized the lawmakers."), V{"---CVL ---LEG 111"});
}

TEST_F(AgentsAuditTest, EducationAndExperts) {
  EXPECT_EQ(code("Indonesian pollsters criticized the election commission."), V{"IDNEDU IDNGOV 111"});
  EXPECT_EQ(code("Physicists criticized the war office."), V{"---EDU ---MIL 111"});
  EXPECT_EQ(code("The research centre criticized the generals."), V{"---EDU ---MIL 111"});
}

TEST_F(AgentsAuditTest, HealthAndWelfare) {
  EXPECT_EQ(code("South African social workers criticized the police."), V{"ZAFHLH ZAFCOP 111"});
  EXPECT_EQ(code("Ambulance crews criticized the police."), V{"---HLH ---COP 111"});
  EXPECT_EQ(code("The medical council criticized the mayor."), V{"---HLH ---GOV 111"});
}

TEST_F(AgentsAuditTest, LabourAndAgriculture) {
  EXPECT_EQ(code("Spanish teamsters criticized the employers."), V{"ESPLAB ESPBUS 111"});
  EXPECT_EQ(code("Indian railwaymen criticized the railway ministry."), V{"INDLAB INDGOV 111"});
  EXPECT_EQ(code("Kenyan farmhands criticized the plantation owners."), V{"KENAGR KENBUS 111"});
  EXPECT_EQ(code("Union organizers criticized the hotel association."), V{"---LAB ---BUS 111"});
  EXPECT_EQ(code("The strike committee criticized the steelmakers."), V{"---LAB ---BUS 111"});
}

TEST_F(AgentsAuditTest, ClergyByOtherTitles) {
  EXPECT_EQ(code("Franciscan friars criticized the police."), V{"---REL ---COP 111"});
  // A church's minister is clergy; MINISTER alone is a government minister.
  EXPECT_EQ(code("The Baptist minister criticized the mayor."), V{"---REL ---GOV 111"});
  EXPECT_EQ(code("The protestant ministers criticized the governor."), V{"---REL ---GOV 111"});
  EXPECT_EQ(code("The Polish bishops' conference criticized the government."), V{"POLREL POLGOV 111"});
}

TEST_F(AgentsAuditTest, FormerOfficialsCriminalsAndGroups) {
  EXPECT_EQ(code("Hungarian ex-ministers criticized the Hungarian prime minister."), V{"HUNELI HUNGOV 111"});
  EXPECT_EQ(code("Inmates attacked the prison guards."), V{"---CRM ---COP 190"});
  EXPECT_EQ(code("Police arrested the loan sharks."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("Eco-activists criticized the oil companies."), V{"---ENV ---BUS 111"});
  EXPECT_EQ(code("The nonprofit group criticized the police."), V{"---NGO ---COP 111"});
}

TEST_F(AgentsAuditTest, CountryLentToAgentsBothWays) {
  // Issue 9, country inheritance: an agent with no country takes the one its
  // sentence names, before or after it, through an actor with a role.
  EXPECT_EQ(code("Tanzanian police arrested the drug pushers."), V{"TZACOP TZACRM 173"});
  EXPECT_EQ(code("Police arrested the Tanzanian drug pushers."), V{"TZACOP TZACRM 173"});
  EXPECT_EQ(code("Press freedom groups criticized the Turkish government."), V{"TURHRI TURGOV 111"});
  // Advocacy and pressure groups are citizens' groups (the gold set's
  // convention) and take the sentence's country; aid agencies (NGO) do not.
  EXPECT_EQ(code("Pressure groups criticized the Kenyan police."), V{"KENCVL KENCOP 111"});
  EXPECT_EQ(code("Georgian carabinieri fired at the hunger strikers."), V{"GEOCOP GEOOPP 175"});
}

TEST_F(AgentsAuditTest, WordsLeftOutMakeNoEvents) {
  // COLLEGE, TELEVISION and FIREFIGHTER are not agents: each of these made an
  // event when they were.
  EXPECT_EQ(code("Thousands attend college in the city every year."), V{});
  EXPECT_EQ(code("The college team beat the visitors by ten points."), V{});
  EXPECT_EQ(code("The league sold the television rights to Sky."), V{});
  EXPECT_EQ(code("Firefighters rescued two children from the burning house."), V{});
}

TEST_F(AgentsAuditTest, WordsMostlyAdjectivesAreAgentsOnlyInThePlural) {
  // RADICAL, MODERATE, ACADEMIC, ROYAL and ELDER modify things (and
  // brothers) more often than they name people; their plurals name people.
  EXPECT_EQ(code("Radicals attacked the police station."), V{"---RAD ---COP 190"});
  EXPECT_EQ(code("Moderates criticized the radicals."), V{"---MOD ---RAD 111"});
  EXPECT_EQ(code("Academics criticized the technocrats."), V{"---EDU ---GOV 111"});
  // With the nouns of groups and leaders, the singular adjectives stay agents.
  EXPECT_EQ(code("Radical groups attacked the police station."), V{"---RAD ---COP 190"});
  EXPECT_EQ(code("Moderate leaders criticized the radical faction."), V{"---MOD ---RAD 111"});
  auto no_side_has = [&](const std::string& text, const std::string& role) {
    for (const std::string& e : code(text)) EXPECT_EQ(e.find(role), std::string::npos) << text << " -> " << e;
  };
  no_side_has("The ministers discussed a radical change in the tax law.", "RAD");
  no_side_has("Lawmakers praised the moderate budget.", "MOD");
  no_side_has("The union criticized the academic calendar.", "EDU");
  // ROYAL and ELDER likewise ("Royal Bank", "his elder brother").
  EXPECT_EQ(code("The village elders criticized the police."), V{"---ELI ---COP 111"});
  no_side_has("His elder brother criticized the police.", "ELI");
  no_side_has("The Royal Bank criticized the regulators.", "ELI");
}

}  // namespace
}  // namespace parley

// "the West Bank", "the West German government": a name that begins with an
// article ("THE WEST" = WST) gives way to a longer name starting on its next
// word (WEST BANK = PSE, WEST GERMAN(Y) = DEU), instead of leaving that word's
// rest to become an agent ("Bank" = BUS).  Sentences written for this test.
namespace parley {
namespace {
// In a sentence written with capitals, a lower-case word that is also a
// common noun is that noun, not the country or person it spells.
TEST_F(AgentsAuditTest, ALowerCaseCommonNounNamesNoOne) {
  EXPECT_EQ(code("Sudanese rebels attacked the village and hid in the bush."), V{"SDNREB --- 190"});
  EXPECT_EQ(code("Sudanese rebels attacked Bush."), V{"SDNREB USAELI 190"});  // in 2025, a former president
  EXPECT_TRUE(code("The driver struck a utility pole near the border.").empty());
}

TEST_F(AgentsAuditTest, ArticleNameGivesWayToALongerName) {
  EXPECT_EQ(code("Israeli troops raided a village in the West Bank."), V{"ISRMIL PSE 190"});
  auto v = code("Officials of the West German government criticized Moscow.");
  EXPECT_EQ(v, V{"DEUGOV RUS 111"});
  // "the West" alone is still the West.
  EXPECT_EQ(code("Russia criticized the West."), V{"RUS WST 111"});
}
}  // namespace
}  // namespace parley

// "the president of the company": an executive title followed by of/for, a
// determiner and a body of another sector is that body's officer; without
// the determiner the body is a portfolio ("the Secretary of Labor").
// Sentences written for this test.
namespace parley {
namespace {
TEST_F(AgentsAuditTest, TitleOfABodyIsThatBodys) {
  EXPECT_EQ(code("The president of the company criticized the Agriculture Department."), V{"---BUS ---GOV 111"});
  EXPECT_EQ(code("A spokesman for the union criticized the police."), V{"---LAB ---COP 111"});
  EXPECT_EQ(code("The vice president of the city council criticized the police."), V{"---LEG ---COP 111"});
  EXPECT_EQ(code("The Secretary of Labor criticized the union."), V{"---GOV ---LAB 111"});
}
}  // namespace
}  // namespace parley

// "met his Ugandan counterpart": an official's counterpart is the other
// country's government.  Sentences written for this test.
namespace parley {
namespace {
TEST_F(AgentsAuditTest, ACounterpartIsTheOtherGovernment) {
  EXPECT_EQ(code("The Kenyan foreign minister met his Ugandan counterpart."), V{"KENGOV UGAGOV 040"});
  EXPECT_EQ(code("Kenya's defence minister criticized his Tanzanian counterparts."), V{"KENGOV TZAGOV 111"});
}
}  // namespace
}  // namespace parley

// "Kandahar police", "the Houston city council": an agent with no country
// after a city's or region's name takes the place's country.  Not a word
// that is also an adjective or a verb ("Western delegations"), nor a city
// that ends a person's name.  Sentences written for this test.
namespace parley {
namespace {
TEST_F(AgentsAuditTest, AnAgentAfterAPlaceTakesItsCountry) {
  EXPECT_EQ(code("Kandahar police arrested two Pakistani men."), V{"AFGCOP PAK 173"});
  EXPECT_EQ(code("The Houston police criticized the Mexican consulate."), V{"USACOP MEXGOV 111"});
  EXPECT_EQ(code("Western diplomats criticized the Kenyan government."), V{"---GOV KENGOV 111"});
  EXPECT_EQ(code("The pilot Alan Lawrence Pope criticized the police."), V{"---REL ---COP 111"});
}
}  // namespace
}  // namespace parley
