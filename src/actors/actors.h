// parley/actors: who is named in a sentence, as CAMEO actor codes.
//
// ActorFinder matches the actor and agent dictionaries against a parsed
// sentence and composes what it finds into actor references:
//   "Russian President Vladimir Putin"      -> RUSGOV   (actor + agent)
//   "the ambassadors of Arnor and Gondor"   -> ARNGOV, GONGOV
//   "a senior official"                     -> ---GOV   (agent alone)
//   "Georgian police fired at protesters"   -> GEOCOP, GEOOPP (the sentence's
//                                              one country, lent to agents)
// References joined by "and"/"or"/commas form one compound group; a group is
// what a verb takes as its source or target.  Date-restricted actor codes are
// resolved on the sentence's date.
//
// The finder is built once per Dictionaries and is read-only afterwards, so
// one instance serves every thread.  SentenceActors (the result) and
// ActorScratch (working space) belong to the caller's worker, cleared and
// refilled for each sentence, so finding allocates nothing after warm-up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/dictionary.h"
#include "doc/doc.h"

namespace parley {

struct ActorRef {
  uint32_t begin = 0, end = 0;   // token span of the whole mention
  uint32_t head = 0;             // token of the actor name (or agent) for evidence
  std::string code;              // composed code, e.g. RUSGOV, ---GOV
  std::string base;              // the code without its head agent, for compounds
  bool has_actor = false;        // false: an agent alone ("officials")
  bool name_only = false;        // a name no dictionary lists ("Mitchell"): code "---"
  bool lent = false;             // the country was lent by another actor (lend_country)
};

struct ActorGroup {
  uint32_t begin = 0, end = 0;   // token span covering all members
  uint32_t first = 0, count = 0; // members: SentenceActors::refs[first, first+count)
};

struct SentenceActors {
  std::vector<ActorRef> refs;
  std::vector<ActorGroup> groups;        // in token order
  std::vector<int32_t> group_at;         // per sentence token: group index or -1

  void clear() { refs.clear(); groups.clear(); group_at.clear(); }
  // The group that starts at or after token `from` (sentence-absolute), or -1.
  int32_t next_group(uint32_t from, uint32_t sentence_begin) const;
  // The group that ends at or before token `until`, or -1.
  int32_t prev_group(uint32_t until, uint32_t sentence_begin) const;
};

// One worker's working space for ActorFinder::find(); its contents mean
// nothing between calls.  Kept by the caller so that the finder stays const
// and shared, and its buffers keep their capacity across sentences.
struct ActorScratch {
  struct Match {
    uint32_t begin, end;
    bool is_agent;
    bool prefix_agent;
    std::string_view code;   // into the dictionaries
  };
  std::vector<Match> matches;
  std::vector<std::string> prefix, agents;
  std::vector<ActorRef> mentions;
};

struct ActorOptions {
  bool stem_matching = false;    // TABARI: entries without trailing '_' match word prefixes
  bool inclusive_range_end = false;  // TABARI: "[CODE D1-D2]" holds on D2 too
  bool lend_country = false;     // agents take the sentence's one country (lend_country below)
  bool unlisted_names = false;   // names no dictionary lists are actors "---" (add_unlisted_names)
  bool adjectives_name_no_one = false;  // an agent word tagged as an adjective before a noun names no one
};

// Who one document has named so far.  News introduces a person once with a
// title or description ("Acting Judge John M. Karns", "Kenyan opposition
// leader Joseph Mbeki") and then names them alone ("Karns said", "police
// arrested Mbeki").  remember() keeps, for each name that stands right after
// a mention the dictionaries coded (a title, an agent, a nationality), its
// last word and that mention's code (---JUD, KENOPP); resolve() gives that
// code to a later unlisted name ending in the same word, in this document
// only.  The caller (the worker) clears it at each record's start and keeps it
// across the pieces of one long record.  A name is looked up by its last word
// (the surname), so "John Karns" and "Karns" are one person; two people of
// one surname in one story take the first one's code.
class DocumentNames {
 public:
  void clear() { names_.clear(); }
  void remember(const Doc& doc, uint32_t sentence, const SentenceActors& actors);
  bool knows(std::string_view surname) const { return find(surname) != nullptr; }
  // The unlisted names of `actors` this document knows take the remembered
  // code; they stay name_only, so which events they may be a side of does
  // not change, only the code those events carry.
  void resolve(const Doc& doc, SentenceActors& actors) const;

