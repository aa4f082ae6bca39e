// PlaceFinder: the place phrase of a sentence.  Only the few prepositions
// that introduce a location start any work; from there the longest run of
// name words that the gazetteer knows wins (one incremental hash per word).
#include <array>

#include "places/places.h"
#include "text/sentences.h"

namespace parley {
namespace {

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& list) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 5> kPlacePrepositions = {"IN", "AT", "NEAR", "OUTSIDE", "INSIDE"};

// "in southeastern Serbia": the direction is not part of the name.
constexpr std::array<std::string_view, 22> kDirections = {
    "NORTHERN",     "SOUTHERN",      "EASTERN",       "WESTERN",       "CENTRAL",       "NORTHEASTERN",
    "NORTHWESTERN", "SOUTHEASTERN",  "SOUTHWESTERN",  "NORTH-EASTERN", "NORTH-WESTERN", "SOUTH-EASTERN",
    "SOUTH-WESTERN", "NORTHEAST",    "NORTHWEST",     "SOUTHEAST",     "SOUTHWEST",     "FAR",
    "EAST-CENTRAL", "WEST-CENTRAL",  "DOWNTOWN",      "RURAL"};

// Capitalised words that follow "in" but are dates, never places ("in March").
constexpr std::array<std::string_view, 24> kCalendarWords = {
    "JANUARY", "FEBRUARY", "MARCH",    "APRIL",  "MAY",      "JUNE",   "JULY",   "AUGUST",
    "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
    "FRIDAY",  "SATURDAY", "SUNDAY",   "JAN.",   "FEB.",     "AUG.",   "SEPT.",  "DEC."};

// Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina",
// "Great Hall of the People", "Quai d'Orsay").
constexpr std::array<std::string_view, 9> kNameConnectors = {"AND", "OF", "THE", "DE", "DEL", "DA", "LA", "EL", "AL"};

// "at the airport": a venue with a definite article refers back to the story's place.
constexpr std::array<std::string_view, 14> kVenues = {"AIRPORT",  "CAPITAL",  "CITY",    "TOWN",     "PALACE",
                                                      "EMBASSY",  "HEADQUARTERS", "RESIDENCE", "HOTEL", "MINISTRY",
                                                      "PARLIAMENT", "SUMMIT", "VENUE",   "COMPOUND"};

constexpr size_t kMaxNameWords = 6;
constexpr size_t kMaxQualifierWords = 4;

bool is_punct(const Token& t) { return t.tag == Tag::kPunct || t.tag == Tag::kQuote; }

}  // namespace

PlaceFinder::PlaceFinder(const Gazetteer& gazetteer) : gazetteer_(gazetteer) { key_.reserve(128); }

void PlaceFinder::start_document(const Doc& doc) {
  story_place_.reset();
  if (auto dateline = find_dateline(doc.text)) story_place_ = gazetteer_.resolve(dateline->place);
}

// Longest gazetteer name starting at token `begin`; then an optional
// ", Qualifier" that narrows it ("Paris, Texas", "Moscow, Russia").
bool PlaceFinder::try_name(const Doc& doc, uint32_t begin, uint32_t limit, PlaceMention& out) {
  auto longest = [&](uint32_t from, size_t max_words, uint32_t& end) -> int32_t {
    int32_t best = -1;
    key_.clear();
    uint64_t hash = 1469598103934665603ull;  // FNV-1a, extended word by word
    auto feed = [&](std::string_view bytes) {
      for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
      key_.append(bytes);
    };
    for (uint32_t k = from; k < limit && k < from + max_words; ++k) {
      const Token& t = doc.tokens[k];
      const std::string_view norm = doc.norm_of(t);
      if (t.flags & kPossessive) break;
      if (k > from) {
        if (is_punct(t)) break;
        if (!(t.flags & kCapitalised) && !one_of(norm, kNameConnectors)) break;
        if (t.flags & kSpaceBefore) feed(" ");
      }
      feed(norm);
      const int32_t g = gazetteer_.find_group(key_, hash);
      if (g >= 0) best = g, end = k + 1;
    }
    return best;
  };

  uint32_t end = begin;
  const int32_t group = longest(begin, kMaxNameWords, end);
  if (group < 0) return false;
  out.place = gazetteer_.best_of(group);
  out.evidence = gazetteer_.is_landmark(group) ? PlaceEvidence::kLandmark : PlaceEvidence::kNamed;
  out.token_end = end;
  if (end + 1 < limit && doc.norm_of(doc.tokens[end]) == "," && (doc.tokens[end + 1].flags & kCapitalised)) {
    uint32_t qualifier_end = end + 1;
    const int32_t qualifier = longest(end + 1, kMaxQualifierWords, qualifier_end);
    if (auto narrowed = gazetteer_.best_within(group, qualifier)) {
      out.place = *narrowed;
      out.token_end = qualifier_end;
    }
  }
  return true;
}

std::optional<PlaceMention> PlaceFinder::find(const Doc& doc, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return std::nullopt;
  const Sentence& s = doc.sentences[sentence];
  const uint32_t limit = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(doc.tokens.size()));
  std::optional<PlaceMention> venue;
  for (uint32_t i = s.token_begin; i + 1 < limit; ++i) {
    if (!one_of(doc.norm_of(doc.tokens[i]), kPlacePrepositions)) continue;
    uint32_t j = i + 1;
    const bool definite = doc.norm_of(doc.tokens[j]) == "THE";
    if (definite) ++j;
    while (j < limit && one_of(doc.norm_of(doc.tokens[j]), kDirections)) ++j;
    if (j >= limit) break;
    const Token& first = doc.tokens[j];
    const std::string_view first_norm = doc.norm_of(first);
    if ((first.flags & kCapitalised) && !one_of(first_norm, kCalendarWords)) {
      PlaceMention m;
      if (try_name(doc, j, limit, m)) {
        m.token_begin = i;
        story_place_ = m.place;
        return m;
      }
    } else if (definite && !venue && story_place_ && one_of(first_norm, kVenues)) {
      venue = PlaceMention{*story_place_, i, j + 1, PlaceEvidence::kInherited};
    }
  }
  return venue;
}

std::optional<PlaceMention> PlaceFinder::name_at(const Doc& doc, uint32_t sentence, uint32_t token) {
  if (sentence >= doc.sentences.size()) return std::nullopt;
  const Sentence& s = doc.sentences[sentence];
  const uint32_t limit = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(doc.tokens.size()));
  if (token < s.token_begin || token >= limit || !(doc.tokens[token].flags & kCapitalised)) return std::nullopt;
  PlaceMention m;
  if (!try_name(doc, token, limit, m)) return std::nullopt;
  m.token_begin = token;
  return m;
}

std::string_view place_evidence_name(PlaceEvidence evidence) {
  switch (evidence) {
    case PlaceEvidence::kNamed: return "named";
    case PlaceEvidence::kLandmark: return "landmark";
    case PlaceEvidence::kInherited: break;
  }
  return "inherited";
}

}  // namespace parley
