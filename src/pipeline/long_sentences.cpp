#include "pipeline/long_sentences.h"

#include <vector>

namespace parley {
namespace {

bool is_soft_break(const Doc& doc, const Token& t) {
  const std::string_view form = doc.text_of(t);
  return form == ";" || form == ",";
}

// The end of the piece that starts at token `from` of a sentence ending at
// `end`: past the last ';' or ',' in the second half of the window, else
// the window's end.
uint32_t piece_end(const Doc& doc, uint32_t from, uint32_t end, uint32_t max_tokens) {
  if (end - from <= max_tokens) return end;
  const uint32_t limit = from + max_tokens;
  for (uint32_t t = limit; t > from + max_tokens / 2; --t)
    if (is_soft_break(doc, doc.tokens[t - 1])) return t;
  return limit;
}

}  // namespace

uint32_t split_long_sentences(Doc& doc, uint32_t max_tokens) {
  if (max_tokens == 0) return 0;
  bool any = false;
  for (const Sentence& s : doc.sentences) any = any || s.token_end - s.token_begin > max_tokens;
  if (!any) return 0;

  uint32_t cut = 0;
  std::vector<Sentence> out;
  out.reserve(doc.sentences.size() + doc.tokens.size() / max_tokens + 1);
  for (const Sentence& s : doc.sentences) {
    if (s.token_end - s.token_begin <= max_tokens) {
      out.push_back(s);
      continue;
    }
    ++cut;
    for (uint32_t from = s.token_begin; from < s.token_end;) {
      const uint32_t to = piece_end(doc, from, s.token_end, max_tokens);
      Sentence piece;
      piece.begin = from == s.token_begin ? s.begin : doc.tokens[from].begin;
      piece.end = to == s.token_end ? s.end : doc.tokens[to - 1].end;
      piece.token_begin = from;
      piece.token_end = to;
      out.push_back(piece);
      from = to;
    }
  }
  doc.sentences.swap(out);
  for (uint32_t i = 0; i < doc.sentences.size(); ++i)
    for (uint32_t t = doc.sentences[i].token_begin; t < doc.sentences[i].token_end; ++t) doc.tokens[t].sentence = i;
  return cut;
}

}  // namespace parley
