#include "tokens/scanner.h"

#include <utf8proc.h>

#include <algorithm>

#include "text/abbreviations.h"
#include "text/utf8.h"

namespace parley {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Letters, marks and digits of any script continue a word.
bool is_word_cp(char32_t cp) {
  if (cp < 0x80) return is_alnum(static_cast<char>(cp));
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool has3(std::string_view t, uint32_t i, uint32_t end, unsigned char a, unsigned char b, unsigned char c) {
  return i + 3 <= end && static_cast<unsigned char>(t[i]) == a && static_cast<unsigned char>(t[i + 1]) == b &&
         static_cast<unsigned char>(t[i + 2]) == c;
}

// ’ (U+2019) is the usual apostrophe in edited news.
uint32_t apostrophe_len(std::string_view t, uint32_t i, uint32_t end) {
  if (i >= end) return 0;
  if (t[i] == '\'') return 1;
  if (has3(t, i, end, 0xE2, 0x80, 0x99)) return 3;
  return 0;
}

bool ascii_ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

}  // namespace

bool Scanner::next(Piece& out) {
  if (has_pending_) {
    out = pending_;
    has_pending_ = false;
    return true;
  }
  bool space = false;
  while (pos_ < end_) {
    size_t sl = space_length(t_.data() + pos_, t_.data() + end_);
    if (!sl) break;
    pos_ += static_cast<uint32_t>(sl);
    space = true;
  }
  if (pos_ >= end_) return false;
  if (pos_ > 0 && !space) space = space_length(t_.data() + pos_ - 1, t_.data() + pos_) != 0;

  uint32_t b = pos_;
  uint32_t e;
  PieceKind kind = PieceKind::kWord;
  char c = t_[b];
  bool url_prefix = (c == 'h' || c == 'H' || c == 'w' || c == 'W');
  if (url_prefix && (e = scan_url(b)) > b) {
    kind = PieceKind::kUrl;
  } else if (is_digit(c)) {
    bool letters = false;
    e = scan_number(b, letters);
    kind = letters ? PieceKind::kWord : PieceKind::kNumber;
  } else if (is_alpha(c) || (static_cast<unsigned char>(c) >= 0x80 &&
                             is_word_cp(decode_utf8(t_.data() + b, t_.data() + end_).cp))) {
    e = scan_word(b);
  } else {
    e = scan_punct(b, kind);
  }
  // name@host.org or j.smith@host.org: the word stopped at '@' or at an inner '.'.
  if (kind == PieceKind::kWord && !has_pending_ && e + 1 < end_ &&
      (t_[e] == '@' || (t_[e] == '.' && is_alnum(t_[e + 1])))) {
    uint32_t u = scan_url(b);
    if (u > e) e = u, kind = PieceKind::kUrl;
  }
  if (e - b > kMaxTokenBytes) {  // cut at a code point boundary
    e = b + kMaxTokenBytes;
    while (e > b + 1 && (static_cast<unsigned char>(t_[e]) & 0xC0) == 0x80) --e;
    has_pending_ = false;
  }
  out.begin = b;
  out.end = e;
  out.kind = kind;
  out.space_before = space;
  pos_ = has_pending_ ? pending_.end : e;
  return true;
}

// An apostrophe at apos starting a clitic: 's 're 've 'll 'd 'm, or the ' of
// n't (apos is then the ' and the n is before it).  The clitic must end the word.
bool Scanner::clitic_at(uint32_t apos, uint32_t& clitic_end) const {
  uint32_t a = apostrophe_len(t_, apos, end_);
  if (!a) return false;
  uint32_t s = apos + a;
  uint32_t k = s;
  while (k < end_ && is_alpha(t_[k]) && k - s < 3) ++k;
  if (k < end_ && (is_alnum(t_[k]) || static_cast<unsigned char>(t_[k]) >= 0x80)) {
    Utf8Char u = decode_utf8(t_.data() + k, t_.data() + end_);
    if (is_word_cp(u.cp)) return false;
  }
  std::string_view suf = t_.substr(s, k - s);
  if (ascii_ieq(suf, "s") || ascii_ieq(suf, "re") || ascii_ieq(suf, "ve") || ascii_ieq(suf, "ll") ||
      ascii_ieq(suf, "d") || ascii_ieq(suf, "m") || ascii_ieq(suf, "t")) {
    clitic_end = k;
    return true;
  }
  return false;
}

uint32_t Scanner::scan_word(uint32_t b) {
  uint32_t i = b;
  uint32_t limit = std::min(end_, b + kMaxTokenBytes + 1);
  while (i < limit) {
    char c = t_[i];
    if (is_alnum(c)) { ++i; continue; }
    if (static_cast<unsigned char>(c) >= 0x80) {
      uint32_t ap = apostrophe_len(t_, i, end_);
      if (!ap) {
        Utf8Char u = decode_utf8(t_.data() + i, t_.data() + end_);
        if (!is_word_cp(u.cp)) break;
        i += u.len;
        continue;
      }
    }
    if (c == '-') {
      if (i + 1 < end_ && is_alnum(t_[i + 1])) { ++i; continue; }
      // "anti- and pro-war": a dangling hyphen stays on its word.
      if (i + 1 >= end_ || space_length(t_.data() + i + 1, t_.data() + end_)) { ++i; break; }
      if (i + 1 < end_ && static_cast<unsigned char>(t_[i + 1]) >= 0x80 &&
          is_word_cp(decode_utf8(t_.data() + i + 1, t_.data() + end_).cp)) { ++i; continue; }
      break;
    }
    if (c == '&' && i > b && i + 1 < end_ && is_alpha(t_[i - 1]) && is_alpha(t_[i + 1]) &&
        (t_[i - 1] & 0x20) == 0 && (t_[i + 1] & 0x20) == 0) {  // AT&T, R&D
      ++i;
      continue;
    }
    if (apostrophe_len(t_, i, end_)) {
      uint32_t cend;
      if (clitic_at(i, cend)) {
        bool nt = lower(t_[cend - 1]) == 't' && cend - i - apostrophe_len(t_, i, end_) == 1;
        if (nt) {
          if (i - b >= 2 && lower(t_[i - 1]) == 'n') {  // didn't -> did + n't
            pending_ = Piece{i - 1, cend, PieceKind::kClitic, false};
            has_pending_ = true;
            return i - 1;
          }
          break;  // a quote after a word ending in t
        }
        pending_ = Piece{i, cend, PieceKind::kClitic, false};
        has_pending_ = true;
        return i;
      }
      uint32_t a = apostrophe_len(t_, i, end_);
      if (i + a < end_ && is_alpha(t_[i + a])) { i += a; continue; }  // O'Brien, d'Ivoire
      if (lower(t_[i - 1]) == 's') {  // countries' -> countries + '
        pending_ = Piece{i, i + a, PieceKind::kPossessive, false};
        has_pending_ = true;
        return i;
      }
      break;
    }
    if (c == '.') {
      std::string_view w = t_.substr(b, i - b);
      // U.S. / J.K.: a letter, a period, then a letter and a period again.
      bool dotted = (i - b == 1 || (i - b >= 3 && t_[i - 2] == '.')) && is_alpha(t_[i - 1]);
      if (dotted && i + 2 < end_ && is_alpha(t_[i + 1]) && t_[i + 2] == '.') { i += 1; continue; }
      AbbrevKind k = abbreviation_kind(w);
      if (k == AbbrevKind::kNumber) {
        uint32_t j = i + 1;
        while (j < end_ && t_[j] == ' ') ++j;
        if (j < end_ && is_digit(t_[j])) return i + 1;
        break;
      }
      // "than I." ends a sentence; "George W. Bush" does not.
      if (k == AbbrevKind::kInitial && i + 1 >= end_) break;
      if (k != AbbrevKind::kNone || (dotted && i - b >= 3)) {
        if (i + 2 < end_ && t_[i + 1] == '-' && is_alnum(t_[i + 2])) {  // U.S.-led
          i += 2;
          continue;
        }
        return i + 1;
      }
      break;
    }
    break;
  }
  // "cannot" -> can + not
  if (i - b == 6 && ascii_ieq(t_.substr(b, 6), "cannot")) {
    pending_ = Piece{b + 3, i, PieceKind::kWord, false};
    has_pending_ = true;
    return b + 3;
  }
  return i;
}

uint32_t Scanner::scan_number(uint32_t b, bool& has_letters) {
  uint32_t i = b;
  uint32_t limit = std::min(end_, b + kMaxTokenBytes + 1);
  while (i < limit) {
    char c = t_[i];
    if (is_digit(c)) { ++i; continue; }
    if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && i + 1 < end_ && is_digit(t_[i + 1])) {
      i += 2;
      continue;
    }
    if (is_alpha(c) || (c == '-' && i + 1 < end_ && is_alpha(t_[i + 1]))) {  // 1990s, 5th, 10-year
      has_letters = true;
      return scan_word(i);
    }
    break;
  }
  return i;
}

