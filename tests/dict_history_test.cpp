// Countries and leaders across time in parley's own dictionaries (data/dict):
// a leader's code follows the offices the person held on the story's date,
// ministers of the 1980s are their country's government, heads of state and
// government are covered without gaps from 1980, and former states (USSR,
// Czechoslovakia, Yugoslavia, Zaire, the Yemens ...) take the successor's code
// that tools/countries_extra.tsv documents.  The sentences are written for
// this test.  The sentence tests run the built `parley` binary (the full
// build builds it); the dictionary tests read the files directly.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "dict/load.h"
#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace {

// The actor files of the default set, loaded alone (no verbs, agents).
const parley::Dictionaries& actors() {
  static const parley::Dictionaries d = [] {
    parley::DictPaths all = parley::read_config(parley::test::source_data_path("dict/PETR_config.ini"));
    parley::DictPaths p;
    p.actors = all.actors;
    parley::Dictionaries out;
    parley::load_dictionaries(p, parley::DictOptions{}, out);
    return out;
  }();
  return d;
}

// The people file alone: country files name governments undated
// (THE_KREMLIN -> RUSGOV), which would cover every date.
const parley::Dictionaries& people() {
  static const parley::Dictionaries d = [] {
    parley::DictPaths p;
    p.actors = {parley::test::source_data_path("dict/parley.people.actors.txt")};
    parley::Dictionaries out;
    parley::load_dictionaries(p, parley::DictOptions{}, out);
    return out;
  }();
  return d;
}

// The record of the phrase written exactly as these words ('_' joined), -1 if none.
int64_t record_of(const parley::Dictionaries& d, const std::string& phrase) {
  std::vector<uint32_t> ids;
  std::stringstream ss(phrase);
  for (std::string w; std::getline(ss, w, '_');) {
    if (w.empty()) continue;
    uint32_t id = d.vocab.find(w);
    if (!id) return -1;
    ids.push_back(id);
  }
  if (ids.empty()) return -1;
  auto it = d.actors.phrases_by_first.find(ids[0]);
  if (it == d.actors.phrases_by_first.end()) return -1;
  for (uint32_t p : it->second)
    if (d.actors.phrases[p].words == ids) return d.actors.phrases[p].record;
  return -1;
}

std::string code_of(const std::string& phrase, int32_t date) {
  const parley::Dictionaries& d = actors();
  int64_t r = record_of(d, phrase);
  if (r < 0) return "(no phrase)";
  const std::string* c = d.actors.code_on(static_cast<uint32_t>(r), date);
  return c ? *c : "(none)";
}

// Each change of office on its day and the day before: the range ends on
// the day the successor took over.
TEST(DictHistory, LeadersChangeCodeOnTheDayOfTheChange) {
  const std::vector<std::tuple<std::string, int32_t, std::string>> cases = {
      // military ruler, then none: coup of 1993-11-17, death 1998-06-08
      {"SANI_ABACHA", 19931116, "NGAMIL"},
      {"SANI_ABACHA", 19931117, "NGAGOV"},
      {"SANI_ABACHA", 19980607, "NGAGOV"},
      {"SANI_ABACHA", 19980608, "NGAELI"},
      // two terms with eighteen years between them
      {"MAHATHIR_MOHAMAD", 20031030, "MYSGOV"},
      {"MAHATHIR_MOHAMAD", 20031031, "MYSELI"},
      {"MAHATHIR_MOHAMAD", 20180509, "MYSELI"},
      {"MAHATHIR_MOHAMAD", 20180510, "MYSGOV"},
      {"MAHATHIR_MOHAMAD", 20200224, "MYSELI"},
      // opposition between two premierships
      {"ANDREAS_PAPANDREOU", 19811020, "GRCOPP"},
      {"ANDREAS_PAPANDREOU", 19811021, "GRCGOV"},
      {"ANDREAS_PAPANDREOU", 19890702, "GRCOPP"},
      {"ANDREAS_PAPANDREOU", 19931013, "GRCGOV"},
      {"ANDREAS_PAPANDREOU", 19960122, "GRCELI"},
      // a national career, an international post, a national one again
      {"RUUD_LUBBERS", 19940821, "NLDGOV"},
      {"RUUD_LUBBERS", 19940822, "NLDELI"},
      {"RUUD_LUBBERS", 20010101, "IGOUNOHCR"},
      {"RUUD_LUBBERS", 20050220, "NLDELI"},
      {"GRO_HARLEM_BRUNDTLAND", 19870101, "NORGOV"},
      {"GRO_HARLEM_BRUNDTLAND", 19900101, "NOROPP"},
      {"GRO_HARLEM_BRUNDTLAND", 20000101, "IGOUNOWHO"},
      {"PETER_SUTHERLAND", 19870101, "IGOEECGOV"},
      {"PETER_SUTHERLAND", 19940101, "IGOWTO"},
      {"PETER_SUTHERLAND", 19960101, "IRLBUS"},
      // a head of a former state keeps the successor's code
      {"VACLAV_HAVEL", 19891228, "CZEOPP"},
      {"VACLAV_HAVEL", 19891229, "CZEGOV"},
      {"VACLAV_HAVEL", 19921201, "CZEELI"},
      {"VACLAV_HAVEL", 19930202, "CZEGOV"},
      {"ALI_NASIR_MUHAMMAD", 19850101, "YEMGOV"},
      {"ALI_NASIR_MUHAMMAD", 19860124, "YEMOPP"},
      {"LAURENT-DESIRE_KABILA", 19970516, "CODREB"},
      {"LAURENT-DESIRE_KABILA", 19970517, "CODGOV"},
  };
  for (const auto& [phrase, date, expected] : cases)
    EXPECT_EQ(code_of(phrase, date), expected) << phrase << " on " << date;
}

