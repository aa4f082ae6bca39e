// parley/text: the word lists that decide whether a period ends a sentence.
// Shared with tokens/, which keeps an abbreviation's own period in its token.
#pragma once

#include <string_view>

namespace parley {

enum class AbbrevKind : unsigned char {
  kNone,      // an ordinary word: its period may end a sentence
  kTitle,     // Mr, Gen, Sen, Dr ...: always followed by a name, never final
  kInitial,   // a single capital letter ("W" in George W. Bush)
  kGeneral,   // U.S, Inc, etc, Aug ...: final only before a clear sentence start
  kNumber,    // "No": an abbreviation only before a digit
};

// Classifies `word`, written without its final period ("U.S" for "U.S.").
// Dotted letter sequences (U.S, U.N, a.m, J.K) count as kGeneral.
AbbrevKind abbreviation_kind(std::string_view word);

// True for capitalised function words that usually open a sentence
// ("The", "He", "But", "In" ...): after "U.S." they signal a boundary.
bool is_sentence_starter(std::string_view word);

// True for words a headline or title line does not end on ("of", "the",
// "for" ...): a line ending on one is wrapped prose, not a headline.
bool is_function_word(std::string_view word);

}  // namespace parley
