#include "verbs/verbs.h"

#include <algorithm>

namespace parley {
namespace {

// Longest verb form anchored at token `h` whose other words sit around it.
// Forms of the same length in other blocks (a word listed under two verbs,
// as TABARI allows) are appended to `alternatives`.
bool best_form(const Doc& doc, uint32_t b, uint32_t e, uint32_t h, uint32_t word, const Dictionaries& dicts,
               bool single_only, VerbHit& hit, std::vector<uint32_t>* alternatives = nullptr) {
  auto it = dicts.verbs.forms_by_anchor.find(word);
  if (it == dicts.verbs.forms_by_anchor.end()) return false;
  size_t best_len = 0;
  if (alternatives) alternatives->clear();
  for (uint32_t f : it->second) {
    const VerbEntry& form = dicts.verbs.forms[f];
    const size_t n = form.words.size();
    if (single_only && n != 1) continue;
    if (n < best_len) continue;
    if (n == best_len) {
      const uint32_t start = h >= b + form.head ? h - form.head : 0;
      if (alternatives && start == hit.begin && form.block != dicts.verbs.forms[hit.form].block) {
        bool ok = start + n <= e;
        for (size_t k = 0; k < n && ok; ++k) ok = k == form.head || doc.tokens[start + k].word_id == form.words[k];
        if (ok) alternatives->push_back(f);
      }
      continue;
    }
    if (h < b + form.head) continue;
    const uint32_t start = h - form.head;
    if (start + n > e) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) {
      if (k == form.head) continue;
      ok = doc.tokens[start + k].word_id == form.words[k];
    }
    if (!ok) continue;
    best_len = n;
    if (alternatives) alternatives->clear();
    hit.begin = start;
    hit.end = static_cast<uint32_t>(start + n);
    hit.anchor = h;
    hit.form = f;
  }
  return best_len > 0;
}

struct Cursor {
  const Doc& doc;
  const Dictionaries& dicts;
  const PatternIndex& index;
  const SentenceActors& actors;
  uint32_t b, e;
  uint32_t clause_end;  // actors after the verb start before this
};

// Does synset phrase `words` occur at [at, at+n)?
bool phrase_at(const Cursor& c, const std::vector<uint32_t>& words, uint32_t at) {
  if (at < c.b || at + words.size() > c.e) return false;
  for (size_t k = 0; k < words.size(); ++k)
    if (c.doc.tokens[at + k].word_id != words[k]) return false;
  return true;
}

// Forward search for one item starting at `pos`; on success advances pos.
bool match_forward(const Cursor& c, const PatternItem& item, bool adjacent, uint32_t max_gap, uint32_t& pos,
                   PatternMatch& m) {
  const uint32_t limit = adjacent ? std::min(pos + 1, c.e) : std::min(c.e, pos + max_gap + 1);
  switch (item.kind) {
    case PatternItem::kWord:
      for (uint32_t k = pos; k < limit; ++k) {
        if (c.doc.tokens[k].word_id == item.id) { pos = k + 1; return true; }
      }
      return false;
    case PatternItem::kSynset: {
      const Synset& syn = c.dicts.verbs.synsets[item.id];
      for (uint32_t k = pos; k < limit; ++k) {
        for (uint32_t ph : c.index.synset_phrases(item.id, c.doc.tokens[k].word_id)) {
          if (phrase_at(c, syn.phrases[ph], k)) { pos = static_cast<uint32_t>(k + syn.phrases[ph].size()); return true; }
        }
      }
      return false;
    }
    case PatternItem::kSource: case PatternItem::kTarget: case PatternItem::kSkipActor: case PatternItem::kCompound: {
      for (size_t g = 0; g < c.actors.groups.size(); ++g) {
        const ActorGroup& grp = c.actors.groups[g];
        if (grp.begin < pos) continue;
        if (grp.begin >= c.clause_end) return false;
        // "armed the rebels", "armed 500 Syrian rebels", "armed moderate
        // rebels": a determiner, number or adjective before the actor belongs
        // to its noun phrase, so an item joined to the verb (`*_+`) still
        // stands right before it.
        uint32_t start = pos;
        while (start < grp.begin && (c.doc.tokens[start].tag == Tag::kDet || c.doc.tokens[start].tag == Tag::kNum ||
                                     c.doc.tokens[start].tag == Tag::kAdj))
          ++start;
        if (adjacent && start != grp.begin) return false;
        if (item.kind == PatternItem::kSource) m.source_group = static_cast<int32_t>(g);
        if (item.kind == PatternItem::kTarget) m.target_group = static_cast<int32_t>(g);
        // "* WITH %": after the verb a compound is simply the target.
        if (item.kind == PatternItem::kCompound) m.target_group = static_cast<int32_t>(g);
        pos = grp.end;
        return true;
      }
      return false;
    }
    default:
      return true;
  }
}

// Backward search: the item must end at or before `pos`; on success moves pos
// to the item's first token.
bool match_backward(const Cursor& c, const PatternItem& item, bool adjacent, uint32_t& pos, PatternMatch& m) {
  switch (item.kind) {
    case PatternItem::kWord:
      for (uint32_t k = pos; k-- > c.b;) {
        if (c.doc.tokens[k].word_id == item.id) { pos = k; return true; }
        if (adjacent) return false;
      }
      return false;
    case PatternItem::kSynset: {
      const Synset& syn = c.dicts.verbs.synsets[item.id];
      for (uint32_t end = pos; end > c.b; --end) {
        // A phrase ending at `end` starts at some k < end: look it up by the
        // first word of each candidate start.
        for (uint32_t k = end; k-- > c.b;) {
          bool found = false;
          for (uint32_t ph : c.index.synset_phrases(item.id, c.doc.tokens[k].word_id)) {
            if (k + syn.phrases[ph].size() == end && phrase_at(c, syn.phrases[ph], k)) { found = true; break; }
          }
          if (found) { pos = k; return true; }
          if (end - k >= 8) break;  // synset phrases are short
        }
        if (adjacent) return false;
      }
      return false;
    }
    case PatternItem::kSource: case PatternItem::kTarget: case PatternItem::kSkipActor: case PatternItem::kCompound: {
      for (size_t g = c.actors.groups.size(); g-- > 0;) {
        const ActorGroup& grp = c.actors.groups[g];
        if (grp.end > pos) continue;
        if (adjacent && grp.end != pos) return false;
        if (item.kind == PatternItem::kSource) m.source_group = static_cast<int32_t>(g);
        if (item.kind == PatternItem::kTarget) m.target_group = static_cast<int32_t>(g);
        if (item.kind == PatternItem::kCompound) { m.source_group = static_cast<int32_t>(g); m.compound = true; }
        pos = grp.begin;
        return true;
      }
      return false;
    }
    default:
      return true;
  }
}

bool is_bracket(const PatternItem& item) {
  return item.kind == PatternItem::kNounOpen || item.kind == PatternItem::kNounClose ||
         item.kind == PatternItem::kPrepOpen || item.kind == PatternItem::kPrepClose;
}

// `post_start`: where the items after the verb start looking (hit.end, or the
// word after the anchor of a multi-word form, see match_pattern).
// `fronted`: for a passive verb, the subject noun phrase [begin, end) in which
// the pattern's first word after the verb is sought instead ("sanctions were
// imposed on Iran" is "imposed sanctions on Iran"); empty otherwise.
bool try_pattern(const Cursor& c, const Dictionaries& dicts, const Pattern& p, const VerbHit& hit,
                 uint32_t post_start, PatternMatch& m, std::pair<uint32_t, uint32_t> fronted = {0, 0}) {
  const PatternItem* items = dicts.verbs.items.data();
  int score = 0;
  // After the verb.
  uint32_t pos = post_start;
  bool in_group = false;
  bool first_in_group = false;
  uint32_t first = 0;
  if (fronted.first < fronted.second) {
    if (p.post_count == 0) return false;
    const PatternItem& item = items[p.post_begin];
    if (item.kind != PatternItem::kWord && item.kind != PatternItem::kSynset) return false;
    uint32_t at = fronted.first;
    const uint32_t gap = fronted.second - fronted.first - 1;
    if (!match_forward(c, item, false, gap, at, m) || at > fronted.second) return false;
    ++score;
    first = 1;
    m.fronted = true;
  }
  for (uint32_t i = first; i < p.post_count; ++i) {
    const PatternItem& item = items[p.post_begin + i];
    if (is_bracket(item)) {
      in_group = item.kind == PatternItem::kNounOpen || item.kind == PatternItem::kPrepOpen;
      first_in_group = in_group;
      continue;
    }
    const bool adjacent = item.joined_prev;
    // "met successfully the competition": an item joined to the verb may
    // stand after the adverbs that follow it.
    if (adjacent && i == first && !m.fronted)
      while (pos < c.e && c.doc.tokens[pos].tag == Tag::kAdv) ++pos;
    // Words inside {..} or (..) stay close together; the group itself may
    // start anywhere after the verb.
    const uint32_t gap = (in_group && !first_in_group) ? 3 : (c.e - c.b);
    first_in_group = false;
    if (!match_forward(c, item, adjacent, gap, pos, m)) return false;
    ++score;
  }
  m.span_end = pos;
  // Before the verb, right to left.
  pos = hit.begin;
  for (uint32_t i = p.pre_count; i-- > 0;) {
    const PatternItem& item = items[p.pre_begin + i];
    if (is_bracket(item)) continue;
    bool adjacent = (i + 1 == p.pre_count) ? p.verb_joined_prev : items[p.pre_begin + i + 1].joined_prev;
    if (!match_backward(c, item, adjacent, pos, m)) return false;
    ++score;
  }
  m.span_begin = pos;
  m.score = score;
  return true;
}

}  // namespace