// Foreign and defence ministers of the 1980s are their government; after
// leaving office they are former officials.
TEST(DictHistory, MinistersOfTheEightiesAreTheirGovernment) {
  const std::vector<std::tuple<std::string, int32_t, std::string>> cases = {
      {"FERNANDO_MORAN", 19840601, "ESPGOV"},          {"FERNANDO_MORAN", 19900601, "ESPELI"},
      {"FRANCISCO_FERNANDEZ_ORDONEZ", 19880601, "ESPGOV"},
      {"NARCIS_SERRA", 19870601, "ESPGOV"},           {"GIANNI_DE_MICHELIS", 19900601, "ITAGOV"},
      {"GIANNI_DE_MICHELIS", 19930601, "ITAELI"},     {"GYULA_HORN", 19890601, "HUNGOV"},
      {"GYULA_HORN", 19910601, "HUNOPP"},             {"GENG_BIAO", 19810601, "CHNGOV"},
      {"CLAUDE_CHEYSSON", 19830601, "FRAGOV"},        {"HANS-DIETRICH_GENSCHER", 19850601, "DEUGOV"},
      {"ANDREI_GROMYKO", 19840601, "RUSGOV"},         {"CASPAR_WEINBERGER", 19840601, "USAGOV"},
      {"ALI_AKBAR_VELAYATI", 19860601, "IRNGOV"},     {"KIM_YONG_NAM", 19880601, "PRKGOV"},
  };
  for (const auto& [phrase, date, expected] : cases)
    EXPECT_EQ(code_of(phrase, date), expected) << phrase << " on " << date;
}

// Country phrases of former states carry the successor's code on every
// date, as the notes of tools/countries_extra.tsv say.
TEST(DictHistory, FormerStatesTakeTheSuccessorsCode) {
  const std::vector<std::pair<std::string, std::string>> former = {
      {"SOVIET_UNION", "RUS"},       {"USSR", "RUS"},
      {"CZECHOSLOVAKIA", "CZE"},     {"EAST_GERMANY", "DEU"},
      {"GERMAN_DEMOCRATIC_REPUBLIC", "DEU"},
      {"WEST_GERMANY", "DEU"},       {"YUGOSLAVIA", "SRB"},
      {"SERBIA_AND_MONTENEGRO", "SRB"},
      {"SOUTH_YEMEN", "YEM"},        {"NORTH_YEMEN", "YEM"},
      {"ZAIRE", "COD"},              {"NETHERLANDS_ANTILLES", "CUW"},
      {"RHODESIA", "ZWE"},           {"SOUTH_WEST_AFRICA", "NAM"},
      {"TRANSKEI", "ZAF"},           {"VENDA", "ZAF"},
      {"STATE_OF_CAMBODIA", "KHM"},  {"UPPER_VOLTA", "BFA"},
      {"BURMA", "MMR"},              {"SWAZILAND", "SWZ"},
  };
  for (const auto& [phrase, code] : former)
    for (int32_t date : {19850601, 20200601}) EXPECT_EQ(code_of(phrase, date), code) << phrase << " on " << date;
}

// "Georgia" names the US state before Georgia's independence (1991-04-09)
// and the country from then on (tools/countries_extra.tsv, DATED); the
// country's other names ("Tbilisi", "Soviet Georgia") are Georgia's always.
TEST(DictHistory, GeorgiaIsTheUSStateBeforeIndependence) {
  EXPECT_EQ(code_of("GEORGIA", 19610615), "USA");
  EXPECT_EQ(code_of("GEORGIA", 19910408), "USA");
  EXPECT_EQ(code_of("GEORGIA", 19910409), "GEO");
  EXPECT_EQ(code_of("GEORGIA", 20080810), "GEO");
  EXPECT_EQ(code_of("TBILISI", 19610615), "GEO");
  EXPECT_EQ(code_of("SOVIET_GEORGIA", 19610615), "GEO");
}

