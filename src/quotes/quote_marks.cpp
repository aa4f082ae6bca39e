// Pairing quotation-mark tokens into quotations (see quote_marks.h).
#include "quotes/quote_marks.h"

#include <string_view>

namespace parley::quotes_detail {

MarkKind mark_kind(const Doc& doc, const Token& token) {
  const std::string_view w = doc.text_of(token);
  if (w == "\"") return MarkKind::kEither;
  if (w == "\xE2\x80\x9C" || w == "\xC2\xAB" || w == "``" || w == "\xE2\x80\x9E") return MarkKind::kOpen;  // “ « `` „
  if (w == "\xE2\x80\x9D" || w == "\xC2\xBB" || w == "''") return MarkKind::kClose;                       // ” » ''
  return MarkKind::kNotAMark;
}

bool paragraph_break_before(const Doc& doc, uint32_t i) {
  if (i == 0 || i >= doc.tokens.size()) return false;
  const uint32_t from = doc.tokens[i - 1].end, to = doc.tokens[i].begin;
  for (uint32_t k = from; k < to && k < doc.text.size(); ++k)
    if (doc.text[k] == '\n') return true;
  return false;
}

void pair_marks(const Doc& doc, std::vector<MarkedSpan>& out) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  int64_t open = -1;
  auto emit = [&](uint32_t close, bool closed) {
    if (open >= 0 && close > static_cast<uint32_t>(open) + 1)
      out.push_back(MarkedSpan{static_cast<uint32_t>(open), close, closed});
    open = -1;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (open >= 0 && paragraph_break_before(doc, i)) emit(i, false);
    const Token& t = doc.tokens[i];
    if (t.tag != Tag::kQuote && t.tag != Tag::kPunct) continue;
    MarkKind kind = mark_kind(doc, t);
    if (kind == MarkKind::kNotAMark) continue;
    if (kind == MarkKind::kEither) kind = open >= 0 ? MarkKind::kClose : MarkKind::kOpen;
    if (kind == MarkKind::kOpen) {
      open = i;
    } else if (open >= 0) {
      emit(i, true);
    }
  }
  if (open >= 0) emit(n, false);
}

}  // namespace parley::quotes_detail
