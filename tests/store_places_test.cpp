// Where events happen, for the dashboard's map: events per place with its
// coordinates (top_places) and per country of the place (place_countries),
// under the same filters as every event query; events without a place, or
// whose place has no coordinates, are on neither.
#include <gtest/gtest.h>

#include <optional>
#include <tuple>

#include "store/result_table.h"
#include "store/store.h"
#include "support/temp_dir.h"

using namespace parley::store;

namespace {

PlaceRecord place(const char* name, const char* country, double lat, double lon, const char* kind) {
  PlaceRecord p;
  p.name = name;
  p.country = country;
  p.country_iso3 = std::string(country) == "RU" ? "RUS" : std::string(country) == "UA" ? "UKR" : "";
  p.lat = lat;
  p.lon = lon;
  p.kind = kind;
  p.evidence = "named";
  return p;
}

// One document, one sentence per event; `where` may be absent.
StoredDocument doc(const std::string& id, int32_t date,
                   const std::vector<std::tuple<const char*, const char*, std::optional<PlaceRecord>, bool>>& events) {
  StoredDocument d;
  d.id = id;
  d.date = date;
  d.source_file = "test";
  for (uint32_t i = 0; i < events.size(); ++i) {
    const auto& [source, code, where, negated] = events[i];
    const std::string sentence = "Sentence " + std::to_string(i) + ".";
    const uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += sentence + " ";
    d.sentences.push_back({i, {begin, begin + static_cast<uint32_t>(sentence.size())}, sentence, false});
    EventRecord e;
    e.sentence = i;
    e.source = source;
    e.target = "USAGOV";
    e.code = code;
    e.root = e.code.substr(0, 2);
    e.quad_class = e.root == "19" ? 4 : 1;
    e.goldstein = e.root == "19" ? -10.0 : 1.0;
    e.place = where;
    e.negated = negated;
    e.verb = "v";
    e.verb_entry = "f:1";
    d.events.push_back(e);
  }
  return d;
}

class StorePlaces : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::open(tmp_.fresh_db("places.db"));
    const PlaceRecord moscow = place("Moscow", "RU", 55.75, 37.62, "city");
    const PlaceRecord kyiv = place("Kyiv", "UA", 50.45, 30.52, "city");
    const PlaceRecord russia = place("Russia", "RU", 60.0, 100.0, "country");
    store_->put_document(doc("d1", 20250804,
                             {{"RUSGOV", "043", moscow, false}, {"RUSGOV", "040", moscow, false},
                              {"RUSMIL", "190", kyiv, false}, {"RUSGOV", "010", std::nullopt, false}}));
    store_->put_document(doc("d2", 20250806, {{"RUSGOV", "043", moscow, true}, {"CHNGOV", "042", russia, false}}));
  }
  parley::test::TempDir tmp_{"store_places"};  // outlives store_ (declared first)
  std::unique_ptr<Store> store_;
};

}  // namespace

TEST_F(StorePlaces, PlacesByEventsWithTheirCoordinates) {
  const auto places = store_->top_places({}, 0);
  ASSERT_EQ(places.size(), 3u);  // the event without a place is on no marker
  EXPECT_EQ(places[0].name, "Moscow");
  EXPECT_EQ(places[0].events, 3);
  EXPECT_EQ(places[0].country, "RU");
  EXPECT_EQ(places[0].country_iso3, "RUS");
  EXPECT_EQ(places[0].kind, "city");
  EXPECT_DOUBLE_EQ(places[0].lat, 55.75);
  EXPECT_DOUBLE_EQ(places[0].lon, 37.62);
  EXPECT_DOUBLE_EQ(places[0].goldstein, 3.0);
  // Ties by name: Kyiv before Russia.
  EXPECT_EQ(places[1].name, "Kyiv");
  EXPECT_EQ(places[2].name, "Russia");
  EXPECT_EQ(store_->top_places({}, 1).size(), 1u);
}

TEST_F(StorePlaces, CountriesSumTheirPlaces) {
  const auto countries = store_->place_countries({});
  ASSERT_EQ(countries.size(), 2u);
  EXPECT_EQ(countries[0].country, "RU");
  EXPECT_EQ(countries[0].country_iso3, "RUS");
  EXPECT_EQ(countries[0].events, 4);  // three in Moscow, one in Russia itself
  EXPECT_EQ(countries[1].country, "UA");
  EXPECT_EQ(countries[1].events, 1);
  EXPECT_DOUBLE_EQ(countries[1].goldstein, -10.0);
}

TEST_F(StorePlaces, EveryEventFilterApplies) {
  EventFilter f;
  f.exclude = kNegated;
  EXPECT_EQ(store_->top_places(f, 0)[0].events, 2);
  EXPECT_EQ(store_->place_countries(f)[0].events, 3);
  f = {};
  f.root = "19";
  auto places = store_->top_places(f, 0);
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0].name, "Kyiv");
  f = {};
  f.country = "ru";
  for (const auto& p : store_->top_places(f, 0)) EXPECT_EQ(p.country, "RU");
  ASSERT_EQ(store_->place_countries(f).size(), 1u);
  f = {};
  f.from = 20250805;
  f.source = "CHN";
  places = store_->top_places(f, 0);
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0].name, "Russia");
  f = {};
  f.text = "Sentence 2";  // joins the sentences
  ASSERT_EQ(store_->top_places(f, 0).size(), 1u);
  EXPECT_EQ(store_->place_countries(f)[0].country, "UA");
  f.text = "'; DROP TABLE events; --";
  EXPECT_TRUE(store_->top_places(f, 0).empty());
  EXPECT_TRUE(store_->place_countries(f).empty());
  EXPECT_EQ(store_->counts().events, 6);
}

TEST_F(StorePlaces, CsvTablesNameTheFlatColumns) {
  const ResultTable places = places_table(store_->top_places({}, 0));
  EXPECT_EQ(places.columns, (std::vector<std::string>{"place_name", "place_country", "place_country_iso3", "place_kind",
                                                       "place_lat", "place_lon", "events", "goldstein"}));
  EXPECT_EQ(format_csv(places).substr(0, format_csv(places).find("\r\n")),
            "place_name,place_country,place_country_iso3,place_kind,place_lat,place_lon,events,goldstein");
  EXPECT_NE(format_csv(places).find("Moscow,RU,RUS,city,55.75,37.62,3,3"), std::string::npos) << format_csv(places);
  const ResultTable countries = countries_table(store_->place_countries({}));
  EXPECT_EQ(countries.rows.size(), 2u);
  EXPECT_EQ(countries.columns[0], "place_country");
}
