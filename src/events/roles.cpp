#include "events/roles.h"

#include "syntax/syntax.h"
#include "syntax/words.h"

namespace parley {
namespace {

int32_t previous_verb_group(const Doc& doc, uint32_t sentence, uint32_t before_chunk) {
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t c = before_chunk; c-- > s.chunk_begin;) {
    const Chunk& ch = doc.chunks[c];
    if (ch.kind == ChunkKind::kVerbGroup && doc.tokens[ch.head].tag == Tag::kVerb &&
        !(ch.flags & kInfinitive))
      return static_cast<int32_t>(c);
  }
  return -1;
}

// A verb group whose head is finite starts at token k.
bool verb_group_starts(const Doc& doc, uint32_t k, uint32_t e) {
  while (k < e && doc.tokens[k].tag == Tag::kAdv) ++k;
  return k < e && (doc.tokens[k].tag == Tag::kVerb || doc.tokens[k].tag == Tag::kAux);
}

bool is_comma(const Doc& doc, uint32_t k) { return doc.norm_of(doc.tokens[k]) == ","; }

// "Legislators who opposed placing the plan under review criticized the
// President": a tensed verb right after a noun and followed by its own object
// is the verb of another clause (here the main clause after a relative one),
// so a verb's object is not looked for past it.  Participles that modify the
// noun ("the laws passed by the junta", "statements made about X") are
// followed by a preposition, not an object, and do not stop the search.
bool new_clause_verb(const Doc& doc, uint32_t b, uint32_t e, uint32_t k) {
  const Token& t = doc.tokens[k];
  if (t.tag != Tag::kVerb || k == b || k + 1 >= e) return false;
  if (t.verb_form != VerbForm::kPast && t.verb_form != VerbForm::kPresent3) return false;
  const Tag before = doc.tokens[k - 1].tag;
  if (before != Tag::kNoun && before != Tag::kProper) return false;
  const Tag after = doc.tokens[k + 1].tag;
  return after == Tag::kDet || after == Tag::kProper || after == Tag::kNum ||
         (after == Tag::kPronoun && doc.norm_of(doc.tokens[k + 1]) != "THERE");
}

// Prepositions that also open clauses ("as Israel announced", "after Russia
// attacked", "before Sarkozy heads to Beijing").
// Words that head a noun phrase of a part of a group: "some of", "many of".
bool quantifier(std::string_view w) {
  return w == "SOME" || w == "MANY" || w == "MOST" || w == "ALL" || w == "SEVERAL" || w == "FEW" || w == "NONE" ||
         w == "EACH" || w == "BOTH" || w == "HALF" || w == "DOZENS" || w == "HUNDREDS" || w == "THOUSANDS";
}

bool subordinator(std::string_view w) {
  return w == "AS" || w == "AFTER" || w == "BEFORE" || w == "SINCE" || w == "UNTIL" || w == "TILL" ||
         w == "ONCE" || w == "BECAUSE" || w == "WHILE" || w == "THOUGH" || w == "ALTHOUGH" || w == "WHEREAS";
}

// Only adverbs lie between token `from` and token `to`.
bool adjacent_to(const Doc& doc, uint32_t from, uint32_t to) {
  while (from < to && doc.tokens[from].tag == Tag::kAdv) ++from;
  return from == to;
}

// A group of agents with no actor code of their own ("troops", "its forces",
// "military" in "military drills").
bool name_only(const SentenceActors& actors, int32_t g) {
  const ActorGroup& grp = actors.groups[g];
  return grp.count == 1 && actors.refs[grp.first].name_only;
}

bool agent_only(const SentenceActors& actors, int32_t g) {
  const ActorGroup& grp = actors.groups[g];
  for (uint32_t k = 0; k < grp.count; ++k)
    if (actors.refs[grp.first + k].has_actor) return false;
  return true;
}

// An agent-only object that is not the one acted on when a real actor follows:
// the subject's own ("its forces", "their troops"), a modifier of a non-person
// head ("military drills"), or a bare direct object ("deployed troops near
// ...").  A prepositional one ("against rebels near Damascus") stays.
bool agents_give_way(const Doc& doc, uint32_t b, uint32_t e, const SentenceActors& actors, int32_t g,
                     uint32_t from_token) {
  const ActorGroup& grp = actors.groups[g];
  if (grp.begin > b && is_possessive_determiner(doc.norm_of(doc.tokens[grp.begin - 1]))) return true;
  if (grp.end < e && doc.tokens[grp.end].tag == Tag::kNoun) return true;
  // "attacked peacekeepers in Mali": a country after in/at/near is where the
  // agents are, not whom the verb is aimed at.
  if (grp.end + 1 < e) {
    std::string_view prep = doc.norm_of(doc.tokens[grp.end]);
    if (prep == "IN" || prep == "AT" || prep == "NEAR" || prep == "INSIDE") {
      uint32_t k = grp.end + 1;
      while (k < e && doc.tokens[k].tag == Tag::kDet) ++k;
      const int32_t place = k < e ? actors.group_at[k - b] : -1;
      if (place >= 0 && actors.groups[place].begin == k && actors.groups[place].count == 1 &&
          actors.refs[actors.groups[place].first].code.size() == 3 && actors.refs[actors.groups[place].first].has_actor)
        return false;
    }
  }
  // "plans to send troops to Mali": the object of an infinitive after the
  // verb is as bare as the verb's own.
  uint32_t k = from_token;
  while (k < grp.begin && (doc.tokens[k].tag == Tag::kDet || doc.tokens[k].tag == Tag::kAdj ||
                           doc.tokens[k].tag == Tag::kNum || doc.tokens[k].tag == Tag::kAdv ||
                           (doc.tokens[k].tag == Tag::kParticle && doc.norm_of(doc.tokens[k]) == "TO") ||
                           (doc.tokens[k].tag == Tag::kVerb && k > from_token && doc.tokens[k - 1].tag == Tag::kParticle &&
                            doc.norm_of(doc.tokens[k - 1]) == "TO")))
    ++k;
  return k == grp.begin;
}

// "Legislators who last year opposed the plan criticized it": the verb's
// subject is the antecedent of a relative clause that ends right before the
// verb.  Scans left from the verb over the clause (which must hold a verb of
// its own) to "who"/"which"/"that" directly after an actor; -1 when a
// subordinate clause, coordination or semicolon comes first.
int32_t relative_clause_antecedent(const Doc& doc, uint32_t sentence, const SentenceActors& actors,
                                   uint32_t verb_begin) {
  const uint32_t b = doc.sentences[sentence].token_begin;
  bool clause_verb = false;
  for (uint32_t k = verb_begin; k-- > b;) {
    const Token& t = doc.tokens[k];
    std::string_view w = doc.norm_of(t);
    if (t.tag == Tag::kRelPron) {
      if (!clause_verb || k == b) return -1;
      uint32_t a = k;
      if (is_comma(doc, a - 1) && a - 1 > b) --a;
      return actors.group_at[a - 1 - b];
    }
    if (t.tag == Tag::kVerb || t.tag == Tag::kAux) clause_verb = true;
    if (t.tag == Tag::kSubConj || t.tag == Tag::kQuote || w == ";" || w == ":" || w == "--" ||
        (t.tag == Tag::kConj && is_coordinator(w)))
      return -1;
  }
  return -1;
}

// A verb form that reports speech or belief ("said", "claims", "told",
// "believed"): the clause after it has its own subject.
bool reporting_form(std::string_view w) {
  if (w == "SAID" || w == "TOLD" || w == "THOUGHT" || w == "KNEW" || w == "SAYS") return true;
  auto lemma_is = [&](std::string_view stem) {
    return is_speech_verb_lemma(stem) || stem == "BELIEVE" || stem == "THINK" || stem == "FEAR" ||
           stem == "ALLEGE" || stem == "CONFIRM" || stem == "DENY" || stem == "HOPE" || stem == "EXPECT";
  };
  if (lemma_is(w)) return true;
  if (w.size() > 3 && w.ends_with("ED")) return lemma_is(w.substr(0, w.size() - 2)) || lemma_is(w.substr(0, w.size() - 1));
  if (w.size() > 2 && w.ends_with("S")) return lemma_is(w.substr(0, w.size() - 1));
  return false;
}

// The antecedent of a relative clause that holds actor group `g` and ends at
// `verb_begin`, or -1.  Not when the group stands right before the verb after
// a speech or report verb: in "Kenya, which said Uganda attacked Somalia",
// Uganda is the subject of "attacked".
int32_t antecedent_over_relative_clause(const Doc& doc, uint32_t sentence, const SentenceActors& actors, int32_t g,
                                        uint32_t verb_begin) {
  const uint32_t b = doc.sentences[sentence].token_begin;
  const ActorGroup& grp = actors.groups[g];
  if (grp.begin == b) return -1;
  // The relative pronoun, and a verb of its clause, must come before the group.
  bool rel_before = false;
  for (uint32_t k = grp.begin; k-- > b;) {
    const Token& t = doc.tokens[k];
    if (t.tag == Tag::kRelPron) { rel_before = true; break; }
    if (t.tag == Tag::kSubConj || t.tag == Tag::kQuote || (t.tag == Tag::kConj && is_coordinator(doc.norm_of(t))) ||
        is_comma(doc, k))
      return -1;
  }
  if (!rel_before) return -1;
  if (adjacent_to(doc, grp.end, verb_begin)) {
    uint32_t v = grp.begin;
    while (v > b && (doc.tokens[v - 1].tag == Tag::kDet || doc.tokens[v - 1].tag == Tag::kAdj)) --v;
    if (v == b || doc.tokens[v - 1].tag != Tag::kVerb) return -1;
    const Token& before = doc.tokens[v - 1];
    if (reporting_form(doc.norm_of(before))) return -1;
  }
  const int32_t a = relative_clause_antecedent(doc, sentence, actors, verb_begin);
  return a == g ? -1 : a;
}

// A verb group of obligation: "must", "should", "ought".
bool deontic(const Doc& doc, const Chunk& vg) {
  for (uint32_t k = vg.begin; k < vg.end; ++k) {
    std::string_view w = doc.norm_of(doc.tokens[k]);
    if (w == "MUST" || w == "SHOULD" || w == "OUGHT") return true;
  }
  return false;
}

}  // namespace

