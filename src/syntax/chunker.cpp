// Noun phrases, verb groups and clause numbers over tagged tokens.
#include <string_view>

#include "syntax/syntax.h"
#include "syntax/words.h"

namespace parley {

void tag_sentence(Doc& doc, uint32_t s, const SyntaxOptions& opt);

namespace {

bool np_head_token(const Token& t) {
  return t.tag == Tag::kNoun || t.tag == Tag::kProper || t.tag == Tag::kPronoun || t.tag == Tag::kNum;
}

bool vg_token(const Doc& doc, const Token& t) {
  if (t.tag == Tag::kAux || t.tag == Tag::kVerb) return true;
  if (t.tag == Tag::kAdv) return true;  // only kept inside a group, see below
  if (t.tag == Tag::kParticle && !(t.flags & kPossessive)) return true;  // infinitive "to", "not"
  return false;
}

bool past_participle_shape(const Doc& doc, const Token& t) {
  if (t.verb_form == VerbForm::kPastParticiple || t.verb_form == VerbForm::kPast) return true;
  // "are put", "was hit", "were cut": the lexicon lists the participle.
  if (t.verb_forms & (1u << static_cast<unsigned>(VerbForm::kPastParticiple))) return true;
  std::string_view w = doc.norm_of(t);
  return w.size() > 3 && (w.ends_with("ED") || w.ends_with("EN") || w.ends_with("WN") || w.ends_with("NE"));
}

// Verbs other than "be" that make the participle after them passive: "get"
// ("two protesters got arrested", "were getting shelled"), and "become",
// "remain", "stay" when a by-agent follows ("remains targeted by Israel";
// without one, "remained committed to" is a state, not an act on the subject).
bool passive_linker(const Doc& doc, const Token& linker, const Token& participle, const Token* after) {
  if (linker.tag != Tag::kVerb || !past_participle_shape(doc, participle)) return false;
  std::string_view w = doc.norm_of(linker);
  if (w == "GET" || w == "GETS" || w == "GOT" || w == "GOTTEN" || w == "GETTING") return true;
  const bool state = w == "BECOME" || w == "BECOMES" || w == "BECAME" || w == "BECOMING" || w == "REMAIN" ||
                     w == "REMAINS" || w == "REMAINED" || w == "REMAINING" || w == "STAY" || w == "STAYS" ||
                     w == "STAYED";
  return state && after && doc.norm_of(*after) == "BY";
}

// "the civilians imprisoned for spying were released", "there were ten
// soldiers killed in the raid": a lone participle right after a noun and
// before a preposition, whose noun is the subject of a finite verb later on
// (or follows "there is/are"), is a reduced relative clause, and passive.
// Without that other verb it is the main verb: "troops attacked near the
// border".
bool reduced_relative(const Doc& doc, uint32_t b, uint32_t e, const Chunk& vg) {
  if (vg.end != vg.begin + 1 || vg.begin == b || vg.end >= e) return false;
  const Token& v = doc.tokens[vg.begin];
  if (v.tag != Tag::kVerb || !past_participle_shape(doc, v)) return false;
  const Tag before = doc.tokens[vg.begin - 1].tag;
  if (before != Tag::kNoun && before != Tag::kProper) return false;
  if (doc.tokens[vg.end].tag != Tag::kPrep) return false;
  // "there were [10 Russian] soldiers killed"
  uint32_t np = vg.begin;
  while (np > b && np_internal(doc.tokens[np - 1])) --np;
  if (np >= b + 2 && doc.tokens[np - 1].tag == Tag::kAux && is_be(doc.norm_of(doc.tokens[np - 1])) &&
      doc.norm_of(doc.tokens[np - 2]) == "THERE")
    return true;
  // A finite verb after the participle phrase, with nothing but prepositional
  // phrases and gerunds in between.
  for (uint32_t k = vg.end; k < e; ++k) {
    const Token& t = doc.tokens[k];
    if (t.tag == Tag::kPrep || t.tag == Tag::kAdv || np_internal(t)) continue;
    if (t.tag == Tag::kVerb && t.verb_form == VerbForm::kGerund) continue;
    if (t.tag == Tag::kAux) return true;
    return t.tag == Tag::kVerb && (t.verb_form == VerbForm::kPast || t.verb_form == VerbForm::kPresent3);
  }
  return false;
}

// "Opposition leader detained", "Three soldiers killed in border
// blast": a headline (no closing punctuation) whose one verb group is a lone
// past participle after its noun phrase, with no object after it, reports a
// passive.
bool headline_passive(const Doc& doc, uint32_t b, uint32_t e, const Chunk& vg, uint32_t verb_groups) {
  if (verb_groups != 1 || e - b < 3 || vg.end != vg.begin + 1 || vg.begin == b) return false;
  const std::string_view last = doc.norm_of(doc.tokens[e - 1]);
  if (last == "." || last == "!" || last == "?" || last == ";" || last == ":" ||
      doc.tokens[e - 1].tag == Tag::kQuote)
    return false;
  const Token& v = doc.tokens[vg.begin];
  if (v.tag != Tag::kVerb || !past_participle_shape(doc, v)) return false;
  const Tag before = doc.tokens[vg.begin - 1].tag;
  if (before != Tag::kNoun && before != Tag::kProper) return false;
  return vg.end == e || doc.tokens[vg.end].tag == Tag::kPrep || doc.tokens[vg.end].tag == Tag::kPunct;
}

}  // namespace

void chunk_sentence(Doc& doc, uint32_t s) {
  Sentence& sent = doc.sentences[s];
  const uint32_t b = sent.token_begin, e = sent.token_end;
  sent.chunk_begin = static_cast<uint32_t>(doc.chunks.size());
  uint32_t clause = 0;
  uint32_t i = b;
  while (i < e) {
    Token& t = doc.tokens[i];
    std::string_view w = doc.norm_of(t);
    if (t.tag == Tag::kSubConj || t.tag == Tag::kRelPron || w == ";" || w == ":") ++clause;
    t.clause = clause;

    if (t.tag == Tag::kPronoun) {
      doc.chunks.push_back(Chunk{i, i + 1, i, ChunkKind::kNounPhrase, 0});
      ++i;
      continue;
    }
    if (np_internal(t)) {
      uint32_t j = i, head = i;
      bool has_head = false;
      while (j < e && np_internal(doc.tokens[j])) {
        // "told police two men beat him", "sent the rebels 200 rifles": a
        // number and its noun after a common noun start a noun phrase of
        // their own (an indirect object, or a clause's subject, before them).
        if (j > i && has_head && doc.tokens[j].tag == Tag::kNum && doc.tokens[j - 1].tag == Tag::kNoun &&
            j + 1 < e && (doc.tokens[j + 1].tag == Tag::kNoun || doc.tokens[j + 1].tag == Tag::kAdj ||
                          doc.tokens[j + 1].tag == Tag::kProper))
          break;
        // "took Fallujah Wednesday", "met Putin Monday": a weekday after a
        // name is when, not part of the name.  Not after an adjective
        // written with a capital ("Good Friday", "Super Tuesday").
        if (j > i && has_head && doc.tokens[j - 1].tag == Tag::kProper && !(doc.tokens[j - 1].pos_bits & kPosAdj) &&
            weekday_name(doc.norm_of(doc.tokens[j])))
          break;
        doc.tokens[j].clause = clause;
        if (np_head_token(doc.tokens[j])) { head = j; has_head = true; }
        ++j;
      }
      if (has_head) doc.chunks.push_back(Chunk{i, j, head, ChunkKind::kNounPhrase, 0});
      i = j;
      continue;
    }
    if (t.tag == Tag::kAux || t.tag == Tag::kVerb ||
        (t.tag == Tag::kParticle && w == "TO" && i + 1 < e && vg_token(doc, doc.tokens[i + 1]))) {
      uint32_t j = i, head = i;
      bool has_verb = false, saw_be = false, passive = false, negated = false;
      const bool infinitive = (w == "TO");
      while (j < e) {
        const Token& u = doc.tokens[j];
        std::string_view uw = doc.norm_of(u);
        if (u.tag == Tag::kAdv) {
          // "has not only reiterated ... but has announced": "not only" adds,
          // it does not deny.
          const bool not_only = j + 1 < e && doc.norm_of(doc.tokens[j + 1]) == "ONLY";
          if ((u.flags & kNegation) && !not_only) negated = true;
          // An adverb stays in the group only when a verb follows it.
          uint32_t k = j;
          // "was heavily and unjustly criticized"
          while (k < e && (doc.tokens[k].tag == Tag::kAdv ||
                           (k > j && k + 1 < e && doc.norm_of(doc.tokens[k]) == "AND" &&
                            doc.tokens[k - 1].tag == Tag::kAdv && doc.tokens[k + 1].tag == Tag::kAdv)))
            ++k;
          if (k < e && (doc.tokens[k].tag == Tag::kVerb || doc.tokens[k].tag == Tag::kAux)) { j = k; continue; }
          break;
        }
        if (u.tag == Tag::kParticle && !(u.flags & kPossessive)) {
          if (u.flags & kNegation) negated = true;
          if (uw != "TO" && !(u.flags & kNegation)) break;
          if (uw == "TO" && j != i) break;  // "agreed to meet" is two groups
          ++j;
          continue;
        }
        if (u.tag == Tag::kAux) {
          // "the decision to sue was questioned", "what he said is
          // true": an auxiliary after the group's verb starts the next group.
          if (has_verb) break;
          if (is_be(uw)) saw_be = true;
          if (!has_verb) head = j;
          ++j;
          continue;
        }
        if (u.tag == Tag::kVerb) {
          if (has_verb && j > i && passive_linker(doc, doc.tokens[j - 1], u, j + 1 < e ? &doc.tokens[j + 1] : nullptr)) {
            // "got arrested by police", "remains targeted by Israel": the
            // participle heads a passive group, as after "be".
            head = j;
            passive = true;
            ++j;
            continue;
          }
          if (has_verb) break;  // "began blocking": a new group
          has_verb = true;
          head = j;
          passive = saw_be && past_participle_shape(doc, u);
          ++j;
          continue;
        }
        break;
      }
      if (j == i) j = i + 1;
      uint8_t flags = 0;
      if (passive) flags |= kPassive;
      if (negated) flags |= kNegated;
      if (infinitive) flags |= kInfinitive;
      for (uint32_t k = i; k < j; ++k) doc.tokens[k].clause = clause;
      doc.chunks.push_back(Chunk{i, j, head, ChunkKind::kVerbGroup, flags});
      i = j;
      continue;
    }
    ++i;
  }
  sent.chunk_end = static_cast<uint32_t>(doc.chunks.size());
  uint32_t verb_groups = 0;
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c)
    verb_groups += doc.chunks[c].kind == ChunkKind::kVerbGroup;
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
    Chunk& ch = doc.chunks[c];
    if (ch.kind == ChunkKind::kVerbGroup && !(ch.flags & kPassive) && reduced_relative(doc, b, e, ch))
      ch.flags |= kPassive | kRelative;
    if (ch.kind == ChunkKind::kVerbGroup && !(ch.flags & kPassive) && headline_passive(doc, b, e, ch, verb_groups))
      ch.flags |= kPassive;
  }
}

void parse_sentence(Doc& doc, uint32_t s, const SyntaxOptions& opt) {
  tag_sentence(doc, s, opt);
  chunk_sentence(doc, s);
}

void parse_doc(Doc& doc, const SyntaxOptions& opt) {
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) parse_sentence(doc, s, opt);
}

bool is_speech_verb_lemma(std::string_view w) {
  return w == "SAY" || w == "TELL" || w == "ANNOUNCE" || w == "STATE" || w == "DECLARE" || w == "ADD" ||
         w == "NOTE" || w == "CLAIM" || w == "REPORT" || w == "WRITE" || w == "INSIST" || w == "STRESS" ||
         w == "WARN" || w == "ARGUE" || w == "EXPLAIN" || w == "ASSERT" || w == "REPLY" || w == "RESPOND";
}

}  // namespace parley
