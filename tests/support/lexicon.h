// The WordNet lexicon (Debian's wordnet-base in /usr/share/wordnet), loaded
// once per test binary and shared by every test that reads it.
#pragma once

#include "tokens/lexicon.h"

namespace parley::test {

inline const Lexicon& wordnet_lexicon() {
  static const Lexicon lex;  // Lexicon::kDefaultDir
  return lex;
}

}  // namespace parley::test
