// DeadlineFinder: deadline and ultimatum records (rules in modality.h).
#include <string_view>

#include "modality/conditions.h"
#include "modality/deadline_dates.h"
#include "modality/modality.h"

namespace parley {
namespace {

using modality_detail::DateMention;

std::string_view norm(const Doc& doc, uint32_t i) { return doc.norm_of(doc.tokens[i]); }

std::string span_text(const Doc& doc, uint32_t b, uint32_t e) {
  if (b >= e) return {};
  return doc.text.substr(doc.tokens[b].begin, doc.tokens[e - 1].end - doc.tokens[b].begin);
}

bool is_deadline_noun(std::string_view w) {
  return w == "DEADLINE" || w == "DEADLINES" || w == "ULTIMATUM" || w == "ULTIMATUMS" || w == "ULTIMATA";
}

// Participles of "set by X" after the noun; taken by form, because the
// tagger often reads "set" after a noun as a noun.
bool is_setting_participle(std::string_view w) {
  return w == "SET" || w == "IMPOSED" || w == "ISSUED" || w == "GIVEN" || w == "ANNOUNCED" || w == "DECLARED" ||
         w == "LAID" || w == "DELIVERED" || w == "ESTABLISHED" || w == "EXTENDED";
}

bool is_setting_lemma(std::string_view w) {
  return w == "SET" || w == "GIVE" || w == "ISSUE" || w == "IMPOSE" || w == "ANNOUNCE" || w == "EXTEND" ||
         w == "DELIVER" || w == "DECLARE" || w == "GRANT" || w == "SHORTEN" || w == "MOVE" || w == "ADVANCE";
}

// A form of a setting verb (set, gave, issued …), whatever the tagger chose:
// "Trump set a deadline" is often read as one noun phrase.
bool setting_verb_form(const Doc& doc, const Lexicon& lex, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (t.tag != Tag::kVerb && t.tag != Tag::kNoun) return false;
  const LexInfo info = lex.lookup(doc.norm_of(t));
  if (!info.has(kPosVerb) || info.has_form(VerbForm::kGerund)) return false;
  return is_setting_lemma(info.lemma.empty() ? doc.norm_of(t) : info.lemma);
}

struct SentenceView {
  const Doc& doc;
  const SentenceActors* actors;  // null: the sentence has no actor data
  uint32_t s, b, e;

