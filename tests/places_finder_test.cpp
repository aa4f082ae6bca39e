// PlaceFinder on sentences parsed by the real pipeline: prepositional place
// phrases, direction adjectives, qualifiers, landmarks, venues that inherit
// the story's place, and sentences with no place or an unknown one.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dict/load.h"
#include "pipeline/engine.h"
#include "places/places.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley {
namespace {

const std::string kDir = test::test_data_path("pipeline");

class PlaceFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = new Engine(test::engine_config(kDir));
    gazetteer_ = new Gazetteer();
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete gazetteer_;
  }

  // The place of each sentence of `text`, read in order by one finder.
  std::vector<std::optional<PlaceMention>> places(const std::string& text) {
    worker_ = std::make_unique<Worker>(*engine_);
    CodedDocument coded;
    worker_->code("t", 20250806, text, false, coded);
    PlaceFinder finder(*gazetteer_);
    finder.start_document(worker_->doc());
    std::vector<std::optional<PlaceMention>> out;
    for (uint32_t s = 0; s < worker_->doc().sentences.size(); ++s) out.push_back(finder.find(worker_->doc(), s));
    return out;
  }
  std::optional<PlaceMention> place(const std::string& sentence) {
    auto all = places(sentence);
    EXPECT_EQ(all.size(), 1u) << sentence;
    return all.empty() ? std::nullopt : all[0];
  }
  std::string evidence(const PlaceMention& m) const {
    const Doc& doc = worker_->doc();
    return doc.text.substr(doc.tokens[m.token_begin].begin, doc.tokens[m.token_end - 1].end - doc.tokens[m.token_begin].begin);
  }

  static Engine* engine_;
  static Gazetteer* gazetteer_;
  std::unique_ptr<Worker> worker_;
};
Engine* PlaceFinderTest::engine_ = nullptr;
Gazetteer* PlaceFinderTest::gazetteer_ = nullptr;

TEST_F(PlaceFinderTest, ExampleArticleMeetingInTheKremlinIsMoscow) {
  auto all = places(test::read_file(test::example_article()));
  ASSERT_FALSE(all.empty());
  ASSERT_TRUE(all[0]);
  const PlaceMention& m = *all[0];
  EXPECT_EQ(m.place.name, "Moscow");
  EXPECT_EQ(m.place.iso2, "RU");
  EXPECT_EQ(m.place.iso3, "RUS");
  EXPECT_EQ(m.evidence, PlaceEvidence::kLandmark);
  EXPECT_NEAR(m.place.lat, 55.75, 0.05);
  EXPECT_NEAR(m.place.lon, 37.62, 0.05);
  EXPECT_EQ(evidence(m), "in the Kremlin");
}

TEST_F(PlaceFinderTest, DirectionAdjectiveIsSkipped) {
  auto m = place("Police detained dozens of protesters in southeastern Serbia on Monday.");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->place.iso2, "RS");
  EXPECT_EQ(m->place.kind, PlaceKind::kCountry);
  EXPECT_EQ(m->evidence, PlaceEvidence::kNamed);
  EXPECT_EQ(evidence(*m), "in southeastern Serbia");
}

TEST_F(PlaceFinderTest, NearAndOutside) {
  auto near = place("Fighting broke out near Niš late on Sunday.");
  ASSERT_TRUE(near);
  EXPECT_EQ(near->place.iso2, "RS");
  EXPECT_EQ(near->place.kind, PlaceKind::kCity);
  auto outside = place("Troops massed outside Kharkiv.");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->place.iso2, "UA");
}

TEST_F(PlaceFinderTest, AmbiguousNameAndQualifier) {
  auto paris = place("The ministers met in Paris on Friday.");
  ASSERT_TRUE(paris);
  EXPECT_EQ(paris->place.iso2, "FR");
  auto texas = place("The ministers met in Paris, Texas, on Friday.");
  ASSERT_TRUE(texas);
  EXPECT_EQ(texas->place.iso2, "US");
  EXPECT_EQ(texas->place.region, "Texas");
  EXPECT_EQ(evidence(*texas), "in Paris, Texas");
  // A list is not a qualifier: "Paris, London and Berlin" starts with Paris, France.
  auto list = place("Protests were held in Paris, London and Berlin.");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->place.iso2, "FR");
  EXPECT_EQ(evidence(*list), "in Paris");
}

TEST_F(PlaceFinderTest, MultiWordNamesAndLandmarks) {
  auto wh = place("Trump hosted Zelensky at the White House.");
  ASSERT_TRUE(wh);
  EXPECT_EQ(wh->place.iso2, "US");
  EXPECT_EQ(wh->evidence, PlaceEvidence::kLandmark);
  auto gaza = place("Israeli strikes killed 20 people in the Gaza Strip.");
  ASSERT_TRUE(gaza);
  EXPECT_EQ(gaza->place.iso2, "PS");
  EXPECT_EQ(gaza->place.kind, PlaceKind::kRegion);
  auto us = place("He was arrested in the United States.");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->place.iso2, "US");
  EXPECT_EQ(us->place.kind, PlaceKind::kCountry);
}

TEST_F(PlaceFinderTest, VenueInheritsTheLastPlaceOfTheStory) {
  auto all = places("Witkoff flew to Russia. He landed in Moscow on Wednesday. He was greeted at the airport by Kirill Dmitriev.");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_FALSE(all[0]);  // "to" is a destination, not where the event happened
  ASSERT_TRUE(all[1]);
  EXPECT_EQ(all[1]->place.name, "Moscow");
  ASSERT_TRUE(all[2]);
  EXPECT_EQ(all[2]->place.name, "Moscow");
  EXPECT_EQ(all[2]->evidence, PlaceEvidence::kInherited);
  EXPECT_EQ(evidence(*all[2]), "at the airport");
}

TEST_F(PlaceFinderTest, VenueInheritsTheDatelinePlace) {
  auto all = places("KYIV, Aug 6 (Reuters) - The envoy was greeted at the airport by the foreign minister.");
  ASSERT_EQ(all.size(), 1u);
  ASSERT_TRUE(all[0]);
  EXPECT_EQ(all[0]->place.iso2, "UA");
  EXPECT_EQ(all[0]->evidence, PlaceEvidence::kInherited);
}

TEST_F(PlaceFinderTest, VenueWithNoStoryPlaceIsNothing) {
  EXPECT_FALSE(place("The envoy was greeted at the airport by the foreign minister."));
}

TEST_F(PlaceFinderTest, UnknownPlacesAndNoPlaces) {
  EXPECT_FALSE(place("The talks were held in Zzyzxqville."));
  EXPECT_FALSE(place("The minister resigned after a long dispute."));
  EXPECT_FALSE(place("The deal was signed in March."));        // a month, not March, England
  EXPECT_FALSE(place("They met in secret at night."));        // lower case words are not names
  EXPECT_FALSE(place("The summit is expected in 2026."));
  EXPECT_FALSE(place("Leaders met in"));                      // preposition at the end
}

TEST_F(PlaceFinderTest, FirstPlaceOfTheSentenceWins) {
  auto m = place("Officials in Berlin said talks in Vienna had failed.");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->place.iso2, "DE");
}

TEST_F(PlaceFinderTest, OutOfRangeSentenceIsNothing) {
  places("He spoke in Paris.");
  PlaceFinder finder(*gazetteer_);
  EXPECT_FALSE(finder.find(worker_->doc(), 99));
  Doc empty;
  finder.start_document(empty);
  EXPECT_FALSE(finder.find(empty, 0));
  EXPECT_FALSE(finder.story_place());
}

}  // namespace
}  // namespace parley