uint32_t Scanner::scan_url(uint32_t b) const {
  auto starts = [&](std::string_view p) { return b + p.size() <= end_ && ascii_ieq(t_.substr(b, p.size()), p); };
  uint32_t e = b;
  if (starts("http://") || starts("https://") || starts("www.")) {
    while (e < end_ && !space_length(t_.data() + e, t_.data() + end_) && e - b < kMaxTokenBytes) ++e;
  } else if (is_alnum(t_[b])) {  // name@host.domain
    bool at = false, dot_after_at = false;
    while (e < end_ && e - b < 256) {
      char c = t_[e];
      if (is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
        if (c == '.' && at) dot_after_at = true;
      } else if (c == '@' && !at && e > b && e + 1 < end_ && is_alnum(t_[e + 1])) {
        at = true;
      } else {
        break;
      }
      ++e;
    }
    if (!at || !dot_after_at) return b;
  } else {
    return b;
  }
  while (e > b) {  // trailing sentence punctuation is not part of it
    char c = t_[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' || c == '\'')
      --e;
    else if (static_cast<unsigned char>(c) >= 0x80 && e - b >= 3 &&
             (has3(t_, e - 3, end_, 0xE2, 0x80, 0x9D) || has3(t_, e - 3, end_, 0xE2, 0x80, 0x99)))
      e -= 3;
    else
      break;
  }
  return e;
}

uint32_t Scanner::scan_punct(uint32_t b, PieceKind& kind) const {
  char c = t_[b];
  kind = PieceKind::kPunct;
  if (c == '"') return kind = PieceKind::kQuote, b + 1;
  if ((c == '`' || c == '\'') && b + 1 < end_ && t_[b + 1] == c) return kind = PieceKind::kQuote, b + 2;
  if (c == '`' || c == '\'') return kind = PieceKind::kQuote, b + 1;
  if (c == '-' || c == '.') {  // "--", "...", and longer runs
    uint32_t e = b;
    while (e < end_ && t_[e] == c && e - b < 16) ++e;
    return (e - b >= 2) ? e : b + 1;
  }
  if (static_cast<unsigned char>(c) < 0x80) return b + 1;
  Utf8Char u = decode_utf8(t_.data() + b, t_.data() + end_);
  switch (u.cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2018: case 0x2019:
    case 0x201A: case 0x201B: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
      kind = PieceKind::kQuote;
      break;
    default:
      break;
  }
  return b + u.len;
}

}  // namespace parley