int32_t subject_of(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t verb_chunk, int depth) {
  if (depth > 4) return -1;
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin;
  const Chunk& vg = doc.chunks[verb_chunk];
  const bool infinitive = (vg.flags & kInfinitive) != 0;
  bool saw_pronoun = false;
  if (infinitive) {
    // "it was ready to negotiate", "is willing to help": an infinitive after a
    // predicate adjective takes the subject of "be".
    uint32_t k = vg.begin;
    bool adjective = false;
    while (k > b && (doc.tokens[k - 1].tag == Tag::kAdv || doc.tokens[k - 1].tag == Tag::kAdj)) {
      adjective |= doc.tokens[k - 1].tag == Tag::kAdj;
      --k;
    }
    if (adjective && k > b && doc.tokens[k - 1].tag == Tag::kAux && is_be(doc.norm_of(doc.tokens[k - 1]))) {
      const int32_t c = doc.chunk_at(sentence, k - 1);
      if (c >= 0 && static_cast<uint32_t>(c) != verb_chunk)
        return subject_of(doc, sentence, actors, static_cast<uint32_t>(c), depth + 1);
    }
  }
  uint32_t i = vg.begin;
  while (i > b) {
    const uint32_t k = i - 1;
    const Token& t = doc.tokens[k];
    const int32_t g = actors.group_at[k - b];
    if (g >= 0) {
      const ActorGroup& grp = actors.groups[g];
      // "Kenya told Okonkwo it would ...": a pronoun stands for the nearest
      // actor a dictionary lists, not for an unlisted name.
      if (saw_pronoun && name_only(actors, g)) {
        i = grp.begin;
        continue;
      }
      uint32_t p = grp.begin;
      while (p > b && (doc.tokens[p - 1].tag == Tag::kDet || doc.tokens[p - 1].tag == Tag::kAdj ||
                       doc.tokens[p - 1].tag == Tag::kNum))
        --p;
      // "Putin told journalists he was ready to meet", "Kenya warned Uganda
      // it would retaliate": a subject pronoun after an addressee (a verb's
      // object) stands for the speaker; "told Ukraine it must withdraw" is
      // the addressee's duty.
      if (saw_pronoun && p > b && doc.tokens[p - 1].tag == Tag::kVerb && !deontic(doc, vg)) {
        i = grp.begin;
        continue;
      }
      // "Lawmakers who opposed sending troops praised X", "the militants who
      // attacked Kenya said": an actor inside a relative clause that ends at
      // the verb is that clause's; the verb's subject is the antecedent.
      if (!infinitive) {
        const int32_t a = antecedent_over_relative_clause(doc, sentence, actors, g, vg.begin);
        if (a >= 0) return a;
      }
      if (p > b && doc.tokens[p - 1].tag == Tag::kPrep) {  // a prepositional object, not the subject
        std::string_view pw = doc.norm_of(doc.tokens[p - 1]);
        // "came as Israel announced", "after Russia attacked": a word that is
        // also a subordinating conjunction, then an actor right before the
        // verb, opens a clause whose subject the actor is.
        if (subordinator(pw) && adjacent_to(doc, grp.end, vg.begin)) return g;
        // "Thousands of Serbian students protested", "A suicide bomber from
        // the Pakistani Taliban attacked": an actor after of/from completes a
        // clause-initial noun phrase that names no actor itself.
        if (pw == "OF" || pw == "FROM") {
          uint32_t q = p - 1;
          while (q > b && np_internal(doc.tokens[q - 1]) && actors.group_at[q - 1 - b] < 0) --q;
          // "-- The two leaders of Chad agreed": a dash or colon opens it too.
          // "General Electric and a number of other manufacturers were": the
          // last of a list of subjects, after "and" and an actor.
          const bool listed = q > b + 1 && is_list_conjunction(doc.norm_of(doc.tokens[q - 1])) &&
                              actors.group_at[q - 2 - b] >= 0;
          const bool opens_clause = q == b || is_comma(doc, q - 1) || doc.tokens[q - 1].tag == Tag::kSubConj ||
                                    doc.norm_of(doc.tokens[q - 1]) == "--" || doc.norm_of(doc.tokens[q - 1]) == ":" ||
                                    listed;
          bool has_head = false;
          for (uint32_t r = q; r + 1 < p; ++r) {
            const Tag rt = doc.tokens[r].tag;
            // "Some of the rebels", "many of the protesters": a quantifier heads it.
            if (rt == Tag::kNoun || rt == Tag::kNum || rt == Tag::kProper || quantifier(doc.norm_of(doc.tokens[r])))
              has_head = true;
          }
          if (q < p - 1 && opens_clause && has_head) return g;
        }
        i = p - 1;
        continue;
      }
      return g;
    }
    std::string_view w = doc.norm_of(t);
    switch (t.tag) {
      case Tag::kAdv:
        --i;
        continue;
      case Tag::kNoun: case Tag::kProper: case Tag::kNum: case Tag::kAdj: case Tag::kDet: case Tag::kParticle: {
        if (t.tag == Tag::kParticle && !(t.flags & kPossessive)) { --i; continue; }
        // A noun phrase without an actor: inside it a possessor may still be an
        // actor ("Eriador's death toll"); before it a preposition makes it a PP.
        uint32_t p = k;
        // "told police two men beat him": a noun phrase the chunker started at
        // a number (syntax/chunker.cpp) is whole; the actor before it is the
        // indirect object, not part of this subject.
        const int32_t own = doc.chunk_at(sentence, k);
        const uint32_t own_begin = own >= 0 ? doc.chunks[static_cast<size_t>(own)].begin : b;
        const uint32_t floor = own_begin > b && doc.tokens[own_begin].tag == Tag::kNum &&
                                       doc.tokens[own_begin - 1].tag == Tag::kNoun
                                   ? own_begin
                                   : b;
        while (p > floor && actors.group_at[p - 1 - b] < 0) {
          if (np_internal(doc.tokens[p - 1])) { --p; continue; }
          // "death and injury toll": a coordination inside the noun phrase.
          if (p > b + 1 && doc.tokens[p - 1].tag == Tag::kConj && doc.norm_of(doc.tokens[p - 1]) == "AND" &&
              (doc.tokens[p - 2].tag == Tag::kNoun || doc.tokens[p - 2].tag == Tag::kAdj) &&
              actors.group_at[p - 2 - b] < 0) {
            p -= 2;
            continue;
          }
          break;
        }
        // An actor inside the subject noun phrase: "Eriador's death toll",
        // "the primary official news agency WFNA", "the KU basketball team".
        if (p > floor && actors.group_at[p - 1 - b] >= 0) return actors.group_at[p - 1 - b];
        // "Legislators who last year opposed", "Russia this week sent": a
        // time phrase is an adverbial, not the subject.
        if (t.tag == Tag::kNoun && time_noun(w) && p < k) {
          i = p;
          continue;
        }
        if (p > b && doc.tokens[p - 1].tag == Tag::kPrep) {
          i = p - 1;
          continue;
        }
        // The subject is a noun phrase that names no actor, unless that noun
        // phrase ends a relative clause whose antecedent is the subject.
        return depth == 0 && !infinitive ? relative_clause_antecedent(doc, sentence, actors, vg.begin) : -1;
      }
      case Tag::kPrep:
        --i;
        continue;
      case Tag::kPronoun:
        // "Ethiopia indicated it would act": a subject pronoun stands for the
        // nearest actor before it.
        saw_pronoun = true;
        --i;
        continue;
      case Tag::kRelPron:
        --i;  // the antecedent is the noun phrase before "who"/"which"
        // "pressure from Trump -- who threatened": over a dash or comma.
        while (i > b && (doc.norm_of(doc.tokens[i - 1]) == "--" || doc.norm_of(doc.tokens[i - 1]) == ",")) --i;
        // The antecedent may sit in a prepositional phrase ("pressure from
        // Trump, who"): it is the subject all the same.
        if (i > b && actors.group_at[i - 1 - b] >= 0) return actors.group_at[i - 1 - b];
        continue;
      case Tag::kConj: {
        // "condemned ... and promised": the first verb's subject.
        if (is_coordinator(w)) {
          const int32_t prev = previous_verb_group(doc, sentence, verb_chunk);
          if (prev >= 0) return subject_of(doc, sentence, actors, static_cast<uint32_t>(prev), depth + 1);
        }
        return -1;
      }
      case Tag::kSubConj:
        // "The US claimed that they had attacked Iraq": a subject pronoun
        // right after "that" and a verb stands for that verb's subject.
        if (saw_pronoun && w == "THAT") {
          uint32_t v = k;
          while (v > b && doc.tokens[v - 1].tag == Tag::kAdv) --v;
          if (v > b && doc.tokens[v - 1].tag == Tag::kVerb) {
            const int32_t c = doc.chunk_at(sentence, v - 1);
            if (c >= 0 && static_cast<uint32_t>(c) != verb_chunk)
              return subject_of(doc, sentence, actors, static_cast<uint32_t>(c), depth + 1);
          }
        }
        return -1;
      case Tag::kAux: case Tag::kVerb: {
        // "The civilians imprisoned for spying against X were released": a
        // reduced relative clause (chunker) and the gerunds after its
        // prepositions belong to the subject noun phrase; go on before them.
        if (!infinitive && t.tag == Tag::kVerb) {
          if (t.verb_form == VerbForm::kGerund && k > b && doc.tokens[k - 1].tag == Tag::kPrep) {
            --i;
            continue;
          }
          const int32_t c = doc.chunk_at(sentence, k);
          if (c >= 0 && static_cast<uint32_t>(c) != verb_chunk && (doc.chunks[c].flags & kRelative)) {
            i = doc.chunks[c].begin;
            continue;
          }
        }
        if (infinitive || saw_pronoun) {  // "Arnor is about to restore": the governing verb's subject
          const int32_t c = doc.chunk_at(sentence, k);
          if (c >= 0) return subject_of(doc, sentence, actors, static_cast<uint32_t>(c), depth + 1);
        }
        return depth == 0 && !infinitive ? relative_clause_antecedent(doc, sentence, actors, vg.begin) : -1;
      }
      case Tag::kPunct: {
        if (w == ",") {
          // Skip a comma-enclosed parenthetical or appositive.
          uint32_t p = k;
          bool found = false;
          for (uint32_t q = k; q > b && k - q < 14; --q) {
            if (is_comma(doc, q - 1)) { p = q - 1; found = true; break; }
          }
          if (found) { i = p; continue; }
          return -1;
        }
        return -1;
      }
      default:
        return -1;
    }
  }
  return -1;
}

