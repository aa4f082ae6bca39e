#include <gtest/gtest.h>

#include <string>

#include "text/utf8.h"

using parley::decode_utf8;
using parley::is_valid_utf8;
using parley::repair_utf8;

TEST(Utf8, CleanTextIsUntouched) {
  std::string s = "Élysée talks “went well” — 11.8%";
  std::string copy = s;
  EXPECT_TRUE(is_valid_utf8(s));
  EXPECT_EQ(repair_utf8(s), 0u);
  EXPECT_EQ(s, copy);
}

TEST(Utf8, InvalidBytesBecomeReplacementChars) {
  std::string s = "ab\xFF" "cd\xC3";  // a stray byte and a truncated sequence at the end
  EXPECT_FALSE(is_valid_utf8(s));
  EXPECT_EQ(repair_utf8(s), 2u);
  EXPECT_EQ(s, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
  EXPECT_TRUE(is_valid_utf8(s));
}

TEST(Utf8, NulBecomesSpace) {
  std::string s("Putin\0met", 9);
  EXPECT_EQ(repair_utf8(s), 1u);
  EXPECT_EQ(s, "Putin met");
}

TEST(Utf8, RejectsOverlongSurrogatesAndOutOfRange) {
  for (std::string bad : {std::string("\xC0\xAF"), std::string("\xE0\x80\xAF"), std::string("\xED\xA0\x80"),
                          std::string("\xF4\x90\x80\x80"), std::string("\xF8\x88\x80\x80\x80")}) {
    EXPECT_FALSE(is_valid_utf8(bad)) << bad.size();
    std::string r = bad;
    EXPECT_GT(repair_utf8(r), 0u);
    EXPECT_TRUE(is_valid_utf8(r));
  }
}

TEST(Utf8, DecodeNeverReadsPastEnd) {
  // A 3-byte lead with only one byte available: must consume 1 byte.
  const char buf[] = "\xE2\x80";
  auto u = decode_utf8(buf, buf + 1);
  EXPECT_FALSE(u.valid);
  EXPECT_EQ(u.len, 1);
  EXPECT_EQ(u.cp, parley::kReplacementChar);
  auto ok = decode_utf8("\xE2\x80\x94", "\xE2\x80\x94" + 3);
  EXPECT_TRUE(ok.valid);
  EXPECT_EQ(ok.cp, 0x2014u);
  EXPECT_EQ(ok.len, 3);
}

TEST(Utf8, EveryByteValueSurvivesRepair) {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  size_t repairs = repair_utf8(s);
  EXPECT_GT(repairs, 128u);  // NUL + every non-ASCII byte on its own is invalid
  EXPECT_TRUE(is_valid_utf8(s));
  EXPECT_EQ(s.find('\0'), std::string::npos);
}

TEST(Utf8, SpaceLength) {
  std::string s = "a\xC2\xA0" "b\xE2\x80\xAF" "c\xE3\x80\x80" "d\xE2\x80\x94";
  const char* p = s.data();
  const char* e = p + s.size();
  EXPECT_EQ(parley::space_length(p + 1, e), 2u);   // NBSP
  EXPECT_EQ(parley::space_length(p + 4, e), 3u);   // narrow NBSP
  EXPECT_EQ(parley::space_length(p + 8, e), 3u);   // ideographic space
  EXPECT_EQ(parley::space_length(p + 12, e), 0u);  // em dash is not a space
  EXPECT_EQ(parley::space_length(p + 11, p + 12), 0u);
}
