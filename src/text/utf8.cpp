#include "text/utf8.h"

namespace parley {

Utf8Char decode_utf8(const char* p, const char* end) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const size_t avail = static_cast<size_t>(end - p);
  unsigned char c = s[0];
  if (c < 0x80) return {c, 1, true};
  size_t len;
  char32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
  else return {kReplacementChar, 1, false};
  if (avail < len) return {kReplacementChar, 1, false};
  for (size_t k = 1; k < len; ++k) {
    if ((s[k] & 0xC0) != 0x80) return {kReplacementChar, 1, false};
    cp = (cp << 6) | (s[k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return {kReplacementChar, 1, false};
  return {cp, static_cast<uint8_t>(len), true};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_valid_utf8(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    Utf8Char u = decode_utf8(p, end);
    if (!u.valid) return false;
    p += u.len;
  }
  return true;
}

size_t repair_utf8(std::string& text) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  // Fast path: most records are clean and must not be copied.
  const char* p = begin;
  while (p < end) {
    if (*p == '\0') break;
    Utf8Char u = decode_utf8(p, end);
    if (!u.valid) break;
    p += u.len;
  }
  if (p == end) return 0;

  std::string out;
  out.reserve(text.size() + 16);
  out.append(begin, p);
  size_t repairs = 0;
  while (p < end) {
    if (*p == '\0') {
      out.push_back(' ');
      ++repairs;
      ++p;
      continue;
    }
    Utf8Char u = decode_utf8(p, end);
    if (u.valid) {
      out.append(p, u.len);
    } else {
      append_utf8(out, kReplacementChar);
      ++repairs;
    }
    p += u.len;
  }
  text.swap(out);
  return repairs;
}

}  // namespace parley
