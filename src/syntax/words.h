// Small closed word classes the syntax rules need by name.  Inputs are the
// normalised (upper-case) forms.  Internal to syntax/ and the coder.
#pragma once

#include <string_view>

namespace parley {

inline bool is_be(std::string_view w) {
  return w == "BE" || w == "IS" || w == "ARE" || w == "WAS" || w == "WERE" || w == "BEEN" ||
         w == "BEING" || w == "AM" || w == "'S" || w == "'RE" || w == "'M";
}
inline bool is_have(std::string_view w) {
  return w == "HAVE" || w == "HAS" || w == "HAD" || w == "HAVING" || w == "'VE" || w == "'D";
}
inline bool is_do(std::string_view w) { return w == "DO" || w == "DOES" || w == "DID"; }
inline bool is_modal(std::string_view w) {
  return w == "WILL" || w == "WOULD" || w == "CAN" || w == "COULD" || w == "MAY" || w == "MIGHT" ||
         w == "SHALL" || w == "SHOULD" || w == "MUST" || w == "WO" || w == "CA" || w == "'LL" ||
         w == "OUGHT";
}
inline bool is_coordinator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOR" || w == "BUT";
}

}  // namespace parley
