// The tokenizer (after the sentence splitter) on arbitrary bytes, with the
// WordNet lexicon and no vocabulary: every token must be a non-empty byte
// range of the text inside its sentence, and the sentences' token ranges
// must tile the token array.
#include <cstdint>

#include "doc/doc.h"
#include "fuzz_support.h"
#include "text/sentences.h"
#include "tokens/lexicon.h"
#include "tokens/tokenizer.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Lexicon lexicon;  // read-only once built
  static const Tokenizer tokenizer(lexicon, nullptr);
  Doc doc;
  doc.text.assign(fuzz::as_view(data, size));
  split_sentences(doc);
  tokenizer.tokenize(doc);
  uint32_t next_token = 0;
  for (const Sentence& s : doc.sentences) {
    PARLEY_FUZZ_CHECK(s.token_begin == next_token && s.token_begin <= s.token_end);
    PARLEY_FUZZ_CHECK(s.token_end <= doc.tokens.size());
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      PARLEY_FUZZ_CHECK(tok.begin < tok.end && tok.begin >= s.begin && tok.end <= s.end);
    }
    next_token = s.token_end;
  }
  PARLEY_FUZZ_CHECK(next_token == doc.tokens.size());
  return 0;
}