void find_verbs(const Doc& doc, uint32_t sentence, const Dictionaries& dicts, const VerbOptions& options,
                VerbScratch& scratch, std::vector<VerbHit>& out) {
  out.clear();
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  for (uint32_t c = s.chunk_begin; c < s.chunk_end; ++c) {
    const Chunk& ch = doc.chunks[c];
    if (ch.kind != ChunkKind::kVerbGroup) continue;
    const Token& h = doc.tokens[ch.head];
    if (h.tag != Tag::kVerb) continue;
    VerbHit hit;
    hit.group = static_cast<int32_t>(c);
    std::vector<uint32_t>& alternatives = scratch.alternatives;
    alternatives.clear();
    bool found = h.word_id && best_form(doc, b, e, ch.head, h.word_id, dicts, false, hit, &alternatives);
    // "will not wire tap": the tagger may make the first word of a multi-word
    // verb the head; try the word after it as the anchor.
    if (!found && ch.head + 1 < e && doc.tokens[ch.head + 1].word_id) {
      found = best_form(doc, b, e, ch.head + 1, doc.tokens[ch.head + 1].word_id, dicts, false, hit, &alternatives) &&
              hit.end - hit.begin > 1 && hit.begin <= ch.head;
    }
    if (!found && options.lemma_fallback && h.lemma_id && h.lemma_id != h.word_id)
      found = best_form(doc, b, e, ch.head, h.lemma_id, dicts, true, hit);
    if (found) {
      out.push_back(hit);
      for (uint32_t f : alternatives) {
        VerbHit alt = hit;
        alt.form = f;
        out.push_back(alt);
      }
    }
  }
  if (options.nominal_events) {
    for (uint32_t i = b; i < e; ++i) {
      const Token& t = doc.tokens[i];
      if (t.tag != Tag::kNoun || !t.word_id) continue;
      VerbHit hit;
      hit.nominal = true;
      if (best_form(doc, b, e, i, t.word_id, dicts, true, hit)) out.push_back(hit);
    }
  }
}

