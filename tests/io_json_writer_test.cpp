#include "io/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace parley::io {
namespace {

std::string escaped(std::string_view s) {
  std::string out;
  JsonWriter::append_escaped(out, s);
  return out;
}

TEST(JsonWriter, EscapesExactly) {
  EXPECT_EQ(escaped("plain"), "\"plain\"");
  EXPECT_EQ(escaped(""), "\"\"");
  EXPECT_EQ(escaped("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
  EXPECT_EQ(escaped("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(escaped(std::string_view("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(escaped("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(JsonWriter, ReplacesInvalidUtf8) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(escaped("a\xFFz"), "\"a" + fffd + "z\"");
  EXPECT_EQ(escaped("\xC0\xAF"), "\"" + fffd + fffd + "\"");       // overlong: two bad bytes
  EXPECT_EQ(escaped("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");  // surrogate
  EXPECT_EQ(escaped("\xE2\x82"), "\"" + fffd + "\"");               // truncated, one subpart
  EXPECT_EQ(escaped("\xE2\x82z"), "\"" + fffd + "z\"");
  EXPECT_EQ(escaped("\xF4\x90\x80\x80"), "\"" + fffd + fffd + fffd + fffd + "\"");  // > U+10FFFF
  EXPECT_EQ(escaped("\xF0\x9F\x98"), "\"" + fffd + "\"");
  EXPECT_EQ(escaped("\x80"), "\"" + fffd + "\"");
}

TEST(JsonWriter, WritesObjectsArraysAndScalars) {
  JsonWriter w;
  w.begin_object();
  w.key("id");
  w.string("x1");
  w.key("n");
  w.integer(-42);
  w.key("u");
  w.unsigned_integer(18446744073709551615ull);
  w.key("ok");
  w.boolean(true);
  w.key("no");
  w.boolean(false);
  w.key("nil");
  w.null();
  w.key("events");
  w.begin_array();
  w.begin_object();
  w.key("code");
  w.string("064");
  w.end_object();
  w.begin_array();
  w.end_array();
  w.integer(1);
  w.end_array();
  w.key("empty");
  w.begin_object();
  w.end_object();
  w.key("pre");
  w.raw("{\"a\":[1,2]}");
  w.end_object();
  w.end_line();
  EXPECT_EQ(w.data(),
            "{\"id\":\"x1\",\"n\":-42,\"u\":18446744073709551615,\"ok\":true,\"no\":false,"
            "\"nil\":null,\"events\":[{\"code\":\"064\"},[],1],\"empty\":{},\"pre\":{\"a\":[1,2]}}\n");
}

TEST(JsonWriter, DoublesAreShortestRoundTrip) {
  const auto one = [](double v) {
    JsonWriter w;
    w.begin_array();
    w.number(v);
    w.end_array();
    return w.data().substr(1, w.data().size() - 2);
  };
  EXPECT_EQ(one(-4.4), "-4.4");
  EXPECT_EQ(one(10.0), "10");
  EXPECT_EQ(one(0.1), "0.1");
  EXPECT_EQ(one(-10.0), "-10");
  EXPECT_EQ(one(3.4), "3.4");
  EXPECT_EQ(one(0.0), "0");
  EXPECT_EQ(one(1e21), "1e+21");
  EXPECT_EQ(one(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(one(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(one(std::numeric_limits<double>::infinity()), "null");
  for (double v : {-4.4, 10.0, 0.1, 1.0 / 3, 1e-300, 6.02214076e23}) {
    EXPECT_EQ(nlohmann::json::parse(one(v)).get<double>(), v);
  }
}

TEST(JsonWriter, RawMembersSpliceIntoObject) {
  JsonWriter w;
  w.begin_object();
  w.raw_members("{\"source\":\"AFP\",\"n\":1}");
  w.raw_members("");
  w.raw_members("{}");
  w.raw_members(" { } ");
  w.key("id");
  w.string("a");
  w.raw_members("{\"z\":[1]}");
  w.end_object();
  w.end_line();
  EXPECT_EQ(w.data(), "{\"source\":\"AFP\",\"n\":1,\"id\":\"a\",\"z\":[1]}\n");
}

TEST(JsonWriter, LinesAreIndependentAndBufferIsReused) {
  JsonWriter w;
  for (int i = 0; i < 3; ++i) {
    w.begin_object();
    w.key("i");
    w.integer(i);
    w.end_object();
    w.end_line();
  }
  EXPECT_EQ(w.data(), "{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n");
  const size_t cap = w.data().capacity();
  const char* before = w.data().data();
  w.clear();
  EXPECT_TRUE(w.data().empty());
  w.begin_object();
  w.key("i");
  w.integer(3);
  w.end_object();
  w.end_line();
  EXPECT_EQ(w.data(), "{\"i\":3}\n");
  EXPECT_EQ(w.data().capacity(), cap);
  EXPECT_EQ(w.data().data(), before);
}

// Every byte value, in many combinations, must come out as JSON that parses
// back to the input (valid UTF-8) or to the input with U+FFFD substitutions.
TEST(JsonWriter, OutputAlwaysParsesBack) {
  uint32_t seed = 12345;
  const auto rnd = [&] { return seed = seed * 1103515245u + 12345u, seed >> 16; };
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = static_cast<int>(rnd() % 40);
    for (int i = 0; i < len; ++i) s.push_back(static_cast<char>(rnd() & 0xFF));
    JsonWriter w;
    w.begin_object();
    w.key(s);
    w.string(s);
    w.end_object();
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(w.data())) << w.data();
    ASSERT_EQ(j.size(), 1u);
    const std::string back = j.begin().value().get<std::string>();
    EXPECT_EQ(j.begin().key(), back);
    bool valid = true;
    try {
      (void)nlohmann::json(s).dump();
    } catch (const nlohmann::json::type_error&) {
      valid = false;
    }
    if (valid) {
      EXPECT_EQ(back, s);
    }
    // nlohmann's own replacement of invalid UTF-8 follows the same rule.
    EXPECT_EQ(back, nlohmann::json::parse(nlohmann::json(s).dump(-1, ' ', false,
                                                                 nlohmann::json::error_handler_t::replace))
                        .get<std::string>());
  }
}

}  // namespace
}  // namespace parley::io
