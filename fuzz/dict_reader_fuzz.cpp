// One dictionary reader (PARLEY_FUZZ_DICT: verbs, actors, agents, discards,
// issues, config) through the public loader, load_dictionaries() or
// read_config() on a file, and what is compiled from a loaded file: the verb
// pattern index, the actor finder.  A malformed file must be a DictError
// naming the file and a line inside it, never a crash.
#include <cstdint>
#include <string>

#include "actors/actors.h"
#include "dict/load.h"
#include "fuzz_support.h"
#include "verbs/verbs.h"

using namespace parley;

namespace {

#define PARLEY_STR2(x) #x
#define PARLEY_STR(x) PARLEY_STR2(x)
const std::string kKind = PARLEY_STR(PARLEY_FUZZ_DICT);
fuzz::ScratchCleanup cleanup{".dict"};

// "FILE:LINE: ..." with LINE at most the file's line count + 1.
void check_error(const DictError& e, const std::string& path, std::string_view text) {
  const std::string what = e.what();
  PARLEY_FUZZ_CHECK(what.rfind(path + ":", 0) == 0 || what.find(path) != std::string::npos);
  size_t lines = 1;
  for (char c : text) lines += c == '\n';
  PARLEY_FUZZ_CHECK(e.line() <= lines + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = fuzz::write_scratch(data, size, ".dict");
  try {
    if (kKind == "config") {
      DictPaths paths = read_config(path);
      DictOptions options;
      read_config_options(path, options);
      return 0;
    }
    DictPaths paths;
    if (kKind == "verbs") paths.verbs = {path};
    else if (kKind == "actors") paths.actors = {path};
    else if (kKind == "agents") paths.agents = path;
    else if (kKind == "discards") paths.discards = path;
    else if (kKind == "issues") paths.issues = path;
    else std::abort();
    Dictionaries dicts;
    DictOptions options;
    // Warnings are kept in dicts.warnings; printing each would flood the log.
    options.on_warning = [](const std::string&) {};
    load_dictionaries(paths, options, dicts);
    if (kKind == "verbs") PatternIndex index(dicts);
    if (kKind == "actors" || kKind == "agents") ActorFinder finder(dicts, ActorOptions{});
  } catch (const DictError& e) {
    check_error(e, path, fuzz::as_view(data, size));
  }
  return 0;
}
