// Speakers of quotations: attribution patterns around the marks, and the
// speaker's actor code (see quotes.h for the order of the rules).
#include "quotes/speakers.h"

#include <string_view>

namespace parley::quotes_detail {
namespace {

bool is_norm(const Doc& doc, uint32_t i, std::string_view w) {
  return i < doc.tokens.size() && doc.norm_of(doc.tokens[i]) == w;
}

// A speech verb group: its head is a finite or past form of a speech verb, not
// a gerund ("noting that …" continues the writer's sentence) and not passive.
bool speech_group(const Doc& doc, const QuoteFinder& finder, const Chunk& vg) {
  if (vg.kind != ChunkKind::kVerbGroup || (vg.flags & (kPassive | kInfinitive))) return false;
  const Token& head = doc.tokens[vg.head];
  return head.verb_form != VerbForm::kGerund && finder.is_speech_verb(doc, head);
}

// A preposition that joins a postmodifier to a speaker's noun phrase: "the
// foreign minister of Russia", "a spokesman for the ministry", "an official
// at the embassy", "a source from the party", "an analyst with the bank".
bool speaker_postmodifier(const Doc& doc, uint32_t i) {
  return is_norm(doc, i, "OF") || is_norm(doc, i, "FOR") || is_norm(doc, i, "AT") || is_norm(doc, i, "FROM") ||
         is_norm(doc, i, "WITH");
}

// Up to two postmodifiers "PREP NP" after the noun phrase ending at `end`
// (exclusive), within [.., e): where the speaker phrase ends.
uint32_t past_postmodifiers(const Doc& doc, uint32_t end, uint32_t e) {
  for (int n = 0; n < 2 && end + 1 < e && speaker_postmodifier(doc, end); ++n) {
    const int32_t np = chunk_starting_at(doc, end + 1, ChunkKind::kNounPhrase);
    if (np < 0) break;
    end = doc.chunks[np].end;
  }
  return end;
}

// Where the speaker phrase whose last noun phrase starts at `begin` starts:
// back over up to two "NP PREP" heads ("the foreign minister of | Russia").
uint32_t before_postmodifiers(const Doc& doc, uint32_t sentence, uint32_t begin) {
  const uint32_t b = doc.sentences[sentence].token_begin;
  for (int n = 0; n < 2 && begin > b + 1 && speaker_postmodifier(doc, begin - 1); ++n) {
    const int32_t np = chunk_ending_at(doc, sentence, begin - 1, ChunkKind::kNounPhrase);
    if (np < 0) break;
    begin = doc.chunks[np].begin;
  }
  return begin;
}

// The subject noun phrase that ends right before token `pos` (adverbs may lie
// between: "Dmitriev later shared"), widened over an appositive:
// "Yuri Ushakov, a Kremlin aide, said".
Attributed subject_before(const Doc& doc, uint32_t sentence, uint32_t pos) {
  Attributed a;
  const uint32_t b = doc.sentences[sentence].token_begin;
  uint32_t j = pos;
  while (j > b && doc.tokens[j - 1].tag == Tag::kAdv) --j;
  bool comma = false;
  if (j > b && is_norm(doc, j - 1, ",")) { comma = true; --j; }
  const int32_t np = chunk_ending_at(doc, sentence, j, ChunkKind::kNounPhrase);
  if (np < 0) return a;
  const Chunk& c = doc.chunks[np];
  a.speaker_begin = static_cast<int32_t>(before_postmodifiers(doc, sentence, c.begin));
  a.speaker_end = static_cast<int32_t>(c.end);
  if (comma) {
    // Only an appositive pair "NAME , TITLE ," qualifies; a lone comma before
    // the verb means the noun phrase is not its subject.
    if (c.begin > b + 1 && is_norm(doc, c.begin - 1, ",")) {
      const int32_t first = chunk_ending_at(doc, sentence, c.begin - 1, ChunkKind::kNounPhrase);
      if (first >= 0) { a.speaker_begin = static_cast<int32_t>(doc.chunks[first].begin); return a; }
    }
    a.speaker_begin = a.speaker_end = -1;
  }
  return a;
}

// The group (and member) covering token k of sentence s, as a code; empty if none.
std::string code_at(const Doc& doc, const std::vector<SentenceActors>& actors, uint32_t k) {
  if (k >= doc.tokens.size()) return {};
  const uint32_t s = doc.tokens[k].sentence;
  if (s >= actors.size() || s >= doc.sentences.size()) return {};
  const SentenceActors& sa = actors[s];
  const uint32_t b = doc.sentences[s].token_begin;
  if (k < b || k - b >= sa.group_at.size()) return {};
  const int32_t g = sa.group_at[k - b];
  if (g < 0 || static_cast<size_t>(g) >= sa.groups.size()) return {};
  const ActorGroup& group = sa.groups[g];
  for (uint32_t r = group.first; r < group.first + group.count && r < sa.refs.size(); ++r)
    if (sa.refs[r].begin <= k && k < sa.refs[r].end) return sa.refs[r].name_only ? std::string() : sa.refs[r].code;
  // An unlisted name ("---") tells nothing: an appositive may.
  if (!group.count || group.first >= sa.refs.size() || sa.refs[group.first].name_only) return {};
  return sa.refs[group.first].code;
}

std::string code_in(const Doc& doc, const std::vector<SentenceActors>& actors, uint32_t begin, uint32_t end) {
  // From the end: in "geopolitical analyst Gerhard Mangott" the name decides
  // before the title does.
  for (uint32_t k = end; k-- > begin;) {
    std::string code = code_at(doc, actors, k);
    if (code.empty()) continue;
    // "the minister of defence of Russia": a bare country after a title with
    // no country of its own gives the title its country (RUS + ---GOV).
    if (code.size() == 3 && code != "---") {
      for (uint32_t t = k; t-- > begin;) {
        const std::string title = code_at(doc, actors, t);
        if (title.size() > 3 && title.compare(0, 3, "---") == 0) return code + title.substr(3);
      }
    }
    return code;
  }
  return {};
}

// The code of an appositive next to the noun phrase around token k:
// "Kirill Dmitriev , Russia's presidential envoy" or "A senior Kremlin aide ,
// Yuri Ushakov".
std::string appositive_code(const Doc& doc, const std::vector<SentenceActors>& actors, uint32_t k) {
  const uint32_t s = doc.tokens[k].sentence;
  const Sentence& sent = doc.sentences[s];
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
    const Chunk& np = doc.chunks[c];
    if (np.kind != ChunkKind::kNounPhrase || k < np.begin || k >= np.end) continue;
    if (np.end + 1 < sent.token_end && is_norm(doc, np.end, ",")) {
      const int32_t next = chunk_starting_at(doc, np.end + 1, ChunkKind::kNounPhrase);
      if (next >= 0) {
        std::string code = code_in(doc, actors, doc.chunks[next].begin, doc.chunks[next].end);
        if (!code.empty()) return code;
      }
    }
    if (np.begin > sent.token_begin + 1 && is_norm(doc, np.begin - 1, ",")) {
      const int32_t prev = chunk_ending_at(doc, s, np.begin - 1, ChunkKind::kNounPhrase);
      if (prev >= 0) {
        std::string code = code_in(doc, actors, doc.chunks[prev].begin, doc.chunks[prev].end);
        if (!code.empty()) return code;
      }
    }
    break;
  }
  return {};
}

}  // namespace

