// parley/tokens: tokenization, the stage after text/ (sentences).
//
// Owns Doc::tokens and Doc::norm, and the token range of each Sentence.  For
// every sentence split_sentences() produced, tokenize() cuts Treebank-style
// tokens (DID N'T, RUSSIA 'S, U.S., war-torn, 11.8) with exact byte offsets
// into Doc::text, and gives each one:
//   - its normalised form in Doc::norm (upper-case ASCII, diacritics folded),
//   - word_id / lemma_id in the dictionaries' Vocabulary (0 if absent),
//   - the lexicon's candidate parts of speech (pos_bits; 0 = unknown word),
//   - flags (TokenFlags), and verb_form when the form alone decides it
//     (kPast also stands for "past or participle": syntax/ decides; the full
//     candidate set is Lexicon::lookup(norm).verb_forms),
//   - tag only where it is certain: kPunct, kQuote, kNum.
// Text need not be valid UTF-8 (stray bytes become one-byte tokens); offsets
// stay exact.  A reused Doc allocates nothing once its arrays are warm.
#pragma once

#include <utility>
#include <vector>

#include "doc/doc.h"
#include "tokens/lexicon.h"

namespace parley {

class Vocabulary;  // dict/dictionary.h

class Tokenizer {
 public:
  // Both must outlive the tokenizer; vocab may be null (all ids 0).  The ids
  // of the lexicon's words are looked up once, here, not per token; if the
  // vocabulary grows afterwards, tokenize() notices and looks every token up
  // (correct, but slower): build the tokenizer after loading dictionaries.
  Tokenizer(const Lexicon& lexicon, const Vocabulary* vocab);

  // Requires doc.sentences (text/split_sentences); replaces doc.tokens/norm.
  void tokenize(Doc& doc) const;

  const Lexicon& lexicon() const { return lex_; }

 private:
  const Lexicon& lex_;
  const Vocabulary* vocab_;
  // Per lexicon entry: {word id, lemma id} in vocab_.
  std::vector<std::pair<uint32_t, uint32_t>> entry_ids_;
  size_t vocab_size_ = 0;  // vocabulary size entry_ids_ was built for
};

}  // namespace parley
