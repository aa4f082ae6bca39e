// Internal to modality/: the few date shapes deadlines use, resolved against
// the document date.  Deliberately small and local (a general resolver lives
// elsewhere); dates are YYYYMMDD ints as in io/dates.h.
#pragma once

#include <cstdint>

#include "doc/doc.h"

namespace parley::modality_detail {

struct DateMention {
  uint32_t begin = 0, end = 0;  // tokens
  int32_t date = 0;             // resolved; 0 when it cannot be (no document date)
};

// Reads a date starting at token i (before `end`):
//   August 8 | Aug. 8 | August 8, 2025 | 8 August (2025) | Friday ('s)
//   today | tomorrow | N days / weeks | N-day | N-week  (N in digits or one..ninety)
// Month-day without a year and weekdays resolve to the next such day on or
// after doc_date; counts of days and weeks are added to doc_date.
bool read_date(const Doc& doc, uint32_t i, uint32_t end, int32_t doc_date, DateMention& out);

// Month number 1..12 of a month name or abbreviation (JAN, JAN., SEPT …), 0 if none.
int month_number(std::string_view upper);

// The next date on or after `from` with this month and day; 0 if from is 0
// or the day never exists (Feb 30).  Feb 29 looks up to 8 years ahead.
int32_t next_month_day(int32_t from, int month, int day);

}  // namespace parley::modality_detail
