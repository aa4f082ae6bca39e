// parley/syntax: a shallow, deterministic parse good enough for event coding.
//
// Input: a Doc whose tokens carry the lexicon's candidate parts of speech
// (Token::pos_bits), flags and normalised forms (tokens/).  Output, per
// sentence:
//   * Token::tag        one part of speech per token (contextual rules, no model)
//   * Doc::chunks       noun phrases and verb groups, in token order;
//                       verb groups carry kPassive / kNegated / kInfinitive
//   * Token::clause     a clause number: tokens of one clause share it, so the
//                       coder can keep subjects and objects inside their clause
//
// The rules are hand-written (see docs/DESIGN.md, "Syntax"): a Brill-style
// first guess from the candidates, then context fixes (determiner + X is a
// noun, "to"/modal + X is a verb, be + participle is passive ...).  It costs a
// few hundred nanoseconds per token and allocates nothing once the Doc's
// vectors have grown.
#pragma once

#include "doc/doc.h"

namespace parley {

class PerceptronTagger;

// How tokens get their first tags (docs/DESIGN.md, "Syntax").
enum class TaggerMode : uint8_t {
  kRules,            // hand-written first guess, then the context rules (default)
  kPerceptron,       // the trained model's tags, then the context rules that still help on top of it
  kPerceptronOnly,   // the trained model's tags alone (for measuring it)
};

struct SyntaxOptions {
  TaggerMode mode = TaggerMode::kRules;
  const PerceptronTagger* model = nullptr;  // needed by the perceptron modes
};

// Tags every token of sentence `s` and appends its chunks to doc.chunks.
void parse_sentence(Doc& doc, uint32_t s, const SyntaxOptions& opt = {});

// Convenience: parse every sentence.
void parse_doc(Doc& doc, const SyntaxOptions& opt = {});

// Word-class helpers shared by later stages (all take the normalised form).
bool is_speech_verb_lemma(std::string_view upper_lemma);

}  // namespace parley
