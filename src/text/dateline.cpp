// Wire datelines: "MOSCOW, Aug 6 (Reuters) - ", "KYIV, Ukraine (AP) — ",
// "UNITED NATIONS, August 6, 2025 (AFP) -- ".
#include <algorithm>
#include <cctype>

#include "text/sentences.h"

namespace parley {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Cursor {
 public:
  explicit Cursor(std::string_view t) : t_(t) {}
  size_t pos = 0;
  bool at_end() const { return pos >= t_.size(); }
  char peek(size_t k = 0) const { return pos + k < t_.size() ? t_[pos + k] : '\0'; }
  void skip_blanks() { while (peek() == ' ' || peek() == '\t') ++pos; }
  void skip_space() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++pos;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  // "-", "--", em dash, en dash or horizontal bar, followed by whitespace.
  bool eat_dash() {
    size_t save = pos;
    if (peek() == '-') {
      ++pos;
      if (peek() == '-') ++pos;
    } else if (static_cast<unsigned char>(peek()) == 0xE2 &&
               static_cast<unsigned char>(peek(1)) == 0x80 &&
               (static_cast<unsigned char>(peek(2)) >= 0x93 && static_cast<unsigned char>(peek(2)) <= 0x95)) {
      pos += 3;
    } else {
      return false;
    }
    if (at_end() || std::isspace(static_cast<unsigned char>(peek()))) return true;
    pos = save;
    return false;
  }
  std::string_view slice(size_t b, size_t e) const { return t_.substr(b, e - b); }

 private:
  std::string_view t_;
};

// A place word in capitals: "MOSCOW", "U.S.", "AL-QUDS", "SÃO".
bool eat_caps_word(Cursor& c, int& letters) {
  if (!is_upper(c.peek())) return false;
  while (!c.at_end()) {
    char ch = c.peek();
    if (is_upper(ch)) ++letters;
    else if (ch >= 'a' && ch <= 'z') return false;
    else if (!(ch == '.' || ch == '\'' || ch == '-' || ch == '&' || (ch & 0x80))) break;
    ++c.pos;
  }
  return true;
}

bool eat_capitalised_word(Cursor& c) {
  if (!is_upper(c.peek())) return false;
  while (!c.at_end()) {
    char ch = c.peek();
    if (!(std::isalpha(static_cast<unsigned char>(ch)) || ch == '.' || ch == '\'' || ch == '-' || (ch & 0x80)))
      break;
    ++c.pos;
  }
  return true;
}

int month_number(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL",
                                                 "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
                                                 "OCTOBER", "NOVEMBER", "DECEMBER"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (w.size() > full.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < w.size() && ok; ++i)
      ok = std::toupper(static_cast<unsigned char>(w[i])) == full[i];
    // Full name, a 3-letter abbreviation, or "Sept".
    if (ok && (w.size() == full.size() || w.size() == 3 || (m == 8 && w.size() == 4))) return m + 1;
  }
  return 0;
}

// "Aug 6", "Aug. 6", "August 6, 2025", "6 August"; returns month*100+day.
int eat_date(Cursor& c) {
  size_t save = c.pos;
  auto eat_day = [&]() -> int {
    int d = 0, n = 0;
    while (is_digit(c.peek()) && n < 2) { d = d * 10 + (c.peek() - '0'); ++c.pos; ++n; }
    if (n == 0 || is_digit(c.peek()) || d < 1 || d > 31) return 0;
    return d;
  };
  auto eat_month = [&]() -> int {
    size_t b = c.pos;
    while (std::isalpha(static_cast<unsigned char>(c.peek()))) ++c.pos;
    int m = month_number(c.slice(b, c.pos));
    if (m) c.eat('.');
    return m;
  };
  int month = 0, day = 0;
  if (is_digit(c.peek())) {
    day = eat_day();
    if (day && c.eat(' ')) month = eat_month();
  } else {
    month = eat_month();
    if (month && c.eat(' ')) day = eat_day();
  }
  if (!month || !day) {
    c.pos = save;
    return 0;
  }
  size_t before_year = c.pos;  // optional ", 2025"
  if (c.eat(',') && c.eat(' ') && is_digit(c.peek()) && is_digit(c.peek(1)) && is_digit(c.peek(2)) &&
      is_digit(c.peek(3)) && !is_digit(c.peek(4)))
    c.pos += 4;
  else
    c.pos = before_year;
  return month * 100 + day;
}

bool eat_agency(Cursor& c) {
  size_t save = c.pos;
  if (!c.eat('(') || !is_upper(c.peek())) return (c.pos = save, false);
  size_t b = c.pos;
  while (!c.at_end() && c.peek() != ')' && c.peek() != '\n' && c.pos - b < 40) ++c.pos;
  if (!c.eat(')')) return (c.pos = save, false);
  return true;
}

}  // namespace

std::optional<Dateline> find_dateline(std::string_view text) {
  Cursor c(text.substr(0, std::min<size_t>(text.size(), 400)));
  c.skip_space();
  Dateline d;
  d.begin = static_cast<uint32_t>(c.pos);

  int letters = 0, words = 0;
  size_t place_end = c.pos;
  while (words < 5) {
    size_t w = c.pos;
    if (!eat_caps_word(c, letters)) {
      c.pos = w;
      break;
    }
    ++words;
    place_end = c.pos;
    if (!(c.peek() == ' ' && is_upper(c.peek(1)))) break;
    ++c.pos;
  }
  c.pos = place_end;
  if (words == 0 || letters < 2 || place_end - d.begin > 40) return std::nullopt;
  d.place = std::string(c.slice(d.begin, place_end));

  bool agency = false, dash = false;
  if (c.eat(',')) {
    c.skip_blanks();
    d.date_hint = eat_date(c);
    if (!d.date_hint) {  // a region: "Ukraine", "Calif.", "D.C."
      for (int n = 0; n < 4; ++n) {
        if (!eat_capitalised_word(c)) break;
        if (!(c.peek() == ' ' && is_upper(c.peek(1)))) break;
        ++c.pos;
      }
      if (c.eat(',')) {
        c.skip_blanks();
        d.date_hint = eat_date(c);
      }
    }
  }
  c.skip_blanks();
  agency = eat_agency(c);
  c.skip_blanks();
  dash = c.eat_dash();
  if (!dash && !agency) return std::nullopt;
  if (!dash && !(c.at_end() || std::isspace(static_cast<unsigned char>(c.peek())))) return std::nullopt;
  c.skip_space();
  d.end = static_cast<uint32_t>(c.pos);
  return d;
}

}  // namespace parley
