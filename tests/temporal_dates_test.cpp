// Date expressions on sentences parsed by the real pipeline, resolved against
// an anchor: every supported shape, tense of weekdays, month-end, year and
// leap-year boundaries, impossible days, and sentences with no date.
#include <gtest/gtest.h>

#include "dict/load.h"
#include "io/dates.h"
#include "pipeline/engine.h"
#include "temporal/temporal.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley {
namespace {

const std::string kDir = test::test_data_path("pipeline");
constexpr int32_t kAnchor = 20250806;  // a Wednesday

class DatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = new Engine(test::engine_config(kDir));
  }
  static void TearDownTestSuite() { delete engine_; }

  std::vector<DateMention> dates(const std::string& sentence, int32_t anchor = kAnchor) {
    worker_ = std::make_unique<Worker>(*engine_);
    CodedDocument coded;
    worker_->code("t", anchor, sentence, true, coded);
    return find_dates(worker_->doc(), 0, anchor);
  }
  // The single mention's date ("" text means: expected exactly one mention).
  int32_t date_of(const std::string& sentence, int32_t anchor = kAnchor) {
    auto found = dates(sentence, anchor);
    EXPECT_EQ(found.size(), 1u) << sentence;
    return found.size() == 1 ? found[0].date : -1;
  }
  DatePrecision precision_of(const std::string& sentence) {
    auto found = dates(sentence);
    EXPECT_EQ(found.size(), 1u) << sentence;
    return found.empty() ? DatePrecision::kDay : found[0].precision;
  }

  static Engine* engine_;
  std::unique_ptr<Worker> worker_;
};
Engine* DatesTest::engine_ = nullptr;

TEST(DatesAnchorCheck, AnchorIsAWednesday) { EXPECT_EQ(io::weekday(kAnchor), 2); }

