// The two character-level rules of dict check: actor code prefixes and
// characters the tokenizer never puts inside a token.
#include <gtest/gtest.h>

#include <string>

#include "dictcheck/dictcheck.h"

namespace {

using parley::dictcheck::impossible_char;
using parley::dictcheck::known_actor_prefix;

TEST(DictCheckRules, ActorPrefixes) {
  for (const char* ok : {"RUS", "RUSGOV", "USAMIL", "XKX", "PSEREBHMS", "IGOUNO", "NGO", "IMGMUS", "MNC", "UIS",
                         "---GOV", "MEA", "WST", "AFR", "SCN", "ZWE", "ABW"})
    EXPECT_TRUE(known_actor_prefix(ok)) << ok;
  for (const char* bad : {"", "RU", "ARN", "ATLGOV", "XXX", "rus", "EU", "EUGOV", "UNO"})
    EXPECT_FALSE(known_actor_prefix(bad)) << bad;
}

TEST(DictCheckRules, WordsTheTokenizerProduces) {
  for (const char* ok : {"PUTIN", "U.S.", "WAR-TORN", "O'BRIEN", "AT&T", "N'T", "'S", "1,000", "10:30", "9/11",
                         ",", "--", "...", "$", "``", "''", "ПУТИН", "HTTP://EXAMPLE.ORG/A,B", "A@B.ORG", "ANTI-"})
    EXPECT_EQ(impossible_char(ok), 0u) << ok;
}

TEST(DictCheckRules, WordsItNeverProduces) {
  EXPECT_EQ(impossible_char("CAFÉ"), U'É');
  EXPECT_EQ(impossible_char("путин"), U'п');      // other scripts are upper-cased
  EXPECT_EQ(impossible_char("Putin"), U'u');      // ASCII lower case
  EXPECT_EQ(impossible_char("US$"), U'$');
  EXPECT_EQ(impossible_char("SCORE,"), U',');     // ',' only between digits
  EXPECT_EQ(impossible_char("A,1"), U',');
  EXPECT_EQ(impossible_char("(UN)"), U'(');
  EXPECT_EQ(impossible_char("O\u2019BRIEN"), U'\u2019');  // curly apostrophes are made straight
  EXPECT_EQ(impossible_char("a"), U'a');
}

}  // namespace
