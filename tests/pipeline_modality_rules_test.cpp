// Reported speech and intent in parley's default set (data/dict, PETRARCH
// dialect): what is demanded, asked for or denied is not a done act; an
// announced act is its intent; questions, indirect questions and conditions
// report nothing done.  Sentences written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class ModalityRulesTest : public test::DefaultDictTest {
 protected:
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kDocument, OneSided::kUnmarked);
  }
  // Any event whose code starts with `root`.
  static bool has_root(const std::vector<std::string>& v, const std::string& root) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) {
      const size_t code = s.rfind(' ');
      return s.compare(code + 1, root.size(), root) == 0;
    });
  }
};

// A that-clause under a coded demand is the demand's content, with or
// without "that"; an indicative after "insist" is asserted, not demanded.
TEST_F(ModalityRulesTest, DemandedContentIsNotDone) {
  const auto withdraw = code("Germany demanded that Russia withdraw its troops from the border.");
  EXPECT_TRUE(has(withdraw, "DEU RUS 1056"));
  EXPECT_FALSE(has_root(withdraw, "08"));
  const auto no_that = code("The UN demanded Israel withdraw from Gaza.");
  EXPECT_TRUE(has_root(no_that, "10"));
  EXPECT_FALSE(has_root(no_that, "08"));
  EXPECT_FALSE(has_root(code("France insisted that Japan apologize for the remarks."), "05"));
  // Asserted, not demanded: the attack stays.
  EXPECT_TRUE(has(code("Russia insisted that it had attacked only military targets in Georgia."), "RUS GEO 190"));
}

// An act asked of someone by a verb the dictionary does not code becomes the
// asker's appeal; the one asked must stand between request and act.
TEST_F(ModalityRulesTest, RequestedContentIsTheAppeal) {
  EXPECT_EQ(code("Washington wanted Beijing to release the activists."), std::vector<std::string>{"USA CHN 0253"});
  const auto asked = code("Washington asked that Beijing release the activists.");
  EXPECT_TRUE(has(asked, "USA CHN 0253"));
  EXPECT_FALSE(has_root(asked, "08"));
  // The wanter's own act is its intent, in both directions of a mutual act.
  const auto own = code("Russia wants to sign a deal with China.");
  EXPECT_FALSE(has_root(own, "02"));
  EXPECT_TRUE(has_root(own, "03"));
  // "called" without on/for asks nothing.
  EXPECT_TRUE(has(code("Germany called the attack on Ukraine a crime."), "DEU UKR 111"));
}

// "X said Y should Z": the reporter's appeal; "said it should": nothing done.
TEST_F(ModalityRulesTest, ReportedShouldIsAnAppeal) {
  EXPECT_EQ(code("Pakistan said India should release the fishermen."), std::vector<std::string>{"PAK IND 0253"});
  EXPECT_FALSE(has_root(code("Pakistan said it should release the fishermen."), "08"));
}

// A denied act did not happen as far as the text asserts: the denial (016)
// stays, the act goes, after "that", without it, and before a gerund.
TEST_F(ModalityRulesTest, DeniedActsAreNotDone) {
  const auto that = code("Uganda denied that it had attacked Kenya.");
  EXPECT_TRUE(has(that, "UGA KEN 016"));
  EXPECT_FALSE(has_root(that, "19"));
  EXPECT_FALSE(has_root(code("Kenya denied that Uganda had been attacked."), "19"));
  EXPECT_FALSE(has_root(code("Iran denied the report that it attacked Iraq."), "19"));
  const auto gerund = code("Russia denied sending troops into Ukraine, Kyiv said.");
  EXPECT_TRUE(has_root(gerund, "016"));
  EXPECT_FALSE(has_root(gerund, "19"));
  // A plain report keeps the act.
  EXPECT_TRUE(has_root(code("Kenya said Uganda attacked its border posts."), "190"));
}

// "said it would / will / is ready to" an act: the intent, not the act.
TEST_F(ModalityRulesTest, AnnouncedActsAreIntents) {
  EXPECT_EQ(code("India said it would send troops to Nepal."), std::vector<std::string>{"IND NPL 0334"});
  EXPECT_EQ(code("Germany will deploy troops to Lithuania."), std::vector<std::string>{"DEU LTU 0334"});
  EXPECT_EQ(code("Brazil said it is ready to supply arms to Bolivia."), std::vector<std::string>{"BRA BOL 0332"});
  EXPECT_TRUE(has_root(code("Syria said it was determined to retake Aleppo."), "138"));
  EXPECT_EQ(code("Iran threatened to impose sanctions on Iraq."), std::vector<std::string>{"IRN IRQ 1312"});
  // A coded threat or request whose content is coded too takes the content's
  // specific form when the dictionary gave only the family's residual.
  EXPECT_EQ(code("Russia vowed to attack Georgia."), std::vector<std::string>{"RUS GEO 1384"});
  // A build-up of one's own forces has no place to deploy to: still 154.
  EXPECT_TRUE(has_root(code("Italy said it would build up its navy."), "154"));
  // Done acts stay done.
  EXPECT_EQ(code("Germany sent troops to Lithuania."), std::vector<std::string>{"DEU LTU 154"});
}

// Questions, indirect questions, conditions and what merely could happen.
TEST_F(ModalityRulesTest, QuestionsAndConditionsReportNothingDone) {
  EXPECT_FALSE(has_root(code("The minister asked whether Russia attacked Georgia."), "19"));
  EXPECT_TRUE(code("Had Russia invaded Finland, Sweden would have joined NATO.").empty());
  EXPECT_TRUE(code("If Iran had attacked Israel, the United States would have responded.").empty());
  EXPECT_TRUE(code("North Korea could launch a missile at Japan.").empty());
  EXPECT_TRUE(code("Why did Russia attack Georgia?").empty());
  EXPECT_TRUE(code("Would China attack Taiwan?").empty());
  // Not an inversion: "Had" as the main verb of a statement.
  EXPECT_TRUE(has(code("Russia attacked Georgia."), "RUS GEO 190"));
  EXPECT_TRUE(has_root(code("The rebels had attacked the army, officials said."), "19"));
}

// "was reluctant to withdraw", "failed to withdraw": what one held back
// from or failed at was not done; "refused to" is the refusal.
TEST_F(ModalityRulesTest, HeldBackActsAreNotDone) {
  EXPECT_TRUE(code("Kenya was reluctant to withdraw its troops from Somalia.").empty());
  EXPECT_TRUE(code("Kenya was unwilling to withdraw its troops from Somalia.").empty());
  EXPECT_TRUE(code("Kenya failed to withdraw its troops from Somalia.").empty());
  EXPECT_TRUE(code("Kenya hesitated to attack Somalia.").empty());
  EXPECT_EQ(code("Kenya refused to withdraw its troops from Somalia."), std::vector<std::string>{"KEN SOM 1246"});
}

}  // namespace
}  // namespace parley