namespace {

// Does the word at k (no actor) end the clause whose objects object_of()
// collects?  `inside_quote`: the verb stands inside a quotation.
bool ends_object_clause(const Doc& doc, uint32_t b, uint32_t e, uint32_t k, bool inside_quote) {
  const Token& t = doc.tokens[k];
  // "'Our dealers sold more machinery,' says X, vice president of Y": a verb
  // inside a quotation has its objects there; the quote's end closes them.
  if (inside_quote && t.tag == Tag::kQuote) return true;
  std::string_view w = doc.norm_of(t);
  if (w == ";" || w == "--" || w == ":") return true;
  if (t.tag == Tag::kConj && is_coordinator(w) && verb_group_starts(doc, k + 1, e)) return true;
  if (opens_clause_with_subject(doc, k, e)) return true;
  if (new_clause_verb(doc, b, e, k)) return true;
  // "the decision to sue was questioned by the mayor": an auxiliary right
  // after a verb is the next clause's; the infinitive before it was a subject.
  if (t.tag == Tag::kAux && k > b && doc.tokens[k - 1].tag == Tag::kVerb) return true;
  // "called for talks while saying he opposed X", "sounded the keynote when
  // he said ...", "met the envoy, who then accused X": an actor inside an
  // adverbial or relative clause is that clause's, not this verb's target.
  // ("demanded that Israel withdraw" goes on: "that" introduces the content.)
  if ((t.tag == Tag::kSubConj && w != "THAT" && w != "WHETHER" && w != "THAN") || t.tag == Tag::kRelPron) return true;
  // "talks to eliminate friction they have succumbed to X": a subject
  // pronoun is never part of an object; it starts a clause of its own.
  // (After "that", "whether" it opens the verb's content clause, which goes
  // on: "questioned whether he has a future with X".)
  if (t.tag == Tag::kPronoun && k > b && (w == "HE" || w == "SHE" || w == "THEY" || w == "WE" || w == "I") &&
      doc.tokens[k - 1].tag != Tag::kSubConj)
    return true;
  if (w == ",") {
    // ", a senior official said": a new clause starts after the comma.
    uint32_t n = k + 1;
    if (n < e && (doc.tokens[n].tag == Tag::kConj || doc.tokens[n].tag == Tag::kSubConj)) return true;
    // "attended the meeting, said the company": a tensed verb right after
    // the comma with an object of its own (an inverted attribution, or the
    // next of a series of acts).  A participle that modifies the noun before
    // the comma goes on to a preposition or "to" ("posts, alleged to come
    // from police officers"; "troops, based in X").
    if (n + 1 < e && doc.tokens[n].tag == Tag::kVerb &&
        (doc.tokens[n].verb_form == VerbForm::kPast || doc.tokens[n].verb_form == VerbForm::kPresent3)) {
      const Tag after = doc.tokens[n + 1].tag;
      if (after == Tag::kDet || after == Tag::kProper || after == Tag::kNum || after == Tag::kPronoun ||
          after == Tag::kNoun)
        return true;
    }
    while (n < e && (np_internal(doc.tokens[n]) || doc.tokens[n].tag == Tag::kPronoun)) ++n;
    if (n > k + 1 && verb_group_starts(doc, n, e)) return true;
  }
  return false;
}

bool quote_open_before(const Doc& doc, uint32_t b, uint32_t at) {
  bool inside = false;
  for (uint32_t k = b; k < at; ++k) inside ^= doc.tokens[k].tag == Tag::kQuote;
  return inside;
}

}  // namespace

