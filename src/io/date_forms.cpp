// parse_record_date(): the written forms of an input record's date.  A
// cursor over the text reads a date part (numeric or with a month name), then
// an optional time and zone; each piece either matches or says why not, so the
// warning a user sees names what is wrong rather than only "bad date".
#include <array>
#include <string>

#include "io/dates.h"

namespace parley::io {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
// Zone names seen in feeds; an offset (+0200, -05:00) covers the rest.
constexpr std::array<std::string_view, 15> kZones = {"z",   "ut",  "utc", "gmt", "est",  "edt", "cst",  "cdt",
                                                     "mst", "mdt", "pst", "pdt", "bst",  "cet", "cest"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

struct Failure {
  std::string why;
};

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  bool done() const { return i_ >= s_.size(); }
  char peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  void skip_spaces() {
    while (!done() && is_space(s_[i_])) ++i_;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // A run of at most `max` ASCII digits (0 if none); *count says how many.
  int number(size_t* count, size_t max = 9) {
    int v = 0;
    size_t n = 0;
    while (!done() && is_digit(s_[i_]) && n < max) {
      v = v * 10 + (s_[i_] - '0');
      ++i_, ++n;
    }
    *count = n;
    return v;
  }
  // A run of ASCII letters, lower-cased.
  std::string word() {
    std::string w;
    while (!done() && is_alpha(s_[i_])) w += lower(s_[i_++]);
    return w;
  }
  std::string_view rest() const { return s_.substr(i_); }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// "march", "mar", "sept" (with the dot already skipped by the caller) -> 1..12, else 0.
int month_number(const std::string& w) {
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (w == kMonths[m] || w == kMonths[m].substr(0, 3)) return static_cast<int>(m) + 1;
  }
  return 0;
}

// "tuesday", "tue", "tues", "thu", "thur", "thurs" -> 0..6 (Monday = 0), else -1.
int weekday_number(const std::string& w) {
  if (w.size() < 3) return -1;
  for (size_t d = 0; d < kWeekdays.size(); ++d) {
    if (kWeekdays[d].substr(0, w.size()) == w) return static_cast<int>(d);
  }
  return -1;
}

int digits_exactly(Cursor& c, size_t n, const char* what) {
  size_t got = 0;
  const int v = c.number(&got);
  if (got != n) throw Failure{std::string("expected ") + std::to_string(n) + " digits for the " + what};
  return v;
}

// "st", "nd", "rd", "th" after a day number.
void skip_ordinal(Cursor& c) {
  const char a = lower(c.peek()), b = lower(c.peek(1));
  if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
    if (!is_alpha(c.peek(2))) {
      c.eat(c.peek());
      c.eat(c.peek());
    }
  }
}

// Month name with an optional abbreviation dot.
int month_word(Cursor& c) {
  const std::string w = c.word();
  const int m = month_number(w);
  if (!m) throw Failure{w.empty() ? "expected a month name" : "\"" + w + "\" is not a month"};
  c.eat('.');
  return m;
}

int year4(Cursor& c) {
  size_t n = 0;
  const int y = c.number(&n);
  if (n == 2) throw Failure{"two-digit year; write all four digits"};
  if (n != 4) throw Failure{"expected a four-digit year"};
  return y;
}

// [+-]HH[:]MM or [+-]HH.
void offset(Cursor& c) {
  size_t n = 0;
  const int h = c.number(&n);
  int m = 0;
  if (n == 4) {
    m = h % 100;
    if (h / 100 > 23 || m > 59) throw Failure{"zone offset out of range"};
    return;
  }
  if (n < 1 || n > 2) throw Failure{"expected a zone offset as +HH:MM, +HHMM or +HH"};
  if (h > 23) throw Failure{"zone offset out of range"};
  if (c.eat(':') && (m = digits_exactly(c, 2, "zone offset minutes")) > 59) throw Failure{"zone offset out of range"};
}

// After a time: nothing, Z, a zone name, or an offset (optionally after
// "GMT"/"UTC", as in "GMT+2").
void zone(Cursor& c) {
  c.skip_spaces();
  if (c.done()) return;
  if (c.peek() == '+' || c.peek() == '-') {
    c.eat(c.peek());
    return offset(c);
  }
  const std::string w = c.word();
  bool known = false;
  for (std::string_view z : kZones) known = known || w == z;
  if (!known) throw Failure{w.empty() ? "unexpected text after the time" : "unknown time zone \"" + w + "\""};
  if ((w == "gmt" || w == "utc") && (c.peek() == '+' || c.peek() == '-')) {
    c.eat(c.peek());
    offset(c);
  }
}

// HH:MM[:SS[.frac]] [am|pm] [zone], or, when `basic`, HHMM[SS[.frac]] [zone].
void time_of_day(Cursor& c, bool basic) {
  int h = 0, m = 0, s = 0;
  if (basic) {
    size_t n = 0;
    const int v = c.number(&n);
    if (n == 4) h = v / 100, m = v % 100;
    else if (n == 6) h = v / 10000, m = v / 100 % 100, s = v % 100;
    else throw Failure{"expected a time as HHMMSS"};
  } else {
    size_t n = 0;
    h = c.number(&n);
    if (n < 1 || n > 2) throw Failure{"expected a time as HH:MM"};
    if (!c.eat(':')) throw Failure{"expected a time as HH:MM"};
    m = digits_exactly(c, 2, "minutes");
    if (c.eat(':')) s = digits_exactly(c, 2, "seconds");
  }
  if ((c.peek() == '.' || c.peek() == ',') && is_digit(c.peek(1))) {
    c.eat(c.peek());
    size_t n = 0;
    c.number(&n);
    while (is_digit(c.peek())) c.eat(c.peek());  // more than 9 fraction digits
  }
  if (m > 59 || s > 60) throw Failure{"time out of range"};
  c.skip_spaces();
  const char a = lower(c.peek()), b = lower(c.peek(1));
  if ((a == 'a' || a == 'p') && b == 'm' && !is_alpha(c.peek(2))) {
    if (basic || h < 1 || h > 12) throw Failure{"time out of range"};
    c.eat(c.peek());
    c.eat(c.peek());
  } else if (h > 23) {
    throw Failure{"time out of range"};
  }
  zone(c);
}

// Optional: a time after the date, ISO ('T') or written (a space).
void optional_time(Cursor& c, bool iso_basic) {
  if (c.done()) return;
  if (lower(c.peek()) == 't' && is_digit(c.peek(1))) {
    c.eat(c.peek());
    return time_of_day(c, iso_basic);
  }
  c.eat(',');
  c.skip_spaces();
  if (c.done()) return;
  if (!is_digit(c.peek())) throw Failure{"unexpected text after the date"};
  time_of_day(c, false);
}

struct Ymd {
  int y = 0, m = 0, d = 0;
  int weekday = -1;  // as written, or -1
};

// 20260303, 20260303T100000Z, 20260303100000, 2026-03-03[T..], 2026/3/3.
Ymd numeric_year_first(Cursor& c) {
  Ymd r;
  size_t run = 0;
  while (is_digit(c.peek(run))) ++run;
  size_t n = 0;
  if (run == 8 || run == 14) {
    const int ymd = c.number(&n, 8);
    r.y = ymd / 10000, r.m = ymd / 100 % 100, r.d = ymd % 100;
    if (run == 14) {
      time_of_day(c, true);  // GDELT's YYYYMMDDHHMMSS
    } else if (lower(c.peek()) == 't' && is_digit(c.peek(1))) {
      c.eat(c.peek());
      time_of_day(c, true);
    }
    return r;
  }
  if (run != 4) throw Failure{"expected YYYY-MM-DD, YYYYMMDD or YYYYMMDDHHMMSS"};
  const int first = c.number(&n);
  r.y = first;
  const char sep = c.peek();
  if (sep != '-' && sep != '/' && sep != '.') throw Failure{"expected YYYY-MM-DD or YYYYMMDD"};
  c.eat(sep);
  r.m = c.number(&n);
  if (n < 1 || n > 2) throw Failure{"expected a one- or two-digit month"};
  if (!c.eat(sep)) throw Failure{"expected YYYY-MM-DD (the same separator twice)"};
  r.d = c.number(&n);
  if (n < 1 || n > 2) throw Failure{"expected a one- or two-digit day"};
  if (lower(c.peek()) == 't' && is_digit(c.peek(1))) {
    c.eat(c.peek());
    time_of_day(c, false);
  } else if (is_space(c.peek())) {
    c.skip_spaces();
    if (!c.done()) time_of_day(c, false);
  }
  return r;
}

// "3 March 2026", "3rd of March, 2026", "03-Mar-2026", after an optional weekday.
Ymd day_first(Cursor& c) {
  Ymd r;
  size_t n = 0;
  r.d = c.number(&n);
  if (n < 1 || n > 2) throw Failure{"expected a day number"};
  if ((c.peek() == '/' || c.peek() == '.' || c.peek() == '-') && is_digit(c.peek(1)))
    throw Failure{"ambiguous numeric date (day and month order): write YYYY-MM-DD"};
  skip_ordinal(c);
  const bool dashed = c.eat('-');
  if (!dashed) {
    c.skip_spaces();
    Cursor probe = c;
    if (probe.word() == "of") {
      c = probe;
      c.skip_spaces();
    }
  }
  r.m = month_word(c);
  if (dashed) {
    if (!c.eat('-')) throw Failure{"expected DD-Mon-YYYY"};
  } else {
    c.eat(',');
    c.skip_spaces();
  }
  r.y = year4(c);
  optional_time(c, false);
  return r;
}

// "March 3, 2026", "Mar. 3 2026", "March 3rd, 2026".
Ymd month_first(Cursor& c) {
  Ymd r;
  r.m = month_word(c);
  c.skip_spaces();
  size_t n = 0;
  r.d = c.number(&n);
  if (n == 4) throw Failure{"a month and year without a day"};
  if (n < 1 || n > 2) throw Failure{"expected a day after the month"};
  skip_ordinal(c);
  c.eat(',');
  c.skip_spaces();
  r.y = year4(c);
  optional_time(c, false);
  return r;
}

Ymd read_date(Cursor& c) {
  if (is_digit(c.peek())) {
    // Year first (4, 8 or 14 digits) or day first (1-2 digits).
    size_t digits = 0;
    while (is_digit(c.peek(digits))) ++digits;
    return digits <= 2 ? day_first(c) : numeric_year_first(c);
  }
  if (!is_alpha(c.peek())) throw Failure{"not a date"};
  Cursor probe = c;
  const std::string w = probe.word();
  const int wd = month_number(w) ? -1 : weekday_number(w);
  if (wd >= 0) {
    c = probe;
    c.eat('.');
    c.eat(',');
    c.skip_spaces();
    Ymd r = is_digit(c.peek()) ? day_first(c) : month_first(c);
    r.weekday = wd;
    return r;
  }
  if (!month_number(w)) throw Failure{"not a date"};
  return month_first(c);
}

std::string month_day_year(const Ymd& r) {
  return std::string(1, static_cast<char>(kMonths[static_cast<size_t>(r.m - 1)][0] - 'a' + 'A')) +
         std::string(kMonths[static_cast<size_t>(r.m - 1)].substr(1)) + " " + std::to_string(r.d) + ", " +
         std::to_string(r.y);
}

}  // namespace

bool parse_record_date(std::string_view text, int32_t* out, std::string* why) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  try {
    if (text.empty()) throw Failure{"empty date"};
    Cursor c(text);
    const Ymd r = read_date(c);
    c.skip_spaces();
    if (!c.done()) throw Failure{"unexpected text \"" + std::string(c.rest().substr(0, 20)) + "\" after the date"};
    if (r.y < 1 || r.y > 9999) throw Failure{"year out of range 0001..9999"};
    if (r.m < 1 || r.m > 12) throw Failure{"month " + std::to_string(r.m) + " out of range 1..12"};
    const int32_t v = r.y * 10000 + r.m * 100 + r.d;
    if (!is_valid_date(v)) throw Failure{"no such day: " + month_day_year(r)};
    if (r.weekday >= 0 && weekday(v) != r.weekday) {
      std::string named(kWeekdays[static_cast<size_t>(weekday(v))]);
      named[0] = static_cast<char>(named[0] - 'a' + 'A');
      throw Failure{month_day_year(r) + " is a " + named + ", not the weekday written"};
    }
    *out = v;
    return true;
  } catch (const Failure& f) {
    if (why) *why = f.why;
    return false;
  }
}

}  // namespace parley::io
