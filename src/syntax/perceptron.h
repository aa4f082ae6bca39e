// parley/syntax: an averaged-perceptron part-of-speech tagger (Collins 2002;
// the feature set of Honnibal's "A good POS tagger in about 200 lines", and
// more: see features()).
//
// Greedy, left to right: each token's tag is the best-scoring class given
// hashed features of the word, its suffixes, prefixes and shape, the lexicon's
// candidate parts of speech, the two neighbouring words either side, how the
// word, its neighbours and the sentence are capitalised, the tag dictionary's
// tags of the next two words and the two tags already chosen.  Trained by
// `parley tagger train` (perceptron_train.cpp) on Brown (mapped to parley's
// tags and UD's conventions), UD EWT dev and UD PUD; the model is a
// text file (data/tagger/model.txt) compiled at load into one flat
// open-addressing table, immutable afterwards and shared by all threads.
// Tagging allocates nothing.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "doc/doc.h"

namespace parley {

class TaggerModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace perceptron {

inline constexpr int kClasses = 16;  // Tag values 1..16 (kNoun .. kQuote)
inline constexpr int kMaxFeatures = 35;

// What the features see of one token.
struct TokenView {
  std::string_view raw;   // the token as written
  std::string_view norm;  // upper-case normalised form
  uint16_t pos_bits = 0;  // lexicon candidates
  bool quote = false;     // a quotation mark
};

inline bool is_quote(std::string_view raw) {
  return raw == "\"" || raw == "'" || raw == "`" || raw == "``" || raw == "''" || raw == "\xE2\x80\x9C" ||
         raw == "\xE2\x80\x9D" || raw == "\xE2\x80\x98" || raw == "\xE2\x80\x99";
}

inline uint64_t mix(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}
inline uint64_t mix(uint64_t h, uint64_t v) {
  for (int k = 0; k < 8; ++k) {
    h ^= (v >> (8 * k)) & 0xFF;
    h *= 0x100000001b3ull;
  }
  return h;
}
inline uint64_t seed(uint32_t templ) { return mix(0xcbf29ce484222325ull, static_cast<uint64_t>(templ) + 0x9e37); }

// The word as a feature value: numbers collapse into classes, quotes into one.
inline std::string_view word_class(const TokenView& t) {
  if (t.quote) return "\"";
  std::string_view w = t.norm;
  if (w.empty()) return "<empty>";
  bool digit = false, other = false;
  for (char c : w) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ',' && c != '.' && c != '-' && c != '/' && c != ':') other = true;
  }
  if (digit && !other) return w.size() == 4 && w[0] != '-' ? "!YEAR" : "!DIGITS";
  return w;
}

inline std::string_view suffix(std::string_view w, size_t n) { return w.size() > n ? w.substr(w.size() - n) : w; }

// A short shape of the raw form: X upper, x lower, d digit, - other; runs
// collapsed, at most 5 symbols.
inline uint64_t shape(std::string_view raw) {
  uint64_t s = 0;
  int n = 0;
  char last = 0;
  for (unsigned char c : raw) {
    char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : c >= 0x80 ? 'u' : '-';
    if (k == last) continue;
    last = k;
    s = s * 131 + static_cast<unsigned char>(k);
    if (++n == 5) break;
  }
  return s;
}

inline uint64_t fnv(std::string_view s) { return mix(0xcbf29ce484222325ull, s); }

// Combines a template's seed with a value's hash (a 64-bit finaliser).
inline uint64_t combine(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x ? x : 1;
}

// How a token is capitalised: 0 no letter first, 1 lower case, 2 Capitalised,
// 3 ALL CAPS (two letters or more), 4 a single capital letter.
inline uint32_t capital_class(std::string_view raw) {
  if (raw.empty()) return 0;
  const unsigned char c0 = static_cast<unsigned char>(raw[0]);
  if (c0 >= 'a' && c0 <= 'z') return 1;
  if (!(c0 >= 'A' && c0 <= 'Z')) return 0;
  int letters = 0;
  bool lower = false;
  for (unsigned char c : raw) {
    if (c >= 'a' && c <= 'z') lower = true, ++letters;
    else if (c >= 'A' && c <= 'Z') ++letters;
  }
  return lower ? 2 : letters >= 2 ? 3 : 4;
}

