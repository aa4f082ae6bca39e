// Internal to quotes/: pairing quotation-mark tokens into quotations.
#pragma once

#include <cstdint>
#include <vector>

#include "doc/doc.h"

namespace parley::quotes_detail {

enum class MarkKind : uint8_t { kNotAMark, kOpen, kClose, kEither };

// “ « and `` open, ” » and '' close, a straight " is either.  Single quotes
// are not quotation delimiters here: ’ is far more often an apostrophe.
MarkKind mark_kind(const Doc& doc, const Token& token);

// True if a line break lies between token i-1 and token i (a paragraph).
bool paragraph_break_before(const Doc& doc, uint32_t i);

struct MarkedSpan {
  uint32_t open = 0;    // token of the opening mark
  uint32_t close = 0;   // token of the closing mark; for an unclosed span, one
                        //   past its last token
  bool closed = true;
};

// Pairs the document's marks in text order.  An opening mark while a
// quotation is open restarts it (the earlier mark was stray); a closing mark
// with none open is ignored; a quotation still open when its paragraph (or
// the document) ends is cut there with closed = false.  Empty pairs are
// dropped.
void pair_marks(const Doc& doc, std::vector<MarkedSpan>& out);

}  // namespace parley::quotes_detail