int32_t object_of(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t from_token) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  // An agent-only group ("troops", "its forces", "military drills") is the
  // object only when no actor follows in the clause: "deployed troops near its
  // border with Finland" is aimed at Finland.
  int32_t agents_only = -1;
  const bool inside_quote = quote_open_before(doc, b, from_token);
  for (uint32_t k = from_token; k < e; ++k) {
    const int32_t g = actors.group_at[k - b];
    // An unlisted name is never a target (actors.h, add_unlisted_names): look past it.
    if (g >= 0 && name_only(actors, g)) {
      k = actors.groups[g].end - 1;
      continue;
    }
    if (g >= 0) {
      if (!agent_only(actors, g)) return g;
      if (agents_only < 0) {
        if (!agents_give_way(doc, b, e, actors, g, from_token)) return g;
        agents_only = g;
      }
      k = actors.groups[g].end - 1;
      continue;
    }
    if (ends_object_clause(doc, b, e, k, inside_quote)) return agents_only;
    // "praised Smith as a soldier, a diplomat and a lawyer", "explained the
    // decline as a reaction from consumers": after the object, "as" says what
    // it is called; the actors there are not acted on.  A recipient may follow
    // the description ("surrendered his country as a vassal state to
    // Persia"): the search goes on only at a "to" right after the first noun
    // phrase.  Not "such as" (a list of examples) nor "as well as" (more
    // objects).
    if (k > from_token && doc.norm_of(doc.tokens[k]) == "AS" && doc.norm_of(doc.tokens[k - 1]) != "SUCH" &&
        doc.norm_of(doc.tokens[k - 1]) != "WELL" && !(k + 1 < e && doc.norm_of(doc.tokens[k + 1]) == "WELL")) {
      const int32_t np = k + 1 < e ? doc.chunk_at(sentence, k + 1) : -1;
      const uint32_t after = np >= 0 ? doc.chunks[static_cast<size_t>(np)].end : k + 1;
      if (np < 0 || after >= e || doc.norm_of(doc.tokens[after]) != "TO") return agents_only;
      k = after;  // the loop moves past "to"
      continue;
    }
    if (agents_only >= 0) {
      // Looking past the agents: stop where another clause or verb starts.
      const Token& t = doc.tokens[k];
      std::string_view w = doc.norm_of(t);
      if (t.tag == Tag::kSubConj || t.tag == Tag::kRelPron || t.tag == Tag::kAux || w == "," ||
          (t.tag == Tag::kVerb && !w.ends_with("ING")) || (t.tag == Tag::kParticle && w == "TO"))
        return agents_only;
    }
  }
  return agents_only;
}

