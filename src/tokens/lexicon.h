// parley/tokens: the lexicon, every English word form's candidate parts of
// speech, verb forms and lemma.
//
// Loaded once from WordNet 3.0 (Debian's wordnet-base: index.noun/verb/adj/adv
// give lemmas and their parts of speech, noun/verb/adj.exc irregular forms,
// regular -s/-es/-ies/-ed/-ing morphology the rest), a hand-written table of
// irregular verbs, and closed-class word lists (determiners, prepositions,
// pronouns, auxiliaries, conjunctions, particles, negations, numbers, common
// adverbs) that override WordNet.  All of it lives in one flat hash table and
// one string arena; lookup() never allocates and is safe to share between
// threads.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "doc/doc.h"
#include "tokens/lex_table.h"

namespace parley {

inline constexpr uint8_t verb_form_bit(VerbForm f) { return static_cast<uint8_t>(1u << static_cast<unsigned>(f)); }

enum LexFlags : uint8_t {
  kLexPluralNoun = 1 << 0,  // a regular or irregular noun plural (TALKS, MEN)
  kLexClosedClass = 1 << 1, // from the hand-written lists; WordNet bits dropped
  kLexNegation = 1 << 2,    // NOT, N'T, NEVER, NO
  kLexIrregular = 1 << 3,   // a lemma whose past forms come from the irregular table
  kLexWordNet = 1 << 4,     // the form itself is a WordNet lemma
  // An -s form whose verb lemma WordNet's sense-tagged corpus (SemCor) tags
  // at least three times as often as the noun ("take": verb senses tagged 36
  // times, noun 0; "hold" 23 and 3; "talk" 5 and 3 is no such form).
  kLexUsualVerb = 1 << 5,
};

struct LexInfo {
  uint16_t pos_bits = 0;       // PosBits; 0 = unknown word
  uint8_t verb_forms = 0;      // verb_form_bit() per candidate VerbForm
  uint8_t flags = 0;           // LexFlags
  std::string_view lemma;      // verb lemma for verb forms (MET -> MEET), else
                               // the noun singular (MEN -> MAN) or the word itself;
                               // empty for unknown words; points into the lexicon

  bool known() const { return pos_bits != 0; }
  bool has(PosBits b) const { return (pos_bits & b) != 0; }
  bool has_form(VerbForm f) const { return (verb_forms & verb_form_bit(f)) != 0; }
  bool plural_noun() const { return (flags & kLexPluralNoun) != 0; }
  bool negation() const { return (flags & kLexNegation) != 0; }
  bool usual_verb() const { return (flags & kLexUsualVerb) != 0; }
};

class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Lexicon {
 public:
  static constexpr const char* kDefaultDir = "/usr/share/wordnet";

  // Throws LexiconError naming the missing file and the package to install.
  explicit Lexicon(const std::string& wordnet_dir = kDefaultDir);

  // upper_norm: the token's normalised (upper-case ASCII) form.
  LexInfo lookup(std::string_view upper_norm) const {
    const LexSlot* s = table_.find(upper_norm);
    if (!s) return {};
    return LexInfo{s->pos_bits, s->verb_forms, s->flags, table_.lemma_of(*s)};
  }

  // Entry positions, stable for the lexicon's lifetime, so a user can keep a
  // side table per entry (the tokenizer keeps vocabulary ids).  Positions run
  // over [0, entry_capacity()); empty positions have an empty key.
  static constexpr uint32_t kNoEntry = 0xFFFFFFFFu;
  uint32_t find_entry(std::string_view upper_norm) const {
    const LexSlot* s = table_.find(upper_norm);
    return s ? static_cast<uint32_t>(table_.index_of(s)) : kNoEntry;
  }
  LexInfo entry(uint32_t index) const {
    const LexSlot& s = table_.slot(index);
    return LexInfo{s.pos_bits, s.verb_forms, s.flags, table_.lemma_of(s)};
  }
  std::string_view entry_key(uint32_t index) const {
    const LexSlot& s = table_.slot(index);
    return s.key_len ? table_.key_of(s) : std::string_view();
  }
  uint32_t entry_capacity() const { return static_cast<uint32_t>(table_.capacity()); }

  size_t size() const { return table_.size(); }
  size_t memory_bytes() const { return table_.memory_bytes(); }

 private:
  friend class LexiconBuilder;
  LexTable table_;
};

}  // namespace parley
