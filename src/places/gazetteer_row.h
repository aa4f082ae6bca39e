// parley/places (private): the row layout of the compiled gazetteer table.
//
// gen/gen_gazetteer.cpp writes gazetteer_table.inc at build time: one string
// blob (kGazetteerStrings, NUL-separated) and rows sorted by key, then by
// rank, so every key's candidates are contiguous and the best comes first.
// Strings are offsets into the blob, not pointers: the table needs no
// relocations and costs nothing to load.
#pragma once

#include <cstdint>

namespace parley::gazetteer_table {

enum RowVia : uint8_t {
  kViaRecord = 0,    // a geonames city/state or an iso-codes country name
  kViaAlias = 1,     // hand-written other name of a record (extra_places.tsv)
  kViaLandmark = 2,  // hand-written landmark standing for its city
  kViaHand = 3,      // hand-written region with hand coordinates
};

struct Row {
  uint32_t key;         // normalised name (token normal form, words joined by one space)
  uint32_t name;        // display name
  uint32_t region;      // first-level region of a city ("Texas"); "" otherwise
  uint32_t region_key;  // its normalised form
  char iso2[3];
  char iso3[4];
  float lat, lon;
  uint32_t population;  // 0 when unknown
  uint8_t kind;         // PlaceKind
  uint8_t via;          // RowVia
};

}  // namespace parley::gazetteer_table
