// Speech and report verbs, by lemma.
#include <algorithm>
#include <array>
#include <string_view>

#include "quotes/quotes.h"

namespace parley {
namespace {

// Sorted for binary search.  Verbs that introduce someone's words, spoken or
// written; cognition verbs (think, believe) are deliberately absent.
constexpr std::array<std::string_view, 48> kSpeechLemmas = {
    "ACKNOWLEDGE", "ADD",      "ADMIT",    "ANNOUNCE", "ANSWER",  "ARGUE",   "ASK",      "ASSERT",
    "CLAIM",       "COMMENT",  "CONCLUDE", "CONFIRM",  "CONTEND", "DECLARE", "DENY",     "EMPHASISE",
    "EMPHASIZE",   "EXPLAIN",  "INSIST",   "MAINTAIN", "NOTE",    "OBSERVE", "POST",     "PROCLAIM",
    "PROMISE",     "RECALL",   "REITERATE", "REMARK",  "REPLY",   "REPORT",  "RESPOND",  "RETORT",
    "SAY",         "SHARE",    "SHOUT",    "STATE",    "STRESS",  "SUGGEST", "TELL",     "TESTIFY",
    "TWEET",       "UNDERLINE", "UNDERSCORE", "VOW",   "WARN",    "WONDER",  "WRITE",    "YELL",
};

}  // namespace

bool is_speech_lemma(std::string_view upper_lemma) {
  return std::binary_search(kSpeechLemmas.begin(), kSpeechLemmas.end(), upper_lemma);
}

bool QuoteFinder::is_speech_verb(const Doc& doc, const Token& token) const {
  if (token.tag != Tag::kVerb) return false;
  const std::string_view norm = doc.norm_of(token);
  if (is_speech_lemma(norm)) return true;
  const LexInfo info = lexicon_.lookup(norm);
  return !info.lemma.empty() && is_speech_lemma(info.lemma);
}

}  // namespace parley
