// The CAMEO -> PLOVER crosswalk: every CAMEO code maps, spot checks of the
// documented choices, and codes that are not CAMEO codes.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "cameo/cameo.h"
#include "plover/plover.h"

namespace parley {
namespace {

TEST(Plover, EveryCameoCodeMaps) {
  ASSERT_GT(cameo_codes().size(), 250u);
  std::set<std::string> types;
  for (const CameoCode& c : cameo_codes()) {
    const PloverEntry* e = plover_for(c.code);
    ASSERT_NE(e, nullptr) << c.code;
    EXPECT_TRUE(c.code.starts_with(e->cameo_prefix)) << c.code << " decided by " << e->cameo_prefix;
    types.insert(std::string(e->type_name()));
  }
  // All sixteen PLOVER types are used, plus OTHER.
  EXPECT_EQ(types.size(), 17u);
}

TEST(Plover, SpotChecks) {
  struct Case { const char* code; const char* type; const char* mode; };
  const Case cases[] = {
      {"042", "CONSULT", "visit"},      {"043", "CONSULT", "host"},        {"041", "CONSULT", "phone"},
      {"1312", "THREATEN", "sanction"}, {"190", "ASSAULT", ""},            {"195", "ASSAULT", "aerial"},
      {"163", "SANCTION", "embargo"},   {"0871", "RETREAT", "ceasefire"}, {"0841", "RETREAT", "release"},
      {"057", "AGREE", "sign"},         {"073", "AID", "humanitarian"},    {"112", "ACCUSE", "allege"},
      {"1831", "ASSAULT", "suicide-bombing"}, {"141", "PROTEST", "demonstrate"}, {"154", "MOBILIZE", "military"},
      {"173", "COERCE", "arrest"},      {"191", "COERCE", "blockade"},     {"100", "REQUEST", ""},
      {"120", "REJECT", ""},            {"061", "COOPERATE", "economic"}, {"085", "CONCEDE", "ease-sanctions"},
      {"051", "SUPPORT", "praise"},     {"010", "OTHER", ""},              {"2042", "ASSAULT", "nuclear"},
  };
  for (const Case& c : cases) {
    const PloverEntry* e = plover_for(c.code);
    ASSERT_NE(e, nullptr) << c.code;
    EXPECT_EQ(e->type_name(), c.type) << c.code;
    EXPECT_EQ(e->mode, c.mode) << c.code;
  }
}

TEST(Plover, ChildrenInheritTheirParentsRow) {
  // 1411 has no row of its own; 141 decides.
  const PloverEntry* e = plover_for("1411");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo_prefix, "141");
  EXPECT_EQ(plover_for("1822")->cameo_prefix, "1822");
}

TEST(Plover, NonCameoCodesHaveNoEntry) {
  for (const char* code : {"", "---", "0", "999", "0429", "21", "042 ", "x42", "174K"}) {
    EXPECT_EQ(plover_for(code), nullptr) << '"' << code << '"';
  }
}

TEST(Plover, TypeNames) {
  EXPECT_EQ(plover_type_name(PloverType::kAgree), "AGREE");
  EXPECT_EQ(plover_type_name(PloverType::kAssault), "ASSAULT");
  EXPECT_EQ(plover_type_name(PloverType::kOther), "OTHER");
  EXPECT_EQ(plover_type_name(static_cast<PloverType>(200)), "OTHER");
}

}  // namespace
}  // namespace parley