uint32_t object_clause_end(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t from_token) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  const bool inside_quote = quote_open_before(doc, b, from_token);
  for (uint32_t k = from_token; k < e; ++k) {
    const int32_t g = actors.group_at[k - b];
    if (g >= 0) {
      k = actors.groups[g].end - 1;
      continue;
    }
    if (ends_object_clause(doc, b, e, k, inside_quote)) return k;
  }
  return e;
}

namespace {

// "praised the Kenyan police, the tax office, and the Ghanaian army":
// after the comma at `comma`, the next actor of a list whose other members
// name no actor.  It must close the list (an "and"/"or" before it) or go on
// with it (a comma or "and" after it), and must not be a clause's subject
// ("praised Ghana, Nigeria said").
int32_t next_listed_object(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t comma) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  bool closed = false;
  for (uint32_t k = comma + 1; k < e && k < comma + 24; ++k) {
    const int32_t g = actors.group_at[k - b];
    if (g >= 0) {
      if (name_only(actors, g)) return -1;
      const uint32_t after = actors.groups[g].end;
      if (after < e) {
        const Token& t = doc.tokens[after];
        if (t.tag == Tag::kVerb || t.tag == Tag::kAux) return -1;
        std::string_view w = doc.norm_of(t);
        if (!closed && w != "," && w != "AND") return -1;
      }
      return g;
    }
    std::string_view w = doc.norm_of(doc.tokens[k]);
    if (w == "AND" || w == "OR") { closed = true; continue; }
    if (w == ",") continue;
    if (!np_internal(doc.tokens[k])) return -1;
  }
  return -1;
}

}  // namespace

