// events/intent.h: announced acts map to CAMEO's intent (03) and threat (13) codes.
#include "events/intent.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

std::string intent(std::string_view done) { return std::string(intent_code(Code::of(done)).view()); }

TEST(IntentCode, CooperationBecomesIntent) {
  EXPECT_EQ(intent("040"), "036");
  EXPECT_EQ(intent("043"), "036");
  EXPECT_EQ(intent("051"), "032");
  EXPECT_EQ(intent("057"), "030");
  EXPECT_EQ(intent("062"), "0312");
  EXPECT_EQ(intent("072"), "0332");
  EXPECT_EQ(intent("073"), "0333");
  EXPECT_EQ(intent("0841"), "0353");
  EXPECT_EQ(intent("0871"), "0356");
}

TEST(IntentCode, HostileActsBecomeThreats) {
  EXPECT_EQ(intent("163"), "1312");
  EXPECT_EQ(intent("161"), "1313");
  EXPECT_EQ(intent("1723"), "1323");
  EXPECT_EQ(intent("173"), "137");
  EXPECT_EQ(intent("180"), "1383");
  EXPECT_EQ(intent("190"), "1384");
  EXPECT_EQ(intent("192"), "1382");
  EXPECT_EQ(intent("200"), "1385");
  EXPECT_EQ(intent("141"), "133");
}

TEST(IntentCode, CodesWithoutAnIntentFormStay) {
  for (const char* code : {"010", "020", "0233", "036", "090", "100", "112", "120", "1384", "150", "---", "", "174K"})
    EXPECT_EQ(intent(code), code) << code;
}

TEST(IntentCode, EveryResultIsAnIntentOrThreat) {
  for (const char* code : {"041", "046", "050", "056", "060", "064", "070", "075", "080", "083", "086", "160", "166",
                           "170", "175", "181", "183", "191", "193", "195", "1951", "196", "204"}) {
    const std::string out = intent(code);
    EXPECT_TRUE(out.rfind("03", 0) == 0 || out.rfind("13", 0) == 0) << code << " -> " << out;
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

std::string demand(const char* code) { return std::string(demand_code(Code::of(code)).view()); }

TEST(DemandCode, AnActDemandedOfAnotherIsItsDemand) {
  EXPECT_EQ(demand("087"), "1056");   // withdraw, de-escalate
  EXPECT_EQ(demand("0874"), "1056");
  EXPECT_EQ(demand("084"), "1053");   // release persons or property
  EXPECT_EQ(demand("0841"), "1053");
  EXPECT_EQ(demand("085"), "1054");
  EXPECT_EQ(demand("083"), "104");
  EXPECT_EQ(demand("080"), "105");
  EXPECT_EQ(demand("072"), "1032");
  EXPECT_EQ(demand("070"), "103");
  EXPECT_EQ(demand("061"), "1011");
  EXPECT_EQ(demand("057"), "102");
  EXPECT_EQ(demand("040"), "106");
  EXPECT_EQ(demand("046"), "106");
}

TEST(DemandCode, OtherActsAreADemandNotSpecified) {
  for (const char* code : {"010", "112", "173", "190", "1384", "---", "174K"}) EXPECT_EQ(demand(code), "100") << code;
}

}  // namespace
}  // namespace parley
