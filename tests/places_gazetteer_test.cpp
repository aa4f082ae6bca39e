// The compiled gazetteer: countries, cities, regions, aliases and landmarks,
// ranking of same-name places, context and qualifiers, and names it must not know.
#include <gtest/gtest.h>

#include "places/places.h"

namespace parley {
namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g;
  return g;
}

TEST(Gazetteer, HoldsTheDebianCitiesAndCountries) {
  EXPECT_GT(gazetteer().record_count(), 24000u);
  EXPECT_GT(gazetteer().name_count(), 20000u);
  EXPECT_GT(gazetteer().memory_bytes(), 0u);
}

TEST(Gazetteer, ResolvesCountriesUnderFormalAndEverydayNames) {
  for (const char* name : {"Russia", "Russian Federation", "RUSSIA"}) {
    auto p = gazetteer().resolve(name);
    ASSERT_TRUE(p) << name;
    EXPECT_EQ(p->iso2, "RU") << name;
    EXPECT_EQ(p->iso3, "RUS") << name;
    EXPECT_EQ(p->kind, PlaceKind::kCountry) << name;
  }
  auto us = gazetteer().resolve("United States");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->iso3, "USA");
  auto serbia = gazetteer().resolve("Serbia");
  ASSERT_TRUE(serbia);
  EXPECT_EQ(serbia->iso2, "RS");
  EXPECT_EQ(serbia->kind, PlaceKind::kCountry);
  // A point inside the country (its largest city), not 0,0.
  EXPECT_NEAR(serbia->lat, 44.8, 1.5);
  EXPECT_NEAR(serbia->lon, 20.5, 1.5);
}

TEST(Gazetteer, LargestCityWinsAnAmbiguousName) {
  auto paris = gazetteer().resolve("Paris");
  ASSERT_TRUE(paris);
  EXPECT_EQ(paris->iso2, "FR");
  EXPECT_EQ(paris->kind, PlaceKind::kCity);
  EXPECT_NEAR(paris->lat, 48.85, 0.1);
  EXPECT_NEAR(paris->lon, 2.35, 0.1);
  EXPECT_GT(paris->population, 1000000u);
}

TEST(Gazetteer, ContextCountryPicksTheLocalPlace) {
  auto paris = gazetteer().resolve("Paris", "US");
  ASSERT_TRUE(paris);
  EXPECT_EQ(paris->iso2, "US");
  EXPECT_EQ(paris->region, "Texas");
  EXPECT_NEAR(paris->lat, 33.66, 0.1);
  // A context with no such place keeps the global best.
  auto elsewhere = gazetteer().resolve("Paris", "RU");
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->iso2, "FR");
  // Hand-written names are not overridden by context.
  auto washington = gazetteer().resolve("Washington", "GB");
  ASSERT_TRUE(washington);
  EXPECT_EQ(washington->iso2, "US");
  EXPECT_EQ(washington->name, "Washington D.C.");
}

TEST(Gazetteer, QualifierNamesRegionOrCountry) {
  auto texas = gazetteer().resolve_qualified("Paris", "Texas");
  ASSERT_TRUE(texas);
  EXPECT_EQ(texas->iso2, "US");
  EXPECT_EQ(texas->region, "Texas");
  auto france = gazetteer().resolve_qualified("Paris", "France");
  ASSERT_TRUE(france);
  EXPECT_EQ(france->iso2, "FR");
  auto idaho = gazetteer().resolve_qualified("Moscow", "Idaho");
  ASSERT_TRUE(idaho);
  EXPECT_EQ(idaho->iso2, "US");
  // A qualifier that names neither (a second city) narrows nothing.
  EXPECT_FALSE(gazetteer().resolve_qualified("Paris", "London"));
  EXPECT_FALSE(gazetteer().resolve_qualified("Paris", "Nowhereland"));
}

TEST(Gazetteer, DiacriticsAndSpellingVariantsMeetOnePlace) {
  auto nis = gazetteer().resolve("Niš");
  auto nis_ascii = gazetteer().resolve("NIS");
  ASSERT_TRUE(nis);
  ASSERT_TRUE(nis_ascii);
  EXPECT_EQ(nis->name, nis_ascii->name);
  EXPECT_EQ(nis->iso2, "RS");
  auto kyiv = gazetteer().resolve("Kyiv");
  auto kiev = gazetteer().resolve("Kiev");
  ASSERT_TRUE(kyiv);
  ASSERT_TRUE(kiev);
  EXPECT_EQ(kyiv->iso2, "UA");
  EXPECT_EQ(kiev->name, kyiv->name);
  EXPECT_DOUBLE_EQ(kiev->lat, kyiv->lat);
  EXPECT_TRUE(gazetteer().resolve("  paris  "));
}

TEST(Gazetteer, HandWrittenRegionsAndLandmarks) {
  for (const char* name : {"Crimea", "Donbas", "Gaza Strip"}) {
    auto p = gazetteer().resolve(name);
    ASSERT_TRUE(p) << name;
    EXPECT_EQ(p->kind, PlaceKind::kRegion) << name;
  }
  EXPECT_EQ(gazetteer().resolve("Crimea")->iso2, "UA");
  EXPECT_EQ(gazetteer().resolve("West Bank")->iso2, "PS");
  auto kremlin = gazetteer().resolve("Kremlin");
  ASSERT_TRUE(kremlin);
  EXPECT_EQ(kremlin->name, "Moscow");
  EXPECT_EQ(kremlin->iso2, "RU");
  EXPECT_EQ(kremlin->kind, PlaceKind::kCity);
  EXPECT_EQ(gazetteer().resolve("Downing Street")->name, "London");
  EXPECT_EQ(gazetteer().resolve("White House")->iso2, "US");
}

TEST(Gazetteer, GeonamesRegionsAreResolvable) {
  auto texas = gazetteer().resolve("Texas");
  ASSERT_TRUE(texas);
  EXPECT_EQ(texas->kind, PlaceKind::kRegion);
  EXPECT_EQ(texas->iso2, "US");
  // Georgia the country outranks the U.S. state.
  EXPECT_EQ(gazetteer().resolve("Georgia")->iso2, "GE");
  EXPECT_EQ(gazetteer().resolve("Georgia", "US")->iso2, "US");
}

TEST(Gazetteer, UnknownNamesAreNotGuessed) {
  EXPECT_FALSE(gazetteer().resolve(""));
  EXPECT_FALSE(gazetteer().resolve("   "));
  EXPECT_FALSE(gazetteer().resolve("Narnia"));
  EXPECT_FALSE(gazetteer().resolve("Pari"));        // no prefix matching
  EXPECT_FALSE(gazetteer().resolve("Paris Texas"));  // not a name; the qualifier form is
  EXPECT_FALSE(gazetteer().resolve("Korea, Republic of"));
  EXPECT_FALSE(gazetteer().resolve(std::string_view("\xff\xfe", 2)));
}

TEST(Gazetteer, PlaceKindNames) {
  EXPECT_EQ(place_kind_name(PlaceKind::kCity), "city");
  EXPECT_EQ(place_kind_name(PlaceKind::kCountry), "country");
  EXPECT_EQ(place_kind_name(PlaceKind::kRegion), "region");
}

}  // namespace
}  // namespace parley
