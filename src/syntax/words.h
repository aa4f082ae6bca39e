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

// The days of the week: news dates an act by its weekday alone ("took the
// town Wednesday").
inline bool weekday_name(std::string_view w) {
  return w == "MONDAY" || w == "TUESDAY" || w == "WEDNESDAY" || w == "THURSDAY" || w == "FRIDAY" ||
         w == "SATURDAY" || w == "SUNDAY";
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

// "and Ukraine condemned it", "but the rebels have refused", "after France
// criticized": a coordinator or a subordinating word at token k, then a noun
// phrase (the new clause's own subject), then a finite verb.  Words after k
// belong to that clause, not to a verb before it.
inline bool is_clause_linker(std::string_view w) {
  return is_coordinator(w) || w == "AS" || w == "AFTER" || w == "BEFORE" || w == "SINCE" || w == "UNTIL" ||
         w == "WHILE" || w == "BECAUSE" || w == "THOUGH" || w == "ALTHOUGH" || w == "WHEREAS" || w == "WHEN" ||
         w == "IF";
}
inline bool opens_clause_with_subject(const Doc& doc, uint32_t k, uint32_t e) {
  if (doc.norm_of(doc.tokens[k]) == ";") return true;
  if (!is_clause_linker(doc.norm_of(doc.tokens[k]))) return false;
  uint32_t n = k + 1;
  while (n < e && n - k <= 8 && (np_internal(doc.tokens[n]) || doc.tokens[n].tag == Tag::kPronoun)) ++n;
  if (n == k + 1) return false;
  while (n < e && doc.tokens[n].tag == Tag::kAdv) ++n;
  if (n >= e) return false;
  const Token& v = doc.tokens[n];
  return v.tag == Tag::kAux || (v.tag == Tag::kVerb && v.verb_form != VerbForm::kGerund &&
                                v.verb_form != VerbForm::kPastParticiple);
}

}  // namespace parley