int32_t chunk_starting_at(const Doc& doc, uint32_t i, ChunkKind kind) {
  if (i >= doc.tokens.size()) return -1;
  const Sentence& sent = doc.sentences[doc.tokens[i].sentence];
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c)
    if (doc.chunks[c].begin == i && doc.chunks[c].kind == kind) return static_cast<int32_t>(c);
  return -1;
}

int32_t chunk_ending_at(const Doc& doc, uint32_t sentence, uint32_t end, ChunkKind kind) {
  const Sentence& sent = doc.sentences[sentence];
  for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c)
    if (doc.chunks[c].end == end && doc.chunks[c].kind == kind) return static_cast<int32_t>(c);
  return -1;
}

Attributed trailing_attribution(const Doc& doc, const QuoteFinder& finder, uint32_t close) {
  Attributed a;
  if (close >= doc.tokens.size()) return a;
  const uint32_t s = doc.tokens[close].sentence;
  const uint32_t e = doc.sentences[s].token_end;
  uint32_t i = close + 1;
  if (i < e && is_norm(doc, i, ",")) ++i;  // ”, he said (comma outside the marks)
  if (i >= e) return a;
  // “…,” said geopolitical analyst Gerhard Mangott.
  if (int32_t vg = chunk_starting_at(doc, i, ChunkKind::kVerbGroup); vg >= 0) {
    const Chunk& v = doc.chunks[vg];
    if (!speech_group(doc, finder, v)) return a;
    const int32_t np = chunk_starting_at(doc, v.end, ChunkKind::kNounPhrase);
    if (np < 0) return a;
    a.verb = static_cast<int32_t>(v.head);
    a.speaker_begin = static_cast<int32_t>(doc.chunks[np].begin);
    a.speaker_end = static_cast<int32_t>(past_postmodifiers(doc, doc.chunks[np].end, e));
    return a;
  }
  // “…,” Ushakov said.   “…,” the minister later told reporters.
  const int32_t np = chunk_starting_at(doc, i, ChunkKind::kNounPhrase);
  if (np < 0) return a;
  uint32_t j = past_postmodifiers(doc, doc.chunks[np].end, e);
  uint32_t speaker_end = j;
  // “…,” Yuri Ushakov, a Kremlin aide, said.
  if (j < e && is_norm(doc, j, ",")) {
    const int32_t appositive = chunk_starting_at(doc, j + 1, ChunkKind::kNounPhrase);
    if (appositive < 0) return a;
    j = doc.chunks[appositive].end;
    if (j >= e || !is_norm(doc, j, ",")) return a;
    speaker_end = j;
    ++j;
  }
  while (j < e && doc.tokens[j].tag == Tag::kAdv) ++j;
  const int32_t vg = chunk_starting_at(doc, j, ChunkKind::kVerbGroup);
  if (vg < 0 || !speech_group(doc, finder, doc.chunks[vg])) return a;
  a.verb = static_cast<int32_t>(doc.chunks[vg].head);
  a.speaker_begin = static_cast<int32_t>(doc.chunks[np].begin);
  a.speaker_end = static_cast<int32_t>(speaker_end);
  return a;
}

