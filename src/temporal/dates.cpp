// Date expressions of a sentence.  Only tokens that can start a date (a
// month or weekday name, a number, a few adverbs) do any work; everything
// reads token norms and the sentence's verb groups, nothing is allocated.
#include <algorithm>
#include <array>
#include <cstdlib>

#include "io/dates.h"
#include "syntax/words.h"
#include "temporal/temporal.h"

namespace parley {
namespace {

struct Found {
  uint32_t end = 0;  // one past the last token
  int32_t date = 0;
  DatePrecision precision = DatePrecision::kDay;
};

int year_of(int32_t d) { return d / 10000; }
int month_of_date(int32_t d) { return d / 100 % 100; }

// First day of the period containing `d`.
int32_t period_start(int32_t d, DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return d;
    case DatePrecision::kWeek: return io::add_days(d, -io::weekday(d));
    case DatePrecision::kMonth: return d / 100 * 100 + 1;
    case DatePrecision::kYear: return d / 10000 * 10000 + 101;
  }
  return d;
}

// `d` moved by whole months, the day clamped to the target month's length.
int32_t add_months(int32_t d, int months) {
  int64_t index = int64_t(year_of(d)) * 12 + (month_of_date(d) - 1) + months;
  if (index < 12 || index >= 10000 * 12) return 0;
  int year = int(index / 12), month = int(index % 12) + 1;
  for (int day = d % 100; day >= 28; --day) {
    int32_t candidate = year * 10000 + month * 100 + day;
    if (io::is_valid_date(candidate)) return candidate;
  }
  return year * 10000 + month * 100 + d % 100;
}

std::string_view strip_period(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

int month_number(std::string_view norm) {
  static constexpr std::array<std::string_view, 12> kFull = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
                                                            "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER",
                                                            "DECEMBER"};
  static constexpr std::array<std::string_view, 12> kShort = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                             "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  const std::string_view w = strip_period(norm);
  for (int m = 0; m < 12; ++m) {
    if (w == kFull[m] || w == kShort[m]) return m + 1;
  }
  return w == "SEPT" ? 9 : 0;
}

int weekday_number(std::string_view norm) {  // 0 = Monday, as io::weekday
  static constexpr std::array<std::string_view, 7> kDays = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                                           "FRIDAY", "SATURDAY", "SUNDAY"};
  for (int d = 0; d < 7; ++d) {
    if (norm == kDays[d]) return d;
  }
  return -1;
}