void WordPresence::mark(const Doc& doc, uint32_t sentence, size_t vocab_size) {
  if (stamp_.size() < vocab_size) stamp_.resize(vocab_size, 0);
  if (++serial_ == 0) {  // wrapped: forget every old stamp
    std::fill(stamp_.begin(), stamp_.end(), 0);
    serial_ = 1;
  }
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const uint32_t w = doc.tokens[i].word_id;
    if (w && w < stamp_.size()) stamp_[w] = serial_;
  }
}

PatternIndex::PatternIndex(const Dictionaries& dicts) {
  const auto& v = dicts.verbs;
  required_begin_.reserve(v.patterns.size() + 1);
  for (const Pattern& p : v.patterns) {
    required_begin_.push_back(static_cast<uint32_t>(required_.size()));
    for (uint32_t i = 0; i < p.pre_count; ++i)
      if (v.items[p.pre_begin + i].kind == PatternItem::kWord) required_.push_back(v.items[p.pre_begin + i].id);
    for (uint32_t i = 0; i < p.post_count; ++i)
      if (v.items[p.post_begin + i].kind == PatternItem::kWord) required_.push_back(v.items[p.post_begin + i].id);
  }
  required_begin_.push_back(static_cast<uint32_t>(required_.size()));
  for (uint32_t s = 0; s < v.synsets.size(); ++s) {
    const auto& phrases = v.synsets[s].phrases;
    for (uint32_t ph = 0; ph < phrases.size(); ++ph) {
      if (phrases[ph].empty()) continue;
      synset_by_first_[(static_cast<uint64_t>(s) << 32) | phrases[ph][0]].push_back(ph);
    }
  }
}

bool PatternIndex::may_match(uint32_t pattern, const WordPresence& present) const {
  for (uint32_t i = required_begin_[pattern]; i < required_begin_[pattern + 1]; ++i)
    if (!present.has(required_[i])) return false;
  return true;
}

