#include "tokens/vocab_lookup.h"

#include "dict/dictionary.h"

namespace parley {

uint32_t vocabulary_find(const Vocabulary& vocab, std::string_view word) { return vocab.find(word); }

}  // namespace parley
