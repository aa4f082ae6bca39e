// parley/cameo: the CAMEO event-code table, compiled into the binary.
//
// Owns the project's own copy of every CAMEO code (name, two-digit root, GDELT
// quad class, Goldstein weight).  The table is generated once from the
// reference tables by tools/gen_cameo_table.py into cameo_table.inc; nothing
// is read from disk at run time.  Lookups are by exact code string ("042",
// "1721"); the null code "---" and private codes are not in the table.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace parley {

enum class QuadClass : uint8_t {
  kVerbalCooperation = 1,    // roots 01-05
  kMaterialCooperation = 2,  // roots 06-08
  kVerbalConflict = 3,       // roots 09-14
  kMaterialConflict = 4,     // roots 15-20
};

struct CameoCode {
  std::string_view code;     // "042"
  std::string_view name;     // "Make a visit"
  uint8_t root = 0;          // 1..20, the first two digits
  QuadClass quad_class = QuadClass::kVerbalCooperation;
  float goldstein = 0;       // Goldstein conflict-cooperation weight
  // The reference weight table has no entry for this code; the weight is that
  // of the closest listed parent (the code with trailing digits removed).
  bool goldstein_inherited = false;
};

// nullptr if the code is not a CAMEO code.
const CameoCode* cameo_lookup(std::string_view code);

// Every code, sorted by code string.
std::span<const CameoCode> cameo_codes();

}  // namespace parley
