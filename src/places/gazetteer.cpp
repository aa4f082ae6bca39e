// The gazetteer's run-time index over the compiled table: one hash slot per
// distinct normalised name, pointing at that name's contiguous candidates.
#include <cstring>

#include "places/gazetteer_row.h"
#include "places/places.h"
#include "tokens/normalize.h"

#include "places/gazetteer_table.inc"

namespace parley {
namespace {

using gazetteer_table::kGazetteerStrings;
using gazetteer_table::kRows;
constexpr uint32_t kRowCount = sizeof(kRows) / sizeof(kRows[0]);

std::string_view str(uint32_t offset) { return std::string_view(kGazetteerStrings + offset); }

// Token normal form of free text, words joined by one space (as the keys).
std::string normalize_name(std::string_view raw) {
  std::string norm;
  append_normalized(norm, raw);
  std::string key;
  key.reserve(norm.size());
  for (char c : norm) {
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key += c;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

}  // namespace

std::string_view place_kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCity: return "city";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kRegion: return "region";
  }
  return "city";
}

uint64_t Gazetteer::hash_key(std::string_view key) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return h;
}

Gazetteer::Gazetteer() {
  for (uint32_t i = 0; i < kRowCount;) {
    uint32_t j = i + 1;
    while (j < kRowCount && kRows[j].key == kRows[i].key) ++j;  // blob strings are deduplicated
    groups_.push_back({hash_key(str(kRows[i].key)), i, j - i});
    i = j;
  }
  size_t capacity = 1;
  while (capacity < groups_.size() * 2) capacity <<= 1;
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (uint32_t g = 0; g < groups_.size(); ++g) {
    uint64_t s = groups_[g].hash & mask_;
    while (slots_[s] != 0) s = (s + 1) & mask_;
    slots_[s] = g + 1;
  }
}

std::optional<CountryCodes> country_by_code(std::string_view code) {
  if (code.size() != 2 && code.size() != 3) return std::nullopt;
  for (uint32_t i = 0; i < kRowCount; ++i) {
    const std::string_view iso2(kRows[i].iso2), iso3(kRows[i].iso3);
    if (iso2.empty() || (code.size() == 2 ? iso2 : iso3) != code) continue;
    // A city row names its country's codes too; the country row is the same.
    return CountryCodes{iso2, iso3};
  }
  return std::nullopt;
}

size_t Gazetteer::record_count() const { return kRowCount; }

size_t Gazetteer::memory_bytes() const {
  return groups_.capacity() * sizeof(Group) + slots_.capacity() * sizeof(uint32_t);
}

int32_t Gazetteer::find_group(std::string_view key, uint64_t key_hash) const {
  if (key.empty()) return -1;
  for (uint64_t s = key_hash & mask_;; s = (s + 1) & mask_) {
    const uint32_t slot = slots_[s];
    if (slot == 0) return -1;
    const Group& g = groups_[slot - 1];
    if (g.hash == key_hash && str(kRows[g.first].key) == key) return static_cast<int32_t>(slot - 1);
  }
}

Place Gazetteer::place_of(uint32_t row) const {
  const auto& r = kRows[row];
  Place p;
  p.name = str(r.name);
  p.region = str(r.region);
  p.iso2 = std::string_view(r.iso2, std::strlen(r.iso2));
  p.iso3 = std::string_view(r.iso3, std::strlen(r.iso3));
  p.lat = r.lat;
  p.lon = r.lon;
  p.population = r.population;
  p.kind = static_cast<PlaceKind>(r.kind);
  return p;
}

bool Gazetteer::is_landmark(int32_t group) const {
  return group >= 0 && kRows[groups_[group].first].via == gazetteer_table::kViaLandmark;
}

Place Gazetteer::best_of(int32_t group, std::string_view context) const {
  const Group& g = groups_[group];
  const auto& top = kRows[g.first];
  if (context.size() == 2 && top.via == gazetteer_table::kViaRecord && context != std::string_view(top.iso2)) {
    for (uint32_t r = g.first + 1; r < g.first + g.count; ++r) {
      if (context == std::string_view(kRows[r].iso2)) return place_of(r);
    }
  }
  return place_of(g.first);
}

std::optional<Place> Gazetteer::best_within(int32_t group, int32_t qualifier_group) const {
  if (group < 0 || qualifier_group < 0) return std::nullopt;
  const Group& g = groups_[group];
  const Group& q = groups_[qualifier_group];
  // A region qualifier ("Texas") matches a city's region; a country one its iso2.
  for (uint32_t r = g.first; r < g.first + g.count; ++r) {
    for (uint32_t k = q.first; k < q.first + q.count; ++k) {
      const auto& place = kRows[r];
      const auto& qual = kRows[k];
      if (std::strcmp(place.iso2, qual.iso2) != 0) continue;
      const bool same_region = qual.kind == static_cast<uint8_t>(PlaceKind::kRegion) && place.region_key != 0 &&
                               str(place.region_key) == str(qual.key);
      if (qual.kind == static_cast<uint8_t>(PlaceKind::kCountry) || same_region) return place_of(r);
    }
  }
  return std::nullopt;
}

std::optional<Place> Gazetteer::resolve(std::string_view name, std::string_view context_country_iso2) const {
  const std::string key = normalize_name(name);
  const int32_t g = find_group(key, hash_key(key));
  if (g < 0) return std::nullopt;
  return best_of(g, context_country_iso2);
}

std::optional<Place> Gazetteer::resolve_qualified(std::string_view name, std::string_view qualifier) const {
  const std::string key = normalize_name(name);
  const std::string qkey = normalize_name(qualifier);
  return best_within(find_group(key, hash_key(key)), find_group(qkey, hash_key(qkey)));
}

}  // namespace parley
