// The sentence splitter: one left-to-right pass over the bytes.  Candidate
// ends are terminal punctuation and line breaks; the few words around each
// candidate decide.  Every look-around is bounded, so the pass is linear even
// on a 10 MB line without spaces.
#include "text/sentences.h"

#include <algorithm>
#include <limits>

#include "text/abbreviations.h"
#include "text/utf8.h"

namespace parley {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();
constexpr size_t kHeadlineMaxLine = 60;   // longer lines without a period are wrapped prose
constexpr size_t kTitleLineMax = 160;     // ...unless Title Cased, up to this length
constexpr size_t kQuoteSpan = 600;        // an open quote stops holding a sentence after this
constexpr size_t kWordWindow = 32;        // look-around for the word before a period

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }

bool has3(const char* p, const char* end, unsigned char a, unsigned char b, unsigned char c) {
  return end - p >= 3 && static_cast<unsigned char>(p[0]) == a && static_cast<unsigned char>(p[1]) == b &&
         static_cast<unsigned char>(p[2]) == c;
}
bool is_ellipsis_char(const char* p, const char* end) { return has3(p, end, 0xE2, 0x80, 0xA6); }

// Opening double quotes: “ « „ (single quotes are too often apostrophes to count).
size_t opening_double_quote_len(const char* p, const char* end) {
  if (has3(p, end, 0xE2, 0x80, 0x9C) || has3(p, end, 0xE2, 0x80, 0x9E)) return 3;
  if (end - p >= 2 && static_cast<unsigned char>(p[0]) == 0xC2 && static_cast<unsigned char>(p[1]) == 0xAB) return 2;
  return 0;
}

// Two apostrophes close and two backticks open a double quotation in text
// typed the TeX / Penn Treebank way (Brown, wire copy keyed on typewriters).
bool is_tex_close(const char* p, const char* end) { return end - p >= 2 && p[0] == '\'' && p[1] == '\''; }
bool is_tex_open(const char* p, const char* end) { return end - p >= 2 && p[0] == '`' && p[1] == '`'; }

// Opening quotes: “ ‘ « „ ``
size_t opening_quote_len(const char* p, const char* end) {
  if (is_tex_open(p, end)) return 2;
  if (has3(p, end, 0xE2, 0x80, 0x9C) || has3(p, end, 0xE2, 0x80, 0x98) || has3(p, end, 0xE2, 0x80, 0x9E)) return 3;
  if (end - p >= 2 && static_cast<unsigned char>(p[0]) == 0xC2 && static_cast<unsigned char>(p[1]) == 0xAB) return 2;
  return 0;
}

// Characters that may follow a sentence's final punctuation: ) ] } " ' ” ’ »
// Sets is_quote for the double quotes, which close a quotation.
size_t closer_len(const char* p, const char* end, bool& is_quote) {
  char c = *p;
  is_quote = false;
  if (is_tex_close(p, end)) return is_quote = true, 2;
  if (c == ')' || c == ']' || c == '}' || c == '\'') return 1;
  if (c == '"') return is_quote = true, 1;
  if (has3(p, end, 0xE2, 0x80, 0x9D)) return is_quote = true, 3;
  if (has3(p, end, 0xE2, 0x80, 0x99)) return 3;
  if (end - p >= 2 && static_cast<unsigned char>(c) == 0xC2 && static_cast<unsigned char>(p[1]) == 0xBB)
    return is_quote = true, 2;
  return 0;
}

// Bytes that need no decision: printable ASCII other than . ! ? " ' and `.
struct PlainTable {
  bool v[256] = {};
  constexpr PlainTable() {
    for (int c = 0x21; c < 0x7F; ++c) v[c] = true;
    v[static_cast<int>('.')] = v[static_cast<int>('!')] = v[static_cast<int>('?')] = v[static_cast<int>('"')] = false;
    v[static_cast<int>('\'')] = v[static_cast<int>('`')] = false;
  }
  constexpr bool operator[](unsigned char c) const { return v[c]; }
};
constexpr PlainTable kPlain;

class Splitter {
 public:
  Splitter(Doc& doc, size_t n) : doc_(doc), p_(doc.text.data()), end_(doc.text.data() + n), n_(n) {}

