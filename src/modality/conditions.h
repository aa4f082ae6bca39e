// Internal to modality/: condition clauses (if / unless / provided / as long
// as, and a leading inversion: "Had Russia invaded Finland, …").
#pragma once

#include <cstdint>

#include "doc/doc.h"

namespace parley::modality_detail {

struct Condition {
  int32_t begin = -1, end = -1;  // tokens of the condition clause, marker included
  bool contains_event = false;   // the event's verb lies inside it
  bool found() const { return begin >= 0; }
};

// The condition clause that governs token `verb` of sentence `s`, if any.
// A leading "If …," governs the clause after its comma; a later "if …"
// governs the clause before it, back to the previous clause break (";",
// a dash, the start of the sentence).  A condition runs to its comma (when
// leading) or to the next ";" / dash / ", but" / end of sentence.  An
// inversion (had / were / should + a noun phrase, first in the sentence, a
// comma later) leads like "If".
Condition find_condition(const Doc& doc, uint32_t s, uint32_t verb);

// ";" or a dash (— –) or "--": a break between clauses the shallow parse
// does not mark.
bool is_clause_break(const Doc& doc, uint32_t i);

}  // namespace parley::modality_detail
