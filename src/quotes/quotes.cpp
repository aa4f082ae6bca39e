// QuoteFinder::find: pair the marks, keep the quotations that stand as
// utterances of their own, attribute them (rules in quotes.h).
#include "quotes/quotes.h"

#include "quotes/quote_marks.h"
#include "quotes/speakers.h"

namespace parley {
namespace {

using quotes_detail::Attributed;
using quotes_detail::MarkedSpan;

bool is_norm(const Doc& doc, uint32_t i, std::string_view w) {
  return i < doc.tokens.size() && doc.norm_of(doc.tokens[i]) == w;
}

// The opening mark begins an utterance: the start of a sentence or
// paragraph, after a colon, or after a speech verb ("said “…”", "said, “…”").
bool opens_utterance(const Doc& doc, const QuoteFinder& finder, uint32_t open) {
  const Token& t = doc.tokens[open];
  if (open == doc.sentences[t.sentence].token_begin || open == 0) return true;
  if (quotes_detail::paragraph_break_before(doc, open)) return true;
  uint32_t p = open - 1;
  if (is_norm(doc, p, ":")) return true;
  if (is_norm(doc, p, ",")) {
    if (p == 0) return false;
    --p;
  }
  return finder.is_speech_verb(doc, doc.tokens[p]);
}

// The closing mark ends a clause: punctuation just inside or just after it,
// or the end of the sentence.  ("“Useful and Constructive” Dialogue" fails.)
bool closes_clause(const Doc& doc, const MarkedSpan& span) {
  if (!span.closed) return true;
  if (doc.tokens[span.close - 1].tag == Tag::kPunct) return true;
  const uint32_t after = span.close + 1;
  if (after >= doc.tokens.size()) return true;
  if (doc.tokens[after].sentence != doc.tokens[span.close].sentence) return true;
  return doc.tokens[after].tag == Tag::kPunct || doc.tokens[after].tag == Tag::kQuote;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void set_text_range(const Doc& doc, const MarkedSpan& span, Quote& q) {
  uint32_t b = doc.tokens[span.open].end;
  uint32_t e = span.closed ? doc.tokens[span.close].begin : doc.tokens[span.close - 1].end;
  while (b < e && is_space(doc.text[b])) ++b;
  while (e > b && is_space(doc.text[e - 1])) --e;
  // The comma of “…,” he said belongs to the attribution, not the words.
  if (e > b && doc.text[e - 1] == ',') --e;
  while (e > b && is_space(doc.text[e - 1])) --e;
  q.text_begin = b;
  q.text_end = e;
}

void set_speaker(const Doc& doc, const std::vector<SentenceActors>& actors, const Attributed& a,
                 const Quote* previous, Quote& q) {
  q.speech_verb = a.verb;
  q.speaker_begin = a.speaker_begin;
  q.speaker_end = a.speaker_end;
  if (a.speaker_begin < 0) return;
  const uint32_t b = static_cast<uint32_t>(a.speaker_begin), e = static_cast<uint32_t>(a.speaker_end);
  q.speaker.assign(doc.text, doc.tokens[b].begin, doc.tokens[e - 1].end - doc.tokens[b].begin);
  q.speaker_code = quotes_detail::speaker_code(doc, actors, b, e);
  // "he said": the pronoun stands for the person quoted just before.
  if (q.speaker_code.empty() && e == b + 1 && doc.tokens[b].tag == Tag::kPronoun && previous &&
      previous->last_sentence + 3 >= q.sentence)
    q.speaker_code = previous->speaker_code;
}

}  // namespace

void QuoteFinder::find(const Doc& doc, const std::vector<SentenceActors>& actors_per_sentence,
                       std::vector<Quote>& out) const {
  if (doc.tokens.empty() || doc.sentences.empty()) return;
  std::vector<MarkedSpan> spans;
  quotes_detail::pair_marks(doc, spans);
  const size_t first_new = out.size();
  for (const MarkedSpan& span : spans) {
    if (!opens_utterance(doc, *this, span.open)) continue;
    Attributed trailing;
    if (span.closed) trailing = quotes_detail::trailing_attribution(doc, *this, span.close);
    if (!trailing.found() && !closes_clause(doc, span)) continue;

    Quote q;
    q.sentence = doc.tokens[span.open].sentence;
    q.last_sentence = doc.tokens[span.close - (span.closed ? 0 : 1)].sentence;
    q.token_begin = span.open + 1;
    q.token_end = span.close;
    q.closed = span.closed;
    set_text_range(doc, span, q);
    if (q.text_begin >= q.text_end) continue;

    const Quote* previous = out.size() > first_new ? &out.back() : nullptr;
    if (trailing.found()) {
      q.attribution = Attribution::kTrailing;
      set_speaker(doc, actors_per_sentence, trailing, previous, q);
    } else if (Attributed leading = quotes_detail::leading_attribution(doc, *this, span.open); leading.found()) {
      q.attribution = Attribution::kLeading;
      set_speaker(doc, actors_per_sentence, leading, previous, q);
    } else if (previous && previous->attribution != Attribution::kNone &&
               previous->last_sentence + 1 >= q.sentence) {
      // A second quotation straight after the first, with no new speaker.
      q.attribution = Attribution::kContinued;
      q.speaker_begin = previous->speaker_begin;
      q.speaker_end = previous->speaker_end;
      q.speaker = previous->speaker;
      q.speaker_code = previous->speaker_code;
    }
    out.push_back(std::move(q));
  }
}

std::string_view attribution_name(Attribution a) {
  switch (a) {
    case Attribution::kTrailing: return "trailing";
    case Attribution::kLeading: return "leading";
    case Attribution::kContinued: return "continued";
    case Attribution::kNone: break;
  }
  return "none";
}

}  // namespace parley
