// Deadline shapes: "a 50-day deadline", "gave X until Friday to …", "an
// ultimatum to X expiring on …", "X's August 8 deadline", "set a deadline
// for X to …"; date resolution against the document date (next such day on
// or after it, counts of days and weeks, explicit years, no document date);
// and text that sets no deadline.
#include <gtest/gtest.h>

#include <string>

#include "modality/deadline_dates.h"
#include "quotes_fixture.h"

namespace parley {
namespace {

using testing_support::CodedText;

class DeadlineTest : public testing_support::CodedTextTest {
 protected:
  const Deadline& only(const std::string& text, int32_t date = 20250806) {
    coded_ = code(text, date);
    EXPECT_EQ(coded_.deadlines.size(), 1u) << text;
    static const Deadline kNone;
    return coded_.deadlines.empty() ? kNone : coded_.deadlines[0];
  }
  CodedText coded_;
};

// 2025-08-06 is a Wednesday.
TEST_F(DeadlineTest, FiftyDayDeadlineGivenToRussia) {
  const Deadline& d = only("Trump gave Russia a 50-day deadline to end the war.");
  EXPECT_EQ(d.date, 20250925);
  EXPECT_EQ(d.date_text, "50-day");
  EXPECT_EQ(d.setter_code, "USAGOV");
  EXPECT_EQ(d.target_code, "RUS");
  EXPECT_FALSE(d.target_inferred);
  EXPECT_EQ(d.topic, "end the war");
  EXPECT_EQ(coded_.tokens(d.trigger, d.trigger + 1), "deadline");
}

TEST_F(DeadlineTest, GaveUntilAWeekday) {
  const Deadline& d = only("Trump gave Russia until Friday to reach a deal.");
  EXPECT_EQ(d.date, 20250808);
  EXPECT_EQ(d.date_text, "Friday");
  EXPECT_EQ(d.setter_code, "USAGOV");
  EXPECT_EQ(d.target_code, "RUS");
  EXPECT_EQ(d.topic, "reach a deal");
  EXPECT_EQ(coded_.tokens(d.evidence_begin, d.evidence_end), "Trump gave Russia until Friday to reach a deal");
}

// "X has until DATE to …": the subject is given the time, so it is the target.
TEST_F(DeadlineTest, HasUntilAWeekday) {
  const Deadline& d = only("Iran has until Friday to answer the European offer.");
  EXPECT_EQ(d.date, 20250808);  // the Friday after Wednesday 2025-08-06
  EXPECT_EQ(d.date_text, "Friday");
  EXPECT_EQ(d.target_code, "IRN");
  EXPECT_EQ(d.target, "Iran");
  EXPECT_FALSE(d.target_inferred);
  EXPECT_EQ(d.setter_code, "");
  EXPECT_EQ(d.topic, "answer the European offer");
  EXPECT_EQ(coded_.tokens(d.trigger, d.trigger + 1), "has");
  EXPECT_EQ(coded_.tokens(d.evidence_begin, d.evidence_end), "Iran has until Friday to answer the European offer");
}

TEST_F(DeadlineTest, HasUntilResolvesAgainstTheDocumentDate) {
  // 2024-01-13 is a Saturday: the next Friday is 2024-01-19.
  EXPECT_EQ(only("Serbia now has until Friday to withdraw its troops.", 20240113).date, 20240119);
  EXPECT_EQ(only("The rebels had until March 3 to lay down their arms.", 20240113).date, 20240303);
  const Deadline& counted = only("Hamas has ten days to accept the proposal.", 20240113);
  EXPECT_EQ(counted.date, 20240123);
  EXPECT_EQ(counted.topic, "accept the proposal");
}

TEST_F(DeadlineTest, HavingTimeForNothingIsNoDeadline) {
  coded_ = code("Iran has ten reasons to doubt the offer. Serbia has until now refused. Chile has two days of talks.");
  EXPECT_TRUE(coded_.deadlines.empty()) << coded_.deadlines.size();
}

TEST_F(DeadlineTest, GaveACountOfDays) {
  const Deadline& d = only("Trump gave Russia ten days to agree to a ceasefire.");
  EXPECT_EQ(d.date, 20250816);
  EXPECT_EQ(d.target_code, "RUS");
  EXPECT_EQ(d.topic, "agree to a ceasefire");
}

TEST_F(DeadlineTest, GivingWithoutATimeIsNoDeadline) {
  coded_ = code("Trump gave Russia a warning. Putin gave Trump ten reasons.");
  EXPECT_TRUE(coded_.deadlines.empty());
}

TEST_F(DeadlineTest, UltimatumToATargetExpiringOnADate) {
  const Deadline& d = only("Ukraine issued an ultimatum to Russia expiring on August 20.");
  EXPECT_EQ(d.date, 20250820);
  EXPECT_EQ(d.setter_code.substr(0, 3), "UKR");
  EXPECT_EQ(d.target_code, "RUS");
}

TEST_F(DeadlineTest, PossessiveSetterAndTopic) {
  const Deadline& d = only("Trump's August 8 ceasefire deadline looms.");
  EXPECT_EQ(d.setter_code, "USAGOV");
  EXPECT_EQ(d.date, 20250808);
  EXPECT_EQ(d.topic, "ceasefire");
}

TEST_F(DeadlineTest, SetADeadlineForATargetToDoSomething) {
  const Deadline& d = only("Trump set a deadline for Russia to agree to a ceasefire by Friday.");
  EXPECT_EQ(d.setter_code, "USAGOV");
  EXPECT_EQ(d.target_code, "RUS");
  EXPECT_EQ(d.date, 20250808);
}

TEST_F(DeadlineTest, MonthDayAlreadyPassedMeansNextYear) {
  const Deadline& d = only("Talks continue before a January 15 deadline set by President Donald Trump.");
  EXPECT_EQ(d.date, 20260115);
  EXPECT_EQ(d.setter_code, "USAGOV");
}

TEST_F(DeadlineTest, ExplicitYearIsKept) {
  EXPECT_EQ(only("Talks continue before a deadline of 1 March 2024.").date, 20240301);
  EXPECT_EQ(only("Talks continue before a March 1, 2027 deadline.").date, 20270301);
}

TEST_F(DeadlineTest, NoDocumentDateLeavesRelativeDatesOpen) {
  const Deadline& d = only("Trump gave Russia a 50-day deadline to end the war.", 0);
  EXPECT_EQ(d.date, 0);
  EXPECT_EQ(d.date_text, "50-day");
}

TEST_F(DeadlineTest, BareDeadlineHasNoDateOrSetter) {
  const Deadline& d = only("The deadline passed quietly.");
  EXPECT_EQ(d.date, 0);
  EXPECT_EQ(d.date_begin, -1);
  EXPECT_TRUE(d.setter_code.empty());
  EXPECT_TRUE(d.target_code.empty());
}

TEST_F(DeadlineTest, TargetInferredFromTheTopicElsewhere) {
  coded_ = code(
      "Witkoff arrived before a critical August 8 ceasefire deadline set by President Donald Trump. "
      "Trump threatened sanctions if Russia did not agree to a ceasefire.");
  ASSERT_EQ(coded_.deadlines.size(), 1u);
  const Deadline& d = coded_.deadlines[0];
  EXPECT_EQ(d.target_code, "RUS");
  EXPECT_TRUE(d.target_inferred);
  EXPECT_EQ(d.topic, "ceasefire");
}

TEST_F(DeadlineTest, NoTargetWhenTheTopicNamesOnlyTheSetter) {
  coded_ = code("Trump set an August 8 ceasefire deadline. Trump wants a ceasefire.");
  ASSERT_EQ(coded_.deadlines.size(), 1u);
  EXPECT_TRUE(coded_.deadlines[0].target_code.empty());
}

TEST_F(DeadlineTest, NoDeadlinesNoRecords) {
  EXPECT_TRUE(code("Russia accused Ukraine on Monday. Talks resume on August 8.").deadlines.empty());
  EXPECT_TRUE(code("").deadlines.empty());
}

TEST(DeadlineDates, NextMonthDay) {
  using modality_detail::next_month_day;
  EXPECT_EQ(next_month_day(20250806, 8, 8), 20250808);
  EXPECT_EQ(next_month_day(20250806, 8, 6), 20250806);   // on the day itself
  EXPECT_EQ(next_month_day(20250806, 8, 5), 20260805);
  EXPECT_EQ(next_month_day(20250806, 2, 29), 20280229);  // next leap year
  EXPECT_EQ(next_month_day(20250806, 2, 30), 0);
  EXPECT_EQ(next_month_day(0, 8, 8), 0);
  EXPECT_EQ(next_month_day(20250806, 13, 1), 0);
  EXPECT_EQ(next_month_day(99991231, 1, 1), 0);          // would leave year 9999
}

TEST(DeadlineDates, MonthNames) {
  using modality_detail::month_number;
  EXPECT_EQ(month_number("AUGUST"), 8);
  EXPECT_EQ(month_number("AUG."), 8);
  EXPECT_EQ(month_number("SEPT"), 9);
  EXPECT_EQ(month_number("DEC"), 12);
  EXPECT_EQ(month_number("MAYOR"), 0);
  EXPECT_EQ(month_number(""), 0);
  EXPECT_EQ(month_number("."), 0);
}

}  // namespace
}  // namespace parley
