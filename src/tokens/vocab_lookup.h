// parley/tokens (internal): Vocabulary::find behind a function boundary.
// dict/dictionary.h declares `struct VerbForm` and doc/doc.h `enum class
// VerbForm` in the same namespace, so no file may include both; this keeps
// dictionary.h out of the files that work on Tokens.
#pragma once

#include <cstdint>
#include <string_view>

namespace parley {

class Vocabulary;
uint32_t vocabulary_find(const Vocabulary& vocab, std::string_view word);

}  // namespace parley
