// parley/tokens: the lexicon's storage, a flat open-addressing hash table
// whose keys and lemmas live in one string arena.  Built once at load; a
// lookup hashes the key, probes, and compares bytes: it never allocates.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

struct LexSlot {
  uint32_t hash = 0;
  uint32_t key_off = 0;
  uint32_t lemma_off = 0;
  uint8_t key_len = 0;      // 0 = empty slot
  uint8_t lemma_len = 0;    // 0 = no lemma known
  uint16_t pos_bits = 0;
  uint8_t verb_forms = 0;   // bit (1 << VerbForm) per candidate form
  uint8_t flags = 0;        // LexFlags
  uint8_t lemma_rank = 0;   // strength of the lemma's source; higher wins
  uint8_t unused = 0;
};

class LexTable {
 public:
  static constexpr size_t kMaxKey = 255;

  void reserve(size_t entries, size_t arena_bytes);
  // Finds or creates the entry for key (key.size() in 1..kMaxKey).
  LexSlot& insert(std::string_view key);
  const LexSlot* find(std::string_view key) const {
    if (key.empty() || key.size() > kMaxKey || slots_.empty()) return nullptr;
    uint32_t h = hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const LexSlot& s = slots_[i];
      if (s.key_len == 0) return nullptr;
      if (s.hash == h && s.key_len == key.size() && same_bytes(arena_.data() + s.key_off, key.data(), key.size()))
        return &s;
    }
  }
  // Slots by position, for side tables indexed like the table itself.
  size_t capacity() const { return slots_.size(); }
  const LexSlot& slot(size_t i) const { return slots_[i]; }
  size_t index_of(const LexSlot* s) const { return static_cast<size_t>(s - slots_.data()); }

  std::string_view key_of(const LexSlot& s) const { return {arena_.data() + s.key_off, s.key_len}; }
  std::string_view lemma_of(const LexSlot& s) const {
    return s.lemma_len ? std::string_view(arena_.data() + s.lemma_off, s.lemma_len) : std::string_view();
  }
  // Stores bytes that are not a key (a lemma with no entry of its own).
  uint32_t append(std::string_view bytes) {
    uint32_t off = static_cast<uint32_t>(arena_.size());
    arena_.append(bytes);
    return off;
  }
  std::string_view arena_view(uint32_t off, size_t len) const { return {arena_.data() + off, len}; }
  size_t size() const { return count_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(LexSlot) + arena_.capacity(); }

  template <typename F>
  void for_each(F&& f) {
    for (LexSlot& s : slots_)
      if (s.key_len) f(s);
  }

  // Words are short: a byte loop beats a call to memcmp.
  static bool same_bytes(const char* a, const char* b, size_t n) {
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  static uint32_t hash(std::string_view key) {
    // FNV-1a over the bytes, then a murmur finaliser so the low bits used
    // as the bucket index are well mixed (FNV alone clusters on short keys).
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return static_cast<uint32_t>(h);
  }

 private:
  void grow();

  std::vector<LexSlot> slots_;
  std::string arena_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace parley
