// The agents of parley's default set (data/dict/parley.agents.txt): each
// CAMEO sector's role nouns, their plural, hyphenated and nationality-prefixed
// forms and the abbreviated titles written before a name, seen through the
// events they take part in.  Sentences written for this test; the verbs used
// ("criticized" 111, "arrested" 173, "attacked" 18x/190) are plain ones so a
// failure points at the actor, not the verb.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class AgentsTest : public test::DefaultDictTest {
 protected:
  // "SOURCE TARGET CODE" of each event of one sentence.
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kOneSentence, OneSided::kUnmarked);
  }
  using V = std::vector<std::string>;
};

TEST_F(AgentsTest, AttorneysGeneralAreExecutiveNotCourts) {
  // CAMEO and the gold set's convention: an attorney general heads a legal
  // office of the executive; a district attorney prosecutes (JUD).
  EXPECT_EQ(code("The attorney general criticized the defense contractor."), V{"---GOV ---BUS 111"});
  EXPECT_EQ(code("Atty. Gen. John Doe criticized the city council."), V{"---GOV ---LEG 111"});
  EXPECT_EQ(code("The district attorney criticized the attorneys-general."), V{"---JUD ---GOV 111"});
}

TEST_F(AgentsTest, AbbreviatedTitlesBeforeANameGiveTheRole) {
  EXPECT_EQ(code("Maj. Tom Reed criticized the snipers."), V{"---MIL ---UAF 111"});
  EXPECT_EQ(code("The Rev. John Smith criticized the taxpayers."), V{"---REL ---CVL 111"});
  EXPECT_EQ(code("Sen. Ann Lee criticized Amb. Carl Moss."), V{"---LEG ---GOV 111"});
  EXPECT_EQ(code("Det. Sam Cole arrested the smugglers."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("Msgr. John Ryan criticized the governor."), V{"---REL ---GOV 111"});
}

TEST_F(AgentsTest, LocalOfficesAndBoards) {
  EXPECT_EQ(code("The state comptroller criticized the school superintendent."), V{"---GOV ---EDU 111"});
  EXPECT_EQ(code("The majority leader criticized the city manager."), V{"---LEG ---GOV 111"});
  EXPECT_EQ(code("Shiite clerics criticized the health department."), V{"---REL ---HLH 111"});
}

TEST_F(AgentsTest, NationalityPrefixedSectors) {
  // The adjective gives the country, the agent the sector; the other side
  // takes the sentence's one country (lend_country).
  EXPECT_EQ(code("Kenyan mineworkers criticized the board of directors."), V{"KENLAB KENBUS 111"});
  EXPECT_EQ(code("Nigerian newsmen criticized the parole board."), V{"NGAMED NGAGOV 111"});
  EXPECT_EQ(code("Greek shareholders criticized the editorial board."), V{"GRCBUS GRCMED 111"});
  EXPECT_EQ(code("Indian sharecroppers criticized the state-run media."), V{"INDAGR INDMED 111"});
  EXPECT_EQ(code("Pakistani mujahideen attacked the spy ring."), V{"PAKREB PAKSPY 190"});
}

TEST_F(AgentsTest, ArmedGroupsCriminalsAndFormerOfficials) {
  EXPECT_EQ(code("The terrorist cell attacked the garrison."), V{"---INS ---MIL 180"});
  EXPECT_EQ(code("Police arrested a drug peddler."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("Deputy sheriffs arrested the racketeers."), V{"---COP ---CRM 173"});
  EXPECT_EQ(code("Ex-ministers criticized the automakers."), V{"---ELI ---BUS 111"});
  EXPECT_EQ(code("The Western delegation criticized the secessionists."), V{"---GOV ---SEP 111"});
}

TEST_F(AgentsTest, JusticeMinistriesAreExecutive) {
  EXPECT_EQ(code("Major-General Tom Reed criticized the justice ministry."), V{"---MIL ---GOV 111"});
}

TEST_F(AgentsTest, GovernmentForcesAreTheMilitary) {
  // One agent phrase, not GOV + MIL.
  EXPECT_EQ(code("Government forces attacked the rebels."), V{"---MIL ---REB 190"});
  EXPECT_EQ(code("Turkish political leaders criticized the regime troops."), V{"TURPTY TURMIL 111"});
}

TEST_F(AgentsTest, PossessivePhrasesMatchAsTheTokenizerSplitsThem) {
  // "women's" is two tokens (WOMEN 'S); the entries are written WOMEN_'S_CLUB.
  EXPECT_EQ(code("The women's club criticized the state's attorney."), V{"---CVL ---JUD 111"});
}

}  // namespace
}  // namespace parley
