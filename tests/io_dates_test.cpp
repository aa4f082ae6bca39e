#include "io/dates.h"

#include <gtest/gtest.h>

namespace parley::io {
namespace {

int32_t parsed(std::string_view s) {
  int32_t d = -1;
  return parse_date(s, &d) ? d : -1;
}

TEST(Dates, ParsesBothShapes) {
  EXPECT_EQ(parsed("2008-08-04"), 20080804);
  EXPECT_EQ(parsed("20080804"), 20080804);
  EXPECT_EQ(parsed("0001-01-01"), 10101);
  EXPECT_EQ(parsed("9999-12-31"), 99991231);
}

TEST(Dates, RejectsImpossibleDays) {
  EXPECT_EQ(parsed("2008-02-30"), -1);
  EXPECT_EQ(parsed("2007-02-29"), -1);  // not a leap year
  EXPECT_EQ(parsed("2008-02-29"), 20080229);
  EXPECT_EQ(parsed("1900-02-29"), -1);  // century, not leap
  EXPECT_EQ(parsed("2000-02-29"), 20000229);  // 400 years, leap
  EXPECT_EQ(parsed("2008-04-31"), -1);
  EXPECT_EQ(parsed("2008-13-01"), -1);
  EXPECT_EQ(parsed("2008-00-10"), -1);
  EXPECT_EQ(parsed("2008-01-00"), -1);
  EXPECT_EQ(parsed("0000-01-01"), -1);
}

TEST(Dates, RejectsMalformedText) {
  int32_t d = 7;
  for (const char* bad : {"", "2008-8-4", "2008/08/04", "2008-08-04 ", " 20080804", "2008080",
                          "200808041", "2008-08-0x", "abcdefgh", "2008-08-04T00:00", "+0080804",
                          "-2008-08-04"}) {
    EXPECT_FALSE(parse_date(bad, &d)) << bad;
  }
  EXPECT_EQ(d, 7) << "a failed parse leaves the output alone";
  EXPECT_FALSE(parse_date(std::string_view("2008\0804", 8), &d));
}

TEST(Dates, Validity) {
  EXPECT_TRUE(is_valid_date(20240229));
  EXPECT_FALSE(is_valid_date(20230229));
  EXPECT_FALSE(is_valid_date(0));
  EXPECT_FALSE(is_valid_date(-20080804));
  EXPECT_FALSE(is_valid_date(100000101));
}

TEST(Dates, Formats) {
  EXPECT_EQ(format_date(20080804), "2008-08-04");
  EXPECT_EQ(format_date(10101), "0001-01-01");
  EXPECT_EQ(format_date(0), "");
  EXPECT_EQ(format_date(20080230), "");
  std::string out = "x";
  append_date(out, 19991231);
  EXPECT_EQ(out, "x1999-12-31");
}

TEST(Dates, AddDaysAcrossBoundaries) {
  EXPECT_EQ(add_days(20080804, -2), 20080802);
  EXPECT_EQ(add_days(20080301, -1), 20080229);
  EXPECT_EQ(add_days(20070301, -1), 20070228);
  EXPECT_EQ(add_days(20081231, 1), 20090101);
  EXPECT_EQ(add_days(20090101, -1), 20081231);
  EXPECT_EQ(add_days(20080804, 0), 20080804);
  EXPECT_EQ(add_days(20000101, 366), 20010101);  // 2000 is leap
  EXPECT_EQ(add_days(19700101, 0), 19700101);
  EXPECT_EQ(add_days(19691231, 1), 19700101);
  EXPECT_EQ(add_days(16000101, 146097), 20000101);  // one 400-year cycle
}

TEST(Dates, AddDaysInvalidOrOutOfRange) {
  EXPECT_EQ(add_days(20080230, 1), 0);
  EXPECT_EQ(add_days(0, 1), 0);
  EXPECT_EQ(add_days(99991231, 1), 0);
  EXPECT_EQ(add_days(10101, -1), 0);
  EXPECT_EQ(add_days(20080804, INT64_MAX), 0);
  EXPECT_EQ(add_days(20080804, INT64_MIN), 0);
}

TEST(Dates, DaysRoundTripOverCenturies) {
  int32_t d = 18991225;
  int64_t z = days_since_epoch(d);
  for (int i = 0; i < 80000; ++i) {  // ~219 years, day by day
    const int32_t next = add_days(d, 1);
    ASSERT_TRUE(is_valid_date(next)) << d;
    ASSERT_GT(next, d);
    ASSERT_EQ(days_since_epoch(next), z + 1);
    ASSERT_EQ(date_from_days(z + 1), next);
    d = next;
    ++z;
  }
  EXPECT_EQ(days_since_epoch(19700101), 0);
  EXPECT_EQ(days_since_epoch(20000301), 11017);
}

TEST(Dates, Weekday) {
  EXPECT_EQ(weekday(19700101), 3);  // Thursday
  EXPECT_EQ(weekday(20080804), 0);  // Monday
  EXPECT_EQ(weekday(20080809), 5);  // Saturday
  EXPECT_EQ(weekday(19691228), 6);  // Sunday, before the epoch
  EXPECT_EQ(weekday(20080230), -1);
}

}  // namespace
}  // namespace parley::io
