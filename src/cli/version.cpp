// `parley --version`.  PARLEY_VERSION and PARLEY_GIT_DESCRIBE are set for
// this file only (CMakeLists.txt), so a new commit recompiles nothing else.
#include <string>

#include "cli/commands.h"

namespace parley::cli {

std::string version_text() {
  std::string text = "parley " PARLEY_VERSION;
  const std::string describe = PARLEY_GIT_DESCRIBE;
  if (!describe.empty()) text += " (" + describe + ")";
  return text;
}

}  // namespace parley::cli
