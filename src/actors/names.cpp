// Unlisted names and the persons a document has named (actors.h:
// add_unlisted_names, DocumentNames).
#include <algorithm>
#include <string_view>
#include <utility>

#include "actors/actors.h"
#include "syntax/words.h"

namespace parley {
namespace {

// Capitalised words that name a time, not a person or body.
bool is_calendar_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
      "NOVEMBER", "DECEMBER", "JAN.", "FEB.", "MAR.", "APR.", "AUG.", "SEPT.", "SEPT", "SEP.", "OCT.",
      "NOV.", "DEC.", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
      "CHRISTMAS", "EASTER"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool name_word(const Doc& doc, const Token& t) {
  return t.tag == Tag::kProper && (t.flags & kCapitalised) && !is_calendar_word(doc.norm_of(t));
}

// What may stand right before a person's name: the start of the sentence, a
// punctuation mark, a conjunction, a verb ("told Clinton"), an adverb, or a
// preposition that introduces a person ("by", "with", "against").  Other
// prepositions ("in Trenton", "to Beijing", "such as Reddit") and determiners
// ("the Dreadnought") introduce places, dates, ships and works: not actors.
bool opens_name(const Doc& doc, uint32_t k, uint32_t b) {
  if (k == b) return true;
  const Token& t = doc.tokens[k - 1];
  std::string_view w = doc.norm_of(t);
  switch (t.tag) {
    case Tag::kPunct: case Tag::kQuote: case Tag::kConj: case Tag::kVerb: case Tag::kAux: case Tag::kAdv:
      return true;
    case Tag::kPrep:
      return w == "BY" || w == "WITH" || w == "AGAINST";
    default:
      return false;
  }
}

}  // namespace

void add_unlisted_names(const Doc& doc, uint32_t sentence, SentenceActors& actors, const DocumentNames* names) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  // group_at holds the dictionaries' groups (the caller filled it).
  auto covered = [&](uint32_t k) { return actors.group_at[k - b] >= 0; };
  const size_t listed = actors.groups.size();
  for (uint32_t i = b; i < e;) {
    if (!name_word(doc, doc.tokens[i]) || covered(i)) { ++i; continue; }
    uint32_t j = i;
    while (j < e && name_word(doc, doc.tokens[j]) && !covered(j)) ++j;
    const uint32_t n = j - i;
    const bool after_actor = i > b && covered(i - 1);               // "Sen. Parkhouse": the title's group
    const bool before_actor = j < e && covered(j);                  // "Nixon Administration"
    // "Sarkozy heads", "Lowe's program": a name that modifies a noun is not
    // the head of its noun phrase (a possessor still is: "Sharon's attack").
    const bool modifier = j < e && doc.tokens[j].tag == Tag::kNoun;
    // A single sentence-initial word is capitalised anyway; one the lexicon
    // knows as an ordinary word is most likely that word, unless the story
    // has introduced someone by that name ("Judge Ann Walker ... Walker said").
    const bool initial_word = n == 1 && i == b && doc.tokens[i].pos_bits != 0 &&
                              !(names && names->knows(doc.norm_of(doc.tokens[i])));
    if (n <= 5 && !after_actor && !before_actor && !modifier && !initial_word && opens_name(doc, i, b)) {
      ActorRef r;
      r.begin = i;
      r.end = j;
      r.head = j - 1;
      r.code = "---";
      r.base = "---";
      r.name_only = true;
      ActorGroup g;
      g.begin = i;
      g.end = j;
      g.first = static_cast<uint32_t>(actors.refs.size());
      g.count = 1;
      actors.refs.push_back(std::move(r));
      actors.groups.push_back(g);
    }
    i = j;
  }
  if (actors.groups.size() == listed) return;
  if (names) names->resolve(doc, actors);
  // Groups are kept in token order (roles walk them by index).  Insertion, not
  // std::inplace_merge, which may allocate a buffer.
  for (size_t k = listed; k < actors.groups.size(); ++k) {
    for (size_t p = k; p > 0 && actors.groups[p - 1].begin > actors.groups[p].begin; --p)
      std::swap(actors.groups[p - 1], actors.groups[p]);
  }
}

const DocumentNames::Named* DocumentNames::find(std::string_view surname) const {
  for (const Named& n : names_)
    if (n.surname == surname) return &n;
  return nullptr;
}

void DocumentNames::remember(const Doc& doc, uint32_t sentence, const SentenceActors& actors) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  for (const ActorRef& r : actors.refs) {
    if (r.name_only || r.code == "---" || r.end >= e) continue;
    // The name right after the mention, outside every group ("Judge" +
    // "John M. Karns"); a run that modifies a noun is not a person's name
    // ("Russian Su-27 jets", "the Georgian Black Sea port").
    uint32_t k = r.end;
    while (k < e && actors.group_at[k - b] < 0 && name_word(doc, doc.tokens[k])) ++k;
    if (k == r.end || k - r.end > 4 || (k < e && doc.tokens[k].tag == Tag::kNoun)) continue;
    const std::string_view surname = doc.norm_of(doc.tokens[k - 1]);
    if (surname.size() < 2 || find(surname)) continue;  // an initial; the first introduction holds
    names_.push_back({std::string(surname), r.code, r.has_actor});
  }
}

void DocumentNames::resolve(const Doc& doc, SentenceActors& actors) const {
  if (names_.empty()) return;
  for (ActorRef& r : actors.refs) {
    if (!r.name_only) continue;
    const Named* known = find(doc.norm_of(doc.tokens[r.end - 1]));
    if (!known) continue;
    r.code = known->code;
    r.base = known->code.substr(0, 3);
    r.has_actor = known->has_actor;
    // Still name_only: the name now says who, but the rules that keep a bare
    // name from being a target or a lone side still apply (an earlier try
    // that lifted them added events to silent sentences, mostly wrong).
  }
}

}  // namespace parley