// Everything the features need of one token, hashed once per token.
struct TokenHashes {
  uint64_t word, suf2, suf3, suf4, pre1, pre2, pre3, raw, shape;
  uint16_t pos_bits;
  uint8_t capital;  // capital_class()
  uint8_t known;    // the tag dictionary's tag (0: not in it), a look-ahead the model may use
};

// How the sentence is written, from its tokens' capital classes (the first
// token aside): 0 no words, 1 no capital at all, 2 ordinary, 3 most words
// Capitalised (a title or headline), 4 most words in capitals.  Web text's
// lower-case names and title-case headings make capitals mean different things.
inline uint32_t sentence_casing(const TokenHashes* toks, uint32_t n) {
  uint32_t words = 0, caps = 0, upper = 0, lower = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t c = toks[i].capital;
    if (c == 0) continue;
    if (i > 0) {
      ++words;
      caps += c >= 2;
      upper += c == 3;
    }
    lower += c == 1;
  }
  if (words == 0) return 0;
  if (upper * 10 >= words * 7 && words >= 2) return 4;
  if (caps * 2 >= words && words >= 2) return 3;
  return caps == 0 && lower == words + (toks[0].capital == 1 ? 1 : 0) ? 1 : 2;
}

inline TokenHashes hash_token(const TokenView& t) {
  const std::string_view w = word_class(t);
  TokenHashes h;
  h.word = fnv(w);
  h.suf2 = fnv(suffix(w, 2));
  h.suf3 = fnv(suffix(w, 3));
  h.suf4 = fnv(suffix(w, 4));
  h.pre1 = fnv(w.substr(0, 1));
  h.pre2 = fnv(w.substr(0, 2));
  h.pre3 = fnv(w.substr(0, 3));
  h.raw = fnv(t.quote ? std::string_view("\"") : t.raw);
  h.shape = shape(t.raw);
  h.pos_bits = t.pos_bits;
  h.capital = static_cast<uint8_t>(t.quote ? 0 : capital_class(t.raw));
  h.known = 0;
  return h;
}

// The key of a word in the model's tag dictionary: frequent words that had
// one tag at least 97% of the time in training are tagged without scoring.
inline uint64_t word_key(const TokenHashes& t) { return combine(seed(99), t.word); }