 private:
  struct Named {
    std::string surname;  // normal form
    std::string code;
    bool has_actor;       // the mention named an actor, not only an agent ("Judge")
  };
  const Named* find(std::string_view surname) const;
  std::vector<Named> names_;  // a story names a handful: a scan beats hashing
};

class ActorFinder {
 public:
  ActorFinder(const Dictionaries& dicts, ActorOptions options);
  // `names`: the document's persons named so far (DocumentNames above), or
  // null; an unlisted name it knows takes its code instead of "---".
  void find(const Doc& doc, uint32_t sentence, int32_t date, ActorScratch& scratch, SentenceActors& out,
            const DocumentNames* names = nullptr) const;
  const ActorOptions& options() const { return options_; }

 private:
  using Match = ActorScratch::Match;
  const std::string* code_on(uint32_t record, int32_t date) const;
  // Unlisted names, country lending, and the per-token group index.
  void finish(const Doc& doc, uint32_t sentence, SentenceActors& out, const DocumentNames* names) const;
  void raw_matches(const Doc& doc, uint32_t b, uint32_t e, int32_t date, std::vector<Match>& out) const;

  const Dictionaries& dicts_;
  ActorOptions options_;
  // TABARI stems (single words) by their text, for prefix matching.
  std::unordered_map<std::string, std::vector<uint32_t>> stems_;
  uint32_t former_id_ = 0, of_id_ = 0, from_id_ = 0, in_id_ = 0, near_id_ = 0;
};

// "Georgian riot police fired at protesters": the protesters are Georgian.
// An agent that names no country ("---OPP") takes the one country that the
// other actors of its sentence name (GEOOPP); it stays an agent (has_actor
// false) for finding roles.  Limits: two countries
// lend nothing (whose protesters?); IGOs, regions and non-state actors lend
// nothing; an explicit country is never replaced; words inside a quotation
// and the attribution around it do not lend to each other; a country named
// only as a whole lends to agents after it, not before ("Lawmakers criticized
// Russia": most often foreigners acting on it), while an actor with a role
// (GEOCOP, a president) lends both ways.  Armed men (REB, INS, UAF, CRM)
// take no country when an army (a MIL role, not a court-martial) of another
// group stands in the sentence: troops fight abroad, so "US troops clashed
// with guerrillas" says nothing of the guerrillas' country.  Aid agencies,
// refugees and peacekeepers keep "---": they are seldom the sentence
// country's.  A lent country is marked (ActorRef::lent) so the event coder
// can tell a source that took it from its own target.  find() calls it last when
// ActorOptions::lend_country is on (parley's default dialect; the TABARI-era
// validation suite codes "---").
void lend_country(const Doc& doc, uint32_t sentence, SentenceActors& actors);

// "Mitchell decried the rate of unemployment", "was questioned by Wagner":
// a run of capitalised proper nouns that no dictionary took is someone, with
// no known country or role: an ActorRef "---" with name_only set (has_actor
// false; lend_country leaves it alone: a named person is as often foreign to
// the sentence's country as not).  Only a name that
// heads its noun phrase and stands where a person can (not after the, in, to,
// at ...: places, dates and titles of works) counts, and not dates or a lone
// sentence-initial word the lexicon knows.  EventCoder takes such a name as a
// source only, and only in verbal roots (CoderOptions::named_sides); roles.h
// never returns it as an object.  find() calls it before
// lend_country when ActorOptions::unlisted_names is on (parley's dialect).
// Reads actors.group_at (filled for the groups found so far) and leaves it for
// the caller to fill again.
// `names` (may be null): the document's persons named so far; an unlisted name
// it knows takes its code (DocumentNames::resolve).
void add_unlisted_names(const Doc& doc, uint32_t sentence, SentenceActors& actors,
                        const DocumentNames* names = nullptr);

// Joins an actor code and agent codes the PETRARCH way: an agent code the
// actor code already contains is not repeated.
void compose_code(std::string_view actor, const std::vector<std::string>& prefix_agents,
                  const std::vector<std::string>& agents, std::string& out);

}  // namespace parley
