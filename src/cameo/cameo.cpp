#include "cameo/cameo.h"

#include <algorithm>

namespace parley {
namespace {

struct Row {
  const char* code;
  const char* name;
  int root;
  int quad;
  float goldstein;
  bool inherited;
};

constexpr Row kRows[] = {
#include "cameo/cameo_table.inc"
};

constexpr size_t kCount = sizeof(kRows) / sizeof(kRows[0]);

struct Table {
  CameoCode codes[kCount];
  constexpr Table() : codes() {
    for (size_t i = 0; i < kCount; ++i) {
      const Row& r = kRows[i];
      codes[i] = CameoCode{r.code, r.name, static_cast<uint8_t>(r.root),
                           static_cast<QuadClass>(r.quad), r.goldstein, r.inherited};
    }
  }
};

constexpr Table kTable;

constexpr bool sorted_unique() {
  for (size_t i = 1; i < kCount; ++i)
    if (!(kTable.codes[i - 1].code < kTable.codes[i].code)) return false;
  return true;
}
static_assert(sorted_unique(), "cameo_table.inc must be sorted by code, without duplicates");

}  // namespace

const CameoCode* cameo_lookup(std::string_view code) {
  const CameoCode* begin = kTable.codes;
  const CameoCode* end = begin + kCount;
  const CameoCode* it = std::lower_bound(
      begin, end, code, [](const CameoCode& c, std::string_view key) { return c.code < key; });
  return it != end && it->code == code ? it : nullptr;
}

std::span<const CameoCode> cameo_codes() { return {kTable.codes, kCount}; }

}  // namespace parley
