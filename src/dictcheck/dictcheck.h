// parley/dictcheck: finding the problems in a dictionary set that load
// fine but make entries useless or wrong (`parley dict check`).
//
// Owns the rules below and nothing else; it reads the compiled tables of
// dict/dictionary.h (every entry carries its SourceLoc) and never changes
// them.  Each problem is a Finding "file:line: kind: message"; kinds:
//
//   duplicate-actor     an actor phrase written twice (one record or two; says
//                       whether the codes conflict; the first record's codes win)
//   duplicate-agent     the same agent phrase (after plurals and !SETS!) on two lines
//   duplicate-verb      the same verb form on two lines (two blocks, or twice in one)
//   duplicate-pattern   the same pattern (identical items) twice in one block: the
//                       later one can never win (most items win, earlier wins ties)
//   duplicate-discard   the same discard phrase twice
//   inverted-dates      "[CODE D1-D2]" with D1 >= D2: holds on no date
//   overlapping-dates   two date restrictions of one record hold on a common date
//   dated-after-default a dated code written after the record's undated default;
//                       parley still tries it first (ActorDictionary::code_on),
//                       readers that go by file order (PETRARCH2) never reach it
//   unreachable-default a second undated code in one record: the first always wins
//   unknown-event-code  a verb/pattern/transformation code not in the CAMEO table
//                       (unless private codes are allowed)
//   unknown-actor-code  an actor code whose first three letters are neither an
//                       ISO 3166-1 alpha-3 country (plus XKX, Kosovo), a CAMEO
//                       region (AFR ... WST) nor a CAMEO prefix (IGO NGO IMG MNC UIS ---)
//   never-matches       a dictionary word with a character the tokenizer never
//                       puts inside one token (lower case or accented letters,
//                       curly quotes, ',' ';' '(' ...): the entry can never match
//   empty-synset        a &SYNSET with no members: patterns using it never match
//   closed-class-verb   a verb form whose anchor is a closed-class word (THE, OF)
//                       that the tagger never makes a verb or noun (needs a Lexicon)
//   load-warning        an entry the loader skipped (see dict/load.h)
//
// A pattern "shadowed" by an earlier pattern with a subset of its items does
// not exist under parley's rule (the most items win): the only patterns that
// can never win are exact repeats, reported as duplicate-pattern.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cameo/actor_prefixes.h"
#include "dict/dictionary.h"
#include "dict/load.h"

namespace parley {

class Lexicon;

namespace dictcheck {

struct Finding {
  std::string file;
  uint32_t line = 0;
  std::string kind;     // one of the kinds above
  std::string message;
};

// "file:line: kind: message"
std::string format(const Finding& f);

struct CheckOptions {
  // Accept event codes that are not in the CAMEO table (no unknown-event-code).
  bool allow_private_codes = false;
  // For closed-class-verb; nullptr skips that check.
  const Lexicon* lexicon = nullptr;
};

// Runs every check over a loaded set.  Sorted by file, line, kind, message.
std::vector<Finding> check_dictionaries(const Dictionaries& dicts, const CheckOptions& options);

// Loads `paths` and checks them.  The load accepts private event codes, so
// that every unknown code is reported rather than only the first; the
// loader's warnings become load-warning findings.  A malformed entry throws
// the loader's DictError ("file:line: what").
std::vector<Finding> load_and_check(const DictPaths& paths, const CheckOptions& options);

// The rules, exposed for tests.
// True if the first three letters of one actor code (no '/') are a known prefix.
using ::parley::known_actor_prefix;
// A character of `word` the tokenizer never produces inside a token of
// more than one character, or 0 if every character can occur.
char32_t impossible_char(std::string_view word);

}  // namespace dictcheck
}  // namespace parley
