#include "events/place_targets.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace parley {

namespace {

// Cities this small share their names with people ("Mitchell", "Lawrence"):
// such a name names a place only where a place is expected.
constexpr uint32_t kFewestPeople = 50000;
bool notable_place(const Place& p) { return p.kind != PlaceKind::kCity || p.population >= kFewestPeople; }

// "seized Bakhmut", "seized Crimea", "Iraq seized Kuwait": a seizure verb's
// own code is confiscating property (1711); a town, region or country
// taken is territory occupied (192, the codebook's "occupy territory"), as
// the seizure patterns for "town", "city" and "territory" already say.  The
// place must be the object itself ("seized Ukrainian ships" is property).
bool seized_territory(const Doc& doc, const Event& ev) {
  if (ev.pattern >= 0 || ev.code.view() != "1711" || ev.target_begin < 0 || ev.target.size() != 3 ||
      ev.target == "---")
    return false;
  const uint32_t b = static_cast<uint32_t>(ev.target_begin), e = static_cast<uint32_t>(ev.target_end);
  const uint32_t end = doc.sentences[ev.sentence].token_end;
  if (b < ev.verb_end || doc.tokens[b].tag != Tag::kProper) return false;
  for (uint32_t k = ev.verb_end; k < b; ++k)
    if (doc.tokens[k].tag != Tag::kAdv && doc.norm_of(doc.tokens[k]) != "THE") return false;
  return e >= end || doc.tokens[e].tag != Tag::kNoun;
}

}  // namespace

void aim_at_place(const Doc& doc, uint32_t sentence, PlaceFinder& places, Event& ev) {
  if (seized_territory(doc, ev)) ev.code = Code::of("192");
  const std::string_view code = ev.code.view();
  if (ev.target_begin >= 0 || ev.target != "---" || code.size() < 2) return;
  const std::string_view root = code.substr(0, 2);
  if (root < "15" || root > "20") return;
  const Sentence& s = doc.sentences[sentence];
  uint32_t k = ev.verb_end;
  while (k < s.token_end && doc.tokens[k].tag == Tag::kAdv) ++k;
  auto aimed = [&](uint32_t at, bool after_object) {
    if (at >= s.token_end) return false;
    const std::string_view w = doc.norm_of(doc.tokens[at]);
    return w == "ON" || w == "UPON" || w == "AGAINST" || w == "INTO" || (after_object && w == "AT");
  };
  if (aimed(k, false)) {
    ++k;
  } else if (const int32_t np = doc.chunk_at(sentence, k);
             np >= 0 && doc.chunks[static_cast<size_t>(np)].kind == ChunkKind::kNounPhrase &&
             !(doc.tokens[k].flags & kCapitalised) && aimed(doc.chunks[static_cast<size_t>(np)].end, true)) {
    // "fired rockets into Sderot", "dropped bombs on Khan Younis": what was
    // fired, then where it was aimed.
    k = doc.chunks[static_cast<size_t>(np)].end + 1;
  }
  if (k < s.token_end && doc.norm_of(doc.tokens[k]) == "THE") ++k;
  // "captured most of Fallujah", "shelled parts of Aleppo": a share of the
  // place is the place.
  static constexpr std::string_view kShares[] = {"MOST", "MUCH", "PART", "PARTS", "ALL", "HALF", "REST", "OUTSKIRTS"};
  if (k + 2 < s.token_end && doc.norm_of(doc.tokens[k + 1]) == "OF" &&
      std::find(std::begin(kShares), std::end(kShares), doc.norm_of(doc.tokens[k])) != std::end(kShares)) {
    k += 2;
    if (doc.norm_of(doc.tokens[k]) == "THE") ++k;
  }
  // "captured the town of Kunduz", "shelled the city of Aleppo".
  static constexpr std::string_view kSettlements[] = {"TOWN", "CITY", "VILLAGE", "PORT", "CAPITAL",
                                                      "PROVINCE", "REGION", "DISTRICT", "AREA"};
  if (k + 2 < s.token_end && doc.norm_of(doc.tokens[k + 1]) == "OF" &&
      std::find(std::begin(kSettlements), std::end(kSettlements), doc.norm_of(doc.tokens[k])) !=
          std::end(kSettlements))
    k += 2;
  if (k >= s.token_end) return;
  if (doc.tokens[k].tag != Tag::kProper) return;
  const std::optional<PlaceMention> m = places.name_at(doc, sentence, k);
  if (!m || m->place.iso3.empty()) return;
  // "Western women": a name that modifies the noun after it is no place.
  if (m->token_end < s.token_end && doc.tokens[m->token_end].tag == Tag::kNoun) return;
  ev.target.assign(m->place.iso3);
  // seized_territory, for a place no actor dictionary lists ("seized Mitchell" is a person).
  if (ev.pattern < 0 && code == "1711" && notable_place(m->place)) ev.code = Code::of("192");
  ev.target_begin = static_cast<int32_t>(k);
  ev.target_end = static_cast<int32_t>(m->token_end);
  ev.one_sided = ev.source_begin < 0 || ev.source == "---";
}

namespace {

// The country of a city or region named by the capitalised words that end
// right before token `end`, or an empty view.
std::string_view country_named_before(const Doc& doc, uint32_t sentence, PlaceFinder& places, uint32_t end) {
  constexpr uint32_t kLongestName = 4;
  const uint32_t b = doc.sentences[sentence].token_begin;
  uint32_t first = end;
  while (first > b && end - first < kLongestName && doc.tokens[first - 1].tag == Tag::kProper &&
         (doc.tokens[first - 1].flags & kCapitalised))
    --first;
  if (first == end) return {};
  // The whole run must be the place: in "pilot Alan Lawrence Pope" the city
  // Lawrence ends a person's name.  A single word the lexicon knows as an
  // adjective or a verb is no place here ("Western delegations", "Eastern
  // Airlines", "Reading"); city names WordNet lists as nouns stay.
  if (end - first == 1 && (doc.tokens[first].pos_bits & (kPosAdj | kPosVerb))) return {};
  const std::optional<PlaceMention> m = places.name_at(doc, sentence, first);
  if (!m || m->token_end != end) return {};
  const Place& p = m->place;
  if (p.kind == PlaceKind::kCountry) return {};  // a country's name is an actor already
  if (!notable_place(p)) return {};
  return p.iso3;
}

void lend_to_side(const Doc& doc, uint32_t sentence, PlaceFinder& places, std::string& code, int32_t begin,
                  bool lent) {
  if (begin < 0 || code.size() != 6 || (!lent && !code.starts_with("---"))) return;
  const std::string_view iso3 = country_named_before(doc, sentence, places, static_cast<uint32_t>(begin));
  if (iso3.size() == 3) code.replace(0, 3, iso3);
}

}  // namespace

void lend_place_country(const Doc& doc, uint32_t sentence, PlaceFinder& places, Event& ev) {
  lend_to_side(doc, sentence, places, ev.source, ev.source_begin, ev.source_lent);
  lend_to_side(doc, sentence, places, ev.target, ev.target_begin, ev.target_lent);
}

}  // namespace parley
