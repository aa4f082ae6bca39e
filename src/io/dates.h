// Calendar dates as int YYYYMMDD (0 = unknown), the form Doc::date and the
// actor dictionaries' date restrictions use.  Proleptic Gregorian calendar,
// years 0001..9999.  Nothing here allocates except format_date().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::io {

// True if yyyymmdd names a real day (Feb 30 does not; Feb 29 only in leap years).
bool is_valid_date(int32_t yyyymmdd);

// Parses "YYYY-MM-DD" or "YYYYMMDD" (exactly; no surrounding spaces) into
// *out.  Returns false, leaving *out alone, for any other shape or a day that
// does not exist.
bool parse_date(std::string_view text, int32_t* out);

// "YYYY-MM-DD"; an invalid date gives "" (append_date appends nothing).
std::string format_date(int32_t yyyymmdd);
void append_date(std::string& out, int32_t yyyymmdd);

// Days since 1970-01-01 (negative before), and back.  Invalid dates give
// INT64_MIN / 0.
int64_t days_since_epoch(int32_t yyyymmdd);
int32_t date_from_days(int64_t days);

// The date `days` days after (negative: before) yyyymmdd, e.g. "two days
// before" = add_days(d, -2).  Returns 0 if yyyymmdd is invalid or the result
// leaves years 0001..9999.
int32_t add_days(int32_t yyyymmdd, int64_t days);

// Day of the week, 0 = Monday .. 6 = Sunday; -1 for an invalid date.  For
// resolving "on Saturday" relative to the story date.
int weekday(int32_t yyyymmdd);

}  // namespace parley::io