  int32_t group_at(uint32_t k) const {
    if (!actors || k < b || k - b >= actors->group_at.size()) return -1;
    return actors->group_at[k - b];
  }
  const ActorGroup& group(int32_t g) const { return actors->groups[g]; }
  std::string code_of(int32_t g) const {
    const ActorGroup& grp = actors->groups[g];
    if (!grp.count || grp.first >= actors->refs.size()) return {};
    std::string code = actors->refs[grp.first].code;
    for (uint32_t r = grp.first + 1; r < grp.first + grp.count && r < actors->refs.size(); ++r)
      code += "," + actors->refs[r].code;  // a compound: every member
    return code;
  }
  // The nearest group that ends at or before token `until`.
  int32_t group_before(uint32_t until) const {
    if (!actors) return -1;
    for (size_t g = actors->groups.size(); g-- > 0;)
      if (actors->groups[g].end <= until && actors->groups[g].begin >= b) return static_cast<int32_t>(g);
    return -1;
  }
};

void set_setter(const SentenceView& v, int32_t g, Deadline& d) {
  const ActorGroup& grp = v.group(g);
  d.setter_begin = static_cast<int32_t>(grp.begin);
  d.setter_end = static_cast<int32_t>(grp.end);
  d.setter = span_text(v.doc, grp.begin, grp.end);
  d.setter_code = v.code_of(g);
}

void set_target(const SentenceView& v, int32_t g, Deadline& d) {
  const ActorGroup& grp = v.group(g);
  d.target_begin = static_cast<int32_t>(grp.begin);
  d.target_end = static_cast<int32_t>(grp.end);
  d.target = span_text(v.doc, grp.begin, grp.end);
  d.target_code = v.code_of(g);
}

void set_date(const Doc& doc, const DateMention& m, Deadline& d) {
  d.date = m.date;
  d.date_begin = static_cast<int32_t>(m.begin);
  d.date_end = static_cast<int32_t>(m.end);
  d.date_text = span_text(doc, m.begin, m.end);
}

void set_topic(const Doc& doc, uint32_t b, uint32_t e, Deadline& d) {
  d.topic_begin = static_cast<int32_t>(b);
  d.topic_end = static_cast<int32_t>(e);
  d.topic = span_text(doc, b, e);
}

// "to reach a peace deal": from the verb to the end of the noun phrase after
// it (at most 8 tokens), not past punctuation.
uint32_t infinitive_topic_end(const Doc& doc, uint32_t verb, uint32_t e) {
  uint32_t j = verb + 1, last = verb + 1;
  const uint32_t cap = verb + 8 < e ? verb + 8 : e;
  while (j < cap && doc.tokens[j].tag != Tag::kPunct && doc.tokens[j].tag != Tag::kSubConj) {
    const std::string_view w = norm(doc, j);
    if (w == "BY" || w == "UNTIL" || w == "TILL" || w == "BEFORE" || w == "WITHIN" || w == "AFTER") break;
    const Tag t = doc.tokens[j].tag;
    ++j;
    if (t == Tag::kNoun || t == Tag::kProper) last = j;
  }
  return last;
}

// The chunk of `kind` containing token k, or -1.
int32_t chunk_containing(const Doc& doc, uint32_t s, uint32_t k, ChunkKind kind) {
  const Sentence& sent = doc.sentences[s];
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c)
    if (doc.chunks[c].kind == kind && doc.chunks[c].begin <= k && k < doc.chunks[c].end) return static_cast<int32_t>(c);
  return -1;
}

bool same_actor(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  return a.substr(0, 3) == b.substr(0, 3);
}

// The target rule across sentences (modality.h): the nearest other clause that
// mentions the topic noun after a verb, with an actor before the verb.
void infer_target(const Doc& doc, const std::vector<SentenceActors>& actors, Deadline& d) {
  if (d.topic_begin < 0) return;
  uint32_t head = static_cast<uint32_t>(d.topic_end) - 1;
  for (uint32_t k = static_cast<uint32_t>(d.topic_end); k-- > static_cast<uint32_t>(d.topic_begin);)
    if (doc.tokens[k].tag == Tag::kNoun || doc.tokens[k].tag == Tag::kProper) { head = k; break; }
  const std::string_view key = norm(doc, head);
  const uint32_t n = static_cast<uint32_t>(doc.sentences.size());
  for (uint32_t dist = 0; dist < n; ++dist) {
    for (int side = 0; side < 2; ++side) {
      if (dist == 0 && side == 1) continue;
      const int64_t t64 = side == 0 ? int64_t{d.sentence} - dist : int64_t{d.sentence} + dist;
      if (t64 < 0 || t64 >= n) continue;
      const uint32_t t = static_cast<uint32_t>(t64);
      const SentenceView v{doc, t < actors.size() ? &actors[t] : nullptr, t, doc.sentences[t].token_begin,
                           doc.sentences[t].token_end};
      for (uint32_t x = v.b; x < v.e; ++x) {
        if (norm(doc, x) != key) continue;
        if (t == d.sentence && x >= d.evidence_begin && x < d.evidence_end) continue;
        const uint32_t clause = doc.tokens[x].clause;
        // The verb group before the mention in its clause, then the actor before it.
        int32_t vg = -1;
        const Sentence& sent = doc.sentences[t];
        for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
          const Chunk& ch = doc.chunks[c];
          if (ch.kind == ChunkKind::kVerbGroup && ch.end <= x && doc.tokens[ch.head].clause == clause)
            vg = static_cast<int32_t>(c);
        }
        if (vg < 0) continue;
        const int32_t g = v.group_before(doc.chunks[vg].begin);
        if (g < 0 || doc.tokens[v.group(g).begin].clause != clause) continue;
        const std::string code = v.code_of(g);
        if (code.empty() || same_actor(code, d.setter_code)) continue;
        set_target(v, g, d);
        d.target_inferred = true;
        return;
      }
    }
  }
}

