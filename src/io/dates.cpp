#include "io/dates.h"

#include <climits>

namespace parley::io {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view s, size_t pos, size_t n, int* out) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool is_valid_date(int32_t d) {
  if (d <= 0) return false;
  const int y = d / 10000, m = d / 100 % 100, day = d % 100;
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && day >= 1 && day <= days_in_month(y, m);
}

bool parse_date(std::string_view s, int32_t* out) {
  int y, m, d;
  bool ok;
  if (s.size() == 10) {
    ok = s[4] == '-' && s[7] == '-' && digits(s, 0, 4, &y) && digits(s, 5, 2, &m) &&
         digits(s, 8, 2, &d);
  } else if (s.size() == 8) {
    ok = digits(s, 0, 4, &y) && digits(s, 4, 2, &m) && digits(s, 6, 2, &d);
  } else {
    return false;
  }
  if (!ok) return false;
  const int32_t v = y * 10000 + m * 100 + d;
  if (!is_valid_date(v)) return false;
  *out = v;
  return true;
}

void append_date(std::string& out, int32_t d) {
  if (!is_valid_date(d)) return;
  char buf[10];
  int y = d / 10000, m = d / 100 % 100, day = d % 100;
  for (int i = 3; i >= 0; --i, y /= 10) buf[i] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + day / 10);
  buf[9] = static_cast<char>('0' + day % 10);
  out.append(buf, sizeof buf);
}

std::string format_date(int32_t d) {
  std::string s;
  append_date(s, d);
  return s;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_since_epoch(int32_t d) {
  if (!is_valid_date(d)) return INT64_MIN;
  int64_t y = d / 10000;
  const int64_t m = d / 100 % 100, day = d % 100;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int32_t date_from_days(int64_t z) {
  // Bounds of years 0001..9999, so the arithmetic below cannot overflow.
  if (z < -719162 || z > 2932896) return 0;
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  const int64_t v = y * 10000 + m * 100 + day;
  return is_valid_date(static_cast<int32_t>(v)) ? static_cast<int32_t>(v) : 0;
}

int32_t add_days(int32_t d, int64_t days) {
  const int64_t base = days_since_epoch(d);
  if (base == INT64_MIN) return 0;
  if (days > 4000000 || days < -4000000) return 0;  // far outside 0001..9999
  return date_from_days(base + days);
}

int weekday(int32_t d) {
  const int64_t z = days_since_epoch(d);
  if (z == INT64_MIN) return -1;
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

}  // namespace parley::io
