// Build-time generator of the places gazetteer table (gazetteer_table.inc).
//
// Reads, once, Debian's data: country names and codes from iso-codes'
// iso_3166-1.json, the ~24,000 cities inside libgeonames (through its C API;
// the data is compiled into the shared library) with their first-level
// regions, and the hand-written extra_places.tsv.  Writes a compact C++
// table: a string blob plus rows sorted by normalised key, best candidate
// first.  Names are normalised with the tokenizer's own append_normalized so
// run-time keys built from token norms match byte for byte.
//
// Usage: gen_gazetteer ISO_3166_1_JSON EXTRA_TSV OUT_INC
#include <geonames.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "tokens/normalize.h"

namespace {

// Matches parley::PlaceKind in places.h.
enum Kind : int { kCity = 0, kCountry = 1, kRegion = 2 };
enum Via : int { kViaRecord = 0, kViaAlias = 1, kViaLandmark = 2, kViaHand = 3 };

struct Record {
  std::string key, name, region, region_key, iso2, iso3;
  double lat = 0, lon = 0;
  uint32_t population = 0;
  int kind = kCity;
  int via = kViaRecord;
};

std::string normalized(const std::string& raw) {
  std::string out;
  parley::append_normalized(out, raw);
  // Collapse runs of spaces: keys are words joined by exactly one space.
  std::string key;
  for (char c : out) {
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key += c;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Lower rank sorts first: hand-written entries, then countries, cities by
// population, regions.
int rank_class(const Record& r) {
  if (r.via != kViaRecord) return 0;
  if (r.kind == kCountry) return 1;
  if (r.kind == kCity) return 2;
  return 3;
}

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "gen_gazetteer: " << what << "\n";
  std::exit(1);
}

class Blob {
 public:
  uint32_t add(const std::string& s) {
    auto it = offsets_.find(s);
    if (it != offsets_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(size_);
    offsets_.emplace(s, off);
    strings_.push_back(s);
    size_ += s.size() + 1;
    return off;
  }
  void write(std::ostream& out) const {
    out << "constexpr char kGazetteerStrings[] =\n";
    for (const auto& s : strings_) {
      out << "  \"";
      for (unsigned char c : s) {
        if (c == '"' || c == '\\') out << '\\' << c;
        else if (c < 0x20) out << "?";
        else out << c;
      }
      out << "\\0\"\n";  // one literal per string: "\0" never meets a digit
    }
    out << ";\n";
  }

 private:
  std::unordered_map<std::string, uint32_t> offsets_;
  std::vector<std::string> strings_;
  size_t size_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) fail("usage: gen_gazetteer ISO_3166_1_JSON EXTRA_TSV OUT_INC");
  std::vector<Record> records;

  // Cities, and per country / region the most populous city's point.
  struct Best { double lat = 0, lon = 0; uint32_t population = 0; bool set = false; };
  std::map<std::string, Best> best_in_country;
  std::map<std::pair<std::string, std::string>, Best> best_in_region;  // (iso2, region)
  const int n = geonames_get_n_cities();
  if (n < 1000) fail("libgeonames returned only " + std::to_string(n) + " cities");
  for (int i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (!c) continue;
    Record r;
    r.name = geonames_city_get_name(c) ? geonames_city_get_name(c) : "";
    r.region = geonames_city_get_state(c) ? geonames_city_get_state(c) : "";
    r.iso2 = geonames_city_get_country_code(c) ? geonames_city_get_country_code(c) : "";
    r.lat = geonames_city_get_latitude(c);
    r.lon = geonames_city_get_longitude(c);
    r.population = geonames_city_get_population(c);
    geonames_city_free(c);
    r.key = normalized(r.name);
    r.region_key = normalized(r.region);
    if (r.key.empty() || r.iso2.size() != 2) continue;
    for (Best* b : {&best_in_country[r.iso2], &best_in_region[{r.iso2, r.region}]}) {
      if (!b->set || r.population > b->population) *b = {r.lat, r.lon, r.population, true};
    }
    records.push_back(std::move(r));
  }
  std::map<std::string, std::string> iso3_of;
  std::map<std::string, std::string> country_name_of;

  // Countries: every iso-codes name form is a key.
  std::ifstream json_in(argv[1]);
  if (!json_in) fail(std::string("cannot read ") + argv[1]);
  nlohmann::json json = nlohmann::json::parse(json_in, nullptr, false);
  if (json.is_discarded() || !json.contains("3166-1")) fail(std::string(argv[1]) + ": not iso-codes 3166-1 JSON");
  for (const auto& c : json["3166-1"]) {
    Record r;
    r.iso2 = c.value("alpha_2", "");
    r.iso3 = c.value("alpha_3", "");
    r.name = c.value("common_name", c.value("name", ""));
    r.kind = kCountry;
    if (r.iso2.size() != 2) continue;
    const Best& b = best_in_country[r.iso2];
    r.lat = b.lat, r.lon = b.lon;
    iso3_of[r.iso2] = r.iso3;
    country_name_of[r.iso2] = r.name;
    for (const char* field : {"name", "common_name", "official_name"}) {
      if (!c.contains(field)) continue;
      std::string form = c[field].get<std::string>();
      if (form.find(',') != std::string::npos) continue;  // "Korea, Republic of": inverted, not prose
      r.key = normalized(form);
      if (!r.key.empty()) records.push_back(r);
    }
  }
  for (auto& r : records) {
    if (r.kind == kCity) r.iso3 = iso3_of.count(r.iso2) ? iso3_of[r.iso2] : "";
  }

  // First-level regions (geonames states), at their most populous city.
  for (const auto& [where, b] : best_in_region) {
    if (where.second.empty()) continue;
    Record r;
    r.kind = kRegion;
    r.iso2 = where.first;
    r.iso3 = iso3_of.count(r.iso2) ? iso3_of[r.iso2] : "";
    r.name = where.second;
    r.key = normalized(where.second);
    r.lat = b.lat, r.lon = b.lon;
    if (!r.key.empty()) records.push_back(std::move(r));
  }

  // Hand-written entries.
  auto find_target = [&](const std::string& iso2, const std::string& target) -> const Record* {
    const bool country = target == "country";
    const std::string key = normalized(target);
    const Record* best = nullptr;
    for (const auto& r : records) {
      if (r.iso2 != iso2 || r.via != kViaRecord) continue;
      if (country ? r.kind != kCountry : (r.kind != kCity || r.key != key)) continue;
      if (!best || r.population > best->population) best = &r;
    }
    return best;
  };
  std::ifstream tsv(argv[2]);
  if (!tsv) fail(std::string("cannot read ") + argv[2]);
  std::string line;
  std::vector<Record> extra;
  for (int line_no = 1; std::getline(tsv, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    const std::string where = std::string(argv[2]) + ":" + std::to_string(line_no) + ": ";
    if (f.size() != 4 || f[2].size() != 2) fail(where + "want 4 tab-separated fields: name kind iso2 target");
    Record r;
    if (f[1] == "alias" || f[1] == "landmark") {
      const Record* target = find_target(f[2], f[3]);
      if (!target && f[3] == "country") {  // a country iso-codes lacks (Kosovo)
        r.kind = kCountry, r.iso2 = f[2], r.name = f[0];
        const Best& b = best_in_country[f[2]];
        r.lat = b.lat, r.lon = b.lon;
      } else if (!target) {
        fail(where + "no record '" + f[3] + "' in " + f[2]);
      } else {
        r = *target;
      }
      r.via = f[1] == "alias" ? kViaAlias : kViaLandmark;
    } else if (f[1] == "region") {
      double lat = 0, lon = 0;
      if (std::sscanf(f[3].c_str(), "%lf,%lf", &lat, &lon) != 2) fail(where + "region target must be lat,lon");
      r.kind = kRegion, r.iso2 = f[2], r.name = f[0], r.lat = lat, r.lon = lon, r.via = kViaHand;
      r.iso3 = iso3_of.count(r.iso2) ? iso3_of[r.iso2] : "";
    } else {
      fail(where + "unknown kind '" + f[1] + "'");
    }
    r.key = normalized(f[0]);
    extra.push_back(std::move(r));
  }
  records.insert(records.end(), extra.begin(), extra.end());

  std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
    if (a.key != b.key) return a.key < b.key;
    if (rank_class(a) != rank_class(b)) return rank_class(a) < rank_class(b);
    return a.population > b.population;
  });

  Blob blob;
  blob.add("");
  std::ostringstream rows;
  for (const auto& r : records) {
    char buf[160];
    std::snprintf(buf, sizeof buf, ",\"%s\",\"%s\",%.5ff,%.5ff,%uu,%d,%d},\n", r.iso2.c_str(), r.iso3.c_str(), r.lat,
                  r.lon, r.population, r.kind, r.via);
    rows << "{" << blob.add(r.key) << "u," << blob.add(r.name) << "u," << blob.add(r.region) << "u,"
         << blob.add(r.region_key) << "u" << buf;
  }
  std::ofstream out(argv[3]);
  if (!out) fail(std::string("cannot write ") + argv[3]);
  out << "// Generated by src/places/gen/gen_gazetteer.cpp from iso-codes, libgeonames and\n"
         "// src/places/extra_places.tsv.  Do not edit.\n"
         "namespace parley::gazetteer_table {\n";
  blob.write(out);
  out << "constexpr Row kRows[] = {\n" << rows.str() << "};\n}  // namespace parley::gazetteer_table\n";
  if (!out.flush()) fail(std::string("cannot write ") + argv[3]);
  std::cerr << "gen_gazetteer: " << records.size() << " rows\n";
  return 0;
}