// "a critical August 8 ceasefire deadline set by President Donald Trump".
bool noun_deadline(const SentenceView& v, const Lexicon& lex, uint32_t k, Deadline& d) {
  const Doc& doc = v.doc;
  d.sentence = v.s;
  d.trigger = k;
  const int32_t np = chunk_containing(doc, v.s, k, ChunkKind::kNounPhrase);
  uint32_t np_begin = np >= 0 ? doc.chunks[np].begin : k;
  // "a March 1, 2027 deadline": the comma of the date splits the phrase.
  if (np_begin >= v.b + 3 && norm(doc, np_begin - 1) == "," && doc.tokens[np_begin].tag == Tag::kNum) {
    const int32_t before = chunk_containing(doc, v.s, np_begin - 2, ChunkKind::kNounPhrase);
    if (before >= 0) np_begin = doc.chunks[before].begin;
  }
  d.evidence_begin = np_begin;
  d.evidence_end = k + 1;

  // Before the noun: owner ("Trump's"), a setting verb the tagger left in
  // the noun phrase ("[Trump set a deadline]"), indirect object, date, topic.
  uint32_t start = np_begin;
  for (uint32_t p = np_begin; p < k; ++p) {
    if (doc.tokens[p].flags & kPossessive) {
      if (const int32_t g = v.group_at(p > 0 ? p - 1 : p); g >= 0 && p > np_begin) set_setter(v, g, d);
      start = p + 1;
    } else if (p > np_begin && setting_verb_form(doc, lex, p)) {
      if (const int32_t g = v.group_before(p); g >= 0 && v.group(g).begin >= np_begin) set_setter(v, g, d);
      start = p + 1;
    }
  }
  uint32_t date_end = start;
  for (uint32_t i = start; i < k; ++i) {
    DateMention m;
    if (d.date_begin < 0 && modality_detail::read_date(doc, i, k, doc.date, m)) {
      set_date(doc, m, d);
      date_end = m.end;
      i = m.end - 1;
      continue;
    }
    if (const int32_t g = v.group_at(i); g >= 0 && d.target_begin < 0) {
      set_target(v, g, d);  // "gave [Russia a 50-day deadline]": the chunker joins them
      i = v.group(g).end - 1;
    }
  }
  uint32_t topic_b = k;
  while (topic_b > date_end && topic_b > start) {
    const Token& t = doc.tokens[topic_b - 1];
    if ((t.tag != Tag::kNoun && t.tag != Tag::kProper) || v.group_at(topic_b - 1) >= 0) break;
    --topic_b;
  }
  if (topic_b < k) set_topic(doc, topic_b, k, d);

  // After the noun.
  const uint32_t cap = k + 16 < v.e ? k + 16 : v.e;
  for (uint32_t i = k + 1; i < cap; ++i) {
    const std::string_view w = norm(doc, i);
    if (modality_detail::is_clause_break(doc, i) || w == "." || w == ";" || is_deadline_noun(w)) break;
    if (is_setting_participle(w) && i + 2 < v.e && norm(doc, i + 1) == "BY") {
      if (const int32_t g = v.group_at(i + 2); g >= 0 && d.setter_begin < 0) {
        set_setter(v, g, d);
        d.evidence_end = v.group(g).end;
        i = v.group(g).end - 1;
        continue;
      }
    }
    if ((w == "FOR" || w == "ON" || w == "TO" || w == "AGAINST") && i + 1 < v.e) {
      if (const int32_t g = v.group_at(i + 1); g >= 0 && d.target_begin < 0) {
        set_target(v, g, d);
        d.evidence_end = v.group(g).end > d.evidence_end ? v.group(g).end : d.evidence_end;
        i = v.group(g).end - 1;
        continue;
      }
    }
    if (w == "TO" && i + 1 < v.e && doc.tokens[i + 1].tag == Tag::kVerb && d.topic_begin < 0) {
      const uint32_t te = infinitive_topic_end(doc, i + 1, v.e);
      set_topic(doc, i + 1, te, d);
      if (te > d.evidence_end) d.evidence_end = te;
      i = te - 1;
      continue;
    }
    DateMention m;
    if (d.date_begin < 0 && modality_detail::read_date(doc, i, v.e, doc.date, m)) {
      set_date(doc, m, d);
      if (m.end > d.evidence_end) d.evidence_end = m.end;
      i = m.end - 1;
    }
  }

  // A verb that governs the noun phrase: "Trump set a deadline", "gave Russia an ultimatum".
  if (d.setter_begin < 0 && np_begin > v.b) {
    const int32_t vg = chunk_containing(doc, v.s, np_begin - 1, ChunkKind::kVerbGroup);
    const bool governs = vg >= 0 ? !(doc.chunks[vg].flags & kPassive) && setting_verb_form(doc, lex, doc.chunks[vg].head)
                                 : setting_verb_form(doc, lex, np_begin - 1);
    const uint32_t verb_begin = vg >= 0 ? doc.chunks[vg].begin : np_begin - 1;
    if (governs) {
      const int32_t g = v.group_before(verb_begin);
      if (g >= 0) {
        set_setter(v, g, d);
        if (v.group(g).begin < d.evidence_begin) d.evidence_begin = v.group(g).begin;
      }
    }
  }
  return true;
}

