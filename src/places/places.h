// parley/places: where an event happened.
//
// Owns the gazetteer (countries from Debian's iso-codes, ~24,000 cities and
// their first-level regions from libgeonames, plus hand-written aliases,
// landmarks and regions in extra_places.tsv), extracted once at build time
// into a compiled table (gen/gen_gazetteer.cpp), and the PlaceFinder that
// reads a parsed sentence for the place of its event.
//
// Resolution never guesses: a name that is not in the table is nullopt.
// Several records with one name are ranked: hand-written entries first (so
// "Washington" is the U.S. capital, "Kremlin" is Moscow), then countries,
// then cities by population, then regions.  A context country or an explicit
// qualifier ("Paris, Texas") picks the best candidate in that country/region.
// A country's or region's coordinates are those of its most populous
// geonames city: a point inside it, not a centroid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/doc.h"

namespace parley {

enum class PlaceKind : uint8_t { kCity = 0, kCountry = 1, kRegion = 2 };

std::string_view place_kind_name(PlaceKind kind);  // "city", "country", "region"

// All views point into the compiled table: valid for the program's life.
struct Place {
  std::string_view name;    // display name: "Paris", "Russian Federation", "Crimea"
  std::string_view region;  // first-level region of a city ("Texas"); empty otherwise
  std::string_view iso2;    // "FR"
  std::string_view iso3;    // "FRA"; empty for a code iso-codes lacks (Kosovo)
  double lat = 0, lon = 0;
  uint32_t population = 0;  // 0 when unknown
  PlaceKind kind = PlaceKind::kCity;
};

// A country's ISO 3166 codes as the gazetteer (and so the store) writes them.
struct CountryCodes {
  std::string_view iso2;  // "RU"
  std::string_view iso3;  // "RUS"; empty for a code iso-codes lacks (Kosovo)
};

// The country whose alpha-2 or alpha-3 code is `code` (upper case); nullopt
// when no place of the gazetteer has that code.  Reads the compiled table
// (no Gazetteer needed).
std::optional<CountryCodes> country_by_code(std::string_view code);

class Gazetteer {
 public:
  // Indexes the compiled table (no file is read).
  Gazetteer();

  // `name` as written ("Paris", "PARIS", "Niš", "the Kremlin" is not a name:
  // "Kremlin" is).  With a context country, the best candidate in that country
  // wins unless the name's top candidate is hand-written (so "Washington"
  // stays the U.S. capital in a British story).
  std::optional<Place> resolve(std::string_view name, std::string_view context_country_iso2 = {}) const;

  // "Paris", "Texas": the best candidate whose region or country is named by
  // `qualifier` (a region or country name); nullopt if none is.
  std::optional<Place> resolve_qualified(std::string_view name, std::string_view qualifier) const;

  // Hot-path form: `key` is already in token normal form, words joined by one
  // space.  Returns a candidate group id, or -1.
  int32_t find_group(std::string_view key, uint64_t key_hash) const;
  static uint64_t hash_key(std::string_view key);
  Place best_of(int32_t group, std::string_view context_country_iso2 = {}) const;
  // The best candidate of `group` inside the place `qualifier_group` names, or -1.
  std::optional<Place> best_within(int32_t group, int32_t qualifier_group) const;
  bool is_landmark(int32_t group) const;  // the group's top candidate is a landmark

  size_t record_count() const;
  size_t name_count() const { return groups_.size(); }
  size_t memory_bytes() const;  // the run-time index (the table itself is read-only data)

 private:
  struct Group {
    uint64_t hash;
    uint32_t first, count;
  };
  Place place_of(uint32_t row) const;
  std::vector<Group> groups_;
  std::vector<uint32_t> slots_;  // open addressing: group index + 1, 0 = empty
  uint64_t mask_ = 0;
};

// How a sentence's place was found.
enum class PlaceEvidence : uint8_t {
  kNamed,      // "in southeastern Serbia", "near Nis", "in Paris, Texas"
  kLandmark,   // "in the Kremlin" -> Moscow
  kInherited,  // "at the airport": the story's place (last named, or dateline)
};

std::string_view place_evidence_name(PlaceEvidence evidence);  // "named", "landmark", "inherited"

struct PlaceMention {
  Place place;
  uint32_t token_begin = 0, token_end = 0;  // tokens of the evidence, [begin, end)
  PlaceEvidence evidence = PlaceEvidence::kNamed;
};

// Reads sentences in document order; remembers the story's place.  One per
// worker thread (it keeps scratch space); shares the Gazetteer.
class PlaceFinder {
 public:
  explicit PlaceFinder(const Gazetteer& gazetteer);

  // Resets the story place to the dateline's place (if the text has a
  // dateline naming a known place), else to none.
  void start_document(const Doc& doc);

  // The place of the sentence's event: the first "in/at/near/outside/inside
  // [the] [direction adjective] NAME" that resolves, else a venue ("at the
  // airport", "in the capital") inheriting the story place.  Updates the
  // story place on a named or landmark place.  Allocates nothing once warm.
  std::optional<PlaceMention> find(const Doc& doc, uint32_t sentence);

  const std::optional<Place>& story_place() const { return story_place_; }
  // The place named by the capitalised words that start at `token` of
  // `sentence` ("Fallujah", "Khan Younis", "Paris, Texas"), or nullopt: for a
  // name read in another role than the event's venue (what an attack is
  // aimed at).  The story place is left as it is.
  std::optional<PlaceMention> name_at(const Doc& doc, uint32_t sentence, uint32_t token);

 private:
  bool try_name(const Doc& doc, uint32_t begin, uint32_t limit, PlaceMention& out);
  const Gazetteer& gazetteer_;
  std::optional<Place> story_place_;
  std::string key_;
};

}  // namespace parley
