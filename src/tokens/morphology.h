// parley/tokens: regular English inflection, used to expand WordNet lemmas
// into the word forms found in text.  All functions work on upper-case ASCII
// and write into a caller buffer of at least word.size() + 4 bytes, returning
// the length written; they do not allocate.
#pragma once

#include <cstddef>
#include <string_view>

namespace parley {

// TALK -> TALKS, CHURCH -> CHURCHES, PARTY -> PARTIES (nouns and 3rd person).
size_t inflect_s(std::string_view w, char* out);
// VETO -> VETOES: the -ES variant after a consonant + O; 0 when not applicable.
size_t inflect_oes(std::string_view w, char* out);
// TALK -> TALKED, AGREE -> AGREED, TRY -> TRIED, STOP -> STOPPED.
size_t inflect_ed(std::string_view w, char* out);
// TALK -> TALKING, MAKE -> MAKING, DIE -> DYING, STOP -> STOPPING.
size_t inflect_ing(std::string_view w, char* out);
// One-syllable consonant-vowel-consonant verbs double the last letter.
bool doubles_final_consonant(std::string_view w);

}  // namespace parley
