#include <utility>

#include "dict/load.h"
#include "dict/readers.h"

namespace parley {
namespace {

std::string folder_part(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// `path` relative to `folder` (which ends in '/'), or its file name alone
// when it lies elsewhere.
std::string evidence_name(const std::string& path, const std::string& folder) {
  if (!folder.empty() && path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0) {
    return path.substr(folder.size());
  }
  return path.substr(folder_part(path).size());
}

// The longest folder prefix every path shares ("" when none).
std::string shared_folder(const std::vector<std::string>& paths) {
  if (paths.empty()) return {};
  std::string folder = folder_part(paths[0]);
  for (const std::string& p : paths) {
    while (!folder.empty() && p.compare(0, folder.size(), folder) != 0) {
      folder.pop_back();
      folder = folder_part(folder);
    }
  }
  return folder;
}

}  // namespace

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
  std::string folder = paths.folder;
  if (!folder.empty() && folder.back() != '/') folder += '/';
  if (folder.empty()) folder = shared_folder(d.files);
  for (const std::string& f : d.files) d.evidence_names.push_back(evidence_name(f, folder));
  finish_actors(d);
  finish_agents(d);
  out = std::move(d);
}

}  // namespace parley
