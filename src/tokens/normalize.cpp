#include "tokens/normalize.h"

#include <utf8proc.h>

#include "text/utf8.h"

namespace parley {
namespace {

// Characters whose ASCII form is not what decomposition gives.
const char* special_form(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033: return "\"";
    case 0x2013: case 0x2014: case 0x2015: return "--";
    case 0x2010: case 0x2011: case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x00DF: return "SS";
    case 0x00C6: case 0x00E6: return "AE";
    case 0x0152: case 0x0153: return "OE";
    case 0x00D8: case 0x00F8: return "O";
    case 0x0110: case 0x0111: case 0x00D0: case 0x00F0: return "D";
    case 0x0141: case 0x0142: return "L";
    case 0x00DE: case 0x00FE: return "TH";
    case 0x0131: return "I";
    default: return nullptr;
  }
}

char upper_ascii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

void append_folded(std::string& out, char32_t cp) {
  if (const char* s = special_form(cp)) {
    out.append(s);
    return;
  }
  utf8proc_int32_t buf[8];
  int boundclass = 0;
  auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK),
                                   &boundclass);
  if (n < 0 || n > 8) {
    append_utf8(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp))));
    return;
  }
  for (int k = 0; k < n; ++k) {
    char32_t c = static_cast<char32_t>(buf[k]);
    if (c < 0x80) out.push_back(upper_ascii(static_cast<char>(c)));
    else if (const char* s = special_form(c)) out.append(s);
    else append_utf8(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))));
  }
}

}  // namespace

void append_normalized(std::string& out, std::string_view raw) {
  const char* p = raw.data();
  const char* end = p + raw.size();
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      out.push_back(upper_ascii(static_cast<char>(c)));
      ++p;
      continue;
    }
    Utf8Char u = decode_utf8(p, end);
    append_folded(out, u.cp);
    p += u.len;
  }
}

}  // namespace parley
