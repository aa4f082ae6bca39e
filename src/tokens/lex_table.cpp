#include "tokens/lex_table.h"

namespace parley {

void LexTable::reserve(size_t entries, size_t arena_bytes) {
  size_t cap = 16;
  while (cap * 7 < entries * 10) cap <<= 1;  // load factor <= 0.7
  if (cap > slots_.size()) {
    std::vector<LexSlot> old;
    old.swap(slots_);
    slots_.assign(cap, LexSlot{});
    mask_ = cap - 1;
    for (const LexSlot& s : old) {
      if (!s.key_len) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].key_len) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  arena_.reserve(arena_bytes);
}

void LexTable::grow() { reserve(slots_.empty() ? 8 : slots_.size(), 0); }

LexSlot& LexTable::insert(std::string_view key) {
  if (slots_.empty() || (count_ + 1) * 10 > slots_.size() * 7) grow();
  uint32_t h = hash(key);
  size_t i = h & mask_;
  for (;; i = (i + 1) & mask_) {
    LexSlot& s = slots_[i];
    if (s.key_len == 0) break;
    if (s.hash == h && s.key_len == key.size() && std::memcmp(arena_.data() + s.key_off, key.data(), key.size()) == 0)
      return s;
  }
  LexSlot& s = slots_[i];
  s.hash = h;
  s.key_off = static_cast<uint32_t>(arena_.size());
  s.key_len = static_cast<uint8_t>(key.size());
  arena_.append(key);
  ++count_;
  return s;
}

}  // namespace parley
