// parley/pipeline: the cap on sentence length that keeps coding linear.
//
// Several stages look across a whole sentence for each of its tokens or
// chunks (subjects leftwards, objects rightwards, pattern items, chunk
// lookups), so their cost grows with the square of sentence length: one
// 800 KB "sentence" (a table, a list, text without punctuation) took 40 s.
// Real sentences are far shorter (the longest in the Brown corpus has 180
// tokens), so a sentence longer than kMaxSentenceTokens is cut into pieces
// of at most that many tokens, each coded as a sentence of its own.  The
// cut falls after the last ';' or ',' in the second half of the window
// when there is one, so a clause is rarely split.  Events whose actors lie
// on both sides of a cut are lost; nothing else changes.
#pragma once

#include <cstdint>

#include "doc/doc.h"

namespace parley {

inline constexpr uint32_t kMaxSentenceTokens = 1000;

// Splits every sentence of `doc` with more than max_tokens tokens, after
// tokens/ and before syntax/: sentence byte and token ranges and each
// token's sentence index are updated.  Returns how many sentences were cut.
uint32_t split_long_sentences(Doc& doc, uint32_t max_tokens = kMaxSentenceTokens);

}  // namespace parley