std::span<const uint32_t> PatternIndex::synset_phrases(uint32_t synset, uint32_t first_word) const {
  if (!first_word) return {};
  auto it = synset_by_first_.find((static_cast<uint64_t>(synset) << 32) | first_word);
  if (it == synset_by_first_.end()) return {};
  return it->second;
}

FrontedAct fronted_act(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t verb_chunk) {
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin;
  auto names_actor = [&](const Chunk& c) {
    return actors.group_at[c.begin - b] >= 0 || actors.group_at[c.end - 1 - b] >= 0;
  };
  if (verb_chunk <= s.chunk_begin) return {};
  const Chunk& vg = doc.chunks[verb_chunk];
  const Chunk& np = doc.chunks[verb_chunk - 1];
  if (np.kind != ChunkKind::kNounPhrase || np.end != vg.begin) return {};
  if (!names_actor(np)) return {static_cast<int32_t>(verb_chunk - 1), -1};
  // "an agreement between Kenya and Uganda was reached", "the arrest of the
  // opposition leader was ordered": the act's noun phrase, then the parties
  // in a prepositional phrase that ends at the verb.
  const int32_t g = actors.group_at[vg.begin - 1 - b];
  if (g < 0 || actors.groups[static_cast<size_t>(g)].end != vg.begin) return {};
  uint32_t first = actors.groups[static_cast<size_t>(g)].begin;
  while (first > b && (doc.tokens[first - 1].tag == Tag::kDet || doc.tokens[first - 1].tag == Tag::kAdj ||
                       doc.tokens[first - 1].tag == Tag::kNum))
    --first;
  if (first <= b + 1) return {};
  const std::string_view w = doc.norm_of(doc.tokens[first - 1]);
  if (w != "BETWEEN" && w != "AMONG" && w != "WITH" && w != "OF" && w != "AGAINST" && w != "ON" && w != "TO") return {};
  const int32_t act = doc.chunk_at(sentence, first - 2);
  if (act < 0) return {};
  const Chunk& a = doc.chunks[static_cast<size_t>(act)];
  if (a.kind != ChunkKind::kNounPhrase || a.end != first - 1 || names_actor(a)) return {};
  return {act, g};
}

PatternMatch match_pattern(const Doc& doc, uint32_t sentence, const Dictionaries& dicts, const PatternIndex& index,
                           const WordPresence& present, const VerbHit& hit, const SentenceActors& actors,
                           uint32_t clause_end) {
  const Sentence& s = doc.sentences[sentence];
  Cursor c{doc, dicts, index, actors, s.token_begin, s.token_end, clause_end};
  const VerbEntry& form = dicts.verbs.forms[hit.form];
  const VerbBlock& block = dicts.verbs.blocks[form.block];
  // A passive verb's subject noun phrase, right before the verb group and
  // naming no actor, holds what an active sentence puts after the verb.
  std::pair<uint32_t, uint32_t> fronted{0, 0};
  if (!hit.nominal && hit.group > static_cast<int32_t>(s.chunk_begin) &&
      (doc.chunks[static_cast<size_t>(hit.group)].flags & kPassive)) {
    const int32_t np = fronted_act(doc, sentence, actors, static_cast<uint32_t>(hit.group)).chunk;
    if (np >= 0) fronted = {doc.chunks[static_cast<size_t>(np)].begin, doc.chunks[static_cast<size_t>(np)].end};
  }
  PatternMatch best;
  for (uint32_t p : block.patterns) {
    if (!index.may_match(p, present)) continue;
    PatternMatch m;
    // "fired at protesters" is the form FIRE_AT, and the block's pattern
    // "* (AT &PROTESTER)" names the particle again: the words of the form
    // after its inflected word may also be the pattern's first words.
    bool matched = try_pattern(c, dicts, dicts.verbs.patterns[p], hit, hit.end, m);
    if (!matched && hit.anchor + 1 < hit.end) {
      m = PatternMatch{};
      matched = try_pattern(c, dicts, dicts.verbs.patterns[p], hit, hit.anchor + 1, m);
    }
    if (!matched && fronted.first < fronted.second) {
      m = PatternMatch{};
      matched = try_pattern(c, dicts, dicts.verbs.patterns[p], hit, hit.end, m, fronted);
    }
    if (!matched) continue;
    if (m.score > best.score) {
      m.pattern = static_cast<int32_t>(p);
      best = m;
    }
  }
  return best;
}

}  // namespace parley