  void run(size_t start) {
    line_start_ = start;
    size_t i = start;
    while (i < n_) {
      if (kPlain[static_cast<unsigned char>(p_[i])]) {  // the bulk of the text: letters, digits, commas
        if (sent_begin_ == kNone) sent_begin_ = i;
        do ++i;
        while (i < n_ && kPlain[static_cast<unsigned char>(p_[i])]);
        content_end_ = i;
        continue;
      }
      char c = p_[i];
      if (c == ' ') {
        ++i;
        continue;
      }
      if (c == '\n') {
        on_newline(i);
        line_start_ = i + 1;
        ++i;
        continue;
      }
      if (size_t sl = space_length(p_ + i, end_)) {
        i += sl;
        continue;
      }
      if (sent_begin_ == kNone) sent_begin_ = i;
      if (c == '.' || c == '!' || c == '?' || is_ellipsis_char(p_ + i, end_)) {
        i = on_terminal(i);
        continue;
      }
      size_t len;
      if (c == '"') {
        char prev = i > 0 ? p_[i - 1] : ' ';
        bool opens = prev == ' ' || prev == '\n' || prev == '\t' || prev == '(' || prev == '[' ||
                     prev == '-' || i == sent_begin_;
        if (opens) ++quote_depth_;
        else if (quote_depth_ > 0) --quote_depth_;
        len = 1;
      } else if ((len = opening_double_quote_len(p_ + i, end_))) {
        ++quote_depth_;
      } else if (is_tex_open(p_ + i, end_)) {
        ++quote_depth_;
        len = 2;
      } else if (is_tex_close(p_ + i, end_)) {
        // "fact'' that ...": without this an opening " or `` stays open and
        // holds every sentence after it together.
        if (quote_depth_ > 0) --quote_depth_;
        len = 2;
      } else if (has3(p_ + i, end_, 0xE2, 0x80, 0x9D) ||
                 (static_cast<unsigned char>(c) == 0xC2 && i + 1 < n_ && static_cast<unsigned char>(p_[i + 1]) == 0xBB)) {
        if (quote_depth_ > 0) --quote_depth_;
        len = static_cast<unsigned char>(c) == 0xC2 ? 2 : 3;
      } else {
        len = decode_utf8(p_ + i, end_).len;
      }
      i += len;
      content_end_ = i;
    }
    emit(content_end_);
  }

 private:
  void emit(size_t end) {
    if (sent_begin_ != kNone && end > sent_begin_) {
      Sentence s;
      s.begin = static_cast<uint32_t>(sent_begin_);
      s.end = static_cast<uint32_t>(end);
      doc_.sentences.push_back(s);
    }
    sent_begin_ = kNone;
    quote_depth_ = 0;
  }

  // i is at . ! ? or an ellipsis.  Returns the position after the run and
  // any closing quotes or brackets.
  size_t on_terminal(size_t i) {
    size_t j = i;
    int periods = 0;
    bool bang = false, ellipsis = false;
    while (j < n_) {
      char c = p_[j];
      if (c == '.') ++periods, ++j;
      else if (c == '!' || c == '?') bang = true, ++j;
      else if (is_ellipsis_char(p_ + j, end_)) ellipsis = true, j += 3;
      else break;
    }
    if (periods >= 2) ellipsis = true;
    size_t k = j;
    bool is_quote;
    while (k < n_) {
      size_t len = closer_len(p_ + k, end_, is_quote);
      if (!len) break;
      if (is_quote && quote_depth_ > 0) --quote_depth_;
      k += len;
    }
    content_end_ = k;
    if (k < n_ && !space_length(p_ + k, end_)) return k;  // 11.8, U.S.-led, "end.Next"
    size_t m = k;
    while (m < n_) {
      size_t sl = space_length(p_ + m, end_);
      if (!sl) break;
      m += sl;
    }
    if (m >= n_) return k;  // the final emit closes it
    if (is_boundary(i, ellipsis, bang, m)) emit(k);
    return k;
  }

  bool is_boundary(size_t i, bool ellipsis, bool bang, size_t m) const {
    char next = p_[m];
    if (quote_depth_ > 0 && i - sent_begin_ < kQuoteSpan) return false;  // "We left. They stayed," he said.
    if (ellipsis) {
      bool spaced = i > 0 && space_length(p_ + i - 1, end_);
      return !spaced && (is_upper(next) || opening_quote_len(p_ + m, end_) || next == '"');
    }
    if (bang) return !is_lower(next);
    switch (abbreviation_kind(word_before(i))) {
      case AbbrevKind::kTitle:
      case AbbrevKind::kInitial:
        return false;
      case AbbrevKind::kGeneral:
        return is_sentence_starter(word_at(m));
      case AbbrevKind::kNumber:
        if (is_digit(next)) return false;
        break;
      case AbbrevKind::kNone:
        break;
    }
    return !is_lower(next) && next != ',' && next != ';' && next != ':';
  }