Attributed leading_attribution(const Doc& doc, const QuoteFinder& finder, uint32_t open) {
  Attributed a;
  if (open == 0 || open >= doc.tokens.size()) return a;
  uint32_t p = open - 1;
  const uint32_t s0 = doc.tokens[open].sentence;
  if (open == doc.sentences[s0].token_begin && !is_norm(doc, p, ":")) return a;
  const uint32_t s = doc.tokens[p].sentence;
  const uint32_t b = doc.sentences[s].token_begin;
  const bool punct = is_norm(doc, p, ":") || is_norm(doc, p, ",");
  // The nearest verb group before the mark must be the speech verb: in
  // "analysts see the meeting as … :" it is not, and nobody is quoted.
  const Sentence& sent = doc.sentences[s];
  int32_t vg = -1;
  for (uint32_t c = sent.chunk_end; c-- > sent.chunk_begin;) {
    const Chunk& ch = doc.chunks[c];
    if (ch.begin > p) continue;
    if (ch.kind == ChunkKind::kVerbGroup) { vg = static_cast<int32_t>(c); break; }
  }
  if (vg < 0) return a;
  const Chunk& v = doc.chunks[vg];
  if (!punct && v.end != open) return a;          // "said “…”" only directly
  for (uint32_t k = v.end; k < p; ++k)            // no other quotation in between
    if (doc.tokens[k].tag == Tag::kQuote) return a;
  if (!speech_group(doc, finder, v)) return a;
  Attributed subject = subject_before(doc, s, v.begin);
  if (subject.speaker_begin < 0 || static_cast<uint32_t>(subject.speaker_begin) < b) return a;
  subject.verb = static_cast<int32_t>(v.head);
  return subject;
}

std::string speaker_code(const Doc& doc, const std::vector<SentenceActors>& actors, uint32_t begin,
                         uint32_t end) {
  if (begin >= end || end > doc.tokens.size()) return {};
  std::string code = code_in(doc, actors, begin, end);
  if (!code.empty()) return code;
  // The name: the last proper noun of the speaker phrase.
  int64_t name = -1;
  for (uint32_t k = end; k-- > begin;)
    if (doc.tokens[k].tag == Tag::kProper) { name = k; break; }
  if (name < 0) return {};
  code = appositive_code(doc, actors, static_cast<uint32_t>(name));
  if (!code.empty()) return code;
  // Other mentions of the same name: nearest earlier ones first (the full
  // introduction usually comes first), then later ones.
  const std::string_view key = doc.norm_of(doc.tokens[name]);
  auto try_mention = [&](uint32_t k) -> bool {
    const Token& t = doc.tokens[k];
    if (t.tag != Tag::kProper || doc.norm_of(t) != key) return false;
    code = code_at(doc, actors, k);
    if (code.empty()) code = appositive_code(doc, actors, k);
    return !code.empty();
  };
  for (uint32_t k = static_cast<uint32_t>(name); k-- > 0;)
    if (try_mention(k)) return code;
  for (uint32_t k = static_cast<uint32_t>(name) + 1; k < doc.tokens.size(); ++k)
    if (try_mention(k)) return code;
  return {};
}

}  // namespace parley::quotes_detail
