// The whole pipeline on parley's own small test dictionaries: coding, date
// restrictions, discards, and bad input that must neither crash nor change
// the codes of the good text around it.
#include <gtest/gtest.h>

#include <string>

#include "dict/load.h"
#include "pipeline/engine.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley {
namespace {

const std::string kDir = test::test_data_path("pipeline");

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = new Engine(test::engine_config(kDir));
  }
  static void TearDownTestSuite() { delete engine_; }

  std::vector<std::string> code(const std::string& text, int32_t date = 20250806) {
    Worker w(*engine_);
    w.code("t", date, text, false, last_);
    std::vector<std::string> out;
    for (const auto& e : last_.events) out.push_back(e.source + " " + e.target + " " + std::string(e.code.view()));
    return out;
  }

  static Engine* engine_;
  CodedDocument last_;
};
Engine* PipelineTest::engine_ = nullptr;

TEST_F(PipelineTest, CodesASimpleSentence) {
  EXPECT_EQ(code("Russia accused Ukraine on Monday."), std::vector<std::string>{"RUS UKR 112"});
}

TEST_F(PipelineTest, PatternRefinesTheCode) {
  EXPECT_EQ(code("Trump threatened Russia with new sanctions."), std::vector<std::string>{"USAGOV RUS 1312"});
}

TEST_F(PipelineTest, PassiveVoiceSwapsRoles) {
  // (and the host's greeting is the guest's visit: the codebook's linked 042)
  EXPECT_EQ(code("Putin was greeted by the French government."),
            (std::vector<std::string>{"FRAGOV RUSGOV 043", "RUSGOV FRAGOV 042"}));
}

TEST_F(PipelineTest, DateRestrictionsOnBothSidesOfAChangeOfOffice) {
  EXPECT_EQ(code("Trump accused Russia.", 20250119), std::vector<std::string>{"USAELI RUS 112"});
  EXPECT_EQ(code("Trump accused Russia.", 20250121), std::vector<std::string>{"USAGOV RUS 112"});
  EXPECT_EQ(code("Trump accused Russia.", 20100101), std::vector<std::string>{"USABUS RUS 112"});
}

TEST_F(PipelineTest, SentenceAndStoryDiscards) {
  EXPECT_TRUE(code("Russia accused Ukraine of rigging the box office figures.").empty());
  EXPECT_EQ(last_.discarded_sentences.size(), 1u);
  EXPECT_TRUE(code("Russia accused Ukraine. France will host the World Cup.").empty());
  EXPECT_TRUE(last_.story_discarded);
}

TEST_F(PipelineTest, InvalidUtf8AndNulBytesAreRepairedNotFatal) {
  std::string text = "Russia accused Ukraine.\xff\xfe Caf\xc3 \x00 x.";
  text.push_back('\0');
  text += " France met Russia.";
  auto events = code(text);
  EXPECT_GT(last_.utf8_repairs, 0u);
  EXPECT_EQ(events, (std::vector<std::string>{"RUS UKR 112", "FRA RUS 040"}));
}

TEST_F(PipelineTest, EmptyAndBlankDocuments) {
  EXPECT_TRUE(code("").empty());
  EXPECT_TRUE(code("   \n\n\t ").empty());
  EXPECT_TRUE(code(".,;!?").empty());
}

TEST_F(PipelineTest, HugeOneLineDocument) {
  std::string text;
  const std::string sentence = "Russia accused Ukraine again ";
  while (text.size() < 10u * 1024 * 1024) text += sentence;
  text += ". France met Russia.";
  auto events = code(text);
  // Whatever the splitter makes of 10 MB without a full stop, it finishes and
  // the ordinary sentence after it still codes.
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "FRA RUS 040");
}

TEST_F(PipelineTest, ReusedWorkerGivesTheSameAnswer) {
  Worker w(*engine_);
  CodedDocument a, b;
  w.code("a", 20250806, "Trump threatened Russia with tariffs. Putin met Trump.", false, a);
  w.code("x", 20250806, std::string(5000, 'z'), false, b);
  w.code("a", 20250806, "Trump threatened Russia with tariffs. Putin met Trump.", false, b);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].source, b.events[i].source);
    EXPECT_EQ(a.events[i].target, b.events[i].target);
    EXPECT_EQ(a.events[i].code.view(), b.events[i].code.view());
  }
}

}  // namespace
}  // namespace parley
