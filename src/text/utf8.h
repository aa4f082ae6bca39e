// parley/text: UTF-8 hygiene shared by every stage that walks raw text.
//
// Doc::text is the record as received.  Callers repair it once with
// repair_utf8() (invalid sequences -> U+FFFD, NUL -> space) and warn, naming
// the record, when the returned count is not zero.  The decoders below never
// read past `end` and treat a stray byte as one U+FFFD of length 1, so later
// stages survive text that was not repaired.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Utf8Char {
  char32_t cp = 0;   // the code point, or U+FFFD for an invalid sequence
  uint8_t len = 1;   // bytes consumed (1..4); never 0, never past end
  bool valid = true;
};

// Decodes the code point at p (p < end).  Rejects overlong forms, surrogates
// and code points above U+10FFFF.
Utf8Char decode_utf8(const char* p, const char* end);

// Replaces each invalid sequence by U+FFFD and each NUL by a space, in place.
// Returns the number of repairs; 0 means the text was left untouched.
size_t repair_utf8(std::string& text);

bool is_valid_utf8(std::string_view text);

// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

// Byte length of the whitespace character at p, or 0 if it is not one.
// Knows ASCII blanks plus NBSP, U+2000..U+200A, U+2028/9, U+202F, U+205F, U+3000.
inline size_t space_length(const char* p, const char* end) {
  unsigned char c = static_cast<unsigned char>(*p);
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2) return 0;
  if (c == 0xC2) return (end - p >= 2 && static_cast<unsigned char>(p[1]) == 0xA0) ? 2 : 0;
  if ((c == 0xE2 || c == 0xE3) && end - p >= 3) {
    unsigned char c1 = static_cast<unsigned char>(p[1]), c2 = static_cast<unsigned char>(p[2]);
    if (c == 0xE3) return (c1 == 0x80 && c2 == 0x80) ? 3 : 0;
    if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;
    if (c1 == 0x81 && c2 == 0x9F) return 3;
  }
  return 0;
}

}  // namespace parley