// Every country below has a person coded as its government on every
// 1 January and 1 July from 1980 to 2025: a head of state or government
// whose record is missing or mis-dated leaves a hole here.  (A minister
// can fill a head's hole, so this is a floor, not a proof of coverage.)
TEST(DictHistory, EveryCountryHasAGovernmentEveryHalfYearSince1980) {
  const parley::Dictionaries& d = people();
  const std::vector<std::string> countries = {
      "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "CAN", "ITA", "KOR", "AUS", "MEX",
      "IDN", "SAU", "TUR", "ARG", "ZAF", "ESP", "NLD", "BEL", "POL", "SWE", "NOR", "DNK", "FIN", "AUT",
      "GRC", "PRT", "IRL", "CZE", "HUN", "ROU", "BGR", "LUX", "ISL", "ALB", "CYP", "MLT", "SRB", "UKR",
      "ISR", "IRN", "IRQ", "SYR", "LBN", "JOR", "EGY", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "LBY",
      "TUN", "DZA", "MAR", "NGA", "KEN", "ETH", "TZA", "UGA", "COD", "RWA", "SDN", "SOM", "ZWE", "AGO",
      "MOZ", "GHA", "CIV", "SEN", "CMR", "MLI", "NER", "BFA", "TCD", "ZMB", "PAK", "AFG", "BGD", "LKA",
      "NPL", "MMR", "THA", "VNM", "MYS", "SGP", "PHL", "KHM", "PRK", "TWN", "NZL", "CHL", "COL", "PER",
      "VEN", "CUB", "ECU", "BOL", "NIC", "PAN", "HTI", "URY", "PRY", "GTM", "HND", "SLV", "DOM", "GAB", "GIN",
      "GMB", "TGO", "BDI", "DJI", "LAO", "BRN", "KGZ", "KAZ", "UZB", "TKM", "TJK", "GEO", "ARM", "AZE", "MDA", "BLR",
      "HRV", "SVN", "SVK", "EST", "LVA", "LTU", "MKD", "MNE"};
  std::map<std::string, std::set<int32_t>> covered;
  std::vector<int32_t> dates;
  for (int32_t y = 1980; y <= 2025; ++y)
    for (int32_t md : {101, 701}) dates.push_back(y * 10000 + md);
  for (uint32_t r = 0; r < d.actors.records.size(); ++r)
    for (int32_t date : dates)
      if (const std::string* c = d.actors.code_on(r, date); c && c->size() == 6 && c->compare(3, 3, "GOV") == 0)
        covered[c->substr(0, 3)].insert(date);
  for (const std::string& cc : countries)
    for (int32_t date : dates)
      EXPECT_TRUE(covered[cc].count(date)) << cc << ": nobody is coded " << cc << "GOV on " << date;
}

// Sentences coded end to end: the record's date decides the code.
class DictHistorySentences : public ::testing::Test {
 protected:
  struct Event {
    std::string source, target;
  };
  // The events of each record id, coding one JSON Lines file of (id, date, text).
  static std::map<std::string, std::vector<Event>> code(const std::vector<std::tuple<std::string, std::string, std::string>>& records) {
    parley::test::TempDir dir("history");
    std::string jsonl;
    for (const auto& [id, date, text] : records)
      jsonl += nlohmann::json{{"id", id}, {"date", date}, {"text", text}}.dump() + "\n";
    const std::string input = dir.write("history.jsonl", jsonl);
    parley::test::RunResult r = parley::test::run_parley(
        "code --dicts " + parley::test::quote_arg(parley::test::source_data_path("dict")) + " " +
        parley::test::quote_arg(input));
    EXPECT_EQ(r.status, 0) << r.err;
    std::map<std::string, std::vector<Event>> out;
    for (const nlohmann::json& e : parley::test::json_lines(r.out))
      if (e.value("type", "") == "event")
        out[e.at("id").get<std::string>()].push_back({e.at("source").get<std::string>(), e.at("target").get<std::string>()});
    return out;
  }
  static std::vector<std::string> sources(const std::vector<Event>& events) {
    std::vector<std::string> s;
    for (const Event& e : events) s.push_back(e.source);
    return s;
  }
};

