#include "tokens/morphology.h"

#include <cstring>

namespace parley {
namespace {

bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool is_consonant(char c) { return c >= 'A' && c <= 'Z' && !is_vowel(c); }
bool ends_with(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}
size_t put(char* out, std::string_view stem, std::string_view suffix) {
  std::memcpy(out, stem.data(), stem.size());
  std::memcpy(out + stem.size(), suffix.data(), suffix.size());
  return stem.size() + suffix.size();
}

}  // namespace

bool doubles_final_consonant(std::string_view w) {
  if (w.size() < 3) return false;
  char last = w[w.size() - 1], mid = w[w.size() - 2], before = w[w.size() - 3];
  if (!is_consonant(last) || last == 'W' || last == 'X' || last == 'Y') return false;
  if (!is_vowel(mid) || !is_consonant(before)) return false;
  if (before == 'Q') return false;  // QUIT is irregular anyway
  int groups = 0;
  bool in_vowel = false;
  for (char c : w) {
    bool v = is_vowel(c);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups == 1;
}

size_t inflect_s(std::string_view w, char* out) {
  if (ends_with(w, "S") || ends_with(w, "X") || ends_with(w, "Z") || ends_with(w, "CH") || ends_with(w, "SH"))
    return put(out, w, "ES");
  if (w.size() >= 2 && w.back() == 'Y' && is_consonant(w[w.size() - 2]))
    return put(out, w.substr(0, w.size() - 1), "IES");
  return put(out, w, "S");
}

size_t inflect_oes(std::string_view w, char* out) {
  if (w.size() >= 2 && w.back() == 'O' && is_consonant(w[w.size() - 2])) return put(out, w, "ES");
  return 0;
}

size_t inflect_ed(std::string_view w, char* out) {
  if (w.empty()) return 0;
  if (w.back() == 'E') return put(out, w, "D");
  if (w.size() >= 2 && w.back() == 'Y' && is_consonant(w[w.size() - 2]))
    return put(out, w.substr(0, w.size() - 1), "IED");
  if (doubles_final_consonant(w)) {
    size_t n = put(out, w, "");
    out[n] = w.back();
    return n + 1 + put(out + n + 1, "", "ED");
  }
  return put(out, w, "ED");
}

size_t inflect_ing(std::string_view w, char* out) {
  if (w.empty()) return 0;
  if (ends_with(w, "IE")) return put(out, w.substr(0, w.size() - 2), "YING");
  if (w.back() == 'E' && w.size() > 2 && !ends_with(w, "EE") && !ends_with(w, "OE") && !ends_with(w, "YE"))
    return put(out, w.substr(0, w.size() - 1), "ING");
  if (doubles_final_consonant(w)) {
    size_t n = put(out, w, "");
    out[n] = w.back();
    return n + 1 + put(out + n + 1, "", "ING");
  }
  return put(out, w, "ING");
}

}  // namespace parley