// "gave Russia until Friday to reach a deal" / "gave Russia 50 days to …".
bool give_deadline(const SentenceView& v, uint32_t k, Deadline& d) {
  const Doc& doc = v.doc;
  const int32_t vg = chunk_containing(doc, v.s, k, ChunkKind::kVerbGroup);
  if (vg < 0 || doc.chunks[vg].head != k) return false;
  uint32_t i = doc.chunks[vg].end;
  d = Deadline{};
  d.sentence = v.s;
  d.trigger = k;
  if (const int32_t g = v.group_at(i); g >= 0) {
    set_target(v, g, d);
    i = v.group(g).end;
  }
  if (i >= v.e) return false;
  DateMention m;
  const std::string_view w = norm(doc, i);
  if ((w == "UNTIL" || w == "TILL" || w == "BY") && modality_detail::read_date(doc, i + 1, v.e, doc.date, m)) {
  } else if (!modality_detail::read_date(doc, i, v.e, doc.date, m)) {
    return false;
  }
  // "50 days" must be a span of time to do something: require "to".
  set_date(doc, m, d);
  uint32_t end = m.end;
  if (end + 1 < v.e && norm(doc, end) == "TO" && doc.tokens[end + 1].tag == Tag::kVerb) {
    const uint32_t te = infinitive_topic_end(doc, end + 1, v.e);
    set_topic(doc, end + 1, te, d);
    end = te;
  } else if (w != "UNTIL" && w != "TILL" && w != "BY") {
    return false;
  }
  if (const int32_t g = v.group_before(doc.chunks[vg].begin); g >= 0) set_setter(v, g, d);
  d.evidence_begin = d.setter_begin >= 0 ? static_cast<uint32_t>(d.setter_begin) : k;
  d.evidence_end = end;
  return true;
}

// "Iran has until Friday to respond" / "Hamas had ten days to accept": the
// time the subject has to act.  The subject is the target; whoever set the
// time is not named in this shape.  A count of days needs "to VERB" ("has
// ten days of leave" is no deadline); "until DATE" stands alone.
bool have_until_deadline(const SentenceView& v, uint32_t k, Deadline& d) {
  const Doc& doc = v.doc;
  const uint32_t i = k + 1;
  if (i >= v.e) return false;
  const std::string_view w = norm(doc, i);
  const bool until = w == "UNTIL" || w == "TILL";
  DateMention m;
  if (!modality_detail::read_date(doc, until ? i + 1 : i, v.e, doc.date, m)) return false;
  const bool infinitive = m.end + 1 < v.e && norm(doc, m.end) == "TO" && doc.tokens[m.end + 1].tag == Tag::kVerb;
  if (!until && !infinitive) return false;
  d = Deadline{};
  d.sentence = v.s;
  d.trigger = k;
  set_date(doc, m, d);
  uint32_t end = m.end;
  if (infinitive) {
    end = infinitive_topic_end(doc, m.end + 1, v.e);
    set_topic(doc, m.end + 1, end, d);
  }
  const int32_t vg = chunk_containing(doc, v.s, k, ChunkKind::kVerbGroup);
  const uint32_t verb_begin = vg >= 0 && doc.chunks[vg].begin < k ? doc.chunks[vg].begin : k;
  if (const int32_t g = v.group_before(verb_begin); g >= 0) set_target(v, g, d);
  d.evidence_begin = d.target_begin >= 0 ? static_cast<uint32_t>(d.target_begin) : k;
  d.evidence_end = end;
  return true;
}

bool is_have_form(std::string_view w) { return w == "HAS" || w == "HAVE" || w == "HAD"; }

bool give_lemma(const Doc& doc, const Lexicon& lex, uint32_t k) {
  const Token& t = doc.tokens[k];
  if (t.tag != Tag::kVerb) return false;
  const LexInfo info = lex.lookup(doc.norm_of(t));
  return info.lemma == "GIVE" || info.lemma == "GRANT";
}

}  // namespace

void DeadlineFinder::find(const Doc& doc, const std::vector<SentenceActors>& actors_per_sentence,
                          std::vector<Deadline>& out) const {
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    const SentenceView v{doc, s < actors_per_sentence.size() ? &actors_per_sentence[s] : nullptr, s,
                         sent.token_begin, sent.token_end};
    uint32_t covered_until = sent.token_begin;  // evidence already used
    for (uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
      if (k < covered_until) continue;
      const Token& t = doc.tokens[k];
      Deadline d;
      bool found = false;
      if (is_deadline_noun(doc.norm_of(t)) && (t.tag == Tag::kNoun || t.tag == Tag::kProper)) {
        found = noun_deadline(v, lexicon_, k, d);
      } else if (give_lemma(doc, lexicon_, k)) {
        found = give_deadline(v, k, d);
      } else if (is_have_form(doc.norm_of(t))) {
        found = have_until_deadline(v, k, d);
      }
      if (!found) continue;
      if (d.target_begin < 0) infer_target(doc, actors_per_sentence, d);
      covered_until = d.evidence_end;
      out.push_back(std::move(d));
    }
  }
}

}  // namespace parley