  // The word that ends at i, without leading quotes or brackets.
  std::string_view word_before(size_t i) const {
    size_t b = i;
    while (b > 0 && i - b < kWordWindow && !space_length(p_ + b - 1, end_) &&
           p_[b - 1] != '(' && p_[b - 1] != '[' && p_[b - 1] != '"' && !(p_[b - 1] & 0x80))
      --b;
    if (i - b >= kWordWindow) return {};
    return std::string_view(p_ + b, i - b);
  }

  std::string_view word_at(size_t m) const {
    size_t e = m;
    while (e < n_ && e - m < kWordWindow && is_alpha(p_[e])) ++e;
    return std::string_view(p_ + m, e - m);
  }

  // The last character of the line before closers, e.g. 'd' in `said)"`.
  char last_meaningful(size_t end) const {
    size_t e = end;
    while (e > line_start_) {
      char c = p_[e - 1];
      if (c == ')' || c == ']' || c == '"' || c == '\'') { --e; continue; }
      if (e - line_start_ >= 3 && (has3(p_ + e - 3, end_, 0xE2, 0x80, 0x9D) || has3(p_ + e - 3, end_, 0xE2, 0x80, 0x99))) {
        e -= 3;
        continue;
      }
      if (e - line_start_ >= 3 && is_ellipsis_char(p_ + e - 3, end_)) return '.';
      return c;
    }
    return '\0';
  }

  // A line of Title Cased words ("Strategic Context: Peace or Sanctions").
  bool is_title_line(size_t b, size_t e) const {
    if (e - b > kTitleLineMax) return false;
    int long_words = 0, capitalised = 0;
    for (size_t i = b; i < e;) {
      while (i < e && !is_alpha(p_[i])) ++i;
      size_t w = i;
      while (i < e && is_alpha(p_[i])) ++i;
      if (i - w >= 4) {
        ++long_words;
        if (is_upper(p_[w])) ++capitalised;
      }
    }
    return long_words >= 3 && capitalised * 5 >= long_words * 4;
  }

  void on_newline(size_t i) {
    if (sent_begin_ == kNone) return;
    size_t p = i + 1;
    while (p < n_ && p_[p] != '\n') {
      size_t sl = space_length(p_ + p, end_);
      if (!sl) break;
      p += sl;
    }
    if (p >= n_) return;
    if (p_[p] == '\n') {  // blank line: a paragraph ends
      emit(content_end_);
      return;
    }
    if (content_end_ <= line_start_) return;
    char last = last_meaningful(content_end_);
    if (last == '.' || last == '!' || last == '?') return;  // on_terminal decided
    char next = p_[p];
    bool next_opens = is_upper(next) || next == '"' || opening_quote_len(p_ + p, end_);
    if (last == ':') {
      if (next_opens) emit(content_end_);
      return;
    }
    if (last == ',' || last == ';' || last == '-' || last == '(' || last == '&' || last == '/') return;
    if (!next_opens && (next & 0x80) == 0 && !is_upper(next)) return;  // lower case, digit, bracket
    if (is_lower(next)) return;
    size_t line_len = content_end_ - line_start_;
    if (line_len > kHeadlineMaxLine && !is_title_line(line_start_, content_end_)) return;
    size_t w = content_end_;
    while (w > line_start_ && content_end_ - w < kWordWindow && is_alpha(p_[w - 1])) --w;
    if (is_function_word(std::string_view(p_ + w, content_end_ - w))) return;
    emit(content_end_);
  }

  Doc& doc_;
  const char* p_;
  const char* end_;
  size_t n_;
  size_t sent_begin_ = kNone;
  size_t content_end_ = 0;
  size_t line_start_ = 0;
  int quote_depth_ = 0;
};

}  // namespace

void split_sentences(Doc& doc, bool record_start) {
  doc.sentences.clear();
  size_t n = std::min<size_t>(doc.text.size(), std::numeric_limits<uint32_t>::max());
  size_t start = 0;
  if (record_start) {
    if (auto d = find_dateline(std::string_view(doc.text).substr(0, n))) start = d->end;
  }
  Splitter(doc, n).run(start);
}

}  // namespace parley
