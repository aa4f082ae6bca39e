// Loading WordNet's index and exception files into the lexicon.
#include "tokens/lexicon.h"

#include <cstdio>
#include <cstring>

#include "tokens/lexicon_builder.h"
#include "tokens/morphology.h"

namespace parley {
namespace {

void read_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    throw LexiconError("lexicon: cannot read WordNet file " + path +
                       " (install the WordNet data with `apt-get install wordnet-base`, or pass the "
                       "directory holding index.noun etc.)");
  }
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  out.resize(size > 0 ? static_cast<size_t>(size) : 0);
  size_t got = out.empty() ? 0 : std::fread(out.data(), 1, out.size(), f);
  std::fclose(f);
  out.resize(got);
}

// Upper-cases a WordNet word into buf; false for multi-word entries
// ("abu_dhabi") and words the tokenizer never produces.
bool upper_word(std::string_view w, char* buf, size_t& len) {
  if (w.empty() || w.size() > LexTable::kMaxKey) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == '_') return false;
    buf[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  }
  len = w.size();
  return true;
}

template <typename F>
void for_each_line(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line[0] != ' ') f(line);  // license header lines start with spaces
    pos = nl + 1;
  }
}

bool all_letters(std::string_view w) {
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return w.size() >= 2;
}

}  // namespace

uint32_t LexiconBuilder::add(std::string_view form, uint16_t pos, uint8_t forms, uint8_t flags,
                             std::string_view lemma, uint8_t rank, uint32_t lemma_off) {
  if (form.empty() || form.size() > LexTable::kMaxKey || lemma.size() > LexTable::kMaxKey) return kUnknownOffset;
  // The lemma's bytes: an existing key if there is one, so the arena holds each word once.
  LexSlot& s = t_.insert(form);
  s.pos_bits |= pos;
  s.verb_forms |= forms;
  s.flags |= flags;
  if (rank <= s.lemma_rank) return s.key_off;
  s.lemma_rank = rank;
  if (lemma.empty() || lemma == form) {
    s.lemma_off = s.key_off;
    s.lemma_len = s.key_len;
    return s.key_off;
  }
  if (lemma_off == kUnknownOffset) {
    const LexSlot* l = t_.find(lemma);  // find() and append() never move slots
    lemma_off = l ? l->key_off : t_.append(lemma);
  }
  s.lemma_off = lemma_off;
  s.lemma_len = static_cast<uint8_t>(lemma.size());
  return s.key_off;
}

namespace {

// A decimal count, or false (malformed or too long to be one).
bool parse_count(std::string_view digits, uint32_t& n) {
  if (digits.empty() || digits.size() > 9) return false;
  n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  return true;
}

// An index line's tagsense_cnt: "lemma pos synset_cnt p_cnt [ptr_symbol...]
// sense_cnt tagsense_cnt synset_offset..." (wndb(5WN)); 0 if malformed.
uint32_t tagged_senses(std::string_view line) {
  size_t at = 0;
  auto next_field = [&](std::string_view& out) {
    while (at < line.size() && line[at] == ' ') ++at;
    const size_t start = at;
    while (at < line.size() && line[at] != ' ') ++at;
    out = line.substr(start, at - start);
    return !out.empty();
  };
  std::string_view field;
  for (int k = 0; k < 4; ++k)  // lemma, pos, synset_cnt, p_cnt
    if (!next_field(field)) return 0;
  uint32_t pointers = 0;
  if (!parse_count(field, pointers)) return 0;
  for (uint32_t k = 0; k <= pointers; ++k)  // the pointer symbols, then sense_cnt
    if (!next_field(field)) return 0;
  uint32_t tagged = 0;
  if (!next_field(field) || !parse_count(field, tagged)) return 0;
  return tagged;
}

}  // namespace

