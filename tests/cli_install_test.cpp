// `cmake --install` gives a working parley: the installed binary, run from
// elsewhere with no PARLEY_DATA_DIR, reads the dictionaries installed next
// to it (<prefix>/share/parley/dict, found from its own location) and codes
// the example article exactly as the build tree's binary does.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace parley::test {
namespace {


TEST(CliInstall, InstalledBinaryCodesTheExampleWithItsOwnData) {
  const std::string article = example_article();
  const TempDir tmp("install");
  const std::string prefix = tmp.file("prefix");
  const RunResult install =
      run_command(quote_arg(PARLEY_CMAKE_COMMAND) + " --install " + quote_arg(PARLEY_BUILD_DIR) + " --prefix " + quote_arg(prefix));
  ASSERT_EQ(install.status, 0) << install.out << install.err;
  const std::string bin = prefix + "/bin/parley";
  ASSERT_TRUE(std::filesystem::exists(bin)) << install.out;
  ASSERT_TRUE(std::filesystem::exists(prefix + "/share/parley/dict/PETR_config.ini")) << install.out;

  // From another directory, without the variable that would point elsewhere.
  const RunResult installed = run_command("cd " + quote_arg(tmp.path().string()) + " && env -u PARLEY_DATA_DIR " +
                                          quote_arg(bin) + " code --date 2025-08-06 " + quote_arg(article));
  ASSERT_EQ(installed.status, 0) << installed.err;
  ASSERT_FALSE(installed.out.empty());
  // Evidence names the dictionary file relative to the dictionary folder:
  // no path of the machine (the install prefix) in the output.
  EXPECT_NE(installed.out.find("\"verb_entry\":\"parley.verbs."), std::string::npos) << installed.out;
  EXPECT_EQ(installed.out.find(prefix), std::string::npos) << "an absolute path leaked into the output";

  const RunResult built = run_command("env -u PARLEY_DATA_DIR " + quote_arg(parley_bin()) +
                                      " code --date 2025-08-06 " + quote_arg(article));
  ASSERT_EQ(built.status, 0) << built.err;
  // Same dictionaries, same names relative to their folder: the same bytes.
  EXPECT_EQ(installed.out, built.out);
}

}  // namespace
}  // namespace parley::test
