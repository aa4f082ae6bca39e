// parse_record_date(): every accepted form, and the malformed ones with the
// reason the warning will give.
#include <gtest/gtest.h>

#include <string>

#include "io/dates.h"

namespace parley::io {
namespace {

int32_t read(std::string_view s) {
  int32_t d = -1;
  return parse_record_date(s, &d) ? d : -1;
}

std::string why(std::string_view s) {
  int32_t d = 7;
  std::string reason;
  EXPECT_FALSE(parse_record_date(s, &d, &reason)) << s;
  EXPECT_EQ(d, 7) << "a failed parse leaves the output alone: " << s;
  EXPECT_FALSE(reason.empty()) << s;
  return reason;
}

TEST(RecordDates, PlainIsoAndCompact) {
  EXPECT_EQ(read("2026-03-03"), 20260303);
  EXPECT_EQ(read("20260303"), 20260303);
  EXPECT_EQ(read("2026/03/03"), 20260303);
  EXPECT_EQ(read("2026/3/3"), 20260303);
  EXPECT_EQ(read("2026-3-3"), 20260303);
  EXPECT_EQ(read("2026.03.03"), 20260303);
  EXPECT_EQ(read("  2026-03-03\t"), 20260303) << "surrounding spaces";
  EXPECT_EQ(read("0001-01-01"), 10101);
  EXPECT_EQ(read("9999-12-31"), 99991231);
  EXPECT_EQ(read("2024-02-29"), 20240229);
}

TEST(RecordDates, IsoTimestamps) {
  EXPECT_EQ(read("2026-03-03T10:00:00Z"), 20260303);
  EXPECT_EQ(read("2026-03-03t10:00:00z"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00Z"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00:00"), 20260303) << "no zone (Python's isoformat())";
  EXPECT_EQ(read("2026-03-03T10:00:00.123Z"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00:00.123456789012+02:00"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00:00,5Z"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00:00+02:00"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00:00+0200"), 20260303);
  EXPECT_EQ(read("2026-03-03T10:00:00-05"), 20260303);
  EXPECT_EQ(read("2026-03-03 10:00:00"), 20260303);
  EXPECT_EQ(read("2026-03-03 10:00:00 +00:00"), 20260303);
  EXPECT_EQ(read("20260303T100000Z"), 20260303);
  EXPECT_EQ(read("20260303T1000"), 20260303);
  EXPECT_EQ(read("20260303101500"), 20260303) << "GDELT DATEADDED";
  EXPECT_EQ(read("2026-03-03T23:59:60Z"), 20260303) << "leap second";
}

TEST(RecordDates, OffsetIsNotApplied) {
  // The day written is the writer's day, even if it is another day in UTC.
  EXPECT_EQ(read("2026-03-03T23:30:00-05:00"), 20260303);
  EXPECT_EQ(read("2026-03-03T00:30:00+09:00"), 20260303);
}

TEST(RecordDates, WrittenForms) {
  EXPECT_EQ(read("March 3, 2026"), 20260303);
  EXPECT_EQ(read("march 3, 2026"), 20260303);
  EXPECT_EQ(read("MARCH 3 2026"), 20260303);
  EXPECT_EQ(read("Mar. 3, 2026"), 20260303);
  EXPECT_EQ(read("Mar 3, 2026"), 20260303);
  EXPECT_EQ(read("Sept. 30, 2025"), 20250930);
  EXPECT_EQ(read("Sep 30, 2025"), 20250930);
  EXPECT_EQ(read("March 3rd, 2026"), 20260303);
  EXPECT_EQ(read("August 22nd, 2026"), 20260822);
  EXPECT_EQ(read("3 March 2026"), 20260303);
  EXPECT_EQ(read("3 Mar. 2026"), 20260303);
  EXPECT_EQ(read("03 Mar 2026"), 20260303);
  EXPECT_EQ(read("3rd March 2026"), 20260303);
  EXPECT_EQ(read("1st of March, 2026"), 20260301);
  EXPECT_EQ(read("03-Mar-2026"), 20260303);
  EXPECT_EQ(read("Tuesday, March 3, 2026"), 20260303);
  EXPECT_EQ(read("Tue, 3 March 2026"), 20260303);
  EXPECT_EQ(read("Thurs. March 5, 2026"), 20260305);
  EXPECT_EQ(read("March 3, 2026 10:15 AM"), 20260303);
  EXPECT_EQ(read("March 3, 2026, 10:15 pm EST"), 20260303);
  EXPECT_EQ(read("May 1, 2026"), 20260501);
}

TEST(RecordDates, RssPubDate) {
  EXPECT_EQ(read("Tue, 03 Mar 2026 10:00:00 +0000"), 20260303);
  EXPECT_EQ(read("Tue, 03 Mar 2026 10:00:00 GMT"), 20260303);
  EXPECT_EQ(read("Tue, 03 Mar 2026 10:00 -0500"), 20260303);
  EXPECT_EQ(read("Tue, 03 Mar 2026 10:00:00 UTC+2"), 20260303);
}

TEST(RecordDates, DaysThatDoNotExist) {
  EXPECT_EQ(why("2026-02-30"), "no such day: February 30, 2026");
  EXPECT_EQ(why("February 29, 2026"), "no such day: February 29, 2026");
  EXPECT_EQ(why("1900-02-29"), "no such day: February 29, 1900");
  EXPECT_EQ(why("2026-04-31"), "no such day: April 31, 2026");
  EXPECT_EQ(why("2026-13-01"), "month 13 out of range 1..12");
  EXPECT_EQ(why("2026-00-10"), "month 0 out of range 1..12");
  EXPECT_EQ(why("20261301"), "month 13 out of range 1..12");
  EXPECT_EQ(why("0000-01-01"), "year out of range 0001..9999");
  EXPECT_EQ(why("32 March 2026"), "no such day: March 32, 2026");
  EXPECT_EQ(why("March 0, 2026"), "no such day: March 0, 2026");
}

TEST(RecordDates, WrongWeekday) {
  EXPECT_EQ(why("Monday, March 3, 2026"), "March 3, 2026 is a Tuesday, not the weekday written");
  EXPECT_EQ(why("Wed, 03 Mar 2026 10:00:00 GMT"), "March 3, 2026 is a Tuesday, not the weekday written");
}

TEST(RecordDates, MalformedTimes) {
  EXPECT_EQ(why("2026-03-03T25:00:00Z"), "time out of range");
  EXPECT_EQ(why("2026-03-03T10:60Z"), "time out of range");
  EXPECT_EQ(why("2026-03-03T10:00:61Z"), "time out of range");
  EXPECT_EQ(why("March 3, 2026 13:00 PM"), "time out of range");
  EXPECT_EQ(why("2026-03-03T10:00:00+25:00"), "zone offset out of range");
  EXPECT_EQ(why("2026-03-03T10:00:00 Mars"), "unknown time zone \"mars\"");
  EXPECT_EQ(why("2026-03-03T10"), "expected a time as HH:MM");
  EXPECT_EQ(why("20260303999999"), "time out of range");
}

TEST(RecordDates, Garbage) {
  EXPECT_EQ(why(""), "empty date");
  EXPECT_EQ(why("   "), "empty date");
  EXPECT_EQ(why("garbage"), "not a date");
  EXPECT_EQ(why("n/a"), "not a date");
  EXPECT_EQ(why("-2026-03-03"), "not a date");
  EXPECT_EQ(why("yesterday"), "not a date");
  EXPECT_EQ(why("03/04/2026"), "ambiguous numeric date (day and month order): write YYYY-MM-DD");
  EXPECT_EQ(why("3.4.2026"), "ambiguous numeric date (day and month order): write YYYY-MM-DD");
  EXPECT_EQ(why("03-04-2026"), "ambiguous numeric date (day and month order): write YYYY-MM-DD");
  EXPECT_EQ(why("March 2026"), "a month and year without a day");
  EXPECT_EQ(why("March 3, 26"), "two-digit year; write all four digits");
  EXPECT_EQ(why("3 Smarch 2026"), "\"smarch\" is not a month");
  EXPECT_EQ(why("2026"), "expected YYYY-MM-DD or YYYYMMDD");
  EXPECT_EQ(why("202603031"), "expected YYYY-MM-DD, YYYYMMDD or YYYYMMDDHHMMSS");
  EXPECT_EQ(why("2026-03/03"), "expected YYYY-MM-DD (the same separator twice)");
  EXPECT_EQ(why("2026-03-03 and more"), "expected a time as HH:MM");
  EXPECT_EQ(why("March 3, 2026 or so"), "unexpected text after the date");
  EXPECT_EQ(why("20260303x"), "unexpected text \"x\" after the date");
  EXPECT_EQ(why(std::string_view("2026\0" "0303", 9)), "expected YYYY-MM-DD or YYYYMMDD");
  EXPECT_EQ(why("\xff\xfe"), "not a date");
  EXPECT_EQ(why("2026-03-03T10:00:00Z trailing"), "unexpected text \"trailing\" after the date");
}

TEST(RecordDates, AgreesWithStrictParserOnItsForms) {
  // Every day of 2024 in both strict shapes reads the same.
  for (int32_t d = 20240101; d <= 20241231; d = add_days(d, 1)) {
    const std::string iso = format_date(d);
    std::string compact = iso;
    compact.erase(7, 1).erase(4, 1);
    EXPECT_EQ(read(iso), d);
    EXPECT_EQ(read(compact), d);
  }
}

}  // namespace
}  // namespace parley::io