TEST_F(DictHistorySentences, TheSameNameCodesByTheStorysDate) {
  auto ev = code({
      {"abacha-1990", "1990-06-01", "Sani Abacha threatened to expel the British ambassador."},
      {"abacha-1995", "1995-06-01", "Sani Abacha threatened to expel the British ambassador."},
      {"abacha-2005", "2005-06-01", "Sani Abacha threatened to expel the British ambassador."},
      {"mugabe-1978", "1978-06-01", "Robert Mugabe criticized Britain over its land policy."},
      {"mugabe-1995", "1995-06-01", "Robert Mugabe criticized Britain over its land policy."},
      {"mugabe-2019", "2019-06-01", "Robert Mugabe criticized Britain over its land policy."},
      {"aznar-1992", "1992-06-01", "Jose Maria Aznar praised Britain for its support."},
      {"aznar-2000", "2000-06-01", "Jose Maria Aznar praised Britain for its support."},
      {"aznar-2006", "2006-06-01", "Jose Maria Aznar praised Britain for its support."},
  });
  EXPECT_EQ(sources(ev["abacha-1990"]), std::vector<std::string>{"NGAMIL"});
  EXPECT_EQ(sources(ev["abacha-1995"]), std::vector<std::string>{"NGAGOV"});
  EXPECT_EQ(sources(ev["abacha-2005"]), std::vector<std::string>{"NGAELI"});
  EXPECT_EQ(sources(ev["mugabe-1978"]), std::vector<std::string>{"ZWEOPP"});
  EXPECT_EQ(sources(ev["mugabe-1995"]), std::vector<std::string>{"ZWEGOV"});
  EXPECT_EQ(sources(ev["mugabe-2019"]), std::vector<std::string>{"ZWEELI"});
  EXPECT_EQ(sources(ev["aznar-1992"]), std::vector<std::string>{"ESPOPP"});
  EXPECT_EQ(sources(ev["aznar-2000"]), std::vector<std::string>{"ESPGOV"});
  EXPECT_EQ(sources(ev["aznar-2006"]), std::vector<std::string>{"ESPELI"});
}

TEST_F(DictHistorySentences, AForeignMinisterOfTheEightiesIsHisGovernment) {
  auto ev = code({
      {"moran-1984", "1984-06-01", "Fernando Moran criticized Morocco over the fishing dispute."},
      {"moran-1990", "1990-06-01", "Fernando Moran criticized Morocco over the fishing dispute."},
      {"ordonez-1988", "1988-06-01", "Francisco Fernandez Ordonez praised Portugal for its help."},
      {"velayati-1986", "1986-06-01", "Ali Akbar Velayati accused Iraq of using chemical weapons."},
  });
  ASSERT_FALSE(ev["moran-1984"].empty());
  EXPECT_EQ(ev["moran-1984"][0].source, "ESPGOV");
  EXPECT_EQ(ev["moran-1984"][0].target, "MAR");
  ASSERT_FALSE(ev["moran-1990"].empty());
  EXPECT_EQ(ev["moran-1990"][0].source, "ESPELI");
  ASSERT_FALSE(ev["ordonez-1988"].empty());
  EXPECT_EQ(ev["ordonez-1988"][0].source, "ESPGOV");
  ASSERT_FALSE(ev["velayati-1986"].empty());
  EXPECT_EQ(ev["velayati-1986"][0].source, "IRNGOV");
  EXPECT_EQ(ev["velayati-1986"][0].target, "IRQ");
}

TEST_F(DictHistorySentences, FormerStatesCodeAsTheirSuccessors) {
  auto ev = code({
      {"ussr", "1985-06-01", "The Soviet Union accused Czechoslovakia of violating the treaty."},
      {"gdr", "1985-06-01", "East Germany criticized Yugoslavia over the border dispute."},
      {"zaire", "1985-06-01", "Zaire accused Yugoslavia of supplying weapons to the rebels."},
      {"yemen", "1985-06-01", "South Yemen accused Czechoslovakia of interfering in its affairs."},
      {"antilles", "2005-06-01", "The Netherlands Antilles criticized Venezuela over the fishing dispute."},
      {"scg", "2004-06-01", "Serbia and Montenegro accused Albania of harbouring militants."},
  });
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"ussr", {"RUS", "CZE"}},   {"gdr", {"DEU", "SRB"}},      {"zaire", {"COD", "SRB"}},
      {"yemen", {"YEM", "CZE"}},  {"antilles", {"CUW", "VEN"}}, {"scg", {"SRB", "ALB"}},
  };
  for (const auto& [id, dyad] : expected) {
    ASSERT_FALSE(ev[id].empty()) << id << ": no event";
    EXPECT_EQ(ev[id][0].source, dyad.first) << id;
    EXPECT_EQ(ev[id][0].target, dyad.second) << id;
  }
}

}  // namespace
