// parley/verbs: which dictionary verbs a sentence uses, and which of their
// patterns match.
//
// find_verbs() looks each verb-group head (and, for nominal events, nouns
// listed in the verb dictionary) up in VerbDictionary::forms_by_anchor,
// checking the neighbouring words of multi-word forms ("broken down",
// "wire tapped").  match_pattern() then tries the verb block's patterns around
// the verb: pre-verb items are matched leftwards from the verb, post-verb
// items rightwards; `_` joins demand adjacency, spaces allow gaps; $ + ^ %
// consume actor groups.  The most specific matching pattern (most items) wins,
// earlier patterns winning ties, as in TABARI.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "actors/actors.h"
#include "dict/dictionary.h"
#include "doc/doc.h"

namespace parley {

struct VerbHit {
  uint32_t begin = 0, end = 0;   // tokens of the verb form ("broken down")
  uint32_t anchor = 0;           // the inflected word
  uint32_t form = 0;             // index into VerbDictionary::forms
  int32_t group = -1;            // verb-group chunk index in Doc::chunks, -1 for a noun
  bool nominal = false;          // a noun carrying the event ("Witkoff's visit")
};

struct PatternMatch {
  int32_t pattern = -1;          // index into VerbDictionary::patterns, -1 = none
  int32_t source_group = -1;     // actor group bound by $ (or %), -1 = not bound
  int32_t target_group = -1;     // actor group bound by +
  bool compound = false;         // % : the event is between members of one group
  bool fronted = false;          // a passive's subject held the pattern's first word ("sanctions were imposed")
  uint32_t span_begin = 0, span_end = 0;  // tokens the pattern covered
  int score = -1;
};

struct VerbOptions {
  bool lemma_fallback = true;    // match verb lemmas when the surface form is not listed
  bool nominal_events = true;    // nouns listed in the verb dictionary carry events
};

// Which dictionary words occur in the current sentence: a stamp per
// vocabulary id, so "is X here?" is one array read and clearing is free.
class WordPresence {
 public:
  void mark(const Doc& doc, uint32_t sentence, size_t vocab_size);
  bool has(uint32_t word) const { return word < stamp_.size() && stamp_[word] == serial_; }

 private:
  std::vector<uint32_t> stamp_;
  uint32_t serial_ = 0;
};

// Compiled once per Dictionaries: the words each pattern cannot match
// without, and each synset's phrases by their first word, so that a sentence
// only tries the patterns and phrases its words allow.
class PatternIndex {
 public:
  explicit PatternIndex(const Dictionaries& dicts);
  bool may_match(uint32_t pattern, const WordPresence& present) const;
  std::span<const uint32_t> synset_phrases(uint32_t synset, uint32_t first_word) const;

 private:
  std::vector<uint32_t> required_begin_;   // per pattern, into required_ (+1 sentinel)
  std::vector<uint32_t> required_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> synset_by_first_;
};

// One worker's working space for find_verbs(); its contents mean nothing
// between calls.  Kept by the caller so its capacity survives across
// sentences and find_verbs() touches no shared state.
struct VerbScratch {
  std::vector<uint32_t> alternatives;   // other blocks' forms over the same words
};

void find_verbs(const Doc& doc, uint32_t sentence, const Dictionaries& dicts, const VerbOptions& options,
                VerbScratch& scratch, std::vector<VerbHit>& out);

// A passive verb's subject that names the act ("sanctions were imposed",
// "an agreement between Kenya and Uganda was reached"): the noun phrase
// right before the verb group, naming no actor (`chunk`, -1 when there is
// none), and the actor group of a between/among/with/of phrase after it that
// ends at the verb (`parties`, -1 when there is none).
struct FrontedAct {
  int32_t chunk = -1;
  int32_t parties = -1;
};
FrontedAct fronted_act(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t verb_chunk);

// Tries every pattern of the hit's block; returns the best match (pattern -1
// when none matches).  Actors after the verb are looked for before token
// `clause_end` (the verb's clause; default: the sentence's end), so "* +" in
// "talks to eliminate friction they have succumbed to pressure from X" does
// not reach X.  Words after the verb may lie beyond it: limiting them too was
// measured and lost matches on the gold tune and check halves.
PatternMatch match_pattern(const Doc& doc, uint32_t sentence, const Dictionaries& dicts, const PatternIndex& index,
                           const WordPresence& present, const VerbHit& hit, const SentenceActors& actors,
                           uint32_t clause_end = UINT32_MAX);

}  // namespace parley
