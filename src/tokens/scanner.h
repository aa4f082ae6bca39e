// parley/tokens (internal): cuts one sentence's bytes into token pieces,
// Treebank style: DID|N'T, CA|N'T, RUSSIA|'S, COUNTRIES|', CAN|NOT; U.S. and
// 11.8 and war-torn and URLs stay whole; punctuation and quotes stand alone.
#pragma once

#include <cstdint>
#include <string_view>

namespace parley {

enum class PieceKind : uint8_t {
  kWord,
  kNumber,      // digits with , . : / - inside, no letters
  kPunct,
  kQuote,
  kUrl,         // URL or e-mail address
  kClitic,      // 's 're 've 'll 'd 'm n't, split from the word before
  kPossessive,  // the bare ' after a plural (COUNTRIES')
};

struct Piece {
  uint32_t begin = 0;
  uint32_t end = 0;
  PieceKind kind = PieceKind::kWord;
  bool space_before = false;
};

class Scanner {
 public:
  static constexpr uint32_t kMaxTokenBytes = 1024;  // longer runs are cut into pieces

  Scanner(std::string_view text, uint32_t begin, uint32_t end) : t_(text), pos_(begin), end_(end) {}
  bool next(Piece& out);

 private:
  uint32_t scan_word(uint32_t b);
  uint32_t scan_number(uint32_t b, bool& has_letters);
  uint32_t scan_url(uint32_t b) const;
  uint32_t scan_punct(uint32_t b, PieceKind& kind) const;
  bool clitic_at(uint32_t apos, uint32_t& clitic_end) const;

  std::string_view t_;
  uint32_t pos_;
  uint32_t end_;
  Piece pending_;
  bool has_pending_ = false;
};

}  // namespace parley
