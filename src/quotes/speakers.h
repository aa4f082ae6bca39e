// Internal to quotes/: finding the speaker of a quotation and its actor code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "doc/doc.h"
#include "quotes/quotes.h"

namespace parley::quotes_detail {

struct Attributed {
  int32_t speaker_begin = -1, speaker_end = -1;  // tokens
  int32_t verb = -1;                             // speech verb token
  bool found() const { return verb >= 0; }
};

// "…,” Ushakov said" / "…,” said analyst Gerhard Mangott": the attribution
// right after the closing mark `close`, inside its sentence.
Attributed trailing_attribution(const Doc& doc, const QuoteFinder& finder, uint32_t close);

// "Dmitriev later shared on social media: “…”" / "he said, “…”": the
// attribution right before the opening mark `open` (a colon ending the
// previous sentence counts).
Attributed leading_attribution(const Doc& doc, const QuoteFinder& finder, uint32_t open);

// The actor code for the speaker tokens [begin, end): the group covering them,
// else an appositive's group, else the group of another mention of the same
// name in the document (nearest first, earlier before later).  Empty if none.
std::string speaker_code(const Doc& doc, const std::vector<SentenceActors>& actors, uint32_t begin,
                         uint32_t end);

// Index of the chunk of `kind` in the token's sentence that starts at / ends
// at token `i`, or -1.
int32_t chunk_starting_at(const Doc& doc, uint32_t i, ChunkKind kind);
int32_t chunk_ending_at(const Doc& doc, uint32_t sentence, uint32_t end, ChunkKind kind);

}  // namespace parley::quotes_detail
