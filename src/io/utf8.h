// UTF-8 validation shared by the readers (which reject bad text per record)
// and the JSON writer (which repairs it with U+FFFD).
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::io {

// Length of the well-formed UTF-8 sequence starting at s[0] (1..4), or 0 if
// s does not start with one.  Rejects overlongs, surrogates and > U+10FFFF.
// On 0, *bad_len (if given) receives the length of the maximal ill-formed
// subpart (>= 1), which the writer replaces with a single U+FFFD as Unicode
// recommends.
size_t utf8_sequence_length(std::string_view s, size_t* bad_len = nullptr);

// Byte offset of the first ill-formed sequence, or npos if s is valid UTF-8.
size_t find_invalid_utf8(std::string_view s);

}  // namespace parley::io
