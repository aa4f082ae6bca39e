// parley's own dictionaries (data/dict) load and pass `dict check`.  The
// verb files are checked in a test of their own: they are being cleaned up
// separately, and their findings must not hide the others'.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dict/load.h"
#include "dictcheck/dictcheck.h"
#include "tokens/lexicon.h"
#include "support/lexicon.h"
#include "support/paths.h"

namespace {

using parley::dictcheck::Finding;

const std::string kIni = parley::test::source_data_path("dict/PETR_config.ini");

const std::vector<Finding>& findings() {
  static const std::vector<Finding> fs = [] {
    parley::dictcheck::CheckOptions o;
    o.lexicon = &parley::test::wordnet_lexicon();
    return parley::dictcheck::load_and_check(parley::read_config(kIni), o);
  }();
  return fs;
}

bool in_verb_file(const Finding& f, const parley::DictPaths& p) {
  for (const std::string& v : p.verbs)
    if (f.file == v) return true;
  return false;
}

TEST(DictCheckData, EveryFileOfTheSetLoads) {
  parley::DictPaths p = parley::read_config(kIni);
  ASSERT_FALSE(p.verbs.empty());
  ASSERT_EQ(p.actors.size(), 3u);
  ASSERT_FALSE(p.agents.empty());
  ASSERT_FALSE(p.discards.empty());
  parley::Dictionaries d;
  parley::DictOptions o;
  o.strict = true;  // a skipped entry is a failure too
  ASSERT_NO_THROW(parley::load_dictionaries(p, o, d));
  EXPECT_GT(d.actors.phrases.size(), 1000u);
  EXPECT_GT(d.agents.entries.size(), 100u);
  EXPECT_GT(d.verbs.forms.size(), 1000u);
  EXPECT_EQ(d.files.size(), p.verbs.size() + p.actors.size() + 2);
}

TEST(DictCheckData, ActorAgentDiscardFilesAreClean) {
  parley::DictPaths p = parley::read_config(kIni);
  for (const Finding& f : findings())
    if (!in_verb_file(f, p)) ADD_FAILURE() << parley::dictcheck::format(f);
}

TEST(DictCheckData, VerbFilesAreClean) {
  parley::DictPaths p = parley::read_config(kIni);
  size_t n = 0;
  for (const Finding& f : findings())
    if (in_verb_file(f, p)) {
      ++n;
      ADD_FAILURE() << parley::dictcheck::format(f);
    }
  EXPECT_EQ(n, 0u);
}

}  // namespace