TEST_F(DatesTest, Deictic) {
  EXPECT_EQ(date_of("Russia accused Ukraine yesterday."), 20250805);
  EXPECT_EQ(date_of("Russia accused Ukraine today."), 20250806);
  EXPECT_EQ(date_of("The envoy will arrive tomorrow."), 20250807);
  auto m = dates("Russia accused Ukraine yesterday.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "yesterday");
  EXPECT_EQ(m[0].precision, DatePrecision::kDay);
}

TEST_F(DatesTest, WeekdayFollowsTense) {
  EXPECT_EQ(date_of("The ministers met on Saturday."), 20250802);
  EXPECT_EQ(date_of("The ministers will meet on Saturday."), 20250809);
  EXPECT_EQ(date_of("The ministers are due to meet on Saturday."), 20250809);
  EXPECT_EQ(date_of("The ministers met on Wednesday."), 20250806);  // the anchor's own weekday
  EXPECT_EQ(date_of("The ministers met last Wednesday."), 20250730);
  EXPECT_EQ(date_of("The ministers meet next Wednesday."), 20250813);
  EXPECT_EQ(date_of("The ministers met last Monday."), 20250804);
}

TEST_F(DatesTest, WeeksMonthsYears) {
  EXPECT_EQ(date_of("They met last week."), 20250728);  // Monday of the week before
  EXPECT_EQ(precision_of("They met last week."), DatePrecision::kWeek);
  EXPECT_EQ(date_of("They meet next week."), 20250811);
  EXPECT_EQ(date_of("They met this week."), 20250804);
  EXPECT_EQ(date_of("They met last month."), 20250701);
  EXPECT_EQ(precision_of("They met last month."), DatePrecision::kMonth);
  EXPECT_EQ(date_of("They met last year."), 20240101);
  EXPECT_EQ(precision_of("They met last year."), DatePrecision::kYear);
  EXPECT_EQ(date_of("They met earlier this month."), 20250801);
  EXPECT_EQ(precision_of("They met earlier this month."), DatePrecision::kMonth);
  EXPECT_EQ(date_of("The war began in 2024."), 20240101);
  EXPECT_EQ(precision_of("The war began in 2024."), DatePrecision::kYear);
  EXPECT_EQ(date_of("The talks collapsed in March."), 20250301);
  EXPECT_EQ(date_of("The talks collapsed in October."), 20241001);
  EXPECT_EQ(date_of("The talks will resume in October."), 20251001);
  EXPECT_EQ(date_of("The talks collapsed in August 2023."), 20230801);
}

TEST_F(DatesTest, CalendarDates) {
  EXPECT_EQ(date_of("The deadline falls on Aug. 8."), 20250808);
  EXPECT_EQ(date_of("The deadline falls on August 8."), 20250808);
  EXPECT_EQ(date_of("The deadline falls on August 8, 2025."), 20250808);
  EXPECT_EQ(date_of("The deadline fell on 8 August."), 20250808);
  EXPECT_EQ(date_of("The deadline fell on 8 August 2024."), 20240808);
  EXPECT_EQ(date_of("The deadline falls on 2025-08-08."), 20250808);
  EXPECT_EQ(date_of("They signed it on Sept. 30, 2019."), 20190930);
  auto m = dates("The deadline falls on August 8, 2025.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "August 8, 2025");
}

TEST_F(DatesTest, OffsetsFromADate) {
  EXPECT_EQ(date_of("They met two days before August 8."), 20250806);
  EXPECT_EQ(date_of("They met three days ago."), 20250803);
  EXPECT_EQ(date_of("They will meet a week after August 8."), 20250815);
  EXPECT_EQ(date_of("They met the day before yesterday."), 20250804);
  auto m = dates("Putin met Witkoff just two days before a critical August 8 ceasefire deadline.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date, 20250806);
  EXPECT_EQ(m[0].text, "two days before a critical August 8");
}

TEST_F(DatesTest, MonthEndAndYearBoundaries) {
  EXPECT_EQ(date_of("Russia accused Ukraine yesterday.", 20250301), 20250228);
  EXPECT_EQ(date_of("Russia accused Ukraine yesterday.", 20250101), 20241231);
  EXPECT_EQ(date_of("Russia will respond tomorrow.", 20251231), 20260101);
  EXPECT_EQ(date_of("They met on December 30.", 20260102), 20251230);
  EXPECT_EQ(date_of("They will meet on January 2.", 20251230), 20260102);
  EXPECT_EQ(date_of("They met last month.", 20250115), 20241201);
  EXPECT_EQ(date_of("They meet next month.", 20250131), 20250201);
  EXPECT_EQ(date_of("They met last week.", 20250102), 20241223);
}

TEST_F(DatesTest, LeapYears) {
  EXPECT_EQ(date_of("Russia accused Ukraine yesterday.", 20240301), 20240229);
  EXPECT_EQ(date_of("They met on February 29.", 20240305), 20240229);
  EXPECT_EQ(date_of("They met on February 29, 2024."), 20240229);
  EXPECT_TRUE(dates("They met on February 29.", 20250305).empty());
  EXPECT_TRUE(dates("They met on February 29, 2025.").empty());
}

TEST_F(DatesTest, ImpossibleDaysAreNotDates) {
  EXPECT_TRUE(dates("They met on February 30.").empty());
  EXPECT_TRUE(dates("They met on 31 April 2025.").empty());
  EXPECT_TRUE(dates("They met on 2025-02-30.").empty());
}

TEST_F(DatesTest, NoDates) {
  EXPECT_TRUE(dates("The minister resigned after a long dispute.").empty());
  EXPECT_TRUE(dates("Russia may agree to the proposal.").empty());
  EXPECT_TRUE(dates("Some 2025 people marched.").empty());
  EXPECT_TRUE(dates("He will march with 8 others.").empty());
}

// Without an anchor a relative date has no day, but its words are still the
// event's date text (an undated story's "on Saturday" is not lost).
TEST_F(DatesTest, RelativeDatesNeedAnAnchorAbsoluteOnesDoNot) {
  EXPECT_EQ(date_of("They signed it on August 8, 2025.", 0), 20250808);
  for (const auto& [sentence, words] : {std::pair<const char*, const char*>{"Russia accused Ukraine yesterday.", "yesterday"},
                                        {"They signed it on August 8.", "August 8"},
                                        {"The ministers met on Saturday.", "Saturday"},
                                        {"Talks ended three days ago.", "three days ago"},
                                        {"They met two days before August 8.", "two days before August 8"}}) {
    const auto found = dates(sentence, 0);
    ASSERT_EQ(found.size(), 1u) << sentence;
    EXPECT_EQ(found[0].date, 0) << sentence;
    EXPECT_EQ(found[0].text, words) << sentence;
  }
  // A day that does not exist is still no date at all.
  EXPECT_TRUE(dates("They signed it on February 30.", 0).empty());
}

TEST_F(DatesTest, SeveralMentionsInTextOrder) {
  auto m = dates("Russia rejected the plan on Monday and will reply on Friday.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].date, 20250804);
  EXPECT_EQ(m[1].date, 20250808);
  EXPECT_LT(m[0].token_end, m[1].token_begin);
}

TEST_F(DatesTest, EventTakesTheNearestMention) {
  auto m = dates("Russia rejected the plan on Monday and will reply on Friday.");
  const Doc& doc = worker_->doc();
  uint32_t rejected = 0, reply = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.norm_of(doc.tokens[t]) == "REJECTED") rejected = t;
    if (doc.norm_of(doc.tokens[t]) == "REPLY") reply = t;
  }
  EventDate a = date_for_event(m, rejected, kAnchor);
  EXPECT_EQ(a.date, 20250804);
  EXPECT_EQ(a.date_text, "Monday");
  EXPECT_FALSE(a.from_anchor);
  EXPECT_EQ(date_for_event(m, reply, kAnchor).date, 20250808);
  EventDate none = date_for_event({}, 3, kAnchor);
  EXPECT_EQ(none.date, kAnchor);
  EXPECT_TRUE(none.from_anchor);
  EXPECT_TRUE(none.date_text.empty());
  EXPECT_EQ(date_for_event({}, 3, 20250230).date, 0);
}

TEST(DateForEvent, TiesGoToTheMentionAfterTheVerb) {
  std::vector<DateMention> m = {{0, 1, 20250801, DatePrecision::kDay, "before"},
                                {4, 5, 20250802, DatePrecision::kDay, "after"}};
  EXPECT_EQ(date_for_event(m, 2, kAnchor).date, 20250802);  // one token between each: the one after
  m[1].token_begin = 5, m[1].token_end = 6;
  EXPECT_EQ(date_for_event(m, 2, kAnchor).date, 20250801);  // now the first is nearer
  m[0].token_begin = 2, m[0].token_end = 3;
  EXPECT_EQ(date_for_event(m, 2, kAnchor).date, 20250801);  // the verb inside a mention
}

TEST(AnchorDate, DatelineDayTakesTheNearestYear) {
  EXPECT_EQ(anchor_date(20250806), 20250806);
  EXPECT_EQ(anchor_date(20250806, 805), 20250805);
  EXPECT_EQ(anchor_date(20260102, 1231), 20251231);
  EXPECT_EQ(anchor_date(20250806, 230), 20250806);  // no such day: the document date
  EXPECT_EQ(anchor_date(0, 805), 0);
  EXPECT_EQ(anchor_date(20251340), 0);
}

TEST(DatePrecisionNames, All) {
  EXPECT_EQ(date_precision_name(DatePrecision::kDay), "day");
  EXPECT_EQ(date_precision_name(DatePrecision::kWeek), "week");
  EXPECT_EQ(date_precision_name(DatePrecision::kMonth), "month");
  EXPECT_EQ(date_precision_name(DatePrecision::kYear), "year");
}

}  // namespace
}  // namespace parley
