#include <gtest/gtest.h>

#include "text/sentences.h"

using parley::find_dateline;

namespace {
std::string after(std::string_view text, const parley::Dateline& d) { return std::string(text.substr(d.end)); }
}  // namespace

TEST(Dateline, ReutersStyle) {
  std::string_view t = "MOSCOW, Aug 6 (Reuters) - Russian President Vladimir Putin met Steve Witkoff.";
  auto d = find_dateline(t);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->begin, 0u);
  EXPECT_EQ(d->place, "MOSCOW");
  EXPECT_EQ(d->date_hint, 806);
  EXPECT_EQ(after(t, *d), "Russian President Vladimir Putin met Steve Witkoff.");
}

TEST(Dateline, Variants) {
  struct Case {
    const char* text;
    const char* place;
    int date;
    const char* rest;
  } cases[] = {
      {"WASHINGTON (AP) — The Senate voted.", "WASHINGTON", 0, "The Senate voted."},
      {"  UNITED NATIONS, August 6, 2025 (AFP) -- Envoys met.", "UNITED NATIONS", 806, "Envoys met."},
      {"KYIV, Ukraine (AP) – Sirens sounded.", "KYIV", 0, "Sirens sounded."},
      {"BEIJING, Sept. 30 (Xinhua) -- China said.", "BEIJING", 930, "China said."},
      {"PARIS - France recalled its envoy.", "PARIS", 0, "France recalled its envoy."},
      {"LONDON, 6 August (Reuters) - Talks ended.", "LONDON", 806, "Talks ended."},
  };
  for (const auto& c : cases) {
    auto d = find_dateline(c.text);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(d->place, c.place) << c.text;
    EXPECT_EQ(d->date_hint, c.date) << c.text;
    EXPECT_EQ(after(c.text, *d), c.rest) << c.text;
  }
}

TEST(Dateline, OrdinarySentencesHaveNone) {
  for (const char* t : {"Russian President Vladimir Putin met Witkoff.", "NATO said on Monday it would act.",
                        "Moscow - the capital - was quiet.", "US troops (about 300) left.", "", "   ",
                        "MOSCOW", "A - b", "MOSCOW, Aug 6 Reuters said"}) {
    EXPECT_FALSE(find_dateline(t)) << t;
  }
}

TEST(Dateline, SplitterSkipsIt) {
  parley::Doc doc;
  doc.text = "MOSCOW, Aug 6 (Reuters) - Putin met Witkoff. Talks lasted three hours.";
  parley::split_sentences(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.text.substr(doc.sentences[0].begin, doc.sentences[0].end - doc.sentences[0].begin),
            "Putin met Witkoff.");
}
