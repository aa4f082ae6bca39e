#include "io/utf8.h"

namespace parley::io {

size_t utf8_sequence_length(std::string_view s, size_t* bad_len) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) lo = 0xA0;        // overlong
    if (lead == 0xED) hi = 0x9F;        // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) lo = 0x90;        // overlong
    if (lead == 0xF4) hi = 0x8F;        // > U+10FFFF
  } else {
    if (bad_len) *bad_len = 1;
    return 0;
  }
  size_t i = 1;
  for (; i < need && i < s.size(); ++i) {
    const unsigned char c = byte(i);
    const bool ok = (i == 1) ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) break;
  }
  if (i == need) return need;
  if (bad_len) *bad_len = i;
  return 0;
}

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // ASCII runs dominate news text; skip them eight bytes at a time.
    while (i + 8 <= s.size()) {
      unsigned char any = 0;
      for (size_t k = 0; k < 8; ++k) any |= static_cast<unsigned char>(s[i + k]);
      if (any & 0x80) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(s.substr(i));
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace parley::io
