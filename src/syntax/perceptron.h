// parley/syntax: an averaged-perceptron part-of-speech tagger (Collins 2002;
// the feature set of Honnibal's "A good POS tagger in about 200 lines").
//
// Greedy, left to right: each token's tag is the best-scoring class given
// hashed features of the word, its suffixes, prefix and shape, the lexicon's
// candidate parts of speech, the two neighbouring words either side and the
// two tags already chosen.  Trained by `parley tagger train` (perceptron_train.cpp)
// on Brown (mapped to parley's tags), UD EWT dev and UD PUD; the model is a
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
inline constexpr int kMaxFeatures = 25;

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

// The key of a word in the model's tag dictionary: frequent words that had
// one tag at least 97% of the time in training are tagged without scoring.
inline uint64_t word_key(const TokenView& t) {
  const uint64_t k = mix(seed(99), word_class(t));
  return k ? k : 1;
}

// Calls emit(key) for each feature of token i (at most kMaxFeatures).
// prev/prev2: the tags chosen for tokens i-1 and i-2 (0 before the start).
template <class Emit>
inline void features(const TokenView* toks, uint32_t n, uint32_t i, uint32_t prev, uint32_t prev2, Emit&& emit) {
  const TokenView& t = toks[i];
  const std::string_view w = word_class(t);
  const std::string_view none = "<none>";
  const std::string_view pw = i >= 1 ? word_class(toks[i - 1]) : "<s>";
  const std::string_view pw2 = i >= 2 ? word_class(toks[i - 2]) : "<s>";
  const std::string_view nw = i + 1 < n ? word_class(toks[i + 1]) : "</s>";
  const std::string_view nw2 = i + 2 < n ? word_class(toks[i + 2]) : "</s>";
  const uint16_t next_bits = i + 1 < n ? toks[i + 1].pos_bits : 0xFFFF;
  emit(seed(0));
  emit(mix(seed(1), w));
  emit(mix(seed(2), suffix(w, 3)));
  emit(mix(seed(3), suffix(w, 2)));
  emit(mix(seed(4), w.substr(0, 1)));
  emit(mix(seed(5), shape(t.raw)));
  emit(mix(seed(6), static_cast<uint64_t>(prev)));
  emit(mix(seed(7), static_cast<uint64_t>(prev2)));
  emit(mix(seed(8), static_cast<uint64_t>(prev * 64 + prev2)));
  emit(mix(mix(seed(9), static_cast<uint64_t>(prev)), w));
  emit(mix(seed(10), pw));
  emit(mix(seed(11), i >= 1 ? suffix(pw, 3) : none));
  emit(mix(seed(12), pw2));
  emit(mix(seed(13), nw));
  emit(mix(seed(14), i + 1 < n ? suffix(nw, 3) : none));
  emit(mix(seed(15), nw2));
  emit(mix(seed(16), static_cast<uint64_t>(t.pos_bits)));
  emit(mix(seed(17), static_cast<uint64_t>(next_bits)));
  emit(mix(seed(18), static_cast<uint64_t>(t.pos_bits) * 64 + prev));
  emit(mix(seed(19), suffix(w, 4)));
  emit(mix(seed(20), shape(t.raw) * 4 + (i == 0 ? 1 : 0)));
  emit(mix(mix(seed(21), w), nw));
  emit(mix(seed(22), t.quote ? std::string_view("\"") : t.raw));  // case kept: "Risk" vs "risk"
  emit(mix(seed(23), i >= 1 ? static_cast<uint64_t>(toks[i - 1].pos_bits) : 0xFFFFull));
  emit(mix(seed(24), static_cast<uint64_t>(t.pos_bits) * 65536 + next_bits));
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
  void score(const perceptron::TokenView* toks, uint32_t n, uint32_t i, uint32_t prev, uint32_t prev2,
             float* scores) const;

  std::vector<Slot> slots_;  // open addressing
  std::vector<Cell> cells_;
  std::vector<WordSlot> words_;  // the tag dictionary, open addressing
  uint64_t mask_ = 0, words_mask_ = 0;
  size_t used_ = 0, words_used_ = 0;
};

// Tag names used in model files and `parley explain` (index = Tag value).
const char* tag_name(Tag t);

}  // namespace parley