// Digits only, at most `max_digits`; -1 otherwise.
int digits_value(std::string_view w, size_t max_digits) {
  if (w.empty() || w.size() > max_digits) return -1;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int day_number(std::string_view norm) {  // "8", "08", "8TH", "1ST"
  std::string_view w = norm;
  if (w.size() > 2 && (w.ends_with("ST") || w.ends_with("ND") || w.ends_with("RD") || w.ends_with("TH"))) {
    w.remove_suffix(2);
  }
  const int v = digits_value(w, 2);
  return v >= 1 && v <= 31 ? v : 0;
}

int year_number(std::string_view norm) {
  const int v = digits_value(norm, 4);
  return norm.size() == 4 && v >= 1000 ? v : 0;
}

int count_number(std::string_view norm) {
  static constexpr std::array<std::string_view, 13> kWords = {"A", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX",
                                                             "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE"};
  for (size_t i = 0; i < kWords.size(); ++i) {
    if (norm == kWords[i]) return i == 0 ? 1 : int(i);
  }
  if (norm == "AN") return 1;
  const int v = digits_value(norm, 3);
  return v > 0 ? v : 0;
}

enum class Unit { kNone, kDay, kWeek, kMonth, kYear };

Unit unit_of(std::string_view norm) {
  if (norm == "DAY" || norm == "DAYS") return Unit::kDay;
  if (norm == "WEEK" || norm == "WEEKS") return Unit::kWeek;
  if (norm == "MONTH" || norm == "MONTHS") return Unit::kMonth;
  if (norm == "YEAR" || norm == "YEARS") return Unit::kYear;
  return Unit::kNone;
}

DatePrecision precision_of(Unit u) {
  switch (u) {
    case Unit::kWeek: return DatePrecision::kWeek;
    case Unit::kMonth: return DatePrecision::kMonth;
    case Unit::kYear: return DatePrecision::kYear;
    default: return DatePrecision::kDay;
  }
}

int32_t shift(int32_t d, Unit u, int n) {
  switch (u) {
    case Unit::kDay: return io::add_days(d, n);
    case Unit::kWeek: return io::add_days(d, int64_t(7) * n);
    case Unit::kMonth: return add_months(d, n);
    case Unit::kYear: return add_months(d, 12 * n);
    case Unit::kNone: return 0;
  }
  return 0;
}

// The month/day in the year nearest the anchor.
int32_t nearest_year(int month, int day, int32_t anchor) {
  if (!io::is_valid_date(anchor)) return 0;
  const int64_t a = io::days_since_epoch(anchor);
  int32_t best = 0;
  int64_t best_gap = INT64_MAX;
  for (int y = year_of(anchor) - 1; y <= year_of(anchor) + 1; ++y) {
    const int32_t d = y * 10000 + month * 100 + day;
    if (!io::is_valid_date(d)) continue;
    const int64_t gap = std::llabs(io::days_since_epoch(d) - a);
    if (gap < best_gap) best = d, best_gap = gap;
  }
  // Over half a year away is not "the nearest": Feb 29 in 2025 is no date.
  return best_gap <= 200 ? best : 0;
}

// A month named alone ("in March"): the latest such month up to the anchor's,
// or, for the future tense, the first from the anchor's on.
int32_t month_alone(int month, int32_t anchor, bool future) {
  if (!io::is_valid_date(anchor)) return 0;
  int year = year_of(anchor);
  const int anchor_month = month_of_date(anchor);
  if (!future && month > anchor_month) --year;
  if (future && month < anchor_month) ++year;
  const int32_t d = year * 10000 + month * 100 + 1;
  return io::is_valid_date(d) ? d : 0;
}

class SentenceDates {
 public:
  // Without a valid anchor, expressions that need one ("on Saturday",
  // "August 8", "three days ago") are read against a stand-in day and found
  // with date 0: the words are the event's date text even when no date can
  // be given (docs/STORE.md: date null, date_text kept).
  SentenceDates(const Doc& doc, uint32_t sentence, int32_t anchor)
      : doc_(doc), s_(doc.sentences[sentence]), anchored_(io::is_valid_date(anchor)),
        anchor_(anchored_ ? anchor : kStandInAnchor),
        limit_(std::min<uint32_t>(s_.token_end, uint32_t(doc.tokens.size()))) {}

  void scan(std::vector<DateMention>& out) const {
    for (uint32_t i = s_.token_begin; i < limit_;) {
      Found f;
      used_anchor_ = false;
      if (!may_start_date(i)) {
        ++i;
      } else if (parse(i, f) && f.date != 0) {
        const Token& a = doc_.tokens[i];
        const Token& b = doc_.tokens[f.end - 1];
        const int32_t date = anchored_ || !used_anchor_ ? f.date : 0;
        out.push_back({i, f.end, date, f.precision, std::string_view(doc_.text).substr(a.begin, b.end - a.begin)});
        i = f.end;
      } else {
        i = std::max(i + 1, f.end);  // an invalid date ("February 30") is skipped whole
      }
    }
  }

 private:
  std::string_view norm(uint32_t i) const { return i < limit_ ? doc_.norm_of(doc_.tokens[i]) : std::string_view(); }
  bool capitalised(uint32_t i) const { return i < limit_ && (doc_.tokens[i].flags & kCapitalised); }
  bool is_month(uint32_t i) const { return capitalised(i) && month_number(norm(i)) != 0; }

  // Cheap filter: names and numbers, or one of the few lower-case words a
  // date can start with.  Most tokens stop here.
  bool may_start_date(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.flags & kHasDigit) return true;
    const std::string_view w = doc_.norm_of(t);
    if (w.empty() || w.size() > 9) return false;
    if (starts_relative_date(w)) return true;
    return (t.flags & kCapitalised) && (month_number(w) != 0 || weekday_number(w) >= 0);
  }

  static bool starts_relative_date(std::string_view w) {
    switch (w[0]) {
      case 'A': return w == "A" || w == "AN";
      case 'E': return w == "EARLIER" || w == "EIGHT" || w == "ELEVEN";
      case 'F': return w == "FOUR" || w == "FIVE";
      case 'L': return w == "LAST" || w == "LATER";
      case 'N': return w == "NEXT" || w == "NINE";
      case 'O': return w == "ONE";
      case 'S': return w == "SIX" || w == "SEVEN";
      case 'T': return w == "THE" || w == "THIS" || w == "TODAY" || w == "TONIGHT" || w == "TOMORROW" || w == "TWO" ||
                       w == "THREE" || w == "TEN" || w == "TWELVE";
      case 'Y': return w == "YESTERDAY";
      default: return false;
    }
  }

  // Composite first ("two days before X", "three days ago"), then simple.
  bool parse(uint32_t i, Found& f) const { return parse_offset(i, f) || parse_simple(i, f); }

  bool parse_offset(uint32_t i, Found& f) const {
    int n = 0;
    uint32_t u = i + 1;
    if (norm(i) == "THE" && unit_of(norm(i + 1)) != Unit::kNone) n = 1;  // "the day before"
    else n = count_number(norm(i));
    const Unit unit = unit_of(norm(u));
    if (n == 0 || unit == Unit::kNone) return false;
    const std::string_view relation = norm(u + 1);
    if (relation == "AGO") {
            const DatePrecision p = precision_of(unit);
      f = {u + 2, period_start(shift(anchor(), unit, -n), p), p};
      return true;
    }
    if (relation != "BEFORE" && relation != "AFTER") return false;
    // "two days before a critical August 8": a few words may stand between.
    for (uint32_t j = u + 2; j < limit_ && j <= u + 4; ++j) {
      Found inner;
      if (parse_simple(j, inner)) {
        if (inner.date == 0) return false;
        const int32_t d = shift(inner.date, unit, relation == "BEFORE" ? -n : n);
        f = {inner.end, d, inner.precision};
        return d != 0;
      }
      const Tag tag = doc_.tokens[j].tag;
      if (tag != Tag::kDet && tag != Tag::kAdj && tag != Tag::kAdv) return false;
    }
    return false;
  }

  bool parse_simple(uint32_t i, Found& f) const {
    const std::string_view w = norm(i);
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      int32_t d = 0;
      f = {i + 1, 0, DatePrecision::kDay};
      if (io::parse_date(w, &d)) f.date = d;
      return true;
    }
    if (const int m = is_month(i) ? month_number(w) : 0) return parse_month_first(i, m, f);
    if (const int day = day_number(w); day && is_month(i + 1)) {
      const int m = month_number(norm(i + 1));
      const int y = year_number(norm(i + 2));
      f.end = y ? i + 3 : i + 2;
      f.date = y ? y * 10000 + m * 100 + day : nearest_year(m, day, anchor());
      f.precision = DatePrecision::kDay;
      if (!io::is_valid_date(f.date)) f.date = 0;
      return true;
    }
    if (const int y = year_number(w); y && i > s_.token_begin && is_year_preposition(norm(i - 1))) {
      f = {i + 1, y * 10000 + 101, DatePrecision::kYear};
      return true;
    }
    if (w == "YESTERDAY") return f = {i + 1, io::add_days(anchor(), -1), DatePrecision::kDay}, true;
    if (w == "TODAY" || w == "TONIGHT") return f = {i + 1, anchor(), DatePrecision::kDay}, true;
    if (w == "TOMORROW") return f = {i + 1, io::add_days(anchor(), 1), DatePrecision::kDay}, true;
    if (const int wd = capitalised(i) ? weekday_number(w) : -1; wd >= 0) {
      const int back = (io::weekday(anchor()) - wd + 7) % 7;  // days since the last such day, 0 = today
      f = {i + 1, future_near(i) ? io::add_days(anchor(), (7 - back) % 7) : io::add_days(anchor(), -back),
           DatePrecision::kDay};
      return true;
    }
    if (w == "LAST" || w == "NEXT" || w == "THIS") {
      const int step = w == "LAST" ? -1 : w == "NEXT" ? 1 : 0;
      if (const int wd = capitalised(i + 1) ? weekday_number(norm(i + 1)) : -1; wd >= 0) {
        const int back = (io::weekday(anchor()) - wd + 7) % 7;
        const int64_t delta = step < 0 ? -(back == 0 ? 7 : back) : step > 0 ? (7 - back == 0 ? 7 : 7 - back)
                                                                            : (7 - back) % 7;
        return f = {i + 2, io::add_days(anchor(), delta), DatePrecision::kDay}, true;
      }
      const Unit unit = unit_of(norm(i + 1));
      if (unit == Unit::kNone || unit == Unit::kDay) return false;
      const DatePrecision p = precision_of(unit);
      return f = {i + 2, period_start(shift(anchor(), unit, step), p), p}, true;
    }
    if ((w == "EARLIER" || w == "LATER") && norm(i + 1) == "THIS") {
      const Unit unit = unit_of(norm(i + 2));
      if (unit == Unit::kNone || unit == Unit::kDay) return false;
      const DatePrecision p = precision_of(unit);
      return f = {i + 3, period_start(anchor(), p), p}, true;
    }
    return false;
  }

  // "August 8", "Aug. 8, 2025", "August 2025", "in August".
  bool parse_month_first(uint32_t i, int m, Found& f) const {
    if (const int day = day_number(norm(i + 1))) {
      uint32_t end = i + 2;
      int y = year_number(norm(end));
      if (!y && norm(end) == "," && (y = year_number(norm(end + 1)))) ++end;
      if (y) ++end;
      f.end = end;
      f.date = y ? y * 10000 + m * 100 + day : nearest_year(m, day, anchor());
      f.precision = DatePrecision::kDay;
      if (!io::is_valid_date(f.date)) f.date = 0;
      return true;
    }
    if (const int y = year_number(norm(i + 1))) return f = {i + 2, y * 10000 + m * 100 + 1, DatePrecision::kMonth}, true;
    if (i > s_.token_begin && is_year_preposition(norm(i - 1))) {
      const int32_t d = month_alone(m, anchor(), future_near(i));
      f = {i + 1, d, DatePrecision::kMonth};
      return d != 0;
    }
    return false;
  }

  static bool is_year_preposition(std::string_view w) {
    static constexpr std::array<std::string_view, 13> kWords = {"IN", "DURING", "SINCE", "UNTIL", "BY", "FROM",
                                                               "THROUGH", "OF", "BEFORE", "AFTER", "EARLY",
                                                               "LATE", "MID"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
  }

  // Is the verb governing token i in the future tense?  That is the last verb
  // group before it (else the first after it), followed back through
  // infinitives: "are due to meet on Saturday" is governed by "are due".
  bool future_near(uint32_t i) const {
    const uint32_t first = s_.chunk_begin;
    const uint32_t chunk_limit = std::min<uint32_t>(s_.chunk_end, uint32_t(doc_.chunks.size()));
    int64_t chosen = -1;
    for (uint32_t c = first; c < chunk_limit; ++c) {
      const Chunk& ch = doc_.chunks[c];
      if (ch.kind != ChunkKind::kVerbGroup) continue;
      if (ch.begin < i || chosen < 0) chosen = c;
      if (ch.begin >= i) break;
    }
    for (int64_t c = chosen; c >= int64_t(first); --c) {
      const Chunk& ch = doc_.chunks[c];
      if (ch.kind != ChunkKind::kVerbGroup) continue;
      if (future_group(ch)) return true;
      if (!(ch.flags & kInfinitive)) break;
    }
    return false;
  }

  bool future_group(const Chunk& ch) const {
    bool present_be = false;
    // One token past the group: "is due", "are expected" (the participle may
    // be tagged outside the group).
    for (uint32_t t = ch.begin; t < ch.end + 1 && t < limit_; ++t) {
      const std::string_view w = norm(t);
      if (t < ch.end && is_future_modal(w)) return true;
      if (w == "IS" || w == "ARE" || w == "AM" || w == "'S" || w == "'RE") present_be = true;
      if (present_be && (w == "DUE" || w == "SCHEDULED" || w == "SET" || w == "EXPECTED" || w == "GOING" ||
                         w == "PLANNED" || w == "SLATED")) {
        return true;
      }
    }
    return false;
  }

  // The anchor, noting that the mention being read depends on it.
  int32_t anchor() const {
    used_anchor_ = true;
    return anchor_;
  }

  // Any valid day serves: its resolved dates are dropped (scan()).
  static constexpr int32_t kStandInAnchor = 20000103;

  const Doc& doc_;
  const Sentence& s_;
  const bool anchored_;
  const int32_t anchor_;
  const uint32_t limit_;
  mutable bool used_anchor_ = false;
};

}  // namespace

