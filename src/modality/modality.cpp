// ModalityAnalyzer::analyse: negation, modals, future, report and condition
// flags of one event (rules in modality.h).
#include "modality/modality.h"

#include <string_view>

#include "modality/conditions.h"
#include "syntax/words.h"

namespace parley {
namespace {

std::string_view norm(const Doc& doc, uint32_t i) { return doc.norm_of(doc.tokens[i]); }

bool hypothetical_modal(std::string_view w) {
  // "can" states an ability ("Russia can strike Kyiv"), not an act.
  return w == "WOULD" || w == "COULD" || w == "MIGHT" || w == "MAY" || w == "SHOULD" || w == "'D" || w == "CAN" ||
         w == "CA";
}

// The verb group holding the event's verb; for a nominal event ("threatened
// new sanctions"), the nearest group before it in the same clause.
int32_t governing_group(const Doc& doc, uint32_t s, uint32_t verb) {
  const Sentence& sent = doc.sentences[s];
  int32_t before = -1;
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
    const Chunk& ch = doc.chunks[c];
    if (ch.kind != ChunkKind::kVerbGroup) continue;
    if (ch.begin <= verb && verb < ch.end) return static_cast<int32_t>(c);
    if (ch.end <= verb && doc.tokens[ch.head].clause == doc.tokens[verb].clause) before = static_cast<int32_t>(c);
  }
  return before;
}

// "is going to", "plans to", "is expected to", "is set to", "is due to",
// "is about to": the group or word right before an infinitive group.
bool future_lead_in(const Doc& doc, const Lexicon& lex, uint32_t s, const Chunk& infinitive) {
  const uint32_t b = doc.sentences[s].token_begin;
  if (infinitive.begin <= b) return false;
  const uint32_t p = infinitive.begin - 1;
  const std::string_view w = norm(doc, p);
  if (w == "DUE" || w == "ABOUT") return true;
  // "is ready to send", "is willing to talk", "is determined to retake": a
  // stated readiness or resolve, not yet the act.
  if (w == "READY" || w == "WILLING" || w == "DETERMINED" || w == "EAGER" || w == "KEEN") return true;
  const LexInfo info = lex.lookup(w);
  const std::string_view lemma = info.lemma.empty() ? w : info.lemma;
  if (w == "GOING" || w == "GONNA") return true;
  return lemma == "PLAN" || lemma == "INTEND" || lemma == "AIM" || lemma == "EXPECT" || lemma == "SET" ||
         lemma == "SCHEDULE" || lemma == "PREPARE" || lemma == "PLEDGE" || lemma == "VOW" || lemma == "PROMISE" ||
         // "threatened to use", "wants to meet", "hopes to sign", "seeks to
         // deepen", "offered to supply": what is wanted, threatened or offered
         // has not happened; it is coded as the intent or threat.
         lemma == "THREATEN" || lemma == "WANT" || lemma == "HOPE" || lemma == "SEEK" || lemma == "OFFER";
}

// "was scheduled to give a speech and meet with X", "will visit Paris and
// hold talks": a bare verb group right after and/or shares the modality of the
// verb group it is coordinated with when that one is an infinitive or holds a
// modal.  Returns that group, or -1 (no coordinator, or a comma, clause word
// or other verb group first).
int32_t coordinated_lead(const Doc& doc, uint32_t s, uint32_t group) {
  const Sentence& sent = doc.sentences[s];
  const Chunk& vg = doc.chunks[group];
  if (vg.flags & kInfinitive) return -1;
  for (uint32_t k = vg.begin; k < vg.end; ++k)
    if (doc.tokens[k].tag == Tag::kAux) return -1;  // its own auxiliaries decide
  uint32_t k = vg.begin;
  while (k > sent.token_begin && doc.tokens[k - 1].tag == Tag::kAdv) --k;
  if (k == sent.token_begin || doc.tokens[k - 1].tag != Tag::kConj) return -1;
  const std::string_view conj = norm(doc, k - 1);
  if (conj != "AND" && conj != "OR") return -1;
  for (uint32_t c = group; c-- > sent.chunk_begin;) {
    const Chunk& ch = doc.chunks[c];
    if (k - ch.end > 12) return -1;
    for (uint32_t j = ch.end; j < k - 1; ++j) {
      const Token& t = doc.tokens[j];
      const std::string_view w = norm(doc, j);
      if (w == "," || w == ";" || w == ":" || t.tag == Tag::kSubConj || t.tag == Tag::kRelPron ||
          t.tag == Tag::kConj || modality_detail::is_clause_break(doc, j))
        return -1;
    }
    if (ch.kind != ChunkKind::kVerbGroup) continue;
    if (ch.flags & kInfinitive) return static_cast<int32_t>(c);
    for (uint32_t j = ch.begin; j < ch.end; ++j)
      if (is_modal(norm(doc, j))) return static_cast<int32_t>(c);
    return -1;
  }
  return -1;
}

// A speech or report verb token.  "Reuters reports that …" comes out of the
// tagger as a noun; a verb-capable -s form followed by "that" is taken too.
bool report_token(const Doc& doc, const QuoteFinder& speech, const Lexicon& lex, uint32_t k, uint32_t e) {
  const Token& t = doc.tokens[k];
  if (speech.is_speech_verb(doc, t)) return true;
  if (t.tag == Tag::kNoun && (t.pos_bits & kPosVerb) && k + 1 < e && norm(doc, k + 1) == "THAT") {
    const LexInfo info = lex.lookup(doc.norm_of(t));
    return info.has_form(VerbForm::kPresent3) && is_speech_lemma(info.lemma);
  }
  return false;
}

// The noun phrase right before token k (over adverbs), as the reporter.
void reporter_before(const Doc& doc, uint32_t s, uint32_t k, EventModality& m) {
  const Sentence& sent = doc.sentences[s];
  uint32_t j = k;
  while (j > sent.token_begin && doc.tokens[j - 1].tag == Tag::kAdv) --j;
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
    const Chunk& ch = doc.chunks[c];
    if (ch.kind != ChunkKind::kNounPhrase) continue;
    if (ch.end == j || (ch.begin < k && k < ch.end)) {  // (k inside: "[NP Reuters reports]")
      m.reporter_begin = static_cast<int32_t>(ch.begin);
      m.reporter_end = static_cast<int32_t>(ch.end == j ? ch.end : k);
      return;
    }
  }
}

