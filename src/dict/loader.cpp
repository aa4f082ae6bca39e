#include <utility>

#include "dict/load.h"
#include "dict/readers.h"

namespace parley {

void load_dictionaries(const DictPaths& paths, const DictOptions& options, Dictionaries& out) {
  using namespace dict_internal;
  Dictionaries d;
  d.options = options;
  Diagnostics diag(d.options, d.warnings);
  auto load = [&](const std::string& path, void (*reader)(const FileContext&, std::string_view)) {
    std::string text = read_checked_file(path);
    uint32_t index = static_cast<uint32_t>(d.files.size());
    d.files.push_back(path);
    FileContext cx{d, diag, path, index};
    reader(cx, text);
  };
  for (const std::string& p : paths.verbs) load(p, read_verbs);
  for (const std::string& p : paths.actors) load(p, read_actors);
  if (!paths.agents.empty()) load(paths.agents, read_agents);
  if (!paths.discards.empty()) load(paths.discards, read_discards);
  if (!paths.issues.empty()) load(paths.issues, read_issues);
  finish_actors(d);
  finish_agents(d);
  out = std::move(d);
}

}  // namespace parley
