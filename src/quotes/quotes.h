// parley/quotes: direct quotations and who said them.
//
// Owns the Quote record and QuoteFinder.  Works on a whole parsed Doc (after
// syntax/ and actors/), because a quotation may open in one sentence and close
// in a later one, and an unattributed quotation inherits the speaker of the
// quotation just before it.
//
// What counts as a direct quotation (the rule):
//   the marks ("…", “…”, «…») enclose an utterance of its own, i.e. the
//   opening mark starts a sentence, or follows a colon, or follows a speech
//   verb ("said, “…”"), AND the closing mark ends a clause (punctuation just
//   inside or just after it, the end of the sentence, or an attribution such
//   as "…” he said").  Quotation marks inside the writer's own clause
//   (scare quotes: diplomatic “signals”, described it as “useful,”) and title
//   fragments (“Useful and Constructive” Dialogue) are not quotes.
//
// The speaker comes from, in this order: a trailing attribution ("…,”
// Ushakov said" / "…,” said analyst Gerhard Mangott"), a leading one
// ("Dmitriev shared on social media: “…”"), else the speaker of the previous
// quote when it ended in the same or the previous sentence (a second
// quotation by the same person).  The speaker's actor code is the actor group
// covering the speaker; else, for a name the dictionaries do not know, the
// group of another mention of the same name or of its appositive
// ("Kirill Dmitriev, Russia's presidential envoy"); for he/she/they, the
// previous speaker's code.
//
// QuoteFinder is built once (it only keeps a reference to the lexicon, for
// verb lemmas) and is safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "doc/doc.h"
#include "tokens/lexicon.h"

namespace parley {

enum class Attribution : uint8_t {
  kNone,       // no speaker found
  kTrailing,   // “…,” Ushakov said.   “…,” said X.
  kLeading,    // X said: “…”          X said, “…”
  kContinued,  // inherits the previous quote's speaker
};

std::string_view attribution_name(Attribution a);  // "trailing", "leading", "continued", "none"

struct Quote {
  uint32_t sentence = 0;        // sentence of the opening mark
  uint32_t last_sentence = 0;   // sentence of the closing mark (>= sentence)
  uint32_t text_begin = 0;      // bytes of the quoted text in Doc::text, marks and
  uint32_t text_end = 0;        //   surrounding spaces excluded; the comma of “…,” he
                                //   said is dropped too (it belongs to the attribution)
  uint32_t token_begin = 0;     // tokens inside the marks [begin, end)
  uint32_t token_end = 0;
  bool closed = true;           // false: no closing mark before the paragraph ended

  Attribution attribution = Attribution::kNone;
  int32_t speaker_begin = -1;   // tokens of the speaker as written; -1 = none
  int32_t speaker_end = -1;     //   (for kContinued: the earlier mention)
  int32_t speech_verb = -1;     // token of the attributing verb; -1 = none
  std::string speaker;          // speaker text as written ("geopolitical analyst Gerhard Mangott")
  std::string speaker_code;     // actor code (RUSGOV, ---EDU …); empty if unknown

  std::string_view text(const Doc& doc) const {
    return std::string_view(doc.text).substr(text_begin, text_end - text_begin);
  }
};

class QuoteFinder {
 public:
  explicit QuoteFinder(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Appends the document's direct quotations to `out` in text order.
  // actors_per_sentence[s] must be the ActorFinder result for sentence s
  // (a shorter vector is allowed: missing sentences have no actors).
  void find(const Doc& doc, const std::vector<SentenceActors>& actors_per_sentence,
            std::vector<Quote>& out) const;

  // True if `token` is a verb whose lemma is a speech verb (said, tells,
  // shared, posted, warned …).
  bool is_speech_verb(const Doc& doc, const Token& token) const;

 private:
  const Lexicon& lexicon_;
};

// Speech and report verb lemmas (upper case): SAY, TELL, ADD, NOTE, WRITE,
// SHARE, POST, DECLARE, STATE, INSIST, WARN, ASK, …
bool is_speech_lemma(std::string_view upper_lemma);

}  // namespace parley
