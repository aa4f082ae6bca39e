// PETR_config.ini (INI syntax): [Dictionaries] file names and the [Options]
// the coder honours.  Keys are case-insensitive; '#' and ';' start comment
// lines; "key = value" or "key: value".
#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "dict/load.h"
#include "dict/text_lines.h"

namespace parley {
namespace {

using dict_internal::trim;

struct IniValue {
  std::string value;
  uint32_t line = 0;
};

struct Ini {
  std::string path;
  std::map<std::string, IniValue> values;        // "section.key" (lower case)
  std::map<std::string, uint32_t> section_lines;  // section -> header line

  const IniValue* get(const std::string& section, const std::string& key) const {
    auto it = values.find(section + "." + key);
    return it == values.end() ? nullptr : &it->second;
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Ini parse_ini(const std::string& path) {
  Ini ini;
  ini.path = path;
  std::string text = dict_internal::read_checked_file(path);
  std::string_view rest = text;
  std::string section;
  uint32_t number = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = trim(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    ++number;
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line[0] == '[') {
      if (line.back() != ']') throw DictError(path, number, "unterminated section header '" + std::string(line) + "'");
      section = lower(trim(line.substr(1, line.size() - 2)));
      if (section.empty()) throw DictError(path, number, "empty section name");
      ini.section_lines.emplace(section, number);
      continue;
    }
    size_t sep = line.find_first_of("=:");
    if (sep == std::string_view::npos) throw DictError(path, number, "expected 'key = value', got '" + std::string(line) + "'");
    std::string key = lower(trim(line.substr(0, sep)));
    if (key.empty()) throw DictError(path, number, "missing key before '" + std::string(1, line[sep]) + "'");
    if (section.empty()) throw DictError(path, number, "key '" + key + "' outside any [section]");
    ini.values[section + "." + key] = IniValue{std::string(trim(line.substr(sep + 1))), number};
  }
  return ini;
}

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::vector<std::string> path_list(const Ini& ini, const IniValue& v, const std::string& key) {
  std::vector<std::string> out;
  std::string_view rest = v.value;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view name = trim(rest.substr(0, comma));
    if (name.empty()) throw DictError(ini.path, v.line, "empty file name in " + key);
    out.push_back(name[0] == '/' ? std::string(name) : folder_of(ini.path) + std::string(name));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::string single_path(const Ini& ini, const char* key) {
  const IniValue* v = ini.get("dictionaries", key);
  if (!v || v->value.empty()) return {};
  std::vector<std::string> list = path_list(ini, *v, key);
  if (list.size() != 1) throw DictError(ini.path, v->line, std::string(key) + " names more than one file");
  return list[0];
}

bool parse_bool(const Ini& ini, const IniValue& v, const std::string& key) {
  std::string s = lower(v.value);
  if (s == "true" || s == "yes" || s == "on" || s == "1") return true;
  if (s == "false" || s == "no" || s == "off" || s == "0") return false;
  throw DictError(ini.path, v.line, key + ": expected True or False, got '" + v.value + "'");
}

int parse_int(const Ini& ini, const IniValue& v, const std::string& key) {
  int out = 0;
  const char* b = v.value.data();
  const char* e = b + v.value.size();
  auto [p, ec] = std::from_chars(b, e, out);
  if (ec != std::errc() || p != e || b == e)
    throw DictError(ini.path, v.line, key + ": expected an integer, got '" + v.value + "'");
  return out;
}

}  // namespace

DictPaths read_config(const std::string& ini_path) {
  Ini ini = parse_ini(ini_path);
  auto section = ini.section_lines.find("dictionaries");
  if (section == ini.section_lines.end()) throw DictError(ini_path, 0, "no [Dictionaries] section");
  DictPaths paths;
  const IniValue* verbs = ini.get("dictionaries", "verbfile_name");
  if (!verbs || verbs->value.empty()) throw DictError(ini_path, section->second, "[Dictionaries] has no verbfile_name");
  paths.verbs = path_list(ini, *verbs, "verbfile_name");
  const IniValue* actors = ini.get("dictionaries", "actorfile_list");
  if (!actors || actors->value.empty()) throw DictError(ini_path, section->second, "[Dictionaries] has no actorfile_list");
  paths.actors = path_list(ini, *actors, "actorfile_list");
  paths.agents = single_path(ini, "agentfile_name");
  paths.discards = single_path(ini, "discardfile_name");
  paths.issues = single_path(ini, "issuefile_name");
  paths.folder = folder_of(ini_path);
  return paths;
}

void read_config_options(const std::string& ini_path, DictOptions& options) {
  Ini ini = parse_ini(ini_path);
  if (const IniValue* v = ini.get("options", "require_dyad")) options.require_dyad = parse_bool(ini, *v, "require_dyad");
  if (const IniValue* v = ini.get("options", "one_sided")) options.one_sided = parse_bool(ini, *v, "one_sided");
  if (const IniValue* v = ini.get("options", "factual_only"))
    options.factual_only = parse_bool(ini, *v, "factual_only");
  struct IntOption {
    const char* key;
    int* field;
  } ints[] = {{"new_actor_length", &options.new_actor_length},
              {"comma_min", &options.comma_min},   {"comma_max", &options.comma_max},
              {"comma_bmin", &options.comma_bmin}, {"comma_bmax", &options.comma_bmax},
              {"comma_emin", &options.comma_emin}, {"comma_emax", &options.comma_emax}};
  for (const IntOption& o : ints)
    if (const IniValue* v = ini.get("options", o.key)) *o.field = parse_int(ini, *v, o.key);
  if (options.new_actor_length != 0)
    throw DictError(ini.path, ini.get("options", "new_actor_length")->line, kNewActorLengthUnsupported);
}

}  // namespace parley
