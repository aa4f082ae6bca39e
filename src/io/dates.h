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

// The date of an input record (JSONL "date", XML date=, --date, /v1/code,
// the Python module): every form news feeds write, read as the calendar day
// the writer gave.  Accepted (ASCII case-insensitive, surrounding spaces
// ignored):
//   2026-03-03, 20260303, 2026/03/03, 2026/3/3, 2026.03.03
//   ISO 8601 timestamps: 2026-03-03T10:00:00Z, 2026-03-03 10:00, ...T10:00:00.123+02:00,
//     20260303T100000Z; and 14-digit 20260303100000 (GDELT's DATEADDED)
//   March 3, 2026 / Mar. 3, 2026 / Sept 3 2026 / March 3rd, 2026
//   3 March 2026 / 3 Mar. 2026 / 3rd of March, 2026 / 03-Mar-2026
//   any written form after a weekday (checked against the day) and followed
//   by a time and zone, as in RSS: Tue, 03 Mar 2026 10:00:00 +0000
// A time's offset or zone is checked but not applied: the day is the one
// written, the writer's own, which is what "yesterday" in the text means.
// Refused, with the reason in *why: days that do not exist (Feb 30), months
// out of range, two-digit years, numeric day/month orders that cannot be
// told apart (03/04/2026), a month without a day, trailing text.
bool parse_record_date(std::string_view text, int32_t* out, std::string* why = nullptr);

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
