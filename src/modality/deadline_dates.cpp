// Date shapes of deadlines (see deadline_dates.h).
#include "modality/deadline_dates.h"

#include <array>
#include <charconv>
#include <string_view>

#include "io/dates.h"

namespace parley::modality_detail {
namespace {

std::string_view norm(const Doc& doc, uint32_t i) { return doc.norm_of(doc.tokens[i]); }

bool parse_uint(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Digits or a small number word.
bool count_of(std::string_view w, int& out) {
  if (parse_uint(w, out)) return true;
  static constexpr std::array<std::pair<std::string_view, int>, 20> kWords = {{
      {"ONE", 1}, {"TWO", 2}, {"THREE", 3}, {"FOUR", 4}, {"FIVE", 5}, {"SIX", 6}, {"SEVEN", 7},
      {"EIGHT", 8}, {"NINE", 9}, {"TEN", 10}, {"ELEVEN", 11}, {"TWELVE", 12}, {"FOURTEEN", 14},
      {"FIFTEEN", 15}, {"TWENTY", 20}, {"THIRTY", 30}, {"FORTY", 40}, {"FIFTY", 50}, {"SIXTY", 60}, {"NINETY", 90}}};
  for (const auto& [word, n] : kWords)
    if (w == word) { out = n; return true; }
  return false;
}

// DAY/DAYS -> 1, WEEK/WEEKS -> 7, else 0.
int unit_days(std::string_view w) {
  if (w == "DAY" || w == "DAYS") return 1;
  if (w == "WEEK" || w == "WEEKS") return 7;
  return 0;
}

int weekday_number(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                                            "FRIDAY", "SATURDAY", "SUNDAY"};
  for (int d = 0; d < 7; ++d)
    if (w == kDays[d]) return d;
  return -1;
}

bool day_of_month(std::string_view w, int& day) {
  // "8", "8th", "1st", "22nd", "3rd"
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return false;
  const std::string_view suffix = w.substr(n);
  if (!suffix.empty() && suffix != "ST" && suffix != "ND" && suffix != "RD" && suffix != "TH") return false;
  return parse_uint(w.substr(0, n), day) && day >= 1 && day <= 31;
}

bool year_of(std::string_view w, int& year) {
  return w.size() == 4 && parse_uint(w, year) && year >= 1000 && year <= 9999;
}

int32_t resolve(int32_t doc_date, int year, int month, int day) {
  if (year) {
    const int32_t d = year * 10000 + month * 100 + day;
    return io::is_valid_date(d) ? d : 0;
  }
  return next_month_day(doc_date, month, day);
}

}  // namespace

int month_number(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  static constexpr std::array<std::string_view, 12> kFull = {"JANUARY", "FEBRUARY", "MARCH",     "APRIL",
                                                             "MAY",     "JUNE",     "JULY",      "AUGUST",
                                                             "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
  static constexpr std::array<std::string_view, 12> kShort = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  for (int m = 0; m < 12; ++m)
    if (w == kFull[m] || w == kShort[m]) return m + 1;
  if (w == "SEPT") return 9;
  return 0;
}

int32_t next_month_day(int32_t from, int month, int day) {
  if (!io::is_valid_date(from) || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  const int from_year = from / 10000;
  for (int year = from_year; year <= from_year + 8 && year <= 9999; ++year) {
    const int32_t d = year * 10000 + month * 100 + day;
    if (io::is_valid_date(d) && d >= from) return d;
  }
  return 0;
}

bool read_date(const Doc& doc, uint32_t i, uint32_t end, int32_t doc_date, DateMention& out) {
  if (i >= end || end > doc.tokens.size()) return false;
  const std::string_view w = norm(doc, i);
  int day = 0, year = 0, n = 0;
  const bool has_doc_date = io::is_valid_date(doc_date);
  // August 8 (, 2025)
  if (const int month = month_number(w); month && i + 1 < end && day_of_month(norm(doc, i + 1), day)) {
    // "May" is also a modal: require a capital letter in the text.
    if (!(doc.tokens[i].flags & kCapitalised)) return false;
    uint32_t j = i + 2;
    if (j + 1 < end && norm(doc, j) == "," && year_of(norm(doc, j + 1), year)) j += 2;
    else if (j < end && year_of(norm(doc, j), year)) j += 1;
    out = DateMention{i, j, resolve(doc_date, year, month, day)};
    return true;
  }
  // 8 August (2025)
  if (day_of_month(w, day) && i + 1 < end) {
    if (const int month = month_number(norm(doc, i + 1)); month && (doc.tokens[i + 1].flags & kCapitalised)) {
      uint32_t j = i + 2;
      if (j < end && year_of(norm(doc, j), year)) ++j;
      out = DateMention{i, j, resolve(doc_date, year, month, day)};
      return true;
    }
  }
  // Friday ('s)
  if (const int wd = weekday_number(w); wd >= 0) {
    int32_t d = 0;
    if (has_doc_date) d = io::add_days(doc_date, (wd - io::weekday(doc_date) + 7) % 7);
    uint32_t j = i + 1;
    if (j < end && (doc.tokens[j].flags & kPossessive)) ++j;
    out = DateMention{i, j, d};
    return true;
  }
  if (w == "TODAY" || w == "TOMORROW" || w == "TONIGHT") {
    out = DateMention{i, i + 1, has_doc_date ? io::add_days(doc_date, w == "TOMORROW" ? 1 : 0) : 0};
    return true;
  }
  // 50-day, 2-week
  if (const size_t dash = w.find('-'); dash != std::string_view::npos) {
    if (count_of(w.substr(0, dash), n) && unit_days(w.substr(dash + 1))) {
      out = DateMention{i, i + 1, has_doc_date ? io::add_days(doc_date, int64_t{n} * unit_days(w.substr(dash + 1))) : 0};
      return true;
    }
    return false;
  }
  // 50 days, two weeks
  if (count_of(w, n) && i + 1 < end && unit_days(norm(doc, i + 1))) {
    out = DateMention{i, i + 2, has_doc_date ? io::add_days(doc_date, int64_t{n} * unit_days(norm(doc, i + 1))) : 0};
    return true;
  }
  return false;
}

}  // namespace parley::modality_detail