std::string_view date_precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
  }
  return "day";
}

int32_t anchor_date(int32_t document_yyyymmdd, int32_t dateline_month_day) {
  if (!io::is_valid_date(document_yyyymmdd)) return 0;
  if (dateline_month_day <= 0) return document_yyyymmdd;
  const int32_t d = nearest_year(dateline_month_day / 100, dateline_month_day % 100, document_yyyymmdd);
  return d ? d : document_yyyymmdd;
}

void find_dates(const Doc& doc, uint32_t sentence, int32_t anchor, std::vector<DateMention>& out) {
  if (sentence >= doc.sentences.size()) return;
  SentenceDates(doc, sentence, anchor).scan(out);
}

std::vector<DateMention> find_dates(const Doc& doc, uint32_t sentence, int32_t anchor) {
  std::vector<DateMention> out;
  find_dates(doc, sentence, anchor, out);
  return out;
}

EventDate date_for_event(std::span<const DateMention> mentions, uint32_t verb_token, int32_t anchor) {
  const DateMention* best = nullptr;
  uint32_t best_gap = UINT32_MAX;
  for (const DateMention& m : mentions) {
    const uint32_t gap = m.token_end <= verb_token ? verb_token + 1 - m.token_end
                         : m.token_begin > verb_token ? m.token_begin - verb_token
                                                      : 0;
    // Ties go to the mention after the verb ("met ... on Saturday").
    if (gap < best_gap || (gap == best_gap && best && m.token_begin > verb_token && best->token_begin < verb_token)) {
      best = &m, best_gap = gap;
    }
  }
  if (!best) return {io::is_valid_date(anchor) ? anchor : 0, DatePrecision::kDay, {}, true};
  return {best->date, best->precision, best->text, false};
}

}  // namespace parley
