// Internal to dict/: parsing the part of a verb pattern line before its code,
// "PRE * POST", into PatternItems (see dictionary.h).
//
// '_' joins neighbours (joined_prev); blanks allow gaps; "WORD_ " marks the
// word underscore_after.  $ + ^ % are the TABARI source/target/skip/compound
// markers, {...} a noun phrase, (...) a prepositional phrase, &NAME a synset
// (the longest '_'-joined name that is defined: "&TIETYPES_RELATIONS" is
// &TIETYPES then RELATIONS, "&FIGHT_OF_WORDS" is one set when defined).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/dictionary.h"

namespace parley::dict_internal {

struct PatternItems {
  std::vector<PatternItem> pre, post;
  bool verb_joined_prev = false;
};

enum class PatternParse {
  kOk,
  kSkip,   // damaged but self-contained (undefined synset, unbalanced brackets)
  kError,  // malformed line (no '*', two '*', ...)
};

// One per reader: parse() reuses the parser's lexeme buffer, so a verb file's
// thousands of patterns do not each allocate one.  Not for use by two
// threads at once.
class PatternParser {
 public:
  PatternParse parse(std::string_view body, const std::unordered_map<std::string, uint32_t>& synset_index,
                     Vocabulary& vocab, PatternItems& out, std::string& problem);

  struct Lexeme {
    std::string_view text;
    bool joined = false;            // only '_' between it and the previous lexeme
    bool underscore_after = false;  // "TEXT_" followed by a blank or the end
  };

 private:
  std::vector<Lexeme> lexemes_;
};

}  // namespace parley::dict_internal
