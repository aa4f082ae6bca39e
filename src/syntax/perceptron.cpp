// Loading and running the averaged-perceptron tagger (see perceptron.h).
//
// Model file (text, one feature a line):
//   parley-tagger-perceptron 3
//   classes NOUN PROPN PRON VERB AUX ADJ ADV DET ADP CONJ SCONJ REL NUM PART PUNCT QUOTE
//   features N
//   <16 hex digits: feature key> <class>:<weight> <class>:<weight> ...   (N lines)
//   words M
//   <16 hex digits: word key> <class>                                     (M lines)
// Classes are 0-based indexes into the classes line.
#include "syntax/perceptron.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace parley {

const char* tag_name(Tag t) {
  static const char* names[] = {"?",   "NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ",  "ADV",  "DET",
                                "ADP", "CONJ", "SCONJ", "REL", "NUM",  "PART", "PUNCT", "QUOTE"};
  return names[static_cast<int>(t)];
}

namespace {

constexpr std::string_view kMagic = "parley-tagger-perceptron 3";

[[noreturn]] void fail(const std::string& name, size_t line, const std::string& what) {
  throw TaggerModelError(name + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

PerceptronTagger PerceptronTagger::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TaggerModelError(path + ": cannot open the tagger model (rebuild it with `parley tagger train`)");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

PerceptronTagger PerceptronTagger::parse(std::string_view text, const std::string& name) {
  PerceptronTagger m;
  size_t pos = 0, line_no = 0;
  auto next_line = [&](std::string_view& line) {
    if (pos >= text.size()) return false;
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    ++line_no;
    return true;
  };
  std::string_view line;
  if (!next_line(line) || line != kMagic) fail(name, 1, "not a parley tagger model (expected \"" + std::string(kMagic) + "\")");
  if (!next_line(line) || line.substr(0, 8) != "classes ") fail(name, line_no ? line_no : 2, "expected the classes line");
  {
    std::string expect = "classes";
    for (int c = 1; c <= perceptron::kClasses; ++c) expect += std::string(" ") + tag_name(static_cast<Tag>(c));
    if (line != expect) fail(name, line_no, "the classes differ from this parley's tag set (expected \"" + expect + "\")");
  }
  // "features N", "words M": a header line and the count it gives.
  auto read_count = [&](std::string_view prefix, const char* expected, const char* bad) {
    size_t n = 0;
    if (!next_line(line) || line.substr(0, prefix.size()) != prefix) fail(name, line_no + 1, expected);
    auto [p, ec] = std::from_chars(line.data() + prefix.size(), line.data() + line.size(), n);
    if (ec != std::errc() || p != line.data() + line.size()) fail(name, line_no, bad);
    return n;
  };
  const size_t count = read_count("features ", "expected \"features N\"", "bad feature count");
  size_t cap = 16;
  while (cap < count * 2 + 2) cap <<= 1;
  m.slots_.assign(cap, Slot{0, 0, 0});
  m.mask_ = cap - 1;
  m.cells_.reserve(count * 3);
  size_t seen = 0;
  while (seen < count) {
    if (!next_line(line))
      fail(name, line_no, "the header promises " + std::to_string(count) + " features, the file has " + std::to_string(seen));
    if (line.size() < 17 || line[16] != ' ') fail(name, line_no, "expected a 16-digit hex key and weights");
    uint64_t key = 0;
    auto [kp, kec] = std::from_chars(line.data(), line.data() + 16, key, 16);
    if (kec != std::errc() || kp != line.data() + 16 || key == 0) fail(name, line_no, "bad feature key");
    const uint32_t begin = static_cast<uint32_t>(m.cells_.size());
    size_t i = 17;
    while (i < line.size()) {
      size_t sp = line.find(' ', i);
      if (sp == std::string_view::npos) sp = line.size();
      std::string_view item = line.substr(i, sp - i);
      size_t colon = item.find(':');
      unsigned cls = 0;
      if (colon == std::string_view::npos) fail(name, line_no, "expected class:weight, got \"" + std::string(item) + "\"");
      auto [cp, cec] = std::from_chars(item.data(), item.data() + colon, cls);
      if (cec != std::errc() || cp != item.data() + colon || cls >= perceptron::kClasses)
        fail(name, line_no, "bad class in \"" + std::string(item) + "\"");
      std::string wtext(item.substr(colon + 1));
      char* end = nullptr;
      const float w = std::strtof(wtext.c_str(), &end);
      if (wtext.empty() || end != wtext.c_str() + wtext.size()) fail(name, line_no, "bad weight in \"" + std::string(item) + "\"");
      m.cells_.push_back(Cell{w, cls});
      i = sp + 1;
    }
    uint64_t slot = key & m.mask_;
    while (m.slots_[slot].key != 0) {
      if (m.slots_[slot].key == key) fail(name, line_no, "duplicate feature key");
      slot = (slot + 1) & m.mask_;
    }
    m.slots_[slot] = Slot{key, begin, static_cast<uint32_t>(m.cells_.size())};
    ++seen;
  }
  m.used_ = seen;
  // The tag dictionary.
  const size_t words = read_count("words ", "expected \"words M\"", "bad word count");
  size_t wcap = 16;
  while (wcap < words * 2 + 2) wcap <<= 1;
  m.words_.assign(wcap, WordSlot{0, 0});
  m.words_mask_ = wcap - 1;
  for (size_t k = 0; k < words; ++k) {
    if (!next_line(line))
      fail(name, line_no, "the header promises " + std::to_string(words) + " words, the file has " + std::to_string(k));
    uint64_t key = 0;
    unsigned cls = 0;
    if (line.size() < 18 || line[16] != ' ') fail(name, line_no, "expected a 16-digit hex word key and a class");
    auto [kp, kec] = std::from_chars(line.data(), line.data() + 16, key, 16);
    auto [cp, cec] = std::from_chars(line.data() + 17, line.data() + line.size(), cls);
    if (kec != std::errc() || kp != line.data() + 16 || key == 0) fail(name, line_no, "bad word key");
    if (cec != std::errc() || cp != line.data() + line.size() || cls >= perceptron::kClasses) fail(name, line_no, "bad class");
    uint64_t slot = key & m.words_mask_;
    while (m.words_[slot].key != 0) {
      if (m.words_[slot].key == key) fail(name, line_no, "duplicate word key");
      slot = (slot + 1) & m.words_mask_;
    }
    m.words_[slot] = WordSlot{key, cls + 1};
  }
  m.words_used_ = words;
  while (next_line(line))
    if (!line.empty()) fail(name, line_no, "unexpected text after the tag dictionary");
  return m;
}

const PerceptronTagger::Slot* PerceptronTagger::find(uint64_t key) const {
  uint64_t slot = key & mask_;
  while (true) {
    const Slot& s = slots_[slot];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
    slot = (slot + 1) & mask_;
  }
}

Tag PerceptronTagger::dictionary_tag(uint64_t key) const {
  uint64_t slot = key & words_mask_;
  while (true) {
    const WordSlot& s = words_[slot];
    if (s.key == key) return static_cast<Tag>(s.cls);
    if (s.key == 0) return Tag::kUnknown;
    slot = (slot + 1) & words_mask_;
  }
}

void PerceptronTagger::score(const perceptron::TokenHashes* toks, uint32_t n, uint32_t i, uint32_t prev, uint32_t prev2,
                             uint32_t casing, float* scores) const {
  for (int c = 0; c < perceptron::kClasses; ++c) scores[c] = 0;
  // The table is far bigger than the caches and each feature is a random
  // access: fetch all of a token's slots at once, then all their weights, so
  // the misses overlap instead of following one another.
  uint64_t keys[perceptron::kMaxFeatures];
  int count = 0;
  perceptron::features(toks, n, i, prev, prev2, casing, [&](uint64_t key) {
    keys[count++] = key;
    __builtin_prefetch(&slots_[key & mask_]);
  });
  const Slot* found[perceptron::kMaxFeatures];
  int hits = 0;
  for (int k = 0; k < count; ++k) {
    if (const Slot* slot = find(keys[k])) {
      found[hits++] = slot;
      __builtin_prefetch(&cells_[slot->begin]);
    }
  }
  for (int k = 0; k < hits; ++k)
    for (uint32_t c = found[k]->begin; c < found[k]->end; ++c) scores[cells_[c].cls] += cells_[c].w;
}

void PerceptronTagger::tag(const perceptron::TokenView* toks, uint32_t n, Tag* out) const {
  if (slots_.empty()) return;
  thread_local std::vector<perceptron::TokenHashes> hashes;
  if (hashes.size() < n) hashes.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    hashes[i] = perceptron::hash_token(toks[i]);
    hashes[i].known = static_cast<uint8_t>(dictionary_tag(perceptron::word_key(hashes[i])));
  }
  const uint32_t casing = perceptron::sentence_casing(hashes.data(), n);
  uint32_t prev = 0, prev2 = 0;
  float scores[perceptron::kClasses];
  for (uint32_t i = 0; i < n; ++i) {
    const Tag known = static_cast<Tag>(hashes[i].known);
    if (known != Tag::kUnknown) {
      out[i] = known;
      prev2 = prev;
      prev = static_cast<uint32_t>(known);
      continue;
    }
    score(hashes.data(), n, i, prev, prev2, casing, scores);
    int best = 0;
    for (int c = 1; c < perceptron::kClasses; ++c)
      if (scores[c] > scores[best]) best = c;
    out[i] = static_cast<Tag>(best + 1);
    prev2 = prev;
    prev = static_cast<uint32_t>(best + 1);
  }
}

void PerceptronTagger::tag_sentence(Doc& doc, uint32_t s) const {
  const Sentence& sent = doc.sentences[s];
  const uint32_t n = sent.token_end - sent.token_begin;
  thread_local std::vector<perceptron::TokenView> views;
  thread_local std::vector<Tag> tags;
  if (views.size() < n) {
    views.resize(n);
    tags.resize(n);
  }
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = doc.tokens[sent.token_begin + k];
    perceptron::TokenView& v = views[k];
    v.raw = doc.text_of(t);
    v.norm = doc.norm_of(t);
    v.pos_bits = t.pos_bits;
    v.quote = t.tag == Tag::kQuote || perceptron::is_quote(v.raw);
  }
  tag(views.data(), n, tags.data());
  for (uint32_t k = 0; k < n; ++k) doc.tokens[sent.token_begin + k].tag = tags[k];
}

}  // namespace parley
