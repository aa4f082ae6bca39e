// parley/events: who did what to whom, per sentence.
//
// EventCoder takes a parsed sentence, its actor groups and its verb hits, and
// decides for each verb the source and target groups (subject and object from
// the shallow parse, passive voice, conjoined verbs, relative clauses, $ and +
// pattern markers), the code (pattern, verb form, or block default; "---"
// means no event), and expands compound groups into one event per pair.
// Each Event keeps the evidence that produced it: the verb and pattern with
// their dictionary file:line, and token spans for source, verb and target.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "dict/dictionary.h"
#include "doc/doc.h"
#include "verbs/verbs.h"

namespace parley {

struct Event {
  uint32_t sentence = 0;
  std::string source, target;    // actor codes; "---" for a missing side
  Code code;
  uint32_t verb_begin = 0, verb_end = 0;       // tokens
  int32_t source_begin = -1, source_end = -1;  // tokens, -1 when absent
  int32_t target_begin = -1, target_end = -1;
  uint32_t form = 0;             // VerbDictionary::forms index (evidence)
  int32_t pattern = -1;          // VerbDictionary::patterns index, -1 = verb default
  bool passive = false, negated = false, nominal = false;
  bool one_sided = false;        // the sentence names only one side (the other is "---")
  // The side's country came from another actor of the sentence
  // (ActorRef::lent), not from its own words.
  bool source_lent = false, target_lent = false;
};

struct CoderOptions {
  bool require_dyad = true;
  // With require_dyad: emit one-sided events anyway, flagged (not root 01: a
  // statement with no one it is about is an attribution, not an event).
  bool one_sided = false;
  // A plain statement (010) whose target sits inside what was said ("X said
  // that Y ...", "X issued a statement forbidding Y ...") is an attribution,
  // not an event about Y (CAMEO 010 usage; tests/gold/README.md).
  bool drop_attributions = false;
  // A country or city after in/at/near that is the venue of a meeting or
  // cooperation is not its target ("held talks in Doha"; see events.cpp).
  bool places_not_targets = false;
  // A side that is only an unlisted name (ActorRef::name_only, "Mitchell")
  // may act in the roots named_side_root() allows; off, such events are dropped.
  bool named_sides = false;
  // A visit (042) to a government, its leaders or legislators, or an IGO
  // also gives their hosting (043) of the visitor, and such a host's hosting
  // gives the visit (the codebook's linked events; linked_visit_code).
  bool linked_visits = false;
  bool paired_codes = false;     // TABARI: "[A:B]" = A for source->target and B back
  // TABARI habit: a passive verb with no "by" agent keeps its active roles.
  bool tabari_roles = false;
};

class EventCoder {
 public:
  EventCoder(const Dictionaries& dicts, const PatternIndex& index, CoderOptions options)
      : dicts_(dicts), index_(index), options_(options) {}
  void set_options(const CoderOptions& o) { options_ = o; }
  const CoderOptions& options() const { return options_; }

  // Appends the sentence's events to `out` (deduplicated within the sentence).
  void code_sentence(const Doc& doc, uint32_t sentence, const SentenceActors& actors,
                     const std::vector<VerbHit>& verbs, const WordPresence& present, std::vector<Event>& out) const;

 private:
  const Dictionaries& dicts_;
  const PatternIndex& index_;
  CoderOptions options_;
};

}  // namespace parley