void find_report(const Doc& doc, const QuoteFinder& speech, const Lexicon& lex, uint32_t s, uint32_t vb,
                 uint32_t ve, EventModality& m) {
  const Sentence& sent = doc.sentences[s];
  const uint32_t b = sent.token_begin, e = sent.token_end;
  // "according to X"
  for (uint32_t k = b; k + 1 < e; ++k) {
    if (norm(doc, k) == "ACCORDING" && norm(doc, k + 1) == "TO") {
      m.reported = true;
      m.report_verb = static_cast<int32_t>(k);
      for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c)
        if (doc.chunks[c].kind == ChunkKind::kNounPhrase && doc.chunks[c].begin == k + 2) {
          m.reporter_begin = static_cast<int32_t>(doc.chunks[c].begin);
          m.reporter_end = static_cast<int32_t>(doc.chunks[c].end);
        }
      return;
    }
  }
  // "X says (that) … EVENT": the nearest report verb before the event, with
  // no clause break between.
  for (uint32_t k = vb; k-- > b;) {
    if (modality_detail::is_clause_break(doc, k)) break;
    if (!report_token(doc, speech, lex, k, e)) continue;
    m.reported = true;
    m.report_verb = static_cast<int32_t>(k);
    reporter_before(doc, s, k, m);
    return;
  }
  // "EVENT …, the minister said." / "…, said the minister."
  for (uint32_t k = ve; k < e; ++k) {
    if (modality_detail::is_clause_break(doc, k)) break;
    if (norm(doc, k) != "," || k + 1 >= e) continue;
    uint32_t j = k + 1;
    // ", said the ministry." — not ", saying …", which is the actor's own act.
    if (report_token(doc, speech, lex, j, e) && doc.tokens[j].verb_form != VerbForm::kGerund) {
      m.reported = true;
      m.report_verb = static_cast<int32_t>(j);
      for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c)
        if (doc.chunks[c].kind == ChunkKind::kNounPhrase && doc.chunks[c].begin == j + 1) {
          m.reporter_begin = static_cast<int32_t>(doc.chunks[c].begin);
          m.reporter_end = static_cast<int32_t>(doc.chunks[c].end);
        }
      return;
    }
    for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
      const Chunk& np = doc.chunks[c];
      if (np.kind != ChunkKind::kNounPhrase || np.begin != j) continue;
      uint32_t v = np.end;
      while (v < e && doc.tokens[v].tag == Tag::kAdv) ++v;
      // Only an attribution that closes the sentence: "…, the minister said."
      if (v < e && report_token(doc, speech, lex, v, e) && doc.tokens[v].verb_form != VerbForm::kGerund &&
          (v + 1 >= e || doc.tokens[v + 1].tag == Tag::kPunct)) {
        m.reported = true;
        m.report_verb = static_cast<int32_t>(v);
        m.reporter_begin = static_cast<int32_t>(np.begin);
        m.reporter_end = static_cast<int32_t>(np.end);
        return;
      }
    }
  }
}

}  // namespace

EventModality ModalityAnalyzer::analyse(const Doc& doc, const Event& event, const std::vector<Quote>* quotes) const {
  EventModality m;
  const uint32_t s = event.sentence;
  if (s >= doc.sentences.size()) return m;
  const Sentence& sent = doc.sentences[s];
  const uint32_t vb = event.verb_begin, ve = event.verb_end > vb ? event.verb_end : vb + 1;
  if (vb < sent.token_begin || vb >= sent.token_end) return m;
  const Lexicon& lex = lexicon_;

  m.negated = event.negated;
  const int32_t g = governing_group(doc, s, vb);
  if (g >= 0) {
    const int32_t lead = coordinated_lead(doc, s, static_cast<uint32_t>(g));
    const Chunk& vg = doc.chunks[lead >= 0 ? lead : g];
    if (vg.flags & kNegated) m.negated = true;
    for (uint32_t k = vg.begin; k < vg.end; ++k) {
      const std::string_view w = norm(doc, k);
      if (hypothetical_modal(w)) { m.hypothetical = true; m.modal = static_cast<int32_t>(k); }
      if (is_future_modal(w)) { m.future = true; m.modal = static_cast<int32_t>(k); }
    }
    if ((vg.flags & kInfinitive) && future_lead_in(doc, lex, s, vg)) m.future = true;
  }

  const modality_detail::Condition c = modality_detail::find_condition(doc, s, vb);
  if (c.found()) {
    m.conditional = true;
    m.in_condition = c.contains_event;
    m.condition_begin = c.begin;
    m.condition_end = c.end;
    const uint32_t b = doc.tokens[c.begin].begin, e = doc.tokens[c.end - 1].end;
    m.condition.assign(doc.text, b, e - b);
  }

  if (quotes) {
    for (const Quote& q : *quotes)
      if (q.token_begin <= vb && vb < q.token_end) {
        m.reported = true;
        m.report_verb = q.speech_verb;
        m.reporter_begin = q.speaker_begin;
        m.reporter_end = q.speaker_end;
        return m;
      }
  }
  find_report(doc, speech_, lex, s, vb, ve, m);
  return m;
}

}  // namespace parley