// Calls emit(key) for each feature of token i (at most kMaxFeatures).
// prev/prev2: the tags chosen for tokens i-1 and i-2 (0 before the start);
// casing: sentence_casing() of the sentence.
template <class Emit>
inline void features(const TokenHashes* toks, uint32_t n, uint32_t i, uint32_t prev, uint32_t prev2, uint32_t casing,
                     Emit&& emit) {
  const TokenHashes& t = toks[i];
  constexpr uint64_t kStart = 0x5354415254ull, kEnd = 0x454e44ull, kNone = 0x4e4f4e45ull;
  const uint64_t pw = i >= 1 ? toks[i - 1].word : kStart;
  const uint64_t pw2 = i >= 2 ? toks[i - 2].word : kStart;
  const uint64_t nw = i + 1 < n ? toks[i + 1].word : kEnd;
  const uint64_t nw2 = i + 2 < n ? toks[i + 2].word : kEnd;
  const uint64_t next_bits = i + 1 < n ? toks[i + 1].pos_bits : 0xFFFF;
  const uint64_t prev_bits = i >= 1 ? toks[i - 1].pos_bits : 0xFFFF;
  emit(seed(0));
  emit(combine(seed(1), t.word));
  emit(combine(seed(2), t.suf3));
  emit(combine(seed(3), t.suf2));
  emit(combine(seed(4), t.pre1));
  emit(combine(seed(5), t.shape));
  emit(combine(seed(6), prev));
  emit(combine(seed(7), prev2));
  emit(combine(seed(8), prev * 64 + prev2));
  emit(combine(combine(seed(9), prev), t.word));
  emit(combine(seed(10), pw));
  emit(combine(seed(11), i >= 1 ? toks[i - 1].suf3 : kNone));
  emit(combine(seed(12), pw2));
  emit(combine(seed(13), nw));
  emit(combine(seed(14), i + 1 < n ? toks[i + 1].suf3 : kNone));
  emit(combine(seed(15), nw2));
  emit(combine(seed(16), t.pos_bits));
  emit(combine(seed(17), next_bits));
  emit(combine(seed(18), static_cast<uint64_t>(t.pos_bits) * 64 + prev));
  emit(combine(seed(19), t.suf4));
  emit(combine(seed(20), t.shape * 4 + (i == 0 ? 1 : 0)));
  emit(combine(combine(seed(21), t.word), nw));
  emit(combine(seed(22), t.raw));  // case kept: "Risk" vs "risk"
  emit(combine(seed(23), prev_bits));
  emit(combine(seed(24), static_cast<uint64_t>(t.pos_bits) * 65536 + next_bits));
  emit(combine(seed(25), t.pre2));
  emit(combine(seed(26), t.pre3));
  const uint32_t cap_prev = i >= 1 ? toks[i - 1].capital : 7, cap_next = i + 1 < n ? toks[i + 1].capital : 7;
  emit(combine(seed(27), cap_prev * 64 + t.capital * 8 + cap_next));
  emit(combine(seed(28), casing * 8 + t.capital));
  emit(combine(combine(seed(29), casing * 8 + t.capital), t.word));
  const uint32_t known1 = i + 1 < n ? toks[i + 1].known : 31, known2 = i + 2 < n ? toks[i + 2].known : 31;
  emit(combine(seed(30), known1 * 32 + known2));
  emit(combine(seed(31), prev * 32 + known1));
  emit(combine(combine(seed(32), pw), t.word));
  emit(combine(combine(seed(33), prev), nw));
  emit(combine(seed(34), i + 1 < n ? toks[i + 1].shape : kNone));
}

}  // namespace perceptron

// A trained model, compiled into flat tables.  Immutable after load.
class PerceptronTagger {
 public:
  // Reads a model file; throws TaggerModelError "FILE:LINE: what" on a malformed one.
  static PerceptronTagger load(const std::string& path);
  // Parses model text (`name` is used in error messages).
  static PerceptronTagger parse(std::string_view text, const std::string& name);

  // Tags toks[0..n) into out[0..n) (Tag values).
  void tag(const perceptron::TokenView* toks, uint32_t n, Tag* out) const;
  // Tags sentence s of doc in place (Token::tag).
  void tag_sentence(Doc& doc, uint32_t s) const;

  size_t features() const { return used_; }
  size_t dictionary_words() const { return words_used_; }
  size_t memory_bytes() const {
    return slots_.size() * sizeof(Slot) + cells_.size() * sizeof(Cell) + words_.size() * sizeof(WordSlot);
  }

 private:
  struct Cell {
    float w;
    uint32_t cls;  // 0-based class (Tag value - 1)
  };
  struct Slot {
    uint64_t key;  // 0 = empty
    uint32_t begin, end;  // into cells_
  };
  struct WordSlot {
    uint64_t key;  // 0 = empty
    uint32_t cls;  // Tag value
  };
  const Slot* find(uint64_t key) const;
  Tag dictionary_tag(uint64_t key) const;
  void score(const perceptron::TokenHashes* toks, uint32_t n, uint32_t i, uint32_t prev, uint32_t prev2,
             uint32_t casing, float* scores) const;

  std::vector<Slot> slots_;  // open addressing
  std::vector<Cell> cells_;
  std::vector<WordSlot> words_;  // the tag dictionary, open addressing
  uint64_t mask_ = 0, words_mask_ = 0;
  size_t used_ = 0, words_used_ = 0;
};

// Tag names used in model files and `parley explain` (index = Tag value).
const char* tag_name(Tag t);

}  // namespace parley
