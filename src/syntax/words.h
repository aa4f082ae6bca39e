// Small closed word classes the syntax rules need by name, kept here once
// for syntax/ and the stages after it (actors, events, quotes, modality).
// Inputs are the normalised (upper-case) forms.
#pragma once

#include <string_view>

#include "doc/doc.h"

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
// The modals that make a verb future: will, shall, 'll, wo(n't).
inline bool is_future_modal(std::string_view w) { return w == "WILL" || w == "SHALL" || w == "'LL" || w == "WO"; }
// The words that link the members of a list of actors.
inline bool is_list_conjunction(std::string_view w) { return w == "AND" || w == "OR" || w == "NOR" || w == "&"; }
inline bool is_coordinator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOR" || w == "BUT";
}
// its, their, his, her: they stand for an actor named before them.
inline bool is_third_person_possessive(std::string_view w) {
  return w == "ITS" || w == "THEIR" || w == "HIS" || w == "HER";
}
inline bool is_possessive_determiner(std::string_view w) {
  return is_third_person_possessive(w) || w == "OUR" || w == "MY" || w == "YOUR";
}

// Words naming a stretch of time: "last year", "next week", "past decade".
inline bool time_noun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "YEAR", "YEARS", "WEEK", "WEEKS", "MONTH", "MONTHS", "NIGHT", "WEEKEND", "DECADE", "CENTURY", "SPRING",
      "SUMMER", "FALL", "AUTUMN", "WINTER", "TIME", "MORNING", "EVENING", "MONDAY", "TUESDAY", "WEDNESDAY",
      "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY",
      "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
  for (std::string_view t : kWords)
    if (w == t) return true;
  return false;
}

// A token that can sit inside a noun phrase before its head: determiner,
// adjective, number, noun, name, or the possessive 's.
inline bool np_internal(const Token& t) {
  switch (t.tag) {
    case Tag::kDet: case Tag::kAdj: case Tag::kNum: case Tag::kNoun: case Tag::kProper:
      return true;
    case Tag::kParticle:
      return (t.flags & kPossessive) != 0;
    default:
      return false;
  }
}

}  // namespace parley