void LexiconBuilder::load_index(const std::string& path, uint16_t pos, std::vector<uint64_t>* lemmas,
                                std::unordered_map<std::string, uint32_t>* tagged) {
  read_file(path, scratch_);
  char buf[LexTable::kMaxKey + 1];
  for_each_line(scratch_, [&](std::string_view line) {
    size_t sp = line.find(' ');
    size_t len;
    if (sp == std::string_view::npos || !upper_word(line.substr(0, sp), buf, len)) return;
    std::string_view w(buf, len);
    if (tagged) {
      const uint32_t n = tagged_senses(line);
      if (n > 0) (*tagged)[std::string(w)] = n;
    }
    uint8_t forms = (pos & kPosVerb) ? verb_form_bit(VerbForm::kBase) : 0;
    uint32_t off = add(w, pos, forms, kLexWordNet, {}, (pos & kPosVerb) ? kRankVerbForm : kRankSelf);
    if (lemmas) lemmas->push_back(off | (static_cast<uint64_t>(len) << 32));
  });
}

void LexiconBuilder::load_exceptions(const std::string& path, uint16_t pos) {
  read_file(path, scratch_);
  char form_buf[LexTable::kMaxKey + 1], lemma_buf[LexTable::kMaxKey + 1];
  for_each_line(scratch_, [&](std::string_view line) {
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return;
    size_t sp2 = line.find(' ', sp + 1);
    std::string_view form_raw = line.substr(0, sp);
    std::string_view lemma_raw = line.substr(sp + 1, sp2 == std::string_view::npos ? line.npos : sp2 - sp - 1);
    size_t fl, ll;
    if (!upper_word(form_raw, form_buf, fl) || !upper_word(lemma_raw, lemma_buf, ll)) return;
    std::string_view form(form_buf, fl), lemma(lemma_buf, ll);
    if (pos == kPosNoun) {
      add(form, kPosNoun, 0, kLexPluralNoun, lemma, kRankNounForm);
    } else if (pos == kPosVerb) {
      const LexSlot* l = t_.find(lemma);
      bool gerund = form.size() > 3 && form.substr(form.size() - 3) == "ING";
      // The irregular table knows past from participle; WordNet does not.
      if (l && (l->flags & kLexIrregular) && !gerund) return;
      uint8_t forms = gerund ? verb_form_bit(VerbForm::kGerund)
                             : verb_form_bit(VerbForm::kPast) | verb_form_bit(VerbForm::kPastParticiple);
      add(form, kPosVerb, forms, 0, lemma, kRankVerbForm);
    } else {
      add(form, pos, 0, 0, lemma, kRankComparative);
    }
  });
}

void LexiconBuilder::generate_verb_forms(const std::vector<uint64_t>& verbs) {
  char lemma_buf[LexTable::kMaxKey + 1], out[LexTable::kMaxKey + 8];
  for (uint64_t packed : verbs) {
    size_t len = static_cast<size_t>(packed >> 32);
    std::string_view arena_lemma = t_.arena_view(static_cast<uint32_t>(packed), len);
    if (!all_letters(arena_lemma) || len > LexTable::kMaxKey - 4) continue;
    std::memcpy(lemma_buf, arena_lemma.data(), len);  // add() may grow the arena
    std::string_view lemma(lemma_buf, len);
    const uint32_t off = static_cast<uint32_t>(packed);
    bool irregular = (t_.find(lemma)->flags & kLexIrregular) != 0;
    constexpr uint8_t kP3 = verb_form_bit(VerbForm::kPresent3);
    add({out, inflect_s(lemma, out)}, kPosVerb, kP3, 0, lemma, kRankVerbForm, off);
    if (size_t n = inflect_oes(lemma, out)) add({out, n}, kPosVerb, kP3, 0, lemma, kRankVerbForm, off);
    add({out, inflect_ing(lemma, out)}, kPosVerb, verb_form_bit(VerbForm::kGerund), 0, lemma, kRankVerbForm, off);
    if (!irregular)
      add({out, inflect_ed(lemma, out)}, kPosVerb,
          verb_form_bit(VerbForm::kPast) | verb_form_bit(VerbForm::kPastParticiple), 0, lemma, kRankVerbForm, off);
  }
}