int32_t next_coordinated_object(const Doc& doc, uint32_t sentence, const SentenceActors& actors, int32_t object) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  uint32_t k = actors.groups[object].end;
  if (k < e && doc.norm_of(doc.tokens[k]) == ",") return next_listed_object(doc, sentence, actors, k);
  if (k >= e || doc.norm_of(doc.tokens[k]) != "AND") return -1;
  for (++k; k < e; ++k) {
    const int32_t g = actors.group_at[k - b];
    if (g >= 0 && name_only(actors, g)) {
      k = actors.groups[g].end - 1;
      continue;
    }
    if (g >= 0) return g;
    const Token& t = doc.tokens[k];
    std::string_view w = doc.norm_of(t);
    if (t.tag == Tag::kSubConj || t.tag == Tag::kRelPron || t.tag == Tag::kAux || t.tag == Tag::kPunct ||
        t.tag == Tag::kQuote || t.tag == Tag::kConj)
      return -1;
    // Participles modify the object ("penalties targeting X"); a finite verb
    // starts a clause of its own.
    if (t.tag == Tag::kVerb && !w.ends_with("ING")) return -1;
  }
  return -1;
}

int32_t passive_agent_of(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t from_token) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  uint32_t limit = from_token + 12;
  for (uint32_t k = from_token; k < e && k < limit; ++k) {
    const Token& t = doc.tokens[k];
    std::string_view w = doc.norm_of(t);
    if (w == ",") {
      // "was presented to the administrator, Oliver Pratt, yesterday by the
      // governor": an appositive (a noun phrase between two commas) is
      // stepped over; any other comma ends the search.
      uint32_t n = k + 1;
      while (n < e && (np_internal(doc.tokens[n]) || doc.tokens[n].tag == Tag::kAdv)) ++n;
      if (n == k + 1 || n >= e || doc.norm_of(doc.tokens[n]) != "," || n - k > 8) return -1;
      limit += n - k;
      k = n;
      continue;
    }
    if (w == ";" || t.tag == Tag::kVerb || t.tag == Tag::kSubConj) return -1;
    if (w == "BY") {
      // "by armed men", "by 500 women": the adjective or number may be the
      // group's own first word.  "by the Nordic delegations": so may a
      // capitalised word no dictionary lists.
      for (uint32_t n = k + 1; n < e; ++n) {
        const int32_t g = actors.group_at[n - b];
        if (g >= 0) return actors.groups[g].begin == n ? g : -1;
        const Tag nt = doc.tokens[n].tag;
        if (nt != Tag::kDet && nt != Tag::kAdj && nt != Tag::kNum && nt != Tag::kProper) return -1;
      }
      return -1;
    }
  }
  return -1;
}

}  // namespace parley
