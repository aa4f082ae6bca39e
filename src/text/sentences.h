// parley/text: sentence splitting, the first stage after UTF-8 repair.
//
// Owns Doc::sentences: byte ranges over Doc::text, trimmed of surrounding
// whitespace, in text order, never overlapping.  Every non-blank byte of the
// text lies in exactly one sentence, except a leading news dateline
// ("MOSCOW, Aug 6 (Reuters) - "), which find_dateline() reports instead.
// Token ranges (token_begin/end) are left zero for tokens/ to fill.
//
// Boundaries: . ? ! and ellipses before a new sentence (abbreviations,
// initials, decimals and quoted speech are not ends), a blank line, and a
// line break after a short line without terminal punctuation (a headline).
// A line break inside wrapped prose (long line, or next line lower case) is
// not a boundary.  Text of any size and content is accepted; input longer
// than 4 GiB is cut at 4 GiB because offsets are 32-bit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "doc/doc.h"

namespace parley {

// `record_start`: the text starts a record, so a dateline there is skipped;
// false for a later piece of a long record (Worker::code_in_pieces).
void split_sentences(Doc& doc, bool record_start = true);

// A wire-service dateline at the start of a story.
struct Dateline {
  uint32_t begin = 0;     // first byte of the place name
  uint32_t end = 0;       // first byte of the story text after the dash
  std::string place;      // as written, e.g. "MOSCOW" or "UNITED NATIONS"
  int32_t date_hint = 0;  // month * 100 + day ("Aug 6" -> 806); 0 if absent
};

// Recognises "PLACE[, Region][, Mon D] [(Agency)] - " at the start of text.
// The place must be written in capitals and the line must carry a dash or an
// agency in parentheses; otherwise there is no dateline.
std::optional<Dateline> find_dateline(std::string_view text);

}  // namespace parley