void LexiconBuilder::generate_noun_plurals(const std::vector<uint64_t>& nouns) {
  char lemma_buf[LexTable::kMaxKey + 1], out[LexTable::kMaxKey + 8];
  for (uint64_t packed : nouns) {
    size_t len = static_cast<size_t>(packed >> 32);
    std::string_view arena_lemma = t_.arena_view(static_cast<uint32_t>(packed), len);
    if (!all_letters(arena_lemma) || len > LexTable::kMaxKey - 4) continue;
    std::memcpy(lemma_buf, arena_lemma.data(), len);
    std::string_view lemma(lemma_buf, len);
    const uint32_t off = static_cast<uint32_t>(packed);
    add({out, inflect_s(lemma, out)}, kPosNoun, 0, kLexPluralNoun, lemma, kRankNounForm, off);
    if (size_t n = inflect_oes(lemma, out)) add({out, n}, kPosNoun, 0, kLexPluralNoun, lemma, kRankNounForm, off);
  }
}

// "holds talks", "takes issue", "makes demands": WordNet's sense-tagged
// counts say how often a lemma is a verb against a noun in running text; an
// -s form of a lemma tagged as a verb at least three times as often (and at
// least three times) is usually the verb, not the noun plural.  The tagger
// reads it where a noun follows ("Kenya takes issue with"), where the noun
// plural would otherwise win.
void LexiconBuilder::mark_usual_verbs(const std::unordered_map<std::string, uint32_t>& verb_tagged,
                                      const std::unordered_map<std::string, uint32_t>& noun_tagged) {
  constexpr uint32_t kFewestVerbTags = 3, kVerbToNoun = 3;
  char out[LexTable::kMaxKey + 8];
  for (const auto& [lemma, verb_count] : verb_tagged) {
    if (verb_count < kFewestVerbTags || !all_letters(lemma) || lemma.size() > LexTable::kMaxKey - 4) continue;
    const auto noun = noun_tagged.find(lemma);
    const uint32_t noun_count = noun == noun_tagged.end() ? 0 : noun->second;
    if (noun_count * kVerbToNoun > verb_count) continue;
    add({out, inflect_s(lemma, out)}, 0, 0, kLexUsualVerb, {}, 0);  // rank 0: only the flag is added
  }
}

void LexiconBuilder::load_wordnet(const std::string& dir) {
  std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  t_.reserve(175000, 2u << 20);  // WordNet 3.0 gives ~160k forms
  std::vector<uint64_t> nouns, verbs;
  nouns.reserve(120000);
  verbs.reserve(12000);
  std::unordered_map<std::string, uint32_t> verb_tagged, noun_tagged;
  load_index(base + "index.verb", kPosVerb, &verbs, &verb_tagged);
  load_index(base + "index.noun", kPosNoun, &nouns, &noun_tagged);
  load_index(base + "index.adj", kPosAdj, nullptr);
  load_index(base + "index.adv", kPosAdv, nullptr);
  add_irregular_verbs();
  generate_verb_forms(verbs);
  generate_noun_plurals(nouns);
  mark_usual_verbs(verb_tagged, noun_tagged);
  load_exceptions(base + "verb.exc", kPosVerb);
  load_exceptions(base + "noun.exc", kPosNoun);
  load_exceptions(base + "adj.exc", kPosAdj);
  load_exceptions(base + "adv.exc", kPosAdv);
  std::string().swap(scratch_);
}

Lexicon::Lexicon(const std::string& wordnet_dir) {
  LexiconBuilder b(*this);
  b.load_wordnet(wordnet_dir);
  b.apply_closed_classes();
}

}  // namespace parley
