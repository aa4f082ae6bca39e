// Event flags one shape at a time: negation, if/unless clauses before and
// after the main clause, hypothetical modals, future forms, and reported
// speech (that-clauses, zero "that", trailing attribution, "according to",
// direct quotes).  Each test finds its event by verb, so a coder change that
// loses the event fails the test instead of passing it silently.
#include <gtest/gtest.h>

#include <string>

#include "quotes_fixture.h"

namespace parley {
namespace {

using testing_support::CodedText;

class EventModalityTest : public testing_support::CodedTextTest {
 protected:
  // The modality of the (first) event whose verb text is `verb`.
  EventModality of(const std::string& text, const std::string& verb) {
    coded_ = code(text);
    for (const Event& e : coded_.events)
      if (coded_.verb(e) == verb) return ModalityAnalyzer(lexicon()).analyse(coded_.doc, e, &coded_.quotes);
    ADD_FAILURE() << "no event with verb '" << verb << "' in: " << text;
    return {};
  }
  std::string span(int32_t b, int32_t e) const { return coded_.tokens(b, e); }
  CodedText coded_;
};

TEST_F(EventModalityTest, PlainEventHasNoFlags) {
  const EventModality m = of("Russia accused Ukraine on Monday.", "accused");
  EXPECT_FALSE(m.negated || m.conditional || m.in_condition || m.hypothetical || m.future || m.reported);
  EXPECT_EQ(m.condition_begin, -1);
  EXPECT_TRUE(m.condition.empty());
  EXPECT_EQ(m.modal, -1);
  EXPECT_EQ(m.report_verb, -1);
}

TEST_F(EventModalityTest, NegatedVerbGroup) {
  const EventModality m = of("Russia did not accuse Ukraine.", "accuse");
  EXPECT_TRUE(m.negated);
  EXPECT_FALSE(m.conditional);
}

TEST_F(EventModalityTest, TrailingIfClause) {
  const EventModality m = of("Trump threatened Russia with sanctions if Moscow did not agree to a ceasefire.", "threatened");
  EXPECT_TRUE(m.conditional);
  EXPECT_FALSE(m.in_condition);
  EXPECT_FALSE(m.negated);
  EXPECT_EQ(m.condition, "if Moscow did not agree to a ceasefire");
  EXPECT_EQ(span(m.condition_begin, m.condition_end), m.condition);
}

TEST_F(EventModalityTest, LeadingIfClauseGovernsTheMainClause) {
  const EventModality m = of("If the talks fail, Russia will attack Ukraine.", "attack");
  EXPECT_TRUE(m.conditional);
  EXPECT_FALSE(m.in_condition);
  EXPECT_TRUE(m.future);
  EXPECT_EQ(m.condition, "If the talks fail");
}

TEST_F(EventModalityTest, UnlessClause) {
  const EventModality m = of("Ukraine will accuse Russia unless the shelling stops.", "accuse");
  EXPECT_TRUE(m.conditional);
  EXPECT_EQ(m.condition, "unless the shelling stops");
}

TEST_F(EventModalityTest, EventInsideTheCondition) {
  const EventModality m = of("Sanctions will follow if Russia attacks Ukraine.", "attacks");
  EXPECT_TRUE(m.conditional);
  EXPECT_TRUE(m.in_condition);
  EXPECT_EQ(m.condition, "if Russia attacks Ukraine");
}

TEST_F(EventModalityTest, ConditionDoesNotCrossASemicolon) {
  const EventModality m = of("Russia accused Ukraine; talks resume if both sides agree.", "accused");
  EXPECT_FALSE(m.conditional);
}

TEST_F(EventModalityTest, HypotheticalModals) {
  for (const char* modal : {"would", "could", "might", "may", "should"}) {
    const EventModality m = of(std::string("Russia ") + modal + " accuse Ukraine.", "accuse");
    EXPECT_TRUE(m.hypothetical) << modal;
    EXPECT_FALSE(m.future) << modal;
    EXPECT_EQ(span(m.modal, m.modal + 1), modal);
  }
}

TEST_F(EventModalityTest, FutureForms) {
  EXPECT_TRUE(of("Russia will accuse Ukraine.", "accuse").future);
  EXPECT_TRUE(of("Russia plans to accuse Ukraine.", "accuse").future);
  EXPECT_TRUE(of("Russia is going to accuse Ukraine.", "accuse").future);
  EXPECT_TRUE(of("Russia is expected to accuse Ukraine.", "accuse").future);
  EXPECT_FALSE(of("Russia accused Ukraine.", "accused").future);
  EXPECT_FALSE(of("Russia refused to accuse Ukraine.", "accuse").future);
}

TEST_F(EventModalityTest, ReportedThatClause) {
  const EventModality m = of("Reuters reports that Russia accused Ukraine.", "accused");
  EXPECT_TRUE(m.reported);
  EXPECT_EQ(span(m.report_verb, m.report_verb + 1), "reports");
  EXPECT_EQ(span(m.reporter_begin, m.reporter_end), "Reuters");
}

TEST_F(EventModalityTest, ReportedWithoutThat) {
  const EventModality m = of("Officials say Russia accused Ukraine.", "accused");
  EXPECT_TRUE(m.reported);
  EXPECT_EQ(span(m.reporter_begin, m.reporter_end), "Officials");
}

TEST_F(EventModalityTest, ReportedByTrailingAttribution) {
  const EventModality m = of("Russia accused Ukraine of shelling, the ministry said.", "accused");
  EXPECT_TRUE(m.reported);
  EXPECT_EQ(span(m.report_verb, m.report_verb + 1), "said");
  EXPECT_EQ(span(m.reporter_begin, m.reporter_end), "the ministry");
}

TEST_F(EventModalityTest, SayingAfterTheEventIsNotAReport) {
  // "…, saying …" is the actor's own act, not someone reporting it.
  const EventModality m = of("Russia accused Ukraine of shelling, saying it lied.", "accused");
  EXPECT_FALSE(m.reported);
  EXPECT_EQ(m.report_verb, -1);
}

TEST_F(EventModalityTest, ReportedAccordingTo) {
  const EventModality m = of("According to Reuters, Russia accused Ukraine.", "accused");
  EXPECT_TRUE(m.reported);
  EXPECT_EQ(span(m.reporter_begin, m.reporter_end), "Reuters");
}

TEST_F(EventModalityTest, InsideADirectQuote) {
  const EventModality m = of("“Russia accused Ukraine of lying,” Zelensky said.", "accused");
  EXPECT_TRUE(m.reported);
  EXPECT_EQ(span(m.reporter_begin, m.reporter_end), "Zelensky");
}

TEST_F(EventModalityTest, OutOfRangeEventIsHarmless) {
  coded_ = code("Russia accused Ukraine.");
  Event e;
  e.sentence = 7;
  EventModality m = ModalityAnalyzer(lexicon()).analyse(coded_.doc, e);
  EXPECT_FALSE(m.conditional || m.reported || m.negated);
  e.sentence = 0;
  e.verb_begin = e.verb_end = 1000;
  m = ModalityAnalyzer(lexicon()).analyse(coded_.doc, e);
  EXPECT_FALSE(m.conditional || m.reported || m.negated);
}

}  // namespace
}  // namespace parley
