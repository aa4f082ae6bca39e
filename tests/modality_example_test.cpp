// The example article end to end: one deadline (2025-08-08, set by USAGOV,
// about a ceasefire, on Russia from the later "if Russia did not agree to a
// ceasefire"), the threaten events conditional on their if-clause, and the
// Reuters-reported demand.
#include <gtest/gtest.h>

#include "quotes_fixture.h"
#include "support/paths.h"

namespace parley {
namespace {

using testing_support::CodedText;

class ExampleModalityTest : public testing_support::CodedTextTest {
 protected:
  void SetUp() override {
    const std::string text = test::read_file(test::example_article());
    ASSERT_FALSE(text.empty());
    coded_ = code(text, 20250806);
  }
  EventModality modality(const Event& e) const {
    return ModalityAnalyzer(lexicon()).analyse(coded_.doc, e, &coded_.quotes);
  }
  CodedText coded_;
};

TEST_F(ExampleModalityTest, OneCeasefireDeadlineSetByTrump) {
  ASSERT_EQ(coded_.deadlines.size(), 1u);
  const Deadline& d = coded_.deadlines[0];
  EXPECT_EQ(d.sentence, 0u);
  EXPECT_EQ(d.date, 20250808);
  EXPECT_EQ(d.date_text, "August 8");
  EXPECT_EQ(d.setter_code, "USAGOV");
  EXPECT_EQ(d.setter, "President Donald Trump");
  EXPECT_EQ(d.topic, "ceasefire");
  EXPECT_EQ(coded_.tokens(d.evidence_begin, d.evidence_end),
            "a critical August 8 ceasefire deadline set by President Donald Trump");
  // Nobody is named in the sentence; the ceasefire Russia must agree to is.
  EXPECT_EQ(d.target_code, "RUS");
  EXPECT_EQ(d.target, "Russia");
  EXPECT_TRUE(d.target_inferred);
  ASSERT_GE(d.target_begin, 0);
  EXPECT_EQ(coded_.doc.tokens[d.target_begin].sentence, 7u);
}

TEST_F(ExampleModalityTest, ThreatsAreConditionalOnTheIfClause) {
  int threats = 0;
  for (const Event& e : coded_.events) {
    if (coded_.verb(e) != "threatened") continue;
    ++threats;
    const EventModality m = modality(e);
    EXPECT_TRUE(m.conditional);
    EXPECT_FALSE(m.in_condition);
    EXPECT_EQ(m.condition, "if Russia did not agree to a ceasefire");
    EXPECT_EQ(coded_.tokens(m.condition_begin, m.condition_end), m.condition);
    EXPECT_FALSE(m.negated);  // the negation belongs to the condition
    EXPECT_FALSE(m.future);
    EXPECT_FALSE(m.reported);
  }
  EXPECT_EQ(threats, 3);  // RUS, IND, CHN
}

TEST_F(ExampleModalityTest, ReutersReportsTheDemand) {
  bool seen = false;
  for (const Event& e : coded_.events) {
    if (coded_.verb(e) != "demanded" || e.sentence != 8) continue;
    seen = true;
    const EventModality m = modality(e);
    EXPECT_TRUE(m.reported);
    EXPECT_EQ(coded_.tokens(m.report_verb, m.report_verb + 1), "reports");
    EXPECT_EQ(coded_.tokens(m.reporter_begin, m.reporter_end), "Reuters");
    EXPECT_FALSE(m.conditional);
  }
  EXPECT_TRUE(seen);
}

TEST_F(ExampleModalityTest, PlainEventsCarryNoFlags) {
  for (const Event& e : coded_.events) {
    if (e.sentence != 0 && e.sentence != 18) continue;  // "met", "was greeted"
    const EventModality m = modality(e);
    EXPECT_FALSE(m.negated || m.conditional || m.hypothetical || m.future || m.reported) << coded_.verb(e);
  }
}

}  // namespace
}  // namespace parley
